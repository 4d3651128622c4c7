"""The clinic's contact card and settings (patient_site.patient.clinic)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from helpers import HOSTILE_CLINIC, load_extra, soup
from patient_site.settings import SettingsError

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


def test_the_clinics_address_shows_in_the_card_and_in_the_json_ld():
    from patient_site.patient.structured_data import publisher

    clinic = load_extra(clinic={**HOSTILE_CLINIC, "address": {"street": "1 <Main> St", "town": "Vein & Town",
                                                             "postcode": "EX1 2AB"}}).clinic
    card = soup(clinic.contact_html())
    assert card.select_one(".clinic-contact__address").get_text() == "1 <Main> St, Vein & Town EX1 2AB"
    assert publisher(clinic)["address"] == {"@type": "PostalAddress", "streetAddress": "1 <Main> St",
                                            "addressLocality": "Vein & Town", "postalCode": "EX1 2AB"}
    without = load_extra(clinic=HOSTILE_CLINIC).clinic
    assert without.address is None and "address" not in publisher(without)
    assert soup(without.contact_html()).select_one(".clinic-contact__address") is None
