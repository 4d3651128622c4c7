"""The plain-text records in `reviews/`: who signed off, translated or approved which words, and when.

One file per source, at the source's own path under `reviews/` plus `.txt` (`reviews/docs/causes.md.txt`,
`reviews/languages/es/docs/glossary.yml.txt`, `reviews/mkdocs.yml.txt`), so a reviewer finds it beside the
change it records and a diff shows the sentences that moved. No database and no git history is read: a shallow
clone has the same records, so the same states. A record looks like:

    [sign-off]
    date: 2026-12-07
    by: Dr A. Example, vascular surgeon
    words:
      What causes leg cramps and pain?
      …

Sections are `[sign-off]` (a page's clinical sign-off), `[translation]` (which words of the original a
translation covers; `original:` names it) and `[approval] ITEM` (a glossary term or a setting such as
`extra.care_cards.emergency`); `[translation] ITEM` is a translated glossary entry or piece of site text.
They are written by the make commands; the reader is strict and names the line of anything else.
"""

from __future__ import annotations

import datetime
import functools
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from patient_site.errors import SiteError

FOLDER = "reviews"
SUFFIX = ".txt"
KINDS = ("sign-off", "translation", "approval")
KEYS = {"sign-off": ("date", "by"), "translation": ("date", "original"), "approval": ("date", "by")}
HEADER = re.compile(r"^\[(?P<kind>[a-z-]+)\](?:\s+(?P<item>.+?))?\s*$")
FIELD = re.compile(r"^(?P<key>[a-z_]+):(?:\s+(?P<value>.*?))?\s*$")
WORD_INDENT = "  "
TOP = ("# What was signed off, translated or approved, word for word (EDITING.md, \"Reviews\").\n"
       "# Written by `make sign-off` and `make translated`: do not edit it by hand, run the command again.\n")


class RecordError(SiteError):
    """A record that cannot be read as written, printed as `path:line: message`."""


@dataclass(frozen=True)
class Entry:
    """One section of a record."""

    kind: str  # "sign-off", "translation" or "approval"
    item: str  # "" for a page; a glossary term or a setting's name
    date: datetime.date
    by: str = ""  # who signed off or approved (a sign-off or approval)
    original: str = ""  # what a translation translates, e.g. "docs/causes.md" (a translation)
    words: tuple[str, ...] = ()
    line: int = 0


@dataclass
class Record:
    """Every section of one record file."""

    path: str  # as messages name it, e.g. "reviews/docs/causes.md.txt"
    entries: list[Entry] = field(default_factory=list)

    def get(self, kind: str, item: str = "") -> Entry | None:
        return next((entry for entry in self.entries if entry.kind == kind and entry.item == item), None)

    def put(self, entry: Entry) -> None:
        """Add `entry`, replacing the section of the same kind and item."""
        self.entries = [old for old in self.entries if (old.kind, old.item) != (entry.kind, entry.item)] + [entry]


def record_path(source: str) -> str:
    """Where the record of a source is, from the project folder: "docs/causes.md" -> "reviews/docs/causes.md.txt"."""
    return f"{FOLDER}/{source}{SUFFIX}"


def source_of(record: str) -> str:
    """The source a record is about: "reviews/docs/causes.md.txt" -> "docs/causes.md"."""
    return record[len(FOLDER) + 1 : -len(SUFFIX)]


