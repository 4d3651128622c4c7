"""Security headers (patient_site.hosting.headers): script hashes, policy checks, the _headers file."""

from __future__ import annotations

import pytest

from patient_site.hosting.headers import (
    HeadersError,
    check_pages,
    header_rules,
    headers_for,
    parse_headers_file,
    render_headers_file,
    representative_pages,
    scan_page,
    scan_site,
    script_hash,
)


def test_inline_script_hashes_follow_the_exact_text():
    html = '<script>alert(1)</script><script src="x.js"></script><script type="application/ld+json">{}</script>'
    # the published hash of alert(1), as CSP guides list it
    assert list(scan_page(html).script_hashes) == ["'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"]
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
        check_pages({"symptoms/index.html": scan_page("<script>alert(1)</script>")}, rules)
    allowed = f"default-src 'none'; script-src 'self' {script_hash('alert(1)')}; frame-ancestors 'self'"
    check_pages({"symptoms/index.html": scan_page("<script>alert(1)</script>")}, _rules(tmp_path, allowed))  # with its hash it passes


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
        check_pages({"symptoms/index.html": scan_page(html)}, rules)


def test_no_path_gets_two_policies_and_the_file_reads_back(tmp_path):
    rules = _rules(tmp_path, "SITE")
    assert parse_headers_file(render_headers_file(rules)) == rules
    for path in ("/", "/symptoms/", "/symptoms/index.html", "/embed/symptoms/", "/embed/"):
        policies = [value for name, value in headers_for(rules, path) if name == "Content-Security-Policy"]
        assert len(policies) == 1, (path, policies)
        assert ("frame-ancestors 'self'" in policies[0]) == path.startswith("/embed/")
        assert ("X-Content-Type-Options", "nosniff") in headers_for(rules, path)


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
