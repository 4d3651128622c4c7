"""The editor's preview cache: what `mkdocs serve --dirty` keeps of each page from one rebuild to the next.

At 2,000 pages a full build takes half a minute, and an editor changes one page at a time. So the preview keeps,
per page, the keys its output depends on and the output itself (rendered content, what the post-build steps
learnt of it), and a rebuild renders again only the pages whose keys changed:

- the page's Markdown is converted again when its source text changed, or when a term or glossary phrase it
  contains was added, removed or moved to another page (a substring test over the normalised text: it may
  convert a page too many, never one too few), or when what its conversion puts in from other files changed
  (a translation's notices, which follow its original and the review records; the links to other languages);
- the page is written again (its template rendered around the kept content) when its "Related pages", the
  conditions it is about, or a title it shows (menu, Related pages, neighbours) changed.

Everything else (settings, our code and theme, the set of files) is one `site_key`: when it changes the whole
cache goes and the next build is a full one. The cache lives on the hook module (`scripts/hooks.py`), made in
`on_startup` for a dirty `serve` only, so `make site` never sees it. This module is plain data; the MkDocs glue
is `patient_site/mkdocs/preview.py`.
"""

from __future__ import annotations

import gc
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from patient_site.markdown.mentions import normalise

CODE_ROOTS = (Path(__file__).resolve().parent, Path(__file__).resolve().parents[1] / "hooks.py")
CHUNK = re.compile(r"[A-Za-z0-9 ,.:;!?()/-]+")  # what no HTML, Jinja or JSON escaping changes


def digest(*parts) -> str:
    """One short hash of the `repr` of the parts (dataclasses, tuples, strings: their repr is their content)."""
    return hashlib.blake2b(repr(parts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def code_digest(roots=CODE_ROOTS, theme_dirs=()) -> str:
    """Our code and theme overrides: a change to either means every page may come out differently."""
    found = []
    for root in [*roots, *map(Path, theme_dirs)]:
        paths = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        for path in paths:
            stat = path.stat()
            found.append((str(path), stat.st_size, stat.st_mtime_ns))
    return digest(found)


@dataclass
class PageRecord:
    """One page as the last finished build left it."""

    source: str  # the page's text (compared whole: equal texts compare fast, and a hash would cost as much)
    build_key: tuple  # what its template adds from other pages: Related pages, conditions
    title: str | None
    state: dict  # MkDocs' page fields after conversion (content, toc, meta, anchors ...)
    outgoing: list  # the pages it cross-links, in order (crosslinks.Target)
    tokens: tuple | None = None  # what its HTML gives stylesheet selectors (style_bundle.page_tokens)
    scan: object | None = None  # its content scanned for the Content-Security-Policy (hosting.headers.PageScan)
    copy: object | None = None  # its embeddable content (embeds.variants.PageCopy), when it has an embed
    search: list = field(default_factory=list)  # its entries in the search index
    parts: str = ""  # what its conversion adds from other files than its own (translation notices, snippets' links)


@dataclass
class TokenCounts:
    """In how many pages each stylesheet token is (style_bundle.page_tokens' five sets): the union of every
    page's tokens, kept up to date page by page instead of joined from 2,000 pages after every save."""

    counts: tuple = field(default_factory=lambda: tuple(Counter() for _ in range(5)))
    joined: tuple = (frozenset(),) * 5
    stale: bool = False

    def change(self, old, new) -> None:
        """One page's tokens were `old` (None: a new page) and are `new` (None: it has none)."""
        for n, counter in enumerate(self.counts):
            for token in old[n] if old else ():
                counter[token] -= 1
                if counter[token] == 0:
                    del counter[token]
                    self.stale = True
            for token in new[n] if new else ():
                counter[token] += 1
                self.stale = self.stale or counter[token] == 1

    def union(self) -> tuple:
        if self.stale:
            self.joined, self.stale = tuple(frozenset(counter) for counter in self.counts), False
        return self.joined


@dataclass
class PreviewCache:
    """Kept by the hook module across the rebuilds of one `mkdocs serve --dirty`."""

    site_dir: str = ""
    config_file: str = ""
    site_key: str = ""
    terms: dict[str, str] = field(default_factory=dict)  # normalised phrase -> what it does (link target, glossary entry)
    pages: dict[str, PageRecord] = field(default_factory=dict)  # by source path
    bundle: tuple = ()  # (sources, usage, name): the last trimmed stylesheet
    embeds: dict[str, tuple] = field(default_factory=dict)  # page URL -> (inputs, scan of its embed page); the API index's inputs
    compressed: dict[str, tuple[int, int]] = field(default_factory=dict)  # built file -> (size, mtime) when compressed
    headers: dict = field(default_factory=dict)  # the last `_headers` rules and what they were made from
    previews: dict = field(default_factory=dict)  # page URL -> its link-preview picture's path and inputs
    used: TokenCounts = field(default_factory=TokenCounts)  # every page's stylesheet tokens, counted
    templates: dict[str, bytes] = field(default_factory=dict)  # the theme's templates, compiled (Jinja bytecode)
    notes: set[str] = field(default_factory=set)  # the build's notes already shown in this preview
    finished: bool = True  # False from a build's first write to the site folder until it ends: one that stopped
    # halfway (an editor's mistake found late) left files the records do not describe, so the next build is full

    def start(self, site_dir: str, config_file: str) -> bool:
        """Begin a build; False (and an empty cache) when nothing kept can be trusted for it."""
        usable = self.finished and (self.site_dir, self.config_file) == (site_dir, config_file)
        if not usable:
            self.clear()
        self.site_dir, self.config_file = site_dir, config_file
        return usable

    def settle(self) -> None:
        """After the first build: collect its garbage, then exempt what is left (the records, the front-matter
        cache) from Python's cycle collector, which otherwise walks them all every few rebuilds, a quarter of a
        second each time at 2,000 pages. Records replaced later hold no cycles, so they are still freed."""
        gc.collect()
        gc.freeze()

    def clear(self) -> None:
        self.site_key, self.terms, self.pages, self.bundle = "", {}, {}, ()
        self.embeds, self.compressed, self.headers, self.used = {}, {}, {}, TokenCounts()
        self.templates, self.notes, self.previews = {}, set(), {}


def phrase_actions(targets: dict, glossary_entries: dict) -> dict[str, str]:
    """Each phrase a page's text can contain and what the build does with it (the page it links, the glossary
    entry it marks)."""
    actions = {phrase: f"link {target.page}" for phrase, target in targets.items()}
    for phrase, entry in glossary_entries.items():
        actions[phrase] = actions.get(phrase, "") + f" mark {digest(entry)}"
    return actions


def changed_phrases(old: dict[str, str], new: dict[str, str]) -> set[str]:
    return {phrase for phrase in old.keys() | new.keys() if old.get(phrase) != new.get(phrase)}


def mentions_any(text: str, phrases: set[str]) -> bool:
    """Whether a page's text may mention one of `phrases` (normalised): a superset of what the matcher links."""
    if not phrases:
        return False
    plain = normalise(text)
    return any(phrase in plain for phrase in phrases)


def title_needle(title: str) -> str:
    """The longest run of a title that reads the same in HTML, attribute and JSON text: a page that shows the
    title contains it."""
    runs = CHUNK.findall(title or "")
    return max(runs, key=len) if runs else ""


def shows_any(html: bytes, needles: list[bytes]) -> bool:
    return any(needle in html for needle in needles)
