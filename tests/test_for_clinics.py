"""The for-clinics page (patient_site.embeds.for_clinics) for a large library."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup

from patient_site.embeds.for_clinics import SHOWN, Embeddable, render_for_clinics_page


def rendered(page: str) -> BeautifulSoup:
    """The page's Markdown (after its front matter) as HTML, with the raw-HTML-with-Markdown extension the site uses."""
    return BeautifulSoup(markdown.markdown(page.split("---", 2)[2], extensions=["md_in_html"]), "html.parser")


def test_for_clinics_shows_the_first_pages_of_a_large_library_and_says_how_to_embed_the_rest():
    pages = [Embeddable(f"area/topic-{n}/", f"Topic {n}", "About it.") for n in range(SHOWN + 3)]
    soup = rendered(render_for_clinics_page(pages, "https://guide.example.org/", "Guide", (), "key"))
    assert [a["href"] for a in soup.select("nav.embed-contents a")] == [f"area-topic-{n}/" for n in range(SHOWN)]
    more = soup.select_one(".embed-more").get_text(" ", strip=True)
    assert f"first {SHOWN} of the {SHOWN + 3} pages" in more and f"area-topic-{SHOWN}" in more
    assert soup.select_one(".embed-more a")["href"] == "../api/index.json"
    few = rendered(render_for_clinics_page(pages[:SHOWN], "https://guide.example.org/", "Guide", (), "key"))
    assert not few.select(".embed-more") and len(few.select("nav.embed-contents li")) == SHOWN
