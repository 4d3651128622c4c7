"""`make check`: how readable each page is, whether its review is due, images without alt text, orphan pages.

Reading grade is Flesch–Kincaid (textstat) on the prose a patient sees in the built page, not on the Markdown:
full sentences only (headings and list fragments are not sentences). The clinic's article and the site's own
words (class `site-added` or `site-text`: care cards, intros, definitions, the disclaimer, generated pages) are
graded apart, because editors may simplify the site's words but only the clinic may reword its article.
Findings are errors (stop `make site`), warnings (shown, never stop a preview) or notes. "Today" is a
parameter so tests do not fail when time passes.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from lxml import etree

from patient_site.editor.content_settings import TARGETS, Settings
from patient_site.editor.example_clinic import guard_messages
from patient_site.editor.readability import SharedGrades, formula
from patient_site.editor.readability import grade as reading_grade
from patient_site.frontmatter.schema import as_date
from patient_site.markdown.glossary import FILE as GLOSSARY_FILE
from patient_site.markdown.glossary import load_glossary, unapproved
from patient_site.pages import PageIndex
from patient_site.sources import read_source

BLOCKS = frozenset("p li h1 h2 h3 h4 h5 h6 td th dt dd figcaption summary caption blockquote".split())
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
SKIP_CLASSES = frozenset({"headerlink"})  # the heading's "¶" link: not words
SITE_CLASSES = frozenset({"site-added", "site-text"})  # the site's words: editors may simplify them
SKIP_TAGS = frozenset({"script", "style", "button", "svg"})
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“(]?[A-Z0-9])")


@dataclass
class PageReport:
    path: str  # as shown to the editor, e.g. docs/causes.md
    title: str
    grade: float = 0.0
    words_per_sentence: float = 0.0
    hardest: list[tuple[float, str]] = field(default_factory=list)
    site_grade: float = 0.0  # the site's own words on the page (care cards, intros, definitions, disclaimer)
    site_hardest: list[tuple[float, str]] = field(default_factory=list)
    generated: bool = False  # made by the build (checklist, glossary): every word on it is the site's
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    src: str = ""  # the page's source path inside docs/ (empty for a report about a settings file)


class _ArticleReader:
    """The reader-visible text blocks, images and links of a built page's article.

    Two streams: the clinic's words (`blocks`) and the site's (`site_blocks`: everything inside an element of
    class `site-added` or `site-text`, such as care cards, intros, glossary definitions and the disclaimer).
    A definition inside an article sentence goes to the site stream and the sentence continues around it.
    It is the target of lxml's HTML parser (`read_article`): the events as the parser meets them, no tree.
    """

    def __init__(self):
        self.blocks: list[list[str]] = []
        self.headings: set[int] = set()  # indexes of blocks that are headings
        self.site_blocks: list[list[str]] = []
        self.site_headings: set[int] = set()
        self.images: list[dict] = []
        self.links: list[str] = []
        self.stack: list[tuple[str, str]] = []  # open elements inside the article: (tag, "skip" | "site" | "")
        self.in_article = False

    def _depth(self, kind: str) -> int:
        return sum(1 for _, k in self.stack if k == kind)

    def _new_block(self, tag: str) -> None:
        site = self._depth("site") > 0
        blocks, headings = (self.site_blocks, self.site_headings) if site else (self.blocks, self.headings)
        blocks.append([])
        if tag[0] == "h" and tag[1:].isdigit():
            headings.add(len(blocks) - 1)

    def start(self, tag, attrs):
        attrs = dict(attrs)
        if not self.in_article:
            if tag == "article" and "md-content__inner" in (attrs.get("class") or ""):
                self.in_article, self.stack = True, [("article", "")]
            return
        classes = set((attrs.get("class") or "").split())
        skipping = self._depth("skip") > 0
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag in VOID:
            if tag == "img" and not skipping:
                self.images.append(attrs)
            return
        kind = "skip" if (classes & SKIP_CLASSES or tag in SKIP_TAGS) else "site" if classes & SITE_CLASSES else ""
        self.stack.append((tag, kind))
        if kind == "site" and self._depth("site") == 1:
            self.site_blocks.append([])  # inline site text (a definition) starts a block of its own
        if tag in BLOCKS and not skipping:
            self._new_block(tag)

    def end(self, tag):
        if not self.in_article or tag in VOID or tag not in [t for t, _ in self.stack]:
            return
        while self.stack:
            top, _ = self.stack.pop()
            if top == tag:
                break
        if not self.stack:
            self.in_article = False
        elif tag in BLOCKS and not self._depth("skip"):
            self._new_block("p")  # text after a nested block belongs to a block of its own

    def data(self, data):
        if not self.in_article or self._depth("skip"):
            return
        blocks = self.site_blocks if self._depth("site") else self.blocks
        if blocks:
            blocks[-1].append(data)


    def close(self) -> _ArticleReader:
        return self


def read_article(html: str) -> _ArticleReader:
    """The article of a built page, read with lxml's HTML parser (libxml2): a third of the time of Python's
    html.parser, for every page of every language of every clinic that `make site` and `make check` read."""
    parser = etree.HTMLParser(target=_ArticleReader())
    parser.feed(html)
    return parser.close()


def sentences(blocks: list[list[str]], skip: set[int] = frozenset()) -> list[str]:
    """Sentences of the text blocks; a heading or list item without a full stop is a sentence of its own."""
    found = []
    for number, block in enumerate(blocks):
        if number not in skip:
            text = " ".join("".join(block).split())
            found += [part for part in SENTENCE_END.split(text) if part.strip()]
    return found


def prose(blocks: list[list[str]], headings: set[int] = frozenset()) -> list[str]:
    """The full sentences: no headings, and no fragment without a full stop (a bullet, a label, a name)."""
    return [s for s in sentences(blocks, headings) if s.rstrip("\"”)")[-1:] in (".", "!", "?")]


def readability(blocks: list[list[str]], headings: set[int] = frozenset(), language: str = "en",
                grades: SharedGrades | None = None) -> tuple[float, float, list[tuple[float, str]]]:
    """(Flesch–Kincaid grade, words per sentence, the three hardest sentences with their grades), on prose only.

    Headings and list fragments are not sentences: counting them would make a page look easier than it reads.
    `grades`: the project's store, when an earlier build (another clinic's) may have graded the same sentences.
    """
    found = prose(blocks, headings)
    if not found:
        return 0.0, 0.0, []

    def grade() -> tuple[float, float, list[tuple[float, str]]]:
        words = sum(len(s.split()) for s in found)
        graded = sorted(((reading_grade([s], language), s) for s in found if len(s.split()) > 3), reverse=True)
        return reading_grade(found, language), words / len(found), graded[:3]

    return grades.graded(found, grade) if grades else grade()


def review_findings(meta: dict, today: datetime.date, settings: Settings, report: PageReport, due_at: str = "") -> None:
    """Adds what the page's review fields say: overdue, no date, no reviewer, no sources. `due_at`: `file:line` of
    the page's `next_review`, which an overdue review's message starts with."""
    due = as_date(meta.get("next_review"))
    if due is None:
        report.notes.append("no next review date (next_review) is set")
    elif due < today:
        message = f"{due_at + ': ' if due_at else ''}the review was due on {due.isoformat()}; review the page and update 'reviewed' and 'next_review'"
        (report.errors if settings.overdue_review == "fail" else report.warnings).append(message)
    if not meta.get("reviewed_by"):
        report.notes.append("no reviewer is listed (reviewed_by)")
    if not meta.get("sources"):
        report.notes.append("no sources are listed (sources)")


ARTICLE_ADVICE = ("these are the clinic's own words, which only the clinic may reword: ask them, and record each change "
                  "in EDITS in tests/test_article.py; you may add headings or split the page into sections")
SITE_ADVICE = ("these are the site's words, which you may simplify: care cards and the disclaimer in mkdocs.yml, "
               "extra.checklist.intro, definitions in docs/glossary.yml, headings you added")
NOT_CHECKED = ("for-clinics.md",)  # instructions for clinic staff, not patient text
OTHER_REPORTS = ("the clinic's details", "the glossary", "the translations", "the reviews")  # reports about settings files, not pages


def grade_findings(article: _ArticleReader, settings: Settings, report: PageReport, language: str = "en",
                   grades: SharedGrades | None = None) -> None:
    """Grades the clinic's words and the site's words apart, each against the target, with advice for each."""
    report.grade, report.words_per_sentence, report.hardest = readability(article.blocks, article.headings, language, grades)
    report.site_grade, _, report.site_hardest = readability(article.site_blocks, article.site_headings, language, grades)
    if report.grade > settings.target_grade:
        report.warnings.append(
            f"the clinic's article reads at grade {report.grade:.1f}, above the target of {settings.target_grade:g}; {ARTICLE_ADVICE}")
    if report.site_grade > settings.target_grade:
        report.warnings.append(
            f"the site's own text reads at grade {report.site_grade:.1f}, above the target of {settings.target_grade:g}; {SITE_ADVICE}")


def check_site(pages: PageIndex, site_dir: Path, menu: list[str], today: datetime.date, settings: Settings,
               language: str = "en", grades: SharedGrades | None = None) -> list[PageReport]:
    """One report per editor's page and per generated page in the menu, from the built HTML in `site_dir`.

    `pages` is the build's own page index (`mkdocs.commands.page_index`): the pages and addresses the build has,
    read as it reads them, so nothing here walks the folder or guesses an address.
    """
    urls = {page.src: page.url for page in pages}
    sources = {url: src for src, url in reversed(urls.items())}  # address -> page (the first, as the list has them)
    reports, linked_to = [], {src: set() for src in urls}
    for page in sorted(pages.editors_pages(), key=lambda page: page.src):  # by file name, as editors list them
        meta = page.source.meta
        report = PageReport(page.shown, page.title or page.src, src=page.src)
        built = _built(site_dir, page.url)
        article = read_article(built.read_text("utf-8")) if built.exists() else None
        if article is None:
            report.errors.append("the page is missing from the built site")
            reports.append(report)
            continue
        grade_findings(article, settings, report, language, grades)
        review_findings(meta, today, settings, report, f"{page.shown}:{page.source.line_of('next_review')}")
        for image in article.images:
            if not (image.get("alt") or "").strip():
                report.notes.append(f"the image {image.get('src')} has no alt text; describe it unless it is only decoration")
        for href in article.links:
            target = _link_target(href, page.url, sources)
            if target and target != page.src:
                linked_to[target].add(page.src)
        reports.append(report)
    for page in pages:  # the build writes these from the site's settings and lists: the site's words only
        built = _built(site_dir, page.url)
        if page.generated and page.src in menu and page.src not in NOT_CHECKED and built.exists():
            report = PageReport(f"{page.src} (generated)", page.src, generated=True, src=page.src)
            grade_findings(read_article(built.read_text("utf-8")), settings, report, language, grades)
            reports.append(report)
    for report in reports:
        if report.generated or report.src == "index.md" or linked_to.get(report.src):
            continue
        if report.src in menu:
            report.notes.append("no other page links to this page; readers find it only through the menu")
        else:
            report.warnings.append("orphan page: it is not in the menu and no page links to it")
    return reports


def _built(site_dir: Path, url: str) -> Path:
    """The built HTML file of the page published at `url`."""
    return site_dir / (url + "index.html" if url.endswith("/") or not url else url)


def _link_target(href: str, from_url: str, sources: dict[str, str]) -> str | None:
    """The page (its source) a link leads to; `sources` is every page's address -> its source."""
    try:
        parts = urlsplit(href)
    except ValueError:
        return None
    if parts.scheme or parts.netloc:
        return None
    path = urlsplit(urljoin("/" + from_url, parts.path)).path.lstrip("/")
    path = path[: -len("index.html")] if path.endswith("index.html") else path
    return sources.get(path)


