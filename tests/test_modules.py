"""The plain modules on their own: Markdown in, HTML or data out, with no MkDocs running."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup
from patient_site.checklist.symptom_lists import ChecklistError, ChecklistSettings, extract_items, item_id
from patient_site.markdown.crosslinks import CrossLinkExtension, CrossLinkState, TermConflict, TermIndex
from patient_site.frontmatter.reader import FrontMatterError, split_front_matter, string_list
from conftest import load_extra
from patient_site.settings import SettingsError

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
        ("Venous insufficiency hurts.", [("Venous insufficiency", "/cvi.md")]),
        # longest term wins; whole words only ("symptomsx" is no mention)
        ("symptomsx and Symptoms of chronic venous insufficiency", [("Symptoms of chronic venous insufficiency", "/symptoms.md")]),
        # only the first mention of a page is linked
        ("symptoms, symptoms, symptoms", [("symptoms", "/symptoms.md")]),
        # never inside headings, code, existing links or kbd
        ("# symptoms\n\n`symptoms` [symptoms](x.md) <kbd>symptoms</kbd>", []),
        # nor between an editor's raw inline HTML tags, but again after they close
        ('<a href="https://x.example/">venous insufficiency</a> <code>symptoms</code> symptoms', [("symptoms", "/symptoms.md")]),
        # not inside Markdown emphasis within an editor's raw <a> either (that text has no placeholder of its own)
        ('<a href="https://x.example/">see *venous insufficiency*</a> symptoms', [("symptoms", "/symptoms.md")]),
        # an editor's own link to the page counts as its link
        ("[read](symptoms.md) about symptoms", []),
        # mentions inside emphasis are linked, and the tail after it too
        ("*venous insufficiency* and symptoms", [("venous insufficiency", "/cvi.md"), ("symptoms", "/symptoms.md")]),
        # a term split over a line break still matches
        ("chronic venous\ninsufficiency", [("chronic venous\ninsufficiency", "/cvi.md")]),
    ],
)
def test_crosslinks(source, expected):
    soup, _ = render(source)
    assert links(soup) == expected


def test_never_links_a_page_to_itself_but_finds_shorter_terms_inside():
    soup, state = render("The symptoms of chronic venous insufficiency vary.", page="symptoms.md")
    assert links(soup) == [("chronic venous insufficiency", "/cvi.md")]
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
    assert "/cvi.md" in html
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


def test_a_term_claimed_twice_is_refused():
    with pytest.raises(TermConflict, match="'Symptoms' is claimed by both a.md and b.md"):
        TermIndex.build([("a.md", "A", ["symptoms"]), ("b.md", "B", ["Symptoms"])])


@pytest.mark.parametrize(
    "body, items",
    [
        # bullets of any marker, continuation lines joined, inline Markdown reduced to its words
        ("<!-- checklist:start -->\n- One\n* Two *strong*\n+ Three\n  continued\n<!-- checklist:end -->", ["One", "Two strong", "Three continued"]),
        # numbered items, links and escapes
        ("<!-- checklist:start -->\n1. A [link](x.md)\n2) B \\*star\\*\n<!-- checklist:end -->", ["A link", "B *star*"]),
        # nested bullets count as items; CRLF line endings work
        ("<!-- checklist:start -->\r\n- Outer\r\n    - Inner\r\n<!-- checklist:end -->\r\n", ["Outer", "Inner"]),
        # text around the markers is ignored
        ("- before\n<!-- checklist:start -->\n- in\n<!-- checklist:end -->\n- after", ["in"]),
    ],
)
def test_extract_items(body, items):
    assert extract_items(body, "p.md") == items


def test_no_markers_means_no_list():
    assert extract_items("- just a list\n", "p.md") is None


@pytest.mark.parametrize(
    "body, line, message",
    [
        ("intro\n<!-- checklist:start -->\n<!-- checklist:end -->", 12, "is empty"),
        ("<!-- checklist:end -->\n- a\n<!-- checklist:start -->", 11, "comes before"),
        ("x\n\n<!-- checklist:start -->\n- a", 13, "only one marker"),
    ],
)
def test_broken_lists_name_file_and_line(body, line, message):
    with pytest.raises(ChecklistError, match=message) as error:
        extract_items(body, "docs/p.md", first_line=11)
    assert str(error.value).startswith(f"docs/p.md:{line}: ")


def test_item_ids_are_stable_and_readable():
    assert item_id("Swelling in the legs or ankles") == "swelling-in-the-legs-or-ankles"
    assert item_id("Café—au lait!") == "cafe-au-lait"
    assert item_id("???") == "item"


def test_front_matter():
    source = split_front_matter("---\ntitle: T\nterms:\n  - a\n---\n# Body\n", "p.md")
    assert source.meta["title"] == "T" and source.body == "# Body\n" and source.body_line == 6
    assert string_list(source, "terms") == ["a"]
    assert split_front_matter("# no front matter\n", "p.md").meta == {}


@pytest.mark.parametrize(
    "text, line, message",
    [
        ("---\ntitle: [oops\n---\n", 3, "not valid YAML"),
        ("---\n- a\n- b\n---\n", 2, "not a list"),
        ("---\ntitle: t\n", 1, "never closed"),
    ],
)
def test_front_matter_errors(text, line, message):
    with pytest.raises(FrontMatterError, match=message) as error:
        split_front_matter(text, "p.md")
    assert error.value.line == line


def test_terms_must_be_a_list_of_phrases():
    source = split_front_matter("---\ntitle: T\nterms: leg cramps\n---\n", "p.md")
    with pytest.raises(FrontMatterError, match="p.md:3: 'terms' must be a list"):
        string_list(source, "terms")


CLINIC = {
    "name": "Example",
    "phone": "555-0100",
    "website": "https://a.example/",
    "booking": "https://a.example/b",
    "emergency_number": "911",
}


def test_clinic_card():
    card = BeautifulSoup(load_extra(clinic=CLINIC).clinic.contact_html(), "html.parser")
    assert card.find("a", href="tel:5550100").get_text() == "555-0100"
    assert card.find("a", string="Book an appointment")["href"] == "https://a.example/b"


@pytest.mark.parametrize(
    "change, message",
    [
        ({"phone": None}, "extra.clinic.phone is missing"),
        ({"website": "clinic.example"}, "extra.clinic.website must be a full web address"),
        ({"fax": "1"}, "unknown key"),
        ({"emergency_number": "call us"}, "emergency_number must contain a number"),
        ({"accent_color": "blue"}, "accent_color must be a colour as #rrggbb"),
        ({"name": "<b>x</b>"}, None),  # allowed, but escaped when shown
    ],
)
def test_clinic_settings_are_checked(change, message):
    data = {key: value for key, value in {**CLINIC, **change}.items() if value is not None}
    if message is None:
        assert "&lt;b&gt;" in load_extra(clinic=data).clinic.contact_html()
        return
    with pytest.raises(SettingsError, match=message):
        load_extra(clinic=data)


def test_checklist_settings_are_checked():
    assert load_extra().checklist.required_pages == ("symptoms.md",)
    with pytest.raises(SettingsError, match="unknown key"):
        load_extra(checklist={"titel": "x"})
