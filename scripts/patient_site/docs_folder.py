"""The docs folder read without an engine: its files in MkDocs' order, and where MkDocs would publish each one.

`DocsFolder` is the planning's view of the files (patient_site/source_files.py) for whatever reads the sources
without MkDocs' `Files`: the Zensical glue and `make check`. It keeps what the planning generates in memory.
`dest_uri`, `page_url` and `file_name` are MkDocs' `File` rules with `use_directory_urls` (the only setting the
build accepts).
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from patient_site.site import Paths


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
