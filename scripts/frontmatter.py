"""Read a page's YAML front matter strictly, so an editor's mistake names its file and line.

MkDocs itself silently treats broken front matter as page text; we read it first and stop instead.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

FENCE = "---"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
CLOSERS = ("---", "...")


class FrontMatterError(ValueError):
    """A front-matter problem, printed as `path:line: message`."""

    def __init__(self, path: str, line: int, message: str):
        super().__init__(f"{path}:{line}: {message}")
        self.path, self.line, self.message = path, line, message


@dataclass(frozen=True)
class Source:
    """One Markdown page split into its front matter and body."""

    path: str
    meta: dict
    body: str
    body_line: int  # 1-based line number of the body's first line in the file
    key_lines: dict  # front-matter key -> 1-based line number, for messages

    def line_of(self, key: str) -> int:
        """The line an editor should look at for `key` (the opening fence when absent)."""
        return self.key_lines.get(key, 1)


def split_front_matter(text: str, path: str) -> Source:
    """Return the page's front matter (empty when it has none) and its body."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != FENCE:
        return Source(path, {}, text, 1, {})
    for index, line in enumerate(lines[1:], start=1):
        if line.rstrip() in CLOSERS:
            break
    else:
        raise FrontMatterError(path, 1, "front matter opened with '---' is never closed; add a line '---' after it")
    block = "".join(lines[1:index])
    try:
        # One parse, in C when PyYAML has libyaml: the node gives line numbers, the same node gives the values.
        loader = _Loader(block)
        try:
            node = loader.get_single_node()
            meta = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(error, "problem", None) or str(error)
        raise FrontMatterError(path, line, f"front matter is not valid YAML ({problem})") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise FrontMatterError(path, 2, "front matter must be 'key: value' lines, not a list or plain text")
    key_lines = {str(key.value): key.start_mark.line + 2 for key, _ in node.value} if node is not None else {}
    return Source(path, meta, "".join(lines[index + 1 :]), index + 2, key_lines)


def string_list(source: Source, key: str) -> list[str]:
    """A front-matter value that must be a list of non-empty strings (missing means empty)."""
    value = source.meta.get(key, [])
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise FrontMatterError(source.path, source.line_of(key), f"'{key}' must be a list of phrases, one '- phrase' line each")
    return [item.strip() for item in value]
