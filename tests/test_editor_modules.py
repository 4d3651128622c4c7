"""The editor-check modules on their own: front-matter schema, HTML allow-list, line finding, menu order."""

from __future__ import annotations

import logging

import pytest
from patient_site.editor.checks import EditorError, LineNumberFilter, PageChecker, broken_raw_link, nesting
from patient_site.frontmatter.reader import FrontMatterError, split_front_matter
from patient_site.frontmatter.schema import FIELDS, contains_html, validate
from patient_site.editor.html_safety import check_raw_html, unsafe_url
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from patient_site.theme.nav_order import nav_pages, nav_position


def validated(lines: str):
    validate(split_front_matter(f"---\n{lines}\n---\n# Body\n", "p.md"))


def test_every_key_the_site_uses_is_declared():
    assert set(FIELDS) >= {"title", "description", "terms", "reviewed", "next_review", "reviewed_by", "sources"}
    validated('title: T\ndescription: One sentence.\nterms: [a]\nreviewed: 2026-10-01\nnext_review: 2027-10-01\n'
              'reviewed_by: "Name, role"\nsources:\n  - title: A\n    url: https://example.org/a')


@pytest.mark.parametrize(
    "lines, where, says",
    [
        # (front matter, the line the message points at, what it says)
        ("title: T\nreviewed_bye: X", "p.md:3:", "did you mean 'reviewed_by'?"),
        ("title: T\nsources:\n  - title: A\n    url: https://a.example/\n  - title: B\n    url: ftp://b.example/", "p.md:7:", "source 2's url"),
        ("title: T\nsources: https://a.example/", "p.md:3:", "'sources' must be a list"),
        ("title: T\nreviewed: soon", "p.md:3:", "'reviewed' must be a date written YYYY-MM-DD"),
        ("reviewed: 2026-10-01\nnext_review: 2025-01-01", "p.md:3:", "'next_review' (2025-01-01) must be later"),
        ("reviewed_by: [a, b]", "p.md:2:", "'reviewed_by' must be text"),
        ("sources:\n  - https://nhs.uk", "p.md:3:", "source 1 must have 'title:' and 'url:' lines"),
        ("title: T\nterms:\n  - ok\n  - <em>x</em>", "p.md:5:", "contains HTML"),
        ("description: 'A <!-- hidden --> note'", "p.md:2:", "contains HTML"),
    ],
)
def test_schema_errors_point_at_the_line(lines, where, says):
    with pytest.raises(FrontMatterError) as raised:
        validated(lines)
    assert str(raised.value).startswith(where) and says in str(raised.value)


@pytest.mark.parametrize("text, found", [("5 < 6 and 7 > 3", False), ("Tom & Jerry", False), ("a <b>bold</b>", True), ("<br/>", True)])
def test_contains_html_uses_a_parser(text, found):
    assert contains_html(text) is found


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


def test_page_checker_reports_the_line_of_the_mistake():
    checker = PageChecker(["attr_list", "md_in_html"], {})
    text = "---\ntitle: T\n---\n\nfine\n\nnot {: fine }\n\n[x](javascript:void(0))\n"
    with pytest.raises(EditorError, match=r"^p\.md:9: .*not a safe address"):
        checker.check(text.split("---\n", 2)[2], "p.md", text)
    checker.check("all *fine* <abbr title='t'>T</abbr>", "p.md", "all fine")  # state is reset between pages


def test_nesting_and_raw_links():
    assert nesting("a\n" + "> " * 60 + "x\n")[0] == 60 and nesting("a\n" + "> " * 60 + "x\n")[1] == 2
    assert broken_raw_link("../causes/", "symptoms/", frozenset({"causes/"})) is None
    assert broken_raw_link("../assets/x.png", "symptoms/", frozenset({"assets/x.png"})) is None
    assert "leads to no page" in broken_raw_link("causes/", "symptoms/", frozenset({"causes/"}))
    assert "Markdown file" in broken_raw_link("causes.md", "symptoms/", frozenset({"causes/"}))


def test_mkdocs_link_warning_gains_file_and_line(tmp_path):
    (tmp_path / "page.md").write_text("# T\n\nSee\n[gone](gone.md).\n", "utf-8")
    line_filter = LineNumberFilter("docs", str(tmp_path), "mkdocs.yml", "nav:\n  - gone.md\n")
    record = logging.LogRecord("mkdocs.structure.pages", logging.WARNING, "", 0,
                               "Doc file 'page.md' contains a link 'gone.md', but the target is not found among documentation files.", (), None)
    assert line_filter.filter(record) and record.getMessage().startswith("docs/page.md:4: Doc file")
    nav = "The following pages exist in the docs directory, but are not included in the \"nav\" configuration:\n  - a.md\n  - b/c.md"
    assert line_filter.rewrite(nav).splitlines() == [
        "docs/a.md:1: this page is not in the site's menu; add '- a.md' under 'nav:' in mkdocs.yml, or delete the file",
        "docs/b/c.md:1: this page is not in the site's menu; add '- b/c.md' under 'nav:' in mkdocs.yml, or delete the file",
    ]


def test_menu_order():
    nav = [{"Home": "index.md"}, {"Conditions": ["b.md", {"A": "a.md"}]}, "checklist.md"]
    assert nav_pages(nav) == ["index.md", "b.md", "a.md", "checklist.md"]
    assert sorted(["z.md", "a.md", "b.md"], key=nav_position(nav)) == ["b.md", "a.md", "z.md"]
    assert nav_pages(None) == []


class IconExtension(Extension):
    """Stands in for an extension (an icon set, say) that stashes its own generated HTML."""

    def extendMarkdown(self, md):
        class Icon(InlineProcessor):
            def handleMatch(self, m, data):
                return self.md.htmlStash.store('<svg aria-hidden="true" focusable="false"><path d="M0 0"/></svg>'), m.start(0), m.end(0)

        md.inlinePatterns.register(Icon(r":icon:", md), "icon", 75)


def test_html_generated_by_extensions_is_not_taken_for_the_editors():
    checker = PageChecker(["md_in_html", "test_editor_modules:IconExtension"], {})
    checker.check("An :icon: here, *fine*.", "p.md", "An :icon: here")
    with pytest.raises(EditorError, match="raw <svg> is not allowed"):
        checker.check("An <svg></svg> here.", "p.md", "An <svg></svg> here.")


@pytest.mark.parametrize("text", ["---\n---\n# T\n", "---\n# only a comment\n---\n# T\n"])
def test_empty_front_matter_is_no_front_matter(text):
    source = split_front_matter(text, "p.md")
    validate(source)
    assert source.meta == {} and source.body == "# T\n"


@pytest.mark.parametrize("html", ["<![<div`#", "x <![http://[ y"])
def test_html_no_parser_can_read_is_a_clean_problem(html):
    assert [p.message for p in check_raw_html([html])] == ["this HTML cannot be read; check the '<' and '>' signs, or write it in Markdown"]
