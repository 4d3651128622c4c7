"""Our Markdown-level features as extensions an engine loads by name from `markdown_extensions` alone.

    markdown_extensions:
      - patient_site.markdown.standalone:EditorSafety: {config_file: /path/to/mkdocs.yml}
      - patient_site.markdown.standalone:CrossLinks: {config_file: ...}
      - patient_site.markdown.standalone:CareCards: {config_file: ...}
      - patient_site.markdown.standalone:GlossaryMarks: {config_file: ...}

Engines without hooks (Zensical) give an extension no build object, so each extension reads the site itself
with `engine.prepare` (the same settings, page walk, term and glossary index as the MkDocs glue): once per
`build` name when given (our Zensical step gives one), else again whenever a source or the config changed.
The tree processors are the MkDocs wiring's own (`crosslinks`, `glossary`, `editor.checks`,
`patient.care_cards`), at the same priorities. `GeneratedPageLinks` is for Zensical only (see there).

Which page converts: Zensical registers a `rendering_context` preprocessor whose `page.path` is the source path
inside docs_dir; we read that. Any other engine: the Markdown text is matched against the pages' bodies. A page
found neither way (not one of ours) converts without our features.
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass
from urllib.parse import urlsplit

import lxml.html

from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from patient_site.editor.checks import PageSafety
from patient_site.embeds.for_clinics import is_for_clinics
from patient_site.engine.prepare import Prepared, prepare, walk_docs
from patient_site.markdown.crosslinks import LINK_CLASS, CrossLinkState, CrossLinkTreeprocessor
from patient_site.markdown.glossary import GlossaryState, GlossaryTreeprocessor
from patient_site.pages import PageSource
from patient_site.urls import site_path
from patient_site.patient.care_cards import fill_cards, place_markers

_CACHE: dict[str, tuple[tuple, Prepared]] = {}  # config file -> (what it was read from, the prepared site)


def site_for(config_file: str, build: str = "") -> Prepared:
    """The prepared site of `config_file`.

    `build` names one build (our Zensical step writes a new one into each generated config): the site is
    read once for it. Without it, the site is read again whenever the config or a file in docs_dir changed,
    which costs a walk of docs_dir per page.
    """
    config_file = os.path.abspath(config_file)
    cached = _CACHE.get(config_file)
    if cached is not None and (cached[0] == ("build", build) if build else cached[0] == _signature(config_file, cached[1].config.docs_dir)):
        return cached[1]
    prepared = prepare(config_file)
    _CACHE[config_file] = (("build", build) if build else _signature(config_file, prepared.config.docs_dir), prepared)
    return prepared


def _signature(config_file: str, docs_dir: str) -> tuple:
    files = [config_file, *(os.path.join(docs_dir, src) for src in walk_docs(docs_dir))]
    return tuple((path, os.stat(path).st_mtime_ns, os.stat(path).st_size) for path in files)


@dataclass
class Converting:
    """The page one Markdown instance is converting, as our index knows it."""

    page: PageSource | None = None
    first_line: int = 1  # the line of the source file where the converted text starts


def _engine_page_path(md) -> str | None:
    """Zensical's page path (the source path inside docs_dir), from the preprocessor it registers on every page."""
    for processor in md.preprocessors:
        page = getattr(processor, "page", None)
        if getattr(processor, "name", None) == "rendering_context" and isinstance(getattr(page, "path", None), str):
            return page.path.replace(os.sep, "/")
    return None


def _find_page(md, prepared: Prepared, text: str) -> Converting:
    path = _engine_page_path(md)
    page = prepared.site.pages.get(path) if path else None
    if page is None and path is None:  # no engine context: find the page by its text
        page = prepared.page_by_text(text)
    if page is None:
        return Converting()
    given = text.lstrip("\n")
    if page.text.lstrip("\n").startswith(given[:200]) and not page.source.body.lstrip("\n").startswith(given[:200]):
        return Converting(page, 1 + len(page.text) - len(page.text.lstrip("\n")) - (len(text) - len(given)))
    body = page.source.body
    # As MkDocs hands over the body without its leading blank lines, count them back for true line numbers.
    return Converting(page, page.source.body_line + len(body) - len(body.lstrip("\n")) - (len(text) - len(given)))


