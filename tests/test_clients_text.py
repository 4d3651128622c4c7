"""Reader view and text browsers over the site as nginx serves it (issue 24): what a reader without the site's CSS
and scripts gets. Firefox's reader view is Mozilla Readability (npm, pinned) over jsdom; the text browser is w3m.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from nginx_server import nginx_url  # noqa: F401 (fixture)
from readers import READ_PAGES, fetch_html, reader_view, squeeze, w3m_dump

pytestmark = [pytest.mark.build, pytest.mark.slow]


def glossary_terms(html: str) -> list[tuple[str, str]]:
    """(term as written, its definition) of every glossary term marked on the page."""
    soup = BeautifulSoup(html, "html.parser")
    return [(term.select_one(".glossary-term__link").get_text(), term.select_one(".glossary-term__tip").get_text(" ", strip=True))
            for term in soup.select(".glossary-term")]


def joined(text: str, terms: list[tuple[str, str]]) -> list[str]:
    """Terms whose definition runs straight on from the word, as in "Leg ulcersOpen sores"."""
    flat = squeeze(text)
    return [term for term, definition in terms if term + definition.split()[0].strip("()") in flat]


@pytest.mark.parametrize("page", READ_PAGES)
def test_reader_view_keeps_the_article_and_sets_definitions_apart(page, site, nginx_url):
    html = fetch_html(nginx_url + page)
    soup = BeautifulSoup(html, "html.parser")
    shown = reader_view(nginx_url + page)
    assert shown is not None, f"reader view finds no article on /{page}"
    text = squeeze(shown["text"])
    assert not joined(text, glossary_terms(html)), f"/{page}: definitions run into the sentence"
    article = soup.select_one("article")
    # What a patient came for survives: the checklist's symptoms, the care cards, every symptom list.
    for label in article.select(".checklist__label"):
        assert squeeze(label.get_text()) in text, f"/{page}: reader view drops the checklist item {label.get_text()!r}"
    for heading in article.select(".care-card__heading"):
        assert squeeze(heading.get_text(" ")) in text, f"/{page}: reader view drops the care card {heading.get_text()!r}"
    for item in article.select("ul > li"):
        if item.find_parent(class_="site-added") is None and not item.select(".glossary-term"):
            assert squeeze(item.get_text(" ")) in text, f"/{page}: reader view drops {item.get_text()!r}"


@pytest.mark.parametrize("page", READ_PAGES)
def test_a_text_browser_reads_each_word_once_and_nothing_waits_for_a_script(page, site, nginx_url):
    html = fetch_html(nginx_url + page)
    text = w3m_dump(nginx_url + page)
    assert not joined(text, glossary_terms(html)), f"/{page}: definitions run into the sentence in w3m"
    search_placeholder = BeautifulSoup(html, "html.parser").select_one(".md-search-result__meta")
    assert search_placeholder is None or not search_placeholder.get_text(strip=True), \
        f"/{page}: a search message that only a script can finish"
    assert squeeze(text).count("clinic.example.org") == 1, f"/{page}: the clinic's contact is not there exactly once"
    # A text browser ignores `hidden` and CSS: a button that needs a script must not be in the page at all.
    assert not BeautifulSoup(html, "html.parser").select("article button"), f"/{page}: a button that needs a script"
