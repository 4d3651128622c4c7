"""The two-language site in Debian's Chromium: the language selector, Spanish ticks and print-out, the Spanish embed, axe."""

from __future__ import annotations

import functools
import json
import re
import threading
from http.server import ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

from helpers import QuietHandler, axe_violations

pytestmark = [pytest.mark.build, pytest.mark.browser]

WIDTHS = [320, 1280]
ENGLISH_KEY, SPANISH_KEY = "vein-guide:checklist:v1", "vein-guide:checklist:es:v1"
SPANISH_PAGES = ["es/", "es/causes/", "es/night-cramps/", "es/chronic-venous-insufficiency/", "es/symptoms/",
                 "es/checklist/", "es/glossary/"]
EMBEDDABLE = ["causes", "night-cramps", "chronic-venous-insufficiency", "symptoms", "checklist", "glossary"]
# Every page of /es/ (test_axe_covers_every_spanish_page keeps this list whole): the patient pages, the for-clinics
# pages, the embed variants other sites frame, and the page for an address the site does not have.
EVERY_SPANISH_PAGE = [*SPANISH_PAGES, "es/for-clinics/", *[f"es/for-clinics/{name}/" for name in EMBEDDABLE],
                      *[f"es/embed/{name}/" for name in EMBEDDABLE], "es/404.html"]


def choose_language(page, name: str) -> None:
    """Open the header's language selector as a reader does (it opens on focus and hover), then pick a language."""
    page.locator(".md-header .md-select").hover()
    page.locator(".md-header a.md-select__link", has_text=name).click()
    page.wait_for_load_state("load")


@pytest.mark.parametrize("start, name, lands", [
    # where the reader is, the language picked, where they land
    ("causes/", "Español", "es/causes/"),
    ("es/chronic-venous-insufficiency/", "English", "chronic-venous-insufficiency/"),
    ("es/checklist/", "English", "checklist/"),
])
def test_switching_language_lands_on_the_same_page_in_the_other_language(context, languages_server, start, name, lands):
    page = context.new_page()
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(languages_server + start)
    choose_language(page, name)
    assert page.url == languages_server + lands
    assert page.evaluate("document.documentElement.lang") == ("es" if lands.startswith("es/") else "en")


def test_a_spanish_browser_is_not_redirected(browser, languages_server):
    context = browser.new_context(locale="es-ES", extra_http_headers={"Accept-Language": "es-ES,es;q=0.9"})
    try:
        page = context.new_page()
        page.goto(languages_server + "causes/")
        page.wait_for_timeout(300)
        assert page.url == languages_server + "causes/" and page.evaluate("document.documentElement.lang") == "en"
    finally:
        context.close()


def test_spanish_ticks_survive_a_reload_print_in_spanish_and_leave_english_alone(context, languages_server):
    english = context.new_page()
    english.goto(languages_server + "checklist/")
    english.get_by_label("Swelling in the legs or ankles").check()

    page = context.new_page()
    page.goto(languages_server + "es/checklist/")
    assert not page.get_by_label("Hinchazón en las piernas o los tobillos").is_checked()  # English ticks stay English
    page.get_by_label("La aparición de várices").check()
    page.get_by_label("Úlceras en las piernas difíciles de tratar").check()
    page.reload()
    assert page.get_by_label("La aparición de várices").is_checked()
    assert page.get_by_label("Úlceras en las piernas difíciles de tratar").is_checked()
    assert not page.get_by_label("Sensación de tensión en las pantorrillas").is_checked()
    stored = json.loads(page.evaluate("key => localStorage.getItem(key)", SPANISH_KEY))
    assert len(stored) == 2

    page.emulate_media(media="print")
    assert page.get_by_text("La aparición de várices", exact=True).is_visible()
    assert not page.get_by_text("Hinchazón en las piernas o los tobillos", exact=True).is_visible()
    printed = page.locator(".checklist__print-meta").inner_text()
    assert printed.startswith("Impreso el ") and " de " in printed and "____" not in printed  # "1 de diciembre de 2026"
    assert page.get_by_text("Notas para su cita").is_visible()
    page.emulate_media(media="screen")

    english.reload()
    assert english.get_by_label("Swelling in the legs or ankles").is_checked()
    assert not english.get_by_label("The appearance of varicose veins").is_checked()
    assert len(json.loads(english.evaluate("key => localStorage.getItem(key)", ENGLISH_KEY))) == 1


@pytest.fixture
def clinic_origin(tmp_path):
    """A clinic's own website on another loopback origin (localhost, not 127.0.0.1)."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(tmp_path)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield tmp_path, f"http://localhost:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


def test_the_spanish_embed_works_on_a_clinic_s_website(context, languages_server, clinic_origin):
    folder, origin = clinic_origin
    (folder / "es.html").write_text(
        '<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Una clínica</title></head><body>'
        f'<h1>La página de una clínica</h1><div data-vein-guide-embed="checklist"><a href="{languages_server}es/checklist/">Lista</a></div>'
        f'<script src="{languages_server}es/embed.js" async></script></body></html>', "utf-8")
    page = context.new_page()
    page.goto(origin + "es.html")
    element = page.locator("iframe").first
    element.wait_for(state="attached")
    frame = element.element_handle().content_frame()
    frame.wait_for_selector("main h1")
    assert frame.url == languages_server + "es/embed/checklist/"
    assert frame.evaluate("document.documentElement.lang") == "es"
    frame.get_by_label("La aparición de várices").check()
    assert frame.get_by_label("La aparición de várices").is_checked()
    assert "Lista de síntomas" in frame.locator("main h1").inner_text()


def test_axe_covers_every_spanish_page(languages_site):
    built = languages_site.site / "es"
    pages = {("es/" + path.parent.relative_to(built).as_posix() + "/").replace("es/./", "es/") if path.name == "index.html"
             else "es/" + path.relative_to(built).as_posix() for path in built.rglob("*.html")}
    assert pages == set(EVERY_SPANISH_PAGE)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", EVERY_SPANISH_PAGE)
def test_axe_finds_no_violation_on_spanish_pages(wide, languages_server, path, width):
    page = wide.new_page()
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(languages_server + path)
    assert axe_violations(page) == []


@pytest.mark.parametrize("width", WIDTHS)
def test_axe_finds_no_violation_with_spanish_search_results_open(wide, languages_server, width):
    page = wide.new_page()
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(languages_server + "es/causes/")
    page.keyboard.press("/")  # opens search at every width
    page.keyboard.type("calambres")
    expect(page.get_by_role("status")).to_have_text(re.compile(r"^\d+ documentos? encontrados?$"))  # in Spanish
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_function("document.getAnimations().length === 0")
    assert axe_violations(page) == []


def test_a_spanish_reader_s_search_finds_spanish_pages_only(context, languages_server):
    page = context.new_page()
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(languages_server + "es/causes/")
    page.keyboard.press("/")
    page.locator(".md-search__input").press_sequentially("válvulas")
    page.locator(".md-search-result__item").first.wait_for()
    links = page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")
    assert links and all(link.startswith(languages_server + "es/") for link in links), links
    english = context.new_page()
    english.goto(languages_server + "causes/")
    english.keyboard.press("/")
    english.locator(".md-search__input").press_sequentially("valves")
    english.locator(".md-search-result__item").first.wait_for()
    links = english.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")
    assert links and not any("/es/" in link for link in links), links
