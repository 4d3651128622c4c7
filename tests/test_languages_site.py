"""The site in two languages, really built: English at the root, Spanish under /es/, and the checks between them."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from helpers import CONTENT_PAGES, PAGES, ROOT, Built, build_languages, copy_project, symptom_bullets

pytestmark = pytest.mark.build

SPANISH_PAGES = [*PAGES, "glossary/", "for-clinics/"]


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text("utf-8"), "html.parser")


def selector(page: BeautifulSoup) -> dict[str, str]:
    return {a["hreflang"]: a["href"] for a in page.select("a.md-select__link")}


def head_alternates(page: BeautifulSoup) -> dict[str, str]:
    return {link["hreflang"]: link["href"] for link in page.select('head link[rel="alternate"][hreflang]')}


@pytest.mark.parametrize("path", SPANISH_PAGES)
def test_every_page_leads_to_the_same_page_in_the_other_language(languages_site, path):
    for prefix, lang in (("", "en"), ("es/", "es")):
        page = soup(languages_site.site, prefix + path)
        assert page.html["lang"] == lang
        expected = {"en": path, "es": f"es/{path}"}
        # Full addresses, as hreflang needs, inside <noscript> so Material's script does not fetch beside them.
        assert head_alternates(page) == {lang: f"https://vein-guide.example.org/{where}" for lang, where in expected.items()}
        assert all(link.find_parent("noscript") for link in page.select('head link[rel="alternate"][hreflang]'))
        for lang, href in selector(page).items():  # relative to the page, so it works wherever the site is served
            assert "://" not in href
            target = (languages_site.site / prefix / path / href).resolve()
            assert target == (languages_site.site / expected[lang]).resolve(), (lang, href)
            assert (target / "index.html").is_file()


def test_the_sitemaps_list_each_page_with_its_translations(languages_site):
    for sitemap, root in (("sitemap.xml", "https://vein-guide.example.org/"), ("es/sitemap.xml", "https://vein-guide.example.org/es/")):
        page = BeautifulSoup((languages_site.site / sitemap).read_text("utf-8"), "xml")
        urls = page.find_all("url")
        assert urls
        for url in urls:
            loc = url.find("loc").text
            path = loc[len(root):]
            links = {link["hreflang"]: link["href"] for link in url.find_all("link")}
            assert links == {"en": f"https://vein-guide.example.org/{path}", "es": f"https://vein-guide.example.org/es/{path}"}


def test_each_language_has_its_own_search_index(languages_site):
    english = json.loads((languages_site.site / "search/search_index.json").read_text("utf-8"))
    spanish = json.loads((languages_site.site / "es/search/search_index.json").read_text("utf-8"))
    assert english["config"]["lang"] == ["en"] and spanish["config"]["lang"] == ["es"]
    assert all(not doc["location"].startswith("es/") for doc in english["docs"])
    assert any("insuficiencia venosa" in doc["text"] for doc in spanish["docs"])
    assert not any("venous insufficiency" in doc["text"] for doc in spanish["docs"])


def test_the_spanish_symptom_list_has_the_english_eight_in_order(languages_site):
    english = symptom_bullets(languages_site)
    spanish = symptom_bullets(Built(languages_site.site / "es", 0, ""))
    assert len(english) == len(spanish) == 8
    assert spanish[0] == "Hinchazón en las piernas o los tobillos"
    assert spanish[-1] == "Calambres dolorosos o espasmos musculares en las piernas"
    labels = [label.get_text() for label in soup(languages_site.site, "es/checklist/").select("section.checklist label")]
    assert labels == spanish


def test_the_spanish_checklist_speaks_spanish_and_keeps_its_own_key(languages_site):
    page = soup(languages_site.site, "es/checklist/")
    form = page.select_one("section[data-checklist]")
    assert form["data-storage-key"] == "vein-guide:checklist:es:v1"
    assert soup(languages_site.site, "checklist/").select_one("section[data-checklist]")["data-storage-key"] == "vein-guide:checklist:v1"
    assert form.select_one(".checklist__actions")["data-print-label"] == "Imprimir o guardar para su cita"
    assert form.select_one(".checklist__actions")["data-clear-label"] == "Borrar mis respuestas"
    assert form.select_one(".checklist__privacy").get_text() == "Sus respuestas se quedan en este dispositivo. No se envían a ninguna parte."
    assert form.select_one(".checklist__legend").get_text().startswith("Síntomas que he notado")
    assert "Impreso el" in form.select_one(".checklist__print-meta").get_text()


def test_care_cards_disclaimer_and_glossary_are_the_spanish_settings(languages_site):
    page = soup(languages_site.site, "es/symptoms/")
    assert "Pida que le revisen sus síntomas" in page.select_one("article").get_text()
    disclaimer = page.select_one(".page-disclaimer").get_text()
    assert disclaimer.startswith("Nota:") and "no un diagnóstico" in disclaimer
    glossary = soup(languages_site.site, "es/glossary/")
    assert glossary.select_one("h1").get_text().strip() == "Glosario de palabras médicas"
    sources = [a["href"] for a in glossary.select(".glossary-list__source a")]
    assert sources and all(href.startswith("https://medlineplus.gov/spanish/") for href in sources)


@pytest.mark.parametrize("path", [*CONTENT_PAGES, "", "checklist/", "glossary/"])
def test_every_unreviewed_spanish_page_says_it_is_an_unreviewed_translation(languages_site, path):
    notice = soup(languages_site.site, "es/" + path).select(".translation-notice")
    assert len(notice) == 1
    assert "site-added" in notice[0]["class"]
    assert "traducción" in notice[0].get_text() and "no ha revisado" in notice[0].get_text()
    assert not soup(languages_site.site, path).select(".translation-notice")


def test_marks_and_cross_links_stay_in_their_language(languages_site):
    for prefix in ("", "es/"):
        for path in CONTENT_PAGES:
            page = soup(languages_site.site, prefix + path)
            for link in page.select("article a[href]"):
                href = link["href"]
                if href.startswith(("http", "#", "mailto", "tel")):
                    continue
                target = (languages_site.site / prefix / path / href).resolve()
                inside_es = (languages_site.site / "es").resolve() in [target, *target.parents]
                assert inside_es == (prefix == "es/"), (prefix + path, href)
    terms = soup(languages_site.site, "es/night-cramps/").select(".glossary-term")
    assert terms and all("glossary/" in term.find("a")["href"] for term in terms if term.find("a"))


def _shape(value):
    """A JSON value's shape: the keys of every object and the type of every leaf, lists by their first item."""
    if isinstance(value, dict):
        return {key: _shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_shape(value[0])] if value else []
    return type(value).__name__


