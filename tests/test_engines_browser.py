"""The Zensical build in Debian's Chromium: what a reader clicks works as on the MkDocs build (tests/test_browser.py).

Our scripts and stylesheets are the same files on both engines; Zensical's theme bundle is not Material's, so
these check that nothing of it gets in their way: ticks kept across a reload, a glossary definition shown on
keyboard focus, a cross-link that leads to its page.
"""

from __future__ import annotations

import pytest
from test_engines import built_by_both

from helpers import serve

pytestmark = [pytest.mark.build, pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def zensical_server(shared_build):
    """The Zensical site tests/test_engines.py compares (the same build, made once per test run), served."""
    _, site = built_by_both(shared_build, "mkdocs.yml")
    yield from serve(site)


def test_ticks_survive_a_reload(context, zensical_server):
    page = context.new_page()
    page.goto(zensical_server + "checklist/")
    page.get_by_label("Tight feeling in your calves").check()
    page.reload()
    assert page.get_by_label("Tight feeling in your calves").is_checked()
    assert page.locator("section.checklist input[type=checkbox]:checked").count() == 1


def test_a_glossary_definition_shows_on_keyboard_focus(context, zensical_server):
    page = context.new_page()
    page.goto(zensical_server + "symptoms/")
    term = page.locator(".glossary-term__link").first
    tip = page.locator(".glossary-term__tip").first
    assert not tip.is_visible()
    term.focus()
    assert tip.is_visible()
    assert tip.get_attribute("role") == "tooltip"


def test_a_cross_link_leads_to_its_page(context, zensical_server):
    page = context.new_page()
    page.goto(zensical_server + "symptoms/")
    page.locator("a.crosslink").first.click()
    page.wait_for_url(zensical_server + "chronic-venous-insufficiency/")
    assert page.locator("h1").first.inner_text() == "About chronic venous insufficiency"
