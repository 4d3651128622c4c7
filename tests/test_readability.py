"""Reading grade by language: Fernández-Huerta for Spanish (as a US grade), Flesch–Kincaid for English."""

from __future__ import annotations

import pytest
import textstat

from patient_site.editor.readability import ease_to_grade, fernandez_huerta, formula, grade, syllables_es


@pytest.mark.parametrize("word, syllables", [
    # a Spanish word, its syllables
    ("pierna", 2), ("calambres", 3), ("insuficiencia", 5), ("úlceras", 3), ("a", 1), ("venosa", 3),
])
def test_spanish_syllables_come_from_the_hyphenation_dictionary(word, syllables):
    assert syllables_es(word) == syllables


@pytest.mark.parametrize("ease, expected", [
    # Fernández-Huerta ease, the US grade the published table gives it
    (100, 3.0), (95, 3.5), (90, 4.0), (80, 5.0), (70, 6.0), (65, 7.0), (60, 8.0), (50, 10.0), (40, 11.0), (30, 12.0), (0, 16.0), (-20, 16.0),
])
def test_ease_is_read_as_a_grade_between_the_table_s_bands(ease, expected):
    assert ease_to_grade(ease) == pytest.approx(expected)


def test_the_formula_agrees_with_textstat_on_the_same_syllables():
    text = "Las venas llevan la sangre al corazón. Las válvulas se cierran."
    textstat.set_lang("es")
    try:
        expected = textstat.fernandez_huerta(text)
    finally:
        textstat.set_lang("en")
    assert fernandez_huerta(text, 2) == pytest.approx(expected, abs=3)


def test_a_long_spanish_sentence_grades_harder_than_a_short_one():
    short = ["Tiene dolor en la pierna."]
    long = ["Las opciones de tratamiento de la insuficiencia venosa crónica suelen ser no invasivas y se pueden "
            "realizar en el consultorio sin cirugía, después de las pruebas correspondientes."]
    assert grade(long, "es") > grade(short, "es") + 3


def test_each_language_names_its_formula():
    assert formula("es").startswith("Fernández-Huerta")
    assert formula("en") == formula("fr") == "Flesch–Kincaid grade"
