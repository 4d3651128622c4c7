"""`make sign-off`, `make translated` and `make review-report` on a private copy of the project, as a clinician runs them:
approvals that lapse when their words change, every bad input named, and a shallow clone that reports the same."""

from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys

import pytest

from helpers import build, copy_project, tree_digest

pytestmark = pytest.mark.slow

TODAY = datetime.date.today()


def run(project, *args):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, str(project / "scripts" / "reviews.py"), *args], cwd=project, env=env,
                          capture_output=True, text=True)


def report(project) -> dict:
    done = run(project, "report", "--out", str(project / "review-report"))
    assert done.returncode == 0, done.stderr
    return json.loads((project / "review-report" / "report.json").read_text("utf-8"))


def approval(data: dict, file: str, item: str) -> dict:
    return next(entry for entry in data["approvals"] if entry["file"] == file and entry["item"] == item)


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


def test_the_shipped_guide_shows_no_alarm(project):
    data = report(project)
    assert {page["source"]: page["translation"] for page in data["pages"] if page["language"] == "es"} == {
        f"languages/es/docs/{name}.md": "current" for name in
        ("causes", "chronic-venous-insufficiency", "index", "night-cramps", "symptoms")}
    assert {page["review"] for page in data["pages"]} == {"none"}  # nobody has signed off the shipped pages
    assert {item["state"] for item in data["translations"]} == {"current"}
    assert {item["state"] for item in data["approvals"]} == {"awaiting"}


@pytest.mark.parametrize("option, spec, file, edit", [  # what is approved; the file holding its words; an edit of them
    ("--glossary", "docs/glossary.yml:varicose veins", "docs/glossary.yml",
     ("that you can see just under the skin", "that you can see under the skin")),
    ("--glossary", "languages/es/docs/glossary.yml:várices", "languages/es/docs/glossary.yml",
     ("que se ven justo debajo de la piel", "que se ven debajo de la piel")),
    ("--text", "mkdocs.yml:extra.care_cards.get-checked", "mkdocs.yml", ("or [book an appointment]", "or [book a visit]")),
])
def test_an_approval_holds_for_its_words_and_is_void_once_they_change(project, option, spec, file, edit):
    item = spec.split(":", 1)[1]
    done = run(project, "sign-off", option, spec, "--by", "Dr A. Example")
    assert done.returncode == 0, done.stderr
    assert approval(report(project), file, item)["state"] == "approved"
    path = project / file
    text = path.read_text("utf-8")
    assert edit[0] in text
    path.write_text(text.replace(edit[0], edit[1], 1), "utf-8")
    data = report(project)
    assert approval(data, file, item)["state"] == "void"
    assert approval(data, file, item)["changes"] and approval(data, file, item)["by"] == "Dr A. Example"
    html = (project / "review-report" / "index.html").read_text("utf-8")
    assert "void: the words changed since the approval" in html and "<script" not in html


def test_an_english_text_change_makes_its_spanish_translation_stale(project):
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("Talk to a professional about your own symptoms",
                                                        "Talk to a doctor about your own symptoms"), "utf-8")
    data = report(project)
    stale = [(item["file"], item["item"]) for item in data["translations"] if item["state"] == "stale"]
    assert stale == [("languages/es/mkdocs.yml", "extra.disclaimer")]
    assert run(project, "translated", "--text", "languages/es/mkdocs.yml:extra.disclaimer").returncode == 0
    assert {item["state"] for item in report(project)["translations"]} == {"current"}


def test_a_shallow_clone_reports_the_same(project, tmp_path):
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false"]
    assert run(project, "sign-off", "--page", "docs/causes.md", "--by", "Dr A", "--date", "2026-12-01").returncode == 0
    (project / "docs" / "causes.md").write_text((project / "docs" / "causes.md").read_text("utf-8") + "\nA new sentence.\n", "utf-8")
    subprocess.run([*git, "init", "-q", str(project)], check=True)
    subprocess.run([*git, "-C", str(project), "add", "-A"], check=True)
    subprocess.run([*git, "-C", str(project), "commit", "-qm", "a copy"], check=True)
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{project}", str(clone)], check=True)
    ours, theirs = report(project), report(clone)
    assert theirs == ours
    assert next(page for page in theirs["pages"] if page["source"] == "docs/causes.md")["review"] == "changed"


GOOD_RECORD = "[sign-off]\ndate: 2026-12-01\nby: Dr A\nwords:\n  One.\n"


