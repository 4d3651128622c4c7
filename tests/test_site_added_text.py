"""What the site adds around the clinic's article says no more than the article, never twice, and stays apart."""

from __future__ import annotations

import json

import pytest

from helpers import article, load_extra


def words(soup) -> str:
    return " ".join(article(soup).get_text(" ").split()).lower()


@pytest.mark.parametrize("page, phrases", [
    ("chronic-venous-insufficiency/", ["as soon as you notice"]),
    ("symptoms/", ["other health conditions", "proper diagnosis"]),
])
@pytest.mark.build
def test_care_cards_do_not_repeat_the_article_on_its_page(site, page, phrases):
    text = words(site.soup(page))
    for phrase in phrases:
        assert text.count(phrase) == 1, (page, phrase)


@pytest.mark.parametrize("page", ["chronic-venous-insufficiency/", "symptoms/"])
@pytest.mark.build
def test_the_get_checked_card_carries_the_action(site, page):
    card = article(site.soup(page)).select_one('[data-care-card="get-checked"]')
    assert card.select_one(".care-card__content").get_text(" ", strip=True) == (
        "Call Example Vein Clinic (fictional) at 555-0100 or book an appointment .")
    assert card.find("a", href="tel:5550100") and card.find("a", href="https://clinic.example.org/book")


@pytest.mark.build
def test_headings_claim_nothing_the_article_does_not(site):
    headings = [h.get_text(" ", strip=True) for h in article(site.soup("chronic-venous-insufficiency/")).find_all("h2")]
    assert "What can happen if it is not treated" in headings
    assert not any("worth treating" in heading for heading in headings)


@pytest.mark.build
def test_the_causes_description_stays_with_the_articles_cramps(site):
    description = site.soup("causes/").find("meta", attrs={"name": "description"})["content"]
    assert description == "Reasons for leg cramps, from tiredness and dehydration to problems with blood circulation."


@pytest.mark.build
def test_search_never_glues_a_card_onto_a_section_title(site):
    index = json.loads((site.site / "search" / "search_index.json").read_text("utf-8"))
    titles = {doc["location"]: doc["title"] for doc in index["docs"]}
    for page in ("chronic-venous-insufficiency/", "symptoms/"):
        for location, title in titles.items():
            if location.startswith(page) and "#care-card-" not in location:
                assert "advice:" not in title and "action required:" not in title, (location, title)
        assert titles[f"{page}#care-card-get-checked"] == "Non-urgent advice: Have your symptoms checked"
    for page in ("chronic-venous-insufficiency/", "symptoms/"):
        headings = article(site.soup(page)).select(".care-card h2")
        assert [h.get("id") for h in headings] == ["care-card-get-checked"]


def test_a_card_placed_twice_on_a_page_is_refused_with_its_line():
    from patient_site.patient.care_cards import CareCardError, place_markers

    cards = load_extra(care_cards={"get-checked": {"level": "non-urgent", "heading": "Have your symptoms checked"}}).care_cards
    text = "Intro.\n\n<!-- care-card: get-checked -->\n\nMore.\n\n<!-- care-card: get-checked -->\n"
    with pytest.raises(CareCardError, match=r"^docs/x\.md:7: the care card 'get-checked' is already on this page \(line 3\)"):
        place_markers(text, cards, "docs/x.md")
