"""The plain modules behind embeds, feeds, branding and headers, without MkDocs."""

from __future__ import annotations

import datetime

import pytest
from patient_site.patient.branding import accent_css
from bs4 import BeautifulSoup
from patient_site.embeds.settings import EmbedSettingsError, parse_origin
from patient_site.embeds.variants import attribution, plain_text, rewrite_for_embed
from patient_site.urls import relative_url
from patient_site.embeds.for_clinics import SHOWN, Embeddable, render_for_clinics_page
from patient_site.hosting.headers import (HeadersError, check_pages, header_rules, headers_for, inline_script_hashes, parse_headers_file, render_headers_file,
                     representative_pages, scan_page, scan_pages, scan_site, script_hash)
from conftest import load_extra
from patient_site.settings import SettingsError


@pytest.mark.parametrize(
    "value, expected",
    [
        # an origin as an editor writes it -> as frame-ancestors gets it
        ("https://clinic.example.org", "https://clinic.example.org"),
        ("https://Clinic.Example.org/", "https://clinic.example.org"),
        ("http://localhost:8123", "http://localhost:8123"),
        ("  https://a.example:443  ", "https://a.example:443"),
    ],
)
def test_origins_are_normalised(value, expected):
    assert parse_origin(value, "x") == expected


@pytest.mark.parametrize(
    "value",
    [
        "clinic.example.org",  # no scheme
        "ftp://clinic.example.org",  # not a web origin
        "https://clinic.example.org/embed",  # a path
        "https://*.example.org",  # a wildcard
        "https://clinic.example.org; script-src *",  # an attempt to add a directive
        "https://user@clinic.example.org",  # credentials
        "https://clinic.example.org:99999",  # no such port
        "https://clinic.example.org?x=1",
        "'self'",
        "",
        42,
    ],
)
def test_anything_but_a_plain_origin_is_refused(value):
    with pytest.raises(SettingsError, match="allowed_origins"):
        load_extra(embed={"allowed_origins": [value]})


def test_embed_settings_reject_unknown_keys_and_odd_sizes():
    with pytest.raises(SettingsError, match="unknown key"):
        load_extra(embed={"origins": []})
    with pytest.raises(SettingsError, match="height"):
        load_extra(embed={"height": "tall"})
    assert load_extra().embed.allowed_origins == ()


