"""Review details at a page's foot (patient_site.patient.review): only what the editor gave."""

from __future__ import annotations

from bs4 import BeautifulSoup

from patient_site.frontmatter.reader import split_front_matter
from patient_site.patient.review import review_html, review_info


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


# --- review details and disclaimer ------------------------------------------------------------------------

def source(front: str):
    return split_front_matter(f"---\n{front}---\n# T\n", "docs/p.md")


def test_review_details_render_only_what_is_given():
    assert review_html(review_info(source("title: T\n"))) == ""
    info = review_info(source("reviewed: 2026-10-01\nnext_review: 2027-10-01\nreviewed_by: \"Dr A <B>, nurse\"\n"
                              "sources:\n  - {title: NHS, url: \"https://www.nhs.uk/x\"}\n"))
    block = soup(review_html(info))
    text = block.get_text(" ", strip=True)
    assert "Page last reviewed: 1 October 2026 · Next review due: 1 October 2027" in text
    assert "Reviewed by: Dr A <B>, nurse" in text and not block.find("b")
    assert block.find("a", href="https://www.nhs.uk/x").get_text() == "NHS"
    only_date = soup(review_html(review_info(source("reviewed: 2026-10-01\n"))))
    assert only_date.get_text(" ", strip=True) == "Page last reviewed: 1 October 2026"
