"""The whole project's review state: every page of every language, every glossary entry and approvable site text.

What `make check`, `make site`, `make review-report` and the sign-off commands share. It reads the sources from
the folders (plain data: the checked settings are handed in by the caller, which loads them as a build does).
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from patient_site.frontmatter.schema import as_date
from patient_site.markdown.glossary import FILE as GLOSSARY_FILE
from patient_site.markdown.glossary import load_glossary
from patient_site.pages import decode, read_page
from patient_site.review.records import Record, RecordError, all_records, read_record, source_of
from patient_site.review.state import (
    ItemState,
    PageState,
    approval_state,
    cards_of,
    page_state,
    period_of,
    translated_words,
    translation_state,
    words_of_page,
)
from patient_site.review.words import line_of, text_words
from patient_site.sources import read_source


@dataclass
class LanguageSources:
    """One language's sources, as paths from the project folder, and its checked settings."""

    lang: str
    config: str  # e.g. "languages/es/mkdocs.yml"
    docs: str  # e.g. "languages/es/docs"
    settings: object  # SiteSettings
    pages: dict = field(default_factory=dict)  # src inside docs -> PageSource (editors' pages)
    glossary: list = field(default_factory=list)  # glossary entries
    project: str = "."

    @property
    def glossary_file(self) -> str:
        return f"{self.docs}/{GLOSSARY_FILE}"

    def text_file(self, item: str) -> str:
        """The file a site text ("extra.disclaimer") is written in, from the project folder: its record's source.

        The guide's words (mkdocs.yml, a language's file) are shared by every clinic that publishes them, so is their
        record; a text a clinic words its own way is written in its clinic file, and so is its record."""
        return self.text_place(item)[0]

    def text_place(self, item: str) -> tuple[str, int]:
        """The file a site text is written in (`text_file`) and its line there."""
        where, _, line = self.settings.where(*item.split(".")[1:]).rpartition(":")
        return os.path.relpath(os.path.abspath(where), self.project), int(line)

    def texts(self) -> dict[str, tuple[str, tuple[str, ...]]]:
        """Each site text of this language: (the file it is written in, its sentences)."""
        return {item: (self.text_file(item), words) for item, words in text_items(self.settings).items()}


def read_language(project: str | Path, lang: str, config: str, docs: str, settings) -> LanguageSources:
    """Every editor's page and the glossary of one language's docs folder."""
    root = Path(project) / docs
    found = LanguageSources(lang, config, docs, settings, project=str(project))
    for folder, dirnames, names in os.walk(root):
        dirnames.sort()
        for name in sorted(names):
            if not name.endswith(".md"):
                continue
            src = Path(folder, name).relative_to(root).as_posix()
            shown = f"{docs}/{src}"
            text = decode(Path(folder, name).read_bytes(), shown)
            found.pages[src] = read_page(src, shown, src, name[:-3], text)  # the address is not needed here
    glossary = root / GLOSSARY_FILE
    if glossary.is_file():
        found.glossary = load_glossary(read_source(glossary, found.glossary_file), found.glossary_file)
    return found


def text_items(settings) -> dict[str, tuple[str, ...]]:
    """The site's own texts a clinician approves and a translator translates, by setting, as sentences."""
    items = {f"extra.care_cards.{name}": (f"[{card.level}]", *text_words(card.heading, card.text))
             for name, card in settings.care_cards.items()}
    items["extra.disclaimer"] = text_words(settings.disclaimer)
    items["extra.checklist.intro"] = text_words(settings.checklist.intro)
    items["extra.checklist.other_symptoms"] = text_words(settings.checklist.other_symptoms)
    items["extra.checklist.notes"] = text_words(*settings.checklist.notes)
    items["extra.glossary.intro"] = text_words(settings.glossary.intro)
    return items


def entry_words(entry) -> tuple[str, ...]:
    """A glossary entry's words: its term, other spellings and definition."""
    return (entry.term, *entry.also, *text_words(entry.definition))


