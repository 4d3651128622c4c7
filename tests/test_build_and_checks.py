"""`make site` is atomic, `make check` reports on the rendered text, and a new condition needs no code."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys

from patient_site.checklist.symptom_lists import extract_items
from conftest import ROOT, build, tree_digest
from patient_site.editor.content_check import check_site, format_report, read_article, readability
from patient_site.editor.content_settings import Settings
from editor_tree import BASE_NAV, small_project
from patient_site.frontmatter.reader import split_front_matter

TODAY = datetime.date(2026, 11, 24)  # fixed, so nothing fails because time passed


def python_files(folder):
    return {name: digest for name, digest in tree_digest(folder).items() if name.endswith(".py")}


def run_script(project, name, *args):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, str(project / "scripts" / name), *args]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)


def test_failed_build_leaves_previous_site_byte_for_byte(tmp_path):
    project = small_project(tmp_path / "project")
    first = run_script(project, "build_site.py", "--today", TODAY.isoformat())
    assert first.returncode == 0, first.stdout + first.stderr
    before = tree_digest(project / "site")
    assert "page/index.html" in before

    page = project / "docs" / "page.md"
    page.write_text(page.read_text("utf-8").replace("Some words.", "Some words.\n\n<script>alert(1)</script>"), "utf-8")
    failed = run_script(project, "build_site.py", "--today", TODAY.isoformat())
    assert failed.returncode != 0
    assert "docs/page.md:10:" in failed.stderr and "left as it was" in failed.stderr
    assert "Traceback" not in failed.stdout + failed.stderr
    assert tree_digest(project / "site") == before
    assert [p.name for p in project.iterdir() if p.name.startswith(".site-")] == []

    page.write_text(page.read_text("utf-8").replace("<script>alert(1)</script>", "New words."), "utf-8")
    again = run_script(project, "build_site.py", "--today", TODAY.isoformat())
    assert again.returncode == 0, again.stderr
    assert "New words." in (project / "site" / "page" / "index.html").read_text("utf-8")


def test_overdue_review_fails_make_site_only_when_the_policy_says_so(tmp_path):
    overdue = "---\ntitle: A page\ndescription: A page.\nreviewed: 2024-01-01\nnext_review: 2025-01-01\n---\n\n# A page\n\nWords.\n"
    project = small_project(tmp_path / "project", {"page.md": overdue})
    warned = run_script(project, "build_site.py", "--today", TODAY.isoformat())
    assert warned.returncode == 0, warned.stderr
    before = tree_digest(project / "site")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("overdue_review: warn", "overdue_review: fail"), "utf-8")
    failed = run_script(project, "build_site.py", "--today", TODAY.isoformat())
    assert failed.returncode != 0
    assert "docs/page.md: the review was due on 2025-01-01" in failed.stderr
    assert tree_digest(project / "site") == before
    on_time = run_script(project, "build_site.py", "--today", "2024-06-01")
    assert on_time.returncode == 0, on_time.stderr


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
    built = build(project, tmp_path / "site")
    assert built.returncode == 0, built.log
    settings = Settings()
    reports = {r.path: r for r in check_site(project / "docs", built.site, [*BASE_NAV, "lonely.md"], TODAY, settings)}

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


def test_orphan_page_outside_the_menu_is_a_warning(tmp_path):
    project = small_project(tmp_path / "project")
    built = build(project, tmp_path / "site")
    (project / "docs" / "old.md").write_text("---\ntitle: Old\ndescription: Old.\n---\n\n# Old\n", "utf-8")
    (built.site / "old").mkdir()
    (built.site / "old" / "index.html").write_text('<article class="md-content__inner"><p>Old words here now.</p></article>', "utf-8")
    reports = {r.path: r for r in check_site(project / "docs", built.site, BASE_NAV, TODAY, Settings())}
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


def test_make_check_command_runs_on_the_real_project():
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "scripts/check_content.py", "--today", TODAY.isoformat()], cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "docs/symptoms.md" in done.stdout and "pages checked" in done.stdout


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
    assert [f.legend.get_text(strip=True) for f in fieldsets] == [  # neutral legends naming their page (issue 13)
        f"Symptoms I have noticed (from the page \u201c{title}\u201d)" for title in ("Example condition", symptoms.meta["title"])]
    assert [l.get_text(strip=True) for l in fieldsets[0].find_all("label")] == ["First made-up sign", "Second made-up sign"]
    assert [l.get_text(strip=True) for l in fieldsets[1].find_all("label")] == extract_items(symptoms.body, "symptoms.md")
    for box in form.find_all("input"):
        assert form.find("label", attrs={"for": box["id"]})

    body = built.soup("page/").select_one("article")
    links = {a.get_text(): a["href"] for a in body.select("a.crosslink")}
    assert links == {"example condition": "../vein-condition/", "symptoms": "../symptoms/"}


def test_a_warning_does_not_stop_the_preview_but_an_error_does(tmp_path):
    """`make serve` builds like `mkdocs build` without --strict: warnings are shown with file and line, errors stop."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

    def preview_build(project):
        command = [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), "-d", str(tmp_path / "preview")]
        return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)

    warned = preview_build(small_project(tmp_path / "warned", {"page.md": HEAD_PAGE + "See [gone](gone.md).\n"}))
    assert warned.returncode == 0 and "WARNING -  docs/page.md:8:" in warned.stderr, warned.stderr
    stopped = preview_build(small_project(tmp_path / "stopped", {"page.md": HEAD_PAGE + "<script>x</script>\n"}))
    assert stopped.returncode != 0 and "docs/page.md:8: raw <script>" in stopped.stderr, stopped.stderr


HEAD_PAGE = "---\ntitle: A page\ndescription: A page.\n---\n\n# A page\n\n"
