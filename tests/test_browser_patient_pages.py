"""Patient pages in Debian's headless Chromium: axe-core, keyboard, glossary tooltips, print and privacy."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from helpers import ALL_PAGES, axe_violations

pytestmark = [pytest.mark.build, pytest.mark.browser]

STORAGE_KEY = "vein-guide:checklist:v1"
WIDTHS = [320, 1280]
# axe-core as shipped in the pinned axe-playwright-python wheel: no Node, no download at test time.

# The focused element, whether it shows at the centre of one of its boxes (not covered by the sticky header, an
# overlay or anything else: a wrapped link has a box per line), and its size.
FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const r = el.getBoundingClientRect();
  const shows = hit => !!hit && (el === hit || el.contains(hit) || (el.labels && [...el.labels].some(l => l.contains(hit))));
  let cover = null;
  const visible = [...el.getClientRects()].some(box => {
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    const hit = document.elementFromPoint(x, y);
    cover = hit ? hit.tagName + '.' + hit.getAttribute('class') + '@' + Math.round(x) + ',' + Math.round(y) : 'off screen';
    return x >= 0 && y >= 0 && x < innerWidth && y < innerHeight && shows(hit);
  });
  return {
    key: el.id || el.getAttribute('aria-label') || el.className + ':' + el.textContent.trim().replace(/\\s+/g, ' ').slice(0, 40),
    index: [...document.querySelectorAll('*')].indexOf(el),
    tag: el.tagName, cls: String(el.className), visible: visible, cover: visible ? null : cover, width: r.width, height: r.height, top: r.top,
  };
}"""


def sized_page(context, width: int, height: int):
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": height})
    return page


def open_search(page, width: int, query: str) -> None:
    """Open search the way a keyboard user does at this width, type, and wait for results."""
    if width < 960:
        page.get_by_role("button", name="Search").focus()
        page.keyboard.press("Enter")
    else:
        page.locator(".md-search__input").focus()
    page.keyboard.type(query)
    page.locator(".md-search-result__item").first.wait_for()
    # Results are redrawn after each typed letter and fade in: wait until two looks 200 ms apart agree.
    page.wait_for_function("""() => {
      const now = document.querySelector('.md-search-result__list').innerHTML + document.getAnimations().length;
      const same = now === window.__searchSeen;
      window.__searchSeen = now;
      return same && document.getAnimations().length === 0;
    }""", polling=200)


# --- axe-core ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", [*ALL_PAGES, "for-clinics/", "for-clinics/symptoms/"])
def test_axe_finds_no_violation(wide, server, path, width):
    page = sized_page(wide, width, 800)
    page.goto(server + path)
    assert axe_violations(page) == []


@pytest.mark.parametrize("width", WIDTHS)
def test_axe_finds_no_violation_with_search_results_open(wide, server, width):
    page = sized_page(wide, width, 800)
    page.goto(server + "causes/")
    open_search(page, width, "veins")
    assert page.locator(".md-search-result__item").first.is_visible()
    assert axe_violations(page) == []


@pytest.mark.parametrize("width", WIDTHS)
def test_axe_finds_no_violation_with_a_definition_showing(wide, server, width):
    page = sized_page(wide, width, 800)
    page.goto(server + "night-cramps/")
    page.locator(".glossary-term__link").first.focus()
    assert page.locator(".glossary-term__tip").first.is_visible()
    assert axe_violations(page) == []


# --- keyboard ---------------------------------------------------------------------------------------------

def tab_through(page, key: str = "Tab", limit: int = 120) -> list[dict]:
    """Every element focus visits, pressing `key` until focus leaves the page or comes back round."""
    seen = []
    for _ in range(limit):
        page.keyboard.press(key)
        try:  # a smooth scroll to the newly focused element may still be under way
            page.wait_for_function(f"(({FOCUS})() || {{visible: true}}).visible", timeout=1500)
        except PlaywrightTimeout:
            pass  # still hidden once scrolling is over: reported below
        focused = page.evaluate(FOCUS)
        if focused is None or (seen and focused["index"] == seen[0]["index"]):
            break
        seen.append(focused)
    return seen


