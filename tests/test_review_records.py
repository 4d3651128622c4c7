"""review/records.py: the plain-text records read back as written, and every hand-made mistake named by its line."""

from __future__ import annotations

import datetime

import pytest

from patient_site.review.records import Entry, Record, RecordError, parse_record, record_path, render_record, source_of

DAY = datetime.date(2026, 12, 1)
TODAY = datetime.date(2026, 12, 7)


def test_a_record_reads_back_as_it_was_written():
    record = Record("reviews/docs/p.md.txt")
    record.put(Entry("sign-off", "", DAY, by="Dr A. Example, vascular surgeon", words=("One.", "Two: three?")))
    record.put(Entry("translation", "", DAY, original="docs/p.md", words=("Uno.",)))
    record.put(Entry("approval", "varicose veins", DAY, by="Dr B", words=("varicose veins", "Swollen veins.")))
    text = render_record(record)
    again = parse_record(text, record.path, TODAY)
    assert [(e.kind, e.item, e.date, e.by, e.original, e.words) for e in again.entries] == \
        [(e.kind, e.item, e.date, e.by, e.original, e.words) for e in sorted(record.entries, key=lambda e: ("sign-off", "translation", "approval").index(e.kind))]
    assert render_record(again) == text  # stable: a diff shows only what changed


def test_a_new_sign_off_replaces_the_old_one():
    record = Record("r")
    record.put(Entry("sign-off", "", DAY, by="A", words=("Old.",)))
    record.put(Entry("sign-off", "", TODAY, by="B", words=("New.",)))
    assert [(e.by, e.words) for e in record.entries] == [("B", ("New.",))]


@pytest.mark.parametrize("source, record", [  # a source, from the project folder; its record
    ("docs/causes.md", "reviews/docs/causes.md.txt"),
    ("languages/es/docs/causes.md", "reviews/languages/es/docs/causes.md.txt"),
    ("mkdocs.yml", "reviews/mkdocs.yml.txt"),
])
def test_a_record_mirrors_its_source(source, record):
    assert record_path(source) == record and source_of(record) == source


GOOD = "[sign-off]\ndate: 2026-12-01\nby: Dr A\nwords:\n  One.\n"


@pytest.mark.parametrize("text, line, message", [  # a hand-edited record; the line named; what the message says
    (GOOD.replace("[sign-off]", "[signoff]"), 1, "unknown section [signoff]"),
    (GOOD.replace("date: 2026-12-01", "date: 1 Dec 2026"), 2, "must be written YYYY-MM-DD"),
    (GOOD.replace("date: 2026-12-01", "date: 2027-01-01"), 2, "is in the future"),
    (GOOD.replace("by: Dr A\n", ""), 1, "has no 'by:' line"),
    (GOOD.replace("by: Dr A", "by:"), 3, "'by:' is empty"),
    (GOOD.replace("by: Dr A", "who: Dr A"), 3, "not a line of a [sign-off] section"),
    (GOOD.replace("words:\n", ""), 4, "an indented sentence before 'words:'"),
    ("date: 2026-12-01\n" + GOOD, 1, "text before the first section"),
    (GOOD + "by: Dr B\n", 6, "comes after the sentences"),
    (GOOD + "\n" + GOOD, 7, "is already on line 1"),
    (GOOD.replace("by: Dr A", "by: Dr A\nby: Dr B"), 4, "'by:' is given twice"),
])
def test_a_record_that_is_not_as_the_commands_write_it_names_its_line(text, line, message):
    with pytest.raises(RecordError) as error:
        parse_record(text, "reviews/docs/p.md.txt", TODAY)
    assert str(error.value).startswith(f"reviews/docs/p.md.txt:{line}: ") and message in str(error.value), str(error.value)
