"""Embeds in Debian's Chromium: a clinic's page on another loopback origin frames our pages through embed.js.

Three loopback origins, all on this machine:
- the site, on http://127.0.0.1:<port>, served with the headers the build wrote to `_headers`;
- the clinic's website, on http://localhost:<port>, which is on the site's allow-list;
- a stranger, on http://127.0.0.2:<port>, which is not.
The site is built for this test with the clinic's origin in `extra.embed.allowed_origins`, since the
port is only known once its server listens.
"""

from __future__ import annotations

import functools
import re
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from helpers import CHROMIUM, CHROMIUM_ARGS, PAGES, build_in_process, copy_project, wait_until, watch_csp
from patient_site.hosting.headers import headers_for, parse_headers_file

# One worker runs them all (make test's `--dist loadgroup`): `origins` builds a site for its servers' ports, per worker.
pytestmark = [pytest.mark.build, pytest.mark.browser, pytest.mark.xdist_group("origins")]

TYPE = "vein-guide:height"
STORAGE_KEY = "vein-guide:checklist:v1"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _WithHeaders(_Quiet):
    """Serves files like a static host that reads `_headers` (every matching rule applies, as on Netlify)."""

    rules: list = []

    def end_headers(self):
        for name, value in headers_for(self.rules, self.path.split("?", 1)[0]):
            self.send_header(name, value)
        super().end_headers()


