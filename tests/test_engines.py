"""The same guide built by MkDocs (with our hook) and by Zensical (no hooks: pre-build, extensions, post-build).

Both builds are real, of a copy of the repository (built once per test run: `built_by_both`); pages are compared with
an HTML parser. What must be the same:
the pages and generated files, the checklist's boxes in order, the cross-links and glossary marks, the care
cards, "Related pages", the embed variants and the API/oEmbed feeds. What may differ is the theme's markup:
each allowed difference is in THEME_DIFFERENCES with its reason, and the README's "Engine" table lists them.
Zensical is installed from requirements-zensical.txt by the Makefile when missing; if that fails, the test fails.
"""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urljoin

import lxml.html
import pytest

from helpers import ROOT, copy_project, edit_yaml, tree_digest

pytestmark = [pytest.mark.build, pytest.mark.slow]

ZENSICAL_PYTHON = ROOT / ".venv-zensical" / "bin" / "python"
INSTALLED = ROOT / ".venv-zensical" / ".installed"

# What a Zensical build does not have, or has otherwise, and why. Nothing else may differ.
THEME_DIFFERENCES = {
    # Files of the theme itself: each engine ships its own build of Material's assets and search index.
    "theme files": "assets/javascripts/, assets/stylesheets/, search/search_index.json vs search.json, sitemap.xml.gz",
    # Our template globals (patient_site/mkdocs/theme.py) exist only when our hook runs; the overrides fall back
    # to Material's markup without them (Zensical renders templates in Rust and takes no Python globals). The
    # post-build step (engine/finish.py) puts in the head, page foot, footer card and oEmbed link; not these two:
    "site menu": "Material's own menu macro instead of theme/nav_menu.py's (same pages, more markup)",
    "search loaded on demand": "material_bundle is a template global; Zensical's pages load its bundle directly",
    "where the parts sit": "the head's and footer's parts go in at the end of <head> and before <footer>",
    "404 page": "no source page, so the post-build step leaves Zensical's own (no clinic card)",
    # Zensical post-processes the HTML it writes.
    "data-search-exclude": "Zensical drops the attribute after indexing; engine/finish.py puts it back on tooltips, "
                           "not on the brackets around them (issue 24), which only search reads it on (the embeds and API put it "
                           "back: embeds/variants.py)",
    "Content-Security-Policy hashes": "each theme has its own inline scripts, so _headers hashes differ",
}
SEARCH_MARKED = ".//span[@role='tooltip'] | .//span[contains(concat(' ', @class, ' '), ' glossary-term__bracket ')]"
THEME_FILES = ("assets/javascripts/", "assets/stylesheets/", "search/", "search.json", "sitemap.xml.gz")


def ensure_zensical() -> None:
    """Install Zensical from the pinned requirements, as `make test` does, when it is missing."""
    if INSTALLED.exists():
        return
    with open(Path(tempfile.gettempdir()) / "vein-guide-zensical-install.lock", "w") as lock:  # one worker installs
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = subprocess.run(["make", ".venv-zensical/.installed"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0 and INSTALLED.exists(), (
        "could not install Zensical from requirements-zensical.txt (`make .venv-zensical/.installed`):\n"
        + done.stdout + done.stderr)


def zensical_build(project: Path, site: Path, config: str = "mkdocs.yml") -> subprocess.CompletedProcess:
    ensure_zensical()
    return subprocess.run(
        [str(ZENSICAL_PYTHON), "-m", "patient_site.engine.zensical_build", "-f", str(project / config), "-d", str(site)],
        cwd=project, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def mkdocs_build(project: Path, config: str, site: Path) -> None:
    """Every language, as `make site` does."""
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from pathlib import Path; from patient_site.mkdocs.commands import strict_build_all; "
         "sys.exit(strict_build_all(Path(sys.argv[1]), Path(sys.argv[2])))", str(project / config), str(site)],
        cwd=project, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "scripts")})
    assert done.returncode == 0, done.stdout + done.stderr


UNUSUAL = " Zq"  # ends every per-language word of the "unusual words" project


def unusual(value):
    """A setting's default with UNUSUAL after it (each of a list's items): placeholders and Markdown stay valid."""
    return [unusual(item) for item in value] if isinstance(value, (list, tuple)) else f"{value}{UNUSUAL}"