@pytest.mark.parametrize(
    "target, here, expected",
    [
        # site path, folder of the page linking, relative link
        ("embed/symptoms/", "embed/causes/", "../symptoms/"),
        ("symptoms/", "embed/causes/", "../../symptoms/"),
        ("assets/site.css", "embed/causes/", "../../assets/site.css"),
        ("", "embed/causes/", "../../"),
        ("embed/causes/", "embed/causes/", "./"),
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


def test_accent_css_sets_the_custom_properties():
    css = accent_css("#00695C")
    assert "--md-primary-fg-color: #00695c;" in css
    assert "body[data-md-color-primary]" in css
    with pytest.raises(ValueError):
        accent_css("teal")


def test_inline_script_hashes_follow_the_exact_text():
    html = '<script>alert(1)</script><script src="x.js"></script><script type="application/ld+json">{}</script>'
    # the published hash of alert(1), as CSP guides list it
    assert inline_script_hashes(html) == ["'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"]
    assert script_hash("alert(1) ") != script_hash("alert(1)")


def _rules(tmp_path, site_csp, embed_csp="default-src 'none'; script-src 'self'; frame-ancestors 'self'"):
    (tmp_path / "symptoms").mkdir(exist_ok=True)
    (tmp_path / "embed").mkdir(exist_ok=True)

    class Policies:
        site, embed = site_csp, embed_csp

    return header_rules(tmp_path, Policies)


def test_check_pages_stops_an_inline_script_without_a_hash(tmp_path):
    rules = _rules(tmp_path, "default-src 'none'; script-src 'self'; frame-ancestors 'self'")
    with pytest.raises(HeadersError, match="symptoms/index.html: an inline <script> has no hash"):
        check_pages(scan_pages({"symptoms/index.html": "<script>alert(1)</script>"}), rules)
    allowed = f"default-src 'none'; script-src 'self' {script_hash('alert(1)')}; frame-ancestors 'self'"
    check_pages(scan_pages({"symptoms/index.html": "<script>alert(1)</script>"}), _rules(tmp_path, allowed))  # with its hash it passes


@pytest.mark.parametrize(
    "html, problem",
    [
        ('<a href="#" onclick="go()">x</a>', "onclick"),
        ('<a href="javascript:go()">x</a>', "javascript:"),
        ('<a href=" java\tscript:go()">x</a>', "javascript:"),  # browsers drop the tab and run it
        ('<form><button formaction="javascript:go()">x</button></form>', "javascript:"),
        ('<svg><a xlink:href="javascript:go()">x</a></svg>', "javascript:"),
        ('<p ONCLICK="go()">x</p>', "onclick"),
        ('<p style="color:red">x</p>', "inline CSS"),
        ("<style>p{}</style>", "inline CSS"),
    ],
)
def test_check_pages_stops_inline_code_the_policy_blocks(tmp_path, html, problem):
    rules = _rules(tmp_path, "default-src 'none'; script-src 'self'; frame-ancestors 'self'")
    with pytest.raises(HeadersError, match=problem):
        check_pages(scan_pages({"symptoms/index.html": html}), rules)


def test_no_path_gets_two_policies_and_the_file_reads_back(tmp_path):
    rules = _rules(tmp_path, "SITE")
    assert parse_headers_file(render_headers_file(rules)) == rules
    for path in ("/", "/symptoms/", "/symptoms/index.html", "/embed/symptoms/", "/embed/"):
        policies = [value for name, value in headers_for(rules, path) if name == "Content-Security-Policy"]
        assert len(policies) == 1, (path, policies)
        assert ("frame-ancestors 'self'" in policies[0]) == path.startswith("/embed/")
        assert ("X-Content-Type-Options", "nosniff") in headers_for(rules, path)


def test_for_clinics_shows_the_first_pages_of_a_large_library_and_says_how_to_embed_the_rest():
    pages = [Embeddable(f"area/topic-{n}/", f"Topic {n}", "About it.") for n in range(SHOWN + 3)]
    soup = BeautifulSoup(render_for_clinics_page(pages, "https://guide.example.org/", "Guide", (), "key").split("---", 2)[2], "html.parser")
    assert [a["href"] for a in soup.select("nav.embed-contents a")] == [f"area-topic-{n}/" for n in range(SHOWN)]
    more = soup.select_one(".embed-more").get_text(" ", strip=True)
    assert f"first {SHOWN} of the {SHOWN + 3} pages" in more and f"area-topic-{SHOWN}" in more
    assert soup.select_one(".embed-more a")["href"] == "../api/index.json"
    few = BeautifulSoup(render_for_clinics_page(pages[:SHOWN], "https://guide.example.org/", "Guide", (), "key"), "html.parser")
    assert not few.select(".embed-more") and len(few.select("nav.embed-contents li")) == SHOWN


def test_every_page_content_is_scanned_and_one_whole_page_of_each_shape(tmp_path):
    whole = {"a/index.html": "<p>ok</p>", "b/index.html": '<p style="color:red">theme</p>', "index.html": "<p>ok</p>",
             "embed/a/index.html": "<p>ok</p>", "embed/b/index.html": "<p>ok</p>"}
    for page, html in whole.items():
        (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / page).write_text(html, "utf-8")
    assert representative_pages(list(whole)) == ["a/index.html", "embed/a/index.html", "index.html"]
    content = {page: scan_page("<p>ok</p>") for page in whole} | {"embed/b/index.html": scan_page('<a href="#" onclick="go()">x</a>')}
    scans = scan_site(tmp_path, content)
    assert "onclick" in scans["embed/b/index.html"].blocked  # its content, though its shape was read from embed/a/
    assert scans["b/index.html"].blocked is None  # b/ is read through a/, its shape's first page
    assert "inline CSS" in scan_site(tmp_path, {})["b/index.html"].blocked  # with no content scans, every page whole
