"""Search loads on the first search (our interface, Material's worker and index; never Material's bundle): it works by
keyboard and pointer, says how many pages match, and pages work without it."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect

from helpers import PAGES

pytestmark = pytest.mark.build

SEARCH_FILES = ("/assets/search.", "/assets/javascripts/workers/search.", "/search/search_index.json")


def fetched(page) -> list[str]:
    """URLs the page has requested so far (recorded by `watch`)."""
    return page.context.requested  # type: ignore[attr-defined]


def watch(context):
    context.requested = []
    context.on("request", lambda request: context.requested.append(request.url))
    return context


def search_files_fetched(page) -> list[str]:
    return [url for url in fetched(page) if any(part in url for part in SEARCH_FILES)]


@pytest.mark.parametrize("path", PAGES)
def test_pages_name_the_search_files_but_do_not_load_them(site, path):
    soup = site.soup(path)
    scripts = soup.find_all("script", src=True)
    assert not [tag for tag in scripts if "bundle." in tag["src"] or "workers/" in tag["src"]]  # Material's bundle: never
    assert soup.find("script", id="__config") is None  # its settings neither
    loader = [tag for tag in scripts if re.search(r"assets/search-on-demand\.[0-9a-f]{10}\.js$", tag["src"])]  # hashed copy
    assert len(loader) == 1
    for attribute in ("data-search", "data-worker"):
        named = urljoin(f"https://x/{path}", loader[0][attribute]).removeprefix("https://x/")
        assert (site.site / named).is_file(), named


@pytest.mark.browser
def test_a_page_view_fetches_no_search_files(context, server):
    page = watch(context).new_page()
    page.set_default_timeout(15000)
    page.goto(server + "causes/")
    page.wait_for_load_state("networkidle")
    assert search_files_fetched(page) == []
    assert page.locator(".md-search__input").is_visible()


def first_result(page):
    """The first result link once the search has answered; its URL without the fragment."""
    page.locator(".md-search-result__item").first.wait_for()
    link = page.locator(".md-search-result__item a").first
    return link, urljoin(page.url, link.get_attribute("href")).split("#")[0]


@pytest.mark.browser
def test_search_by_keyboard_alone(context, server):
    page = watch(context).new_page()
    page.set_default_timeout(20000)
    page.goto(server + "night-cramps/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.getAttribute('data-md-component')") == "search-query"
    page.keyboard.type("ulcers", delay=50)
    link, target = first_result(page)
    assert len(search_files_fetched(page)) == 3
    assert not [url for url in fetched(page) if "/javascripts/bundle." in url]
    page.keyboard.press("ArrowDown")  # the focus moves into the results, as Material's did
    assert page.evaluate("document.activeElement.closest('.md-search-result__item') !== null")
    assert urljoin(page.url, page.evaluate("document.activeElement.getAttribute('href')")).split("#")[0] == target
    page.keyboard.press("ArrowUp")  # and back to the field
    assert page.evaluate("document.activeElement.getAttribute('data-md-component')") == "search-query"
    page.keyboard.press("Escape")  # closes search
    assert not page.locator("#__search").is_checked()
    assert not page.locator(".md-search-result__list").is_visible()
    page.keyboard.press("s")  # opens it again, the query kept
    assert page.locator("#__search").is_checked()
    page.keyboard.press("Enter")  # the best result
    page.wait_for_url(target + "**")


@pytest.mark.browser
def test_the_number_of_results_is_announced(context, server):
    page = context.new_page()
    page.set_default_timeout(20000)
    page.goto(server + "causes/")
    page.locator(".md-search__input").click()
    status = page.get_by_role("status")  # a polite live region: a screen reader hears it change
    expect(status).to_have_text("Type to start searching")
    page.keyboard.type("ulcers", delay=50)
    expect(status).to_have_text(re.compile(r"^\d+ matching documents?$"))
    assert page.locator(".md-search-result__list mark").count() > 0  # the matched words are marked
    page.keyboard.type("qqqzzz", delay=20)
    expect(status).to_have_text("No matching documents")


@pytest.mark.browser
def test_search_by_pointer_on_a_phone(context, server):
    page = watch(context).new_page()
    page.set_default_timeout(20000)
    page.set_viewport_size({"width": 360, "height": 720})
    page.goto(server + "symptoms/")
    page.locator('.md-header__button[for="__search"], .md-header__button[data-for="__search"]').locator('visible=true').click()  # the one search icon a phone shows (issue 13)
    page.keyboard.type("cramps", delay=50)
    link, target = first_result(page)
    link.click()
    page.wait_for_url(target + "**")
    assert page.url.split("#")[0] == target


@pytest.mark.browser
def test_the_s_shortcut_does_not_fire_while_typing_in_a_field(context, server):
    page = watch(context).new_page()
    page.set_default_timeout(15000)
    page.goto(server + "checklist/")
    page.get_by_label("Itchy and painful legs").focus()
    page.keyboard.press("s")
    assert search_files_fetched(page) == []
    assert page.evaluate("document.activeElement.getAttribute('data-md-component')") != "search-query"


@pytest.mark.browser
def test_the_phone_navigation_opens_without_the_bundle(context, server):
    page = watch(context).new_page()
    page.set_default_timeout(15000)
    page.set_viewport_size({"width": 360, "height": 720})
    page.goto(server + "causes/")
    link = page.locator(".md-nav--primary a.md-nav__link", has_text="Symptom checklist").first
    expect(link).not_to_be_in_viewport()  # the drawer is closed, off-canvas
    page.get_by_role("button", name="Menu").click()  # patient.js's keyboard-reachable opener for Material's drawer
    expect(link).to_be_in_viewport()
    link.click()
    page.wait_for_url("**/checklist/")
    assert search_files_fetched(page) == []


@pytest.mark.browser
def test_without_javascript_the_search_field_stays_hidden(browser, server):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(server + "causes/")
        assert not page.locator(".md-search__input").is_visible()
        assert page.locator("article h1").is_visible()
    finally:
        context.close()
