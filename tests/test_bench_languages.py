"""`make bench`'s two-language figure (scripts/bench/languages.py): it times the sites it says it times."""

from __future__ import annotations

import bench.languages as bench_languages
import bench.report as bench_report
import pytest
from bench.run import timed_build
from bs4 import BeautifulSoup

pytestmark = [pytest.mark.build, pytest.mark.slow]


def page(site, path: str = "") -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text("utf-8"), "html.parser")


def test_one_language_and_two_are_the_sites_make_site_would_build(tmp_path):
    cost = bench_languages.language_cost(10, 1, tmp_path, timed_build)
    folder = tmp_path / "languages-10"
    one, two = folder / "site-one-1", folder / "site-two-1"
    assert page(one).html["lang"] == "en" and not page(one).select("a[hreflang]")  # no language selector
    assert page(two).html["lang"] == "en" and page(two).select_one('a.md-select__link[hreflang="es"]')
    spanish = page(two, "es")
    assert spanish.html["lang"] == "es" and spanish.select_one('a.md-select__link[hreflang="en"]')
    assert page(two, "es/checklist").find("h1").get_text(strip=True) == "Lista de síntomas para marcar"
    assert cost.outputs["spanish"] == cost.outputs["english"] == cost.outputs["one"]  # every page, in each language
    assert cost.two() == cost.runs["english"][0].seconds + cost.runs["spanish"][0].seconds

    section = "\n".join(bench_report.languages_section(cost))
    assert f"## A second language: {cost.pages} pages in one language and in two" in section
    assert f"Two languages take {cost.two() / cost.median('one'):.2f} ×" in section
