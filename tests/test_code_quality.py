"""Our messages on the line that caused them, in the forge: every message kind of EDITING.md's table, through a real
failing `make site`, is caught by the GitHub problem matcher (deploy/ci/github-problem-matcher.json, its patterns run
by Node's regular expressions) and listed in the GitLab Code Quality report (`--code-quality`, code_quality.py).

Each row of the table is either a build case below (a copy of the project with that one mistake, and the file and
line the message must name, found from the mistake itself) or a message that `make site` never prints, with why.
A row added to the table without either fails `test_every_row_of_the_table_is_covered`.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from test_editor_mistakes import MISTAKES, front, page

from helpers import ROOT, small_project
from patient_site.editor.code_quality import Finding, code_climate, findings

MATCHER = ROOT / "deploy" / "ci" / "github-problem-matcher.json"
GUIDE = (ROOT / "EDITING.md").read_text("utf-8")

# The GitHub runner applies each matcher to the log, line by line; a matcher of several patterns matches as many
# consecutive lines. This runs the same JSON with JavaScript's regular expressions (the runner's are .NET's: the
# patterns use only what both read alike). Prints what each annotation would say.
RUN_MATCHER = r"""
const fs = require('fs');
const [matcherFile, logFile] = process.argv.slice(1);
const lines = fs.readFileSync(logFile, 'utf8').split('\n');
const found = [];
for (const matcher of JSON.parse(fs.readFileSync(matcherFile, 'utf8')).problemMatcher) {
  const patterns = matcher.pattern.map(p => Object.assign({}, p, {re: new RegExp(p.regexp)}));
  for (let i = 0; i + patterns.length <= lines.length; i++) {
    const got = {};
    const all = patterns.every((p, k) => {
      const hit = p.re.exec(lines[i + k]);
      if (!hit) return false;
      for (const key of ['file', 'line', 'column', 'severity', 'message']) {
        if (p[key] && hit[p[key]] !== undefined) got[key] = hit[p[key]];
      }
      return true;
    });
    if (all) found.push(Object.assign({severity: matcher.severity}, got));
  }
}
console.log(JSON.stringify(found));
"""


def table_rows() -> list[str]:
    """The first cell of each row of EDITING.md's table of messages."""
    table = GUIDE[GUIDE.index("## Every message and what to do"):]
    return [line.split("|")[1].strip() for line in table.splitlines() if line.startswith("| `")]


# --- the cases ----------------------------------------------------------------------------------------------------

def line_of(path: Path, text: str) -> int:
    """The line of `path` on which `text` starts."""
    whole = path.read_text("utf-8")
    assert text in whole, (path, text)
    return whole[: whole.index(text)].count("\n") + 1


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), "utf-8")


def setting(project: Path, old: str, new: str) -> tuple[str, int]:
    """mkdocs.yml with `old` replaced by `new`; where the message must point: the first line of `new`."""
    replace(project / "mkdocs.yml", old, new)
    return "mkdocs.yml", line_of(project / "mkdocs.yml", new)


def on_page(body: str, first: str):
    """page.md with `body` (starting on line 8); the message names the line on which `first` starts."""
    def make(project: Path):
        (project / "docs" / "page.md").write_text(page(body), "utf-8")
        return "docs/page.md", line_of(project / "docs" / "page.md", first)
    return make


def in_front_matter(lines: str, first: str):
    def make(project: Path):
        (project / "docs" / "page.md").write_text(front(lines), "utf-8")
        return "docs/page.md", line_of(project / "docs" / "page.md", first)
    return make


def overdue_review(project: Path):
    setting(project, "    overdue_review: warn", "    overdue_review: fail")
    (project / "docs" / "page.md").write_text(front("title: A page\nreviewed: 2020-01-01\nnext_review: 2021-01-01"), "utf-8")
    return "docs/page.md", line_of(project / "docs" / "page.md", "next_review:")


def example_clinic(project: Path):
    setting(project, "    example_clinic: warn", "    example_clinic: fail")
    return "mkdocs.yml", line_of(project / "mkdocs.yml", "    name: Example Vein Clinic")


def glossary_without_source(project: Path):
    path = project / "docs" / "glossary.yml"
    replace(path, '  source:\n    name: "NHS: Dehydration"\n    url: https://www.nhs.uk/conditions/dehydration/\n', "")
    return "docs/glossary.yml", line_of(path, "- term: dehydration")


