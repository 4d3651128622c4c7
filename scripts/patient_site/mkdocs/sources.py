"""Each page's source text, read from disk once per build.

MkDocs' `File.content_string` opens and reads the file on every call, and several steps of one build read
each page (checks, front matter, the checklist, embeds). Part of the hook layer: it knows MkDocs' File.
"""

from __future__ import annotations

import os

_texts: dict[str, str] = {}


def start_build() -> None:
    """Forget the last build's texts: `mkdocs serve` rebuilds after an editor saves."""
    _texts.clear()


def source_text(file) -> str:
    """The file's text; a generated file (no source path) holds its text in memory already."""
    path = file.abs_src_path
    if path is None:
        return file.content_string
    text = _texts.get(path)
    if text is None:
        text = _texts[path] = file.content_string
    return text


def shown_path(file, config_file_path: str) -> str:
    """How messages name a page: its path from the folder of mkdocs.yml ("docs/causes.md"); a generated page by
    its source name. Every reader of a page names it so, which is also what makes `split_front_matter`'s cache hit."""
    if file.abs_src_path is None:
        return file.src_uri
    return os.path.relpath(file.abs_src_path, os.path.dirname(config_file_path))