def test_the_spanish_api_files_have_the_english_shape(languages_site):
    english = sorted(path.relative_to(languages_site.site / "api") for path in (languages_site.site / "api").glob("*.json"))
    spanish = sorted(path.relative_to(languages_site.site / "es/api") for path in (languages_site.site / "es/api").glob("*.json"))
    assert english == spanish
    for name in english:
        en = json.loads((languages_site.site / "api" / name).read_text("utf-8"))
        es = json.loads((languages_site.site / "es/api" / name).read_text("utf-8"))
        assert _shape(es) == _shape(en), name
        english_text, spanish_text = (languages_site.site / "api" / name).read_text("utf-8"), (languages_site.site / "es/api" / name).read_text("utf-8")
        assert english_text.count('"inLanguage": "en"') == spanish_text.count('"inLanguage": "es"')
        assert '"inLanguage": "en"' not in spanish_text
    assert (languages_site.site / "es/oembed").is_dir() and (languages_site.site / "es/embed/symptoms/index.html").is_file()


def test_for_clinics_offers_the_snippets_of_either_language(languages_site):
    for prefix, other, href in (("", "es", "../es/for-clinics/"), ("es/", "en", "../../for-clinics/")):
        links = soup(languages_site.site, prefix + "for-clinics/").select(".for-clinics__languages a")
        assert [(a["href"], a["hreflang"]) for a in links] == [(href, other)]
    spanish = soup(languages_site.site, "es/for-clinics/symptoms/").select_one("pre code").get_text()
    assert "https://vein-guide.example.org/es/embed.js" in spanish or "/es/" in spanish


def test_json_ld_says_which_language_each_page_is_in(languages_site):
    for prefix, lang in (("", "en"), ("es/", "es")):
        script = soup(languages_site.site, prefix + "causes/").select_one('script[type="application/ld+json"]')
        assert json.loads(script.string)["inLanguage"] == lang


