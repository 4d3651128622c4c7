"""The front-matter schema (patient_site.frontmatter.schema): every key declared, errors at the line."""

from __future__ import annotations

import pytest

from patient_site.frontmatter.reader import FrontMatterError, split_front_matter
from patient_site.frontmatter.schema import FIELDS, contains_html, validate


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
