"""The site-wide work MkDocs' events do, as one plain step: config checked, pages read, generated pages made.

It follows `MkDocsBuild.start`, `on_files` and `on_nav` (patient_site/mkdocs/build.py) step for step and calls
the same feature functions, over a walk of docs_dir instead of MkDocs' `Files`. The result is a `Prepared`:
the `SiteBuild` the Markdown extensions and the post-build step read, and the generated files an engine's
docs overlay needs. Nothing is written here.
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from patient_site.conditions import check_conditions
from patient_site.embeds.output import COPY_SCRIPT
from patient_site.embeds.planning import plan_embeds
from patient_site.engine.config import SiteConfig
from patient_site.hosting.fingerprint import fingerprint, is_own_asset
from patient_site.markdown.glossary import FILE as GLOSSARY_FILE
from patient_site.markdown.glossary import PAGE as GLOSSARY_PAGE
from patient_site.pages import decode, read_page
from patient_site.patient.branding import STYLESHEET
from patient_site.config_checks import check_config
from patient_site.settings import load_settings
from patient_site.site import Paths, SiteBuild
from patient_site.theme.nav_order import nav_position


@dataclass(frozen=True)
class Generated:
    src: str  # path inside docs_dir, e.g. "checklist.md"
    content: str
    in_nav: bool = True


@dataclass
class Prepared:
    """One build's state before any engine converts a page."""

    config: SiteConfig
    site: SiteBuild
    sources: list[str]  # the editor's files to publish, by path inside docs_dir (glossary.yml is not one)
    generated: list[Generated] = field(default_factory=list)
    extra_css: list[str] = field(default_factory=list)  # as the MkDocs glue leaves config.extra_css
    extra_javascript: list[str] = field(default_factory=list)
    logo: str | None = None
    _by_text: dict | None = field(default=None, repr=False)

    def page_by_text(self, text: str):
        """The page whose body (or whole text) is `text`, for engines that do not say which page converts."""
        if self._by_text is None:
            self._by_text = {}
            for page in self.site.pages:
                self._by_text.setdefault(page.text.strip(), page)
                self._by_text.setdefault(page.source.body.strip(), page)
        return self._by_text.get(text.strip())


def dest_uri(src: str) -> str:
    """Where MkDocs writes a file with use_directory_urls (`File.dest_uri`): "symptoms/index.html"."""
    if not src.endswith(".md"):
        return src
    parent = posixpath.dirname(src)
    stem = file_name(src)
    return posixpath.join(parent, "index.html") if stem == "index" else posixpath.join(parent, stem, "index.html")


def page_url(src: str) -> str:
    """A page's address as MkDocs writes it (`File.url`): "symptoms/", and "./" for index.md."""
    dirname, filename = posixpath.split(dest_uri(src))
    return quote((dirname or ".") + "/" if filename == "index.html" else dest_uri(src))


def file_name(src: str) -> str:
    """`File.name`: the file name without its extension (README counts as index)."""
    stem = posixpath.splitext(posixpath.basename(src))[0]
    return "index" if stem == "README" else stem


def walk_docs(docs_dir: str) -> list[str]:
    """Every file in docs_dir in MkDocs' order (folders sorted, index first); dot files left out as MkDocs does."""
    found = []
    for folder, dirnames, filenames in os.walk(docs_dir, followlinks=True):
        dirnames[:] = sorted(name for name in dirnames if not name.startswith("."))
        relative = os.path.relpath(folder, docs_dir)
        for filename in sorted(filenames, key=lambda f: (os.path.splitext(f)[0] not in ("index", "README"), f)):
            if not filename.startswith("."):
                found.append(posixpath.normpath(posixpath.join(relative.replace(os.sep, "/"), filename)))
    return found


