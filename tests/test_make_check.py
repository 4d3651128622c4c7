"""`make check` (scripts/check_content.py, patient_site.editor.content_check) reports on the rendered text."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys

import pytest

from helpers import BASE_NAV, build_in_process, copy_project, small_project
from patient_site.editor.content_check import check_site, format_report, read_article, readability
from patient_site.editor.content_settings import Settings
from patient_site.mkdocs.commands import page_index, read_config

TODAY = datetime.date(2026, 11, 24)  # fixed, so nothing fails because time passed


def _pages(project):
    """The project's pages as `make check` reads them: the build's own page index."""
    config, _ = read_config(project / "mkdocs.yml")
    return page_index(config, "docs")


REVIEWED = """---
title: A page
description: A page.
reviewed: 2026-01-10
next_review: 2026-06-01
reviewed_by: "A. Reviewer, nurse"
sources:
  - title: A guideline
    url: https://example.org/guideline
---

# A page

Short words here. Notwithstanding considerable physiological heterogeneity, individualised multidisciplinary
assessment facilitates comprehensive characterisation of circulatory abnormalities. The cat sat.

![](../assets/site.css)
"""


@pytest.mark.build
def test_make_check_reports_grade_review_alt_text_and_orphans(tmp_path):
    pages = {
        "page.md": REVIEWED,
        "lonely.md": "---\ntitle: Lonely\ndescription: Nobody links here.\n---\n\n# Lonely\n\nA page no one links to.\n",
        "index.md": lambda text: text + "\nSee [a page](page.md).\n",
    }
    project = small_project(tmp_path / "project", pages, nav=[*BASE_NAV, "lonely.md"])
    # alt="" is decoration and builds; make check still lists it. Raw HTML so the Markdown alt-text error does not fire.
    page = project / "docs" / "page.md"
    page.write_text(page.read_text("utf-8").replace("![](../assets/site.css)", '<img src="../assets/site.css" alt="">'), "utf-8")
    built = build_in_process(project, tmp_path / "site")
    assert built.returncode == 0, built.log
    settings = Settings()
    reports = {r.path: r for r in check_site(_pages(project), built.site, [*BASE_NAV, "lonely.md"], TODAY, settings)}

    page_report = reports["docs/page.md"]
    assert page_report.hardest[0][1].startswith("Notwithstanding considerable")
    assert page_report.grade > 8 and any("above the target of 8" in w for w in page_report.warnings)
    assert any("was due on 2026-06-01" in w for w in page_report.warnings) and not page_report.errors
    assert any("no alt text" in n for n in page_report.notes)
    assert not any("reviewer" in n or "sources" in n for n in page_report.notes)

    lonely = reports["docs/lonely.md"]
    assert "no reviewer is listed (reviewed_by)" in lonely.notes and "no sources are listed (sources)" in lonely.notes
    assert "no next review date (next_review) is set" in lonely.notes
    assert any("no other page links to this page" in n for n in lonely.notes)
    assert not any("links to this page" in n for n in reports["docs/page.md"].notes)

    text = format_report(list(reports.values()), settings)
    assert "target 8 or lower" in text and "words per sentence" in text and "hardest sentences:" in text


@pytest.mark.build
def test_orphan_page_outside_the_menu_is_a_warning(tmp_path):
    project = small_project(tmp_path / "project")
    built = build_in_process(project, tmp_path / "site")
    (project / "docs" / "old.md").write_text("---\ntitle: Old\ndescription: Old.\n---\n\n# Old\n", "utf-8")
    (built.site / "old").mkdir()
    (built.site / "old" / "index.html").write_text('<article class="md-content__inner"><p>Old words here now.</p></article>', "utf-8")
    reports = {r.path: r for r in check_site(_pages(project), built.site, BASE_NAV, TODAY, Settings())}
    assert any("orphan page" in w for w in reports["docs/old.md"].warnings)


def test_grade_is_measured_on_rendered_text_not_markdown():
    html = (
        '<article class="md-content__inner"><h1>Title</h1><p>The <a href="x/">cat</a> sat on the <em>mat</em>. It was warm.</p>'
        '<aside class="site-added"><p>Extraordinarily complicated institutional administrative terminology everywhere.</p></aside></article>'
    )
    article = read_article(html)
    grade, per_sentence, hardest = readability(article.blocks, article.headings)
    texts = ["".join(block) for block in article.blocks]
    assert "The cat sat on the mat. It was warm." in texts
    assert not any("Extraordinarily" in text for text in texts)
    assert grade < 3 and per_sentence < 5


@pytest.mark.build
def test_make_check_command_runs_on_the_real_project(tmp_path):
    """On a copy of the real project: its build writes deploy/ beside mkdocs.yml, as `make site` does."""
    project = copy_project(tmp_path / "project")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "scripts/check_content.py", "--today", TODAY.isoformat()], cwd=project, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "docs/symptoms.md" in done.stdout and "pages checked" in done.stdout
