"""Editor mistakes found before a page is published, each reported as `path:line: what is wrong; what to do`.

A page's Markdown is checked inside the one conversion that publishes it: `SafetyExtension` joins the
site's Markdown extensions and reads the tree after attr_list, before the hook's cross-links and glossary
marks go in; the site's own text (care cards, contact details) goes in after the conversion. Each source
is thus parsed once per build. Python-Markdown's raw-HTML readers are watched while they fill the stash,
so only HTML the editor wrote is held to the allow-list, never HTML another extension generated (a fenced
code block, an icon). Site-wide mistakes (two files for one address, two pages with one title) are found
from the file list. MkDocs' own link warnings name the file but no line; `LineNumberFilter` adds it.
"""

from __future__ import annotations

import functools
import logging
import posixpath
import re
from dataclasses import dataclass, field

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from patient_site.editor.html_safety import Problem, check_raw_html, check_tree, raw_links, split_url
from patient_site.errors import SiteError
from patient_site.markdown.mentions import normalise
from patient_site.sources import read_source
from patient_site.urls import site_path

# Nesting deeper than this is no page a patient can read, and Python-Markdown would overflow its stack.
MAX_NESTING = 50


class EditorError(SiteError):
    """One mistake an editor must fix, printed as `path:line: message`."""


@dataclass
class _Found:
    problems: list[Problem] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    editor_written: set[int] = field(default_factory=set)  # stash entries that hold the editor's own raw HTML
    storing_raw: bool = False
    active: bool = True  # off for the site's generated pages (the checklist's form), which are trusted

    def clear(self) -> None:
        self.problems.clear()
        self.links.clear()
        self.editor_written.clear()
        self.storing_raw = False


def _track_editor_html(md: markdown.Markdown, found: _Found) -> None:
    """Mark what Python-Markdown's raw-HTML readers put in the stash, so HTML other extensions generate
    (a fenced code block, an icon) is not taken for the editor's.

    Hack: Python-Markdown records no origin for stash entries; we wrap `store` and the two readers
    (the `html_block` preprocessor and the `html` inline pattern) on this private Markdown instance only.
    """
    store = md.htmlStash.store

    def tracked_store(html):
        placeholder = store(html)
        if found.storing_raw:
            found.editor_written.add(md.htmlStash.html_counter - 1)
        return placeholder

    def while_reading_raw(method):
        def wrapper(*args, **kwargs):
            found.storing_raw = True
            try:
                return method(*args, **kwargs)
            finally:
                found.storing_raw = False
        return wrapper

    md.htmlStash.store = tracked_store
    md.preprocessors["html_block"].run = while_reading_raw(md.preprocessors["html_block"].run)
    md.inlinePatterns["html"].handleMatch = while_reading_raw(md.inlinePatterns["html"].handleMatch)


class _SafetyTreeprocessor(Treeprocessor):
    def __init__(self, md, found: _Found):
        super().__init__(md)
        self.found = found

    def run(self, root):
        if not self.found.active:
            return
        stash = self.md.htmlStash.rawHtmlBlocks
        raw = [stash[n] for n in sorted(self.found.editor_written) if n < len(stash) and isinstance(stash[n], str)]
        self.found.problems += check_raw_html(raw) + check_tree(root)
        self.found.links += raw_links(raw)
        if self.found.problems:  # the page will not be published: empty it, so no later step trips on the mistake
            for child in list(root):
                root.remove(child)


class SafetyExtension(Extension):
    """Collects HTML problems after inline parsing and attr_list (priority 8), before other tree processors
    (ours add links and marks from priority 6 down) change the tree.

    Every Markdown instance built with it watches its own raw-HTML readers: MkDocs makes one per page.
    """

    PRIORITY = 7

    def __init__(self, found: _Found, **kwargs):
        super().__init__(**kwargs)
        self.found = found

    def extendMarkdown(self, md):
        _track_editor_html(md, self.found)
        md.treeprocessors.register(_SafetyTreeprocessor(md, self.found), "editor-safety", self.PRIORITY)


