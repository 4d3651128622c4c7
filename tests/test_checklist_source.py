"""The checklist follows the marked list in symptoms.md, and a broken list stops the build by name."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import Built, build_in_process, copy_project

pytestmark = pytest.mark.build

SYMPTOMS = Path("docs/symptoms.md")


def edited_build(tmp_path, edit) -> Built:
    project = copy_project(tmp_path / "project")
    source = project / SYMPTOMS
    source.write_text(edit(source.read_text("utf-8")), "utf-8")
    return build_in_process(project, tmp_path / "site")


def labels(built) -> list[str]:
    form = built.soup("checklist/").select_one("section.checklist")
    return [label.get_text(" ", strip=True) for label in form.find_all("label")]


def test_checklist_follows_added_and_removed_bullets(tmp_path):
    def edit(text):
        text = text.replace("- Tight feeling in your calves\n", "")
        return text.replace("<!-- checklist:end -->", "- Restless, *aching* legs in the evening\n<!-- checklist:end -->")

    built = edited_build(tmp_path, edit)
    assert built.returncode == 0, built.log
    found = labels(built)
    assert "Tight feeling in your calves" not in found
    assert found[-1] == "Restless, aching legs in the evening"
    assert found[0] == "Swelling in the legs or ankles"
    assert len(found) == 8


@pytest.mark.parametrize(
    "edit, message",
    [
        (lambda t: t.replace("<!-- checklist:start -->\n", "").replace("<!-- checklist:end -->\n", ""), "no symptom list found"),
        (lambda t: t.replace("<!-- checklist:end -->\n", ""), "only one marker"),
        (lambda t: t[: t.index("<!-- checklist:start -->")] + "<!-- checklist:start -->\n<!-- checklist:end -->\n", "is empty"),
        (lambda t: t + "\n<!-- checklist:start -->\n- again\n<!-- checklist:end -->\n", "more than once"),
    ],
    ids=["markers-missing", "end-marker-missing", "list-empty", "markers-twice"],
)
def test_broken_symptom_list_stops_the_build_naming_the_file(tmp_path, edit, message):
    built = edited_build(tmp_path, edit)
    assert built.returncode != 0
    assert "docs/symptoms.md" in built.log and message in built.log, built.log
    assert "Traceback" not in built.log
    assert not (tmp_path / "site" / "checklist").exists()
