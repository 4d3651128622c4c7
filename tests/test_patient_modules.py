"""The patient-page modules on their own: care cards, glossary, review details, disclaimer, structured data."""

from __future__ import annotations

import datetime
import json

import markdown
import pytest
from bs4 import BeautifulSoup
from patient_site.patient.care_cards import CareCard, CareCardError, fill_cards, place_markers, render_card
from patient_site.patient.clinic import Clinic
from patient_site.markdown.crosslinks import CrossLinkExtension, CrossLinkState, TermIndex
from patient_site.frontmatter.reader import FrontMatterError, split_front_matter
from patient_site.markdown.glossary import GlossaryError, GlossaryExtension, GlossaryIndex, GlossaryState, load_glossary, render_glossary_page
from patient_site.patient.page_foot import DEFAULT_DISCLAIMER, page_foot_html
from patient_site.patient.review import ReviewInfo, review_html, review_info
from patient_site.patient.structured_data import json_ld_script, medical_web_page
from conftest import load_extra
from patient_site.settings import SettingsError

CLINIC = load_extra(clinic={
    "name": "Vein & Co <Clinic>", "phone": "01 23 45", "website": "https://clinic.test/",
    "booking": "https://clinic.test/book", "emergency_number": "112",
}).clinic


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


# --- care cards -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "level, words",  # level in the settings; the words a screen reader hears first in the heading
    [("non-urgent", "Non-urgent advice:"), ("urgent", "Urgent advice:"), ("emergency", "Immediate action required:")],
)
def test_card_heading_starts_with_its_level_in_words(level, words):
    html = render_card(CareCard("x", level, "See someone", "Call {clinic_phone}."), CLINIC)
    card = soup(html).find("div")
    assert f"care-card--{level}" in card["class"] and "site-added" in card["class"]
    heading = card.find("h2")
    assert heading.get_text(" ", strip=True).startswith(words)
    assert heading.get_text(" ", strip=True).endswith("See someone")


def test_card_fills_clinic_placeholders_and_escapes_them():
    card = CareCard("x", "emergency", "Call {emergency_number}", "Ring {clinic_name} on {clinic_phone} or [book]({booking}).")
    parsed = soup(render_card(card, CLINIC))
    assert parsed.find("h2").find("a", href="tel:112").get_text() == "112"
    body = parsed.select_one(".care-card__content")
    assert "Vein & Co <Clinic>" in body.get_text()  # shown as text, never as a tag
    assert not body.find("clinic")
    assert body.find("a", href="tel:012345").get_text() == "01 23 45"
    assert body.find("a", href="https://clinic.test/book")


@pytest.mark.parametrize(
    "settings, message",  # extra.care_cards as written; part of the error the editor sees
    [
        ("not a mapping", "must be a block of cards"),
        ({"x": {"level": "soon", "heading": "H"}}, "level must be one of non-urgent, urgent, emergency"),
        ({"x": {"level": "urgent"}}, "extra.care_cards.x.heading must be non-empty text"),
        ({"x": {"level": "urgent", "heading": "Call {ambulance}"}}, "uses {ambulance}, which is not a clinic setting"),
        ({"x": {"level": "urgent", "heading": "H", "colour": "red"}}, "unknown key(s) colour"),
        ({"Bad Name": {"level": "urgent", "heading": "H"}}, "lower-case letters"),
    ],
)
def test_bad_card_settings_are_named(settings, message):
    with pytest.raises(ValueError) as error:
        load_extra(care_cards=settings)
    assert message in str(error.value)


def test_markers_become_cards_and_unknown_markers_name_file_and_line():
    cards = load_extra(care_cards={"check": {"level": "non-urgent", "heading": "Get checked"}}).care_cards
    text = "Intro\n\n<!-- care-card: check -->\n\n```\n<!-- care-card: example-in-code -->\n```\n"
    converted = markdown.markdown(place_markers(text, cards, "docs/p.md", first_line=5), extensions=["fenced_code"])
    out = fill_cards(converted, cards, CLINIC)
    assert out.count('class="care-card ') == 1 and "example-in-code --&gt;" in out
    assert soup(out).find("div", class_="care-card").find_previous("p").get_text() == "Intro"  # in the marker's place
    with pytest.raises(CareCardError) as error:
        place_markers("a\n\n<!-- care-card: nope -->\n", cards, "docs/p.md", first_line=5)
    assert str(error.value).startswith("docs/p.md:7: no care card called 'nope' (known: check)")


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


def test_disclaimer_setting_and_foot():
    assert load_extra().disclaimer == DEFAULT_DISCLAIMER
    assert load_extra(disclaimer="  Only  general\n information. ").disclaimer == "Only general information."
    with pytest.raises(ValueError):
        load_extra(disclaimer=7)
    foot = soup(page_foot_html("", "Be <careful>.", "https://x.test/p/", CLINIC.contact_html()))
    assert foot.select_one(".page-disclaimer.site-added").get_text(" ", strip=True) == "Please note: Be <careful>."
    printed = foot.select_one(".page-print-foot.print-only")
    assert "https://x.test/p/" in printed.get_text() and printed.select_one(".clinic-contact")


# --- structured data --------------------------------------------------------------------------------------

def test_json_ld_cannot_break_out_of_its_script_element():
    hostile = 'Evil </script><script>alert(1)</script> <!-- & \u2028'
    data = medical_web_page(title=hostile, description=hostile, url="https://x.test/", language="en",
                            site_name="S", site_url="https://x.test/", clinic=CLINIC)
    html = json_ld_script(data)
    assert html.count("<") == 2 and html.count("</script>") == 1  # only our own opening and closing tags
    parsed = soup(html).find("script", type="application/ld+json")
    assert json.loads(parsed.string)["name"] == hostile


def test_json_ld_about_review_and_sources():
    info = ReviewInfo(datetime.date(2026, 10, 1), None, "Dr A", (("NHS", "https://www.nhs.uk/x"),))
    data = medical_web_page(title="T", description="D", url="https://x.test/p/", language="en", site_name="S",
                            site_url="https://x.test/", clinic=CLINIC, conditions=[("CVI", ["Swelling", "Itching"])], review=info)
    assert data["@type"] == "MedicalWebPage" and data["inLanguage"] == "en" and data["lastReviewed"] == "2026-10-01"
    assert data["about"] == {"@type": "MedicalCondition", "name": "CVI", "signOrSymptom": [
        {"@type": "MedicalSignOrSymptom", "name": "Swelling"}, {"@type": "MedicalSignOrSymptom", "name": "Itching"}]}
    assert data["citation"][0]["url"] == "https://www.nhs.uk/x"
    bare = medical_web_page(title="T", description="D", url="u", language="en", site_name="S", site_url="s", clinic=CLINIC)
    assert "about" not in bare and "lastReviewed" not in bare


def test_conditions_setting_is_checked():
    (found,) = load_extra(conditions=[{"name": "CVI", "pages": ["a.md"], "symptoms_from": "a.md"}]).conditions
    assert found.pages == ("a.md",)
    for bad in ("CVI", [{"name": "CVI"}], [{"name": "CVI", "pages": ["a.md"], "extra": 1}]):
        with pytest.raises(ValueError):
            load_extra(conditions=bad)


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
    assert link.get_text() == "varicose veins" and link["href"] == "/glossary.md#varicose-veins"
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
