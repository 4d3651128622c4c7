"""Every statement of the clinic's article is on the site, in the clinic's words, on exactly one page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import CONTENT_PAGES, article

pytestmark = pytest.mark.build

SOURCE = Path(__file__).with_name("source-article.txt")  # a copy of shared/seed/000_ee2117ccce530c17.txt

# Plain grammar and punctuation fixes made while splitting the article: (as written, as published).
EDITS = [
    ("these cramps jolt us", "these cramps that jolt us"),
    ("pain, swelling leg cramps", "pain, swelling, leg cramps"),
]


def normalise(text: str) -> str:
    """Compare words, not typography: quotes, spacing and letter case do not change a statement."""
    return " ".join(text.replace("\u2019", "'").replace("\u2022", " ").split()).lower()


def sentences() -> list[str]:
    text = SOURCE.read_text("utf-8")
    for before, after in EDITS:
        assert before in text, f"edit {before!r} no longer applies to the article"
        text = text.replace(before, after)
    found = []
    for line in text.splitlines():
        found += [s for s in re.split(r"(?<=[.?!])\s+", normalise(line)) if s]
    return found


def page_texts(site) -> dict[str, str]:
    """The clinic's text on each page: the article body without the blocks the site adds."""
    texts = {}
    for page in ["", *CONTENT_PAGES]:
        body = article(site.soup(page))
        for added in body.select(".site-added"):
            added.decompose()
        texts[page] = normalise(body.get_text())
    return texts


def test_the_article_has_sentences():
    assert len(sentences()) >= 30


@pytest.mark.parametrize("sentence", sentences())
def test_sentence_is_on_exactly_one_page(site, sentence):
    pages = [page for page, text in page_texts(site).items() if sentence in text]
    assert len(pages) == 1, f"{sentence!r} found on {pages}"