def reviews_tool(project: Path, *args: str) -> None:
    done = subprocess.run([sys.executable, "scripts/reviews.py", *args], cwd=project, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert done.returncode == 0, done.stdout + done.stderr


def changed_since_sign_off(project: Path):
    setting(project, "  content_check:\n", "  content_check:\n    changed_since_review: fail\n")
    reviews_tool(project, "sign-off", "--page", "docs/causes.md", "--by", "Dr A")
    replace(project / "docs" / "causes.md", "performed in-office without surgery.", "performed in-office. Ask us first.")
    return "docs/causes.md", line_of(project / "docs" / "causes.md", "is discovered. These treatment")  # where it begins


def stale_translation(project: Path):
    setting(project, "  content_check:\n", "  content_check:\n    stale_translation: fail\n")
    replace(project / "docs" / "causes.md", "performed in-office without surgery.", "performed in-office. Ask us first.")
    return "languages/es/docs/causes.md", None


def stale_site_text(project: Path):
    setting(project, "  content_check:\n", "  content_check:\n    stale_translation: fail\n")
    replace(project / "mkdocs.yml", "Call {clinic_name} at {clinic_phone}", "Phone {clinic_name} on {clinic_phone}")
    return "languages/es/mkdocs.yml", line_of(project / "languages/es/mkdocs.yml", "    get-checked:")  # the Spanish card


RECORD = "[sign-off]\ndate: 2026-12-01\nby: Dr A\nwords:\n  One.\n"


def record(name: str, text: str, first: str):
    def make(project: Path):
        path = project / "reviews" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
        return f"reviews/{name}", line_of(path, first)
    return make


def no_symptoms_per_page(project: Path):
    setting(project, "    storage_key: vein-guide:checklist:v1\n", "    storage_key: vein-guide:checklist:v1\n    max_symptoms_per_page: 0\n")
    return "mkdocs.yml", line_of(project / "mkdocs.yml", "    max_symptoms_per_page: 0")


def empty_disclaimer(project: Path):
    return setting(project, "  disclaimer: >-\n    This page is general information, not a diagnosis.\n"
                            "    Talk to a professional about your own symptoms and what is right for you.\n", '  disclaimer: ""\n')


def clinic_phone(project: Path):
    return setting(project, "    phone: 555-0100\n", "    phone: call us\n")


def spanish(name: str, old: str, new: str, where: str, first: str | None):
    """A change in the Spanish docs; the message names `where` at the line of `first` there (None: any line)."""
    def make(project: Path):
        replace(project / "languages/es/docs" / name, old, new)
        return where, line_of(project / where, first) if first else ...
    return make


def spanish_page_without_original(project: Path):
    (project / "languages/es/docs/extra.md").write_text("---\ntitle: Otra\n---\n\n# Otra\n", "utf-8")
    return "languages/es/docs/extra.md", 1


def glossary_entry_missing_in_spanish(project: Path):
    path = project / "languages/es/docs/glossary.yml"
    entries = yaml.safe_load(path.read_text("utf-8"))
    path.write_text(yaml.safe_dump([e for e in entries if e["original"] != "dehydration"], allow_unicode=True, sort_keys=False), "utf-8")
    return "docs/glossary.yml", line_of(project / "docs/glossary.yml", "- term: dehydration")


def language_file(project: Path, old: str, new: str, first: str):
    """languages/es/mkdocs.yml with `old` replaced by `new`; the message names the line on which `first` starts."""
    path = project / "languages/es/mkdocs.yml"
    replace(path, old, new)
    return "languages/es/mkdocs.yml", line_of(path, first)


def config_not_yaml(project: Path):
    return setting(project, "site_name: Leg pain", "site_name: Leg: pain")


def edit_uri_naming_docs(project: Path):
    setting(project, "edit_uri: edit/main/", "edit_uri: edit/main/docs/")
    return "mkdocs.yml", None


FROM_MISTAKES = {case[0]: case for case in MISTAKES}


def mistake(name: str):
    """A case of tests/test_editor_mistakes.py: its files and menu, and where its message points (`docs/page.md:8:`)."""
    _, files, nav, where, _ = FROM_MISTAKES[name]
    path, colon, number = where.rstrip(":").partition(":")
    line = int(number) if number else ... if where.endswith(":") else None  # "docs/page.md:": some line

    def make(dest: Path):
        return small_project(dest, files, nav), path, line
    return make


def on_copy(change):
    """A case made by `change(project)` on a copy of the project with page.md (tests/helpers.py small_project)."""
    def make(dest: Path):
        project = small_project(dest)
        return project, *change(project)
    return make


BUILD_CASES = {  # a distinctive part of the row's first cell: a copy of the project with that mistake (-> the project,
    # the file the message names, its line: None when the message names the file only, ... for any line)
    "front matter is not valid YAML": mistake("yaml-malformed"),
    "front matter opened with '---' is never closed": mistake("front-matter-never-closed"),
    "front matter must be 'key: value' lines": mistake("front-matter-is-a-list"),
    "is set twice": mistake("key-set-twice"),
    "unknown front-matter key": mistake("key-misspelt"),
    "must be text on one line": mistake("title-not-text"),
    "contains HTML; write plain words": mistake("html-in-title"),
    "'description' must be one sentence": mistake("description-two-sentences"),
    "'terms' must be a list of phrases": mistake("terms-not-a-list"),
    "a date in the front matter is not a real date": mistake("date-impossible"),
    "must be later than 'reviewed'": mistake("review-dates-reversed"),
    "'sources' must be a list": on_copy(in_front_matter("title: A page\nsources: the NHS website", "sources:")),
    "must be a full web address starting with https://": mistake("source-not-https"),
    "'hide' must be a list of some of": mistake("hide-unknown-part"),
    "the title '…' is already used by": mistake("title-used-twice"),
    "the term '…' is already claimed by": mistake("term-claimed-twice"),
    "would both be published at": mistake("page-beside-folder-index"),
    "the file is not UTF-8 text": mistake("not-utf-8"),
    "but the target is not found": mistake("broken-link"),
    "does not contain an anchor": mistake("broken-anchor"),
    "this page is not in the site's menu": mistake("page-missing-from-nav"),
    "is included in the 'nav' configuration": mistake("nav-names-missing-page"),
    "points at a Markdown file": mistake("raw-link-to-markdown-file"),
    "leads to no page or file of the site": mistake("raw-link-to-missing-page"),
    "no symptom list found for the checklist": mistake("markers-missing"),
    "the symptom list has only one marker": on_copy(on_page("Words.\n\n<!-- checklist:start -->\n- a", "<!-- checklist:start -->")),
    "the checklist markers appear more than once": mistake("markers-twice"),
    "the symptom list between the checklist markers is empty": mistake("markers-list-empty"),
    "comes before": on_copy(on_page("Words.\n\n<!-- checklist:end -->\n- a\n<!-- checklist:start -->", "<!-- checklist:end -->")),
    "max_symptoms_per_page must be a whole number": on_copy(no_symptoms_per_page),
    "raw <…> is not allowed": mistake("raw-script"),
    "the attribute 'on…' … would run code": mistake("raw-on-attribute"),
    "the attribute 'style' … is not allowed": mistake("raw-style-attribute"),
    "table columns cannot be aligned": mistake("table-column-aligned"),
    "the attribute '…' is not allowed on <…>": on_copy(on_page('A <span data-tracking="1">word</span>.', "A <span")),
    "is not a safe address": mistake("javascript-link"),
    "is loaded from another website": mistake("image-from-another-website"),
    "the image has no alt text": mistake("image-without-alt"),
    "'<…>' is never closed": mistake("div-never-closed"),
    "an HTML comment '<!--' is never closed": mistake("comment-never-closed"),
    "closes a <…> that was never opened": mistake("close-tag-never-opened"),
    "quotes or lists are nested": mistake("deep-quotes"),
    "the review was due on": on_copy(overdue_review),
    "is still the shipped example": on_copy(example_clinic),
    "no care card called": on_copy(on_page("Words.\n\n<!-- care-card: nope -->", "<!-- care-card: nope -->")),
    "extra.disclaimer must be a sentence or two": on_copy(empty_disclaimer),
    "docs/glossary.yml:…": on_copy(glossary_without_source),
    "changed since its sign-off on": on_copy(changed_since_sign_off),
    "its original … changed since the translation was recorded": on_copy(stale_translation),
    "translates …, which changed since the translation was recorded": on_copy(stale_site_text),
    "this is the record of …, which does not exist": on_copy(record("docs/gone.md.txt", RECORD, "[sign-off]")),
    "has no such item any more": on_copy(record("docs/glossary.yml.txt", RECORD.replace("[sign-off]", "[approval] veins"), "[approval]")),
    "unknown section": on_copy(record("docs/causes.md.txt", RECORD.replace("[sign-off]", "[signoff]"), "[signoff]")),
    "is in the future": on_copy(record("docs/causes.md.txt", RECORD.replace("2026-12-01", "2999-01-01"), "date:")),
    "'review_period_months' must be a whole number": on_copy(in_front_matter("title: A page\nreview_period_months: 0",
                                                                      "review_period_months")),
    "extra.clinic…": on_copy(clinic_phone),
    "this page has no English version": on_copy(spanish_page_without_original),
    "the marked symptom list has": on_copy(spanish("symptoms.md", "- Piel de color café cerca de los tobillos\n", "",
                                           "languages/es/docs/symptoms.md", None)),
    "'terms' has … term(s) but": on_copy(spanish("causes.md", "  - dolor en las piernas\n", "", "languages/es/docs/causes.md",
                                         "terms:")),
    "has no entry in languages/es/docs/glossary.yml": on_copy(glossary_entry_missing_in_spanish),
    "names original": on_copy(spanish("glossary.yml", "original: vein valves", "original: vein flaps",
                              "languages/es/docs/glossary.yml", None)),
    "hooks: remove it from this file": on_copy(lambda project: language_file(
        project, "\nnav:\n", "\nhooks:\n  - ../../scripts/hooks.py\n\nnav:\n", "hooks:")),
    "theme.language is '…' but this is the language file of": on_copy(lambda project: language_file(
        project, "  language: es  #", "  language: fr  #", "  language: fr")),
    "storage_key '…' is also the key of": on_copy(lambda project: language_file(
        project, "    storage_key: vein-guide:checklist:es:v1", "    storage_key: vein-guide:checklist:v1",
        "    storage_key: vein-guide:checklist:v1")),
    "theme.favicon '…' is not a file": on_copy(lambda project: setting(
        project, "  favicon: assets/favicon.svg", "  favicon: assets/no-such-mark.svg")),
    "mkdocs.yml:…: not valid YAML": on_copy(config_not_yaml),
    "names the docs folder": on_copy(edit_uri_naming_docs),
}

NOT_BUILD_MESSAGES = {  # rows `make site` never prints, and why
    "the clinic's article reads at grade": "`make check` only: a reading grade never stops a build",
    "the site's own text reads at grade": "`make check` only: a reading grade never stops a build",
    "the approval of '…' is void": "a warning of `make check` only: `make site` still publishes",
    "sign-off needs the name of the person signing off": "`make sign-off`'s own message, not the build's",
    "PAGE=… names no page": "`make sign-off` and `make translated`, not the build",
    "sign-off needs one of PAGE=…": "`make sign-off` and `make translated`, not the build",
    "GLOSSARY=… names no glossary entry": "`make sign-off` and `make translated`, not the build",
    "is written over several lines": "`make sign-off`'s own message, not the build's",
    "orphan page": "`make check` only: an orphan page never stops a build",
    "this page has no Español version": "a note (INFO) in the build's log: the build goes on, nothing to annotate",
    "leaves the language '…' out": "the command's own answer to a CLINIC= or serve-… name: no file or line to point at",
}


def test_every_row_of_the_table_is_covered():
    """Each row of EDITING.md's table is exactly one build case or one message the build never prints."""
    rows = table_rows()
    assert len(rows) > 60
    for row in rows:
        owners = [key for key in [*BUILD_CASES, *NOT_BUILD_MESSAGES] if key in row]
        assert len(owners) == 1, (row, owners)
    for key in [*BUILD_CASES, *NOT_BUILD_MESSAGES]:
        assert any(key in row for row in rows), f"{key!r} is no row of EDITING.md's table"


# --- the forge's view of a real failing build ----------------------------------------------------------------------

def annotations(log: str, tmp_path: Path) -> list[dict]:
    """What the GitHub problem matcher makes of `log`: one dict per annotation (file, line, severity, message)."""
    (tmp_path / "log.txt").write_text(log, "utf-8")
    done = subprocess.run(["node", "-e", RUN_MATCHER, str(MATCHER), str(tmp_path / "log.txt")], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.build
@pytest.mark.parametrize("row", list(BUILD_CASES))
def test_each_message_is_annotated_on_its_file_and_line(tmp_path, row):
    project, where, line = BUILD_CASES[row](tmp_path / "project")
    report = tmp_path / "gl-code-quality-report.json"
    done = subprocess.run([sys.executable, "scripts/build_site.py", "--code-quality", str(report)], cwd=project,
                          capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    log = done.stdout + "\n" + done.stderr
    assert done.returncode != 0, log
    assert not (project / "site").exists()

    def here(path: str, number) -> bool:  # the matcher may see an absolute path (MkDocs names its config so)
        same = os.path.normpath(os.path.join(project, path)) == os.path.normpath(project / where)
        return same and (str(number) == str(line) if line is not ... else number not in (None, ""))

    says = max(row.split("…"), key=len).strip(" '")  # what the row's message says, between its placeholders

    def about(path: str, message: str) -> bool:
        return says in f"{path}: {message}"

    github = annotations(log, tmp_path)
    assert any(here(found.get("file", ""), found.get("line") if line is not None else None)
               and about(found.get("file", ""), found.get("message", "")) for found in github), (says, github, log)
    assert all(found["severity"].lower() in ("error", "warning") for found in github)
    gitlab = json.loads(report.read_text("utf-8"))
    assert any(here(issue["location"]["path"], issue["location"]["lines"]["begin"] if line is not None else None)
               and about(issue["location"]["path"], issue["description"]) for issue in gitlab), (says, gitlab, log)
    assert all(issue["location"]["lines"]["begin"] >= 1 and issue["description"] and issue["check_name"]
               and issue["severity"] in ("major", "minor") for issue in gitlab)
    assert len({issue["fingerprint"] for issue in gitlab}) == len(gitlab)


@pytest.mark.build
def test_a_clinics_build_names_the_files_from_the_project_folder(tmp_path):
    project = small_project(tmp_path / "project")
    causes = project / "docs" / "causes.md"
    replace(causes, "Many of us", "<font>Many</font> of us")
    report = tmp_path / "report.json"
    done = subprocess.run([sys.executable, "scripts/build_site.py", "-f", "clinics/riverside.yml", "-d", "site-riverside",
                           "--code-quality", str(report)], cwd=project, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert done.returncode != 0
    issues = json.loads(report.read_text("utf-8"))
    assert [(issue["location"]["path"], issue["location"]["lines"]["begin"]) for issue in issues] == [
        ("docs/causes.md", line_of(causes, "<font>"))], done.stderr


@pytest.mark.build
def test_a_clean_build_writes_an_empty_report(tmp_path):
    project = small_project(tmp_path / "project")
    report = tmp_path / "report.json"
    done = subprocess.run([sys.executable, "scripts/build_site.py", "--code-quality", str(report)], cwd=project,
                          capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert done.returncode == 0, done.stderr
    assert json.loads(report.read_text("utf-8")) == []
    assert "Built the site into site/" in done.stdout  # the terminal still shows everything


@pytest.mark.parametrize("line, where", [
    # a line of a build's output; what the report makes of it (None: not a message)
    ("ERROR   -  docs/page.md:8: raw <script> is not allowed", ("docs/page.md", 8, "error")),
    ("WARNING -  patient_site: languages/es/docs/x.md:1: this page has no English version", ("languages/es/docs/x.md", 1, "warning")),
    ("docs/page.md: the review was due on 2021-01-01", ("docs/page.md", 1, "error")),
    ("../docs/causes.md:11: raw <font> is not allowed", ("docs/causes.md", 11, "error")),  # named from another folder
    ("INFO    -  docs/causes.md:1: this page has no Español version", None),
    ("INFO    -  Building documentation to directory: /x/site", None),
    ("Aborted with a BuildError!", None),
    ("The build failed: site/ was left as it was. Fix the problem named above and try again.", None),
])
def test_which_lines_are_messages(line, where):
    found = findings(line, ROOT / "clinics" if line.startswith("../") else ROOT, ROOT)
    assert [(f.path, f.line, f.severity) for f in found] == ([where] if where else [])


def test_the_same_message_twice_in_a_file_gets_two_fingerprints_and_a_moved_one_keeps_its_own():
    one = Finding("docs/a.md", 3, "error", "raw <font> is not allowed")
    moved = Finding("docs/a.md", 9, "error", "raw <font> is not allowed")
    assert code_climate([one])[0]["fingerprint"] == code_climate([moved])[0]["fingerprint"]
    twice = code_climate([one, moved])
    assert twice[0]["fingerprint"] != twice[1]["fingerprint"]


def test_the_matcher_is_the_report_s_patterns():
    """One reading of the build's messages for both forges."""
    from patient_site.editor import code_quality

    patterns = [p["regexp"] for matcher in json.loads(MATCHER.read_text("utf-8"))["problemMatcher"] for p in matcher["pattern"]]
    assert patterns == [code_quality.MESSAGE.pattern, code_quality.CONFIG_ERROR.pattern, code_quality.CONFIG_WHERE.pattern]
    assert re.compile(patterns[0])
