"""MkDocs' `Files` as the planning sees them (patient_site/source_files.py): the one place that makes MkDocs files."""

from __future__ import annotations

from mkdocs.structure.files import File, InclusionLevel

from patient_site.site import Paths


class MkDocsFiles:
    def __init__(self, files, config, paths: Paths):
        self.files, self.config, self.paths = files, config, paths

    def pages(self) -> list[str]:
        return [file.src_uri for file in self.files.documentation_pages()]

    def _file(self, src: str):
        """The file of a source path; the planning asks several times per page, mostly with MkDocs' own `src_uri`
        (a dictionary look-up, where `get_file_from_path` makes a PurePath of it each time)."""
        return self.files.src_uris.get(src) or self.files.get_file_from_path(src)

    def page(self, src: str) -> tuple[str, str]:
        file = self._file(src)
        return file.url, file.name

    def other_files(self) -> list[str]:
        return [file.dest_uri for file in self.files if not file.is_documentation_page()]

    def exists(self, src: str) -> bool:
        return self._file(src) is not None

    def read(self, src: str) -> bytes:
        return self._file(src).content_bytes

    def shown(self, src: str) -> str:
        """Named from the folder of mkdocs.yml; a generated file by its source name."""
        file = self._file(src)
        return file.src_uri if file.abs_src_path is None else self.paths.shown(file.abs_src_path)

    def remove(self, src: str) -> None:
        self.files.remove(self.files.get_file_from_path(src))

    def add(self, src: str, content: str | bytes, in_nav: bool = True, edit_from: str | None = None) -> None:
        inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
        file = File.generated(self.config, src, content=content, inclusion=inclusion)
        if edit_from:
            file.edit_uri = self.files.get_file_from_path(edit_from).edit_uri
        self.files.append(file)

    def addresses(self) -> frozenset:
        return frozenset(file.url for file in self.files) | frozenset(file.dest_uri for file in self.files)
