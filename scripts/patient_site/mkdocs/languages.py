"""MkDocs glue for the site's languages: which language a build is, the selector's links, the notice, the checks.

The work is done by `patient_site.languages` (plain data); this module reads MkDocs' config, pages and files.
Material draws the selector and the head's `<link rel="alternate" hreflang>` from `config.extra.alternate`;
we set it for each page before the page is rendered (as mkdocs-static-i18n does), so both lead to the same
page in the other language, and reset it to the languages' home pages for pages without a source (404).
"""

from __future__ import annotations

from patient_site.checklist.symptom_lists import extract_items
from patient_site.frontmatter.reader import split_front_matter, string_list
from patient_site.embeds.for_clinics import PAGE as FOR_CLINICS_PAGE
from patient_site.languages import (Languages, check_symptom_count, missing_translations, needs_notice, notice_html,
                                    other_snippets_html)
from patient_site.markdown.glossary import FILE as GLOSSARY_FILE
from patient_site.markdown.glossary import load_glossary
from patient_site.review.notices import glossary_unapproved
from patient_site.site import SiteBuild


def project_of(config, settings) -> str | None:
    """The project folder, for a build of a language other than the first (None: the config's own folder)."""
    languages = Languages.of_build(settings.languages, config.theme["language"], config.docs_dir)
    return languages.project if languages.active and not languages.is_first else None


def of_build(config, site: SiteBuild) -> Languages | None:
    languages = Languages.of_build(site.settings.languages, site.language, config.docs_dir)
    return languages if languages.active else None


def check(files, site: SiteBuild) -> tuple[list[str], list[str]]:
    """(warnings, notes) for what one language has and another lacks; a symptom list of another length is an error.

    A page not translated yet is a note (the build goes on; its selector leads to the other language's home page,
    and `make check` lists it): a clinic publishes a new page in its own language first. A translated page with no
    original, a term or glossary entry missing in a translation are warnings, which `--strict` stops on.
    """
    languages = site.languages
    if languages is None:
        return [], []
    editors = {page.src: page.shown for page in site.pages.editors_pages()}
    first = languages.all[0]
    if languages.is_first:
        return [], missing_translations(languages, editors)
    warnings = missing_translations(languages, editors, only=(first.lang,))
    original_docs = languages.docs_dir(first.lang)
    shown_docs = original_docs.relative_to(languages.project).as_posix()
    for page in site.pages.editors_pages():
        original_file = original_docs / page.src
        if not original_file.is_file():
            continue
        original = split_front_matter(original_file.read_text("utf-8"), f"{shown_docs}/{page.src}")
        theirs, ours = string_list(original, "terms"), page.terms
        if len(theirs) != len(ours):
            line = page.source.line_of("terms") if "terms" in page.source.meta else 1
            warnings.append(f"{page.shown}:{line}: 'terms' has {len(ours)} term(s) but {shown_docs}/{page.src} has "
                            f"{len(theirs)}; translate every term, so each language links the same pages")
        symptoms = page.symptoms()
        original_items = extract_items(original.body, f"{shown_docs}/{page.src}", original.body_line)
        if symptoms is not None or original_items is not None:
            line = _marker_line(page.text)
            check_symptom_count(page.shown, line, len(symptoms.items) if symptoms else 0,
                                f"{shown_docs}/{page.src}", len(original_items or []))
    warnings += _glossary_gaps(site, original_docs / GLOSSARY_FILE, f"{shown_docs}/{GLOSSARY_FILE}", files)
    return warnings, []


def _marker_line(text: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if "checklist:start" in line:
            return number
    return 1


def _glossary_gaps(site: SiteBuild, original_path, original_shown: str, files) -> list[str]:
    """Each entry of the first language's glossary has one here (`original:` names it), and no entry names a missing one."""
    if not original_path.is_file():
        return []
    theirs = {entry.term.lower(): entry for entry in load_glossary(original_path.read_text("utf-8"), original_shown)}
    ours = site.glossary_entries
    glossary = files.get_file_from_path(GLOSSARY_FILE)
    shown = site.paths.shown(glossary.abs_src_path) if glossary is not None and glossary.abs_src_path else \
        f"{site.paths.docs_shown}/{GLOSSARY_FILE}"
    covered = {entry.original.lower() for entry in ours if entry.original}
    warnings = [f"{shown}:{entry.line}: '{entry.term}' names original '{entry.original or '(none)'}', which is not a term "
                f"of {original_shown}; set 'original:' to the term it translates" for entry in ours
                if entry.original.lower() not in theirs]
    warnings += [f"{original_shown}:{entry.line}: '{entry.term}' has no entry in {shown}; add one with "
                 f"'original: {entry.term}'" for key, entry in theirs.items() if key not in covered]
    return warnings


def other_snippets(page, site: SiteBuild) -> str:
    """/for-clinics/ offers the snippets of every language: links to the other languages' for-clinics page."""
    if site.languages is None or page.file.src_uri != FOR_CLINICS_PAGE:
        return ""
    return other_snippets_html(site.languages, site.settings.site_text, page.url)


def notice(page, site: SiteBuild) -> str:
    """The translation notice for a page of a translated language, until its review fields are filled in."""
    text = site.settings.site_text.untranslated_notice
    if not text or site.languages is None or site.languages.is_first:
        return ""
    src = page.file.src_uri
    if page.file.generated_by:
        # A checklist shows the translated symptom lists: it is reviewed when the pages it comes from are.
        sources = [symptoms.page for record in site.checklists if record.src == src for symptoms in record.lists]
        if src == "glossary.md":
            return notice_html(text) if glossary_unapproved(site) else ""  # approvals recorded for their words
        if not sources:
            return ""  # the for-clinics pages: about embedding, no medical text
        return notice_html(text) if any(needs_notice(site.pages.get(s).review) for s in sources) else ""
    source = site.pages.get(src)
    return notice_html(text) if source is not None and needs_notice(source.review) else ""


def _has_page(site: SiteBuild, src: str, generated: bool) -> dict[str, bool]:
    languages = site.languages
    return {language.lang: generated or language.lang == languages.current or src in languages.pages_of(language.lang)
            for language in languages.all}


def set_alternates(config, page, site: SiteBuild) -> None:
    languages = site.languages
    if languages is None:
        return
    if page is None:
        config.extra["alternate"] = languages.alternates(site.site_url, None, {language.lang: False for language in languages.all})
        site.sitemap_alternates = {
            source.src: [(language.lang, languages.absolute(site.site_url, language.lang, source.url if present else ""))
                         for language, present in zip(languages.all, _has_page(site, source.src, source.generated).values())]
            for source in site.pages
        }
        return
    config.extra["alternate"] = languages.alternates(site.site_url, page.url, _has_page(site, page.file.src_uri, bool(page.file.generated_by)))
