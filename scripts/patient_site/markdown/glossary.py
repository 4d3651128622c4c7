"""Plain-language definitions of the article's medical words, from one data file (`docs/glossary.yml`).

Design: each entry has a term, other spellings (`also`), a one-sentence definition and the public source it
paraphrases. `GlossaryTreeprocessor` marks the first use of each term on a page, like the cross-linker does
(one compiled alternation, longest phrase first, whole words, never in headings, links, code, labels or the
site's own text). It runs after the cross-linker (priority 4 < 6) and never enters a link, so a word that is
both a cross-link and a glossary term is a cross-link where it is linked and gets its definition at its next
use; glossary markup and cross-links never nest. The term becomes a link to its glossary entry, described by
a tooltip shown on hover and keyboard focus (CSS), dismissed with Escape (glossary.js): WCAG 1.4.13.
`render_glossary_page` writes the page listing every entry.
"""

from __future__ import annotations

import datetime
import functools
import json
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from html import escape
from urllib.parse import urlsplit

import yaml
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from patient_site.errors import SiteError
from patient_site.markdown.mentions import mark_mentions, normalise, phrase_pattern
from patient_site.slugs import slug
from patient_site.urls import source_link

FILE = "glossary.yml"  # in docs_dir, excluded from the published files
PAGE = "glossary.md"
SKIP_CLASSES = frozenset({"site-added", "glossary-term", "checklist"})
HOW = ("each entry is '- term: ...' with 'definition: ...' (one sentence), 'source: {name: ..., url: https://...}', "
       "'approved_by: ...' and 'approved_on: YYYY-MM-DD' (empty until someone approves it) and optional 'also: [...]'")
KEYS = {"term", "also", "definition", "source", "approved_by", "approved_on", "original"}


class GlossaryError(SiteError):
    """A problem in the glossary file, printed as `path:line: message`."""


@dataclass(frozen=True)
class Entry:
    term: str
    definition: str
    source_name: str
    source_url: str
    also: tuple[str, ...] = ()
    approved_by: str = ""  # who checked the definition against its source and the article; empty: nobody yet
    approved_on: datetime.date | None = None
    line: int = 0  # the entry's line in the glossary file, for messages
    original: str = ""  # in a translated glossary: the term of the same entry in the site's first language

    @property
    def approved(self) -> bool:
        return bool(self.approved_by) and self.approved_on is not None

    @property
    def anchor(self) -> str:
        return slug(self.term, default="term")


def load_glossary(text: str, path: str) -> list[Entry]:
    """Parse and check the glossary file; every problem names the file and the entry's line."""
    return list(_entries(text, path))


@functools.lru_cache(maxsize=16)  # `make serve` reads the same glossaries (a translation's and its original's) each save
def _entries(text: str, path: str) -> tuple[Entry, ...]:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise GlossaryError(f"{path}:{mark.line + 1 if mark else 1}: not valid YAML ({getattr(error, 'problem', error)})") from None
    if not isinstance(data, list) or not data:
        raise GlossaryError(f"{path}:1: the glossary is a list of entries; {HOW}")
    entries, seen = [], {}
    for node, item in zip(root.value, data):
        line = node.start_mark.line + 1
        where = f"{path}:{line}"
        if not isinstance(item, dict) or not set(item) <= KEYS:
            raise GlossaryError(f"{where}: {HOW}")
        term, definition, source, also = item.get("term"), item.get("definition"), item.get("source"), item.get("also") or []
        if not isinstance(term, str) or not term.strip():
            raise GlossaryError(f"{where}: the entry has no 'term'; {HOW}")
        if not isinstance(definition, str) or not definition.strip():
            raise GlossaryError(f"{where}: '{term}' has no 'definition'; {HOW}")
        if not isinstance(also, list) or not all(isinstance(a, str) and a.strip() for a in also):
            raise GlossaryError(f"{where}: 'also' of '{term}' must be a list of phrases")
        if not isinstance(source, dict) or set(source) != {"name", "url"} or not all(isinstance(v, str) and v.strip() for v in source.values()):
            raise GlossaryError(f"{where}: '{term}' needs 'source: {{name: ..., url: https://...}}' naming the public page it paraphrases")
        parts = urlsplit(source["url"].strip())
        if parts.scheme != "https" or not parts.netloc:
            raise GlossaryError(f"{where}: the source of '{term}' must be a full https:// address")
        approved_by, approved_on = _approval(item, term, where)
        original = item.get("original") or ""
        if not isinstance(original, str):
            raise GlossaryError(f"{where}: 'original' of '{term}' must be the term of the same entry in the first language's glossary")
        entry = Entry(" ".join(term.split()), " ".join(definition.split()), source["name"].strip(), source["url"].strip(),
                      tuple(" ".join(a.split()) for a in also), approved_by, approved_on, line, " ".join(original.split()))
        for phrase in (entry.term, *entry.also):
            key = phrase.lower()
            if key in seen:
                raise GlossaryError(f"{where}: '{phrase}' is already in the glossary (line {seen[key]}); keep it once")
            seen[key] = line
        entries.append(entry)
    return tuple(entries)


