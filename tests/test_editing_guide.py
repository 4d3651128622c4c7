"""EDITING.md explains the site's own text and never tells editors to reword the clinic's article."""

from __future__ import annotations

import re

import pytest

from helpers import ROOT

GUIDE = (ROOT / "EDITING.md").read_text("utf-8")


def section(title: str) -> str:
    start = GUIDE.index(f"\n{title}\n")
    following = re.search(r"\n#{2,3} ", GUIDE[start + len(title) + 2 :])
    text = GUIDE[start : start + len(title) + 2 + (following.start() if following else len(GUIDE))]
    return re.sub(r"(?<=\S)\n(?=\S)", " ", text)  # a message wrapped across two lines reads as one


def test_the_guide_does_not_tell_editors_to_split_the_articles_sentences():
    check = section("## Check your writing")
    assert "only the clinic may reword it" in check
    assert "you must not reword its sentences" in check


@pytest.mark.parametrize("title, example, messages", [  # section; a line of its example; messages it explains
    ("### Care cards (\"when to get help\")", "<!-- care-card: get-checked -->", ["no care card called", "is already on this page"]),
    ("### The disclaimer", "  disclaimer: >-", ["extra.disclaimer must be a sentence or two of plain text"]),
    ("## The glossary and its approvals", "  approved_on: 2026-12-01", ["has only half of its approval", "has not been approved"]),
])
def test_each_kind_of_site_text_has_an_example_and_its_messages(title, example, messages):
    text = section(title)
    assert example in text
    for message in messages:
        assert message in text


def test_the_publishing_guard_and_the_nhs_target_are_documented():
    assert "example_clinic: fail" in section("## Publish")
    assert "target_grade: nhs" in section("## Check your writing")


def test_every_contents_link_finds_its_heading():
    headings = {re.sub(r"[^a-z0-9 -]", "", h.lower()).replace(" ", "-") for h in re.findall(r"^#{2,3} (.+)$", GUIDE, re.M)}
    for anchor in re.findall(r"^- \[[^\]]+\]\(#([^)]+)\)", GUIDE, re.M):
        assert anchor in headings, anchor