@dataclass
class ProjectReview:
    pages: list[PageState] = field(default_factory=list)
    items: list[ItemState] = field(default_factory=list)  # approvals, and translations of glossary entries and texts

    @property
    def approvals(self) -> list[ItemState]:
        return [item for item in self.items if item.kind == "approval"]

    @property
    def translations(self) -> list[ItemState]:
        return [item for item in self.items if item.kind == "translation"]


def project_review(project: str | Path, languages: list[LanguageSources], today: datetime.date) -> ProjectReview:
    """Every state of the project; RecordError for an unreadable record or one about something that does not exist."""
    review = ProjectReview()
    first = languages[0]
    first_items = first.texts()
    first_glossary = {entry.term.lower(): entry for entry in first.glossary}
    known: dict[str, set[str]] = {}  # record source -> items it may name ("" for a page)
    for language in languages:
        cards = cards_of(language.settings)
        for src, page in language.pages.items():
            source = f"{language.docs}/{src}"
            original = f"{first.docs}/{src}" if language is not first and src in first.pages else None
            original_words = translated_words(first.pages[src].text, original) if original else None
            state = page_state(
                source, language.lang, words_of_page(page, cards), read_record(project, source, today), today,
                as_date(page.source.meta.get("next_review")), period_of(page.source.meta, language.settings),
                original, original_words)
            changed = [change.after for change in state.review_changes if change.after is not None]
            review.pages.append(replace(state, line=line_of(page.text, changed[0])) if changed else state)
            known[source] = {""}
        if language.glossary:
            record = read_record(project, language.glossary_file, today)
            for entry in language.glossary:
                review.items.append(approval_state(language.glossary_file, entry.term, entry_words(entry), record, entry.line))
                theirs = first_glossary.get(entry.original.lower()) if language is not first else None
                if theirs is not None:
                    review.items.append(translation_state(language.glossary_file, entry.term,
                                                          f"{first.glossary_file}: {theirs.term}", entry_words(theirs),
                                                          record, entry.line))
            known[language.glossary_file] = {entry.term for entry in language.glossary}
        for item, (file, words) in language.texts().items():
            record = read_record(project, file, today)
            line = language.text_place(item)[1]
            review.items.append(approval_state(file, item, words, record, line))
            if language is not first and item in first_items and first_items[item][0] != file:
                original_file, original_words = first_items[item]
                review.items.append(translation_state(file, item, f"{original_file}: {item}", original_words, record, line))
            known.setdefault(file, set()).add(item)
    check_records(project, known, today)
    return review


def check_records(project: str | Path, known: dict[str, set[str]], today: datetime.date) -> None:
    """Every record is about a source, and every section about an item, that exists: else `path:line:`."""
    for path in all_records(project):
        source = source_of(path)
        if source not in known:
            if (Path(project) / source).is_file():
                continue  # a file of a language this build does not publish (a clinic may leave languages out)
            raise RecordError(f"{path}:1: this is the record of {source}, which does not exist; if it moved, move its "
                              "record with it, else delete the record")
        record: Record = read_record(project, source, today)
        for entry in record.entries:
            if entry.item not in known[source]:
                raise RecordError(f"{path}:{entry.line}: [{entry.kind}] {entry.item or '(a page)'}: {source} has no such "
                                  "item any more; delete this section, or sign off / translate the item again")


def approved_terms(project: str | Path, glossary_file: str, entries: list) -> frozenset[str]:
    """The terms of a glossary whose recorded approval holds for their words as they are now."""
    record = read_record(project, glossary_file)
    return frozenset(entry.term for entry in entries
                     if approval_state(glossary_file, entry.term, entry_words(entry), record).state == "approved")


def counts(review: ProjectReview) -> dict[str, dict[str, int]]:
    """How many pages and items are in each state, for the top of the report."""
    found: dict[str, dict[str, int]] = {"review": {}, "translation": {}, "approval": {}, "text translation": {}}
    for page in review.pages:
        found["review"][page.review] = found["review"].get(page.review, 0) + 1
        if page.translation:
            found["translation"][page.translation] = found["translation"].get(page.translation, 0) + 1
    for item in review.items:
        key = "approval" if item.kind == "approval" else "text translation"
        found[key][item.state] = found[key].get(item.state, 0) + 1
    return found