def unusual_words_project(folder: Path) -> Path:
    """The repository with every per-language word of mkdocs.yml set to an unusual value: each block's every key."""
    from patient_site.settings import BLOCKS

    project = copy_project(folder)
    words = {"site_text": None, "glossary": None, "for_clinics": None,
             "checklist": ("legend", "other_symptoms", "notes_title", "notes", "printed_on", "print_button", "clear_button", "privacy",
                           "split_intro", "symptoms", "one_symptom", "top_section")}

    def edit(data):
        for block, keys in words.items():
            fields = BLOCKS[block].fields
            data["extra"].setdefault(block, {}).update(
                {key: unusual(fields[key].default) for key in (keys or fields) if fields[key].default})
    edit_yaml(project / "mkdocs.yml", edit)
    return project


def built_by_both(shared_build, config: str) -> tuple[Path, Path]:
    """(MkDocs' site, Zensical's site) of `config`, both built, every language, from one copy of the repository (with
    clinics/) once per test run; the copy is the sites' parent folder's `project/`. Tests only read them. "unusual
    words": the copy's every per-language word is set, so a setting one engine ignores shows as a difference."""

    def make(folder: Path) -> tuple[Path, Path]:
        unusual = config == "unusual words"
        project = unusual_words_project(folder / "project") if unusual else copy_project(folder / "project")
        name = "mkdocs.yml" if unusual else config
        mkdocs_build(project, name, folder / "mkdocs")
        docs = tree_digest(project / "docs")
        done = zensical_build(project, folder / "zensical", name)
        assert done.returncode == 0, done.stdout + done.stderr
        assert tree_digest(project / "docs") == docs, "the Zensical build wrote into docs/"
        return folder / "mkdocs", folder / "zensical"

    return shared_build("engines-" + config.replace("/", "-").replace(" ", "-"), make)


@pytest.fixture(scope="module", params=["mkdocs.yml", "clinics/riverside.yml", "unusual words"])
def sites(request, shared_build) -> tuple[Path, Path, str]:
    """(MkDocs' site, Zensical's site, the config) of one clinic, both built from a copy of the repository."""
    return (*built_by_both(shared_build, request.param), request.param)


def ours(site: Path) -> set[str]:
    """Every file of a built site except the theme's own."""
    files = {str(path.relative_to(site)) for path in site.rglob("*") if path.is_file()}
    return {name for name in files if not is_theme(name)}


def is_theme(name: str, theme_files: tuple = THEME_FILES) -> bool:
    """A file of the theme's own, at the root or in a language's folder."""
    return name.startswith(theme_files) or name.partition("/")[2].startswith(theme_files)


def pages(site: Path) -> list[str]:
    return sorted(name for name in ours(site) if name.endswith(".html"))


def not_a_content_page(page: str) -> bool:
    """Embed variants and the 404 page, in any language's folder."""
    return page.startswith(("embed/", "404")) or page.partition("/")[2].startswith(("embed/", "404"))


def parse(path: Path):
    return lxml.html.fromstring(path.read_bytes())


def canonical(element) -> tuple:
    """An element as comparable data: tag, attributes (any order), whitespace-normalised text, children."""
    if not isinstance(element.tag, str):  # comments
        return ("#comment", " ".join((element.text or "").split()), " ".join((element.tail or "").split()))
    return (element.tag, tuple(sorted(element.attrib.items())), " ".join((element.text or "").split()),
            tuple(canonical(child) for child in element), " ".join((element.tail or "").split()))


def canonical_html(fragment: str) -> tuple:
    return canonical(lxml.html.fragment_fromstring(fragment, create_parent="div"))


def resolved(article, page: str):
    """`article` with each relative address replaced by where it leads (".././" and "../" from one page are one place)."""
    base = "https://site.invalid/" + page.removesuffix("index.html")
    for element in article.iter():
        for attribute in ("href", "src"):
            value = element.get(attribute) if isinstance(element.tag, str) else None
            if value and not value.startswith("#") and ":" not in value.split("/")[0]:
                element.set(attribute, urljoin(base, value))
    return article


def content(path: Path):
    """The page's article (what Markdown made), without the template's parts and our page foot."""
    articles = parse(path).xpath("//article[contains(@class, 'md-content__inner')]")
    assert articles, f"{path}: no <article>"
    article = articles[0]
    for part in article.xpath(".//a[@id='__skip'] | .//*[contains(@class, 'md-content__button')]"):
        part.drop_tree()
    return article


