"""Reading front matter (patient_site.frontmatter.reader): splitting, line numbers and clean errors."""

from __future__ import annotations

import pytest

from patient_site.frontmatter.reader import FrontMatterError, split_front_matter, string_list
from patient_site.frontmatter.schema import validate


def test_front_matter():
    source = split_front_matter("---\ntitle: T\nterms:\n  - a\n---\n# Body\n", "p.md")
    assert source.meta["title"] == "T" and source.body == "# Body\n" and source.body_line == 6
    assert string_list(source, "terms") == ["a"]
    assert split_front_matter("# no front matter\n", "p.md").meta == {}


@pytest.mark.parametrize(
    "text, line, message",
    [
        ("---\ntitle: [oops\n---\n", 3, "not valid YAML"),
        ("---\n- a\n- b\n---\n", 2, "not a list"),
        ("---\ntitle: t\n", 1, "never closed"),
    ],
)
def test_front_matter_errors(text, line, message):
    with pytest.raises(FrontMatterError, match=message) as error:
        split_front_matter(text, "p.md")
    assert error.value.line == line


def test_terms_must_be_a_list_of_phrases():
    source = split_front_matter("---\ntitle: T\nterms: leg cramps\n---\n", "p.md")
    with pytest.raises(FrontMatterError, match="p.md:3: 'terms' must be a list"):
        string_list(source, "terms")


@pytest.mark.parametrize("text", ["---\n---\n# T\n", "---\n# only a comment\n---\n# T\n"])
def test_empty_front_matter_is_no_front_matter(text):
    source = split_front_matter(text, "p.md")
    validate(source)
    assert source.meta == {} and source.body == "# T\n"


def test_empty_front_matter_is_an_empty_mapping():
    source = split_front_matter("---\n---\n# Title\n", "page.md")
    assert source.meta == {} and source.body == "# Title\n" and source.body_line == 3
