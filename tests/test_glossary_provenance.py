"""Glossary entries carry their provenance and say no more than their source or the article beside them."""

from __future__ import annotations

import datetime
import re

import pytest

from helpers import ROOT, article, build, copy_project
from patient_site.markdown.glossary import GlossaryError, load_glossary, unapproved

GLOSSARY = ROOT / "docs" / "glossary.yml"
ENTRY = """\
- term: dehydration
  definition: When your body loses more fluid than it takes in.
  source:
    name: "NHS: Dehydration"
    url: https://www.nhs.uk/conditions/dehydration/
{approval}"""


def entries():
    return load_glossary(GLOSSARY.read_text("utf-8"), "docs/glossary.yml")


def test_every_entry_names_its_source_and_has_approval_fields():
    text = GLOSSARY.read_text("utf-8")
    assert text.count("\n- term:") == text.count("\n  approved_by:") == text.count("\n  approved_on:") == len(entries())
    for entry in entries():
        assert entry.source_name and entry.source_url.startswith("https://")


@pytest.mark.parametrize("approval, message", [  # what the editor wrote; what they are told (None: accepted)
    ("  approved_by:\n  approved_on:\n", None),
    ("  approved_by: Dr A. Example\n  approved_on: 2026-11-30\n", None),
    ("  approved_by: Dr A. Example\n", "docs/glossary.yml:1: 'dehydration' has only half of its approval; add approved_on"),
    ("  approved_on: 2026-11-30\n", "docs/glossary.yml:1: 'dehydration' has only half of its approval; add approved_by"),
    ("  approved_by: Dr A. Example\n  approved_on: last week\n", "docs/glossary.yml:1: 'approved_on' of 'dehydration' must be a date"),
])
def test_approval_fields_are_both_filled_or_both_empty(approval, message):
    text = ENTRY.format(approval=approval)
    if message is None:
        (entry,) = load_glossary(text, "docs/glossary.yml")
        assert entry.approved == ("Dr A." in approval)
        if entry.approved:
            assert entry.approved_on == datetime.date(2026, 11, 30)
    else:
        with pytest.raises(GlossaryError, match=re.escape(message)):
            load_glossary(text, "docs/glossary.yml")


def test_unapproved_entries_are_listed_with_their_lines():
    listed = unapproved(entries(), "docs/glossary.yml")
    lines = [n for n, line in enumerate(GLOSSARY.read_text("utf-8").splitlines(), 1) if line.startswith("- term:")]
    assert [m.split(": '")[0] for m in listed] == [f"docs/glossary.yml:{n}" for n in lines]  # nobody approved any yet


@pytest.mark.build
def test_an_entry_without_a_source_stops_the_build_naming_its_line(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "docs" / "glossary.yml"
    text = path.read_text("utf-8")
    old = '  source:\n    name: "NHS: Dehydration"\n    url: https://www.nhs.uk/conditions/dehydration/\n'
    assert old in text
    path.write_text(text.replace(old, ""), "utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row == "- term: dehydration")
    built = build(project, tmp_path / "site")
    assert built.returncode != 0
    assert f"docs/glossary.yml:{line}: 'dehydration' needs 'source:" in built.log, built.log


def tips(site, page: str) -> dict[str, str]:
    body = article(site.soup(page))
    return {term.select_one(".glossary-term__link").get_text(" ", strip=True).lower():
            term.select_one(".glossary-term__tip").get_text(" ", strip=True) for term in body.select(".glossary-term")}


@pytest.mark.build
def test_leg_ulcers_get_a_definition_that_names_no_cause(site):
    tip = tips(site, "symptoms/")["leg ulcers"]
    assert tip == "Open sores on the leg that take a long time to heal."
    assert "veins" not in tip and "blood" not in tip


@pytest.mark.build
def test_definitions_narrowed_by_the_review(site):
    glossary = article(site.soup("glossary/"))
    definitions = {dt["id"]: dt.find_next_sibling("dd").p.get_text(" ", strip=True) for dt in glossary.select("dt[id]")}
    assert "purple" not in definitions["spider-veins"]
    assert definitions["vein-valves"] == (
        "Tiny parts inside the veins that open and close to let blood flow to the heart and stop it flowing backward.")
    assert "valves" not in definitions["vein-valves"]  # content review 2026-12: it no longer defines the word with itself
    assert glossary.select_one("#vein-valves").find_next_sibling("dd").a["href"] == "https://www.nhs.uk/conditions/varicose-veins/"
    assert "non-invasive" not in definitions  # beside the article's claim it said more than the article
    assert "non-invasive" not in tips(site, "causes/")
