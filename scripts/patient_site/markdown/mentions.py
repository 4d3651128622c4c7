"""Find phrases in a Markdown element tree's text and put an element in their place: the walk the
cross-linker and the glossary share.

The walk rewrites `text`/`tail` in document order, like Python-Markdown's abbr extension. It never enters
elements where a link or a definition would be wrong (SKIP_TAGS), skips code spans (AtomicString), and
keeps out of an editor's raw inline HTML: `<a>` or `<code>` typed in Markdown stays a pair of placeholders
in the text, so the walk counts them (`raw_html` is Python-Markdown's stash) and leaves what lies between.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable

from markdown.util import HTML_PLACEHOLDER_RE, STX, AtomicString

# Elements whose text never gets a generated link or definition.
SKIP_TAGS = frozenset(
    "a abbr button code h1 h2 h3 h4 h5 h6 kbd label legend pre script style summary svg textarea title".split()
)
# An editor's raw inline HTML tag, as Python-Markdown keeps it in its stash: opening or closing, and its name.
RAW_TAG = re.compile(r"^<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>$")


def normalise(phrase: str) -> str:
    """How phrases are compared: case and runs of white space do not matter."""
    return " ".join(phrase.lower().split())


def phrase_pattern(phrases) -> re.Pattern | None:
    """One case-insensitive, whole-word matcher for all `phrases` (normalised), or None when there are none.

    Shaped as a character trie (shared prefixes factored out, the longer phrase tried first), so each text
    node is scanned once and each position costs the length of a phrase, not the number of phrases.
    """
    phrases = tuple(normalise(phrase) for phrase in phrases)
    return _compiled(phrases) if phrases else None


@functools.lru_cache(maxsize=4)
def _compiled(phrases: tuple[str, ...]) -> re.Pattern:
    """Kept by the phrases it matches: the editor's preview rebuilds with the same terms after most saves, and a
    large library's trie takes a noticeable part of a rebuild to make."""
    return re.compile(rf"(?<!\w)(?:{_trie(phrases)})(?!\w)", re.IGNORECASE)


def _trie(phrases) -> str:
    """A regular expression matching any of `phrases` (normalised), longest first, as a character trie.

    A space in a phrase matches any run of white space, so a term broken over two lines still matches.
    """
    END = ""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[END] = {}

    def emit(node: dict) -> str:
        branches = [(r"\s+" if char == " " else re.escape(char)) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        if len(branches) == 1 and END not in node:
            return branches[0]
        group = "(?:" + "|".join(branches) + ")"
        return group + "?" if END in node else group  # greedy: the longer phrase is tried first

    return emit(trie)



def mark_mentions(
    root: etree.Element,
    pattern: re.Pattern,
    make: Callable[[str], etree.Element | None],
    raw_html: list[str] = (),
    skipped: Callable[[etree.Element], bool] = lambda element: False,
) -> None:
    """Replace matches of `pattern` in `root` (in place) with `make(matched text)`.

    `make` returns None to leave a match as text; the search then resumes one character later, so a shorter
    phrase inside a longer one can still match ("chronic venous insufficiency" inside "symptoms of …").
    """
    if pattern.search("\n".join(root.itertext())) is None:
        return  # nothing in the page's text matches anywhere (one search in C), so there is nothing to walk
    raw_depth = 0  # how many raw skip-tags (an editor's <a>, <code> …) are open at this point of the walk

    def allowed(text: str) -> list[tuple[int, int]]:
        """The spans of `text` outside raw skip-tags, updating the open-tag count as placeholders pass."""
        nonlocal raw_depth
        if STX not in text:  # no placeholder: the whole text, or none of it inside a raw skip-tag
            return [(0, len(text))] if raw_depth == 0 else []
        spans, start = [], 0
        for placeholder in HTML_PLACEHOLDER_RE.finditer(text):
            if raw_depth == 0:
                spans.append((start, placeholder.start()))
            number = int(placeholder.group(1))
            tag = RAW_TAG.match(raw_html[number].strip()) if number < len(raw_html) else None
            if tag and tag.group(2).lower() in SKIP_TAGS and not tag.group(3):
                raw_depth = max(0, raw_depth - 1) if tag.group(1) else raw_depth + 1
            start = placeholder.end()
        if raw_depth == 0:
            spans.append((start, len(text)))
        return spans

    def split(text: str) -> tuple[str, list[etree.Element]]:
        """Cut `text` at every match `make` accepts; return the leading text and the new elements (with tails)."""
        pieces: list[etree.Element] = []
        head, last = text, 0
        for span_start, span_end in allowed(text):
            position = span_start
            while (match := pattern.search(text, position, span_end)) is not None:
                element = make(match.group())
                if element is None:
                    position = match.start() + 1
                    continue
                if pieces:
                    pieces[-1].tail = text[last : match.start()]
                else:
                    head = text[: match.start()]
                pieces.append(element)
                last = position = match.end()
        if pieces:
            pieces[-1].tail = text[last:]
        return head, pieces

    def visit(element: etree.Element) -> None:
        if element.tag in SKIP_TAGS or skipped(element):
            return
        if element.text and not isinstance(element.text, AtomicString):
            element.text, new = split(element.text)
            for position, piece in enumerate(new):
                element.insert(position, piece)
        for child in list(element):
            visit(child)
            if child.tail and not isinstance(child.tail, AtomicString):
                child.tail, new = split(child.tail)
                at = list(element).index(child) + 1
                for offset, piece in enumerate(new):
                    element.insert(at + offset, piece)

    visit(root)