# --- editors' mistakes and a third language, each in a private copy ------------------------------------------

EDITING = (ROOT / "EDITING.md").read_text("utf-8")


def documented(message: str, level: str) -> None:
    """EDITING.md's table of messages has a row for `message` that says what the build did: an error, a warning, a note."""
    rows = [line for line in EDITING.splitlines() if line.startswith(f"| `{message}")]
    assert len(rows) == 1, f"EDITING.md has {len(rows)} row(s) for {message!r}"
    said = {"error": "an **error**", "warning": "a **warning**", "note": "a note in the build log"}[level]
    assert said in rows[0], rows[0]


def _build(tmp_path, change) -> tuple[int, str]:
    project = copy_project(tmp_path / "project")
    change(project)
    built = build_languages(project, tmp_path / "site")
    return built.returncode, built.log


def test_a_page_not_translated_yet_is_a_note_and_the_selector_leads_home(tmp_path):
    def add_english_page(project):
        (project / "docs/new.md").write_text("---\ntitle: A new page\n---\n\n# A new page\n\nSome words.\n", "utf-8")
        config = project / "mkdocs.yml"
        config.write_text(config.read_text("utf-8").replace("  - symptoms.md\n", "  - symptoms.md\n  - new.md\n", 1), "utf-8")
    code, log = _build(tmp_path, add_english_page)
    assert code == 0, log
    assert "INFO    -  patient_site: docs/new.md:1: this page has no Español version (languages/es/docs/new.md)" in log
    documented("this page has no Español version", "note")
    assert selector(soup(tmp_path / "site", "new/"))["es"] == "../es/"


# Editors' mistakes in a translation, one row each: what the editor does to a copy of the project, how the build's
# message reads (a regex on its log), the row of EDITING.md's table of messages, and the level it says.
def _add_a_page_without_an_original(project):
    (project / "languages/es/docs/extra.md").write_text("---\ntitle: Otra\n---\n\n# Otra\n", "utf-8")


def _drop_a_symptom(project):
    path = project / "languages/es/docs/symptoms.md"
    path.write_text(path.read_text("utf-8").replace("- Piel de color café cerca de los tobillos\n", ""), "utf-8")


def _drop_a_glossary_entry(project):
    path = project / "languages/es/docs/glossary.yml"
    entries = yaml.safe_load(path.read_text("utf-8"))
    path.write_text(yaml.safe_dump([e for e in entries if e["original"] != "dehydration"], allow_unicode=True, sort_keys=False), "utf-8")


def _rename_an_original(project):
    path = project / "languages/es/docs/glossary.yml"
    path.write_text(path.read_text("utf-8").replace("original: vein valves", "original: vein flaps", 1), "utf-8")


def _drop_a_term(project):
    path = project / "languages/es/docs/causes.md"
    path.write_text(path.read_text("utf-8").replace("  - dolor en las piernas\n", ""), "utf-8")


MISTAKES = {
    "a translated page without an original": (
        _add_a_page_without_an_original,
        r"WARNING -  patient_site: languages/es/docs/extra\.md:1: this page has no English version \(docs/extra\.md\)",
        "this page has no English version", "warning"),
    "a translated symptom list of another length": (
        _drop_a_symptom,
        r"ERROR +- .*languages/es/docs/symptoms\.md:\d+: the marked symptom list has 7 symptom\(s\) but docs/symptoms\.md has 8",
        "the marked symptom list has", "error"),
    "a glossary entry missing in Spanish": (
        _drop_a_glossary_entry,
        r"WARNING +- .*docs/glossary\.yml:\d+: 'dehydration' has no entry in languages/es/docs/glossary\.yml",
        "'…' has no entry in", "warning"),
    "a Spanish glossary entry naming no English entry": (
        _rename_an_original,
        r"WARNING +- .*languages/es/docs/glossary\.yml:\d+: '.+' names original 'vein flaps', which is not a term of docs/glossary\.yml",
        "'…' names original '…', which is not a term", "warning"),
    "a term missing in a translation": (
        _drop_a_term,
        r"WARNING +- .*languages/es/docs/causes\.md:4: 'terms' has 1 term\(s\) but docs/causes\.md has 2",
        "'terms' has", "warning"),
}


