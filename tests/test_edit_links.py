"""'Edit this page' (patient_site/editor/edit_links.py): every page a reader sees opens the file it is made from in the
forge's web editor, in every language and for every clinic; never on embeds, in the API or on paper.

The expected files are found from the project itself (which page holds a marked symptom list, which glossary and
settings file each language has), never from a build's output; the links are read from the built HTML with a parser.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from helpers import ROOT, axe_violations, build_in_process, copy_project, small_project
from patient_site.editor.edit_links import edit_base
from patient_site.errors import SiteError

GITHUB = "https://github.com/example-clinic/vein-guide/edit/main/"  # repo_url + edit_uri of mkdocs.yml
ENGLISH = "Edit this page's source, {path}"
SPANISH = yaml.safe_load((ROOT / "languages/es/mkdocs.yml").read_text("utf-8"))


@pytest.mark.parametrize("repo_url, edit_uri, base", [
    # repo_url as a clinic writes it; edit_uri up to the branch; where every source's path is added
    ("https://github.com/org/guide", "edit/main/", "https://github.com/org/guide/edit/main/"),
    ("https://github.com/org/guide/", "edit/main", "https://github.com/org/guide/edit/main/"),
    ("https://gitlab.com/group/sub/guide", "-/edit/main/", "https://gitlab.com/group/sub/guide/-/edit/main/"),
    ("https://git.clinic.example/web/guide", "-/edit/main/patient-guide/", "https://git.clinic.example/web/guide/-/edit/main/patient-guide/"),
    (None, "edit/main/", None),  # no forge: no edit links
])
def test_the_address_each_source_path_is_added_to(repo_url, edit_uri, base):
    assert edit_base(repo_url, edit_uri, "mkdocs.yml") == base


@pytest.mark.parametrize("edit_uri, says", [
    (None, "mkdocs.yml: repo_url is set but edit_uri is not"),
    ("edit/master/docs/", "mkdocs.yml: edit_uri 'edit/master/docs/' names the docs folder"),  # MkDocs' own default
])
def test_an_edit_uri_the_build_cannot_use_is_refused(edit_uri, says):
    with pytest.raises(SiteError, match=re.escape(says)):
        edit_base("https://github.com/org/guide", edit_uri, "mkdocs.yml")


def edit_links(html: str) -> list[tuple[str, str]]:
    """(href, accessible name) of each "Edit this page" link of a built page."""
    page = BeautifulSoup(html, "html.parser")
    return [(link["href"], link.get("aria-label", "")) for link in page.select("a[rel~=edit]")]


def expected_sources(project: Path, page: str, config: str = "mkdocs.yml") -> list[str]:
    """The files a built page (e.g. "es/checklist/index.html") is made from, found in the project's sources."""
    lang, _, rest = page.partition("/")
    if lang == "es":  # a clinic's settings are its own file in every language
        docs, settings = "languages/es/docs", config if config.startswith("clinics/") else "languages/es/mkdocs.yml"
    else:
        docs, settings, rest = "docs", config, page
    if rest.startswith("for-clinics/"):
        return [settings]
    if rest == "glossary/index.html":
        return [f"{docs}/glossary.yml"]
    if rest == "checklist/index.html":  # the pages with a marked symptom list
        return sorted(f"{docs}/{path.relative_to(project / docs).as_posix()}" for path in (project / docs).rglob("*.md")
                      if "<!-- checklist:start -->" in path.read_text("utf-8"))
    source = "index.md" if rest == "index.html" else rest.removesuffix("/index.html") + ".md"
    return [f"{docs}/{source}"]


def reader_pages(site: Path) -> list[str]:
    """Every page a reader opens: not the embed variants, not the 404 page."""
    return sorted(str(path.relative_to(site)) for path in site.rglob("index.html")
                  if not re.match(r"^(es/)?embed/", str(path.relative_to(site))))


@pytest.mark.build
def test_every_page_in_every_language_opens_its_own_source(site):
    pages = reader_pages(site.site)
    assert any(page.startswith("es/") for page in pages) and "checklist/index.html" in pages and "glossary/index.html" in pages
    kinds = set()
    for page in pages:
        sources = expected_sources(site.project, page)
        words = SPANISH["extra"]["site_text"]["edit_source"] if page.startswith("es/") else ENGLISH
        assert edit_links((site.site / page).read_text("utf-8")) == [
            (GITHUB + source, words.replace("{path}", source)) for source in sources], page
        for source in sources:
            assert (site.project / source).is_file(), (page, source)
            kinds.add(Path(source).suffix)
    assert kinds == {".md", ".yml"}  # pages, and the glossary and settings files of the generated pages