class PageSafety:
    """The editor checks of one page around a conversion done elsewhere: `start`, convert, `finish`.

    `extension` goes into the Markdown converter that renders the pages (the site's own, in a build).
    """

    def __init__(self):
        self.found = _Found()
        self.extension = SafetyExtension(self.found)

    def start(self, trusted: bool = False) -> None:
        """Before converting a page: forget the last one. A trusted page (one the site generates) is not checked."""
        self.found.clear()
        self.found.active = not trusted

    def finish(self, path: str, full_text: str, page_url: str = "", site_urls: frozenset = frozenset()) -> None:
        """After converting it: raise EditorError for the first mistake found (`full_text` is the whole file, for lines)."""
        for problem in self.found.problems:
            raise EditorError(f"{path}:{line_of(problem.needle, full_text, problem.occurrence)}: {problem.message}")
        if site_urls:
            for link in self.found.links:
                problem = broken_raw_link(link, page_url, site_urls)
                if problem:
                    raise EditorError(f"{path}:{line_of(link, full_text)}: {problem}")


class PageChecker:
    """Checks a page with a private converter built from the named extensions: for tests and other engines."""

    def __init__(self, extensions: list, configs: dict):
        self.safety = PageSafety()
        # Only extensions named by string: the hooks' own extension objects hold per-page state.
        named = [name for name in extensions if isinstance(name, str)]
        self.md = markdown.Markdown(extensions=[*named, self.safety.extension], extension_configs=configs)

    def check(self, body: str, path: str, full_text: str, page_url: str = "", site_urls: frozenset = frozenset()) -> None:
        """Raise EditorError for the first mistake in a page's Markdown `body` (`full_text` is the whole file, for lines)."""
        check_nesting(path, full_text)
        self.safety.start()
        self.md.reset()
        self.md.convert(body)
        self.safety.finish(path, full_text, page_url, site_urls)


def line_of(needle: str, text: str, occurrence: int = 0) -> int:
    """The 1-based line where `needle` is written in `text` (case-insensitive) for the `occurrence`-th time, else 1."""
    if not needle:
        return 1
    haystack, needle = text.lower(), needle.lower()
    at = haystack.find(needle)
    for _ in range(occurrence):
        later = haystack.find(needle, at + 1)
        if later < 0:
            break
        at = later
    return text.count("\n", 0, at) + 1 if at >= 0 else 1


def check_nesting(path: str, full_text: str) -> None:
    """Stop a page nested more deeply than Python-Markdown can read, before it is converted."""
    depth, line = nesting(full_text)
    if depth > MAX_NESTING:
        raise EditorError(f"{path}:{line}: quotes or lists are nested {depth} levels deep; use at most {MAX_NESTING}")


@functools.lru_cache(maxsize=8192)
def nesting(text: str) -> tuple[int, int]:
    """The deepest quote or list nesting in the Markdown source, and its line (estimated from '>' and indentation).

    Kept by the text (as `split_front_matter` is): the editor's preview checks every unchanged page again."""
    deepest, where = 0, 1
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.lstrip(" \t")
        quotes = len(re.match(r"[>\s]*", stripped).group().replace(" ", "").replace("\t", ""))
        indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" "))
        depth = quotes + indent // 4
        if depth > deepest:
            deepest, where = depth, number
    return deepest, where


def broken_raw_link(link: str, page_url: str, site_urls: frozenset) -> str | None:
    """Why a relative address written in raw HTML leads nowhere on the built site, or None when it works."""
    parts = split_url(link)
    if parts is None:
        return f"the raw HTML link '{link}' is not a valid address"
    path = parts.path
    if not path:
        return None
    if path.endswith(".md"):
        return (f"the raw HTML link '{link}' points at a Markdown file, which MkDocs does not convert in raw HTML; "
                f"write it as a Markdown link [text]({link})")
    target, _ = site_path(page_url, path)  # a path alone never leaves the site
    if target == "" or {target, target.rstrip("/") + "/", posixpath.join(target, "index.html")} & site_urls:
        return None
    return f"the raw HTML link '{link}' leads to no page or file of the site; check the spelling, or use a Markdown link"


