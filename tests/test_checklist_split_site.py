"""A library with more symptoms than `max_symptoms_per_page`: one checklist page per folder, in a real build."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from urllib.parse import urljoin

import pytest

from helpers import Built, build_in_process, copy_project, serve

pytestmark = pytest.mark.build

# Pages added to a copy of the project: two folders with lists, one folder index without a list.
PAGES = {
    # source path: (title, symptoms, reviewed)
    "legs/index.md": ("Leg problems", [], None),
    "legs/heavy.md": ("Heavy legs", ["Legs feel heavy by the evening", "Legs ache after standing"], datetime.date(2026, 3, 2)),
    "legs/restless.md": ("Restless legs", ["An urge to move the legs at night"], datetime.date(2026, 1, 5)),
    "skin/changes.md": ("Skin changes", ["Itching over a vein", "Darker skin near the ankle"], None),
}
GROUPS = ["checklist/general/", "checklist/legs/", "checklist/skin/"]  # symptoms.md is first in the menu
SYMPTOMS_OF = {
    "checklist/legs/": PAGES["legs/heavy.md"][1] + PAGES["legs/restless.md"][1],
    "checklist/skin/": PAGES["skin/changes.md"][1],
}


def write_page(docs: Path, path: str, title: str, symptoms: list[str], reviewed) -> None:
    lines = ["---", f"title: {title}", f"description: What {title.lower()} can mean."]
    lines += [f"reviewed: {reviewed.isoformat()}"] if reviewed else []
    lines += ["---", "", f"# {title}", "", "Some plain words about this.", ""]
    if symptoms:
        lines += ["<!-- checklist:start -->", *[f"- {symptom}" for symptom in symptoms], "<!-- checklist:end -->", ""]
    (docs / path).parent.mkdir(parents=True, exist_ok=True)
    (docs / path).write_text("\n".join(lines), "utf-8")


@pytest.fixture(scope="session")
def split(shared_build) -> Built:
    """The project plus the pages above, with at most 5 symptoms per checklist page (13 in all), built once per run."""

    def make(root: Path) -> Built:
        project = copy_project(root / "project")
        for path, page in PAGES.items():
            write_page(project / "docs", path, *page)
        config = project / "mkdocs.yml"
        text = config.read_text("utf-8")
        text = text.replace("    storage_key: vein-guide:checklist:v1\n", "    storage_key: vein-guide:checklist:v1\n    max_symptoms_per_page: 5\n")
        text = text.replace("  - checklist.md  #", "".join(f"  - {path}\n" for path in PAGES) + "  - checklist.md  #")
        assert "max_symptoms_per_page: 5" in text and "  - skin/changes.md\n" in text
        config.write_text(text, "utf-8")
        return build_in_process(project, root / "site")

    built = shared_build("split", make)
    assert built.returncode == 0, built.log
    return built


def boxes(soup) -> list[str]:
    return [label.get_text(strip=True) for label in soup.select("section.checklist label")]


def test_the_index_links_every_group_page_with_its_count_in_menu_order(split):
    index = split.soup("checklist/")
    assert index.find("h1").get_text(strip=True) == "Symptom checklist"
    assert index.select_one("section.checklist") is None
    items = index.select(".checklist-sections li")
    links = [urljoin("/checklist/", item.find("a")["href"]) for item in items]
    assert links == ["/" + group for group in GROUPS]
    counts = [item.get_text(" ", strip=True).rsplit("(", 1)[1] for item in items]
    assert counts == ["8 symptoms)", "3 symptoms)", "2 symptoms)"]
    assert [item.find("a").get_text(strip=True) for item in items] == ["General", "Leg problems", "skin"]


def test_each_group_page_holds_only_its_folders_boxes_under_its_own_key(split):
    keys = []
    for group in GROUPS:
        soup = split.soup(group)
        form = soup.select_one("section.checklist")
        keys.append(form["data-storage-key"])
        if group in SYMPTOMS_OF:
            assert boxes(soup) == SYMPTOMS_OF[group]
    assert len(boxes(split.soup("checklist/general/"))) == 8  # the real symptoms.md list
    assert keys == [f"vein-guide:checklist:v1:{group.split('/')[1]}" for group in GROUPS]
    assert split.soup("checklist/legs/").find("h1").get_text(strip=True) == "Symptom checklist: Leg problems"


def test_group_pages_are_reached_from_the_index_not_the_menu(split):
    menu = {urljoin("/", a["href"]) for a in split.soup("").select("nav.md-nav--primary a.md-nav__link[href]")}
    assert "/checklist/" in menu
    assert not any(link.startswith("/checklist/") and link != "/checklist/" for link in menu), menu


@pytest.mark.parametrize(
    "page, checklist",
    [
        ("legs/heavy/", "checklist/legs/"),
        ("skin/changes/", "checklist/skin/"),
        ("symptoms/", "checklist/general/"),
        ("causes/", "checklist/"),  # no list of its own: the index
    ],
)
def test_related_pages_link_the_checklist_page_with_the_pages_own_list(split, page, checklist):
    related = split.soup(page).select(".related-pages a")
    found = [urljoin("/" + page, a["href"]) for a in related if "/checklist/" in urljoin("/" + page, a["href"])]
    assert found == ["/" + checklist]


def test_group_pages_have_embeds_and_api_entries_with_their_own_lists(split):
    def api(name):
        return json.loads((split.site / "api" / f"{name}.json").read_text("utf-8"))
    for group in GROUPS:
        name = group.strip("/").replace("/", "-")
        embedded = split.soup(f"embed/{name}/").select_one("section[data-checklist]")
        assert embedded["data-storage-key"] == split.soup(group).select_one("section[data-checklist]")["data-storage-key"]
        data = api(name)
        assert data["name"] == split.soup(group).find("h1").get_text(strip=True)
        listed = [item["name"] for part in data["hasPart"] for item in part["itemListElement"]]
        assert listed == boxes(split.soup(group))
    assert api("checklist-legs")["lastReviewed"] == "2026-01-05"  # both its pages are reviewed: the older date
    assert "lastReviewed" not in api("checklist-skin")
    index = api("checklist")
    assert "hasPart" not in index and "lastReviewed" not in index
    feed = [entry["item"]["url"] for entry in api("index")["itemListElement"]]
    for group in GROUPS:
        assert f"https://vein-guide.example.org/{group}" in feed


@pytest.fixture(scope="module")
def split_server(split):
    yield from serve(split.site)


@pytest.mark.browser
def test_ticks_on_one_group_page_never_reach_another(context, split_server):
    page = context.new_page()
    page.goto(split_server + "checklist/legs/")
    page.get_by_label("Legs feel heavy by the evening").check()
    page.goto(split_server + "checklist/skin/")
    page.get_by_label("Itching over a vein").check()
    page.goto(split_server + "checklist/legs/")
    page.reload()
    ticked = page.locator("section.checklist input[type=checkbox]").evaluate_all(
        "els => els.filter(e => e.checked).map(e => e.labels[0].textContent)")
    assert ticked == ["Legs feel heavy by the evening"]
    stored = page.evaluate("Object.fromEntries(Object.entries(localStorage).map(([k, v]) => [k, JSON.parse(v)]))")
    assert sorted(stored) == ["vein-guide:checklist:v1:legs", "vein-guide:checklist:v1:skin"]
    assert len(stored["vein-guide:checklist:v1:legs"]) == len(stored["vein-guide:checklist:v1:skin"]) == 1
    page.goto(split_server + "checklist/skin/")
    assert page.get_by_label("Itching over a vein").is_checked()
    assert not page.get_by_label("Darker skin near the ankle").is_checked()
