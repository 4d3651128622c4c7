"""Our Markdown-level features loaded by name alone (patient_site/engine/extension.py), as an engine without
hooks loads them from `markdown_extensions`: a real Python-Markdown converter, the real project read from its
config file, Markdown in and parsed HTML out. Which page converts is found from its text (no engine context here).
"""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from helpers import ROOT, copy_project
from patient_site.editor.checks import EditorError
from patient_site.engine.prepare import prepare
from patient_site.patient.care_cards import CareCardError

NAMES = ["patient_site.engine.extension:PatientSite"]


def converter(config_file) -> markdown.Markdown:
    return markdown.Markdown(extensions=["attr_list", "md_in_html", "toc", *NAMES],
                             extension_configs={name: {"config_file": str(config_file)} for name in NAMES})


def convert(config_file, src: str) -> BeautifulSoup:
    """A page's body, as an engine hands it over (front matter removed), converted by name-loaded extensions."""
    body = prepare(str(config_file)).site.pages.get(src).source.body
    return BeautifulSoup(converter(config_file).convert(body), "html.parser")


def test_the_features_work_from_their_names_alone():
    page = convert(ROOT / "mkdocs.yml", "symptoms.md")
    # Links as paths from the page, which every engine resolves and checks like an editor's own Markdown link.
    assert [a["href"] for a in page.select("a.crosslink")] == ["chronic-venous-insufficiency.md"]
    assert [a.get_text() for a in page.select(".glossary-term a")] == ["varicose veins", "Leg ulcers"]
    assert [card["data-care-card"] for card in page.select("[data-care-card]")] == ["get-checked"]
    assert "Example Vein Clinic (fictional)" in page.select_one("[data-care-card=get-checked]").get_text()


def test_a_page_that_is_none_of_ours_converts_without_our_features():
    html = converter(ROOT / "mkdocs.yml").convert("Chronic venous insufficiency and varicose veins.\n\n<!-- care-card: nope -->")
    page = BeautifulSoup(html, "html.parser")
    assert not page.select("a") and not page.select("[data-care-card]")


@pytest.mark.parametrize("src, find, replace, error, message", [
    # page, text to find, its replacement, the error, the start of the message (file:line)
    ("causes.md", "Many of us", "<font>Many</font> of us", EditorError, "docs/causes.md:{line}: raw <font> is not allowed"),
    ("symptoms.md", "care-card: get-checked", "care-card: nope", CareCardError, "docs/symptoms.md:{line}: no care card called 'nope'"),
])
def test_an_editor_mistake_names_its_file_and_line(tmp_path, src, find, replace, error, message):
    project = copy_project(tmp_path / "project")
    path = project / "docs" / src
    text = path.read_text("utf-8")
    line = text[: text.index(find)].count("\n") + 1
    path.write_text(text.replace(find, replace, 1), "utf-8")
    body = prepare(str(project / "mkdocs.yml")).site.pages.get(src).source.body
    with pytest.raises(error) as raised:
        converter(project / "mkdocs.yml").convert(body)
    assert str(raised.value).startswith(message.format(line=line)), str(raised.value)
