"""What a reader sees of reviews in Debian's Chromium, in both languages: the stale translation's notice at the top
(its link to the original), the foot of a page changed since its sign-off; axe finds nothing at phone and desktop width."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from helpers import axe_violations, build_languages, copy_project, serve

pytestmark = [pytest.mark.build, pytest.mark.browser]

NEW_SENTENCE = "Call us at once if one leg is suddenly swollen, hot and red."


def reviews(project, *args):
    done = subprocess.run([sys.executable, str(project / "scripts" / "reviews.py"), *args], cwd=project, capture_output=True,
                          text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def changed_server(tmp_path_factory):
    """Both languages' causes pages signed off, then edited: English changed (so Spanish stale), Spanish changed."""
    folder = tmp_path_factory.mktemp("review")
    project = copy_project(folder / "project")
    reviews(project, "sign-off", "--page", "docs/causes.md", "--by", "Dr A. Example", "--date", "2026-12-01")
    reviews(project, "sign-off", "--page", "languages/es/docs/causes.md", "--by", "Dra. B. Ejemplo", "--date", "2026-12-01")
    english, spanish = project / "docs/causes.md", project / "languages/es/docs/causes.md"
    english.write_text(english.read_text("utf-8").rstrip("\n") + f"\n\n{NEW_SENTENCE}\n", "utf-8")
    spanish.write_text(spanish.read_text("utf-8").rstrip("\n") + "\n\nLlame enseguida si una pierna se hincha de repente.\n", "utf-8")
    built = build_languages(project, folder / "site")
    assert built.returncode == 0, built.log
    yield from serve(built.site)


@pytest.fixture
def wide(browser):
    context = browser.new_context(bypass_csp=True)  # axe is injected as a script
    yield context
    context.close()


def test_the_stale_spanish_page_says_so_at_the_top_and_leads_to_the_original(context, changed_server):
    page = context.new_page()
    page.goto(changed_server + "es/causes/")
    notice = page.locator("article .translation-notice--stale")
    assert notice.is_visible() and notice.get_attribute("role") == "note"
    # At the top: under the page's heading, before the first sentence of its text.
    top = notice.bounding_box()["y"]
    assert page.locator("article h1").bounding_box()["y"] < top < page.locator("article h1 ~ p:not(.translation-notice)").first.bounding_box()["y"]
    assert "puede que" in notice.inner_text().lower() or "posible que" in notice.inner_text().lower()
    notice.get_by_role("link", name="Leer la página original").click()
    page.wait_for_url(changed_server + "causes/")
    assert NEW_SENTENCE in page.locator("article").inner_text()
    assert page.locator("html").get_attribute("lang") == "en"


@pytest.mark.parametrize("path, sentence", [  # the page; its foot's sentence
    ("causes/", "This page has changed since that review."),
    ("es/causes/", "Esta página ha cambiado desde esa revisión."),
])
def test_the_foot_of_a_changed_page_says_so_in_its_language(context, changed_server, path, sentence):
    page = context.new_page()
    page.goto(changed_server + path)
    changed = page.locator(".page-review__changed")
    assert changed.is_visible() and changed.inner_text() == sentence


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("path", ["causes/", "es/causes/"])
def test_axe_finds_no_violation_on_changed_and_stale_pages(wide, changed_server, path, width):
    page = wide.new_page()
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(changed_server + path)
    assert axe_violations(page) == []


@pytest.fixture(scope="module")
def report_server(tmp_path_factory):
    """The review report of a project with a changed page, a stale translation and a void approval."""
    folder = tmp_path_factory.mktemp("report")
    project = copy_project(folder / "project")
    reviews(project, "sign-off", "--page", "docs/causes.md", "--by", "Dr A. Example", "--date", "2026-12-01")
    reviews(project, "sign-off", "--glossary", "docs/glossary.yml:varicose veins", "--by", "Dr A. Example")
    english, glossary = project / "docs/causes.md", project / "docs/glossary.yml"
    english.write_text(english.read_text("utf-8").rstrip("\n") + f"\n\n{NEW_SENTENCE}\n", "utf-8")
    glossary.write_text(glossary.read_text("utf-8").replace("just under the skin", "under the skin", 1), "utf-8")
    reviews(project, "report", "--out", str(folder / "out"))
    yield from serve(folder / "out")


@pytest.mark.parametrize("width", [320, 1280])
def test_the_review_report_is_axe_clean_self_contained_and_fits_the_screen(wide, report_server, width):
    page = wide.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(report_server)
    assert requests == [report_server]  # one self-contained page: nothing else is loaded
    assert NEW_SENTENCE in page.locator("main").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert axe_violations(page) == []


def test_the_review_report_prints(context, report_server):
    page = context.new_page()
    page.goto(report_server)
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 2000
    page.emulate_media(media="print")
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