class _FindPage(Preprocessor):
    """Finds the page before anything else reads or changes its text; every feature on this instance reads it."""

    def __init__(self, md, prepared: Prepared, converting: Converting):
        super().__init__(md)
        self.prepared, self.converting = prepared, converting

    def run(self, lines):
        found = _find_page(self.md, self.prepared, "\n".join(lines))
        self.converting.page, self.converting.first_line = found.page, found.first_line
        return lines


class _PageStart(Preprocessor):
    """Lets one feature set itself up for the page found (and, for care cards, change its text)."""

    def __init__(self, md, start):
        super().__init__(md)
        self.start = start

    def run(self, lines):
        return self.start(lines) or lines


class _PageEnd(Postprocessor):
    def __init__(self, md, finish):
        super().__init__(md)
        self.finish = finish

    def run(self, text):
        return self.finish(text)


class _RelativeLinks(Treeprocessor):
    """Our links as paths from the page ("../symptoms.md#x"), which every engine resolves and checks.

    The features write "/symptoms.md"; MkDocs resolves that through `validation.links.absolute_links:
    relative_to_docs`, but Zensical 0.0.73 leaves it as written (a broken link on the built site).
    """

    CLASSES = frozenset({LINK_CLASS, "glossary-term__link"})

    def __init__(self, md, converting: Converting):
        super().__init__(md)
        self.converting = converting

    def run(self, root):
        if self.converting.page is None:
            return
        here = posixpath.dirname(self.converting.page.src) or "."
        for link in root.iter("a"):
            href = link.get("href") or ""
            if href.startswith("/") and self.CLASSES & set((link.get("class") or "").split()):
                path, hash_, fragment = href[1:].partition("#")
                link.set("href", posixpath.relpath(path, here) + hash_ + fragment)


