"""Link the first mention of a term that another page explains, by changing the parsed Markdown tree.

Design: every page declares the phrases it explains (`terms` in its front matter). `TermIndex` compiles
all of them into one case-insensitive, whole-word regular expression shaped as a trie (shared prefixes
factored out, longest phrase preferred), so each text node is scanned once and each position costs the
length of a term, not the number of terms. `link_terms` walks a page's element tree with
`mentions.mark_mentions`, which never enters elements where a link would be wrong (headings, links, code,
form labels …), code spans or an editor's raw inline `<a>`/`<code>`. Each target page
is linked at most once per page, never the page itself. Links are written as `/<source path>`, so MkDocs'
own link validation resolves and checks them like any link an editor writes.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from html import escape

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from patient_site.markdown.mentions import mark_mentions, normalise, phrase_pattern
from patient_site.urls import site_path, source_link

LINK_CLASS = "crosslink"
RELATED_CLASS = "related-pages"


@dataclass(frozen=True)
class Target:
    page: str  # source path, e.g. "causes.md"
    title: str


@dataclass
class TermIndex:
    """All pages' terms, compiled once per build into a single matcher."""

    targets: dict[str, Target] = field(default_factory=dict)  # lower-cased term -> page explaining it
    pattern: re.Pattern | None = None

    @classmethod
    def build(cls, pages: list[tuple[str, str, list[str]]]) -> TermIndex:
        """`pages` is (source path, title, terms) per page, checked first by the page index: no term on two pages
        (`PageIndex.check_site`, which names the file and line)."""
        targets = {normalise(term): Target(page, title) for page, title, terms in pages for term in terms}
        return cls(targets, phrase_pattern(targets))

    def target_of(self, mention: str) -> Target:
        return self.targets[normalise(mention)]


def link_terms(root: etree.Element, index: TermIndex, page: str, raw_html: list[str] = ()) -> list[Target]:
    """Link first mentions in `root` (in place) and return the pages linked, in order of first link.

    `raw_html` is Python-Markdown's stash of raw HTML (see mentions.mark_mentions).
    """
    if index.pattern is None:
        return []
    linked = {page} | _pages_already_linked(root, page)
    added: list[Target] = []

    def link(mention: str) -> etree.Element | None:
        target = index.target_of(mention)
        if target.page in linked:
            return None
        linked.add(target.page)
        added.append(target)
        element = etree.Element("a", {"href": source_link(target.page, page), "class": LINK_CLASS})
        element.text = mention
        return element

    mark_mentions(root, index.pattern, link, raw_html)
    return added


def _pages_already_linked(root: etree.Element, page: str) -> set[str]:
    """Source paths the page already links to (by an editor or an earlier pass), so they are not linked again.

    A Markdown link names a source file relative to the page's own folder in docs/, so it resolves like an address.
    """
    folder = posixpath.dirname(page)
    found = set()
    for link in root.iter("a"):
        resolved = site_path(folder + "/" if folder else "", link.get("href") or "")
        if resolved and resolved[0].endswith(".md"):
            found.add(resolved[0])
    return found


def related_html(links: list[tuple[str, str]], heading: str = "Related pages") -> str:
    """The short "Related pages" aside that ends a content page; `links` are (url, title) pairs."""
    items = "\n".join(f'<li><a href="{escape(url)}">{escape(title)}</a></li>' for url, title in links)
    return (
        f'<aside class="{RELATED_CLASS} site-added" aria-labelledby="related-pages-title">\n'
        f'<h2 id="related-pages-title">{escape(heading)}</h2>\n<ul>\n{items}\n</ul>\n</aside>'
    )


@dataclass
class CrossLinkState:
    """What the Markdown extension needs to know about the build; the MkDocs hook keeps it current."""

    index: TermIndex = field(default_factory=TermIndex)
    page: str | None = None  # the page being rendered; None renders without cross-links
    outgoing: dict[str, list[Target]] = field(default_factory=dict)  # page -> pages it links to, in order
    incoming: dict[str, list[str]] = field(default_factory=dict)  # page -> pages linking to it, in render order

    def record(self, page: str, targets: list[Target]) -> None:
        """Remember the links one page got (a page rendered twice keeps its latest links)."""
        for old in self.outgoing.get(page, []):
            self.incoming[old.page].remove(page)
        self.outgoing[page] = targets
        for target in targets:
            self.incoming.setdefault(target.page, []).append(page)

    def related(self, page: str) -> list[str]:
        """Pages this page links to (in reading order), then pages that link to it: its "Related pages"."""
        pages = [target.page for target in self.outgoing.get(page, [])] + self.incoming.get(page, [])
        return [other for other in dict.fromkeys(pages) if other != page]


class CrossLinkTreeprocessor(Treeprocessor):
    def __init__(self, md, state: CrossLinkState):
        super().__init__(md)
        self.state = state

    def run(self, root):
        page = self.state.page
        if page is not None:
            raw_html = [str(block) for block in self.md.htmlStash.rawHtmlBlocks]
            self.state.record(page, link_terms(root, self.state.index, page, raw_html))
        return None


class CrossLinkExtension(Extension):
    """Registers the cross-linker after inline parsing, attr_list and abbr, before MkDocs' link rewriting."""

    def __init__(self, state: CrossLinkState, **kwargs):
        super().__init__(**kwargs)
        self.state = state

    def extendMarkdown(self, md):
        # Priority 6: after 'inline' (20), 'attr_list' (8) and 'abbr' (7); before 'toc' (5) and MkDocs' 'relpath' (0).
        md.treeprocessors.register(CrossLinkTreeprocessor(md, self.state), "crosslinks", 6)