def format_report(reports: list[PageReport], settings: Settings, language: str = "en") -> str:
    lines = []
    lines.append(f"Reading grade target: {settings.target_grade:g} or lower ({settings.target_label}); prose sentences only; "
                 f"formula: {formula(language)}")
    if settings.target_grade > TARGETS["nhs"][0]:
        lines.append("  For the NHS level (reading age 9 to 11, about US grade 5 to 6) set target_grade: nhs in extra.content_check")
    for report in reports:
        lines.append(f"{report.path}  ({report.title})")
        for who, grade, hardest, shown in (
            ("the clinic's article (only the clinic may reword it)", report.grade, report.hardest, not report.generated),
            ("the site's own text (you may simplify it)", report.site_grade, report.site_hardest, True),
        ):
            if not shown or (not grade and not hardest) or report.title in OTHER_REPORTS:
                continue
            verdict = "ok" if grade <= settings.target_grade else "harder than the target"
            lines.append(f"  {who}: reading grade {grade:.1f}, target {settings.target_grade:g} or lower: {verdict}")
            if who.startswith("the clinic"):
                lines.append(f"    words per sentence {report.words_per_sentence:.1f}")
            if hardest:
                lines.append("    hardest sentences:")
                lines += [f"      grade {g:.1f}: {sentence}" for g, sentence in hardest]
        lines += [f"  ERROR: {m}" for m in report.errors]
        lines += [f"  warning: {m}" for m in report.warnings]
        lines += [f"  note: {m}" for m in report.notes]
    errors = sum(len(r.errors) for r in reports)
    warnings = sum(len(r.warnings) for r in reports)
    pages = sum(1 for r in reports if r.title not in OTHER_REPORTS)
    lines.append(f"{pages} pages checked: {errors} error(s), {warnings} warning(s)")
    return "\n".join(lines)


def clinic_report(config_file: Path, clinic: object, settings: Settings) -> PageReport | None:
    """The publishing guard's findings about `extra.clinic`, or None when it holds no example value."""
    if not isinstance(clinic, dict):
        return None
    messages = guard_messages(config_file.name, read_source(config_file, config_file.name), clinic)
    if not messages:
        return None
    report = PageReport(config_file.name, "the clinic's details")
    (report.errors if settings.example_clinic == "fail" else report.warnings).extend(messages)
    return report


def glossary_report(docs: Path, shown_docs: str, approved=None) -> PageReport | None:
    """Glossary entries nobody has approved yet, each with its line (the build already refused bad entries)."""
    path = docs / GLOSSARY_FILE
    if not path.exists():
        return None
    shown = f"{shown_docs}/{GLOSSARY_FILE}"
    report = PageReport(shown, "the glossary")
    entries = load_glossary(read_source(path, shown), shown)
    report.notes += unapproved(entries, shown, approved(shown, entries) if approved else None)
    return report if report.notes else None
