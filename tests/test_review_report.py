"""review/report.py: the JSON fields the clinical lead's tools read, and one self-contained HTML page."""

from __future__ import annotations

import datetime
import json
from html.parser import HTMLParser

from patient_site.review.project import ProjectReview
from patient_site.review.records import Entry
from patient_site.review.report import report_html, report_json
from patient_site.review.state import Change, ItemState, PageState

DAY = datetime.date(2026, 12, 1)
REVIEW = ProjectReview(
    pages=[
        PageState("docs/causes.md", "en", "changed", None, (Change("Old <b>one</b>.", "New one."),),
                  signed_off=Entry("sign-off", "", DAY, by="Dr A"), next_review=datetime.date(2028, 12, 1)),
        PageState("languages/es/docs/causes.md", "es", "none", "stale", (), (Change(None, "Added."),),
                  translated=Entry("translation", "", DAY, original="docs/causes.md"), original="docs/causes.md"),
    ],
    items=[
        ItemState("docs/glossary.yml", "varicose veins", "approval", "void", (Change("A.", "B."),),
                  Entry("approval", "varicose veins", DAY, by="Dr A")),
        ItemState("mkdocs.yml", "extra.disclaimer", "approval", "awaiting"),
        ItemState("languages/es/mkdocs.yml", "extra.disclaimer", "translation", "current", (), None, "mkdocs.yml: extra.disclaimer"),
    ],
)


def test_the_json_has_the_fields_the_issue_names():
    data = json.loads(json.dumps(report_json(REVIEW, DAY)))
    first, second = data["pages"]
    assert {key: first[key] for key in ("source", "language", "review", "translation")} == \
        {"source": "docs/causes.md", "language": "en", "review": "changed", "translation": None}
    assert [(c["before"], c["after"]) for c in first["changes"]] == [("Old <b>one</b>.", "New one.")]
    assert second["translation"] == "stale" and second["changes"] == [{"before": None, "after": "Added.", "of": "original"}]
    assert [(a["file"], a["item"], a["state"]) for a in data["approvals"]] == [
        ("docs/glossary.yml", "varicose veins", "void"), ("mkdocs.yml", "extra.disclaimer", "awaiting")]
    assert data["counts"]["review"] == {"changed": 1, "none": 1}


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def test_the_page_loads_nothing_and_escapes_the_sentences():
    parser = Tags()
    parser.feed(report_html(REVIEW, DAY))
    names = [tag for tag, _ in parser.tags]
    assert "script" not in names and "link" not in names and "img" not in names
    assert "b" not in names and "Old <b>one</b>." in "".join(parser.text)  # a sentence is text, never markup
    assert all(attrs.get("scope") for tag, attrs in parser.tags if tag == "th")
    assert ("html", {"lang": "en"}) in parser.tags
