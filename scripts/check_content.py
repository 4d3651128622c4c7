"""`make check`: reading grade, review dates, alt text, orphan pages, unapproved glossary entries, example clinic.

The site is built strictly into a temporary folder first, so the grade is measured on the text a patient sees
(patient_site/editor/content_check.py). Warnings never stop a preview; errors make the command exit 1.
"""

from __future__ import annotations

import argparse
import datetime
import sys
import tempfile
from pathlib import Path

from patient_site.editor.content_check import format_report
from patient_site.errors import SiteError
from patient_site.mkdocs.commands import language_configs, run_checks, strict_build_all


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check readability, review dates, alt text and orphan pages.")
    parser.add_argument("-f", "--config-file", default="mkdocs.yml")
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date.today(), help="YYYY-MM-DD")
    args = parser.parse_args(argv)
    config_file = Path(args.config_file).resolve()
    with tempfile.TemporaryDirectory(prefix="content-check-") as folder:
        if strict_build_all(config_file, Path(folder)) != 0:  # every language (LANGUAGES.md)
            print("The site does not build; fix the errors above first.", file=sys.stderr)
            return 1
        try:
            reports, settings = run_checks(config_file, Path(folder), args.today)
            printed = [format_report(reports, settings)]
            for lang, language_config in language_configs(config_file):  # each graded with its own language's formula
                language_reports, language_settings = run_checks(language_config, Path(folder) / lang, args.today)
                printed.append(f"\n== {lang} ==\n" + format_report(language_reports, language_settings, lang))
                reports += language_reports
        except SiteError as error:  # already `mkdocs.yml:LINE: message`
            print(error, file=sys.stderr)
            return 1
    print("\n".join(printed))
    return 1 if any(report.errors for report in reports) else 0


if __name__ == "__main__":
    sys.exit(main())