@pytest.mark.build
def test_repo_url_brings_no_repository_widget(site):
    """Material's widget would fetch the repository's facts from the forge in every reader's browser."""
    for page in reader_pages(site.site):
        html = BeautifulSoup((site.site / page).read_text("utf-8"), "html.parser")
        assert not html.select("[data-md-component=source], .md-nav__source, .md-source"), page


@pytest.mark.build
def test_no_edit_link_on_embeds_or_in_the_api(site):
    embeds = [path for path in site.site.rglob("*.html") if "embed/" in str(path.relative_to(site.site))]
    feeds = [path for path in site.site.rglob("*.json") if re.match(r"^(es/)?(api|oembed)/", str(path.relative_to(site.site)))]
    assert embeds and feeds
    for path in embeds:
        assert edit_links(path.read_text("utf-8")) == [], path
    for path in [*embeds, *feeds]:
        assert "/edit/main/" not in path.read_text("utf-8"), path
    json.loads((site.site / "api" / "index.json").read_text("utf-8"))


def build_clinic(project: Path, site: Path) -> subprocess.CompletedProcess:
    """`make site CLINIC=riverside`: every language of the clinic."""
    return subprocess.run([sys.executable, "scripts/build_site.py", "-f", "clinics/riverside.yml", "-d", str(site)],
                          cwd=project, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


@pytest.mark.build
def test_a_clinic_with_its_own_gitlab_project_opens_its_own_files_there(tmp_path):
    project = copy_project(tmp_path / "project")
    clinic = (ROOT / "clinics" / "riverside.yml").read_text("utf-8")
    (project / "clinics" / "riverside.yml").write_text(
        clinic + "\nrepo_url: https://gitlab.com/riverside/guide\nedit_uri: -/edit/main/\n", "utf-8")
    done = build_clinic(project, tmp_path / "site")
    assert done.returncode == 0, done.stderr
    gitlab = "https://gitlab.com/riverside/guide/-/edit/main/"
    pages = reader_pages(tmp_path / "site")
    assert "for-clinics/index.html" in pages and "es/for-clinics/index.html" in pages
    for page in pages:
        sources = expected_sources(project, page, config="clinics/riverside.yml")
        words = SPANISH["extra"]["site_text"]["edit_source"] if page.startswith("es/") else ENGLISH
        assert edit_links((tmp_path / "site" / page).read_text("utf-8")) == [
            (gitlab + source, words.replace("{path}", source)) for source in sources], page


@pytest.mark.build
def test_a_checklist_made_from_two_pages_opens_both(tmp_path):
    second = "---\ntitle: Second condition\ndescription: Its own symptoms.\n---\n\n# Second condition\n\n" \
             "<!-- checklist:start -->\n- A second symptom\n<!-- checklist:end -->\n"
    project = small_project(tmp_path / "project", {"page.md": second})
    built = build_in_process(project, tmp_path / "site")
    assert built.returncode == 0, built.log
    assert [path for _, path in edit_links((built.site / "checklist" / "index.html").read_text("utf-8"))] == [
        ENGLISH.replace("{path}", "docs/symptoms.md"), ENGLISH.replace("{path}", "docs/page.md")]


@pytest.mark.build
def test_mkdocs_default_edit_uri_stops_the_build_with_the_settings_file(tmp_path):
    project = small_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("edit_uri: edit/main/\n", ""), "utf-8")
    built = build_in_process(project, tmp_path / "site")
    assert built.returncode != 0
    assert "mkdocs.yml: edit_uri 'edit/master/docs/' names the docs folder" in built.log, built.log


# --- in Chromium: what a reader, a screen reader and paper get -------------------------------------------------

@pytest.mark.build
@pytest.mark.browser
@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("path, name", [
    ("causes/", "Edit this page's source, docs/causes.md"),
    ("es/checklist/", "Editar el archivo fuente de esta página, languages/es/docs/symptoms.md"),
])
def test_a_screen_reader_hears_which_file_the_edit_link_opens_and_axe_finds_nothing(wide, server, path, name, width):
    page = wide.new_page()
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(server + path)
    link = page.get_by_role("link", name=name, exact=True)
    assert link.count() == 1 and link.is_visible()
    box = link.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24  # WCAG 2.2 target size (minimum)
    assert axe_violations(page) == []


@pytest.mark.build
@pytest.mark.browser
def test_paper_has_no_edit_link(context, server):
    page = context.new_page()
    page.goto(server + "causes/")
    link = page.locator("a[rel~=edit]")
    assert link.is_visible()
    page.emulate_media(media="print")
    assert not link.is_visible()
    pdf = page.pdf()  # what the printer gets: a printed link is a /URI annotation in the PDF
    assert b"vein-guide.example.org/causes/" in pdf or b"clinic.example.org" in pdf  # links on paper do show here
    assert b"/edit/main/" not in pdf