@pytest.mark.parametrize("key", ["Tab", "Shift+Tab"])
@pytest.mark.parametrize("width", WIDTHS)
def test_tab_reaches_every_checklist_control_never_hidden_and_large_enough(context, server, width, key):
    page = sized_page(context, width, 640)
    page.goto(server + "checklist/")
    if key == "Shift+Tab":  # start from the page's end, so every control is scrolled up to the header
        # (scrollTo, not the End key: Chromium animates key scrolling, which would go on moving the page)
        page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight); document.activeElement.blur()")
    visited = tab_through(page, key)
    hidden = [(f["key"], f["cover"]) for f in visited if not f["visible"]]
    assert hidden == [], f"focus hidden (under the header or off screen) on {hidden}"
    keys = {f["key"] for f in visited}
    boxes = page.locator("section.checklist input[type=checkbox]").evaluate_all("els => els.map(e => e.id)")
    assert set(boxes) <= keys
    assert {"Clear my answers", "Search"} & keys or any("md-search__input" in f["cls"] for f in visited)
    buttons = [f for f in visited if f["tag"] in ("BUTTON", "INPUT")]
    assert len(buttons) >= len(boxes) + 2
    for control in buttons:
        assert control["width"] >= 24 and control["height"] >= 24, control


def test_a_screen_reader_hears_what_each_checklist_control_does(context, server):
    page = context.new_page()
    page.goto(server + "checklist/")
    tree = page.locator("article").aria_snapshot()
    assert '- heading "Symptom checklist" [level=1]' in tree
    assert '- group "Symptoms I have noticed (from the page \u201cSymptoms of chronic venous insufficiency\u201d)"' in tree
    for label in page.locator("section.checklist label").all_inner_texts():
        assert f'- checkbox "{label}"' in tree
    assert '- button "Print or save for your appointment"' in tree and '- button "Clear my answers"' in tree
    headings = page.get_by_role("heading").all_inner_texts()
    assert headings[0] == "Symptom checklist"


@pytest.mark.parametrize("width", WIDTHS)
def test_checklist_controls_work_from_the_keyboard(context, server, width):
    page = sized_page(context, width, 640)
    page.goto(server + "checklist/")
    first = page.locator("section.checklist input[type=checkbox]").first
    first.focus()
    page.keyboard.press("Space")
    assert first.is_checked()
    page.get_by_role("button", name="Clear my answers").focus()
    page.keyboard.press("Enter")
    assert not first.is_checked()


@pytest.mark.parametrize("width", WIDTHS)
def test_search_is_reached_and_used_with_keys_only(context, server, width):
    page = sized_page(context, width, 640)
    page.goto(server + "causes/")
    visited = tab_through(page, limit=6)
    wanted = "Search" if width < 960 else "md-search__input"
    assert any(wanted in (f["key"] + f["cls"]) for f in visited), visited
    open_search(page, width, "varicose")
    page.keyboard.press("ArrowDown")
    assert "md-search-result__link" in page.evaluate(FOCUS)["cls"]
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path != "/causes/"


def test_phone_menu_opens_from_the_keyboard_and_closes_on_escape(context, server):
    page = sized_page(context, 320, 640)
    page.goto(server + "causes/")
    menu = page.get_by_role("button", name="Menu")
    assert menu.get_attribute("aria-expanded") == "false"
    menu.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.classList.contains('md-nav__link')")
    assert menu.get_attribute("aria-expanded") == "true"
    page.wait_for_function(f"({FOCUS})().visible")  # once the drawer has slid in
    page.keyboard.press("Escape")
    assert menu.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Menu"


@pytest.mark.parametrize("width", WIDTHS)
def test_glossary_definitions_show_on_focus_and_hover_and_escape_hides_them(context, server, width):
    page = sized_page(context, width, 640)
    page.goto(server + "night-cramps/")
    terms = page.locator(".glossary-term__link")
    count = terms.count()
    assert count >= 4
    reached = [f for f in tab_through(page) if "glossary-term__link" in f["cls"]]
    assert len(reached) == count and all(f["visible"] and f["height"] >= 24 for f in reached)
    for index in range(count):
        term = terms.nth(index)
        tip = page.locator(f"#{term.get_attribute('aria-describedby')}")
        assert not tip.is_visible()
        term.focus()
        assert tip.is_visible()
        box = tip.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, box  # never runs off the screen
        page.keyboard.press("Escape")
        assert not tip.is_visible()
        assert page.evaluate("document.activeElement") == term.evaluate("e => e")  # focus stays on the word
        page.evaluate("document.activeElement.blur()")
        term.hover()
        assert tip.is_visible()
        tip.hover()  # the pointer can move onto the definition without it vanishing (1.4.13 hoverable)
        assert tip.is_visible()
        page.mouse.move(0, 0)
        assert not tip.is_visible()


