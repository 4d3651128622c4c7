"""Each page's review and translation state, and each approval's: the recorded words against today's.

A page's review is `none` (no sign-off recorded), `changed` (its words differ from the signed-off words),
`overdue` (the same words, past the next review date) or `current`. A translated page is `stale` when its
original's words differ from those its translation record covers (or it has no record), else `current`. An
approval (a glossary entry, a piece of the site's text) is `approved` for the words approved, `void` when they
changed, `awaiting` with none. The same comparison for every kind: sentence lists, and their differences.
"""

from __future__ import annotations

import calendar
import datetime
import difflib
import functools
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from patient_site.frontmatter.reader import split_front_matter
from patient_site.frontmatter.schema import as_date
from patient_site.review.records import FOLDER, SUFFIX, Entry, Record, RecordError, all_records, read_record, source_of
from patient_site.review.words import page_words
from patient_site.urls import relative_url

DEFAULT_PERIOD = 24  # months between reviews, unless extra.content_check or the page says otherwise


@dataclass(frozen=True)
class Change:
    """One difference between recorded and current words: a sentence changed, added (no before) or removed (no after)."""

    before: str | None
    after: str | None


@functools.lru_cache(maxsize=8192)  # `make serve` compares every page's words again after each save
def diff_words(old: tuple[str, ...], new: tuple[str, ...]) -> tuple[Change, ...]:
    """The sentences that differ, in reading order; a replaced run pairs its sentences one by one."""
    if old == new:  # nearly always, at every build
        return ()
    if not old or not new:  # no record yet (every page of a new translation): all added, or all removed
        return tuple(Change(None, after) for after in new) or tuple(Change(before, None) for before in old)
    found = []
    for tag, a1, a2, b1, b2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        before, after = list(old[a1:a2]), list(new[b1:b2])
        for n in range(max(len(before), len(after))):
            found.append(Change(before[n] if n < len(before) else None, after[n] if n < len(after) else None))
    return tuple(found)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later (the month's last day when it has no such day: 31 Jan + 1 month = 28/29 Feb)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class PageState:
    """One page of one language, as the build, `make check` and the report see it."""

    source: str  # from the project folder, e.g. "languages/es/docs/causes.md"
    language: str
    review: str  # "current", "changed", "overdue" or "none"
    translation: str | None = None  # "current" or "stale" for a translation; None for a first-language page
    review_changes: tuple[Change, ...] = ()  # since the sign-off
    translation_changes: tuple[Change, ...] = ()  # the original's, since the translation record
    signed_off: Entry | None = None
    translated: Entry | None = None
    original: str | None = None  # the original's source, for a translation
    next_review: datetime.date | None = None
    line: int = 0  # where the first changed sentence since the sign-off begins in the page's file (0: not found)

    @property
    def changes(self) -> tuple[Change, ...]:
        return self.review_changes + self.translation_changes


def page_state(source: str, language: str, words: tuple[str, ...], record: Record, today: datetime.date,
               next_review: datetime.date | None = None, period: int = DEFAULT_PERIOD,
               original: str | None = None, original_words: tuple[str, ...] | None = None) -> PageState:
    """The state of one page from its words, its record and (for a translation) its original's words.

    `next_review`: the page's own date (front matter), else `period` months after the sign-off."""
    signed = record.get("sign-off")
    review, review_changes, due = "none", (), None
    if signed is not None:
        due = next_review or add_months(signed.date, period)
        review_changes = diff_words(signed.words, words)
        review = "changed" if review_changes else "overdue" if due <= today else "current"
    translation, translation_changes, translated = None, (), record.get("translation")
    if original is not None and original_words is not None:
        translation_changes = diff_words(translated.words if translated else (), original_words)
        translation = "stale" if translated is None or translation_changes else "current"
    return PageState(source, language, review, translation, review_changes, translation_changes, signed, translated,
                     original, due)


@dataclass(frozen=True)
class ItemState:
    """A glossary entry or piece of the site's text: its approval, or (`kind` "translation") its translation."""

    file: str  # e.g. "docs/glossary.yml", "languages/es/mkdocs.yml"
    item: str  # the term, or the setting, e.g. "extra.care_cards.emergency"
    kind: str  # "approval" or "translation"
    state: str  # approval: "approved", "void", "awaiting"; translation: "current", "stale"
    changes: tuple[Change, ...] = ()
    entry: Entry | None = None
    original: str = ""  # a translation: what it translates, e.g. "docs/glossary.yml: varicose veins"
    line: int = 0  # the item's line in its file: the glossary entry or the setting (0: not known)


def approval_state(file: str, item: str, words: tuple[str, ...], record: Record, line: int = 0) -> ItemState:
    entry = record.get("approval", item)
    if entry is None:
        return ItemState(file, item, "approval", "awaiting", line=line)
    changes = diff_words(entry.words, words)
    return ItemState(file, item, "approval", "void" if changes else "approved", changes, entry, line=line)


def translation_state(file: str, item: str, original: str, original_words: tuple[str, ...], record: Record,
                      line: int = 0) -> ItemState:
    entry = record.get("translation", item)
    changes = diff_words(entry.words if entry else (), original_words)
    return ItemState(file, item, "translation", "stale" if entry is None or changes else "current", changes, entry, original,
                     line)


# What a page's words are, in the build and in the commands alike ---------------------------------------------------

def cards_of(settings) -> dict[str, tuple[str, str]]:
    """The care cards' words as configured (placeholders kept: the clinic's details are not the page's words)."""
    return {name: (card.heading, card.text) for name, card in settings.care_cards.items()}


def words_of_page(page, cards: dict[str, tuple[str, str]]) -> tuple[str, ...]:
    """A `PageSource`'s words: what its sign-off covers (cards included)."""
    return page_words(page.title or "", page.description, page.source.body, cards)


def translated_words(text: str, shown: str) -> tuple[str, ...]:
    """An original page's words as its translation covers them: the page's own, without the care cards (each card
    is site text with a translation record of its own)."""
    source = split_front_matter(text, shown)
    title = source.meta.get("title")
    return page_words(title if isinstance(title, str) else "", str(source.meta.get("description") or ""), source.body)


def period_of(meta: dict, settings) -> int:
    own = meta.get("review_period_months")
    return own if isinstance(own, int) and not isinstance(own, bool) else settings.content_check.review_period_months


# The build's view ------------------------------------------------------------------------------------------------

@dataclass
class Reviews:
    """The states of one build's pages, by source path inside its docs folder; made once per build."""

    pages: dict[str, PageState] = field(default_factory=dict)
    original_url: dict[str, str] = field(default_factory=dict)  # a translation's src -> its original's relative link

    def get(self, src: str) -> PageState | None:
        return self.pages.get(src)


def project_of(site) -> str:
    """The project folder (docs/, languages/ and reviews/ are in it) of a build."""
    return site.paths.project or os.path.dirname(os.path.abspath(site.paths.docs_dir))


def build_reviews(site, today: datetime.date | None = None) -> Reviews:
    """Every editor's page's state for the build (`site`: a SiteBuild whose pages are read); RecordError for a
    record that cannot be read or that names a page the build does not have."""
    today = today or datetime.date.today()
    project = project_of(site)
    docs_shown = Path(os.path.relpath(os.path.abspath(site.paths.docs_dir), project)).as_posix()
    cards = cards_of(site.settings)
    languages = site.languages
    first = languages.all[0].lang if languages is not None and not languages.is_first else None
    original_docs = languages.docs_dir(first) if first else None
    original_shown = Path(os.path.relpath(original_docs, project)).as_posix() if original_docs is not None else None
    reviews = Reviews()
    for page in site.pages.editors_pages():
        source = f"{docs_shown}/{page.src}"
        record = read_record(project, source, today)
        original = original_words = None
        text = languages.original(page.src, f"{original_shown}/{page.src}") if original_docs is not None else None
        if text is not None:
            original = f"{original_shown}/{page.src}"
            original_words = translated_words(text, original)
            here = languages.prefix(languages.current) + page.url  # a folder: the further language's own
            there = languages.prefix(first) + page.url
            reviews.original_url[page.src] = relative_url(there, here).rstrip("/") + "/"
        reviews.pages[page.src] = page_state(
            source, site.language, words_of_page(page, cards), record, today, as_date(page.source.meta.get("next_review")),
            period_of(page.source.meta, site.settings), original, original_words)
    check_orphans(project, docs_shown, {f"{docs_shown}/{page.src}" for page in site.pages.editors_pages()})
    return reviews


def check_orphans(project: str, docs_shown: str, sources: set[str]) -> None:
    """A page's record whose page is gone would keep a sign-off nobody can see: move it with the page, or delete it."""
    for record in all_records(project):
        source = source_of(record)
        if source.startswith(docs_shown + "/") and source.endswith(".md") and source not in sources:
            raise RecordError(f"{record}:1: this is the record of {source}, which does not exist; if the page moved, "
                              f"move its record to {FOLDER}/<new path>{SUFFIX}, else delete the record")


def published_review_date(site, src: str) -> datetime.date | None:
    """The review date the site may publish for a page (its API entry, its embed): none once its words changed."""
    page = site.pages.get(src)
    if page is None or page.generated:
        return None
    state = site.reviews.get(src) if getattr(site, "reviews", None) else None
    return None if state is not None and state.review == "changed" else as_date(page.source.meta.get("reviewed"))


def published_review(site, src: str):
    """The page's review details as the site may publish them: without date and reviewer once its words changed."""
    page = site.pages.get(src)
    if page is None or page.generated:
        return None
    state = site.reviews.get(src) if getattr(site, "reviews", None) else None
    info = page.review
    if state is not None and state.review == "changed":
        info = replace(info, reviewed=None, reviewed_by=None)
    return info