def _listen(host: str, handler) -> ThreadingHTTPServer:
    httpd = ThreadingHTTPServer((host, 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


@pytest.fixture(scope="session")
def origins(tmp_path_factory):
    """Base URLs of the three origins: {"site", "clinic", "stranger"}, each ending in "/"."""
    root = tmp_path_factory.mktemp("embedding")
    clinic_dir, stranger_dir = root / "clinic", root / "stranger"
    clinic_dir.mkdir()
    stranger_dir.mkdir()
    clinic = _listen("127.0.0.1", functools.partial(_Quiet, directory=str(clinic_dir)))
    stranger = _listen("127.0.0.2", functools.partial(_Quiet, directory=str(stranger_dir)))
    clinic_url = f"http://localhost:{clinic.server_address[1]}/"

    project = copy_project(root / "project")
    config = project / "mkdocs.yml"
    data = yaml.safe_load(config.read_text("utf-8"))
    data["extra"]["embed"]["allowed_origins"] = [clinic_url.rstrip("/")]
    config.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    built = build_in_process(project, root / "site")
    assert built.returncode == 0, built.log

    handler = type("Handler", (_WithHeaders,), {"rules": parse_headers_file((built.site / "_headers").read_text("utf-8"))})
    site = _listen("127.0.0.1", functools.partial(handler, directory=str(built.site)))
    urls = {
        "site": f"http://127.0.0.1:{site.server_address[1]}/",
        "clinic": clinic_url,
        "stranger": f"http://127.0.0.2:{stranger.server_address[1]}/",
        "clinic_dir": clinic_dir,
        "stranger_dir": stranger_dir,
    }
    yield urls
    for httpd in (clinic, stranger, site):
        httpd.shutdown()
        httpd.server_close()


# Playwright turns Chromium's third-party storage partitioning off (microsoft/playwright#32230); browsers
# ship with it on, and it is what gives an embedded page its own storage on each clinic's site. Passing our
# own --disable-features list replaces Playwright's: the same features minus ThirdPartyStoragePartitioning.
PLAYWRIGHT_DISABLED_BUT_PARTITIONING = (
    "AvoidUnnecessaryBeforeUnloadCheckSync,DestroyProfileOnBrowserClose,HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,"
    "LensOverlay,MediaRouter,PaintHolding,AvoidCorsURLLoaderRestartOnRedirect,OptimizationHints,"
    "NetworkTimeServiceQuerying,AimEnabled,PreconnectToSearch"
)


@pytest.fixture(scope="module")
def partitioned_browser(browser):
    chromium = browser.browser_type.launch(
        executable_path=CHROMIUM, headless=True,
        args=CHROMIUM_ARGS + ["--disable-features=" + PLAYWRIGHT_DISABLED_BUT_PARTITIONING],
    )
    yield chromium
    chromium.close()


@pytest.fixture
def browsing(partitioned_browser):
    """A fresh profile in a browser that partitions third-party storage, as shipped browsers do."""
    context = partitioned_browser.new_context()
    yield context
    context.close()


def host_page(folder: Path, name: str, body: str) -> str:
    (folder / name).write_text(
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A clinic</title></head>'
        f"<body><h1>A clinic's own page</h1>{body}</body></html>",
        "utf-8",
    )
    return name


def two_embeds(origins) -> str:
    site = origins["site"]
    return origins["clinic"] + host_page(origins["clinic_dir"], "two.html", (
        f'<div data-vein-guide-embed="symptoms"><a href="{site}symptoms/">Symptoms of chronic venous insufficiency</a></div>'
        f'<p>Between the two embeds.</p>'
        f'<div data-vein-guide-embed="checklist"><a href="{site}checklist/">Symptom checklist</a></div>'
        f'<script src="{site}embed.js" async></script>'
    ))


def frames(page):
    """(iframe element, its Frame) for each embed on the page, once both have loaded their content."""
    elements = page.locator("iframe")
    elements.nth(1).wait_for(state="attached")
    pairs = []
    for index in range(elements.count()):
        element = elements.nth(index).element_handle()
        frame = element.content_frame()
        frame.wait_for_selector("main h1")
        frame.wait_for_load_state("load")  # its scripts have run
        pairs.append((element, frame))
    return pairs


def content_height(frame) -> int:
    return frame.evaluate("Math.ceil(document.documentElement.getBoundingClientRect().height)")


def frame_height(element) -> int:
    return element.evaluate("el => el.getBoundingClientRect().height")


def fits(element, frame) -> bool:
    """The frame is exactly as tall as its content, so nothing scrolls inside it."""
    scrolls = frame.evaluate("document.documentElement.scrollHeight > document.documentElement.clientHeight")
    return not scrolls and abs(frame_height(element) - content_height(frame)) <= 1


def settled(element, frame) -> int:
    """The frame's height once it has stopped changing."""
    element.scroll_into_view_if_needed()  # Chromium defers resizing cross-origin frames that are off screen
    assert wait_until(lambda: fits(element, frame)), (frame_height(element), content_height(frame))
    height = frame_height(element)
    time.sleep(0.3)
    assert frame_height(element) == height
    return height


def test_embeds_grow_to_their_content_and_follow_it(browsing, origins):
    page = browsing.new_page()
    page.set_viewport_size({"width": 1200, "height": 800})
    page.goto(two_embeds(origins))
    pairs = frames(page)
    assert [frame.url for _, frame in pairs] == [origins["site"] + "embed/symptoms/", origins["site"] + "embed/checklist/"]
    wide = [settled(element, frame) for element, frame in pairs]
    assert all(height != 600 for height in wide), wide  # 600 px is the loader's starting height
    for element, _ in pairs:
        assert element.get_attribute("title") and element.get_attribute("loading") == "lazy"

    page.set_viewport_size({"width": 360, "height": 800})  # narrower: the text wraps and grows
    narrow = [settled(element, frame) for element, frame in pairs]
    assert all(n > w for n, w in zip(narrow, wide)), (wide, narrow)
    page.set_viewport_size({"width": 1200, "height": 800})  # and back: the frames shrink again
    assert [settled(element, frame) for element, frame in pairs] == wide

    element, frame = pairs[1]
    frame.get_by_label("Tight feeling in your calves").check()
    frame.get_by_label("Itchy and painful legs").check()
    assert settled(element, frame) == wide[1]
    frame.evaluate("""() => {
        const note = document.createElement('p');
        note.textContent = 'More text appears in the checklist.';
        note.style.height = '250px';
        document.querySelector('section.checklist').append(note);
    }""")
    grown = settled(element, frame)  # settled() also checks that nothing scrolls inside the frame
    assert grown >= wide[1] + 250, (wide[1], grown)


def test_checklist_inside_an_embed_keeps_ticks_after_a_reload_and_the_clinic_cannot_read_them(browsing, origins):
    page = browsing.new_page()
    url = two_embeds(origins)
    page.goto(url)
    frame = frames(page)[1][1]
    frame.get_by_label("Tight feeling in your calves").check()
    frame.get_by_label("Brown colored skin near the ankles").click()
    page.reload()
    frame = frames(page)[1][1]
    assert frame.get_by_label("Tight feeling in your calves").is_checked()
    assert frame.get_by_label("Brown colored skin near the ankles").is_checked()
    assert frame.evaluate("Object.keys(localStorage)") == [STORAGE_KEY]
    assert page.evaluate("Object.keys(localStorage)") == []  # the clinic's own origin holds nothing


def test_where_embedded_storage_is_refused_the_checklist_says_so_and_still_ticks(context, origins):
    # Playwright's own default profile: no storage partitioning, third-party storage refused.
    page = context.new_page()
    page.goto(two_embeds(origins))
    (symptoms, symptoms_frame), (element, frame) = frames(page)
    note = frame.locator(".embed__storage-note")
    assert note.is_visible() and "does not let embedded pages remember" in note.inner_text()
    assert note.get_by_role("link").get_attribute("target") == "_top"
    assert not symptoms_frame.locator(".embed__storage-note").count()  # only where there is a checklist
    # Both frames at their final height first: the embed above grows as its content arrives, and a click while it
    # grows lands where the box was (on a busy machine the full suite met this).
    settled(symptoms, symptoms_frame)
    settled(element, frame)
    frame.get_by_label("Tight feeling in your calves").check()
    assert frame.get_by_label("Tight feeling in your calves").is_checked()


def test_forged_height_messages_change_nothing(browsing, origins):
    stranger = origins["stranger"] + host_page(origins["stranger_dir"], "forge.html", (
        f"<script>parent.postMessage({{type: '{TYPE}', height: 321}}, '*');"
        "document.title = 'forged';</script>"
    ))
    page = browsing.new_page()
    page.goto(two_embeds(origins))
    (symptoms, symptoms_frame), (checklist, checklist_frame) = frames(page)
    before = settled(symptoms, symptoms_frame)
    other = settled(checklist, checklist_frame)

    def unchanged() -> bool:
        time.sleep(0.25)
        return frame_height(symptoms) == before and frame_height(checklist) == other

    # from the clinic page's own window, with a well-formed message
    page.evaluate(f"window.postMessage({{type: '{TYPE}', height: 321}}, '*')")
    assert unchanged()
    # from the right frame, with a wrong message
    for data in (
        "'321'",
        f"{{type: '{TYPE}', height: '321'}}",
        f"{{type: '{TYPE}', height: NaN}}",
        f"{{type: '{TYPE}', height: Infinity}}",
        f"{{type: '{TYPE}', height: -321}}",
        f"{{type: '{TYPE}', height: 0}}",
        f"{{type: '{TYPE}', height: 1e9}}",
        f"{{type: '{TYPE}', height: 321.5}}",
        f"{{type: '{TYPE}', height: 321, note: '<img src=x>'}}",
        "{type: 'something-else', height: 321}",
        f"JSON.stringify({{type: '{TYPE}', height: 321}})",
        "[321]",
        "{height: 321}",
    ):
        symptoms_frame.evaluate(f"parent.postMessage({data}, '*')")
        assert unchanged(), data
    assert not page.locator("img").count()  # nothing from a message became markup

    # a well-formed message from the same frame window, after it has been sent to another origin
    symptoms_frame.evaluate(f"location.href = {stranger!r}")
    assert wait_until(lambda: symptoms.content_frame().url == stranger)
    assert wait_until(lambda: symptoms.content_frame().title() == "forged")
    assert unchanged()

    # the control: the same message from the real frame is obeyed, so the checks above could have failed
    checklist_frame.evaluate(f"parent.postMessage({{type: '{TYPE}', height: 321}}, '*')")
    assert wait_until(lambda: frame_height(checklist) == 321)


def test_only_allow_listed_origins_can_frame_the_embeds(browsing, origins):
    site = origins["site"]
    framing = f'<iframe src="{site}embed/symptoms/" title="embed"></iframe><iframe src="{site}symptoms/" title="page"></iframe>'
    allowed = origins["clinic"] + host_page(origins["clinic_dir"], "frames.html", framing)
    refused = origins["stranger"] + host_page(origins["stranger_dir"], "frames.html", framing)
    page = browsing.new_page()
    page.goto(allowed)
    embed, full = [page.locator("iframe").nth(i).element_handle().content_frame() for i in range(2)]
    embed.wait_for_selector("main h1")
    assert embed.locator("h1").inner_text().startswith("What are the symptoms")
    assert wait_until(lambda: full.url.startswith("chrome-error://"))  # the site itself: only 'self'

    page.goto(refused)
    embed, full = [page.locator("iframe").nth(i).element_handle().content_frame() for i in range(2)]
    assert wait_until(lambda: embed.url.startswith("chrome-error://") and full.url.startswith("chrome-error://"))
    assert not embed.locator("main h1").count()


def test_no_page_breaks_its_content_security_policy(browsing, origins):
    problems = watch_csp(browsing)
    site = origins["site"]
    page = browsing.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    for path in PAGES + ["for-clinics/", "for-clinics/symptoms/"] + [f"embed/{p.strip('/')}/" for p in PAGES if p and p != ""]:
        page.goto(site + path, wait_until="networkidle")
    assert all(r.headers.get("content-security-policy") for r in responses if r.request.resource_type == "document")

    page.goto(site)  # search: its worker and index load under the policy
    page.keyboard.press("/")
    page.locator(".md-search__input").press_sequentially("veins")
    page.locator(".md-search-result__item").first.wait_for()

    page.goto(site + "checklist/")
    page.get_by_label("Tight feeling in your calves").check()
    page.reload()
    assert page.get_by_label("Tight feeling in your calves").is_checked()

    page.goto(site + "for-clinics/symptoms/", wait_until="networkidle")
    assert page.locator("iframe").count() == 0  # previews load when opened
    for summary in page.locator("details[data-preview] > summary").all():
        summary.click()
    previews = page.locator("iframe.embed-preview")
    previews.nth(page.locator("details[data-preview]").count() - 1).wait_for(state="attached")  # made on "toggle"
    assert previews.count() == page.locator("details[data-preview]").count() > 0
    for preview in previews.element_handles():
        preview.scroll_into_view_if_needed()
        preview.content_frame().wait_for_selector("main h1")
    page.locator("button[data-copy]").first.focus()
    page.keyboard.press("Enter")
    page.locator("[data-copy-status]").first.filter(has_text="Cop").or_(
        page.locator("[data-copy-status]").first.filter(has_text="Selected")).wait_for()

    page.goto(two_embeds(origins))
    for _, frame in frames(page):
        frame.wait_for_selector("main h1")
    page.wait_for_timeout(300)
    assert problems == []


def test_copy_buttons_work_by_keyboard_with_and_without_the_clipboard_api(browser, origins):
    site = origins["site"]
    expected = None
    for clipboard in (True, False):
        context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
        if not clipboard:  # an older or locked-down browser: no Clipboard API
            context.add_init_script("Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined});")
        try:
            page = context.new_page()
            page.goto(site + "for-clinics/checklist/")  # each page's snippets are on a page of its own
            button = page.get_by_role("button", name="Copy this snippet: Symptom checklist, automatic height")
            button.focus()
            page.keyboard.press("Enter")
            status = page.locator('[data-copy-status="snippet-checklist-script"]')
            status.filter(has_text=re.compile("Copied|Selected")).wait_for()
            expected = page.locator("#snippet-checklist-script").inner_text()
            assert 'data-vein-guide-embed="checklist"' in expected and 'src="https://vein-guide.example.org/embed.js"' in expected
            if clipboard:
                assert page.evaluate("navigator.clipboard.readText()") == expected
            else:  # copied with the older command, or left selected for Ctrl+C
                assert page.evaluate("String(getSelection())") == expected
            page.keyboard.press(" ")  # Space works too
            status.filter(has_text=re.compile("Copied|Selected")).wait_for()
        finally:
            context.close()
