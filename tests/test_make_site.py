"""`make site` (scripts/build_site.py) is atomic and follows the review policy; the preview warns but stops on errors."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys

import pytest

from helpers import small_project, tree_digest

pytestmark = pytest.mark.build


TODAY = datetime.date(2026, 11, 24)  # fixed, so nothing fails because time passed


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
    assert "docs/page.md:5: the review was due on 2025-01-01" in failed.stderr  # the next_review line
    assert tree_digest(project / "site") == before
    on_time = run_script(project, "build_site.py", "--today", "2024-06-01")
    assert on_time.returncode == 0, on_time.stderr


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
