"""What one build of a language checks and shows about the site's other languages, for every engine.

The checks between languages (a page, term, symptom or glossary entry one language has and another lacks), the
translation notice at the top of a page, the for-clinics page's links to other languages' snippets, and the
language selector's links for a page. Plain data in (the build object), plain data out; the engines' glue
only says when (patient_site/site.py `plan`, patient_site/conversion.py, and each engine's page context).
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from patient_site.checklist.symptom_lists import extract_items
from patient_site.embeds.for_clinics import PAGE as FOR_CLINICS_PAGE
from patient_site.frontmatter.reader import split_front_matter, string_list
from patient_site.languages import check_symptom_count, missing_translations, needs_notice, other_snippets_html
from patient_site.markdown.glossary import FILE as GLOSSARY_FILE
from patient_site.markdown.glossary import PAGE as GLOSSARY_PAGE
from patient_site.markdown.glossary import load_glossary
from patient_site.review.notices import glossary_unapproved
from patient_site.sources import read_source

if TYPE_CHECKING:
    from patient_site.pages import PageSource
    from patient_site.site import SiteBuild


def check(site: SiteBuild, glossary_shown: str | None) -> tuple[list[str], list[str]]:
    """(warnings, notes) for what one language has and another lacks; a symptom list of another length is an error.

    A page not translated yet is a note (the build goes on; its selector leads to the other language's home page,
    and `make check` lists it): a clinic publishes a new page in its own language first. A translated page with no
    original, a term or glossary entry missing in a translation are warnings, which `--strict` stops on.
    `glossary_shown`: how messages name this language's glossary file (None: it has none).
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
        original_shown = f"{shown_docs}/{page.src}"
        text = languages.original(page.src, original_shown)
        if text is None:
            continue
        original = split_front_matter(text, original_shown)
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
    shown = glossary_shown or f"{site.paths.docs_shown}/{GLOSSARY_FILE}"
    warnings += _glossary_gaps(site, original_docs / GLOSSARY_FILE, f"{shown_docs}/{GLOSSARY_FILE}", shown)
    return warnings, []


def _marker_line(text: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if "checklist:start" in line:
            return number
    return 1


def _glossary_gaps(site: SiteBuild, original_path, original_shown: str, shown: str) -> list[str]:
    """Each entry of the first language's glossary has one here (`original:` names it), and no entry names a missing one."""
    if not original_path.is_file():
        return []
    theirs = {entry.term.lower(): entry for entry in load_glossary(read_source(original_path, original_shown), original_shown)}
    ours = site.glossary_entries
    covered = {entry.original.lower() for entry in ours if entry.original}
    warnings = [f"{shown}:{entry.line}: '{entry.term}' names original '{entry.original or '(none)'}', which is not a term "
                f"of {original_shown}; set 'original:' to the term it translates" for entry in ours
                if entry.original.lower() not in theirs]
    warnings += [f"{original_shown}:{entry.line}: '{entry.term}' has no entry in {shown}; add one with "
                 f"'original: {entry.term}'" for key, entry in theirs.items() if key not in covered]
    return warnings


def other_snippets(site: SiteBuild, page: PageSource) -> str:
    """/for-clinics/ offers the snippets of every language: links to the other languages' for-clinics page."""
    if site.languages is None or page.src != FOR_CLINICS_PAGE:
        return ""
    return other_snippets_html(site.languages, site.settings.site_text, page.url)


def notice_html(site: SiteBuild, page: PageSource) -> str:
    """The translation notice for a page of a translated language, until its review fields are filled in ("" for none)."""
    text = site.settings.site_text.untranslated_notice
    shown = f'<p class="translation-notice site-added" role="note">{escape(text)}</p>\n'

    if not text or site.languages is None or site.languages.is_first:
        return ""
    if page.generated:
        # A checklist shows the translated symptom lists: it is reviewed when the pages it comes from are.
        sources = [symptoms.page for record in site.checklists if record.src == page.src for symptoms in record.lists]
        if page.src == GLOSSARY_PAGE:
            return shown if glossary_unapproved(site) else ""  # approvals recorded for their words
        if not sources:
            return ""  # the for-clinics pages: about embedding, no medical text
        return shown if any(needs_notice(site.pages.get(s).review) for s in sources) else ""
    return shown if needs_notice(page.review) else ""


def _has_page(site: SiteBuild, src: str, generated: bool) -> dict[str, bool]:
    languages = site.languages
    return {language.lang: generated or language.lang == languages.current or src in languages.pages_of(language.lang)
            for language in languages.all}


def alternates(site: SiteBuild, page: PageSource | None) -> list[dict[str, str]] | None:
    """The language selector's and hreflang's entries for one page (None: a page without a source, as the 404).

    None when the site has one language."""
    languages = site.languages
    if languages is None:
        return None
    if page is None:
        return languages.alternates(site.site_url, None, {language.lang: False for language in languages.all})
    return languages.alternates(site.site_url, page.url, _has_page(site, page.src, page.generated))


def sitemap_alternates(site: SiteBuild) -> dict[str, list[tuple[str, str]]]:
    """Source path -> (language, full address) of each page's translations, for the sitemap."""
    languages = site.languages
    if languages is None:
        return {}
    return {
        source.src: [(language.lang, languages.absolute(site.site_url, language.lang, source.url if present else ""))
                     for language, present in zip(languages.all, _has_page(site, source.src, source.generated).values())]
        for source in site.pages
    }
