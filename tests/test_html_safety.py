"""The raw-HTML allow-list and safe addresses (patient_site.editor.html_safety)."""

from __future__ import annotations

import pytest

from patient_site.editor.html_safety import check_raw_html, unsafe_url


@pytest.mark.parametrize(
    "url, unsafe",
    [("javascript:alert(1)", True), (" JaVaScRiPt:alert(1)", True), ("java\tscript:x", True), ("data:text/html,x", True),
     ("vbscript:x", True), ("https://a.example/", False), ("mailto:a@b.example", False), ("tel:5550100", False),
     ("../causes/", False), ("#top", False)],
)
def test_unsafe_url(url, unsafe):
    assert unsafe_url(url) is unsafe


@pytest.mark.parametrize(
    "html, problem",
    [
        ('<abbr title="x">X</abbr><br><sub>2</sub><kbd>K</kbd><span class="c" aria-label="l">s</span>', None),
        ("<details><summary>S</summary><p>P</p></details>", None),
        ('<img src="a.png" alt="">', None),
        ("<SCRIPT>x</SCRIPT>", "raw <script> is not allowed"),
        ('<object data="x"></object>', "raw <object> is not allowed"),
        ('<embed src="x">', "raw <embed> is not allowed"),
        ('<marquee>x</marquee>', "raw <marquee> is not allowed"),
        ('<p OnLoad="x">p</p>', "'onload'"),
        ('<span data-x="1">s</span>', "'data-x' is not allowed"),
        ('<img src="a.png">', "no alt text"),
        ('<div><span>x</div>', "'<span>' is never closed"),
    ],
)
def test_raw_html_allow_list(html, problem):
    messages = [p.message for p in check_raw_html([html])]
    if problem is None:
        assert messages == []
    else:
        assert any(problem in m for m in messages), messages


@pytest.mark.parametrize("html", ["<![<div`#", "x <![http://[ y"])
def test_html_no_parser_can_read_is_a_clean_problem(html):
    assert [p.message for p in check_raw_html([html])] == ["this HTML cannot be read; check the '<' and '>' signs, or write it in Markdown"]
