"""The checklist frames itself as the article does: some of the symptoms, no diagnosis, room for the rest."""

from __future__ import annotations

import re

import pytest

from helpers import article


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.?!:])\s+", " ".join(text.split())) if s]


@pytest.fixture(scope="module")
def checklist(site):
    return article(site.soup("checklist/"))


@pytest.mark.build
def test_the_intro_keeps_the_articles_some_of_the_symptoms(checklist):
    intro = checklist.select_one(".checklist-intro").get_text(" ", strip=True)
    assert "Here are some of the symptoms you should look out for." in intro
    assert "cannot tell you what is causing" in intro


@pytest.mark.build
def test_no_sentence_the_site_adds_to_the_checklist_is_long(checklist):
    for block in checklist.select(".site-added, .site-text"):
        for sentence in sentences(block.get_text(" ", strip=True)):
            assert len(sentence.split()) <= 20, sentence


@pytest.mark.build
def test_the_legend_above_the_ticks_names_no_condition_as_a_result(checklist):
    (legend,) = checklist.select("[role=group] > .checklist__legend")
    text = legend.get_text(" ", strip=True)
    assert text.startswith("Symptoms I have noticed")
    assert text != "Symptoms of chronic venous insufficiency"


@pytest.mark.build
def test_the_reader_is_asked_to_mention_other_symptoms(checklist):
    other = checklist.select_one("section.checklist .checklist__other")
    assert "site-added" in other["class"]
    assert other.get_text(" ", strip=True) == "If you have noticed other symptoms, tell the professional about them too."


@pytest.mark.build
def test_the_print_out_has_space_for_what_to_tell_the_professional(checklist):
    notes = checklist.select_one(".checklist__notes")
    assert {"print-only", "site-added"} <= set(notes["class"])
    prompts = [p.get_text(strip=True) for p in notes.select(".checklist__note")]
    assert prompts == ["When did it start?", "One leg or both?", "Other symptoms:", "Questions I want to ask:"]


@pytest.mark.build
def test_the_print_out_names_the_pages_address_once(site):
    page = site.soup("checklist/")
    print_only = page.select(".print-only")
    addresses = [span for part in print_only for span in part.find_all("span")
                 if "checklist/" in span.get_text() or span.has_attr("data-checklist-url")]
    assert [a.get_text(strip=True) for a in addresses] == ["https://vein-guide.example.org/checklist/"]
