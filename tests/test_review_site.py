"""Reviews bound to the words, as an editor, a translator and a clinician meet them: real builds, the real make scripts.

English edit -> the Spanish page is stale (its notice, make check's sentences) -> `make translated` -> current;
sign-off -> edit -> changed (foot, JSON-LD, /api/) -> sign-off again; a rewrap changes nothing; `fail` policies stop
`make site` with site/ untouched.
"""

from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from helpers import build, build_languages, copy_project, tree_digest

pytestmark = pytest.mark.build

NEW_SENTENCE = "Call us at once if one leg is suddenly swollen, hot and red."
CAUSES_END = "performed in-office without surgery."
TODAY = datetime.date.today()


def run(project, script, *args):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, str(project / "scripts" / script), *args], cwd=project, env=env,
                          capture_output=True, text=True)


def edit_causes(project, old=CAUSES_END, new=f"{CAUSES_END} {NEW_SENTENCE}"):
    path = project / "docs" / "causes.md"
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")


def page(site, path) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text("utf-8"), "html.parser")


def words(element) -> str:
    return " ".join(element.get_text(" ").split())


def json_ld(soup) -> dict:
    return json.loads(soup.find("script", type="application/ld+json").string)


def test_an_english_edit_makes_the_spanish_page_stale_until_it_is_recorded_as_translated(tmp_path):
    project = copy_project(tmp_path / "project")
    fresh = build_languages(project, tmp_path / "fresh")
    assert fresh.returncode == 0, fresh.log
    assert not page(fresh.site, "es/causes").select(".translation-notice--stale")  # the shipped guide: no alarm

    edit_causes(project)
    stale = build_languages(project, tmp_path / "stale")
    assert stale.returncode == 0, stale.log
    notice = page(stale.site, "es/causes").select_one("article .translation-notice--stale")
    recorded = (project / "reviews/languages/es/docs/causes.md.txt").read_text("utf-8")
    day = datetime.date.fromisoformat(recorded.split("date: ")[1][:10])
    assert notice is not None and f"el {day.day} de " in notice.get_text()
    assert notice.find("a")["href"] == "../../causes/" and notice.find("a")["hreflang"] == "en"
    assert not page(stale.site, "es/night-cramps").select(".translation-notice--stale")
    assert not page(stale.site, "causes").select(".translation-notice--stale")

    check = run(project, "check_content.py")
    assert check.returncode == 0, check.stderr
    assert "languages/es/docs/causes.md" in check.stdout and f"added:   {NEW_SENTENCE}" in check.stdout

    done = run(project, "reviews.py", "translated", "--page", "languages/es/docs/causes.md")
    assert done.returncode == 0, done.stderr
    again = build_languages(project, tmp_path / "again")
    assert again.returncode == 0, again.log
    assert not page(again.site, "es/causes").select(".translation-notice--stale")
    assert NEW_SENTENCE in (project / "reviews/languages/es/docs/causes.md.txt").read_text("utf-8")


def test_a_sign_off_holds_for_its_words_a_rewrap_keeps_it_an_edit_ends_it(tmp_path):
    project = copy_project(tmp_path / "project")
    source = project / "docs" / "causes.md"
    before = source.read_text("utf-8")
    signed = run(project, "reviews.py", "sign-off", "--page", "docs/causes.md", "--by", "Dr A. Example, vascular surgeon",
                 "--date", "2026-12-01")
    assert signed.returncode == 0, signed.stderr
    after = source.read_text("utf-8")
    added = [line for line in after.split("\n") if line not in before.split("\n")]
    assert added == ["reviewed: 2026-12-01", 'reviewed_by: "Dr A. Example, vascular surgeon"', "next_review: 2028-12-01"]
    assert [line for line in after.split("\n") if line not in added] == before.split("\n")  # every other line as it was

    current = build(project, tmp_path / "current")
    assert current.returncode == 0, current.log
    causes = page(current.site, "causes")
    assert "Page last reviewed: 1 December 2026" in words(causes.select_one(".page-review"))
    assert not causes.select(".page-review__changed")
    assert json_ld(causes)["lastReviewed"] == "2026-12-01"
    assert json.loads((current.site / "api/causes.json").read_text("utf-8"))["lastReviewed"] == "2026-12-01"

    edit_causes(project, "dehydration, loss of electrolytes, a potassium\nor magnesium",
                "dehydration, loss of\nelectrolytes, a potassium or magnesium")  # a rewrap: the same words
    rewrapped = build(project, tmp_path / "rewrapped")
    assert not page(rewrapped.site, "causes").select(".page-review__changed")

    edit_causes(project)
    changed = build(project, tmp_path / "changed")
    assert changed.returncode == 0, changed.log
    causes = page(changed.site, "causes")
    assert causes.select_one(".page-review__changed").get_text() == "This page has changed since that review."
    assert "Page last reviewed: 1 December 2026" in words(causes.select_one(".page-review"))
    assert "lastReviewed" not in json_ld(causes) and "reviewedBy" not in json_ld(causes)
    assert "lastReviewed" not in json.loads((changed.site / "api/causes.json").read_text("utf-8"))
    check = run(project, "check_content.py")
    assert "changed since its sign-off on 2026-12-01" in check.stdout and f"added:   {NEW_SENTENCE}" in check.stdout

    again = run(project, "reviews.py", "sign-off", "--page", "docs/causes.md", "--by", "Dr A. Example, vascular surgeon")
    assert again.returncode == 0, again.stderr
    resigned = build(project, tmp_path / "resigned")
    causes = page(resigned.site, "causes")
    assert not causes.select(".page-review__changed") and json_ld(causes)["lastReviewed"] == TODAY.isoformat()


