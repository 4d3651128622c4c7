"""The make targets' work: `make sign-off` (a page, a glossary entry, a site text) and `make translated`.

Each writes the record of what it covers (patient_site/review/records.py) from the same words the build compares;
a page's sign-off also sets its `reviewed`, `reviewed_by` and `next_review`, editing those lines only. Mistakes
are `CommandError`s worded for the person at the keyboard (the command line has no file line to name).
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

from patient_site.errors import SiteError
from patient_site.frontmatter.reader import FENCE
from patient_site.review.project import LanguageSources, entry_words, text_items
from patient_site.review.records import Entry, read_date, read_record, write_record
from patient_site.review.state import add_months, cards_of, period_of, translated_words, words_of_page

REVIEW_KEYS = ("reviewed", "reviewed_by", "next_review")


class CommandError(SiteError):
    """A make command given something it cannot record; nothing is written."""


def signer(name: str | None) -> str:
    """BY="…": the name of the person signing off, on one line."""
    name = " ".join((name or "").split())
    if not name:
        raise CommandError('sign-off needs the name of the person signing off: BY="Dr A. Example, vascular surgeon"')
    return name


def the_date(value: str | None, today: datetime.date) -> datetime.date:
    """DATE=YYYY-MM-DD, or today; never a date in the future."""
    if not value:
        return today
    try:
        return read_date(value, "DATE", today)
    except SiteError as error:
        raise CommandError(str(error)) from None


def language_of(path: str, languages: list[LanguageSources], what: str = "page") -> tuple[LanguageSources, str]:
    """The language whose docs folder (or config file) holds `path`, and the path inside it."""
    path = path.strip().removeprefix("./") if path else ""
    for language in languages:
        if path.startswith(language.docs + "/"):
            return language, path[len(language.docs) + 1 :]
    folders = ", ".join(language.docs + "/" for language in languages)
    raise CommandError(f"{path or '(nothing)'} is not a {what} of the site: give its path from the project folder, "
                       f"inside {folders}")


def find_page(path: str, languages: list[LanguageSources]) -> tuple[LanguageSources, str]:
    language, src = language_of(path, languages)
    if src not in language.pages:
        raise CommandError(f"PAGE={path} names no page: there is no {language.docs}/{src}; give a page's path, "
                           f"e.g. PAGE={language.docs}/{next(iter(sorted(language.pages)), 'index.md')}")
    return language, src


def sign_off_page(project: Path, path: str, by: str | None, date: str | None, languages: list[LanguageSources],
                  today: datetime.date) -> str:
    """Record the page's words as signed off by `by` on `date`; set its review lines. Returns what was done."""
    name, day = signer(by), the_date(date, today)
    language, src = find_page(path, languages)
    page = language.pages[src]
    source = f"{language.docs}/{src}"
    record = read_record(project, source, today)
    record.put(Entry("sign-off", "", day, by=name, words=words_of_page(page, cards_of(language.settings))))
    next_review = add_months(day, period_of(page.source.meta, language.settings))
    text = set_review_lines(page.text, source, {"reviewed": day.isoformat(), "reviewed_by": json.dumps(name, ensure_ascii=False),
                                                "next_review": next_review.isoformat()})
    written = write_record(project, source, record)
    (project / source).write_text(text, "utf-8")
    return f"Signed off {source} for {name} on {day.isoformat()} (next review {next_review.isoformat()}); recorded in {written.relative_to(project)}"


def set_review_lines(text: str, shown: str, values: dict[str, str]) -> str:
    """The page with its front matter's review lines set to `values`: those lines replaced (or added before the
    closing `---`), every other byte as it was."""
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(newline)
    if not lines or lines[0].rstrip() != FENCE:
        lines = [FENCE, FENCE, *lines]
    end = next((n for n, line in enumerate(lines[1:], start=1) if line.rstrip() in ("---", "...")), None)
    if end is None:
        raise CommandError(f"{shown}:1: the front matter opened with '---' is never closed; fix it, then sign off again")
    for key, value in values.items():
        found = [n for n in range(1, end) if re.match(rf"{key}\s*:", lines[n])]
        if found:
            n = found[0]
            if n + 1 < end and lines[n + 1][:1] in (" ", "\t"):
                raise CommandError(f"{shown}:{n + 1}: '{key}' is written over several lines; write it on one line, then sign off again")
            lines[n] = f"{key}: {value}"
        else:
            lines.insert(end, f"{key}: {value}")
            end += 1
    return newline.join(lines)


