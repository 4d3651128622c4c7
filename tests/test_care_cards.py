"""Care cards (patient_site.patient.care_cards): levels in words, clinic placeholders, markers."""

from __future__ import annotations

import markdown
import pytest

from helpers import HOSTILE_CLINIC, load_extra, soup
from patient_site.patient.care_cards import CareCard, CareCardError, fill_cards, place_markers, render_card

CLINIC = load_extra(clinic=HOSTILE_CLINIC).clinic


# --- care cards -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "level, words",  # level in the settings; the words a screen reader hears first in the heading
    [("non-urgent", "Non-urgent advice:"), ("urgent", "Urgent advice:"), ("emergency", "Immediate action required:")],
)
def test_card_heading_starts_with_its_level_in_words(level, words):
    html = render_card(CareCard("x", level, "See someone", "Call {clinic_phone}."), CLINIC)
    card = soup(html).find("section")
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
    assert soup(out).find("section", class_="care-card").find_previous("p").get_text() == "Intro"  # in the marker's place
    with pytest.raises(CareCardError) as error:
        place_markers("a\n\n<!-- care-card: nope -->\n", cards, "docs/p.md", first_line=5)
    assert str(error.value).startswith("docs/p.md:7: no care card called 'nope' (known: check)")
