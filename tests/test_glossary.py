"""The glossary (patient_site.markdown.glossary): first-use definitions, next to cross-links, and its page."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from patient_site.markdown.crosslinks import CrossLinkExtension, CrossLinkState, TermIndex
from patient_site.markdown.glossary import (
    GlossaryError,
    GlossaryExtension,
    GlossaryIndex,
    GlossaryState,
    load_glossary,
    render_glossary_page,
)


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


# --- glossary ---------------------------------------------------------------------------------------------

GLOSSARY = """\
- term: varicose veins
  definition: Swollen, twisted veins.
  source: {name: NHS, url: "https://www.nhs.uk/conditions/varicose-veins/"}
- term: leg cramps
  also: [cramps in the leg]
  definition: A sudden tight muscle.
  source: {name: NHS, url: "https://www.nhs.uk/conditions/leg-cramps/"}
"""


def render(text: str, page: str = "p.md", terms=()) -> BeautifulSoup:
    """Markdown through the real cross-linker and glossary, as a build renders a page."""
    links = CrossLinkState(index=TermIndex.build([("causes.md", "Causes", list(terms))]), page=page)
    state = GlossaryState(index=GlossaryIndex.build(load_glossary(GLOSSARY, "docs/glossary.yml")), active=True)
    md = markdown.Markdown(extensions=["attr_list", CrossLinkExtension(links), GlossaryExtension(state)])
    return soup(md.convert(text))


def test_first_use_only_gets_a_definition_with_a_tooltip():
    html = render("# Varicose veins\n\nSome varicose veins here. More Varicose Veins there.\n\n`varicose veins`")
    (term,) = html.select(".glossary-term")
    link = term.find("a")
    assert link.get_text() == "varicose veins" and link["href"] == "glossary.md#varicose-veins"
    tip = html.find(id=link["aria-describedby"])
    assert tip["role"] == "tooltip" and tip.get_text() == "Swollen, twisted veins." and "site-added" in tip["class"]
    assert not html.find("h1").select(".glossary-term") and not html.find("code").select(".glossary-term")


def test_a_term_that_is_also_a_cross_link_is_linked_first_and_defined_at_its_next_use():
    html = render("Night leg cramps wake us. Those leg cramps hurt. No more leg cramps.", terms=["leg cramps"])
    (link,) = html.select("a.crosslink")
    (term,) = html.select(".glossary-term")
    assert link.get_text() == "leg cramps" and not link.find_parent(class_="glossary-term") and not link.select(".glossary-term")
    assert not term.find_parent("a") and not term.select("a.crosslink")
    assert html.get_text().index("Those") < html.get_text().index(term.get_text())


def test_glossary_skips_raw_links_and_site_added_text():
    html = render('See <a href="x">varicose veins</a>.\n\n<div class="site-added" markdown>\nvaricose veins\n</div>\n\n'
                  "Then varicose veins.", )
    (term,) = html.select(".glossary-term")
    assert term.find_parent("p").get_text().startswith("Then")


@pytest.mark.parametrize(
    "text, line, message",  # glossary file; line named; part of the message
    [
        ("- term: x\n  definition: d\n", 1, "'x' needs 'source: {name: ..., url: https://...}'"),
        ("- term: x\n  definition: d\n  source: {name: N, url: 'http://a.b'}\n", 1, "must be a full https:// address"),
        (GLOSSARY + "- term: Varicose Veins\n  definition: d\n  source: {name: N, url: 'https://a.b'}\n", 8, "already in the glossary (line 1)"),
        ("- definition: d\n", 1, "has no 'term'"),
        ("term: x\n", 1, "the glossary is a list of entries"),
    ],
)
def test_bad_glossary_names_file_and_line(text, line, message):
    with pytest.raises(GlossaryError) as error:
        load_glossary(text, "docs/glossary.yml")
    assert str(error.value).startswith(f"docs/glossary.yml:{line}: ") and message in str(error.value)


def test_glossary_page_lists_every_entry_with_its_source():
    entries = load_glossary(GLOSSARY, "g.yml")
    page = render_glossary_page(entries)
    body = soup(markdown.Markdown(extensions=["md_in_html"]).convert(page.split("---", 2)[2]))
    assert [dt["id"] for dt in body.select("dl.glossary-list > dt")] == ["leg-cramps", "varicose-veins"]
    first = body.select_one("dl.glossary-list > dd")
    assert first.find("a", href="https://www.nhs.uk/conditions/leg-cramps/")
