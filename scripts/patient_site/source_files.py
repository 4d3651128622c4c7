"""What the one planning call asks of an engine's list of files: the engine-neutral face of MkDocs' `Files`.

`SiteBuild.plan` reads the editor's pages, removes the glossary's source, adds the generated pages and assets
through this protocol; the MkDocs glue implements it over MkDocs' `Files`, the Zensical glue over a walk of
docs_dir. Paths are inside docs_dir ("symptoms.md", "assets/patient.css").
"""

from __future__ import annotations

from typing import Protocol


class SourceFiles(Protocol):
    def pages(self) -> list[str]:
        """The documentation pages' source paths, in the engine's order (generated ones included)."""

    def page(self, src: str) -> tuple[str, str]:
        """(address, file name) of a page: ("symptoms/", "symptoms")."""

    def other_files(self) -> list[str]:
        """Every file that is not a page, by its path (the same in docs_dir and in the built site)."""

    def exists(self, src: str) -> bool: ...

    def read(self, src: str) -> bytes: ...

    def shown(self, src: str) -> str:
        """How messages name the file: "docs/causes.md" (a generated one: its source path)."""

    def remove(self, src: str) -> None: ...

    def add(self, src: str, content: str | bytes, in_nav: bool = True, edit_from: str | None = None) -> None:
        """Add a generated file; `edit_from`: the editor's file that "Edit this page" opens for it."""

    def addresses(self) -> frozenset:
        """Every address and destination path the site will have (for the raw-link check)."""
