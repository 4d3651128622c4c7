"""The site's languages as plain data: where each is published, the selector's links, the checks between them."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from helpers import load_extra
from patient_site.languages import Language, LanguageError, Languages, check_symptom_count, missing_translations, needs_notice
from patient_site.patient.review import ReviewInfo
from patient_site.settings import SettingsError

EN, ES, FR = Language("en", "English"), Language("es", "Español"), Language("fr", "Français")


def project(tmp_path: Path, pages: dict[str, list[str]]) -> Path:
    """docs/ for the first language and languages/<lang>/docs/ for the others, each with the given page files."""
    for lang, names in pages.items():
        docs = tmp_path / "docs" if lang == "en" else tmp_path / "languages" / lang / "docs"
        docs.mkdir(parents=True, exist_ok=True)
        for name in names:
            (docs / name).parent.mkdir(parents=True, exist_ok=True)
            (docs / name).write_text("# x\n", "utf-8")
    return tmp_path


@pytest.mark.parametrize("current, docs, project_folder", [
    # the build's language, its docs_dir, the project folder found from it
    ("en", "docs", "."),
    ("es", "languages/es/docs", "."),
])
def test_each_build_finds_the_project_from_its_own_docs_folder(tmp_path, current, docs, project_folder):
    languages = Languages.of_build((EN, ES), current, str(tmp_path / docs))
    assert Path(languages.project) == (tmp_path / project_folder).resolve()
    assert languages.docs_dir("en") == tmp_path.resolve() / "docs"
    assert languages.docs_dir("es") == tmp_path.resolve() / "languages" / "es" / "docs"


@pytest.mark.parametrize("current, url, has, hrefs, links", [
    # build language, page address, which languages have the page, the selector's links (en, es), the head's
    ("en", "causes/", {"en": True, "es": True}, ["./", "../es/causes/"], ["causes/", "es/causes/"]),
    ("es", "causes/", {"en": True, "es": True}, ["../../causes/", "./"], ["causes/", "es/causes/"]),
    ("en", "only-english/", {"en": True, "es": False}, ["./", "../es/"], ["only-english/", "es/"]),
    ("es", "", {"en": True, "es": True}, ["../", "./"], ["", "es/"]),
    ("en", "", {"en": True, "es": True}, ["./", "es/"], ["", "es/"]),
])
def test_the_selector_leads_to_the_same_page_in_each_language(current, url, has, hrefs, links):
    site_url = "https://g.example/es/" if current == "es" else "https://g.example/"
    languages = Languages((EN, ES), current, "/p")
    alternates = languages.alternates(site_url, url, has)
    assert [alternate["href"] for alternate in alternates] == hrefs
    assert [alternate["link"] for alternate in alternates] == [f"https://g.example/{link}" for link in links]  # full: hreflang
    assert [(alternate["lang"], alternate["name"]) for alternate in alternates] == [("en", "English"), ("es", "Español")]


def test_a_site_served_from_a_folder_keeps_it_in_every_address():
    languages = Languages((EN, ES), "es", "/p")
    assert [a["link"] for a in languages.alternates("https://host.example/guide/es/", "symptoms/", {"en": True, "es": True})] == \
        ["https://host.example/guide/symptoms/", "https://host.example/guide/es/symptoms/"]
    assert languages.absolute("https://host.example/guide/es/", "en", "./") == "https://host.example/guide/"
    assert all("href" not in a for a in languages.alternates("https://host.example/guide/es/", None, {}))  # the 404 page


def test_a_page_missing_in_another_language_is_named_with_its_file(tmp_path):
    root = project(tmp_path, {"en": ["a.md", "b.md"], "es": ["a.md"], "fr": ["a.md", "b.md"]})
    languages = Languages.of_build((EN, ES, FR), "en", str(root / "docs"))
    problems = missing_translations(languages, {"a.md": "docs/a.md", "b.md": "docs/b.md"})
    assert problems == ["docs/b.md:1: this page has no Español version (languages/es/docs/b.md); translate it, "
                        "or the language selector on it leads to the Español home page"]


def test_a_translated_symptom_list_keeps_the_number_of_symptoms():
    check_symptom_count("languages/es/docs/s.md", 12, 8, "docs/s.md", 8)
    with pytest.raises(LanguageError, match=r"^languages/es/docs/s\.md:12: the marked symptom list has 7 symptom\(s\) but docs/s\.md has 8"):
        check_symptom_count("languages/es/docs/s.md", 12, 7, "docs/s.md", 8)


@pytest.mark.parametrize("review, shows", [
    # the page's review fields, whether the translation notice shows
    (ReviewInfo(), True),
    (ReviewInfo(reviewed=datetime.date(2026, 11, 1)), True),
    (ReviewInfo(reviewed_by="Dra. A. Ejemplo"), True),
    (ReviewInfo(reviewed=datetime.date(2026, 11, 1), reviewed_by="Dra. A. Ejemplo"), False),
])
def test_the_notice_stays_until_both_review_fields_are_filled_in(review, shows):
    assert needs_notice(review) is shows


def test_languages_are_settings_checked_with_their_line():
    settings = load_extra(languages=[{"lang": "en", "name": "English"}, {"lang": "es", "name": "Español"}])
    assert settings.languages == (EN, ES)
    assert load_extra().languages == ()
    with pytest.raises(SettingsError, match=r"mkdocs\.yml:\d+: extra\.languages\[1\]\.name is missing"):
        load_extra(languages=[{"lang": "en", "name": "English"}, {"lang": "es"}])


def test_the_checklist_and_glossary_words_are_settings():
    settings = load_extra(checklist={"print_button": "Imprimir", "notes": ["¿Cuándo empezó?"]}, glossary={"title": "Glosario"})
    assert settings.checklist.print_button == "Imprimir"
    assert settings.checklist.notes == ("¿Cuándo empezó?",)
    assert settings.glossary.title == "Glosario"
    with pytest.raises(SettingsError, match=r"extra\.checklist\.notes must be a list of short phrases"):
        load_extra(checklist={"notes": "one"})
