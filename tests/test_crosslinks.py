"""The cross-linker (patient_site.markdown.crosslinks): Markdown in through a real Markdown instance, links out."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from patient_site.markdown.crosslinks import CrossLinkExtension, CrossLinkState, TermIndex

PAGES = [
    # (source path, title, terms)
    ("cvi.md", "About CVI", ["chronic venous insufficiency", "venous insufficiency"]),
    ("symptoms.md", "Symptoms", ["symptoms of chronic venous insufficiency", "symptoms"]),
    ("causes.md", "Causes", ["leg cramps"]),
]


def render(source: str, page: str = "causes.md", pages=PAGES) -> tuple[BeautifulSoup, CrossLinkState]:
    """Markdown in, parsed HTML out, through a real Markdown instance with the cross-linker."""
    state = CrossLinkState(index=TermIndex.build(pages), page=page)
    html = markdown.markdown(source, extensions=["attr_list", "md_in_html", "toc", CrossLinkExtension(state)])
    return BeautifulSoup(html, "html.parser"), state


def links(soup) -> list[tuple[str, str]]:
    return [(a.get_text(), a["href"]) for a in soup.select("a.crosslink")]


@pytest.mark.parametrize(
    "source, expected",
    [
        # plain first mention, case kept as written
        ("Venous insufficiency hurts.", [("Venous insufficiency", "cvi.md")]),
        # longest term wins; whole words only ("symptomsx" is no mention)
        ("symptomsx and Symptoms of chronic venous insufficiency", [("Symptoms of chronic venous insufficiency", "symptoms.md")]),
        # only the first mention of a page is linked
        ("symptoms, symptoms, symptoms", [("symptoms", "symptoms.md")]),
        # never inside headings, code, existing links or kbd
        ("# symptoms\n\n`symptoms` [symptoms](x.md) <kbd>symptoms</kbd>", []),
        # nor between an editor's raw inline HTML tags, but again after they close
        ('<a href="https://x.example/">venous insufficiency</a> <code>symptoms</code> symptoms', [("symptoms", "symptoms.md")]),
        # not inside Markdown emphasis within an editor's raw <a> either (that text has no placeholder of its own)
        ('<a href="https://x.example/">see *venous insufficiency*</a> symptoms', [("symptoms", "symptoms.md")]),
        # an editor's own link to the page counts as its link
        ("[read](symptoms.md) about symptoms", []),
        # mentions inside emphasis are linked, and the tail after it too
        ("*venous insufficiency* and symptoms", [("venous insufficiency", "cvi.md"), ("symptoms", "symptoms.md")]),
        # a term split over a line break still matches
        ("chronic venous\ninsufficiency", [("chronic venous\ninsufficiency", "cvi.md")]),
    ],
)
def test_crosslinks(source, expected):
    soup, _ = render(source)
    assert links(soup) == expected


def test_never_links_a_page_to_itself_but_finds_shorter_terms_inside():
    soup, state = render("The symptoms of chronic venous insufficiency vary.", page="symptoms.md")
    assert links(soup) == [("chronic venous insufficiency", "cvi.md")]
    assert [t.page for t in state.outgoing["symptoms.md"]] == ["cvi.md"]


def test_visible_text_is_unchanged():
    source = "Leg cramps, *symptoms* and `venous insufficiency` of chronic venous insufficiency."
    plain = BeautifulSoup(markdown.markdown(source), "html.parser").get_text()
    linked, _ = render(source, page="other.md")
    assert linked.get_text() == plain
    assert len(links(linked)) == 3


def test_related_pages_go_both_ways():
    state = CrossLinkState()
    _, state = render("leg cramps and symptoms", page="cvi.md")
    state.page = "symptoms.md"
    html = markdown.markdown("about venous insufficiency", extensions=[CrossLinkExtension(state)])
    assert "cvi.md" in html
    assert state.related("cvi.md") == ["causes.md", "symptoms.md"]
    assert state.related("causes.md") == ["cvi.md"]


@pytest.mark.parametrize(
    "text, found",
    [
        ("leg cramps", ["leg cramps"]),  # a phrase whose prefix is another term ("leg")
        ("leg", ["leg"]),
        ("legs", []),  # whole words only
        ("the LEG  Cramps", ["LEG  Cramps"]),  # any case, any run of white space
        ("leg crampsy leg", ["leg", "leg"]),  # a longer match that fails its word boundary falls back
        ("symptoms of chronic venous insufficiency", ["symptoms of chronic venous insufficiency"]),
        ("a+b (c)", ["a+b (c)"]),  # punctuation is literal
    ],
)
def test_the_trie_matcher(text, found):
    index = TermIndex.build([("a.md", "A", ["leg", "leg cramps", "a+b (c)"]), *PAGES[:2]])
    assert [m.group() for m in index.pattern.finditer(text)] == found


def test_the_matcher_stays_small_for_many_terms():
    terms = [f"condition {n} syndrome" for n in range(3000)]
    index = TermIndex.build([(f"p{n}.md", "P", [term]) for n, term in enumerate(terms)])
    assert len(index.pattern.pattern) < sum(map(len, terms))  # shared prefixes written once
    assert index.target_of("Condition 2999 syndrome").page == "p2999.md"
    assert [m.group() for m in index.pattern.finditer("see condition 1234 syndrome now")] == ["condition 1234 syndrome"]