def find_entry(spec: str, languages: list[LanguageSources]):
    """GLOSSARY="docs/glossary.yml:varicose veins": the language and the entry."""
    file, _, term = (spec or "").partition(":")
    language = next((language for language in languages if language.glossary_file == file.strip()), None)
    if language is None or not term.strip():
        files = ", ".join(language.glossary_file for language in languages if language.glossary)
        raise CommandError(f'GLOSSARY={spec or ""} names no glossary entry: write GLOSSARY="<file>:<term>", the file being one of {files}')
    entry = next((entry for entry in language.glossary if entry.term.lower() == term.strip().lower()), None)
    if entry is None:
        raise CommandError(f"GLOSSARY={spec}: {language.glossary_file} has no entry '{term.strip()}'; "
                           f"its terms: {', '.join(entry.term for entry in language.glossary)}")
    return language, entry


def find_text(spec: str, languages: list[LanguageSources]):
    """TEXT="mkdocs.yml:extra.care_cards.emergency": the language, the setting and its words."""
    file, _, item = (spec or "").partition(":")
    file, item = file.strip(), item.strip()
    for language in languages:
        found = language.texts().get(item)
        if found and found[0] == file:
            return language, item, found[1]
    configs = ", ".join(sorted({file for language in languages for file, _ in language.texts().values()}))
    known = ", ".join(text_items(languages[0].settings)) if languages else "extra.disclaimer, extra.care_cards.<name>, …"
    raise CommandError(f'TEXT={spec or ""} names no site text: write TEXT="<config file>:<setting>", the file being one of '
                       f"{configs} and the setting one of {known}")


def sign_off_item(project: Path, glossary: str | None, text: str | None, by: str | None, date: str | None,
                  languages: list[LanguageSources], today: datetime.date) -> str:
    """Approve one glossary entry or one piece of the site's text, for its words as they are now."""
    name, day = signer(by), the_date(date, today)
    if glossary:
        language, entry = find_entry(glossary, languages)
        file, item, words = language.glossary_file, entry.term, entry_words(entry)
    else:
        language, item, words = find_text(text, languages)
        file = language.text_file(item)
    record = read_record(project, file, today)
    record.put(Entry("approval", item, day, by=name, words=words))
    written = write_record(project, file, record)
    return f"Approved {file}: {item} for {name} on {day.isoformat()}; recorded in {written.relative_to(project)}"


def translated(project: Path, path: str | None, glossary: str | None, text: str | None, every: str | None,
               languages: list[LanguageSources], today: datetime.date) -> list[str]:
    """Record that a translation (a page, a glossary entry, a site text, or everything of one language) covers its
    original's words as they are now."""
    first, done = languages[0], []
    if every:
        language = next((language for language in languages[1:] if language.lang == every.strip()), None)
        if language is None:
            raise CommandError(f"ALL={every} names no translated language; one of: {', '.join(language.lang for language in languages[1:])}")
        targets = [("page", f"{language.docs}/{src}") for src in sorted(language.pages) if src in first.pages]
        targets += [("glossary", f"{language.glossary_file}:{entry.term}") for entry in language.glossary if entry.original]
        targets += [("text", f"{file}:{item}") for item, (file, _) in language.texts().items()
                    if file != first.text_file(item)]
    else:
        targets = [("page", path)] if path else [("glossary", glossary)] if glossary else [("text", text)] if text else []
    if not targets:
        raise CommandError("translated needs PAGE=languages/<lang>/docs/<page>.md, GLOSSARY=\"<file>:<term>\", "
                           "TEXT=\"<config file>:<setting>\" or ALL=<lang>")
    records: dict[str, object] = {}
    for kind, spec in targets:
        if kind == "page":
            language, src = find_page(spec, languages)
            if language is first or src not in first.pages:
                raise CommandError(f"PAGE={spec} is no translation: {'it is the original' if language is first else 'there is no ' + first.docs + '/' + src}")
            file, item, original = f"{language.docs}/{src}", "", f"{first.docs}/{src}"
            words = translated_words(first.pages[src].text, original)
        elif kind == "glossary":
            language, entry = find_entry(spec, languages)
            theirs = next((e for e in first.glossary if e.term.lower() == entry.original.lower()), None)
            if language is first or theirs is None:
                raise CommandError(f"GLOSSARY={spec} is no translated entry: its 'original:' names no term of {first.glossary_file}")
            file, item, original, words = language.glossary_file, entry.term, f"{first.glossary_file}: {theirs.term}", entry_words(theirs)
        else:
            language, item, _ = find_text(spec, languages)
            if language is first:
                raise CommandError(f"TEXT={spec} is the original text, not a translation")
            file, (original_file, words) = language.text_file(item), first.texts()[item]
            if file == original_file:
                raise CommandError(f"TEXT={spec}: {file} is the original text of {item}, not a translation")
            original = f"{original_file}: {item}"
        record = records.setdefault(file, read_record(project, file, today))
        record.put(Entry("translation", item, today, original=original, words=words))
        done.append(f"Recorded {file}{': ' + item if item else ''} as a translation of {original} as it is today")
    for file, record in records.items():
        write_record(project, file, record)
    return done