@pytest.fixture(scope="session")
def mistaken_build(shared_build):
    """`mistaken_build(name)`: (exit code, log) of the project built with the mistake MISTAKES[name], once per run.

    Every warning is made in one copy, built once: strict mode stops on each, and the test checks that each warning
    printed is one that strict mode counted. An error stops the build where it is found, so each error is built alone.
    """

    def built(name: str) -> tuple[int, str]:
        level = MISTAKES[name][3]
        together = [key for key, row in MISTAKES.items() if row[3] == "warning"] if level == "warning" else [name]

        def make(folder: Path) -> tuple[int, str]:
            project = copy_project(folder / "project")
            for key in together:
                MISTAKES[key][0](project)
            done = build_languages(project, folder / "site")
            return done.returncode, done.log

        return shared_build("translation-warnings" if level == "warning" else "translation-" + re.sub(r"\W+", "-", name), make)

    return built


@pytest.mark.parametrize("name", MISTAKES)
def test_a_mistake_in_a_translation_stops_the_build_naming_the_file(mistaken_build, name):
    _, message, row, level = MISTAKES[name]
    code, log = mistaken_build(name)
    assert code != 0, log
    assert re.search(message, log), log
    documented(row, level)
    if level == "warning":  # each warning printed counts in strict mode, so it alone would stop the build too
        warnings = len(re.findall(r"^WARNING ", log, re.MULTILINE))
        assert f"Aborted with {warnings} warnings in strict mode!" in log, log


def test_the_notice_goes_when_the_review_fields_are_filled_in(tmp_path):
    def review(project):
        path = project / "languages/es/docs/causes.md"
        path.write_text(path.read_text("utf-8").replace("terms:", 'reviewed: 2026-11-01\nreviewed_by: "Dra. A. Ejemplo"\nterms:', 1), "utf-8")
    code, log = _build(tmp_path, review)
    assert code == 0, log
    assert not soup(tmp_path / "site", "es/causes/").select(".translation-notice")
    assert soup(tmp_path / "site", "es/symptoms/").select(".translation-notice")


def test_a_setting_of_a_translation_is_named_with_its_own_file(tmp_path):
    def misspell(project):
        config = project / "languages/es/mkdocs.yml"
        config.write_text(config.read_text("utf-8").replace("    clear_button:", "    clear_buton:"), "utf-8")
    code, log = _build(tmp_path, misspell)
    assert code != 0
    assert re.search(r"languages/es/mkdocs\.yml:\d+: extra\.checklist has unknown key\(s\) clear_buton", log), log


def test_a_third_language_is_added_with_files_and_settings_only(tmp_path):
    """EDITING.md, "Add a language": a folder with a config and the pages, one line in extra.languages."""
    def add_french(project):
        config = project / "mkdocs.yml"
        config.write_text(config.read_text("utf-8").replace(
            "    - lang: es\n      name: Español\n", "    - lang: es\n      name: Español\n    - lang: fr\n      name: Français\n"), "utf-8")
        shutil.copytree(project / "languages/es", project / "languages/fr", symlinks=True)
        french = project / "languages/fr/mkdocs.yml"
        french.write_text(french.read_text("utf-8").replace("language: es", "language: fr").replace("lang: es", "lang: fr")
                          .replace("/es/", "/fr/").replace("checklist:es:", "checklist:fr:"), "utf-8")
        (project / "languages/fr/docs/index.md").write_text(
            (project / "languages/fr/docs/index.md").read_text("utf-8").replace("# Dolor en las piernas", "# Douleurs aux jambes"), "utf-8")
    code, log = _build(tmp_path, add_french)
    assert code == 0, log
    site = tmp_path / "site"
    page = soup(site, "fr/causes/")
    assert page.html["lang"] == "fr"
    assert selector(page) == {"en": "../../causes/", "es": "../../es/causes/", "fr": "./"}
    assert selector(soup(site, "causes/")) == {"en": "./", "es": "../es/causes/", "fr": "../fr/causes/"}
    assert json.loads((site / "fr/search/search_index.json").read_text("utf-8"))["config"]["lang"] == ["fr"]
    assert soup(site, "fr/checklist/").select_one("section[data-checklist]")["data-storage-key"] == "vein-guide:checklist:fr:v1"
    assert not list((ROOT / "languages").glob("fr"))
