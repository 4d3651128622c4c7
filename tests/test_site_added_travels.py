"""Site-added text is marked wherever the article travels: embeds show the disclaimer, the API keeps it apart."""

from __future__ import annotations

import json

import pytest

from helpers import AXE_SOURCE

EMBEDS = ["causes", "night-cramps", "chronic-venous-insufficiency", "symptoms", "checklist", "glossary"]
DISCLAIMER = ("This page is general information, not a diagnosis. "
              "Talk to a professional about your own symptoms and what is right for you.")


def api(site, slug: str) -> dict:
    return json.loads((site.site / "api" / f"{slug}.json").read_text("utf-8"))


@pytest.mark.parametrize("slug", EMBEDS)
@pytest.mark.build
def test_every_embed_shows_the_disclaimer_inside_its_main_landmark(site, slug):
    main = site.soup(f"embed/{slug}/").find("main")
    note = main.select_one(".page-disclaimer.site-added")
    assert note is not None and " ".join(note.get_text(" ").split()) == "Please note: " + DISCLAIMER


@pytest.mark.parametrize("slug", EMBEDS)
@pytest.mark.build
def test_the_api_carries_the_disclaimer_and_keeps_the_sites_words_apart(site, slug):
    data = api(site, slug)
    assert data["disclaimer"] == DISCLAIMER
    assert isinstance(data["siteAddedText"], list)
    for added in data["siteAddedText"]:
        assert added not in data["text"].split("\n\n"), added


@pytest.mark.build
def test_the_api_text_no_longer_runs_care_card_advice_on_from_the_clinics_words(site):
    data = api(site, "symptoms")
    assert "advice:" not in data["text"] and "Call Example Vein Clinic" not in data["text"]
    assert data["text"].endswith("Painful cramps or muscle spasms in the legs")
    assert "Call Example Vein Clinic (fictional) at 555-0100 or book an appointment." in data["siteAddedText"]


@pytest.mark.parametrize("slug", ["symptoms", "checklist"])
@pytest.mark.browser
@pytest.mark.build
def test_an_embed_opened_on_its_own_has_every_part_in_a_landmark(wide, server, slug):
    page = wide.new_page()
    page.goto(f"{server}embed/{slug}/")
    page.add_script_tag(content=AXE_SOURCE)
    result = page.evaluate("() => axe.run(document, {runOnly: {type: 'rule', values: ['region', 'landmark-one-main']}})")
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]] == []


@pytest.fixture
def wide(browser):
    context = browser.new_context(bypass_csp=True)  # axe is injected as a script
    yield context
    context.close()
