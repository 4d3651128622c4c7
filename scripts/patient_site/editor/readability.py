"""Reading grade by language: Flesch–Kincaid for English, Fernández-Huerta for Spanish, both as a US school grade.

`make check` compares every language with one target (`extra.content_check.target_grade`), so each formula's
result is given as a grade. Fernández-Huerta (1959) is Flesch's reading ease refitted for Spanish:
    ease = 206.84 - 0.60 * P - 1.02 * F      (P syllables per 100 words, F words per sentence)
F is words per sentence, as in Flesch's formula and in textstat; some copies of the formula print "sentences
per 100 words", which would make long sentences look easy (https://legible.es/blog/lecturabilidad-fernandez-huerta/).
Its published table reads an ease of 90-100 as 4th grade, 80-90 as 5th, 70-80 as 6th, 60-70 as 7th-8th, 50-60
as early secondary school, 30-50 as late secondary school and below 30 as university; `ease_to_grade` reads
between those bands in straight lines, which makes it an approximation, said as such in the report. Syllables
come from Pyphen's Spanish hyphenation dictionary (installed with textstat; no network), where a Spanish
hyphenation point is a syllable break. textstat 0.7.3 has `fernandez_huerta` too, but its language is a
process-wide setting (`textstat.set_lang`), which a second language in the same process would change for all.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pyphen
import textstat

from patient_site.preview import code_digest, digest
from patient_site.shared_conversions import versions
from patient_site.shared_store import SharedStore

T = TypeVar("T")

FORMULAS = {"en": "Flesch–Kincaid grade", "es": "Fernández-Huerta reading ease, as a US grade"}
# (ease, grade) corners of the Fernández-Huerta table, easiest first
BANDS = [(100.0, 3.0), (90.0, 4.0), (80.0, 5.0), (70.0, 6.0), (60.0, 8.0), (50.0, 10.0), (30.0, 12.0), (0.0, 16.0)]
WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
_SPANISH = pyphen.Pyphen(lang="es", left=1, right=1)  # a dictionary, read once: it never changes


def formula(language: str) -> str:
    return FORMULAS.get(language, FORMULAS["en"])


@functools.lru_cache(maxsize=65536)  # a pure function of the word: a page's words recur on every page and every clinic's
def syllables_es(word: str) -> int:
    return len(_SPANISH.positions(word.lower())) + 1


def fernandez_huerta(text: str, sentences: int) -> float:
    words = WORD.findall(text)
    if not words or not sentences:
        return 100.0
    per_100 = 100.0 / len(words)
    return 206.84 - 0.60 * sum(syllables_es(word) for word in words) * per_100 - 1.02 * len(words) / sentences


def ease_to_grade(ease: float) -> float:
    """The US grade the Fernández-Huerta table gives an ease score, read in straight lines between its bands."""
    if ease >= BANDS[0][0]:
        return BANDS[0][1]
    for (high, easy_grade), (low, hard_grade) in zip(BANDS, BANDS[1:]):
        if ease >= low:
            return easy_grade + (high - ease) / (high - low) * (hard_grade - easy_grade)
    return BANDS[-1][1]


def grade(sentences: list[str], language: str = "en") -> float:
    """The reading grade of these sentences, read together, with the language's formula."""
    text = " ".join(sentences)
    if language == "es":
        return round(ease_to_grade(fernandez_huerta(text, len(sentences))), 1)
    return float(textstat.flesch_kincaid_grade(text))


GRADERS = ("textstat", "pyphen")


class SharedGrades(SharedStore):
    """Reading grades shared by every build of the project (`.build/cache/grades/`): the clinics publish the same
    pages, so `make sites` grades each page's sentences once, not once per clinic. An entry is keyed by the
    sentences themselves, with the language, our code and the graders' versions."""

    def __init__(self, folder: Path, language: str):
        self.site_key = digest(code_digest(), versions(GRADERS), language)
        super().__init__(folder, self.site_key)

    def graded(self, sentences: list[str], grade: Callable[[], T]) -> T:
        """What `grade()` gives for these sentences: stored by an earlier build, or worked out now and stored."""
        return self.made(digest(self.site_key, sentences), grade)
