"""A new condition page is only Markdown: its checklist section and cross-links follow without code."""

from __future__ import annotations

import pytest
from helpers import BASE_NAV, ROOT, build, small_project, tree_digest
from patient_site.checklist.symptom_lists import extract_items
from patient_site.frontmatter.reader import split_front_matter

pytestmark = pytest.mark.build


def python_files(folder):
    return {name: digest for name, digest in tree_digest(folder).items() if name.endswith(".py")}


CONDITION = """---
title: Example condition
description: A made-up condition that only this test uses.
terms:
  - example condition
---

# Example condition

<!-- checklist:start -->
- First made-up sign
- Second made-up sign
<!-- checklist:end -->
"""


def test_new_condition_needs_no_code(tmp_path):
    pages = {"page.md": "---\ntitle: A page\ndescription: A page.\n---\n\n# A page\n\nPeople with an example condition notice symptoms.\n",
             "vein-condition.md": CONDITION}
    scripts_before = python_files(ROOT / "scripts")
    # the new condition sorts after symptoms.md by name but sits before it in the menu: its fieldset comes first
    menu = list(BASE_NAV)
    menu.insert(menu.index("symptoms.md"), "vein-condition.md")
    project = small_project(tmp_path / "project", pages, nav=menu)
    built = build(project, tmp_path / "site")
    assert built.returncode == 0, built.log
    assert python_files(project / "scripts") == scripts_before

    form = built.soup("checklist/").select_one("form.checklist")
    fieldsets = form.find_all("fieldset")
    symptoms = split_front_matter((ROOT / "docs" / "symptoms.md").read_text("utf-8"), "symptoms.md")
    assert [f.legend.get_text(strip=True) for f in fieldsets] == ["Example condition", symptoms.meta["title"]]
    assert [l.get_text(strip=True) for l in fieldsets[0].find_all("label")] == ["First made-up sign", "Second made-up sign"]
    assert [l.get_text(strip=True) for l in fieldsets[1].find_all("label")] == extract_items(symptoms.body, "symptoms.md")
    for box in form.find_all("input"):
        assert form.find("label", attrs={"for": box["id"]})

    body = built.soup("page/").select_one("article")
    links = {a.get_text(): a["href"] for a in body.select("a.crosslink")}
    assert links == {"example condition": "../vein-condition/", "symptoms": "../symptoms/"}
