"""`extra.content_check` in mkdocs.yml (checked by patient_site/settings.py): the reading-grade target, what an
overdue review is, and the publishing guard.

Its own small module so the settings can be checked at every build (and `serve`) without loading textstat,
which only `make check` and `make site` need.
"""

from __future__ import annotations

from dataclasses import dataclass

TARGET_GRADE = 8.0
POLICIES = ("warn", "fail")  # a warning, or an error that stops `make site`
# Named targets an editor may write instead of a number (US school grade, Flesch–Kincaid).
TARGETS = {
    "nih": (8.0, "NIH and AMA: US grade 8 at most"),
    "nhs": (6.0, "NHS: reading age 9 to 11, about US grade 5 to 6"),
}
DEFAULT_LABEL = "US grade 8, the default"


@dataclass(frozen=True)
class Settings:
    """`extra.content_check` in mkdocs.yml."""

    target_grade: float = TARGET_GRADE
    overdue_review: str = "warn"
    example_clinic: str = "warn"  # the publishing guard: `fail` makes `make site` refuse the shipped example clinic
    review_period_months: int = 24  # a sign-off's next review, unless the page sets review_period_months
    changed_since_review: str = "warn"  # a page whose words differ from its signed-off words (patient_site/review)
    stale_translation: str = "warn"  # a translation whose original's words changed since it was recorded
    target_label: str = DEFAULT_LABEL

    @classmethod
    def made(cls, target_grade: tuple[float, str], **values) -> Settings:
        """From checked settings: `target_grade` is (grade, how to name it in the report)."""
        grade, label = target_grade
        return cls(target_grade=grade, target_label=label, **values)