def test_the_spanish_foot_says_the_page_changed_in_spanish(tmp_path):
    project = copy_project(tmp_path / "project")
    signed = run(project, "reviews.py", "sign-off", "--page", "languages/es/docs/causes.md", "--by", "Dra. B. Ejemplo",
                 "--date", "2026-12-01")
    assert signed.returncode == 0, signed.stderr
    path = project / "languages/es/docs/causes.md"
    path.write_text(path.read_text("utf-8").rstrip("\n") + "\n\nLlame enseguida si una pierna se hincha de repente.\n", "utf-8")
    built = build_languages(project, tmp_path / "site")
    assert built.returncode == 0, built.log
    assert page(built.site, "es/causes").select_one(".page-review__changed").get_text() == "Esta página ha cambiado desde esa revisión."
    assert not page(built.site, "causes").select(".page-review")  # the English page was never signed off


@pytest.mark.parametrize("setting, make_it_so, named", [  # the policy; what the editor does; the file make site names
    ("changed_since_review", "sign-off then edit", "docs/causes.md"),
    ("stale_translation", "edit the original", "languages/es/docs/causes.md"),
])
def test_a_fail_policy_stops_make_site_and_leaves_site_untouched(tmp_path, setting, make_it_so, named):
    project = copy_project(tmp_path / "project")
    first = run(project, "build_site.py")
    assert first.returncode == 0, first.stderr
    before = tree_digest(project / "site")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("  content_check:\n", f"  content_check:\n    {setting}: fail\n"), "utf-8")
    if make_it_so == "sign-off then edit":
        assert run(project, "reviews.py", "sign-off", "--page", "docs/causes.md", "--by", "Dr A").returncode == 0
        before_edit = run(project, "build_site.py")
        assert before_edit.returncode == 0, before_edit.stderr
        before = tree_digest(project / "site")
    edit_causes(project)
    failed = run(project, "build_site.py")
    assert failed.returncode != 0
    assert f"{named}:" in failed.stderr and "left as it was" in failed.stderr, failed.stderr  # with a line, if it has one
    assert tree_digest(project / "site") == before


def test_zensical_publishes_the_same_review_state(tmp_path):
    """The foot, JSON-LD and /api/ of a page changed since its sign-off, through the engine without MkDocs events."""
    from test_engines import ensure_zensical, zensical_build

    ensure_zensical()
    project = copy_project(tmp_path / "project")
    assert run(project, "reviews.py", "sign-off", "--page", "docs/causes.md", "--by", "Dr A", "--date", "2026-12-01").returncode == 0
    edit_causes(project)
    done = zensical_build(project, tmp_path / "site")
    assert done.returncode == 0, done.stdout + done.stderr
    causes = page(tmp_path / "site", "causes")
    assert causes.select_one(".page-review__changed").get_text() == "This page has changed since that review."
    assert "lastReviewed" not in json_ld(causes)
    assert "lastReviewed" not in json.loads((tmp_path / "site/api/causes.json").read_text("utf-8"))
    # The edit makes the Spanish translation stale: its notice, from the one page conversion, under the title.
    stale = page(tmp_path / "site", "es/causes").select_one("h1 ~ .translation-notice--stale")
    assert stale is not None and stale.find("a", hreflang="en"), page(tmp_path / "site", "es/causes")


def test_a_clinic_that_publishes_fewer_languages_builds_beside_the_other_languages_records(tmp_path):
    """Riverside leaves Spanish out: the Spanish records are of files it does not publish, not of missing files."""
    project = copy_project(tmp_path / "project")
    clinic = project / "clinics" / "riverside.yml"
    clinic.write_text(clinic.read_text("utf-8").split("\nlanguages:")[0] + "\nlanguages:\n  es: false\n", "utf-8")
    assert list((project / "reviews" / "languages").rglob("*.txt")), "the copy has the Spanish records"
    done = run(project, "build_site.py", "--config-file", "clinics/riverside.yml", "--site-dir", str(tmp_path / "site"))
    assert done.returncode == 0, done.stderr
    # A record whose file is really gone still stops the build.
    (project / "languages" / "es" / "docs" / "night-cramps.md").unlink()
    done = run(project, "build_site.py", "--config-file", "clinics/riverside.yml", "--site-dir", str(tmp_path / "site"))
    assert done.returncode != 0 and "reviews/languages/es/docs/night-cramps.md.txt:1:" in done.stderr, done.stderr
