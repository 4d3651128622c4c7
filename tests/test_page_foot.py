"""The disclaimer setting and the page foot (patient_site.patient.page_foot)."""

from __future__ import annotations

import pytest

from helpers import HOSTILE_CLINIC, load_extra, soup
from patient_site.patient.page_foot import DEFAULT_DISCLAIMER, page_foot_html

CLINIC = load_extra(clinic=HOSTILE_CLINIC).clinic


def test_disclaimer_setting_and_foot():
    assert load_extra().disclaimer == DEFAULT_DISCLAIMER
    assert load_extra(disclaimer="  Only  general\n information. ").disclaimer == "Only general information."
    with pytest.raises(ValueError):
        load_extra(disclaimer=7)
    foot = soup(page_foot_html("", "Be <careful>.", "https://x.test/p/"))
    assert foot.select_one(".page-disclaimer.site-added").get_text(" ", strip=True) == "Please note: Be <careful>."
    printed = foot.select_one(".page-print-foot.print-only")
    assert "https://x.test/p/" in printed.get_text() and printed.select_one(".clinic-contact") is None  # the footer card prints
