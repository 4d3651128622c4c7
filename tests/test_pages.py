"""The one walk over the sources (patient_site/pages.py): each page read and checked once, plain data in and out."""

from __future__ import annotations

import pytest

from patient_site.errors import SiteError
from patient_site.pages import PageIndex, read_page

LIST = "<!-- checklist:start -->\n- Swelling\n- Itching\n<!-- checklist:end -->\n"


def page(src: str, front: str = "", body: str = "Words.\n", generated: bool = False):
    text = f"---\n{front}---\n\n{body}" if front else body
    return read_page(src, f"docs/{src}", src.removesuffix(".md") + "/", src.removesuffix(".md"), text, generated)


def test_a_page_is_read_with_its_front_matter_terms_title_and_list():
    found = page("a.md", "title: A\nterms:\n  - leg cramps\n", "# A\n\n" + LIST)
    assert (found.title, found.shown_title, found.terms) == ("A", "A", ["leg cramps"])
    assert found.symptoms().items == ("Swelling", "Itching") and found.symptoms().title == "A"
    assert page("b.md").shown_title == "b" and page("b.md").symptoms() is None  # untitled: the file's name


@pytest.mark.parametrize(
    "front, body, where",  # an editor's mistake; the file:line it is reported at
    [
        ("colour: blue\n", "Words.\n", "docs/a.md:2:"),  # not in the schema
        ("title: [A, B]\n", "Words.\n", "docs/a.md:2:"),  # the wrong kind of value
        ("", ">" * 60 + " deep\n", "docs/a.md:1:"),  # nested deeper than Python-Markdown can read
    ],
)
def test_an_editors_page_is_checked_when_read(front, body, where):
    with pytest.raises(SiteError, match=where):
        page("a.md", front, body)


def test_a_generated_page_is_trusted():
    assert page("checklist.md", "colour: blue\n", generated=True).generated


def test_site_wide_mistakes_name_the_second_file():
    index = PageIndex([page("a.md", "title: Same\n"), page("b.md", "title: same\n")])
    with pytest.raises(SiteError, match="docs/b.md:2: the title 'same' is already used by docs/a.md"):
        index.check_site()
    terms = PageIndex([page("a.md", "terms:\n  - cramps\n"), page("b.md", "terms:\n  - Cramps\n")])
    with pytest.raises(SiteError, match="docs/b.md:3: the term 'Cramps' is already claimed by docs/a.md"):
        terms.check_site()


def test_an_editors_title_may_not_repeat_a_generated_pages():
    index = PageIndex([page("a.md", "title: Symptom checklist\n")])
    index.add(page("checklist.md", "title: Symptom checklist\n", generated=True))
    with pytest.raises(SiteError, match="the generated page checklist.md"):
        index.check_titles_with_generated()


def test_lists_come_from_editors_pages_only_in_file_order():
    index = PageIndex([page("b.md", "title: B\n", LIST), page("a.md", "title: A\n", LIST)])
    index.add(page("checklist.md", "title: C\n", LIST, generated=True))
    assert [symptoms.page for symptoms in index.symptom_lists()] == ["b.md", "a.md"]
    assert [src for src, _, _ in index.term_pages()] == ["b.md", "a.md", "checklist.md"]