def prepare(config_file: str) -> Prepared:
    """Read and check everything the build knows before conversion; raises SiteError (`path:line: message`)."""
    config = SiteConfig.read(config_file)
    data = config.data
    paths = Paths(config.root, config.config_file, config.docs_dir)
    site = SiteBuild(paths=paths, settings=load_settings(config.extra, config.config_file), site_url=config.site_url,
                     site_name=str(data.get("site_name") or ""), language=config.language)
    check_config(site, data.get("use_directory_urls") is not False, config.theme.get("features"), config.docs_dir)
    prepared = Prepared(config, site, walk_docs(config.docs_dir))
    _configure(prepared)
    _read_pages(prepared)
    return prepared


def _configure(prepared: Prepared) -> None:
    """As `mkdocs/embeds.configure`: full addresses, the clinic's logo, stylesheet and copy script."""
    site, config = prepared.site, prepared.config
    clinic = site.settings.clinic
    if clinic.logo:  # checked by config_checks.check_config
        prepared.logo = clinic.logo
    prepared.extra_css = config.extra_css + ([STYLESHEET] if STYLESHEET not in config.extra_css else [])
    prepared.extra_javascript = config.extra_javascript + ([COPY_SCRIPT] if COPY_SCRIPT not in config.extra_javascript else [])


def _add_hashed_assets(prepared: Prepared) -> None:
    """As `mkdocs/embeds.add_hashed_assets`: a content-hashed copy of each of our stylesheets and scripts."""
    site, docs = prepared.site, prepared.config.docs_dir
    ours = {src: Path(docs, src).read_bytes() for src in prepared.sources if is_own_asset(src)}
    ours.update({item.src: item.content.encode("utf-8") for item in prepared.generated if is_own_asset(item.src)})
    site.assets = fingerprint(ours)
    for path, hashed in site.assets.items():
        prepared.generated.append(Generated(hashed, ours[path].decode("utf-8")))
    prepared.extra_css = [site.asset(path) for path in prepared.extra_css]
    prepared.extra_javascript = [site.asset(path) for path in prepared.extra_javascript]


def _read_pages(prepared: Prepared) -> None:
    """As `MkDocsBuild.on_files` and `on_nav`: the page index, site-wide checks and the generated pages."""
    site, config = prepared.site, prepared.config
    docs = config.docs_dir
    pages = []
    for src in prepared.sources:
        if not src.endswith(".md"):
            continue
        shown = site.paths.shown(os.path.join(docs, src))
        pages.append(read_page(src, shown, page_url(src), file_name(src), decode(Path(docs, src).read_bytes(), shown)))
    nav = config.data.get("nav")
    site.read_sources(pages, nav_position(nav))

    def add(src: str, content: str, in_nav: bool = True) -> None:
        prepared.generated.append(Generated(src, content, in_nav))
        if src.endswith(".md"):
            site.pages.add(read_page(src, src, page_url(src), file_name(src), content, generated=True))

    for record in site.checklists:
        add(record.src, record.markdown, record.in_nav)
    if GLOSSARY_FILE in prepared.sources:  # a generated page, not a published file; before the embeds
        prepared.sources.remove(GLOSSARY_FILE)
        path = os.path.join(docs, GLOSSARY_FILE)
        shown = site.paths.shown(path)
        add(GLOSSARY_PAGE, site.use_glossary(decode(Path(path).read_bytes(), shown), shown))
    check_conditions(site, lambda src: src in prepared.sources or any(item.src == src for item in prepared.generated))
    documentation = [src for src in [*prepared.sources, *(item.src for item in prepared.generated)] if src.endswith(".md")]
    plan_embeds(site, [(src, page_url(src), file_name(src)) for src in documentation], nav_position(nav), page_url, add)
    _add_hashed_assets(prepared)  # last: the generated assets/clinic.css is among them
    files = [*prepared.sources, *(item.src for item in prepared.generated)]
    site.site_urls = frozenset(page_url(src) if src.endswith(".md") else src for src in files) | frozenset(map(dest_uri, files))
    site.pages.check_titles_with_generated()
