"""What the `make` commands need from MkDocs: a config file read as a build reads it, and a strict build.

`scripts/build_site.py` (make site), `scripts/check_content.py` (make check) and `scripts/serve_prod.py`
(make serve-prod) stay thin by calling these; the checks themselves are in `patient_site.editor.content_check`.
"""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
from contextlib import ExitStack
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.structure.files import File, get_files

from patient_site import composition
from patient_site.editor.content_check import PageReport, check_site, clinic_report, glossary_report
from patient_site.editor.content_settings import Settings
from patient_site.editor.readability import SharedGrades
from patient_site.errors import SiteError
from patient_site.languages import Languages, join_language, missing_translations
from patient_site.pages import PageIndex, decode, read_page
from patient_site.publish import work_folder
from patient_site.review.checks import findings as review_findings
from patient_site.review.project import LanguageSources, approved_terms, project_review, read_language
from patient_site.settings import SiteSettings, load_settings
from patient_site.theme.nav_order import nav_pages


def read_config(config_file: Path):
    """The config as a build reads it, and its checked `extra.*` settings; SiteError if wrong.

    `config_file` names a site (mkdocs.yml, a clinic file, a language's file: patient_site/composition.py) or is a
    generated config; MkDocs reads the composed one."""
    config = load_config(str(composition.engine_config(config_file)))
    return config, load_settings(config.extra, config.config_file_path)


def strict_build(config_file: Path, site_dir: Path, cwd: Path | None = None) -> int:
    """A strict `mkdocs build` in its own process; MkDocs prints its own messages. Returns the exit code.

    `cwd`: the folder messages name settings files from (default: the project folder).
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    config_file = composition.engine_config(config_file)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_file), "-d", str(site_dir)]
    return subprocess.run(command, env=env, cwd=cwd or composition.Site.of_file(config_file).project).returncode


def language_configs(config_file: Path) -> list[tuple[str, Path]]:
    """(folder in the site, config to build) of each further language the site publishes (LANGUAGES.md)."""
    return composition.configs(config_file)[1:] if composition.names_first_language(config_file) else []


def strict_build_all(config_file: Path, site_dir: Path, further_first: bool = False) -> int:
    """The first language into `site_dir`, then each further one into `site_dir/<lang>/`: one site, one build each.

    In that order because MkDocs empties its site folder before it builds. Returns the first non-zero exit code.
    `further_first` builds the further languages first, each into a folder beside `site_dir` that moves in after the
    first language's build: `make sites` starts two sites at once that way, so with an empty shared store each
    language's pages are converted once between them, not twice (patient_site/shared_conversions.py).
    """
    try:
        configs = composition.configs(config_file)
    except SiteError as error:  # `path:line: message`, as MkDocs prints ours
        print(error, file=sys.stderr)
        return 1
    if further_first and len(configs) > 1:
        return _further_first(configs, site_dir)
    (_, first), code = configs[0], strict_build(configs[0][1], site_dir)
    for lang, language_config in configs[1:] if code == 0 else []:
        code = strict_build(language_config, site_dir / lang)  # "languages/es/mkdocs.yml:LINE"
        if code:
            break
        join_language(site_dir, lang, nginx_snippet(first), nginx_snippet(language_config))
    return code


def _further_first(configs: list[tuple[str, Path]], site_dir: Path) -> int:
    with ExitStack() as folders:
        built = []
        for lang, language_config in configs[1:]:
            folder = folders.enter_context(work_folder(site_dir, f".{lang}-new-"))
            code = strict_build(language_config, folder)
            if code:
                return code
            built.append((lang, language_config, folder))
        first = configs[0][1]
        code = strict_build(first, site_dir)
        for lang, language_config, folder in built if code == 0 else []:
            folder.rename(site_dir / lang)
            join_language(site_dir, lang, nginx_snippet(first), nginx_snippet(language_config))
        return code


def run_checks(config_file: Path, site_dir: Path, today: datetime.date) -> tuple[list[PageReport], Settings]:
    """`make check`'s reports (and the settings used) for a project whose site is already built into `site_dir`."""
    config, settings = read_config(config_file)
    docs = Path(config.docs_dir)
    site = composition.Site.of_file(config_file)
    shown = os.path.relpath(docs, site.project)  # pages are named from the project folder ("languages/es/docs/…")
    checks = settings.content_check
    languages = Languages.of_build(settings.languages, config.theme["language"], config.docs_dir)
    project = site.project
    grades = SharedGrades(project / composition.CACHE / "grades", config.theme["language"])  # every clinic's pages
    reports = check_site(page_index(config, shown), site_dir, nav_pages(config.nav), today, checks, config.theme["language"],
                         grades)
    grades.close()
    clinic_file = Path(settings.where("clinic").rpartition(":")[0]).resolve()
    extra = [clinic_report(clinic_file, config.extra.get("clinic"), checks),
             glossary_report(docs, shown, lambda file, entries: approved_terms(project, file, entries)),
             _translation_report(config, settings)]
    reviews = _review_reports(config_file, today) if not languages.active or languages.is_first else []  # every language's
    return reports + [report for report in extra if report] + reviews, checks