def checklist_boxes(article) -> list[tuple]:
    """(legend, box id, name, label text) of every checkbox, in order."""
    boxes = []
    for box in article.xpath(".//input[@type='checkbox']"):
        legend = box.xpath("ancestor::*[@role='group'][1]/p[contains(@class, 'checklist__legend')]")
        label = article.xpath(f".//label[@for='{box.get('id')}']")
        boxes.append((legend[0].text_content().strip() if legend else "", box.get("id"), box.get("name"),
                      " ".join(label[0].text_content().split()) if label else ""))
    return boxes


def links(article, css_class: str) -> list[tuple[str, str]]:
    return [(link.get("href"), " ".join(link.text_content().split()))
            for link in article.xpath(f".//a[contains(concat(' ', @class, ' '), ' {css_class} ')]")]


def glossary_marks(article) -> list[tuple[str, str, str]]:
    return [(" ".join(mark.xpath("./a")[0].text_content().split()), mark.xpath("./a")[0].get("href"),
             mark.xpath("./span[@role='tooltip']")[0].text_content().strip())
            for mark in article.xpath(".//span[contains(concat(' ', @class, ' '), ' glossary-term ')]")]


def care_cards(article) -> list[tuple[str, str]]:
    return [(card.get("data-care-card"), " ".join(card.text_content().split())) for card in article.xpath(".//*[@data-care-card]")]


def related(article) -> list[tuple[str, str]]:
    return [(link.get("href"), link.text_content().strip()) for link in article.xpath(".//aside[contains(@class, 'related-pages')]//a")]


def json_data(value):
    """JSON with every HTML string compared as parsed HTML."""
    if isinstance(value, dict):
        return {key: json_data(item) for key, item in value.items()}
    if isinstance(value, list):
        return [json_data(item) for item in value]
    if isinstance(value, str) and value.lstrip().startswith("<") and value.rstrip().endswith(">"):
        return canonical_html(value)
    return value


def test_the_same_pages_and_generated_files(sites):
    mkdocs, zensical, _ = sites
    assert ours(zensical) == ours(mkdocs)


@pytest.mark.parametrize("what, read", [
    ("checklist boxes", checklist_boxes),
    ("cross-links", lambda article: links(article, "crosslink")),
    ("glossary marks", glossary_marks),
    ("care cards", care_cards),
    ("related pages", related),
])
def test_each_page_has_the_same_features(sites, what, read):
    mkdocs_site, zensical_site, _ = sites
    found = {page: (read(content(mkdocs_site / page)), read(content(zensical_site / page)))
             for page in pages(mkdocs_site) if not not_a_content_page(page)}
    assert any(mkdocs for mkdocs, _ in found.values()), f"no page has {what}: the comparison would prove nothing"
    different = {page: pair for page, pair in found.items() if pair[0] != pair[1]}
    assert not different, f"{what} differ (MkDocs, Zensical): {different}"


def test_each_page_has_the_same_content_apart_from_the_theme(sites):
    mkdocs_site, zensical_site, _ = sites
    for page in pages(mkdocs_site):
        if not_a_content_page(page):
            continue
        mkdocs, zensical = resolved(content(mkdocs_site / page), page), resolved(content(zensical_site / page), page)
        for tip in mkdocs.xpath(SEARCH_MARKED):  # see THEME_DIFFERENCES: data-search-exclude
            tip.attrib.pop("data-search-exclude", None)
        assert canonical(mkdocs)[3] == canonical(zensical)[3], page


def theme_parts(path: Path) -> dict:
    """What our templates add outside the content: JSON-LD, Open Graph, the oEmbed link, the footer's clinic card, and
    "Edit this page" (its address and accessible name)."""
    page = parse(path)
    return {
        "json-ld": [json.loads(script.text) for script in page.xpath("//script[@type='application/ld+json']")],
        "open graph": sorted((meta.get("property"), meta.get("content")) for meta in page.xpath("//meta[starts-with(@property, 'og:')]")),
        "oembed": [(link.get("href"), link.get("title")) for link in page.xpath("//link[@type='application/json+oembed']")],
        "clinic card": [canonical(card) for card in page.xpath("//div[contains(@class, 'clinic-footer')]")],
        "languages": [(link.get("hreflang"), link.get("href")) for link in page.xpath("//head/noscript/link[@hreflang]")
                      + page.xpath("//a[contains(@class, 'md-select__link')]")],
        "edit this page": [(link.get("href"), link.get("aria-label")) for link in page.xpath("//article//a[@rel='edit']")],
    }


