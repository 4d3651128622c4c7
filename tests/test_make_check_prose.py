"""`make check` grades prose, grades the site's words apart from the clinic's, and guards against the example clinic."""

from __future__ import annotations

import datetime
import pickle

import pytest
import textstat

from helpers import ROOT, copy_project, load_extra
from patient_site.editor.content_check import format_report, read_article, readability
from patient_site.editor.example_clinic import guard_messages
from patient_site.editor.readability import SharedGrades
from patient_site.mkdocs.commands import run_checks
from patient_site.settings import SettingsError

TODAY = datetime.date(2026, 12, 1)
PROSE = "The cat sat on the mat. It was a warm and sunny day."


def test_headings_and_list_fragments_are_not_graded_as_sentences():
    html = (f'<article class="md-content__inner"><h1>Symptoms</h1><p>{PROSE}</p>'
            "<ul><li>Swelling</li><li>Itchy legs</li><li>Cramps</li></ul><h2>More</h2></article>")
    article = read_article(html)
    grade, per_sentence, _ = readability(article.blocks, article.headings)
    assert grade == pytest.approx(textstat.flesch_kincaid_grade(PROSE))
    assert per_sentence == pytest.approx(6.5)


def test_the_sites_words_are_graded_apart_and_a_definition_does_not_cut_a_sentence():
    html = ('<article class="md-content__inner"><p>Cramps can follow <span class="glossary-term"><a href="#">dehydration</a>'
            '<span class="site-added">When your body loses more fluid than it takes in.</span></span> at night.</p>'
            '<div class="site-added"><p>Call the clinic.</p></div></article>')
    article = read_article(html)
    assert ["".join(b) for b in article.blocks if "".join(b).strip()] == ["Cramps can follow dehydration at night."]
    assert [" ".join("".join(b).split()) for b in article.site_blocks if "".join(b).strip()] == [
        "When your body loses more fluid than it takes in.", "Call the clinic."]


def test_sentences_an_earlier_build_graded_are_not_graded_again(tmp_path):
    """`make sites` grades every clinic's copy of a page once (`.build/cache/grades/`): what the store holds for
    the same sentences in the same language is the grade, and other sentences or another language are graded."""
    blocks = [["Leg cramps at night are common. They often ease when you stretch your calves before bed."]]
    first = SharedGrades(tmp_path, "en")
    assert readability(blocks, set(), "en", first) == readability(blocks)
    first.close()
    pack, = tmp_path.glob("*.pack")
    stored = pickle.loads(pack.read_bytes())
    assert len(stored) == 1
    stored = {key: pickle.dumps((19.5, 2.0, [])) for key in stored}
    pack.write_bytes(pickle.dumps(stored))
    assert readability(blocks, set(), "en", SharedGrades(tmp_path, "en")) == (19.5, 2.0, [])  # taken, not graded
    assert readability(blocks, set(), "es", SharedGrades(tmp_path, "es")) == readability(blocks, set(), "es")
    other = [["Leg cramps at night are common. They often ease when you walk."]]
    assert readability(other, set(), "en", SharedGrades(tmp_path, "en")) == readability(other)


@pytest.mark.parametrize("value, grade, label", [  # extra.content_check.target_grade as written; the grade; how it is named
    (None, 8.0, "US grade 8, the default"),
    ("nhs", 6.0, "NHS: reading age 9 to 11, about US grade 5 to 6"),
    ("nih", 8.0, "NIH and AMA: US grade 8 at most"),
    (7, 7, "US grade 7, set in mkdocs.yml"),
])
def test_the_nhs_target_is_an_option(value, grade, label):
    settings = load_extra(content_check={} if value is None else {"target_grade": value}).content_check
    assert (settings.target_grade, settings.target_label) == (grade, label)


def test_a_wrong_target_says_what_is_allowed():
    with pytest.raises(SettingsError, match=r"mkdocs\.yml:\d+: extra\.content_check\.target_grade must be a number between 1 and 20, nhs or nih, not 'easy'"):
        load_extra(content_check={"target_grade": "easy"})


def test_the_guard_names_each_shipped_example_value_and_its_line():
    text = (ROOT / "mkdocs.yml").read_text("utf-8")
    clinic = {"name": "Example Vein Clinic (fictional)", "phone": "555-0100", "website": "https://clinic.example.org/",
              "booking": "https://clinic.example.org/book", "emergency_number": "911"}
    messages = guard_messages("mkdocs.yml", text, clinic)
    line = text.splitlines().index("    name: Example Vein Clinic (fictional)") + 1
    assert messages[0] == (f"mkdocs.yml:{line}: extra.clinic.name is still the shipped example "
                           "('Example Vein Clinic (fictional)'); put in your clinic's real name before publishing")
    assert [m.split("extra.clinic.")[1].split(" ")[0] for m in messages] == ["name", "phone", "website", "booking"]
    real = {"name": "Hillside Vascular", "phone": "020 7946 1234", "website": "https://hillside-vascular.co.uk/",
            "booking": "https://hillside-vascular.co.uk/book", "emergency_number": "999"}
    assert guard_messages("mkdocs.yml", text, real) == []


@pytest.fixture(scope="module")
def reports(site):
    return run_checks(ROOT / "mkdocs.yml", site.site, TODAY)


@pytest.mark.build
def test_make_check_grades_generated_pages_and_lists_unapproved_glossary_entries(reports):
    found, settings = reports
    by_path = {report.path: report for report in found}
    checklist = by_path["checklist.md (generated)"]
    assert checklist.site_grade > 0 and not checklist.grade
    assert by_path["docs/symptoms.md"].site_grade > 0  # the care card and the disclaimer
    glossary = by_path["docs/glossary.yml"]
    assert glossary.notes and all("has not been approved" in note for note in glossary.notes)
    clinic = by_path["mkdocs.yml"]
    assert len(clinic.warnings) == 4 and not clinic.errors
    text = format_report(found, settings)
    assert "the clinic's article (only the clinic may reword it)" in text
    assert "the site's own text (you may simplify it)" in text
    assert "set target_grade: nhs" in text


@pytest.mark.build  # build_site builds every language, as `make site` does
def test_make_site_refuses_the_example_clinic_when_the_setting_asks(tmp_path, capsys):
    from build_site import build_site

    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("    example_clinic: warn", "    example_clinic: fail"), "utf-8")
    assert build_site(config, project / "site", TODAY) == 1
    assert "extra.clinic.phone is still the shipped example" in capsys.readouterr().err
    assert not (project / "site").exists()
