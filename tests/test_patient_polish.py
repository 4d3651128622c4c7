"""What a patient sees on a phone and on paper: one search icon, one contact card, one printed address."""

from __future__ import annotations

import pytest

# Header controls a reader can see: drawn in the viewport and not covered by anything else at their centre.
SEARCH_ICONS = """() => [...document.querySelectorAll('header .md-header__button, header .md-search__icon')].filter(el => {
  const r = el.getBoundingClientRect();
  if (!r.width || !r.height || r.right <= 0 || r.left >= innerWidth) return false;
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  // Material's magnifier: its path, or our empty <svg> masked with it from the stylesheet (overrides/.icons).
  const magnifier = !!el.querySelector('svg.patient-icon--magnify, path[d^="M9.5 3A6.5"]');
  return magnifier && !!hit && el.contains(hit) && getComputedStyle(el).visibility !== 'hidden';
}).length"""
VISIBLE_CONTACTS = "() => [...document.querySelectorAll('.clinic-contact')].filter(el => el.getClientRects().length).length"


@pytest.mark.parametrize("width", [320, 390])  # phones: the search field is closed behind one icon
@pytest.mark.browser
@pytest.mark.build
def test_the_header_shows_one_search_control(context, server, width):
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(server)
    assert page.evaluate(SEARCH_ICONS) == 1


@pytest.mark.parametrize("path", ["", "checklist/", "symptoms/"])
@pytest.mark.browser
@pytest.mark.build
def test_the_clinic_contact_card_shows_once(context, server, path):
    page = context.new_page()
    page.goto(server + path)
    assert page.evaluate(VISIBLE_CONTACTS) == 1
    page.emulate_media(media="print")
    assert page.evaluate(VISIBLE_CONTACTS) == 1


@pytest.mark.browser
@pytest.mark.build
def test_the_checklist_print_out_names_its_address_once(context, server):
    page = context.new_page()
    page.goto(server + "checklist/")
    page.emulate_media(media="print")
    printed = page.locator("body").inner_text()
    assert printed.count("checklist/") == 1, printed
    assert "https://vein-guide.example.org/checklist/" in printed
