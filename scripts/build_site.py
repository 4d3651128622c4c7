"""`make site`: build into a temporary folder and replace site/ only when the build and every check passed.

MkDocs' own `--strict` build still overwrites its site folder when it fails, so a mistake could leave a
half-written site. Here a failed build, or a content check that the configured policy makes an error
(for example an overdue review with `overdue_review: fail`), leaves the previous site/ exactly as it was.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path
from xml.etree import ElementTree

from patient_site.composition import Site
from patient_site.editor.code_quality import MESSAGE, copied_output, write_report
from patient_site.errors import SiteError
from patient_site.mkdocs.commands import language_configs, run_checks, strict_build_all
from patient_site.publish import failed, swap_in, work_folder


def build_site(config_file: Path, site_dir: Path, today: datetime.date, further_first: bool = False) -> int:
    """Build, check, then swap the new site into place; 0 on success, 1 (site_dir untouched) otherwise.

    `further_first`: the further languages are built before the first (`make sites`: see `strict_build_all`)."""
    site_dir = site_dir.resolve()
    with work_folder(site_dir, ".site-new-") as new:
        if strict_build_all(config_file, new, further_first) != 0:  # every language (LANGUAGES.md); MkDocs printed the problem
            return failed("", site_dir)
        try:
            others = language_configs(config_file)
            reports, _ = run_checks(config_file, new, today)
            for lang, language_config in others:
                reports += run_checks(language_config, new / lang, today)[0]
        except SiteError as error:  # already `mkdocs.yml:LINE: message`
            print(error, file=sys.stderr)
            return 1
        errors = [message if MESSAGE.match(message.partition("\n")[0]) else f"{report.path}: {message}"  # naming its own line
                  for report in reports for message in report.errors]
        if errors:
            print("\n".join(errors), file=sys.stderr)
            print(f"The content checks failed: {site_dir.name}/ was left as it was.", file=sys.stderr)
            return 1
        languages = 1 + len(others)
        pages = published_pages(new)
        swap_in(new, site_dir)
    warnings = sum(len(report.warnings) for report in reports)
    print(f"Built the site into {site_dir.name}/ ({languages} language{'s' * (languages > 1)}, {pages} pages, "
          f"{warnings} warning{'s' * (warnings != 1)}{': make check lists them' if warnings else ''})")
    return 0


def published_pages(site_dir: Path) -> int:
    """The pages a reader or search engine finds: the addresses in every language's sitemap."""
    maps = [site_dir / "sitemap.xml", *site_dir.glob("*/sitemap.xml")]
    return sum(len(ElementTree.parse(path).getroot()) for path in maps if path.is_file())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the site atomically into site/.")
    parser.add_argument("-f", "--config-file", default="mkdocs.yml")
    parser.add_argument("-d", "--site-dir", default="site")
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date.today(), help="YYYY-MM-DD")
    parser.add_argument("--code-quality", type=Path, help="also write the messages as a GitLab Code Quality report here")
    parser.add_argument("--further-languages-first", action="store_true", help=argparse.SUPPRESS)  # make sites' choice
    args = parser.parse_args(argv)
    config_file = Path(args.config_file).resolve()
    if not args.code_quality:
        return build_site(config_file, Path(args.site_dir), args.today, args.further_languages_first)
    with copied_output() as output:  # patient_site/editor/code_quality.py
        code = build_site(config_file, Path(args.site_dir), args.today, args.further_languages_first)
    project = Site.of_file(config_file).project  # messages name files from the project folder, as the report does
    write_report(args.code_quality, output.text, project, project)
    return code


if __name__ == "__main__":
    sys.exit(main())
