"""A new condition page is only Markdown: its checklist section and cross-links follow without code.

Two halves: a build with a made-up condition page shows its list and links, and no code or template names one of
the shipped content pages (code that did would need a change for the next condition).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from helpers import BASE_NAV, ROOT, build_in_process, small_project
from patient_site.checklist.symptom_lists import extract_items
from patient_site.frontmatter.reader import split_front_matter

# Code may name a page where it is the default of a setting an editor can change in mkdocs.yml.
SETTING_DEFAULTS = {"symptoms.md": "extra.checklist.required_pages"}


def content_pages(docs: Path) -> set[str]:
    """How code could name a shipped content page: its source path and its address ("causes.md", "causes/")."""
    names = set()
    for path in docs.rglob("*.md"):
        source = path.relative_to(docs).as_posix()
        if path.name != "index.md" and source not in SETTING_DEFAULTS:
            names |= {source, source.removesuffix(".md") + "/"}
    return names


def product_files(root: Path) -> tuple[list[Path], list[Path]]:
    """The site's Python (the hook, `make site`/`make check` and the package; not the benchmark) and its templates."""
    return sorted([*root.glob("scripts/*.py"), *root.glob("scripts/patient_site/**/*.py")]), sorted(root.glob("overrides/**/*.html"))


def pages_named_in_code(code: list[Path], templates: list[Path], pages: set[str]) -> list[str]:
    """`file:line: text` for each string in the Python (docstrings aside) or template line that names one of `pages`."""
    found = []
    for path in code:
        tree = ast.parse(path.read_text("utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                      and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                if any(page in node.value for page in pages):
                    found.append(f"{path}:{node.lineno}: {node.value!r}")
    for path in templates:
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if any(page in line for page in pages):
                found.append(f"{path}:{number}: {line.strip()}")
    return found


@pytest.mark.parametrize(
    "code, template",
    [
        # (a module a helper might write, a template line): each names a shipped page, so the next condition would need code
        ('PAGES = ["causes.md", "other.md"]\n', ""),
        ('def related(url):\n    return url == "night-cramps/"\n', ""),
        ("", '<a href="{{ base_url }}/chronic-venous-insufficiency/">CVI</a>\n'),
    ],
    ids=["a-list-of-pages", "an-address-compared", "a-template-link"],
)
def test_the_scan_finds_a_page_named_in_code(tmp_path, code, template):
    (tmp_path / "code").mkdir()
    (tmp_path / "templates").mkdir()
    (tmp_path / "code" / "module.py").write_text('"""Docstrings may name causes.md."""\n' + code, "utf-8")
    (tmp_path / "templates" / "main.html").write_text(template, "utf-8")
    found = pages_named_in_code([tmp_path / "code" / "module.py"], [tmp_path / "templates" / "main.html"], content_pages(ROOT / "docs"))
    assert len(found) == 1, found


def test_no_code_or_template_names_a_content_page():
    pages = content_pages(ROOT / "docs")
    assert {"causes.md", "causes/", "night-cramps.md"} <= pages
    code, templates = product_files(ROOT)
    assert ROOT / "scripts" / "hooks.py" in code and ROOT / "overrides" / "main.html" in templates
    assert pages_named_in_code(code, templates, pages) == []


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


@pytest.mark.build
def test_new_condition_needs_no_code(tmp_path):
    pages = {"page.md": "---\ntitle: A page\ndescription: A page.\n---\n\n# A page\n\nPeople with an example condition notice symptoms.\n",
             "vein-condition.md": CONDITION}
    # the new condition sorts after symptoms.md by name but sits before it in the menu: its group comes first
    menu = list(BASE_NAV)
    menu.insert(menu.index("symptoms.md"), "vein-condition.md")
    project = small_project(tmp_path / "project", pages, nav=menu)
    built = build_in_process(project, tmp_path / "site")
    assert built.returncode == 0, built.log

    form = built.soup("checklist/").select_one("section.checklist")
    fieldsets = form.select("[role=group]")
    symptoms = split_front_matter((ROOT / "docs" / "symptoms.md").read_text("utf-8"), "symptoms.md")
    assert [f.select_one(".checklist__legend").get_text(strip=True) for f in fieldsets] == [  # neutral legends naming their page (issue 13)
        f"Symptoms I have noticed (from the page \u201c{title}\u201d)" for title in ("Example condition", symptoms.meta["title"])]
    assert [label.get_text(strip=True) for label in fieldsets[0].find_all("label")] == ["First made-up sign", "Second made-up sign"]
    assert [label.get_text(strip=True) for label in fieldsets[1].find_all("label")] == extract_items(symptoms.body, "symptoms.md")
    for box in form.find_all("input"):
        assert form.find("label", attrs={"for": box["id"]})

    body = built.soup("page/").select_one("article")
    links = {a.get_text(): a["href"] for a in body.select("a.crosslink")}
    assert links == {"example condition": "../vein-condition/", "symptoms": "../symptoms/"}
