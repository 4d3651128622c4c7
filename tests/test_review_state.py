"""review/state.py: a page's review and translation state, and an approval's, from recorded and current words."""

from __future__ import annotations

import datetime

import pytest

from patient_site.review.records import Entry, Record
from patient_site.review.state import Change, add_months, approval_state, diff_words, page_state, translation_state

DAY = datetime.date(2026, 1, 10)
WORDS = ("Title", "One.", "Two.")


def record(*entries: Entry) -> Record:
    found = Record("reviews/docs/p.md.txt")
    for entry in entries:
        found.put(entry)
    return found


SIGNED = Entry("sign-off", "", DAY, by="Dr A", words=WORDS)
TRANSLATED = Entry("translation", "", DAY, original="docs/p.md", words=WORDS)


@pytest.mark.parametrize("label, words, entries, today, review", [  # case; the page's words now; its record; today; state
    ("no sign-off", WORDS, (), DAY, "none"),
    ("signed off, same words", WORDS, (SIGNED,), DAY, "current"),
    ("signed off, a sentence changed", ("Title", "One!", "Two."), (SIGNED,), DAY, "changed"),
    ("signed off, past the period", WORDS, (SIGNED,), datetime.date(2028, 1, 10), "overdue"),
    ("changed and past the period: changed", ("Title",), (SIGNED,), datetime.date(2028, 1, 10), "changed"),
    ("a translation record is no sign-off", WORDS, (TRANSLATED,), DAY, "none"),
])
def test_review_state(label, words, entries, today, review):
    assert page_state("docs/p.md", "en", words, record(*entries), today).review == review, label


@pytest.mark.parametrize("label, original_words, entries, translation", [  # case; the original's words now; record; state
    ("translated from these words", WORDS, (TRANSLATED,), "current"),
    ("the original changed since", WORDS + ("Three.",), (TRANSLATED,), "stale"),
    ("no translation record", WORDS, (), "stale"),
    ("a sign-off of the translation is no translation record", WORDS, (SIGNED,), "stale"),
])
def test_translation_state(label, original_words, entries, translation):
    state = page_state("languages/es/docs/p.md", "es", ("Uno.",), record(*entries), DAY, original="docs/p.md",
                       original_words=original_words)
    assert state.translation == translation, label


def test_a_first_language_page_has_no_translation_state():
    assert page_state("docs/p.md", "en", WORDS, record(), DAY).translation is None


def test_the_next_review_is_the_pages_own_date_else_the_period_after_the_sign_off():
    assert page_state("docs/p.md", "en", WORDS, record(SIGNED), DAY, period=24).next_review == datetime.date(2028, 1, 10)
    assert page_state("docs/p.md", "en", WORDS, record(SIGNED), DAY, period=6).next_review == datetime.date(2026, 7, 10)
    own = datetime.date(2026, 3, 1)
    assert page_state("docs/p.md", "en", WORDS, record(SIGNED), datetime.date(2026, 3, 1), own).review == "overdue"


@pytest.mark.parametrize("old, new, changes", [  # recorded words; current words; the changes, before -> after
    (("A.", "B."), ("A.", "B."), ()),
    (("A.", "B."), ("A.", "B!"), (Change("B.", "B!"),)),
    (("A.", "B."), ("A.", "X.", "B."), (Change(None, "X."),)),
    (("A.", "B."), ("B.",), (Change("A.", None),)),
    (("A.", "B.", "C."), ("A.", "X.", "Y.", "C."), (Change("B.", "X."), Change(None, "Y."))),
    ((), ("A.", "B."), (Change(None, "A."), Change(None, "B."))),  # no record yet
    (("A.", "B."), (), (Change("A.", None), Change("B.", None))),
])
def test_diff_words(old, new, changes):
    assert diff_words(old, new) == changes


@pytest.mark.parametrize("day, months, expected", [  # a date; months later; the date then
    (datetime.date(2026, 1, 31), 1, datetime.date(2026, 2, 28)),
    (datetime.date(2026, 11, 15), 24, datetime.date(2028, 11, 15)),
    (datetime.date(2028, 2, 29), 12, datetime.date(2029, 2, 28)),
])
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


APPROVED = Entry("approval", "varicose veins", DAY, by="Dr A", words=("varicose veins", "Swollen veins."))


@pytest.mark.parametrize("label, words, entries, state", [  # case; the entry's words now; its record; state
    ("nobody approved it", ("varicose veins", "Swollen veins."), (), "awaiting"),
    ("approved these words", ("varicose veins", "Swollen veins."), (APPROVED,), "approved"),
    ("the definition changed since", ("varicose veins", "Swollen, twisted veins."), (APPROVED,), "void"),
])
def test_approval_state(label, words, entries, state):
    assert approval_state("docs/glossary.yml", "varicose veins", words, record(*entries)).state == state, label


def test_a_translated_text_is_stale_when_its_original_changed():
    entry = Entry("translation", "extra.disclaimer", DAY, original="mkdocs.yml: extra.disclaimer", words=("Old.",))
    assert translation_state("languages/es/mkdocs.yml", "extra.disclaimer", "o", ("Old.",), record(entry)).state == "current"
    assert translation_state("languages/es/mkdocs.yml", "extra.disclaimer", "o", ("New.",), record(entry)).state == "stale"