def duplicate_destinations(pages: list[tuple[str, str]]) -> None:
    """Raise when two source files would be written to one address (`x.md` beside `x/index.md`); pages are (shown path, url)."""
    seen: dict[str, str] = {}
    for shown, url in pages:
        if url in seen:
            raise EditorError(
                f"{shown}:1: this page and {seen[url]} would both be published at '/{url}', and one would silently "
                "replace the other; rename or delete one of them")
        seen[url] = shown


def duplicate_titles(pages: list[tuple[str, int, str]], taken: dict[str, str] | None = None) -> None:
    """Raise when two pages share a title, which readers and search results could not tell apart.

    `pages` are the editor's (shown path, line, title); `taken` maps titles of generated pages to their names.
    """
    seen = {" ".join(title.lower().split()): f"the generated page {name}" for title, name in (taken or {}).items()}
    for shown, line, title in pages:
        key = " ".join(title.lower().split())
        if key in seen:
            raise EditorError(f"{shown}:{line}: the title '{title}' is already used by {seen[key]}; give each page its own title")
        seen[key] = shown


LINK_WARNING = re.compile(r"^Doc file '(?P<page>[^']+)' contains (?:a link|an unrecognized relative link) '(?P<url>[^']*)'")
NAV_OMITTED = "The following pages exist in the docs directory, but are not included in the \"nav\" configuration:"
NAV_NOT_FOUND = re.compile(r"^A reference to '(?P<url>[^']+)' is included in the 'nav' configuration")


class LineNumberFilter(logging.Filter):
    """Rewrites MkDocs' link and nav warnings to start with `path:line:`, where an editor can look.

    Hack: MkDocs 1.6 logs these as finished sentences with no line; we find the link's text in the source.
    The record stays a warning, so `--strict` still counts it.
    """

    def __init__(self, docs_shown: str, docs_dir: str, config_shown: str, config_text: str):
        super().__init__()
        self.docs_shown, self.docs_dir = docs_shown, docs_dir
        self.config_shown, self.config_text = config_shown, config_text

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        rewritten = self.rewrite(message)
        if rewritten != message:
            record.msg, record.args = rewritten, ()
        return True

    def rewrite(self, message: str) -> str:
        if match := LINK_WARNING.match(message):
            path = posixpath.join(self.docs_shown, match["page"])
            line = self._line_in_page(match["page"], match["url"])
            return f"{path}:{line}: {message} Fix the link, or the name of the page or file it points to."
        if message.startswith(NAV_OMITTED):
            pages = [item.strip()[2:] for item in message.splitlines()[1:] if item.strip().startswith("- ")]
            return "\n".join(
                f"{posixpath.join(self.docs_shown, page)}:1: this page is not in the site's menu; add '- {page}' under "
                f"'nav:' in {self.config_shown}, or delete the file" for page in pages) or message
        if match := NAV_NOT_FOUND.match(message):
            line = line_of(match["url"], self.config_text)
            return f"{self.config_shown}:{line}: {message} Fix the name under 'nav:' or add the page to docs/."
        return message

    def _line_in_page(self, page: str, url: str) -> int:
        try:
            text = read_source(posixpath.join(self.docs_dir, page), page)
        except (OSError, SiteError):
            return 1
        for needle in (f"]({url}", f"]: {url}", f'"{url}"', url):
            if needle in text:
                return line_of(needle, text)
        return 1


def install_line_numbers(line_filter: LineNumberFilter, logger_names: list[str]) -> None:
    """Attach the filter to MkDocs' page and nav loggers, replacing one left by an earlier `serve` rebuild."""
    for name in logger_names:
        logger = logging.getLogger(name)
        for old in [f for f in logger.filters if isinstance(f, LineNumberFilter)]:
            logger.removeFilter(old)
        logger.addFilter(line_filter)


def duplicate_terms(pages: list[tuple[str, list[tuple[int, str]]]]) -> None:
    """Raise when two pages claim one term, so a mention could not know where to link; pages are (shown path, [(line, term)])."""
    seen: dict[str, str] = {}
    for shown, terms in pages:
        for line, term in terms:
            key = normalise(term)  # the term index's key: what one mention would match
            if seen.get(key, shown) != shown:
                raise EditorError(
                    f"{shown}:{line}: the term '{term}' is already claimed by {seen[key]}; each term links to one page, "
                    "so remove it from one of the two pages' 'terms'")
            seen[key] = shown
