"""Marked symptom lists (patient_site.checklist.symptom_lists): extraction, ids, plain text and settings."""

from __future__ import annotations

import pytest

from helpers import load_extra
from patient_site.checklist.symptom_lists import ChecklistError, extract_items, item_id, plain_text


@pytest.mark.parametrize(
    "body, items",
    [
        # bullets of any marker, continuation lines joined, inline Markdown reduced to its words
        ("<!-- checklist:start -->\n- One\n* Two *strong*\n+ Three\n  continued\n<!-- checklist:end -->", ["One", "Two strong", "Three continued"]),
        # numbered items, links and escapes
        ("<!-- checklist:start -->\n1. A [link](x.md)\n2) B \\*star\\*\n<!-- checklist:end -->", ["A link", "B *star*"]),
        # nested bullets count as items; CRLF line endings work
        ("<!-- checklist:start -->\r\n- Outer\r\n    - Inner\r\n<!-- checklist:end -->\r\n", ["Outer", "Inner"]),
        # text around the markers is ignored
        ("- before\n<!-- checklist:start -->\n- in\n<!-- checklist:end -->\n- after", ["in"]),
    ],
)
def test_extract_items(body, items):
    assert extract_items(body, "p.md") == items


def test_no_markers_means_no_list():
    assert extract_items("- just a list\n", "p.md") is None


@pytest.mark.parametrize(
    "body, line, message",
    [
        ("intro\n<!-- checklist:start -->\n<!-- checklist:end -->", 12, "is empty"),
        ("<!-- checklist:end -->\n- a\n<!-- checklist:start -->", 11, "comes before"),
        ("x\n\n<!-- checklist:start -->\n- a", 13, "only one marker"),
    ],
)
def test_broken_lists_name_file_and_line(body, line, message):
    with pytest.raises(ChecklistError, match=message) as error:
        extract_items(body, "docs/p.md", first_line=11)
    assert str(error.value).startswith(f"docs/p.md:{line}: ")


def test_item_ids_are_stable_and_readable():
    assert item_id("Swelling in the legs or ankles") == "swelling-in-the-legs-or-ankles"
    assert item_id("Café—au lait!") == "cafe-au-lait"
    assert item_id("???") == "item"


def test_checklist_settings_are_checked():
    assert load_extra().checklist.required_pages == ("symptoms.md",)
    with pytest.raises(ValueError, match="unknown key"):
        load_extra(checklist={"titel": "x"})


@pytest.mark.parametrize(
    "markdown, text",
    [
        ("Swelling in the legs", "Swelling in the legs"),  # no markup: the fast path
        ("Swelling   in\tthe legs ", "Swelling in the legs"),  # white space runs collapse, as rendered
        ("**Swelling** in the _legs_", "Swelling in the legs"),  # emphasis goes through Markdown
        ("Cramps &amp; spasms", "Cramps & spasms"),
        ("See [a nurse](https://example.org/)", "See a nurse"),
        ("Calf pain \\*", "Calf pain *"),
    ],
)
def test_plain_text(markdown, text):
    assert plain_text(markdown) == text
