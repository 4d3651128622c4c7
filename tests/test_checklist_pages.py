"""Which checklist pages a build makes (patient_site.checklist.pages): one page, or one per folder above the limit."""

from __future__ import annotations

import pytest
import yaml
from bs4 import BeautifulSoup

from helpers import ROOT, load_extra
from patient_site.checklist.pages import ChecklistMissing, ChecklistSite, checklist_pages, group_by_folder
from patient_site.checklist.symptom_lists import ChecklistSettings, SymptomList
from patient_site.frontmatter.reader import split_front_matter

LISTS = [
    # (source path, number of symptoms): three folders, given out of menu order
    ("legs/heavy.md", 2),
    ("symptoms.md", 3),
    ("skin/changes.md", 2),
    ("legs/restless.md", 1),
]
MENU = ["symptoms.md", "legs/index.md", "legs/restless.md", "legs/heavy.md", "skin/changes.md"]
TITLES = {"legs/index.md": "Leg problems", "symptoms.md": "Symptoms", "legs/heavy.md": "Heavy legs"}


def symptom_lists(lists=LISTS) -> list[SymptomList]:
    return [SymptomList(page, f"Title of {page}", tuple(f"{page} symptom {n}" for n in range(count))) for page, count in lists]


def site(**change) -> ChecklistSite:
    values = dict(
        shown={page: f"docs/{page}" for page in MENU},
        docs_shown="docs",
        titles=TITLES,
    )
    return ChecklistSite(**{**values, **change})


def menu_position(page: str) -> int:
    return MENU.index(page) if page in MENU else len(MENU)


def made(limit: int, lists=None, **settings):
    chosen = load_extra(checklist={"max_symptoms_per_page": limit, **settings}).checklist
    return checklist_pages(symptom_lists() if lists is None else lists, chosen, menu_position, site())


def form(record) -> BeautifulSoup:
    return BeautifulSoup(split_front_matter(record.markdown, record.src).body, "html.parser").select_one("section.checklist")


def test_up_to_the_limit_there_is_one_page_with_every_list_in_menu_order():
    (page,) = made(8)  # exactly the limit: 8 symptoms in all
    assert page.src == "checklist.md" and page.in_nav and page.title == "Symptom checklist"
    assert [symptoms.page for symptoms in page.lists] == ["symptoms.md", "legs/restless.md", "legs/heavy.md", "skin/changes.md"]
    assert form(page)["data-storage-key"] == "vein-guide:checklist:v1"
    assert len(form(page).find_all("input")) == 8
    assert page.edit_from == "symptoms.md"


def test_one_symptom_over_the_limit_splits_by_folder():
    index, *groups = made(7)
    assert index.src == "checklist.md" and index.lists == () and index.in_nav
    assert [group.src for group in groups] == ["checklist/general.md", "checklist/legs.md", "checklist/skin.md"]
    assert [group.title for group in groups] == [
        "Symptom checklist: General",  # pages at the top of docs/
        "Symptom checklist: Leg problems",  # the title of legs/index.md
        "Symptom checklist: skin",  # no skin/index.md: the folder's name
    ]
    assert [[symptoms.page for symptoms in group.lists] for group in groups] == [
        ["symptoms.md"], ["legs/restless.md", "legs/heavy.md"], ["skin/changes.md"]]
    assert not any(group.in_nav for group in groups)  # reached from the index, not the menu
    assert [group.edit_from for group in groups] == ["symptoms.md", "legs/restless.md", "skin/changes.md"]


def test_each_group_page_has_only_its_folders_boxes_and_its_own_storage_key():
    _, *groups = made(7, storage_key="clinic:v2")
    keys = [form(group)["data-storage-key"] for group in groups]
    assert keys == ["clinic:v2:general", "clinic:v2:legs", "clinic:v2:skin"]
    assert len(set(keys)) == len(keys)
    for group in groups:
        labels = [label.get_text() for label in form(group).find_all("label")]
        assert labels == [item for symptoms in group.lists for item in symptoms.items]
        assert "example.org" not in str(form(group))  # the page foot prints the address, once (issue 13)


