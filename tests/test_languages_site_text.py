"""No English site text on the Spanish site: every word our templates and code add to an /es/ page is Spanish.

A Spanish page and its English counterpart share no site-added string: each text node, reader-facing attribute
and reader-facing JSON value of an /es/ file (HTML, API, oEmbed) is compared with the same file's at the root.
An equal string is English left over from a template or from Python, unless it is in SAME_IN_BOTH, the
reviewed list of strings that are rightly the same in every language (the clinic's name and numbers, language
names, format names). The build is a copy of the project where causes.md is reviewed in both languages (so
the review details show) and each language has three more pages (so /for-clinics/ says how to embed the rest).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, NavigableString

from helpers import build_languages, copy_project

pytestmark = pytest.mark.build

# Strings rightly the same in every language, reviewed: add one only when it is not a word a reader reads as English.
SAME_IN_BOTH = {
    "Example Vein Clinic (fictional)", "555-0100", "911", "clinic.example.org",  # the clinic's name and numbers
    "1 Example Street, Exampleton EX1 2AB",  # the clinic's address (extra.clinic.address)
    "English", "Español",  # the language selector names each language in its own words
    "JSON", "oEmbed",  # names of formats, on the for-clinics pages
    "____________",  # the print-out's blank for the date
    ".", ",",  # punctuation between links
    "(", ")",  # the brackets around a glossary definition, for readers without CSS
}
ATTRIBUTES = ("aria-label", "title", "alt", "placeholder", "data-preview-title", "label")
META = ("description", "og:title", "og:description", "og:site_name", "twitter:title", "twitter:description")
JSON_TEXT = ("name", "description", "text", "title", "provider_name", "disclaimer", "siteAddedText", "html")
SKIP = ("search/",)  # Material's search index: the pages' words, each language's own

REVIEW = """reviewed: 2026-10-01
next_review: 2027-10-01
reviewed_by: "Dr Ada Example, vascular nurse"
sources:
  - {title: "%s", url: "https://medlineplus.gov/musclecramps.html"}
"""
SOURCE = {"docs": "MedlinePlus: Muscle cramps", "languages/es/docs": "MedlinePlus en español: Calambres musculares"}


def html_strings(text: str) -> set[str]:
    """Each text node (not code, scripts or comments) and each reader-facing attribute of a page."""
    soup = BeautifulSoup(text, "html.parser")
    for tag in soup(["script", "style", "svg", "code", "pre"]):
        tag.decompose()
    found = {" ".join(node.split()) for node in soup.find_all(string=True) if type(node) is NavigableString}
    for tag in soup.find_all(True):
        found |= {" ".join(tag[name].split()) for name in ATTRIBUTES if isinstance(tag.get(name), str)}
    for meta in soup.find_all("meta", content=True):
        if meta.get("name") in META or meta.get("property") in META:
            found.add(" ".join(meta["content"].split()))
    return {text for text in found if text}


def json_strings(data) -> set[str]:
    """Every reader-facing string value of an API or oEmbed file (HTML values read as pages)."""
    found = set()
    if isinstance(data, dict):
        for key, value in data.items():
            if key in JSON_TEXT and isinstance(value, str):
                found |= html_strings(value) if "<" in value else {" ".join(value.split())}
            elif key in JSON_TEXT and isinstance(value, list):
                found |= {" ".join(item.split()) for item in value if isinstance(item, str)}
            if isinstance(value, (dict, list)):
                found |= json_strings(value)
    elif isinstance(data, list):
        for item in data:
            found |= json_strings(item)
    return found


def strings(path: Path) -> set[str]:
    text = path.read_text("utf-8")
    return json_strings(json.loads(text)) if path.suffix == ".json" else html_strings(text)


def same_as_english(site: Path) -> list[str]:
    """`es/<file>: '<string>'` for each string an /es/ file shares with its English counterpart, not allowed."""
    found = []
    for spanish in sorted([*(site / "es").rglob("*.html"), *(site / "es").rglob("*.json")]):
        where = spanish.relative_to(site / "es").as_posix()
        english = site / where
        if where.startswith(SKIP) or not english.exists():
            continue
        found += [f"es/{where}: {text!r}" for text in sorted(strings(spanish) & strings(english) - SAME_IN_BOTH)]
    return found


def add_page(docs: Path, name: str, title: str, text: str) -> None:
    (docs / f"{name}.md").write_text(f"---\ntitle: {title}\ndescription: {text}\n---\n\n# {title}\n\n{text}\n", "utf-8")


def reviewed_both(project: Path) -> Path:
    """The project with causes.md reviewed in both languages and three more pages in each."""
    for docs, source in SOURCE.items():
        causes = project / docs / "causes.md"
        causes.write_text(causes.read_text("utf-8").replace("---\n", "---\n" + REVIEW % source, 1), "utf-8")
    for n in range(1, 4):
        add_page(project / "docs", f"extra-{n}", f"Extra page {n}", f"Words of extra page {n}.")
        add_page(project / "languages/es/docs", f"extra-{n}", f"Página adicional {n}", f"Texto de la página adicional {n}.")
    for config in (project / "mkdocs.yml", project / "languages/es/mkdocs.yml"):
        text = config.read_text("utf-8")
        config.write_text(text.replace("  - symptoms.md\n", "  - symptoms.md\n" + "".join(
            f"  - extra-{n}.md\n" for n in range(1, 4)), 1), "utf-8")
    return project


@pytest.fixture(scope="session")
def reviewed_languages(shared_build):
    """The project reviewed in both languages (reviewed_both), built once per run."""
    built = shared_build("es-text", lambda folder: build_languages(reviewed_both(copy_project(folder / "project")), folder / "site"))
    assert built.returncode == 0, built.log
    return built


def test_no_spanish_page_or_file_shares_a_site_string_with_its_english_counterpart(reviewed_languages):
    site = reviewed_languages.site
    # What this test reads is there: review details, the embed's review date, the for-clinics "more" block.
    causes = BeautifulSoup((site / "es/causes/index.html").read_text("utf-8"), "html.parser")
    assert causes.select_one(".page-review__dates time").get_text() == "1 de octubre de 2026"
    assert "1 de octubre de 2026" in (site / "es/embed/causes/index.html").read_text("utf-8")
    assert BeautifulSoup((site / "es/for-clinics/index.html").read_text("utf-8"), "html.parser").select_one(".embed-more")
    assert same_as_english(site) == []


def test_an_english_word_left_in_the_spanish_settings_is_found(reviewed_languages, tmp_path):
    """The comparison can fail: the same site with one Spanish label put back to English names it."""
    page = reviewed_languages.site / "es/causes/index.html"
    english = page.read_text("utf-8").replace("Última revisión de la página:", "Page last reviewed:")
    copy = tmp_path / "site"
    (copy / "es/causes").mkdir(parents=True)
    (copy / "causes").mkdir(parents=True)
    (copy / "es/causes/index.html").write_text(english, "utf-8")
    (copy / "causes/index.html").write_text((reviewed_languages.site / "causes/index.html").read_text("utf-8"), "utf-8")
    assert same_as_english(copy) == ["es/causes/index.html: 'Page last reviewed:'"]
