"""A small docs tree for tests that break or extend one thing: the project's real config, scripts and theme."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT

BASE_PAGES = {
    "index.md": "---\ntitle: Home\ndescription: The home page of a small test site.\n---\n\n# Home\n\nRead [the page](page.md) and [the symptoms](symptoms.md).\n",
    "page.md": "---\ntitle: A page\ndescription: A page where each test makes its one mistake.\n---\n\n# A page\n\nSome words.\n",
    "symptoms.md": (
        "---\ntitle: Symptoms\ndescription: The symptoms to look out for.\nterms:\n  - symptoms\n---\n\n# Symptoms\n\n"
        "<!-- checklist:start -->\n- Swelling in the legs\n- Itchy legs\n<!-- checklist:end -->\n"
    ),
}


def _generated_pages() -> list[str]:
    """Pages the real menu lists that no file in docs/ holds: the ones the hooks generate (checklist.md …)."""
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    block = config[config.index("\nnav:\n") + 6 : config.index("\n\n", config.index("\nnav:\n") + 1)]
    names = [line.split("#")[0].strip().lstrip("- ").split(":")[-1].strip() for line in block.splitlines()]
    return [name for name in names if name.endswith(".md") and not (ROOT / "docs" / name).exists()]


BASE_NAV = ["index.md", "page.md", "symptoms.md", *_generated_pages()]


def small_project(dest: Path, pages: dict[str, str | bytes | None] = {}, nav: list[str] | None = None) -> Path:
    """Copies mkdocs.yml, overrides and scripts; writes BASE_PAGES updated by `pages` (None deletes one); sets the nav."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in ("overrides", "scripts"):
        shutil.copytree(ROOT / part, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "docs" / "assets", dest / "docs" / "assets")
    for name, content in {**BASE_PAGES, **pages}.items():
        if content is None:
            continue
        path = dest / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, "utf-8")
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    start = config.index("\nnav:\n") + 1
    end = config.index("\n\n", start)
    menu = "nav:\n" + "".join(f"  - {page}\n" for page in (nav or BASE_NAV))
    (dest / "mkdocs.yml").write_text(config[:start] + menu.rstrip("\n") + config[end:], "utf-8")
    return dest
