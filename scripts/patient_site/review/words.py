"""What a reader sees of a page, as normalised sentences: the words a sign-off or a translation covers.

Read from the Markdown source, not a render (every page is read at every build and the preview must stay fast):
the title, the description, the body's text with Markdown's syntax taken away (bullets, emphasis, link targets,
attribute lists, comments), line wrapping and spacing made irrelevant, and at each care-card marker the card's
own words (its placeholders kept as written, so the clinic's phone number is not part of a page's clinical
text). The clinic's contact card, menus and "Related pages" are the build's, not the page's: not here.
"""

from __future__ import annotations

import bisect
import functools
import html
import re
from collections.abc import Mapping

CARD_MARKER = re.compile(r"^\s*<!--\s*care-card:\s*(?P<name>[^\s>]*)\s*-->\s*$")
COMMENT = re.compile(r"<!--.*?-->", re.S)
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?")
HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
QUOTE = re.compile(r"^\s*(>\s?)+")
ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*\S+(?:\s+\"(?P<title>[^\"]*)\")?\s*$")
ATTR_LIST = re.compile(r"\s*\{\s*:?\s*[.#][^}]*\}\s*$|\{:[^}]*\}")
IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])")
AUTOLINK = re.compile(r"<(https?://[^>]+|mailto:[^>]+)>")
TAG = re.compile(r"</?[A-Za-z][^>]*>")
EMPHASIS = re.compile(r"(\*{1,3})(?=\S)(.+?)(?<=\S)\1|(?<!\w)(_{1,3})(?=\S)(.+?)(?<=\S)\3(?!\w)")
CODE = re.compile(r"`+([^`]*)`+")
ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
SENTENCE_END = re.compile(r"(?<=[.!?:])\s+(?=[\"“«¿¡(]?[A-ZÁÉÍÓÚÑÜ0-9])")


def inline_text(text: str) -> str:
    """One line or paragraph of Markdown as the words a reader sees, spaces collapsed.

    Each pattern runs only when its character is there: most of a page's prose has no Markdown syntax at all."""
    if "{" in text:
        text = ATTR_LIST.sub("", text)
    if "[" in text:
        text = LINK.sub(r"\1", IMAGE.sub(r"\1", text))
    if "<" in text:
        text = TAG.sub("", AUTOLINK.sub(r"\1", text))
    if "`" in text:
        text = CODE.sub(r"\1", text)
    if "*" in text or "_" in text:
        for _ in range(2):  # nested emphasis: ***a*** or **_a_**
            text = EMPHASIS.sub(lambda found: found.group(2) or found.group(4), text)
    if "\\" in text:
        text = ESCAPE.sub(r"\1", text)
    if "&" in text:
        text = html.unescape(text)
    return " ".join(text.split())


def sentences(text: str) -> list[str]:
    """A block's text cut into sentences (a heading or a list item without a full stop is one sentence)."""
    return [part for part in SENTENCE_END.split(inline_text(text)) if part]


def line_of(text: str, sentence: str) -> int:
    """The line of `text` (a page's whole file) on which `sentence`, as `page_words` gives it, begins; 0 when no line
    has it (a care card's words, or markup that spans lines). Each line is read as `inline_text` reads it, joined to
    the next by a space, so a sentence that wraps is found where it begins; failing the whole sentence, its first
    five words are looked for."""
    starts, parts, offset = [], [], 0
    for line in text.split("\n"):
        words = inline_text(line)
        starts.append(offset)
        parts.append(words)
        offset += len(words) + 1
    joined = " ".join(parts)
    for wanted in (sentence, " ".join(sentence.split()[:5])):
        found = joined.find(wanted) if wanted else -1
        if found >= 0:
            return bisect.bisect_right(starts, found)
    return 0


def _blocks(body: str, cards: Mapping[str, tuple[str, str]]) -> list[str]:
    """The body's blocks of text in reading order: paragraphs, list items, headings, each card's words."""
    blocks: list[str] = []
    current: list[str] = []
    fence = None

    def close():
        if current:
            blocks.append(" ".join(current))
            current.clear()

    for line in body.split("\n"):
        opening = FENCE.match(line)
        if opening:
            close()
            fence = None if fence and opening.group(1).startswith(fence) else (fence or opening.group(1))
            continue
        if fence:  # code is shown as it is, line by line
            if line.strip():
                blocks.append(line.strip())
            continue
        card = CARD_MARKER.match(line)
        if card:
            close()
            heading, text = cards.get(card["name"], ("", ""))
            blocks += [heading] + [paragraph for paragraph in re.split(r"\n\s*\n", text) if paragraph.strip()]
            continue
        stripped = QUOTE.sub("", line).strip()
        if not stripped or COMMENT.fullmatch(stripped):
            close()
            continue
        heading = HEADING.match(stripped)
        admonition = ADMONITION.match(stripped)
        if heading or admonition:
            close()
            blocks.append(heading.group(2) if heading else admonition["title"] or "")
            continue
        if SETEXT.match(stripped) and current:  # "Title\n=====": the line above is a heading
            close()
            continue
        bullet = BULLET.match(stripped)
        if bullet:
            close()
            stripped = stripped[bullet.end():]
        current.append(stripped)
    close()
    return blocks


@functools.lru_cache(maxsize=8192)
def _page_words(title: str, description: str, body: str, cards: tuple[tuple[str, str, str], ...]) -> tuple[str, ...]:
    by_name = {name: (heading, text) for name, heading, text in cards}
    body = COMMENT.sub(lambda found: found.group(0) if CARD_MARKER.match(found.group(0)) else "", body)
    found = [*sentences(title), *sentences(description)]
    for block in _blocks(body, by_name):
        found += sentences(block)
    return tuple(found)


def page_words(title: str, description: str, body: str, cards: Mapping[str, tuple[str, str]] = {}) -> tuple[str, ...]:
    """The page's words as a reader sees them, one sentence each; `cards`: name -> (heading, text) as configured.

    Kept by everything it reads (a pure function of its input), so the preview pays for an unchanged page once."""
    return _page_words(title, description, body, tuple((name, heading, text) for name, (heading, text) in sorted(cards.items())))


def text_words(*parts: str) -> tuple[str, ...]:
    """Some of the site's own text (a glossary definition, a care card, the disclaimer) as sentences."""
    found: list[str] = []
    for part in parts:
        for paragraph in re.split(r"\n\s*\n", part or ""):
            for block in _blocks(paragraph, {}):
                found += sentences(block)
    return tuple(found)
