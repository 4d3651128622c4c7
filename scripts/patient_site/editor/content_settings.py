"""`extra.content_check` in mkdocs.yml: the reading-grade target, what an overdue review is, and the publishing guard.

Its own small module so the MkDocs hook can check these settings at every build (and `serve`) without
loading textstat, which only `make check` and `make site` need.
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
KEYS = ("target_grade", "overdue_review", "example_clinic")
HOW = ("extra.content_check may set target_grade (a number, or nhs or nih), overdue_review (warn or fail) "
       "and example_clinic (warn or fail)")


@dataclass(frozen=True)
class Settings:
    """`extra.content_check` in mkdocs.yml."""

    target_grade: float = TARGET_GRADE
    overdue_review: str = "warn"
    example_clinic: str = "warn"  # the publishing guard: `fail` makes `make site` refuse the shipped example clinic
    target_label: str = "US grade 8, the default"

    @classmethod
    def from_mapping(cls, data: object) -> "Settings":
        data = {} if data is None else data
        if not isinstance(data, dict) or set(data) - set(KEYS):
            raise ValueError(HOW)
        values = dict(data)
        target = values.get("target_grade", TARGET_GRADE)
        if isinstance(target, str) and target.lower() in TARGETS:
            values["target_grade"], values["target_label"] = TARGETS[target.lower()]
        elif isinstance(target, bool) or not isinstance(target, (int, float)):
            raise ValueError(f"extra.content_check: target_grade must be a number, nhs or nih, not {target!r}")
        elif "target_grade" in values:
            values["target_label"] = f"US grade {target:g}, set in mkdocs.yml"
        for key in ("overdue_review", "example_clinic"):
            if values.get(key, "warn") not in POLICIES:
                raise ValueError(f"extra.content_check: {key} must be 'warn' or 'fail', not {values[key]!r}")
        return cls(**values)
