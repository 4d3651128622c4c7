"""The declared front-matter schema: every key a page may set, what it must hold, and a fix for each mistake.

Declared as the settings are (patient_site/declared.py): one `Field` per key in `FIELDS`, checked by the function of
its kind in `KINDS`, which raises `Bad` with the keys at fault. A new feature that reads a new key adds one `Field`;
nothing else needs to change. Every message is `path:line: what is wrong; how to fix it`, with the line of the key
(or of the list item) at fault.
"""

from __future__ import annotations

import datetime
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

from patient_site.declared import Bad, Field, closest
from patient_site.frontmatter.reader import FrontMatterError, Source

FIELDS: dict[str, Field] = {
    "title": Field("plain text", "title: Symptoms of chronic venous insufficiency"),
    "description": Field("plain sentence", "description: One sentence that says what the page is about."),
    "terms": Field("phrases", "terms:\n  - leg cramps"),
    "reviewed": Field("date", "reviewed: 2026-10-01"),
    "next_review": Field("date", "next_review: 2027-10-01"),
    "reviewed_by": Field("plain text", 'reviewed_by: "Dr A. Example, vascular surgeon"'),
    # How many months after a sign-off this page is due for review again (extra.content_check.review_period_months).
    "review_period_months": Field("months", "review_period_months: 12"),
    "sources": Field("sources", 'sources:\n  - title: "Name of the article or guideline"\n    url: "https://…"'),
    # Material for MkDocs: parts of the page layout to hide on this page.
    "hide": Field("choices", "hide:\n  - toc", choices=("navigation", "toc", "footer", "path", "tags", "feedback")),
}
SOURCE_KEYS = ("title", "url")
# A full stop, question or exclamation mark followed by another sentence ("e.g. this" is no second sentence).
SECOND_SENTENCE = re.compile(r"(?<!\be\.g)(?<!\bi\.e)(?<!\betc)(?<!\bDr)(?<!\bMr)(?<!\bMrs)(?<!\bMs)[.!?]\s+[A-Z0-9]")


def validate(source: Source) -> None:
    """Raise FrontMatterError for the first key that is unknown or holds the wrong kind of value."""
    for key, value in source.meta.items():
        key = str(key)
        declared = FIELDS.get(key)
        if declared is None:
            raise FrontMatterError(source.path, source.line_of(key), _unknown(key))
        try:
            KINDS[declared.kind](declared, value, (key,))
        except Bad as bad:
            raise FrontMatterError(source.path, source.line_of(*bad.keys),
                                   f"{bad.message}; write it like:\n    {_indent(bad.example)}") from None
    reviewed, next_review = source.meta.get("reviewed"), source.meta.get("next_review")
    if reviewed and next_review and as_date(next_review) <= as_date(reviewed):
        raise FrontMatterError(
            source.path, source.line_of("next_review"), f"'next_review' ({next_review}) must be later than 'reviewed' ({reviewed})")


def _unknown(key: str) -> str:
    guess = closest(key, FIELDS)
    hint = f"did you mean '{guess}'?" if guess else f"the keys a page may use are: {', '.join(FIELDS)}"
    return f"unknown front-matter key '{key}'; {hint}"


def _indent(example: str) -> str:
    return example.replace("\n", "\n    ")


def _plain_text(declared, value, keys):
    if not isinstance(value, str) or not value.strip():
        raise Bad(keys, f"'{keys[0]}' must be text on one line", declared.example)
    if contains_html(value):
        raise Bad(keys, f"'{keys[0]}' contains HTML; write plain words (no <tags>), the site adds the formatting", declared.example)
    return value


def _plain_sentence(declared, value, keys):
    _plain_text(declared, value, keys)
    if "\n" in value.strip() or SECOND_SENTENCE.search(value.strip()):
        raise Bad(keys, f"'{keys[0]}' must be one sentence; search results and link previews show only that", declared.example)
    return value


def _choices(declared, value, keys):
    if not isinstance(value, list) or not all(item in declared.choices for item in value):
        raise Bad(keys, f"'{keys[0]}' must be a list of some of: {', '.join(declared.choices)}", declared.example)
    return value


def _phrases(declared, value, keys):
    if value is None:
        return value
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise Bad(keys, f"'{keys[0]}' must be a list of phrases, one '- phrase' line each", declared.example)
    for number, item in enumerate(value):
        if contains_html(item):
            raise Bad((*keys, number), f"'{keys[0]}' item '{item}' contains HTML; write plain words", declared.example)
    return value


def _date(declared, value, keys):
    if as_date(value) is None:
        raise Bad(keys, f"'{keys[0]}' must be a date written YYYY-MM-DD (got {value!r})", declared.example)
    return value


def _months(declared, value, keys):
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 120:
        raise Bad(keys, f"'{keys[0]}' must be a whole number of months between 1 and 120 (got {value!r})", declared.example)
    return value


def _sources(declared, value, keys):
    def bad(where: tuple, message: str) -> Bad:
        return Bad((*keys, *where), message, declared.example)

    if not isinstance(value, list) or not value:
        raise bad((), f"'{keys[0]}' must be a list, each source with a 'title' and a 'url'")
    for number, item in enumerate(value):
        if not isinstance(item, dict):
            raise bad((number,), f"source {number + 1} must have 'title:' and 'url:' lines")
        for inner in item:
            if inner not in SOURCE_KEYS:
                guess = closest(inner, SOURCE_KEYS)
                hint = f"did you mean '{guess}'?" if guess else "a source has only 'title' and 'url'"
                raise bad((number, inner), f"source {number + 1} has an unknown key '{inner}'; {hint}")
        for inner in SOURCE_KEYS:
            if inner not in item:
                raise bad((number,), f"source {number + 1} has no '{inner}'")
        title, url = item["title"], item["url"]
        if not isinstance(title, str) or not title.strip() or contains_html(title):
            raise bad((number, "title"), f"source {number + 1}'s title must be plain text")
        parts = _split(url) if isinstance(url, str) else None
        if parts is None or parts.scheme != "https" or not parts.netloc:
            raise bad((number, "url"), f"source {number + 1}'s url must be a full web address starting with https://")
    return value


KINDS = {
    "plain text": _plain_text,
    "plain sentence": _plain_sentence,
    "phrases": _phrases,
    "date": _date,
    "sources": _sources,
    "choices": _choices,
    "months": _months,
}


def _split(url: str):
    try:
        return urlsplit(url.strip())
    except ValueError:  # e.g. "https://[": no address at all
        return None


def as_date(value) -> datetime.date | None:
    """A YAML date, or text in YYYY-MM-DD form; None for anything else."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


class _TagFinder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = False

    def handle_starttag(self, tag, attrs):
        self.found = True

    def handle_endtag(self, tag):
        self.found = True

    def handle_comment(self, data):
        self.found = True


def contains_html(text: str) -> bool:
    """Whether an HTML parser finds a tag or comment in `text` ("5 < 6" is no tag)."""
    finder = _TagFinder()
    finder.feed(text)
    finder.close()
    return finder.found
