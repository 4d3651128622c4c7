"""review/words.py: what a reader sees of a page, as sentences; Markdown spelling and wrapping are not changes."""

from __future__ import annotations

import pytest

from patient_site.review.words import inline_text, line_of, page_words, sentences, text_words

BODY = """# Leg cramps

Cramps can be caused by tiredness.  They can also be caused by
circulation problems.

- Swelling in the legs
- Tight feeling in your **calves**

<!-- care-card: get-checked -->
"""
CARDS = {"get-checked": ("Have your symptoms checked", "Call {clinic_name} on {clinic_phone} or [book]({booking}).")}


@pytest.mark.parametrize("label, body", [  # what changed in the source; the body after the change
    ("rewrapped", BODY.replace("They can also be caused by\ncirculation", "They can\nalso be caused by circulation")),
    ("'*' bullets", BODY.replace("\n- ", "\n* ")),
    ("'+' bullets", BODY.replace("\n- ", "\n+ ")),
    ("spaces", BODY.replace("tiredness.  They", "tiredness. They").replace("# Leg", "#   Leg")),
    ("emphasis spelt with underscores", BODY.replace("**calves**", "__calves__")),
    ("an attribute list on the heading", BODY.replace("# Leg cramps", "# Leg cramps { .site-text }")),
    ("an editor's comment", BODY.replace("# Leg cramps\n", "# Leg cramps\n\n<!-- checked with the clinic -->\n")),
    ("a blank line more", BODY.replace("\n\n- Swelling", "\n\n\n- Swelling")),
])
def test_spelling_that_a_reader_does_not_see_is_no_change(label, body):
    assert page_words("T", "D.", body, CARDS) == page_words("T", "D.", BODY, CARDS), label


@pytest.mark.parametrize("label, body, expected", [  # what changed; the body after; the sentence that differs
    ("a sentence added", BODY.replace("problems.", "problems. Call us at once if one leg is swollen."),
     "Call us at once if one leg is swollen."),
    ("a word changed", BODY.replace("tiredness", "fatigue"), "Cramps can be caused by fatigue."),
    ("a list item added", BODY.replace("- Swelling", "- Leg ulcers\n- Swelling"), "Leg ulcers"),
    ("a heading changed", BODY.replace("# Leg cramps", "# Cramps"), "Cramps"),
])
def test_what_a_reader_sees_differently_is_a_change(label, body, expected):
    before, after = page_words("T", "D.", BODY, CARDS), page_words("T", "D.", body, CARDS)
    assert before != after, label
    assert expected in after and expected not in before


def test_a_page_reads_title_description_body_then_its_cards_words_with_placeholders_kept():
    assert page_words("Cramps", "Why cramps happen.", BODY, CARDS) == (
        "Cramps", "Why cramps happen.", "Leg cramps", "Cramps can be caused by tiredness.",
        "They can also be caused by circulation problems.", "Swelling in the legs", "Tight feeling in your calves",
        "Have your symptoms checked", "Call {clinic_name} on {clinic_phone} or book.")


def test_a_card_text_change_is_a_change_of_the_page_that_shows_it():
    other = {"get-checked": ("Have your symptoms checked", "Call us today.")}
    assert page_words("T", "D.", BODY, CARDS) != page_words("T", "D.", BODY, other)
    assert page_words("T", "D.", BODY.replace("<!-- care-card: get-checked -->", ""), CARDS) == \
        page_words("T", "D.", BODY, CARDS)[:-2]


@pytest.mark.parametrize("markdown, text", [  # Markdown; what a reader sees
    ("See [the NHS page](https://www.nhs.uk/) now", "See the NHS page now"),
    ("A `code` and *one* and ***two***", "A code and one and two"),
    ("snake_case and {clinic_name} stay", "snake_case and {clinic_name} stay"),
    ("5 &lt; 6 &amp; <b>bold</b>", "5 < 6 & bold"),
    ("An escaped \\* star", "An escaped * star"),
    ("![A leg](leg.png) image", "A leg image"),
])
def test_inline_markdown_is_read_as_its_text(markdown, text):
    assert inline_text(markdown) == text


@pytest.mark.parametrize("text, expected", [  # a block; its sentences
    ("One. Two? Three!", ["One.", "Two?", "Three!"]),
    ("¿Qué pasa? ¡Llame ya! Bien.", ["¿Qué pasa?", "¡Llame ya!", "Bien."]),
    ("e.g. this stays", ["e.g. this stays"]),
])
def test_sentences(text, expected):
    assert sentences(text) == expected


def test_site_text_is_read_paragraph_by_paragraph():
    assert text_words("First one.\nSame paragraph.\n\nSecond.") == ("First one.", "Same paragraph.", "Second.")


def test_a_sentence_is_found_on_the_line_where_it_begins():
    text = ("---\ntitle: Leg cramps\n---\n\n# Leg cramps\n\nSome people get cramps. These *treatment*\n"
            "options are usually [non-invasive](causes.md)\nand quick.\n\n- A [long\n  link](x.md) here\n")
    assert line_of(text, "Leg cramps") == 2  # the title, in the front matter
    assert line_of(text, "These treatment options are usually non-invasive and quick.") == 7
    assert line_of(text, "A long link here") == 0  # markup across lines: the first five words are not found either
    assert line_of(text, "Not on the page.") == 0
