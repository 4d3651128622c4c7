"""Embed variants (patient_site.embeds.variants): rewritten links, attribution, plain text."""

from __future__ import annotations

import datetime

import pytest
from bs4 import BeautifulSoup

from patient_site.embeds.variants import attribution, plain_text, rewrite_for_embed
from patient_site.urls import relative_url


@pytest.mark.parametrize(
    "target, here, expected",
    [
        # site path, folder of the page linking, relative link
        ("embed/symptoms/", "embed/causes/", "../symptoms/"),
        ("symptoms/", "embed/causes/", "../../symptoms/"),
        ("assets/site.css", "embed/causes/", "../../assets/site.css"),
        ("", "embed/causes/", "../../"),
        ("embed/causes/", "embed/causes/", "./"),
        ("causes/", "", "causes/"),  # from the home page
        ("", "", "./"),
        ("es/causes/", "causes/", "../es/causes/"),
        ("embed/causes/", "embed/causes/index.html", "./"),  # from a file: its folder
        ("assets/site.css", "assets/site.css", "site.css"),
        ("embed/../symptoms/", "embed/causes/", "../../symptoms/"),  # resolved as the browser does
        ("symptoms/", "embed//causes/", "../../symptoms/"),
    ],
)
def test_relative_url(target, here, expected):
    assert relative_url(target, here) == expected


def test_links_are_rewritten_for_the_embed():
    content = (
        '<p><a href="../symptoms/#varicose">in embed</a> <a href="../">home</a> <a href="#top">here</a> '
        '<a href="https://www.example.com/x">elsewhere</a> <a href="tel:5550100">call</a>'
        '<img src="../assets/pic.png" alt="a picture"></p>'
    )
    soup = BeautifulSoup(rewrite_for_embed(content, "causes/", {"symptoms/": "embed/symptoms/", "causes/": "embed/causes/"}), "html.parser")
    links = {a.get_text(): a for a in soup.find_all("a")}
    assert links["in embed"]["href"] == "../symptoms/#varicose" and not links["in embed"].get("target")
    assert links["home"]["href"] == "../../" and links["home"]["target"] == "_top"
    assert links["here"]["href"] == "#top" and not links["here"].get("target")
    assert links["elsewhere"]["target"] == "_blank" and "noopener" in links["elsewhere"]["rel"]
    assert not links["call"].get("target")
    assert soup.find("img")["src"] == "../../assets/pic.png"


def test_attribution_names_the_site_and_the_review_date_when_known():
    assert attribution("Vein guide", None) == "From Vein guide"
    assert attribution("Vein guide", datetime.date(2026, 10, 1)) == "From Vein guide · reviewed 1 October 2026"


def test_plain_text_keeps_paragraphs_and_drops_buttons():
    html = ("<h1>Title</h1><p>One <a href='x'>link</a><span data-search-exclude role=tooltip>a tip</span>.</p>"
            "<ul><li>A</li><li>B</li></ul><button>Print</button>")
    assert plain_text(html) == "Title\n\nOne link.\n\nA\n\nB"  # no space before the full stop
