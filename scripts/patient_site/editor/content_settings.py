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
