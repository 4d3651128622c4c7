"""The CI templates under deploy/ci/ (one per forge: the clinics as jobs, branch previews, our messages as annotations).

Each passes the schema check-jsonschema ships for its forge (GitHub workflows, GitLab CI), offline: every request
would go to a proxy that is not there. The same check refuses a template with one mistake, so passing means something.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpers import ROOT

CI = ROOT / "deploy" / "ci"
GITHUB = CI / "github-workflow.yml"
GITLAB = CI / "gitlab-ci.yml"
OFFLINE = {**os.environ, "HTTPS_PROXY": "http://127.0.0.1:9", "HTTP_PROXY": "http://127.0.0.1:9", "NO_PROXY": ""}


def check(template: Path, schema: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "check_jsonschema", "--no-cache", "--builtin-schema", schema, str(template)]
    return subprocess.run(command, capture_output=True, text=True, env=OFFLINE)


@pytest.mark.parametrize("template, schema", [(GITHUB, "vendor.github-workflows"), (GITLAB, "vendor.gitlab-ci")])
def test_each_template_passes_its_forges_schema_offline(template, schema):
    done = check(template, schema)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("template, schema, old, new", [  # a template, its schema; one mistake made in a copy
    (GITHUB, "vendor.github-workflows", "    runs-on: ubuntu-24.04\n", "    runs_on: ubuntu-24.04\n"),
    (GITLAB, "vendor.gitlab-ci", "  stage: publish\n", "  stage: publish\n  when: sometimes\n"),
])
def test_the_schema_check_refuses_a_mistake(tmp_path, template, schema, old, new):
    text = template.read_text("utf-8")
    assert old in text
    broken = tmp_path / template.name
    broken.write_text(text.replace(old, new, 1), "utf-8")
    assert check(broken, schema).returncode != 0


def clinics() -> list[str]:
    return sorted(path.stem for path in (ROOT / "clinics").glob("*.yml"))


def test_gitlab_builds_the_main_site_and_every_clinic_file():
    """parallel:matrix is written out, so `make test` holds it to the files in clinics/."""
    pipeline = yaml.safe_load(GITLAB.read_text("utf-8"))
    [matrix] = pipeline[".clinics"]["parallel"]["matrix"]
    assert matrix["CLINIC"] == ["main", *clinics()]
    for job in ("site", "preview", "publish"):
        assert pipeline[job]["extends"] in (".clinics", ".site")
    site = pipeline[".site"]
    assert site["extends"] == ".clinics"
    assert any("make site CLINIC=" in line and "CODE_QUALITY=gl-code-quality-report.json" in line for line in site["script"])
    assert site["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert site["artifacts"]["when"] == "always"  # the report of a failed build is the one the editor needs
    assert pipeline["test"]["script"] == ["make test"]
    assert pipeline["preview"]["environment"]["url"] == "$PREVIEW_URL"  # the review app's "View app"
    assert set(pipeline["publish"]["needs"]) == {"test", "site"}


def test_github_builds_every_clinic_with_the_matcher_and_publishes_main_after_the_tests():
    workflow = yaml.safe_load(GITHUB.read_text("utf-8"))
    jobs = workflow["jobs"]
    listing = jobs["clinics"]["steps"][-1]["run"]
    assert "clinics/*.yml" in listing
    assert jobs["site"]["strategy"]["matrix"]["clinic"] == jobs["publish"]["strategy"]["matrix"]["clinic"]
    runs = [step.get("run", "") for step in jobs["site"]["steps"]]
    matcher = next(run for run in runs if "::add-matcher::" in run).split("::add-matcher::")[1].strip().strip('"')
    assert (ROOT / matcher).is_file()
    assert runs.index(next(run for run in runs if "::add-matcher::" in run)) < runs.index("make site CLINIC=${{ matrix.clinic }}")
    assert [step.get("run") for step in jobs["test"]["steps"]][-1] == "make test"
    assert set(jobs["publish"]["needs"]) >= {"test", "site"} and jobs["publish"]["if"] == "github.ref_name == 'main'"
    assert "steps.preview.outputs.url" in jobs["site"]["environment"]["url"]  # "View deployment" on the pull request