def review_sources(config_file: Path) -> tuple[Path, list[LanguageSources]]:
    """The project folder and every language's pages, glossary and settings, for the review records (patient_site/review)."""
    project = composition.Site.of_file(config_file).project
    found = []
    for lang, path in composition.configs(config_file):
        language_config, language_settings = read_config(path)
        own = composition.own_file(language_config.config_file_path)
        found.append(read_language(project, lang, os.path.relpath(own, project), os.path.relpath(language_config.docs_dir, project),
                                   language_settings))
    return project, found


def _review_reports(config_file: Path, today: datetime.date) -> list[PageReport]:
    """Pages changed since their sign-off, stale translations, void approvals: one report per file, every language."""
    project, languages = review_sources(config_file)
    reports: dict[str, PageReport] = {}
    for file, kind, message in review_findings(project_review(project, languages, today), languages[0].settings):
        report = reports.setdefault(file, PageReport(file, "the reviews"))
        {"error": report.errors, "warning": report.warnings}.get(kind, report.notes).append(message)
    return list(reports.values())


def page_index(config, shown_docs: str) -> PageIndex:
    """Every page the build publishes, read as the build reads it (MkDocs' file list and addresses, `read_page`, the
    one reader of source files); the generated pages the menu lists join it by name and address, with no text."""
    files = get_files(config)
    pages = []
    for file in files.documentation_pages():
        shown = f"{shown_docs}/{file.src_uri}"
        pages.append(read_page(file.src_uri, shown, file.url, file.name, decode(file.content_bytes, shown)))
    for src in nav_pages(config.nav):
        if src.endswith(".md") and files.get_file_from_path(src) is None:
            made = File(src, src_dir=None, dest_dir=config.site_dir, use_directory_urls=config.use_directory_urls)
            pages.append(read_page(src, src, made.url, made.name, "", generated=True))  # its address, as the build's
    return PageIndex(pages)


def _translation_report(config, settings: SiteSettings) -> PageReport | None:
    """The first language's pages that another language has no translation of yet (warnings: shown, never stopping)."""
    languages = Languages.of_build(settings.languages, config.theme["language"], config.docs_dir)
    if not languages.active or not languages.is_first:
        return None
    docs = Path(config.docs_dir)
    pages = {src: f"{os.path.relpath(docs, languages.project)}/{src}" for src in languages.pages_of(languages.current)}
    report = PageReport("translations", "the translations")
    report.warnings += missing_translations(languages, pages)
    return report if report.warnings else None


def nginx_snippet(config_file: Path) -> Path:
    """Where the build wrote the nginx snippet: extra.embed.nginx_snippet, from the project folder."""
    _, settings = read_config(config_file)
    return composition.Site.of_file(config_file).project / settings.embed.nginx_snippet
