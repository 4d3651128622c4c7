"""One walk over the page sources: each page read once per build, its front matter parsed and checked once.

Every feature that needs to know about pages (editor checks, the term index, symptom lists, review details,
embeds) reads the `PageIndex` this builds instead of opening the files again. It takes plain data (a page's
path, how an editor sees it, its address, its text) so it can be read and tested without MkDocs running.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from patient_site.checklist.symptom_lists import SymptomList, extract_items
from patient_site.editor.checks import check_nesting, duplicate_destinations, duplicate_terms, duplicate_titles
from patient_site.frontmatter.reader import Source, split_front_matter, string_list
from patient_site.frontmatter.schema import validate
from patient_site.patient.review import ReviewInfo, review_info
from patient_site.sources import decode  # the one reader of source files; the engines import it from here

__all__ = ["PageIndex", "PageSource", "decode", "read_page"]


@dataclass(frozen=True)
class PageSource:
    """One page as the build knows it before rendering."""

    src: str  # source path inside docs/, e.g. "symptoms.md"
    shown: str  # how messages name it, e.g. "docs/symptoms.md" (a generated page: its source path)
    url: str  # where it is published, e.g. "symptoms/"
    name: str  # the file's name without its extension, which names an untitled page
    text: str  # the whole file
    source: Source  # front matter and body
    generated: bool  # written by the build itself (the checklist, the glossary …), not by an editor

    @property
    def title(self) -> str | None:
        title = self.source.meta.get("title")
        return title if isinstance(title, str) else None

    @property
    def shown_title(self) -> str:
        """The title readers see: the front matter's, else the file's name."""
        return self.title or self.name

    @property
    def description(self) -> str:
        return str(self.source.meta.get("description") or "")

    @property
    def terms(self) -> list[str]:
        return string_list(self.source, "terms")

    @property
    def review(self) -> ReviewInfo:
        return ReviewInfo() if self.generated else review_info(self.source)

    def symptoms(self) -> SymptomList | None:
        """The page's marked symptom list, or None; ChecklistError names the file and line of a bad one."""
        items = _marked_items(self.source.body, self.shown, self.source.body_line)
        return None if items is None else SymptomList(self.src, self.shown_title, items)


@functools.lru_cache(maxsize=8192)
def _marked_items(body: str, shown: str, body_line: int) -> tuple[str, ...] | None:
    """Kept by the text it reads (as `split_front_matter` is): every page's list is asked for after every save."""
    items = extract_items(body, shown, body_line)
    return None if items is None else tuple(items)


@functools.lru_cache(maxsize=8192)
def read_page(src: str, shown: str, url: str, name: str, text: str, generated: bool = False) -> PageSource:
    """Parse a page's front matter; an editor's page is also checked against the schema and for deep nesting.

    Kept by all it reads (the page is immutable): the editor's preview reads every page again after each save."""
    source = split_front_matter(text, shown)
    if not generated:
        validate(source)
        check_nesting(shown, text)  # before any conversion: deeper nesting overflows Python-Markdown
    return PageSource(src, shown, url, name, text, source, generated)


class PageIndex:
    """Every page of one build, in the order MkDocs lists its files."""

    def __init__(self, pages: list[PageSource]):
        self.by_src: dict[str, PageSource] = {page.src: page for page in pages}

    def __iter__(self):
        return iter(self.by_src.values())

    def __contains__(self, src: str) -> bool:
        return src in self.by_src

    def get(self, src: str) -> PageSource | None:
        return self.by_src.get(src)

    def add(self, page: PageSource) -> None:
        self.by_src[page.src] = page

    def editors_pages(self) -> list[PageSource]:
        return [page for page in self if not page.generated]

    def check_site(self) -> None:
        """Site-wide editor mistakes: two files for one address, one title or one term claimed twice."""
        pages = self.editors_pages()
        duplicate_destinations([(page.shown, page.url) for page in pages])
        duplicate_titles(self._titles(pages))
        duplicate_terms([(page.shown, [(page.source.line_of("terms", n), term)
                                       for n, term in enumerate(page.source.meta.get("terms") or [])]) for page in pages])

    def check_titles_with_generated(self) -> None:
        """No editor's page may take the title of a page the build generates."""
        generated = {page.title: page.src for page in self if page.generated and page.title}
        duplicate_titles(self._titles(self.editors_pages()), generated)

    @staticmethod
    def _titles(pages: list[PageSource]) -> list[tuple[str, int, str]]:
        return [(page.shown, page.source.line_of("title"), page.title) for page in pages if page.title]

    def term_pages(self) -> list[tuple[str, str, list[str]]]:
        """(source path, title, terms) of every page, for the cross-link index."""
        return [(page.src, page.shown_title, page.terms) for page in self]

    def symptom_lists(self) -> list[SymptomList]:
        """Every page's marked symptom list, in file order."""
        return [found for page in self if not page.generated and (found := page.symptoms())]
