"""Read a page's YAML front matter strictly, so an editor's mistake names its file and line.

MkDocs itself silently treats broken front matter as page text; we read it first and stop instead.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import yaml

from patient_site.errors import SiteError

FENCE = "---"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
CLOSERS = ("---", "...")


class FrontMatterError(SiteError):
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
    node: object = None  # the composed YAML mapping node, for the lines of nested values

    def line_of(self, key: str, *inner: object) -> int:
        """The line an editor should look at for `key` (the opening fence when absent).

        `inner` walks into the value: `line_of("sources", 1, "url")` is the line of the second source's url.
        """
        line = self.key_lines.get(key, 1)
        node = _value_node(self.node, key)
        for step in inner:
            node = _value_node(node, step)
            if node is None:
                break
            line = node.start_mark.line + 2
        return line


def _value_node(node, step):
    """The YAML node under `node` for a mapping key or a list index, or None."""
    if isinstance(node, yaml.MappingNode):
        return next((value for key, value in node.value if key.value == step), None)
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
        return node.value[step]
    return None


@functools.lru_cache(maxsize=8192)
def split_front_matter(text: str, path: str) -> Source:
    """Return the page's front matter (empty when it has none) and its body.

    Several steps of a build read each page's front matter; the cache parses each source once (an edited
    page is new text, so it is read afresh). Callers must not change the `meta` they get.
    """
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != FENCE:
        return Source(path, {}, text, 1, {})
    for index, line in enumerate(lines[1:], start=1):  # noqa: B007 (the closing line, read after the loop)
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
        raise FrontMatterError(
            path, line, f"front matter is not valid YAML ({problem}); write one 'key: value' per line, "
            "indent list items with spaces (not tabs), and put quotes around text that contains ': ' or starts with a symbol"
        ) from None
    except ValueError as error:  # YAML read a date-like value that is no date, e.g. 2026-13-01
        line = next((n for n, text in enumerate(lines[1:index], start=2) if _looks_like_bad_date(text)), 2)
        raise FrontMatterError(path, line, f"a date in the front matter is not a real date ({error}); write it as YYYY-MM-DD, e.g. 2026-10-01") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise FrontMatterError(path, 2, "front matter must be 'key: value' lines, not a list or plain text")
    key_lines: dict[str, int] = {}
    for key, _ in node.value if node is not None else ():  # None: empty, or only comments
        name = str(key.value)
        if name in key_lines:
            raise FrontMatterError(
                path, key.start_mark.line + 2, f"'{name}' is set twice (first on line {key_lines[name]}); keep one of them")
        key_lines[name] = key.start_mark.line + 2
    return Source(path, meta, "".join(lines[index + 1 :]), index + 2, key_lines, node)


def _looks_like_bad_date(line: str) -> bool:
    """A front-matter line whose value YAML would read as a date (and so might be an impossible one)."""
    value = line.partition(":")[2].strip()
    return bool(value) and yaml.resolver.Resolver().resolve(yaml.ScalarNode, value, (True, False)) == "tag:yaml.org,2002:timestamp"


def string_list(source: Source, key: str) -> list[str]:
    """A front-matter value that must be a list of non-empty strings (missing means empty)."""
    value = source.meta.get(key, [])
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise FrontMatterError(source.path, source.line_of(key), f"'{key}' must be a list of phrases, one '- phrase' line each")
    return [item.strip() for item in value]
