"""The layout's promises (ARCHITECTURE.md), checked on the code itself: one hook, and mkdocs imported in one place."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import yaml

from helpers import ROOT
from patient_site.composition import Site, compose_all

PACKAGE = ROOT / "scripts" / "patient_site"


def imported_modules(path: Path) -> set[str]:
    """Every module a Python file imports, by its full dotted name."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def imports_mkdocs(path: Path) -> bool:
    return any(name == "mkdocs" or name.startswith("mkdocs.") for name in imported_modules(path))


def test_the_config_registers_the_one_hook_and_nothing_of_the_benchmark():
    assert yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))["hooks"] == ["scripts/hooks.py"]


@pytest.mark.parametrize("config", sorted(str(path.relative_to(ROOT)) for path in [*ROOT.glob("clinics/*.yml"), *ROOT.glob("languages/*/mkdocs.yml")]))
def test_clinic_and_language_files_repeat_no_path_and_every_composed_config_has_the_one_hook(config):
    written = yaml.safe_load((ROOT / config).read_text("utf-8"))
    assert not {"INHERIT", "docs_dir", "hooks", "watch"} & set(written) and "custom_dir" not in (written.get("theme") or {})
    for composed in compose_all(Site.of_file(ROOT / config)):
        assert composed.data["hooks"] == [str(ROOT / "scripts" / "hooks.py")]


def test_only_the_mkdocs_subpackage_imports_mkdocs():
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 30
    outside = [str(path.relative_to(ROOT)) for path in modules if imports_mkdocs(path) and "mkdocs" not in path.relative_to(PACKAGE).parts[:-1]]
    assert outside == []
    assert imports_mkdocs(PACKAGE / "mkdocs" / "build.py")  # the check can see an import at all


def test_nothing_imports_the_hook():
    importers = [str(path.relative_to(ROOT)) for path in sorted((ROOT / "scripts").rglob("*.py")) + sorted((ROOT / "tests").glob("*.py"))
                 if "hooks" in imported_modules(path)]
    assert importers == []
