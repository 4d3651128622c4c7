"""The layout's promises (ARCHITECTURE.md), checked on the code itself: one hook, and mkdocs imported in one place."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import yaml

from helpers import ROOT

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


@pytest.mark.parametrize("config, hook", [("mkdocs.yml", "scripts/hooks.py"), ("clinics/riverside.yml", "../scripts/hooks.py")])
def test_each_config_registers_the_one_hook_and_nothing_of_the_benchmark(config, hook):
    text = (ROOT / config).read_text("utf-8")
    hooks = yaml.safe_load("\n".join(line for line in text.splitlines() if not line.startswith("INHERIT")))["hooks"]
    assert hooks == [hook]


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