def _approval(item: dict, term: str, where: str) -> tuple[str, datetime.date | None]:
    """`approved_by` and `approved_on`: both empty (not approved yet) or a name and a date."""
    by, on = item.get("approved_by"), item.get("approved_on")
    if by is not None and (not isinstance(by, str) or not by.strip()):
        raise GlossaryError(f"{where}: 'approved_by' of '{term}' must be the name of the person who approved it, or empty")
    if isinstance(on, str):
        try:
            on = datetime.date.fromisoformat(on.strip())
        except ValueError:
            raise GlossaryError(f"{where}: 'approved_on' of '{term}' must be a date written YYYY-MM-DD, not {on!r}") from None
    if on is not None and (not isinstance(on, datetime.date) or isinstance(on, datetime.datetime)):
        raise GlossaryError(f"{where}: 'approved_on' of '{term}' must be a date written YYYY-MM-DD, not {on!r}")
    if bool(by) != bool(on):
        missing = "approved_on (YYYY-MM-DD)" if by else "approved_by (a name)"
        raise GlossaryError(f"{where}: '{term}' has only half of its approval; add {missing}, or leave both empty")
    return (by or "").strip(), on


def unapproved(entries: list[Entry], path: str, approved: frozenset[str] | None = None) -> list[str]:
    """`path:line: message` for every entry nobody has approved yet (`make check` lists them).

    `approved`: the terms whose approval recorded in reviews/ holds for their words (patient_site/review); without
    it, the file's own approved_by and approved_on fields."""
    if approved is None:
        return [f"{path}:{e.line}: '{e.term}' has not been approved: a clinician checks the definition against its source "
                f"and the article, then fills in approved_by and approved_on" for e in entries if not e.approved]
    return [f"{path}:{e.line}: '{e.term}' has not been approved: a clinician checks the definition against its source "
            f'and the article, then runs make sign-off GLOSSARY="{path}:{e.term}" BY="Name, role"'
            for e in entries if e.term not in approved]


@dataclass
class GlossaryIndex:
    """All terms and spellings compiled into one matcher."""

    entries: dict[str, Entry] = field(default_factory=dict)  # lower-cased phrase -> entry
    pattern: re.Pattern | None = None

    @classmethod
    def build(cls, entries: list[Entry]) -> GlossaryIndex:
        phrases = {normalise(phrase): entry for entry in entries for phrase in (entry.term, *entry.also)}
        return cls(phrases, phrase_pattern(phrases))

    def entry_of(self, mention: str) -> Entry:
        return self.entries[normalise(mention)]


def term_element(mention: str, entry: Entry, page: str = "") -> etree.Element:
    """The marked term: a link to its entry (from the source page `page`), described by a tooltip holding the
    definition (in brackets without CSS)."""
    wrapper = etree.Element("span", {"class": "glossary-term"})
    link = etree.SubElement(wrapper, "a", {
        "class": "glossary-term__link",
        "href": source_link(f"{PAGE}#{entry.anchor}", page),
        "aria-describedby": f"glossary-tip-{entry.anchor}",
    })
    link.text = mention
    tip = etree.SubElement(wrapper, "span", {
        "class": "glossary-term__tip site-added",
        "role": "tooltip",
        "id": f"glossary-tip-{entry.anchor}",
        "data-search-exclude": "",  # search finds the definition on the glossary page, not mid-sentence elsewhere
    })
    tip.text = entry.definition
    # Brackets around the definition for readers without the site's CSS (reader view, text browsers), so the
    # term still reads as a word: "leg ulcers (Open sores …) that …". The stylesheet hides them beside the tooltip.
    # Search leaves them out with the definition ("leg cramps () wake" otherwise); so does the API (by class).
    opening = etree.Element("span", {"class": "glossary-term__bracket site-added", "data-search-exclude": ""})
    opening.text = " ("
    closing = etree.Element("span", {"class": "glossary-term__bracket site-added", "data-search-exclude": ""})
    closing.text = ")"
    wrapper.insert(1, opening)
    wrapper.append(closing)
    return wrapper


