"""A docs tree for tests that break or extend one thing: the real project plus one page, `page.md`, to make mistakes in.

The real pages stay, so settings other features read from mkdocs.yml (pages they name) keep holding; each test
then writes, changes or deletes the few files its one mistake needs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from conftest import ROOT, copy_project

PAGE = "---\ntitle: A page\ndescription: A page where each test makes its one mistake.\n---\n\n# A page\n\nSome words.\n"


def _real_nav() -> list[str]:
    """The page files the real menu lists, in order (generated ones such as checklist.md included)."""
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    start = config.index("\nnav:\n") + len("\nnav:\n")
    block = config[start : config.index("\n\n", start)]
    names = [line.split("#")[0].strip().lstrip("- ").split(":")[-1].strip() for line in block.splitlines()]
    return [name for name in names if name.endswith(".md")]


REAL_NAV = _real_nav()
BASE_NAV = [*REAL_NAV, "page.md"]

Content = str | bytes | None | Callable[[str], str]


def small_project(dest: Path, pages: dict[str, Content] = {}, nav: list[str] | None = None) -> Path:
    """A private copy of the project with page.md added; `pages` writes files (None deletes, a function edits); sets the menu."""
    project = copy_project(dest)
    docs = project / "docs"
    for name, content in {"page.md": PAGE, **pages}.items():
        path = docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if content is None:
            path.unlink()
        elif callable(content):
            path.write_text(content(path.read_text("utf-8")), "utf-8")
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, "utf-8")
    config = (project / "mkdocs.yml").read_text("utf-8")
    start = config.index("\nnav:\n") + 1
    end = config.index("\n\n", start)
    menu = "nav:\n" + "".join(f"  - {page}\n" for page in (nav or BASE_NAV))
    (project / "mkdocs.yml").write_text(config[:start] + menu.rstrip("\n") + config[end:], "utf-8")
    return project
