"""What a reader does, in Debian's headless Chromium driven by Playwright, against the site on loopback."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

from helpers import PAGES

pytestmark = [pytest.mark.build, pytest.mark.browser]

STORAGE_KEY = "vein-guide:checklist:v1"


def boxes(page):
    return page.locator("section.checklist input[type=checkbox]")


def test_ticks_survive_a_reload_and_clear_removes_them(context, server):
    page = context.new_page()
    page.goto(server + "checklist/")
    page.get_by_label("Tight feeling in your calves").check()
    page.get_by_label("Brown colored skin near the ankles").click()  # a click on the box itself
    page.reload()
    assert page.get_by_label("Tight feeling in your calves").is_checked()
    assert page.get_by_label("Brown colored skin near the ankles").is_checked()
    assert boxes(page).evaluate_all("els => els.filter(e => e.checked).length") == 2
    stored = json.loads(page.evaluate("key => localStorage.getItem(key)", STORAGE_KEY))
    assert len(stored) == 2
    assert page.evaluate("Object.keys(localStorage)") == [STORAGE_KEY]

    page.get_by_role("button", name="Clear my answers").click()
    assert boxes(page).evaluate_all("els => els.filter(e => e.checked).length") == 0
    assert page.evaluate("key => localStorage.getItem(key)", STORAGE_KEY) is None
    page.reload()
    assert boxes(page).evaluate_all("els => els.filter(e => e.checked).length") == 0


def test_label_text_ticks_the_box_and_targets_are_large_enough(context, server):
    page = context.new_page()
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(server + "checklist/")
    page.get_by_text("Itchy and painful legs", exact=True).click()
    assert page.get_by_label("Itchy and painful legs").is_checked()
    for index in range(boxes(page).count()):
        box = boxes(page).nth(index).bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, box


def test_without_javascript_boxes_still_tick(browser, server):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(server + "checklist/")
        page.get_by_label("Swelling in the legs or ankles").check()
        assert page.get_by_label("Swelling in the legs or ankles").is_checked()
        page.emulate_media(media="print")
        assert page.get_by_text("Swelling in the legs or ankles").is_visible()
    finally:
        context.close()


def test_print_shows_ticked_symptoms_date_address_and_clinic_only(context, server):
    page = context.new_page()
    page.goto(server + "checklist/")
    page.get_by_label("Leg ulcers that are difficult to treat").check()
    page.get_by_label("The appearance of varicose veins").check()
    page.emulate_media(media="print")
    assert page.get_by_text("Leg ulcers that are difficult to treat", exact=True).is_visible()
    assert page.get_by_text("The appearance of varicose veins", exact=True).is_visible()
    assert not page.get_by_text("Swelling in the legs or ankles", exact=True).is_visible()
    meta = page.locator(".checklist__print-meta")
    assert meta.is_visible()
    printed = meta.inner_text()
    assert "checklist/" not in printed  # the address is printed once, by the page foot (issue 13)
    assert "____" not in printed  # today's date was filled in
    contact = page.locator(".clinic-footer .clinic-contact")  # the letterhead (issue 24)
    assert contact.is_visible() and "555-0100" in contact.inner_text()
    for chrome in (".md-header", ".md-sidebar--primary", ".md-search", ".md-footer", "section.checklist button"):
        locator = page.locator(chrome)
        assert all(not locator.nth(i).is_visible() for i in range(locator.count())), chrome
    page.emulate_media(media="screen")
    assert page.locator(".md-header").is_visible()
    assert not meta.is_visible()


def test_print_button_opens_the_print_dialog(context, server):
    page = context.new_page()
    page.goto(server + "checklist/")
    page.evaluate("window.print = () => { window.__printed = true; }")
    page.get_by_role("button", name="Print or save for your appointment").click()
    assert page.evaluate("window.__printed") is True


@pytest.mark.parametrize("path", PAGES)
def test_pages_request_nothing_but_the_local_server(context, server, path):
    hosts, urls = set(), []
    page = context.new_page()
    page.on("request", lambda request: (hosts.add(urlsplit(request.url).netloc), urls.append(request.url)))
    page.goto(server + path, wait_until="networkidle")
    if path == "":  # searching loads the search worker and index too
        page.keyboard.press("/")
        page.locator(".md-search__input").press_sequentially("veins")
        page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_load_state("networkidle")
    assert hosts == {urlsplit(server).netloc}, urls
    if path == "":
        assert any("search_index.json" in url for url in urls)
    assert context.cookies() == []