def parse_record(text: str, path: str, today: datetime.date | None = None) -> Record:
    """Read one record strictly; RecordError names the line of the first thing that is not as the commands write it."""
    record = Record(path)
    current: dict | None = None
    seen: dict[tuple[str, str], int] = {}

    def finish():
        if current is None:
            return
        missing = [key for key in KEYS[current["kind"]] if not current.get(key)]
        if missing:
            raise RecordError(f"{path}:{current['line']}: the [{current['kind']}] section has no '{missing[0]}:' line; "
                              "run the make command again instead of editing the record")
        record.entries.append(Entry(current["kind"], current["item"], current["date"], current.get("by", ""),
                                    current.get("original", ""), tuple(current["words"]), current["line"]))

    for number, line in enumerate(text.split("\n"), start=1):
        if line.startswith(WORD_INDENT) and current is not None and current["reading_words"]:
            current["words"].append(" ".join(line.split()))  # most lines: tested first
            continue
        if not line.strip() or line.startswith("#"):
            continue
        header = HEADER.match(line)
        if header:
            finish()
            kind, item = header["kind"], " ".join((header["item"] or "").split())
            if kind not in KINDS:
                raise RecordError(f"{path}:{number}: unknown section [{kind}]; a record has [sign-off], [translation] "
                                  "and [approval] sections")
            if (kind, item) in seen:
                raise RecordError(f"{path}:{number}: [{kind}]{' ' + item if item else ''} is already on line "
                                  f"{seen[kind, item]}; keep one section for each")
            seen[kind, item] = number
            current = {"kind": kind, "item": item, "line": number, "words": [], "reading_words": False, "given": set()}
            continue
        if current is None:
            raise RecordError(f"{path}:{number}: text before the first section; a record starts with a [sign-off], "
                              "[translation] or [approval] line")
        if line.startswith(WORD_INDENT):
            if not current["reading_words"]:
                raise RecordError(f"{path}:{number}: an indented sentence before 'words:'; the sentences come last")
            current["words"].append(" ".join(line.split()))
            continue
        found = FIELD.match(line)
        if not found or found["key"] not in (*KEYS[current["kind"]], "words"):
            allowed = ", ".join(f"'{key}:'" for key in (*KEYS[current["kind"]], "words"))
            raise RecordError(f"{path}:{number}: not a line of a [{current['kind']}] section ({line.strip()!r}); "
                              f"it has {allowed} and then the sentences, each indented by two spaces")
        key, value = found["key"], (found["value"] or "").strip()
        if current["reading_words"] or key in current["given"]:
            raise RecordError(f"{path}:{number}: '{key}:' {'comes after the sentences' if current['reading_words'] else 'is given twice'}")
        current["given"].add(key)
        if key == "words":
            current["reading_words"] = True
        elif key == "date":
            current["date"] = read_date(value, f"{path}:{number}", today)
        else:
            if not value:
                raise RecordError(f"{path}:{number}: '{key}:' is empty")
            current[key] = value
    finish()
    return record


def read_date(value: str, where: str, today: datetime.date | None = None) -> datetime.date:
    """A YYYY-MM-DD date that is not in the future (nobody signs off tomorrow's words)."""
    try:
        day = datetime.date.fromisoformat(value.strip())
    except ValueError:
        raise RecordError(f"{where}: the date must be written YYYY-MM-DD, not {value!r}") from None
    if today is not None and day > today:
        raise RecordError(f"{where}: the date {day.isoformat()} is in the future (today is {today.isoformat()})")
    return day


ORDER = {kind: n for n, kind in enumerate(KINDS)}


def render_record(record: Record) -> str:
    """The record as the commands write it: a stable order, so a diff shows only what changed."""
    parts = [TOP]
    for entry in sorted(record.entries, key=lambda entry: (ORDER[entry.kind], entry.item)):
        lines = [f"[{entry.kind}]{' ' + entry.item if entry.item else ''}", f"date: {entry.date.isoformat()}"]
        lines += [f"by: {entry.by}"] if entry.kind != "translation" else [f"original: {entry.original}"]
        lines += ["words:"] + [WORD_INDENT + word for word in entry.words]
        parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)


def read_record(project: str | Path, source: str, today: datetime.date | None = None) -> Record:
    """The record of `source` (a path from the project folder); an empty one when there is none yet.

    No date may be later than the real today (`today` is only for the overdue check, which tests may move back)."""
    today = max(today or datetime.date.today(), datetime.date.today())
    shown = record_path(source)
    path = Path(project) / shown
    if not path.is_file():
        return Record(shown)
    try:
        text = path.read_text("utf-8")
    except UnicodeDecodeError:
        raise RecordError(f"{shown}:1: the record is not UTF-8 text; run the make command again") from None
    record = _parsed(text, shown)
    late = max((entry for entry in record.entries), key=lambda entry: entry.date, default=None)
    if late is not None and late.date > today:  # checked apart from the cache: today moves, the text does not
        read_date(late.date.isoformat(), f"{shown}:{late.line + 1}", today)
    return Record(shown, list(record.entries))


@functools.lru_cache(maxsize=8192)
def _parsed(text: str, shown: str) -> Record:
    """Kept by its whole input: the editor's preview reads every record again after each save."""
    return parse_record(text, shown)


def write_record(project: str | Path, source: str, record: Record) -> Path:
    path = Path(project) / record_path(source)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_record(record), "utf-8")
    return path


def all_records(project: str | Path) -> list[str]:
    """Every record file under `reviews/`, as paths from the project folder."""
    root = Path(project) / FOLDER
    found = []
    for folder, _, names in os.walk(root):
        found += [Path(folder, name).relative_to(project).as_posix() for name in names if name.endswith(SUFFIX)]
    return sorted(found)


def with_words(entry: Entry, words: tuple[str, ...]) -> Entry:
    return replace(entry, words=tuple(words))
