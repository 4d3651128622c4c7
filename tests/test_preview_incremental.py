"""The editor's preview keeps pages across rebuilds (patient_site/preview.py), and must never show a stale one.

`make serve` runs `mkdocs serve --dirty`: each rebuild converts and writes again only the pages whose keys
changed. Here a copy of the project is rebuilt the way serve does it (one process, the same hook module, a fresh
`load_config` per rebuild, `dirty=True`), through a series of edits that each reach other pages: a symptom list
(its checklist page), a new term on one page (another page's links and "Related pages"), a renamed title (the
menu of every page, "Related pages", the checklist), a glossary entry removed (marks on other pages, the glossary
page), a sentence added then taken out again, a mistake that stops a rebuild and its repair, and last a setting
(which rebuilds every page). After each, every file of the preview's folder must equal, byte
for byte, the file of a clean `mkdocs build` of the same sources, and no other file may be there.

Nothing legitimately differs between the two folders: the live-reload script `mkdocs serve` adds to pages is
injected into its HTTP answers, not written to the files; the copy's `site_url` is set to the address serve uses,
so canonical links agree, and SOURCE_DATE_EPOCH fixes the sitemap's dates for both.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import article, copy_project, edit, resolve
from patient_site.composition import engine_config

SERVE_URL = "http://127.0.0.1:8000/"  # MkDocs' default dev_addr: serve's site_url
EPOCH = "1700000000"
NEW_SYMPTOM = "Restless legs in the evening"
NEW_TITLE = "Chronic venous insufficiency explained"
OLD_TITLE = "About chronic venous insufficiency"
NEW_SENTENCE = "This sentence is there for one rebuild only."
NEW_PHONE = "555-0199"


def files_of(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def differences(preview: Path, clean: Path) -> list[str]:
    ours, theirs = files_of(preview), files_of(clean)
    return ([f"only in the preview: {name}" for name in ours.keys() - theirs.keys()]
            + [f"only in the clean build: {name}" for name in theirs.keys() - ours.keys()]
            + [f"differs: {name}" for name in ours.keys() & theirs.keys() if ours[name] != theirs[name]])


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text("utf-8"), "html.parser")


def crosslinks(site: Path, page: str) -> dict[str, str]:
    return {a.get_text(): resolve(page, a["href"]) for a in article(soup(site, page)).select("a.crosslink")}


def related(site: Path, page: str) -> list[str]:
    return [a.get_text(strip=True) for a in soup(site, page).select("aside.related-pages a")]


def menu(site: Path, page: str) -> list[str]:
    return [label.get_text(strip=True) for label in soup(site, page).select("nav.md-nav--primary .md-ellipsis")]


def glossary_marks(site: Path, page: str) -> list[str]:
    return [a.get_text().lower() for a in article(soup(site, page)).select(".glossary-term__link")]


def written(site: Path) -> dict[str, int]:
    """When each page of the preview was last written."""
    return {path.relative_to(site).as_posix(): path.stat().st_mtime_ns for path in site.rglob("index.html")}


@pytest.mark.build
@pytest.mark.slow
def test_preview_after_edits_equals_clean_builds(tmp_path, monkeypatch, caplog):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    project = copy_project(tmp_path / "project")
    edit(project / "mkdocs.yml", "site_url: https://vein-guide.example.org/", f"site_url: {SERVE_URL}")
    docs, preview = project / "docs", tmp_path / "preview"

    def get_config():  # as serve's get_config: a fresh load_config of the same file, into the same folder
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(preview))
        config.site_url = SERVE_URL
        return config

    def rebuild_and_compare(step: str, config=None) -> None:
        build(config or get_config(), serve_url=SERVE_URL, dirty=True)
        clean = tmp_path / f"clean-{step}"
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(project / "mkdocs.yml"),
                        "-d", str(clean)], check=True, cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        assert differences(preview, clean) == [], step

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=True)  # `mkdocs serve --dirty`: the hook keeps its cache
    try:
        rebuild_and_compare("first-build", config)

        edit(docs / "symptoms.md", "<!-- checklist:end -->", f"- {NEW_SYMPTOM}\n<!-- checklist:end -->")
        rebuild_and_compare("symptom-list")
        assert NEW_SYMPTOM in soup(preview, "checklist/").select_one("section.checklist").get_text()

        # causes.md mentions potassium and links no page yet; only night-cramps.md changes.
        assert crosslinks(preview, "causes/") == {}
        edit(docs / "night-cramps.md", "  - night cramps\n", "  - night cramps\n  - potassium\n")
        rebuild_and_compare("new-term")
        assert crosslinks(preview, "causes/") == {"potassium": "night-cramps/"}
        assert related(preview, "causes/")[0] == "Why do I have leg cramps at night?"  # the pages it links come first

        edit(docs / "chronic-venous-insufficiency.md", f"title: {OLD_TITLE}", f"title: {NEW_TITLE}")
        rebuild_and_compare("renamed-title")
        assert NEW_TITLE in menu(preview, "glossary/") and OLD_TITLE not in menu(preview, "glossary/")  # shown by the menu only
        assert NEW_TITLE in related(preview, "symptoms/")

        glossary = docs / "glossary.yml"
        text = glossary.read_text("utf-8")
        entry = text[text.index("- term: dehydration"):text.index("- term: leg cramps")]
        assert "dehydration" in glossary_marks(preview, "night-cramps/")
        glossary.write_text(text.replace(entry, ""), "utf-8")
        rebuild_and_compare("glossary-entry-removed")
        assert "dehydration" not in glossary_marks(preview, "night-cramps/")

        before = written(preview)
        edit(docs / "causes.md", "# What causes leg cramps and pain?\n", f"# What causes leg cramps and pain?\n\n{NEW_SENTENCE}\n")
        rebuild_and_compare("sentence-added")
        after = written(preview)
        assert NEW_SENTENCE in article(soup(preview, "causes/")).get_text()
        assert before["causes/index.html"] != after["causes/index.html"]
        kept = [page for page in before if before[page] == after.get(page)]
        assert "glossary/index.html" in kept and "for-clinics/index.html" in kept, "the preview wrote every page again"

        edit(docs / "causes.md", f"\n{NEW_SENTENCE}\n", "")
        rebuild_and_compare("sentence-taken-out")

        edit(docs / "symptoms.md", "  - symptoms\n", "  - symptoms\n  - leg cramps\n")  # a mistake: causes.md has it
        with pytest.raises(Abort):  # as `mkdocs serve` reports it, and keeps serving the last good build
            build(get_config(), serve_url=SERVE_URL, dirty=True)
        assert "the term 'leg cramps' is already claimed by docs/causes.md" in caplog.text
        edit(docs / "symptoms.md", "  - symptoms\n  - leg cramps\n", "  - symptoms\n")
        rebuild_and_compare("mistake-mended")
        assert NEW_SENTENCE not in article(soup(preview, "causes/")).get_text()

        edit(project / "mkdocs.yml", "phone: 555-0100", f"phone: {NEW_PHONE}")  # a setting: every page again
        rebuild_and_compare("setting-changed")
        assert NEW_PHONE in soup(preview, "causes/").select_one(".clinic-footer .clinic-contact").get_text()
    finally:
        config.plugins.on_shutdown()


ES_SERVE_URL = "http://127.0.0.1:8000/es/"  # `make serve-es` serves the Spanish pages at their published address
ES_SENTENCE = "Esta frase está aquí para una sola reconstrucción."
ES_OLD_TITLE = "Acerca de la insuficiencia venosa crónica"
ES_NEW_TITLE = "La insuficiencia venosa crónica, explicada"


@pytest.mark.build
@pytest.mark.slow
def test_second_language_preview_after_edits_equals_clean_builds(tmp_path, monkeypatch):
    """`make serve-es` (`mkdocs serve --dirty` of languages/es/mkdocs.yml put together with mkdocs.yml) keeps pages as `make serve` does, and
    follows what its pages take from other files: an English original's edit puts the stale-translation notice
    on its Spanish page, though only the English file changed."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    project = copy_project(tmp_path / "project")
    # The Spanish address is the site's plus es/ (patient_site/composition.py): the site's, as the preview serves it.
    edit(project / "mkdocs.yml", "site_url: https://vein-guide.example.org/", f"site_url: {ES_SERVE_URL.removesuffix('es/')}")
    config_file = engine_config(project / "languages" / "es" / "mkdocs.yml")  # what `make serve-es` hands MkDocs
    docs, preview = project / "languages" / "es" / "docs", tmp_path / "preview"

    def get_config():
        config = load_config(config_file=str(config_file), site_dir=str(preview))
        config.site_url = ES_SERVE_URL
        return config

    def rebuild_and_compare(step: str, config=None) -> None:
        build(config or get_config(), serve_url=ES_SERVE_URL, dirty=True)
        clean = tmp_path / f"clean-{step}"
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config_file),
                        "-d", str(clean)], check=True, cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        assert differences(preview, clean) == [], step

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=True)
    try:
        rebuild_and_compare("first-build", config)
        assert not soup(preview, "causes/").select(".translation-notice--stale")

        before = written(preview)
        edit(docs / "causes.md", "Muchos de nosotros", f"{ES_SENTENCE}\n\nMuchos de nosotros")
        rebuild_and_compare("sentence-added")
        after = written(preview)
        assert ES_SENTENCE in article(soup(preview, "causes/")).get_text()
        kept = [page for page in before if before[page] == after.get(page)]
        assert "glossary/index.html" in kept and "night-cramps/index.html" in kept, "the preview wrote every page again"

        edit(project / "docs" / "causes.md", "# What causes leg cramps and pain?\n",
             f"# What causes leg cramps and pain?\n\n{NEW_SENTENCE}\n")  # the English original: not a Spanish file
        rebuild_and_compare("original-changed")
        assert soup(preview, "causes/").select("article .translation-notice--stale")

        edit(docs / "chronic-venous-insufficiency.md", f"title: {ES_OLD_TITLE}", f"title: {ES_NEW_TITLE}")
        rebuild_and_compare("renamed-title")
        assert ES_NEW_TITLE in menu(preview, "glossary/")
    finally:
        config.plugins.on_shutdown()
