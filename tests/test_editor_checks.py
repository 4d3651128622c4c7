"""Per-page editor checks (patient_site.editor.checks): line numbers, nesting, raw links, MkDocs warnings."""

from __future__ import annotations

import logging

import pytest
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor

from patient_site.editor.checks import EditorError, LineNumberFilter, PageChecker, broken_raw_link, duplicate_terms, nesting


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


class IconExtension(Extension):
    """Stands in for an extension (an icon set, say) that stashes its own generated HTML."""

    def extendMarkdown(self, md):
        class Icon(InlineProcessor):
            def handleMatch(self, m, data):
                return self.md.htmlStash.store('<svg aria-hidden="true" focusable="false"><path d="M0 0"/></svg>'), m.start(0), m.end(0)

        md.inlinePatterns.register(Icon(r":icon:", md), "icon", 75)


def test_html_generated_by_extensions_is_not_taken_for_the_editors():
    checker = PageChecker(["md_in_html", "test_editor_checks:IconExtension"], {})
    checker.check("An :icon: here, *fine*.", "p.md", "An :icon: here")
    with pytest.raises(EditorError, match="raw <svg> is not allowed"):
        checker.check("An <svg></svg> here.", "p.md", "An <svg></svg> here.")


def test_a_term_claimed_twice_is_refused():
    """The one check of terms (the term index relies on it): the key is the matcher's, case and spaces aside."""
    with pytest.raises(EditorError, match=r"^docs/b\.md:4: the term 'Leg  Cramps' is already claimed by docs/a\.md"):
        duplicate_terms([("docs/a.md", [(3, "leg cramps")]), ("docs/b.md", [(4, "Leg  Cramps")])])
    duplicate_terms([("docs/a.md", [(3, "leg cramps"), (4, "Leg cramps")])])  # twice on one page is no conflict
