"""Patient pages in the real built site: care cards, glossary, review details, disclaimer, JSON-LD, titles."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from helpers import ALL_PAGES, CONTENT_PAGES, ROOT, article, build_in_process, copy_project, resolve, symptom_bullets

pytestmark = pytest.mark.build

SITE_NAME = "Leg pain, cramps and vein health"


def json_ld(soup) -> dict:
    (script,) = soup.find_all("script", type="application/ld+json")
    return json.loads(script.string)


def glossary_entries() -> list[dict]:
    return yaml.safe_load((ROOT / "docs" / "glossary.yml").read_text("utf-8"))


# --- titles, descriptions, JSON-LD ------------------------------------------------------------------------

@pytest.mark.parametrize("page", ALL_PAGES)
def test_title_names_the_page_and_the_site_and_lang_is_set(site, page):
    soup = site.soup(page)
    assert soup.find("html")["lang"] == "en"
    title = soup.title.get_text()
    if page == "":
        assert title == SITE_NAME
    else:
        assert title == f"{soup.find('meta', property='og:title')['content']} - {SITE_NAME}"


@pytest.mark.parametrize("page", ALL_PAGES)
def test_every_page_has_medical_web_page_json_ld_and_open_graph(site, page):
    soup = site.soup(page)
    data = json_ld(soup)
    description = soup.find("meta", attrs={"name": "description"})["content"]
    assert data["@context"] == "https://schema.org" and data["@type"] == "MedicalWebPage"
    assert data["description"] == description and description.strip()
    assert data["inLanguage"] == "en"
    assert data["url"] == f"https://vein-guide.example.org/{page}"
    assert "lastReviewed" not in data  # the shipped pages give no review date, so none is claimed
    assert soup.find("meta", property="og:title")["content"] == data["name"]
    assert soup.find("meta", property="og:description")["content"] == description
    assert soup.find("meta", property="og:url")["content"] == data["url"]


@pytest.mark.parametrize("page", ["chronic-venous-insufficiency/", "symptoms/", "checklist/"])
def test_cvi_pages_list_the_checklist_symptoms_as_signs(site, page):
    about = json_ld(site.soup(page))["about"]
    assert about["@type"] == "MedicalCondition" and about["name"] == "Chronic venous insufficiency"
    signs = [sign["name"] for sign in about["signOrSymptom"]]
    assert signs == symptom_bullets(site)
    labels = [label.get_text(" ", strip=True) for label in site.soup("checklist/").select("section.checklist label")]
    assert signs == labels


# --- care cards and disclaimer ----------------------------------------------------------------------------

@pytest.mark.parametrize("page", ["chronic-venous-insufficiency/", "symptoms/"])
def test_shipped_cards_say_only_the_articles_advice(site, page):
    cards = article(site.soup(page)).select(".care-card")
    # No emergency card: the article gives no emergency advice (content review 2026-12); the card stays in mkdocs.yml,
    # placed on no page, until the clinic approves it as its own text.
    assert [card["data-care-card"] for card in cards] == ["get-checked"]
    (advice,) = cards
    assert "site-added" in advice["class"] and "care-card--non-urgent" in advice["class"]
    assert advice.find("h2").get_text(" ", strip=True) == "Non-urgent advice: Have your symptoms checked"
    text = advice.get_text(" ", strip=True)
    assert text.startswith("Non-urgent advice: Have your symptoms checked Call ")  # the action only (issue 13)
    assert advice.find("a", href="tel:5550100") and advice.find("a", href="https://clinic.example.org/book")
    assert advice.select_one(".care-card__content").get_text(" ", strip=True).startswith(
        "Call Example Vein Clinic (fictional) at 555-0100")  # US usage: "at", not "on"
    assert not article(site.soup(page)).find("a", href="tel:911")


@pytest.mark.parametrize("page", ALL_PAGES)
def test_disclaimer_on_every_page_apart_from_the_article(site, page):
    (note,) = article(site.soup(page)).select(".page-disclaimer")
    assert "site-added" in note["class"]
    assert "general information, not a diagnosis" in note.get_text()


@pytest.mark.parametrize("page", ALL_PAGES)
def test_shipped_pages_invent_no_review_details(site, page):
    body = article(site.soup(page))
    assert not body.select(".page-review")
    assert "reviewed" not in body.get_text().lower()


# --- glossary ---------------------------------------------------------------------------------------------

def test_glossary_page_is_in_the_nav_and_lists_every_entry_with_its_source(site):
    nav = [resolve("", a["href"]) for a in site.soup("").select(".md-nav--primary a.md-nav__link")]
    assert "glossary/" in nav
    soup = site.soup("glossary/")
    entries = glossary_entries()
    terms = sorted(entry["term"].lower() for entry in entries)
    listed = soup.select("dl.glossary-list > dt")
    assert sorted(dt.get_text(" ", strip=True).split(" (also")[0].lower() for dt in listed) == terms
    for entry in entries:
        dd = soup.find("dt", id=re.sub(r"[^a-z0-9]+", "-", entry["term"].lower()).strip("-")).find_next_sibling("dd")
        assert " ".join(entry["definition"].split()) in dd.get_text(" ", strip=True)
        assert dd.find("a", href=entry["source"]["url"])
    assert not (site.site / "glossary.yml").exists()  # the data file is not published raw


def test_glossary_words_the_issue_names_are_defined():
    spellings = {s.lower() for e in glossary_entries() for s in [e["term"], *e.get("also", [])]}
    for word in ("venous insufficiency", "varicose veins", "spider veins", "venous ulcers", "electrolytes", "arterial disease"):
        assert word in spellings


@pytest.mark.parametrize("page", CONTENT_PAGES)
def test_glossary_terms_first_use_only_and_never_nested_with_cross_links(site, page):
    body = article(site.soup(page))
    terms = body.select(".glossary-term")
    assert terms, page
    seen = set()
    for term in terms:
        link = term.find("a", class_="glossary-term__link")
        target = link["href"].split("#")[1]
        assert target not in seen, f"{target} defined twice on {page}"
        seen.add(target)
        assert resolve(page, link["href"]).startswith("glossary/")
        tip = body.find(id=link["aria-describedby"])
        assert tip["role"] == "tooltip" and tip.get_text(strip=True) and tip.parent is term
        assert not term.find_parent(["a", "h1", "h2", "h3", "label", "code"]) and not term.select("a.crosslink")
    for crosslink in body.select("a.crosslink"):
        assert not crosslink.find_parent(class_="glossary-term") and not crosslink.select(".glossary-term")


def test_night_cramps_defines_the_words_the_article_uses(site):
    defined = [t.find("a").get_text(" ", strip=True).lower() for t in article(site.soup("night-cramps/")).select(".glossary-term")]
    assert {"dehydration", "varicose veins", "spider veins", "venous ulcers"} <= set(defined)


def test_search_finds_definitions_on_the_glossary_page_only(site):
    index = json.loads((site.site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    definition = " ".join(glossary_entries()[0]["definition"].split()[:4])
    holders = {doc["location"].split("#")[0] for doc in index if definition in doc["text"]}
    assert holders == {"glossary/"}
    assert not [doc for doc in index if "not a diagnosis" in doc["text"]]  # the disclaimer is not a search hit


def test_search_finds_topics_not_their_embed_pages_in_every_language(site):
    """A patient searching a topic gets the topic, not "Embed: <topic>"; a clinic still finds /for-clinics/."""
    for folder in ("", "es/"):
        index = json.loads((site.site / folder / "search" / "search_index.json").read_text("utf-8"))["docs"]
        pages = {doc["location"].split("#")[0] for doc in index}
        assert "for-clinics/" in pages, folder
        assert not [page for page in pages if page.startswith("for-clinics/") and page != "for-clinics/"], folder
        assert "causes/" in pages, folder


# --- a fixture project: review details, hostile front matter, print-only foot -----------------------------

def test_review_details_show_at_the_page_foot_when_given(reviewed_site):
    body = article(reviewed_site.soup("causes/"))
    review = body.select_one(".page-review.site-added")
    text = review.get_text(" ", strip=True)
    assert "Page last reviewed: 1 October 2026 · Next review due: 1 October 2027" in text
    assert "Reviewed by: Dr Ada Example, vascular nurse" in text
    assert review.find("a", href="https://www.nhs.uk/conditions/leg-cramps/").get_text() == "NHS: Leg cramps"
    assert body.find_all(class_="page-review") == [review]
    assert not article(reviewed_site.soup("night-cramps/")).select(".page-review")


def test_json_ld_carries_the_review_and_survives_hostile_text(reviewed_site):
    soup = reviewed_site.soup("causes/")
    data = json_ld(soup)
    assert data["lastReviewed"] == "2026-10-01"
    assert data["reviewedBy"]["name"] == "Dr Ada Example, vascular nurse"
    assert data["description"] == "Causes </script of leg pain"
    # An editor cannot write tags here (the schema refuses HTML), but "</script" alone would end the JSON-LD
    # block early in a browser, which ends script text at the first "</script". Read it the browser's way.
    raw = (reviewed_site.site / "causes" / "index.html").read_text("utf-8")
    opening = '<script type="application/ld+json">'
    start = raw.index(opening) + len(opening)
    assert json.loads(raw[start : raw.lower().index("</script", start)])["description"] == data["description"]


def line_of(text: str) -> int:
    """The line of mkdocs.yml that holds `text`."""
    return next(n for n, line in enumerate((ROOT / "mkdocs.yml").read_text("utf-8").splitlines(), 1) if text in line)


@pytest.mark.parametrize(
    "file, change, message",  # file changed; (old, new) text; the message the build must print
    [
        ("docs/symptoms.md", ("<!-- care-card: get-checked -->", "<!-- care-card: ambulance -->"),
         "docs/symptoms.md:27: no care card called 'ambulance'"),
        ("docs/glossary.yml", ("url: https://www.nhs.uk/conditions/dehydration/", "url: www.nhs.uk"),
         "docs/glossary.yml:79: the source of 'dehydration' must be a full https:// address"),
        ("docs/causes.md", ("terms:", "reviewed: last week\nterms:"), "docs/causes.md:4: 'reviewed' must be a date"),
        ("mkdocs.yml", ("      level: non-urgent", "      level: soonish"), "extra.care_cards.get-checked.level must be one of"),
        ("mkdocs.yml", ("symptoms_from: symptoms.md", "symptoms_from: causes.md"),
         f"mkdocs.yml:{line_of('symptoms_from: symptoms.md')}: extra.conditions 'Chronic venous insufficiency' takes symptoms "
         "from causes.md, which has no marked symptom list"),
    ],
)
def test_bad_input_stops_the_build_naming_file_and_line(tmp_path, file, change, message):
    project = copy_project(tmp_path / "project")
    path = project / file
    text = path.read_text("utf-8")
    assert change[0] in text
    path.write_text(text.replace(change[0], change[1], 1), "utf-8")
    built = build_in_process(project, tmp_path / "site")
    assert built.returncode != 0
    assert message in built.log, built.log
    assert not (tmp_path / "site" / "index.html").exists()
