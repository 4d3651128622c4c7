"""The Zensical glue during its build: one Markdown extension, loaded by name, around every page's conversion.

    markdown_extensions:
      - patient_site.engine.extension:PatientSite: {config_file: /path/to/mkdocs.yml, build: <name>}

Zensical runs no hooks and gives an extension no build object, so the extension plans the site itself
(`engine.prepare`: the same planning call as the MkDocs glue), once per `build` name when given (our Zensical
step writes a new one into each generated config), else again whenever a source or the config changed. Around
each page it runs the one page conversion (patient_site/conversion.py), as the MkDocs events do.

Which page converts: Zensical registers a `rendering_context` preprocessor whose `page.path` is the source path
inside docs_dir; we read that. Any other engine: the Markdown text is matched against the pages' bodies. A page
found neither way (not one of ours) converts without our features.
"""

from __future__ import annotations

import os
import posixpath
from urllib.parse import urlsplit

import lxml.html
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from patient_site.conversion import PageConversion
from patient_site.docs_folder import walk_docs
from patient_site.engine.prepare import Prepared, prepare

_CACHE: dict[str, tuple[tuple, Prepared]] = {}  # config file -> (what it was read from, the prepared site)


def site_for(config_file: str, build: str = "") -> Prepared:
    """The prepared site of `config_file`: read once per `build` name, or (no name) again when a file changed."""
    config_file = os.path.abspath(config_file)
    cached = _CACHE.get(config_file)
    if cached is not None and cached[0] == (("build", build) if build else _signature(config_file, cached[1].config.docs_dir)):
        return cached[1]
    prepared = prepare(config_file)
    _CACHE[config_file] = (("build", build) if build else _signature(config_file, prepared.config.docs_dir), prepared)
    return prepared


def _signature(config_file: str, docs_dir: str) -> tuple:
    files = [config_file, *(os.path.join(docs_dir, src) for src in walk_docs(docs_dir))]
    return tuple((path, os.stat(path).st_mtime_ns, os.stat(path).st_size) for path in files)


def _engine_page_path(md) -> str | None:
    """Zensical's page path (the source path inside docs_dir), from the preprocessor it registers on every page."""
    for processor in md.preprocessors:
        page = getattr(processor, "page", None)
        if getattr(processor, "name", None) == "rendering_context" and isinstance(getattr(page, "path", None), str):
            return page.path.replace(os.sep, "/")
    return None


class _Start(Preprocessor):
    """Finds the page before anything else reads its text, then runs the conversion's start (care-card markers)."""

    def __init__(self, md, prepared: Prepared, conversion: PageConversion):
        super().__init__(md)
        self.prepared, self.conversion = prepared, conversion

    def run(self, lines):
        text = "\n".join(lines)
        path = _engine_page_path(self.md)
        # Without the engine's page path (an engine other than Zensical), the page is found by its text.
        page = self.prepared.site.pages.get(path) if path else self.prepared.pages_by_text.get(text.strip())
        return self.conversion.start(page, text).split("\n")


class _Finish(Postprocessor):
    def __init__(self, md, conversion: PageConversion):
        super().__init__(md)
        self.conversion = conversion

    def run(self, text):
        return self.conversion.finish(text)


class _GeneratedPageLinks(Postprocessor):
    """The generated pages' relative links, written from the page's address, as Zensical reads them.

    MkDocs leaves a relative link it does not recognise as a file (`../../causes/`, `../api/index.json`) as
    written, so the browser resolves it from the page's address; Zensical 0.0.73 resolves every relative link
    from the source file's folder, one level up for a page in its own folder. The generated pages (for-clinics,
    checklist) write theirs from the page's address, so under Zensical they are rewritten from the source's
    folder. The editor's pages need none: their relative links are Markdown links to files, which both engines
    resolve from the source's folder (raw HTML links to folders are an engine difference, see README "Engine").
    """

    ATTRIBUTES = ("href", "src")

    def __init__(self, md, conversion: PageConversion):
        super().__init__(md)
        self.conversion = conversion

    def run(self, html):
        page = self.conversion.page
        if page is None or not page.generated or _engine_page_path(self.md) is None:
            return html
        root = lxml.html.fragment_fromstring(html, create_parent="div")
        folder = posixpath.dirname(page.src) or "."
        changed = False
        for element in root.iter():
            for attribute in self.ATTRIBUTES:
                value = element.get(attribute) if isinstance(element.tag, str) else None
                if not value or value.startswith(("#", "/")) or urlsplit(value).scheme or urlsplit(value).path.endswith(".md"):
                    continue  # a link to a source page is read from the source's folder by both engines
                parts = urlsplit(value)
                # From the page's address (it may lead out of this language's folder, to another language's page).
                target = posixpath.normpath(posixpath.join(page.url, parts.path))
                relative = posixpath.relpath(target, folder) + ("/" if parts.path.endswith("/") else "")
                fragment = parts.fragment
                element.set(attribute, relative + (f"#{fragment}" if fragment else ""))
                changed = True
        if not changed:
            return html
        return (root.text or "") + "".join(lxml.html.tostring(child, encoding="unicode") for child in root)


class PatientSite(Extension):
    """Our Markdown-level features for one page, from the site `config_file` describes."""

    def __init__(self, **kwargs):
        self.config = {
            "config_file": ["mkdocs.yml", "The site's config file (mkdocs.yml or a clinic's), relative to the current folder"],
            "build": ["", "One build's name: the site is read once per name (else again whenever a source changed)"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        prepared = site_for(self.getConfig("config_file"), self.getConfig("build"))
        conversion = PageConversion(prepared.site, shared=False)  # engines may convert pages side by side
        for extension in conversion.extensions():
            extension.extendMarkdown(md)
        # Priority 40: before normalize_whitespace (30), so the text is the file's as written (tabs and all).
        md.preprocessors.register(_Start(md, prepared, conversion), "patient-site-start", 40)
        md.postprocessors.register(_Finish(md, conversion), "patient-site-finish", 5)  # after raw HTML is back (30)
        md.postprocessors.register(_GeneratedPageLinks(md, conversion), "patient-site-generated-links", 3)