def test_each_page_has_the_same_head_and_footer_parts(sites):
    mkdocs_site, zensical_site, _ = sites
    for page in pages(mkdocs_site):
        if not_a_content_page(page):
            continue
        mkdocs, zensical = theme_parts(mkdocs_site / page), theme_parts(zensical_site / page)
        assert mkdocs["json-ld"] and mkdocs["open graph"] and mkdocs["clinic card"] and mkdocs["edit this page"], page
        assert mkdocs == zensical, page


def test_the_same_embeds_and_feeds(sites):
    mkdocs_site, zensical_site, _ = sites
    embeds = [name for name in ours(mkdocs_site) if "embed/" in name and name.endswith(".html")]
    feeds = [name for name in ours(mkdocs_site) if ("api/" in name or "oembed/" in name) and name.endswith(".json")]
    assert embeds and feeds
    for name in embeds:
        assert canonical(parse(mkdocs_site / name)) == canonical(parse(zensical_site / name)), name
    for name in feeds:
        mkdocs, zensical = (json.loads((folder / name).read_text("utf-8")) for folder in (mkdocs_site, zensical_site))
        assert json_data(mkdocs) == json_data(zensical), name


def test_the_same_header_rules_apart_from_script_hashes(sites):
    mkdocs_site, zensical_site, _ = sites
    from patient_site.hosting.headers import parse_headers_file

    def rules(folder: Path):
        return [(path, {name: value.split("script-src")[0] for name, value in headers.items()})
                for path, headers in parse_headers_file((folder / "_headers").read_text("utf-8"))
                if not is_theme(path.lstrip("/"), tuple(name.rstrip("/") for name in THEME_FILES))]
    assert rules(mkdocs_site) and rules(mkdocs_site) == rules(zensical_site)


def test_every_unusual_word_is_on_the_site(sites):
    """The "unusual words" comparison proves something only if the words reach the pages readers see."""
    mkdocs_site, _, config = sites
    if config != "unusual words":
        return
    text = " ".join(parse(mkdocs_site / page).text_content() for page in pages(mkdocs_site) if not page.startswith("es/"))
    for word in ("Related pages", "Non-urgent advice", "Please note:", "Printed from",
                 "Book an appointment", "Snippets for the pages in Español", "Glossary of medical words"):
        assert word + UNUSUAL in text, word


def test_the_zensical_nginx_snippet_goes_beside_the_published_one(sites):
    """The inline scripts' hashes differ between the engines, so one snippet must not replace the other."""
    if sites[2] == "unusual words":
        return
    project = sites[0].parent / "project"  # the copy both were built from (built_by_both)
    snippet = {"mkdocs.yml": project / "deploy" / "nginx.conf", "clinics/riverside.yml": project / "deploy" / "riverside" / "nginx.conf"}[sites[2]]
    assert snippet.is_file() and snippet.with_name("nginx-zensical.conf").is_file()


@pytest.mark.parametrize("src, find, replace, message", [
    # page, the text an editor changes, what they write instead, how the build's message starts (file:line)
    ("causes.md", "Many of us", "<font>Many</font> of us", "docs/causes.md:{line}: raw <font> is not allowed"),
    ("index.md", "(causes.md)", "(cause.md)", "docs/index.md:{line}: page does not exist (Zensical): "),
    ("symptoms.md", "care-card: get-checked", "care-card: nope", "docs/symptoms.md:{line}: no care card called 'nope'"),
])
def test_an_editor_mistake_stops_the_zensical_build_with_its_line_and_keeps_the_old_site(tmp_path, src, find, replace, message):
    project = copy_project(tmp_path / "project")
    site = project / "site-zensical"
    site.mkdir()
    (site / "index.html").write_text("the published site", "utf-8")
    page = project / "docs" / src
    text = page.read_text("utf-8")
    line = text[: text.index(find)].count("\n") + 1
    page.write_text(text.replace(find, replace, 1), "utf-8")
    done = zensical_build(project, site)
    assert done.returncode == 1
    assert done.stderr.startswith(message.format(line=line)), done.stderr
    assert "Traceback" not in done.stderr
    assert (site / "index.html").read_text("utf-8") == "the published site"
    assert not list(project.glob(".zensical-*")), "the work folder was left behind"
