"""The Zensical glue before its build: the config checked and the one planning call over a walk of docs_dir.

`prepare` makes the `SiteBuild` as `MkDocsBuild.start` does and calls `SiteBuild.plan` (the same call the MkDocs
glue makes in `on_files`) over `DocsFolder`, a walk of docs_dir that keeps what the planning generates in memory
for the work folder Zensical builds (engine/overlay.py). Nothing is written here.
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from patient_site.config_checks import check_config
from patient_site.engine.config import SiteConfig
from patient_site.languages import Languages
from patient_site.settings import load_settings
from patient_site.site import Paths, Planned, SiteBuild
from patient_site.theme.nav_order import nav_position


@dataclass(frozen=True)
class Generated:
    src: str  # path inside docs_dir, e.g. "checklist.md"
    content: str | bytes
    in_nav: bool = True


@dataclass
class DocsFolder:
    """docs_dir's files and the generated ones, in MkDocs' order: what `SiteBuild.plan` reads and adds to."""

    docs_dir: str
    paths: Paths
    sources: list[str]  # the editor's files to publish (glossary.yml is not one once planned)
    generated: dict[str, Generated] = field(default_factory=dict)

    def pages(self) -> list[str]:
        return [src for src in [*self.sources, *self.generated] if src.endswith(".md")]

    def page(self, src: str) -> tuple[str, str]:
        return page_url(src), file_name(src)

    def other_files(self) -> list[str]:
        return [src for src in [*self.sources, *self.generated] if not src.endswith(".md")]

    def exists(self, src: str) -> bool:
        return src in self.generated or src in self.sources

    def read(self, src: str) -> bytes:
        if src in self.generated:
            content = self.generated[src].content
            return content.encode("utf-8") if isinstance(content, str) else content
        return Path(self.docs_dir, src).read_bytes()

    def shown(self, src: str) -> str:
        return src if src in self.generated else self.paths.shown(os.path.join(self.docs_dir, src))

    def remove(self, src: str) -> None:
        self.sources.remove(src)

    def add(self, src: str, content: str | bytes, in_nav: bool = True, edit_from: str | None = None) -> None:
        self.generated[src] = Generated(src, content, in_nav)

    def addresses(self) -> frozenset:
        files = [*self.sources, *self.generated]
        return frozenset(page_url(src) if src.endswith(".md") else src for src in files) | frozenset(map(dest_uri, files))



@dataclass
class Prepared:
    """One build's state before Zensical converts a page."""

    config: SiteConfig
    site: SiteBuild
    files: DocsFolder
    planned: Planned


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
    """Read, check and plan everything the build knows before conversion; raises SiteError (`path:line: message`)."""
    config = SiteConfig.read(config_file)
    data = config.data
    settings = load_settings(config.extra, config.config_file)
    languages = Languages.of_build(settings.languages, config.language, config.docs_dir)
    project = languages.project if languages.active and not languages.is_first else None
    site = SiteBuild(paths=Paths(config.root, config.config_file, config.docs_dir, project), settings=settings,
                     site_url=config.site_url, site_name=str(data.get("site_name") or ""), language=config.language)
    site.languages = languages if languages.active else None
    check_config(site, data.get("use_directory_urls") is not False, config.theme.get("features"), config.docs_dir)
    files = DocsFolder(config.docs_dir, site.paths, walk_docs(config.docs_dir))
    planned = site.plan(files, nav_position(data.get("nav")), config.extra_css, config.extra_javascript)
    return Prepared(config, site, files, planned)