@pytest.mark.parametrize("label, args, files, message", [  # bad input; the command; files written first; its message
    ("a sign-off with no name", ["sign-off", "--page", "docs/causes.md"], {}, 'needs the name of the person signing off'),
    ("a sign-off with a blank name", ["sign-off", "--page", "docs/causes.md", "--by", "  "], {}, "needs the name"),
    ("a date in the future", ["sign-off", "--page", "docs/causes.md", "--by", "Dr A", "--date",
                              (TODAY + datetime.timedelta(days=1)).isoformat()], {}, "is in the future"),
    ("a date that is no date", ["sign-off", "--page", "docs/causes.md", "--by", "Dr A", "--date", "tomorrow"], {},
     "must be written YYYY-MM-DD"),
    ("PAGE= naming no page", ["sign-off", "--page", "docs/cause.md", "--by", "Dr A"], {}, "PAGE=docs/cause.md names no page"),
    ("PAGE= outside the docs", ["sign-off", "--page", "README.md", "--by", "Dr A"], {}, "is not a page of the site"),
    ("nothing to sign off", ["sign-off", "--by", "Dr A"], {}, "sign-off needs one of PAGE="),
    ("a term the glossary lacks", ["sign-off", "--glossary", "docs/glossary.yml:veins", "--by", "Dr A"], {},
     "has no entry 'veins'"),
    ("a setting that is no site text", ["sign-off", "--text", "mkdocs.yml:extra.clinic.name", "--by", "Dr A"], {},
     "names no site text"),
    ("translated names an original", ["translated", "--page", "docs/causes.md"], {}, "is no translation"),
    ("a record for a page that no longer exists", ["report"], {"reviews/docs/gone.md.txt": GOOD_RECORD},
     "reviews/docs/gone.md.txt:1: this is the record of docs/gone.md, which does not exist"),
    ("a hand-edited record", ["sign-off", "--page", "docs/causes.md", "--by", "Dr A"],
     {"reviews/docs/causes.md.txt": GOOD_RECORD.replace("by: Dr A", "by Dr A")}, "reviews/docs/causes.md.txt:3: not a line"),
    ("a record naming a term that is gone", ["report"],
     {"reviews/docs/glossary.yml.txt": GOOD_RECORD.replace("[sign-off]", "[approval] veins")},
     "reviews/docs/glossary.yml.txt:1: [approval] veins: docs/glossary.yml has no such item"),
])
def test_bad_input_is_named_and_nothing_is_written(project, label, args, files, message):
    for name, text in files.items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(text, "utf-8")
    before = tree_digest(project)
    done = run(project, *args)
    assert done.returncode == 1, label
    assert message in done.stderr, (label, done.stderr)
    assert "Traceback" not in done.stderr
    assert tree_digest(project) == before, label


@pytest.mark.build
@pytest.mark.parametrize("name, text, message", [  # a record file; its text; what the build says
    ("reviews/docs/gone.md.txt", GOOD_RECORD, "reviews/docs/gone.md.txt:1: this is the record of docs/gone.md"),
    ("reviews/docs/causes.md.txt", GOOD_RECORD.replace("2026-12-01", "2026-14-01"), "reviews/docs/causes.md.txt:2: the date"),
])
def test_a_bad_record_stops_the_build_with_its_line(project, tmp_path, name, text, message):
    (project / name).parent.mkdir(parents=True, exist_ok=True)
    (project / name).write_text(text, "utf-8")
    built = build(project, tmp_path / "site")
    assert built.returncode != 0 and message in built.log, built.log


def test_a_clinic_shares_the_guides_records_and_keeps_its_own_wording_apart(project):
    """A page's sign-off is the page's, whichever clinic publishes it; a care card a clinic words its own way is written in
    its clinic file, and so is its approval."""
    assert run(project, "sign-off", "--page", "docs/causes.md", "--by", "Dr A. Example").returncode == 0
    clinic = project / "clinics" / "riverside.yml"
    clinic.write_text(clinic.read_text("utf-8").replace("  embed:\n", "  care_cards:\n    get-checked:\n      level: non-urgent\n"
                                                        "      heading: Ask Riverside to check your legs\n  embed:\n", 1), "utf-8")
    done = run(project, "sign-off", "--config-file", "clinics/riverside.yml", "--text",
               "clinics/riverside.yml:extra.care_cards.get-checked", "--by", "Dr R. Example")
    assert done.returncode == 0, done.stderr
    assert (project / "reviews" / "clinics" / "riverside.yml.txt").is_file()
    done = run(project, "report", "--config-file", "clinics/riverside.yml", "--out", str(project / "riverside-report"))
    assert done.returncode == 0, done.stderr
    theirs = json.loads((project / "riverside-report" / "report.json").read_text("utf-8"))
    assert next(page for page in theirs["pages"] if page["source"] == "docs/causes.md")["review"] == "current"
    assert approval(theirs, "clinics/riverside.yml", "extra.care_cards.get-checked")["state"] == "approved"
    assert approval(theirs, "mkdocs.yml", "extra.disclaimer")["state"] == "awaiting"  # the guide's words: shared
    assert approval(theirs, "languages/es/mkdocs.yml", "extra.care_cards.get-checked")["state"] == "awaiting"
    ours = report(project)  # the project's own site: its card is the guide's, not approved by Riverside's sign-off
    assert approval(ours, "mkdocs.yml", "extra.care_cards.get-checked")["state"] == "awaiting"
