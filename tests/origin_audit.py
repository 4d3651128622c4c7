"""The origin audit's reading of a built site: every sentence a reader gets, and whether the site marked it as its own.

Used by tests/test_origin_audit.py. A built page's content (the article element of a site page, the <main> of an
embed, the text fields of /api/*.json, and each page's meta description) is cut into sentences. A sentence inside
an element marked as the site's (class `site-added`: a boxed block; `site-text`: a heading, legend or control the
site names) is a site sentence; any other sentence must be the clinic's own.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from patient_site.composition import Site, compose

MARKS = ("site-added", "site-text")
BLOCKS = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd", "legend", "label", "td", "th", "figcaption",
          "summary", "caption", "blockquote", "button"]
UNREAD = ["script", "style", "template", "svg", "noscript", "pre"]  # pre: the for-clinics pages' code, not prose
NOT_AUDITED = ("404.html", "search/")
SENTENCE_END = re.compile(r"(?<=[.?!])\s+")


@dataclass(frozen=True)
class Unit:
    where: str  # e.g. "symptoms/", "embed/symptoms/", "api/symptoms.json#text", "causes/ <meta description>"
    text: str
    marked: bool


def normalise(text: str) -> str:
    """Compare words, not typography (as tests/test_article.py does)."""
    return " ".join(text.replace("\u2019", "'").replace("\u2022", " ").split()).lower()


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(" ".join(text.split())) if s]


def _read(config_file: Path) -> dict:
    """A config as the build reads it: a language's or a clinic's file put together with mkdocs.yml (composition.py)."""
    path = Path(config_file).resolve()
    lang = path.parent.name if path.parent.parent.name == "languages" else None
    return compose(Site.of_file(path), lang).data


class Placeholders:
    """The clinic's and the site's own values, written as placeholders so the reviewed list fits any clinic."""

    def __init__(self, config_file: Path):
        config = _read(config_file)
        clinic = config["extra"]["clinic"]
        values = {
            "{clinic_name}": clinic["name"], "{clinic_phone}": clinic["phone"],
            "{emergency_number}": clinic["emergency_number"], "{site_name}": config["site_name"],
            "{clinic_website}": urlsplit(clinic["website"]).netloc,
        }
        self.values = sorted(values.items(), key=lambda kv: -len(kv[1]))
        self.page_address = re.compile(re.escape(config["site_url"]) + r"\S*")

    def __call__(self, text: str) -> str:
        text = self.page_address.sub("{page_address}", text)
        for name, value in self.values:
            text = text.replace(value, name)
        return text


def _marked(tag) -> bool:
    return bool(set(tag.get("class") or ()) & set(MARKS))


def _blocks(root) -> list[str]:
    """Each innermost text block's words, then whatever text is left outside blocks; `root` is consumed."""
    found = []
    for block in root.find_all(BLOCKS):
        if block.find(BLOCKS) is None and block.parent is not None:
            found.append(block.get_text())
            block.decompose()
    for block in root.find_all(BLOCKS):  # outer blocks: their own words around the inner ones
        found.append(block.get_text())
        block.decompose()
    rest = root.get_text(" ")
    return [text for text in (*found, rest) if text.strip()]


def element_units(where: str, element) -> list[Unit]:
    """Every sentence of `element`, marked or not."""
    root = copy.copy(element)
    for tag in root.find_all(UNREAD):
        tag.decompose()
    units = []
    for tag in list(root.find_all(_marked)):
        if tag.parent is None or any(_marked(up) for up in tag.parents if up is not root and hasattr(up, "get")):
            continue  # inside an outer marked element, read with it
        holder = BeautifulSoup("<div></div>", "html.parser").div
        holder.append(tag.extract())
        # Punctuation alone (the brackets around a glossary definition, for readers without CSS) is no sentence.
        units += [Unit(where, s, True) for text in _blocks(holder) for s in sentences(text) if any(c.isalnum() for c in s)]
    units += [Unit(where, s, False) for text in _blocks(root) for s in sentences(text)]
    return units


def site_units(site: Path) -> list[Unit]:
    """The units of every patient page, embed and API file of a built site."""
    units = []
    for path in sorted(site.rglob("index.html")):
        where = path.parent.relative_to(site).as_posix() + "/" if path.parent != site else ""
        if where.startswith(NOT_AUDITED) or (where.startswith("embed/") is False and where.startswith("oembed")):
            continue
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        body = soup.find("main") if where.startswith("embed/") else soup.select_one("article.md-content__inner")
        if body is None:
            continue
        units += element_units(where, body)
        description = soup.find("meta", attrs={"name": "description"})
        if description and description.get("content") and not where.startswith("embed/"):
            units += [Unit(f"{where} <meta description>", s, True) for s in sentences(description["content"])]
    for path in sorted((site / "api").glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        where = f"api/{path.name}"
        if "mainContentOfPage" not in data:
            continue  # the index of pages: names and addresses only
        html = BeautifulSoup(data["mainContentOfPage"]["text"], "html.parser")
        units += element_units(f"{where}#mainContentOfPage", html)
        # The plain fields: `text` is the page without its site-added blocks (headings the site names stay in it),
        # `siteAddedText` and `disclaimer` are the site's.
        units += [Unit(f"{where}#text", s, False) for para in data["text"].split("\n\n") for s in sentences(para)]
        units += [Unit(f"{where}#siteAddedText", s, True) for para in data["siteAddedText"] for s in sentences(para)]
        units += [Unit(f"{where}#disclaimer", s, True) for s in sentences(data["disclaimer"])]
    return units


def listed(file: Path) -> dict[str, int]:
    """The reviewed site sentences: normalised text -> its line in the file (comments and blank lines skipped)."""
    found = {}
    for number, line in enumerate(file.read_text("utf-8").splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            found.setdefault(normalise(line), number)
    return found
