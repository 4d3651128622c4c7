"""The real site, built strictly from the repository, checked through its parsed HTML."""

from __future__ import annotations

import pytest

from helpers import CONTENT_PAGES, PAGES, ROOT, article, resolve, symptom_bullets, tree_digest

pytestmark = pytest.mark.build

def test_every_page_exists(site):
    for page in PAGES:
        soup = site.soup(page)
        assert soup.find("h1"), page
        assert soup.find("html")["lang"] == "en"


def test_build_printed_no_warning(site):
    assert "WARNING" not in site.log, site.log


def test_checklist_has_one_labelled_checkbox_per_symptom_in_order(site):
    bullets = symptom_bullets(site)
    assert len(bullets) == 8
    form = site.soup("checklist/").select_one("section.checklist")
    fieldset = form.select_one("[role=group]")  # a named group, not a <fieldset>: reader view keeps it (issue 24)
    assert fieldset.select_one(".checklist__legend").get_text(strip=True) == (  # a neutral legend naming its page (issue 13)
        "Symptoms I have noticed (from the page \u201cSymptoms of chronic venous insufficiency\u201d)")
    boxes = fieldset.find_all("input")
    assert [box["type"] for box in boxes] == ["checkbox"] * len(bullets)
    labels = []
    for box in boxes:
        (label,) = form.find_all("label", attrs={"for": box["id"]})
        labels.append(label.get_text(" ", strip=True))
    assert labels == bullets
    assert len({box["id"] for box in boxes}) == len(boxes)


def test_checklist_offers_print_clear_and_contact(site):
    soup = site.soup("checklist/")
    # Both buttons need checklist.js, which makes them from these labels; without it the page says how to print
    # and shows no button that does nothing, not even to a text browser that ignores `hidden` (issue 24).
    assert not soup.select("section.checklist button")
    actions = soup.select_one("section.checklist .checklist__actions")
    assert actions["data-print-label"] == "Print or save for your appointment"
    assert actions["data-clear-label"] == "Clear my answers"
    assert "browser's Print" in soup.select_one(".checklist__print-how").get_text()
    contact = soup.select_one(".clinic-footer .clinic-contact")
    assert "Example Vein Clinic" in contact.get_text()
    assert contact.find("a", href="tel:5550100")


def test_checklist_words_do_not_diagnose(site):
    text = article(site.soup("checklist/")).get_text(" ", strip=True).lower()
    assert "speak with a professional" in text
    for diagnosis in ("you have chronic", "you may have chronic", "you likely have", "you probably have"):
        assert diagnosis not in text


def crosslinks(site, page):
    return article(site.soup(page)).select("a.crosslink")


@pytest.mark.parametrize(
    "page, words, target",
    [
        ("night-cramps/", "venous insufficiency", "chronic-venous-insufficiency/"),
        ("night-cramps/", "leg cramps", "causes/"),
        ("chronic-venous-insufficiency/", "symptoms", "symptoms/"),
        ("chronic-venous-insufficiency/", "leg cramps", "causes/"),
        ("symptoms/", "chronic venous insufficiency", "chronic-venous-insufficiency/"),
    ],
)
def test_expected_crosslinks(site, page, words, target):
    found = [(a.get_text().lower(), resolve(page, a["href"])) for a in crosslinks(site, page)]
    assert (words, target) in found


@pytest.mark.parametrize("page", PAGES)
def test_crosslinks_are_never_misplaced(site, page):
    for link in crosslinks(site, page):
        assert resolve(page, link["href"]) != page, f"{page} links to itself"
        assert not link.find_parent(["h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "label", "legend"])
        assert (site.site / resolve(page, link["href"]) / "index.html").exists()
    targets = [resolve(page, link["href"]) for link in crosslinks(site, page)]
    assert len(targets) == len(set(targets)), "a page is cross-linked twice"


@pytest.mark.parametrize("page", CONTENT_PAGES)
def test_content_pages_end_with_related_pages_and_checklist(site, page):
    related = article(site.soup(page)).select_one("aside.related-pages")
    assert related.find("h2").get_text(strip=True) == "Related pages"
    targets = [resolve(page, a["href"]) for a in related.find_all("a")]
    assert targets[-1] == "checklist/"
    assert page not in targets
    assert len(targets) == len(set(targets)) >= 2
    for target in targets:
        assert (site.site / target / "index.html").exists()


@pytest.mark.parametrize("page", PAGES)
def test_footer_shows_the_clinic_on_every_page(site, page):
    footer = site.soup(page).select_one(".clinic-footer .clinic-contact")
    text = footer.get_text(" ", strip=True)
    assert "Example Vein Clinic (fictional)" in text and "555-0100" in text
    assert footer.find("a", string="Book an appointment")["href"] == "https://clinic.example.org/book"


def test_landing_links_every_page_and_the_checklist(site):
    soup = site.soup("")
    targets = {resolve("", a["href"]) for a in article(soup).find_all("a")}
    assert set(PAGES) - {""} <= targets
    assert soup.select_one(".clinic-footer .clinic-contact")  # the page's one contact card (issue 24)


@pytest.mark.parametrize("page", PAGES)
def test_pages_carry_title_and_description(site, page):
    soup = site.soup(page)
    assert soup.find("meta", attrs={"name": "description"})["content"].strip()
    assert "Leg pain, cramps and vein health" in soup.title.get_text()


@pytest.mark.parametrize("page", PAGES)
def test_pages_name_no_third_party_host(site, page):
    soup = site.soup(page)
    for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
        for element in soup.find_all(tag):
            value = element.get(attribute)
            if value and tag == "link" and element.get("rel") in (["canonical"], ["alternate"]):
                assert value.startswith("https://vein-guide.example.org/"), f"{page}: {element}"  # the site's own address
            elif value:
                assert "://" not in value and not value.startswith("//"), f"{page}: {element}"


def test_docs_unchanged_by_the_build(site, docs_before):
    """The site is built from a copy of the project (conftest.py): its docs/ is as copied, and so is the repository's."""
    for docs in (site.project / "docs", ROOT / "docs"):
        assert tree_digest(docs) == docs_before
        assert not (docs / "checklist.md").exists()
