"""`make check`: how readable each page is, whether its review is due, images without alt text, orphan pages.

Reading grade is Flesch–Kincaid (textstat) on the text a patient sees in the built page, not on the
Markdown: links, emphasis and the site's own added text (class `site-added`) are resolved or left out.
Findings are errors (stop `make site`), warnings (shown, never stop a preview) or notes. "Today" is a
parameter so tests do not fail when time passes.
"""

from __future__ import annotations

import argparse
import datetime
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import textstat
from patient_site.editor.content_settings import Settings
from patient_site.frontmatter.reader import FrontMatterError, split_front_matter
from patient_site.frontmatter.schema import as_date
from mkdocs.config import load_config
from patient_site.theme.nav_order import nav_pages
from patient_site.settings import SettingsError, load_settings

BLOCKS = frozenset("p li h1 h2 h3 h4 h5 h6 td th dt dd figcaption summary caption blockquote".split())
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
SKIP_CLASSES = frozenset({"site-added", "headerlink", "related-pages", "clinic-contact"})
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“(]?[A-Z0-9])")


@dataclass
class PageReport:
    path: str  # as shown to the editor, e.g. docs/causes.md
    title: str
    grade: float = 0.0
    words_per_sentence: float = 0.0
    hardest: list[tuple[float, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class _ArticleReader(HTMLParser):
    """The reader-visible text blocks, images and links of a built page's article, without site-added parts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[list[str]] = []
        self.headings: set[int] = set()  # indexes of blocks that are headings
        self.images: list[dict] = []
        self.links: list[str] = []
        self.stack: list[str] = []  # open elements inside the article
        self.in_article = False
        self.skip_depth = 0  # > 0 inside a site-added part

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if not self.in_article:
            if tag == "article" and "md-content__inner" in (attrs.get("class") or ""):
                self.in_article, self.stack = True, ["article"]
            return
        classes = set((attrs.get("class") or "").split())
        if tag not in VOID:
            self.stack.append(tag)
            if self.skip_depth or classes & SKIP_CLASSES or tag in ("script", "style"):
                self.skip_depth += 1
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if self.skip_depth:
            return
        if tag == "img":
            self.images.append(attrs)
        if tag in BLOCKS:
            self.blocks.append([])
            if tag[0] == "h" and tag[1:].isdigit():
                self.headings.add(len(self.blocks) - 1)

    def handle_endtag(self, tag):
        if not self.in_article or tag in VOID or tag not in self.stack:
            return
        while self.stack:
            top = self.stack.pop()
            if self.skip_depth:
                self.skip_depth -= 1
            if top == tag:
                break
        if not self.stack:
            self.in_article = False
        elif tag in BLOCKS and not self.skip_depth:
            self.blocks.append([])  # text after a nested block belongs to a block of its own

    def handle_data(self, data):
        if self.in_article and not self.skip_depth and self.blocks:
            self.blocks[-1].append(data)


def read_article(html: str) -> _ArticleReader:
    reader = _ArticleReader()
    reader.feed(html)
    reader.close()
    return reader


def sentences(blocks: list[list[str]], skip: set[int] = frozenset()) -> list[str]:
    """Sentences of the text blocks; a heading or list item without a full stop is a sentence of its own."""
    found = []
    for number, block in enumerate(blocks):
        if number not in skip:
            text = " ".join("".join(block).split())
            found += [part for part in SENTENCE_END.split(text) if part.strip()]
    return found


def readability(blocks: list[list[str]], headings: set[int] = frozenset()) -> tuple[float, float, list[tuple[float, str]]]:
    """(Flesch–Kincaid grade, words per sentence, the three hardest sentences with their grades; headings excluded)."""
    found = sentences(blocks)
    if not found:
        return 0.0, 0.0, []
    text = " ".join(s if s[-1] in ".!?:" else s + "." for s in found)
    words = sum(len(s.split()) for s in found)
    prose = sentences(blocks, headings)
    graded = sorted(((textstat.flesch_kincaid_grade(s if s[-1] in ".!?" else s + "."), s) for s in prose if len(s.split()) > 3), reverse=True)
    return float(textstat.flesch_kincaid_grade(text)), words / len(found), graded[:3]


def review_findings(meta: dict, today: datetime.date, settings: Settings, report: PageReport) -> None:
    """Adds what the page's review fields say: overdue, no date, no reviewer, no sources."""
    due = as_date(meta.get("next_review"))
    if due is None:
        report.notes.append("no next review date (next_review) is set")
    elif due < today:
        message = f"the review was due on {due.isoformat()}; review the page and update 'reviewed' and 'next_review'"
        (report.errors if settings.overdue_review == "fail" else report.warnings).append(message)
    if not meta.get("reviewed_by"):
        report.notes.append("no reviewer is listed (reviewed_by)")
    if not meta.get("sources"):
        report.notes.append("no sources are listed (sources)")


def check_site(docs_dir: Path, site_dir: Path, menu: list[str], today: datetime.date, settings: Settings,
               shown_docs: str = "docs", use_directory_urls: bool = True) -> list[PageReport]:
    """One report per Markdown page in `docs_dir`, from its source and its built HTML in `site_dir`."""
    pages = sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md"))
    urls = {src: page_url(src, use_directory_urls) for src in pages}
    reports, linked_to = [], {src: set() for src in pages}
    for src in pages:
        shown = f"{shown_docs}/{src}"
        try:
            meta = split_front_matter((docs_dir / src).read_text("utf-8"), shown).meta
        except (FrontMatterError, UnicodeDecodeError) as error:
            reports.append(PageReport(shown, src, errors=[str(error)]))
            continue
        report = PageReport(shown, str(meta.get("title") or src))
        built = site_dir / (urls[src] + "index.html" if urls[src].endswith("/") or not urls[src] else urls[src])
        article = read_article(built.read_text("utf-8")) if built.exists() else None
        if article is None:
            report.errors.append("the page is missing from the built site")
            reports.append(report)
            continue
        report.grade, report.words_per_sentence, report.hardest = readability(article.blocks, article.headings)
        if report.grade > settings.target_grade:
            report.warnings.append(f"reading grade {report.grade:.1f} is above the target of {settings.target_grade:g}; use shorter sentences and words")
        review_findings(meta, today, settings, report)
        for image in article.images:
            if not (image.get("alt") or "").strip():
                report.notes.append(f"the image {image.get('src')} has no alt text; describe it unless it is only decoration")
        for href in article.links:
            target = _link_target(href, urls[src], urls)
            if target and target != src:
                linked_to[target].add(src)
        reports.append(report)
    for report in reports:
        src = report.path[len(shown_docs) + 1 :]
        if src == "index.md" or linked_to.get(src):
            continue
        if src in menu:
            report.notes.append("no other page links to this page; readers find it only through the menu")
        else:
            report.warnings.append("orphan page: it is not in the menu and no page links to it")
    return reports


def page_url(src: str, use_directory_urls: bool = True) -> str:
    """The published address of a source page, as MkDocs makes it ("causes.md" -> "causes/")."""
    stem = src[:-3]
    if stem == "index" or stem.endswith("/index"):
        return stem[:-5]
    return stem + "/" if use_directory_urls else stem + ".html"


def _link_target(href: str, from_url: str, urls: dict[str, str]) -> str | None:
    try:
        parts = urlsplit(href)
    except ValueError:
        return None
    if parts.scheme or parts.netloc:
        return None
    path = urlsplit(urljoin("/" + from_url, parts.path)).path.lstrip("/")
    path = path[: -len("index.html")] if path.endswith("index.html") else path
    return next((src for src, url in urls.items() if url == path), None)


def format_report(reports: list[PageReport], settings: Settings) -> str:
    lines = []
    for report in reports:
        lines.append(f"{report.path}  ({report.title})")
        verdict = "ok" if report.grade <= settings.target_grade else "harder than the target"
        lines.append(f"  reading grade {report.grade:.1f}, target {settings.target_grade:g} or lower: {verdict}")
        lines.append(f"  words per sentence {report.words_per_sentence:.1f}")
        if report.hardest:
            lines.append("  hardest sentences:")
            lines += [f"    grade {grade:.1f}: {sentence}" for grade, sentence in report.hardest]
        lines += [f"  ERROR: {m}" for m in report.errors]
        lines += [f"  warning: {m}" for m in report.warnings]
        lines += [f"  note: {m}" for m in report.notes]
    errors = sum(len(r.errors) for r in reports)
    warnings = sum(len(r.warnings) for r in reports)
    lines.append(f"{len(reports)} pages checked: {errors} error(s), {warnings} warning(s)")
    return "\n".join(lines)


def strict_build(config_file: Path, site_dir: Path) -> int:
    """A strict `mkdocs build` in its own process; MkDocs prints its own messages. Returns the exit code."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_file), "-d", str(site_dir)]
    return subprocess.run(command, env=env, cwd=config_file.parent).returncode


def run_checks(config_file: Path, site_dir: Path, today: datetime.date) -> tuple[list[PageReport], Settings]:
    """The reports (and the settings used) for a project whose site is already built into `site_dir`."""
    config = load_config(str(config_file))
    settings = load_settings(config.extra, config.config_file_path).content_check
    docs = Path(config.docs_dir)
    shown = os.path.relpath(docs, config_file.parent)
    return check_site(docs, site_dir, nav_pages(config.nav), today, settings, shown, config.use_directory_urls), settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check readability, review dates, alt text and orphan pages.")
    parser.add_argument("-f", "--config-file", default="mkdocs.yml")
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date.today(), help="YYYY-MM-DD")
    args = parser.parse_args(argv)
    config_file = Path(args.config_file).resolve()
    with tempfile.TemporaryDirectory(prefix="content-check-") as folder:
        if strict_build(config_file, Path(folder)) != 0:
            print("The site does not build; fix the errors above first.", file=sys.stderr)
            return 1
        try:
            reports, settings = run_checks(config_file, Path(folder), args.today)
        except SettingsError as error:  # already `mkdocs.yml:LINE: message`
            print(error, file=sys.stderr)
            return 1
        except ValueError as error:
            print(f"{config_file.name}: {error}", file=sys.stderr)
            return 1
    print(format_report(reports, settings))
    return 1 if any(report.errors for report in reports) else 0


if __name__ == "__main__":
    sys.exit(main())
