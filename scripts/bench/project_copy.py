"""A private copy of the project's sources, for tests that break them and benchmarks that time them."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROJECT_PARTS = ("mkdocs.yml", "docs", "languages", "clinics", "overrides", "scripts", "reviews")


def copy_project(dest: Path) -> Path:
    """Copy mkdocs.yml, docs/, languages/, clinics/, overrides/, scripts/ and reviews/ into `dest` (created if needed) and return it."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / part)
    return dest