def mark_terms(root: etree.Element, index: GlossaryIndex, raw_html: list[str] = (), page: str = "") -> list[Entry]:
    """Mark the first use of each term in `root` (in place); return the entries marked, in order."""
    if index.pattern is None:
        return []
    marked: list[Entry] = []
    done: set[str] = set()

    def mark(mention: str) -> etree.Element | None:
        entry = index.entry_of(mention)
        if entry.term in done:
            return None
        done.add(entry.term)
        marked.append(entry)
        return term_element(mention, entry, page)

    def skipped(element: etree.Element) -> bool:
        return bool(SKIP_CLASSES & set((element.get("class") or "").split()))

    mark_mentions(root, index.pattern, mark, raw_html, skipped)
    return marked


@dataclass
class GlossaryState:
    """What the extension needs; the build sets `index` once, `active` and `page` per page."""

    index: GlossaryIndex = field(default_factory=GlossaryIndex)
    active: bool = False  # False on the glossary page itself and when rendering outside a build
    page: str = ""  # the source path of the page converting: links to the glossary are written from its folder


class GlossaryTreeprocessor(Treeprocessor):
    def __init__(self, md, state: GlossaryState):
        super().__init__(md)
        self.state = state

    def run(self, root):
        if self.state.active:
            raw_html = [str(block) for block in self.md.htmlStash.rawHtmlBlocks]
            mark_terms(root, self.state.index, raw_html, self.state.page)
        return None


class GlossaryExtension(Extension):
    def __init__(self, state: GlossaryState, **kwargs):
        super().__init__(**kwargs)
        self.state = state

    def extendMarkdown(self, md):
        # Priority 4: after the cross-linker (6) and 'toc' (5), so links exist and are skipped; before MkDocs' 'relpath' (0).
        md.treeprocessors.register(GlossaryTreeprocessor(md, self.state), "glossary", 4)


@dataclass(frozen=True)
class GlossaryWords:
    """`extra.glossary`: the glossary page's own words, in the build's language."""

    title: str = "Glossary of medical words"
    description: str = "Plain-language explanations of the medical words used in this guide, each with the public source it is based on."
    intro: str = ("Short, plain explanations of medical words used in this guide. Each one names the public health page it is\n"
                  "based on. They are general information; your own doctor or nurse can tell you what they mean for you.")
    source_label: str = "Source:"
    also_label: str = "also:"


def render_glossary_page(entries: list[Entry], title: str | None = None, words: GlossaryWords = GlossaryWords()) -> str:
    """The glossary page as Markdown with one raw-HTML definition list, sorted by term."""
    title = title or words.title
    rows = []
    for entry in sorted(entries, key=lambda e: e.term.lower()):
        also = f' <span class="glossary-list__also">({escape(words.also_label)} {escape(", ".join(entry.also))})</span>' if entry.also else ""
        rows.append(
            f'<dt id="{entry.anchor}">{escape(entry.term[:1].upper() + entry.term[1:])}{also}</dt>\n'
            f"<dd><p>{escape(entry.definition)}</p>\n"
            f'<p class="glossary-list__source">{escape(words.source_label)} <a href="{escape(entry.source_url)}">{escape(entry.source_name)}</a></p></dd>'
        )
    return f"""---
title: {json.dumps(title, ensure_ascii=False)}
description: {json.dumps(words.description, ensure_ascii=False)}
---

# {escape(title)} {{ .site-text }}

<div class="site-added glossary-intro" markdown>

{words.intro}

</div>

<dl class="glossary-list site-text">
{chr(10).join(rows)}
</dl>
"""
