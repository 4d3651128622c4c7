"""`extra.content_check` in mkdocs.yml: the reading-grade target and what an overdue review is.

Its own small module so the MkDocs hook can check these settings at every build (and `serve`) without
loading textstat, which only `make check` and `make site` need.
"""

from __future__ import annotations

from dataclasses import dataclass

TARGET_GRADE = 8.0
POLICIES = ("warn", "fail")  # what an overdue review is: a warning, or an error that stops `make site`


@dataclass(frozen=True)
class Settings:
    """`extra.content_check` in mkdocs.yml."""

    target_grade: float = TARGET_GRADE
    overdue_review: str = "warn"

    # Removed once the glue calls load_settings (patient_site/settings.py checks extra.content_check now) ----------------

    @classmethod
    def from_mapping(cls, data: object) -> "Settings":
        data = {} if data is None else data
        if not isinstance(data, dict) or set(data) - {"target_grade", "overdue_review"}:
            raise ValueError("extra.content_check may set only target_grade (a number) and overdue_review (warn or fail)")
        settings = cls(**data)
        if settings.overdue_review not in POLICIES or not isinstance(settings.target_grade, (int, float)):
            raise ValueError("extra.content_check: target_grade must be a number and overdue_review 'warn' or 'fail'")
        return settings