class _SiteExtension(Extension):
    """One feature, set up per page from the site `config_file` describes."""

    NAME = ""

    def __init__(self, **kwargs):
        self.config = {
            "config_file": ["mkdocs.yml", "The site's config file (mkdocs.yml or a clinic's), relative to the current folder"],
            "build": ["", "One build's name: the site is read once per name (else again whenever a source changed)"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        prepared = site_for(self.getConfig("config_file"), self.getConfig("build"))
        converting = getattr(md, "patient_site_page", None)
        if converting is None:  # the first of our extensions on this instance finds the page for all of them
            converting = md.patient_site_page = Converting()
            # Priority 40: before normalize_whitespace (30), so the text is the file's as written (tabs and all).
            md.preprocessors.register(_FindPage(md, prepared, converting), "patient-site-page", 40)
        self.register(md, prepared, converting)

    def register(self, md, prepared: Prepared, converting: Converting) -> None:
        raise NotImplementedError

    def _start(self, md, prepared, converting, start) -> None:
        # Priority 35: after the page is found (40), before normalize_whitespace (30), as MkDocs' on_page_markdown.
        md.preprocessors.register(_PageStart(md, start), f"patient-site-{self.NAME}", 35)


class CrossLinks(_SiteExtension):
    """Links first mentions of other pages' terms (crosslinks.py), as in the MkDocs build (priority 6)."""

    NAME = "crosslinks"

    def register(self, md, prepared, converting):
        state = CrossLinkState(index=prepared.site.crosslinks.index)

        def start(lines):
            page = converting.page
            state.page = None if page is None or is_for_clinics(page.src) else page.src

        self._start(md, prepared, converting, start)
        md.treeprocessors.register(CrossLinkTreeprocessor(md, state), "crosslinks", 6)
        md.treeprocessors.register(_RelativeLinks(md, converting), "patient-site-relative-links", 1)


class GlossaryMarks(_SiteExtension):
    """Marks the first use of each glossary term (glossary.py) on the editor's pages (priority 4)."""

    NAME = "glossary"

    def register(self, md, prepared, converting):
        state = GlossaryState(index=prepared.site.glossary.index)

        def start(lines):
            state.active = converting.page is not None and not converting.page.generated

        self._start(md, prepared, converting, start)
        md.treeprocessors.register(GlossaryTreeprocessor(md, state), "glossary", 4)
        md.treeprocessors.register(_RelativeLinks(md, converting), "patient-site-relative-links", 1)


class CareCards(_SiteExtension):
    """Checks care-card markers before conversion; puts the cards in after it."""

    NAME = "care-cards"

    def register(self, md, prepared, converting):
        settings = prepared.site.settings

        def start(lines):
            page = converting.page
            if page is None or page.generated:
                return lines
            return place_markers("\n".join(lines), settings.care_cards, page.shown, converting.first_line).split("\n")

        def finish(html):
            if converting.page is None:
                return html
            return fill_cards(html, settings.care_cards, settings.clinic)

        self._start(md, prepared, converting, start)
        md.postprocessors.register(_PageEnd(md, finish), "patient-site-care-cards", 5)  # after raw HTML is back (30)


class EditorSafety(_SiteExtension):
    """The editor's raw-HTML allow-list and raw-link checks (editor/checks.py); the first mistake raises EditorError."""

    NAME = "editor-safety"

    def register(self, md, prepared, converting):
        safety = PageSafety()  # one per Markdown instance: engines may convert pages side by side
        site = prepared.site

        def start(lines):
            page = converting.page
            safety.start(trusted=page is None or page.generated)

        def finish(html):
            page = converting.page
            if page is not None and not page.generated:
                safety.finish(page.shown, page.text, page.url, site.site_urls)
            return html

        self._start(md, prepared, converting, start)
        safety.extension.extendMarkdown(md)
        md.postprocessors.register(_PageEnd(md, finish), "patient-site-editor-safety", 6)


class GeneratedPageLinks(_SiteExtension):
    """Zensical only: the generated pages' relative links, written from the page's address, as Zensical reads them.

    MkDocs leaves a relative link it does not recognise as a file (`../../causes/`, `../api/index.json`) as
    written, so the browser resolves it from the page's address; Zensical 0.0.73 resolves every relative link
    from the source file's folder, one level up for a page in its own folder. The generated pages (for-clinics,
    checklist) write theirs from the page's address, so under Zensical they are rewritten from the source's
    folder. The editor's pages need none: their relative links are Markdown links to files, which both engines
    resolve from the source's folder (raw HTML links to folders are an engine difference, see README "Engine").
    """

    NAME = "generated-links"
    ATTRIBUTES = ("href", "src")

    def register(self, md, prepared, converting):
        def finish(html):
            page = converting.page
            if page is None or not page.generated or _engine_page_path(md) is None:
                return html
            return _from_source_folder(html, page)

        md.postprocessors.register(_PageEnd(md, finish), "patient-site-generated-links", 3)  # after raw HTML (30)


def _from_source_folder(html: str, page: PageSource) -> str:
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    folder = posixpath.dirname(page.src) or "."
    changed = False
    for element in root.iter():
        for attribute in GeneratedPageLinks.ATTRIBUTES:
            value = element.get(attribute) if isinstance(element.tag, str) else None
            if not value or value.startswith(("#", "/")) or urlsplit(value).scheme or urlsplit(value).path.endswith(".md"):
                continue  # a link to a source page is read from the source's folder by both engines
            where = site_path(page.url, value)
            if where is None:
                continue
            path, fragment = where
            relative = posixpath.relpath(path.rstrip("/") or ".", folder)
            relative += "/" if path.endswith("/") or path == "" else ""
            element.set(attribute, relative + (f"#{fragment}" if fragment else ""))
            changed = True
    if not changed:
        return html
    return (root.text or "") + "".join(lxml.html.tostring(child, encoding="unicode") for child in root)


EXTENSIONS = (EditorSafety, CrossLinks, CareCards, GlossaryMarks)  # the order our MkDocs wiring adds them in
ZENSICAL_ONLY = (GeneratedPageLinks,)