def test_the_index_links_every_group_page_with_its_symptom_count_in_order():
    index, *groups = made(7)
    meta = yaml.safe_load(index.markdown.split("---")[1])
    assert meta == {"title": "Symptom checklist", "description": ChecklistSettings().description}
    links = [line for line in index.markdown.splitlines() if line.startswith("- [")]
    assert links == [
        "- [General](checklist/general.md) (3 symptoms)",
        "- [Leg problems](checklist/legs.md) (3 symptoms)",
        "- [skin](checklist/skin.md) (2 symptoms)",
    ]
    assert "8 symptoms" in index.markdown and "form" not in index.markdown


def test_the_index_speaks_the_language_of_its_words():
    """A split checklist in Spanish says everything in Spanish, with the words of languages/es/mkdocs.yml."""
    spanish = yaml.safe_load((ROOT / "languages" / "es" / "mkdocs.yml").read_text("utf-8"))["extra"]["checklist"]
    words = {key: value for key, value in spanish.items() if key != "storage_key"}
    index, *groups = made(7, **words)
    body = split_front_matter(index.markdown, index.src).body
    links = [line for line in body.splitlines() if line.startswith("- [")]
    assert links == [
        "- [General](checklist/general.md) (3 síntomas)",
        "- [Leg problems](checklist/legs.md) (3 síntomas)",  # the folder's own index.md title
        "- [skin](checklist/skin.md) (2 síntomas)",
    ]
    assert "Este sitio enumera 8 síntomas, demasiados" in " ".join(body.split())
    assert not {"symptom", "section", "This site"} & set(body.replace(",", " ").split()), body
    index, *groups = made(1, lists=symptom_lists([("symptoms.md", 1), ("skin/changes.md", 1)]), **words)
    assert "(1 síntoma)" in index.markdown and "Este sitio enumera 2 síntomas" in index.markdown


def test_a_folder_over_the_limit_alone_still_gets_one_page():
    index, *groups = made(1)
    assert [len(group.lists) for group in groups] == [1, 2, 1]


def test_nested_folders_make_dashed_slugs_and_clashing_slugs_are_numbered():
    lists = symptom_lists([("a/b/page.md", 1), ("a-b/page.md", 1), ("a/page.md", 1)])
    assert [(slug, name) for slug, name, _ in group_by_folder(lists, {})] == [
        ("a-b", "a/b"), ("a-b-2", "a-b"), ("a", "a")]


def test_a_folder_name_with_markdown_characters_stays_literal_in_the_index():
    index, *_ = made(1, lists=symptom_lists([("x_y/a.md", 1), ("x_y/b.md", 1), ("z/a.md", 1)]), required_pages=[])
    assert "- [x\\_y](checklist/x_y.md) (2 symptoms)" in index.markdown


@pytest.mark.parametrize(
    "lists, required, message",
    [
        # (lists found, required_pages, what the error says)
        ([("legs/heavy.md", 1)], ["symptoms.md"], "docs/symptoms.md: no symptom list found for the checklist; put"),
        ([("legs/heavy.md", 1)], ["gone.md"], "docs/gone.md: no symptom list found for the checklist"),
        ([], [], "docs: no page has a symptom list for the checklist; put"),
    ],
)
def test_missing_lists_name_the_file(lists, required, message):
    with pytest.raises(ChecklistMissing) as error:
        made(100, lists=symptom_lists(lists), required_pages=required)
    assert str(error.value).startswith(message)


@pytest.mark.parametrize("value", [0, -3, "100", 2.5, True])  # a blank value means the default
def test_the_limit_must_be_a_positive_whole_number(value):
    with pytest.raises(ValueError, match=r"extra\.checklist\.max_symptoms_per_page must be a whole number of at least 1"):
        load_extra(checklist={"max_symptoms_per_page": value})


def test_the_limit_defaults_to_100():
    assert load_extra().checklist.max_symptoms_per_page == 100
    assert load_extra(checklist={"max_symptoms_per_page": 1}).checklist.max_symptoms_per_page == 1
