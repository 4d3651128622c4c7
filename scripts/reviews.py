"""`make sign-off`, `make translated` and `make review-report`: the review records in reviews/ (EDITING.md, "Reviews").

Thin: MkDocs reads the configs (INHERIT and all) through patient_site.mkdocs.commands; the work is in
patient_site.review. A mistake is one line naming the file and line (or the make variable) and exits 1, with
nothing written.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from patient_site.errors import SiteError
from patient_site.mkdocs.commands import review_sources
from patient_site.review.commands import CommandError, sign_off_item, sign_off_page, translated
from patient_site.review.project import project_review
from patient_site.review.report import write_report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Record sign-offs and translations; write the review report.")
    parser.add_argument("command", choices=("sign-off", "translated", "report"))
    parser.add_argument("-f", "--config-file", default="mkdocs.yml")
    parser.add_argument("--page", default="")
    parser.add_argument("--glossary", default="")
    parser.add_argument("--text", default="")
    parser.add_argument("--all", default="")
    parser.add_argument("--by", default="")
    parser.add_argument("--date", default="")
    parser.add_argument("--out", default="review-report")
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date.today(), help="YYYY-MM-DD")
    args = parser.parse_args(argv)
    try:
        project, languages = review_sources(Path(args.config_file).resolve())
        if args.command == "sign-off":
            if sum(bool(x) for x in (args.page, args.glossary, args.text)) != 1:
                raise CommandError('sign-off needs one of PAGE=docs/<page>.md, GLOSSARY="<file>:<term>" or '
                                   'TEXT="<config file>:<setting>", and BY="Name, role"')
            project_review(project, languages, args.today)  # a broken record stops here, before anything is written
            done = [sign_off_page(project, args.page, args.by, args.date, languages, args.today) if args.page else
                    sign_off_item(project, args.glossary, args.text, args.by, args.date, languages, args.today)]
        elif args.command == "translated":
            project_review(project, languages, args.today)
            done = translated(project, args.page, args.glossary, args.text, args.all, languages, args.today)
        else:
            out = Path(args.out)
            write_report(out, project_review(project, languages, args.today), args.today)
            done = [f"Wrote {out}/index.html and {out}/report.json"]
    except SiteError as error:
        print(error, file=sys.stderr)
        return 1
    print("\n".join(done))
    return 0


if __name__ == "__main__":
    sys.exit(main())
