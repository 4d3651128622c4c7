"""The site menu (patient_site.theme.nav_menu via overrides/partials/nav.html) writes what Material's own templates write.

Material's `partials/nav.html` and ours are rendered by the real Jinja templates, page by page, for a nested
library (folders with and without index pages, a folder holding only its index) and for the 404 page, under
each combination of the menu features the site supports. The two menus are compared as parsed trees: the
same elements, attributes and text, whitespace aside.
"""

from __future__ import annotations

import jinja2
import lxml.html
import pytest
from bench.corpus import layout, write_configs, write_library
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import get_navigation
from mkdocs.utils import get_relative_url

from helpers import ROOT, build_in_process, copy_project
from patient_site.mkdocs.theme import _site_menu

pytestmark = pytest.mark.build

MENU = """{% import "partials/language.html" as lang with context %}{% set features = config.theme.features or [] %}\
{% include "partials/nav.html" %}"""
FEATURES = [["navigation.indexes", "navigation.prune"], ["navigation.prune"], ["navigation.indexes"], []]


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    """A plain-Material config (no hook) of a nested library, with an index-less folder and an index-only one."""
    folder = tmp_path_factory.mktemp("menu")
    docs = folder / "docs"
    write_library(120, docs, ROOT / "docs")
    paths = layout(120)
    index_less = next(path for path in paths if path.count("/") == 2 and path.endswith("/index.md"))
    (docs / index_less).unlink()
    (docs / "solo").mkdir()
    (docs / "solo" / "index.md").write_text("---\ntitle: Solo\n---\n\n# Solo\n\nOnly an index.\n", "utf-8")
    first_list = next(path for path in paths if path != "index.md")
    return write_configs(ROOT, folder, docs, first_list)["plain"]


def tree(html: str) -> list[str]:
    def walk(element, depth):
        attributes = {name: " ".join(value.split()) for name, value in sorted(element.attrib.items())}
        lines = [f"{'  ' * depth}{element.tag} {attributes} {' '.join((element.text or '').split())!r}"]
        for child in element:
            lines += walk(child, depth + 1)
        if (element.tail or "").strip():
            lines.append(f"{'  ' * depth}tail {' '.join(element.tail.split())!r}")
        return lines
    return walk(lxml.html.fragment_fromstring(html), 0)


def _our_icon(name: str) -> str | None:
    path = ROOT / "overrides" / name
    return path.read_text("utf-8") if name.startswith(".icons/") and path.is_file() else None


@pytest.mark.parametrize("features", FEATURES, ids=lambda features: "+".join(features) or "none")
def test_our_menu_is_materials_menu_on_every_page(library, features):
    config = load_config(str(library))
    config.theme["features"] = features
    config["repo_url"] = None  # our menu leaves Material's repository widget out on purpose (overrides/partials/source.html)
    files = get_files(config)
    nav = get_navigation(files, config)
    material = config.theme.get_env()
    # Our icon files (overrides/.icons: drawn from the stylesheet) on both sides: this test compares the menu's markup.
    material.loader = jinja2.ChoiceLoader([jinja2.FunctionLoader(_our_icon), material.loader])
    ours = material.overlay(loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(ROOT / "overrides")), material.loader]))
    ours.globals["site_menu"] = _site_menu(features)
    pages = [file.page for file in files.documentation_pages()]
    for page in pages:
        page.read_source(config)
        page.render(config, files)  # the table of contents, which the menu shows for the page being read
    compared = 0
    for page in [*pages, None]:  # None: the 404 page, which belongs to no page
        if page is not None:
            page.active = True
        context = {"nav": nav, "page": page, "config": config,
                   "base_url": get_relative_url(".", page.url) if page else "/"}
        expected = material.from_string(MENU).render(context)
        written = ours.from_string(MENU).render(context)
        assert tree(written) == tree(expected), page and page.file.src_uri
        if page is not None:
            page.active = False
        compared += 1
    assert compared == len(pages) + 1 > 100


def test_a_menu_feature_the_menu_cannot_write_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    original = (project / "mkdocs.yml").read_text("utf-8")
    text = original.replace("    - navigation.prune\n", "    - navigation.prune\n    - navigation.tabs\n")
    assert "navigation.tabs" not in original and text != original
    (project / "mkdocs.yml").write_text(text, "utf-8")
    built = build_in_process(project, tmp_path / "site")
    assert built.returncode != 0
    assert "mkdocs.yml" in built.log and "navigation.tabs" in built.log
    assert not (tmp_path / "site" / "index.html").exists()