def test_clinic_contact_is_in_the_same_place_on_every_page(context, server):
    page = sized_page(context, 1280, 800)
    seen = set()
    for path in ALL_PAGES:
        page.goto(server + path)
        seen.add(tuple(page.evaluate("""() => {
          const card = document.querySelector('.clinic-footer .clinic-contact');
          const block = card.closest('.clinic-footer');
          return [block.nextElementSibling.tagName, block.parentElement.className, card.innerText];
        }""")))
    assert len(seen) == 1 and next(iter(seen))[0] == "FOOTER"


# --- print ------------------------------------------------------------------------------------------------

CHROME = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search", ".md-footer", ".related-pages"]


def visible(page, selector: str) -> bool:
    found = page.locator(selector)
    return any(found.nth(i).is_visible() for i in range(found.count()))


@pytest.mark.parametrize("path", ALL_PAGES)
def test_every_page_prints_without_chrome_under_the_clinics_letterhead_and_ends_with_its_address(context, server, path):
    page = context.new_page()
    page.goto(server + path)
    page.emulate_media(media="print")
    for chrome in CHROME:
        assert not visible(page, chrome), chrome
    foot = page.locator("article .page-print-foot")
    assert foot.is_visible()
    assert f"https://vein-guide.example.org/{path}" in foot.inner_text()
    letterhead = page.locator(".clinic-footer")  # the footer's card, printed first (issue 24)
    assert letterhead.is_visible() and "555-0100" in letterhead.inner_text()
    assert letterhead.bounding_box()["y"] < page.locator("article h1").first.bounding_box()["y"]
    assert page.locator("article .page-disclaimer").is_visible()
    for heading in page.locator("article .care-card__heading").all():  # paper has no background colour
        assert heading.is_visible() and heading.evaluate("e => getComputedStyle(e).color") == "rgb(0, 0, 0)"
    page.emulate_media(media="screen")
    assert not foot.is_visible() and page.locator(".md-header").is_visible()


def test_print_opens_collapsed_content_and_ends_with_review_date_and_address(context, reviewed_server):
    page = context.new_page()
    page.goto(reviewed_server + "causes/")
    hidden_text = page.get_by_text("Hidden until opened.")
    assert not hidden_text.is_visible()
    page.emulate_media(media="print")
    assert hidden_text.is_visible()
    for chrome in CHROME:
        assert not visible(page, chrome), chrome
    review = page.locator("article .page-review")
    foot = page.locator("article .page-print-foot")
    assert review.is_visible() and "Page last reviewed: 1 October 2026" in review.inner_text()
    assert foot.is_visible() and "https://vein-guide.example.org/causes/" in foot.inner_text()
    assert "555-0100" in page.locator(".clinic-footer").inner_text()  # the letterhead
    # Review date, then the page's address, at the end of what is printed.
    order = page.evaluate("""() => [...document.querySelectorAll('article > *')]
        .filter(e => e.offsetParent !== null || getComputedStyle(e).display !== 'none')
        .filter(e => getComputedStyle(e).display !== 'none').map(e => e.className)""")
    assert order[-1].startswith("page-print-foot") and any(c.startswith("page-review") for c in order[-3:]), order


# --- privacy ----------------------------------------------------------------------------------------------

def test_reading_searching_and_ticking_leave_nothing_behind_but_the_checklist_key(context, server):
    requests = []
    context.on("request", lambda request: requests.append(request.url))
    page = sized_page(context, 1280, 800)
    storage = "() => [Object.keys(localStorage), Object.keys(sessionStorage), document.cookie]"
    for path in ALL_PAGES:
        page.goto(server + path, wait_until="networkidle")
        if page.locator(".glossary-term__link").count():
            page.locator(".glossary-term__link").first.hover()
        assert page.evaluate(storage) == [[], [], ""], path
    open_search(page, 1280, "cramps")
    page.keyboard.press("Escape")
    assert page.evaluate(storage) == [[], [], ""]

    page.goto(server + "checklist/", wait_until="networkidle")
    page.get_by_label("Itchy and painful legs").check()
    assert page.evaluate(storage) == [[STORAGE_KEY], [], ""]
    page.get_by_role("button", name="Clear my answers").click()
    assert page.evaluate(storage) == [[], [], ""]
    page.wait_for_load_state("networkidle")

    site_host = urlsplit(server).netloc
    assert requests and {urlsplit(url).netloc for url in requests} == {site_host}, requests
    assert any("search_index.json" in url for url in requests)  # the search really ran
    assert context.cookies() == []
