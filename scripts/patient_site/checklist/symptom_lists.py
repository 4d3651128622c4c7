"""Symptom lists in, the checklist page out.

An editor marks a list in a page with `<!-- checklist:start -->` / `<!-- checklist:end -->`; that list is the
only place the symptoms are written. `extract_items` reads it from the page's Markdown and
`render_checklist_page` turns every marked list into one checklist (a labelled group of checkboxes per page).
Labels are plain text: a link inside a checkbox label would fight the tick target.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

import markdown

from patient_site.errors import SiteError
from patient_site.slugs import slug

START = "<!-- checklist:start -->"
END = "<!-- checklist:end -->"
HOW_TO_MARK = f"put '{START}' on the line before the list and '{END}' on the line after it"

# A list item's first line: up to three spaces, a bullet or number marker, then its text.
ITEM = re.compile(r"^(?P<indent>\s*)(?:[-*+]|\d{1,9}[.)])(?:\s+(?P<text>.*))?$")


class ChecklistError(SiteError):
    """A problem with a marked symptom list, printed as `path:line: message`."""

    def __init__(self, path: str, line: int, message: str):
        super().__init__(f"{path}:{line}: {message}")
        self.path, self.line = path, line


@dataclass(frozen=True)
class SymptomList:
    """The marked list of one page: where it came from and its items as plain text."""

    page: str  # source path, e.g. "symptoms.md"
    title: str  # the page's title, named in the group's first line
    items: tuple[str, ...]


def _marker_lines(lines: list[str], marker: str) -> list[int]:
    return [number for number, line in enumerate(lines) if line.strip() == marker]


def extract_items(body: str, path: str, first_line: int = 1) -> list[str] | None:
    """Return the plain-text items of the marked list in `body`, or None when it has no markers.

    `first_line` is the file line of the body's first line, so messages point at the real file line.
    """
    lines = body.splitlines()
    starts, ends = _marker_lines(lines, START), _marker_lines(lines, END)
    if not starts and not ends:
        return None
    where = first_line + (starts or ends)[0]
    if len(starts) > 1 or len(ends) > 1:
        raise ChecklistError(path, where, f"the checklist markers appear more than once; keep one '{START}' and one '{END}'")
    if not starts or not ends:
        missing = START if not starts else END
        raise ChecklistError(path, where, f"the symptom list has only one marker; add '{missing}'")
    start, end = starts[0], ends[0]
    if end < start:
        raise ChecklistError(path, first_line + end, f"'{END}' comes before '{START}'; put the list between them")
    items = _list_items(lines[start + 1 : end])
    if not items:
        raise ChecklistError(path, where, "the symptom list between the checklist markers is empty; add one '- symptom' line per symptom")
    return items


def _list_items(lines: list[str]) -> list[str]:
    """Every bullet of a Markdown list (nested bullets too), continuation lines joined, as plain text."""
    items: list[list[str]] = []
    for line in lines:
        match = ITEM.match(line)
        if match and (match["text"] or "").strip():
            items.append([match["text"]])
        elif line.strip() and items:
            items[-1].append(line.strip())
    return [text for text in (plain_text(" ".join(parts)) for parts in items) if text]


def plain_text(inline_markdown: str) -> str:
    """The words a reader sees for a line of inline Markdown (emphasis, links and escapes resolved)."""
    if not MARKUP.search(inline_markdown):
        return " ".join(inline_markdown.split())  # plain words: nothing for Markdown to resolve
    reader = _TextReader()
    reader.feed(_inline_converter().reset().convert(inline_markdown))
    reader.close()
    return " ".join("".join(reader.parts).split())


MARKUP = re.compile(r"[\\`*_\[\]<>&!~=^+{}:]|  ")  # characters inline Markdown may act on


@functools.lru_cache(maxsize=1)
def _inline_converter() -> markdown.Markdown:
    """One Markdown converter reused for every item: building one costs more than converting a line."""
    return markdown.Markdown()


class _TextReader(HTMLParser):
    """Collects the text of an HTML fragment, entities decoded."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


def item_id(text: str) -> str:
    """A stable, readable id for a symptom: rewording it starts it afresh, reordering keeps ticks."""
    return slug(text)


# The article's own framing ("some of the symptoms") first, so the list never reads as complete; then what to do,
# and that ticking is not a diagnosis. Short sentences: this is the site's text, graded by `make check`.
DEFAULT_INTRO = """\
Here are some of the symptoms you should look out for. The list does not name every possible symptom.

Tick the ones you have noticed. Then print this page, or save it as a PDF, to take to your appointment.

This list cannot tell you what is causing your symptoms. They may seem like those of other health conditions.
Speak with a professional to receive a proper diagnosis.
"""
# Said after the ticks, on screen and on paper: the list is not all a reader may want to mention.
OTHER_SYMPTOMS = "If you have noticed other symptoms, tell the professional about them too."
# The print-out's space to write in: what a patient would want to tell the professional. Questions, not claims.
PRINT_NOTES_TITLE = "Notes for your appointment"
PRINT_NOTES = ("When did it start?", "One leg or both?", "Other symptoms:", "Questions I want to ask:")


# A neutral legend: the reader's own symptoms, from a named list; never a condition's name above the ticks.
SPLIT_INTRO = (
    "This site lists {count}, too many to tick on one page, so the checklist is split by section. Open the section "
    "about the symptoms you have noticed: there you can tick them, print the page and take it to your appointment.")
LEGEND = "Symptoms I have noticed (from the page \u201c{page}\u201d)"


def legend(list_title: str, words: str = LEGEND) -> str:
    """The group's name (its first line), `{page}` filled in with the title of the page the list comes from."""
    return words.replace("{page}", list_title)


@dataclass(frozen=True)
class ChecklistSettings:
    """`extra.checklist` in mkdocs.yml: the words around the form and which pages must carry a list."""

    title: str = "Symptom checklist"
    description: str = "Tick the symptoms you have noticed and print the list to take to your appointment."
    intro: str = DEFAULT_INTRO
    storage_key: str = "vein-guide:checklist:v1"
    required_pages: tuple[str, ...] = ("symptoms.md",)
    max_symptoms_per_page: int = 100  # above this, all lists together are split into one page per folder
    # The form's own words: each language's config gives them in its language (languages/<lang>/mkdocs.yml).
    legend: str = LEGEND
    other_symptoms: str = OTHER_SYMPTOMS
    notes_title: str = PRINT_NOTES_TITLE
    notes: tuple[str, ...] = PRINT_NOTES
    printed_on: str = "Printed on"
    print_button: str = "Print or save for your appointment"
    # Said to every reader, scripts or not: the browser's own Print is what prints the list.
    print_how: str = "To print this list or save it as a PDF, use your browser's Print (Ctrl+P, or ⌘P on a Mac)."
    clear_button: str = "Clear my answers"
    privacy: str = "Your answers stay on this device. They are not sent anywhere."
    # The index of a split checklist (more than max_symptoms_per_page symptoms): {count} is `symptoms` or `one_symptom`.
    split_intro: str = SPLIT_INTRO
    symptoms: str = "{count} symptoms"
    one_symptom: str = "1 symptom"
    top_section: str = "General"  # the section of the pages at the top of docs/


@dataclass(frozen=True)
class ChecklistPage:
    """Everything the checklist page says around the lists; all of it comes from configuration."""

    title: str
    description: str
    intro_markdown: str
    storage_key: str
    words: ChecklistSettings = ChecklistSettings()  # the form's buttons, legend, print-out and privacy line


def render_checklist_page(lists: list[SymptomList], page: ChecklistPage) -> str:
    """The checklist page as Markdown with the checklist in raw HTML, ready for MkDocs to render."""
    words = page.words
    groups = "\n".join(_group(symptoms, prefix=item_id(symptoms.page), legend_words=words.legend) for symptoms in lists)
    return f"""---
title: {_yaml_string(page.title)}
description: {_yaml_string(page.description)}
---

# {escape(page.title)} {{ .site-text }}

<div class="site-added checklist-intro" markdown>

{page.intro_markdown.strip()}

</div>

<section class="checklist" data-checklist data-storage-key="{escape(page.storage_key)}" aria-label="{escape(page.title)}">
<p class="checklist__print-meta print-only site-text">{escape(words.printed_on)} <span data-checklist-date>____________</span></p>
{groups}
<p class="checklist__other site-added">{escape(words.other_symptoms)}</p>
{_print_notes(words.notes_title, words.notes)}
<p class="checklist__print-how site-text">{escape(words.print_how)}</p>
<div class="checklist__actions site-text" data-print-label="{escape(words.print_button)}" data-clear-label="{escape(words.clear_button)}"></div>
<p class="checklist__privacy site-text">{escape(words.privacy)}</p>
</section>
"""


def _print_notes(title: str = PRINT_NOTES_TITLE, prompts: tuple[str, ...] = PRINT_NOTES) -> str:
    """Print-only lines to write on (the page's address is printed once, by the page foot, not here)."""
    rows = "\n".join(f'<p class="checklist__note">{escape(prompt)}</p>' for prompt in prompts)
    return (f'<div class="checklist__notes print-only site-added">\n'
            f'<p class="checklist__notes-title"><strong>{escape(title)}</strong></p>\n{rows}\n</div>')


def _group(symptoms: SymptomList, prefix: str, legend_words: str = LEGEND) -> str:
    seen: set[str] = set()
    rows = []
    for text in symptoms.items:
        base = f"{prefix}--{item_id(text)}"
        ident, n = base, 2
        while ident in seen:
            ident, n = f"{base}-{n}", n + 1
        seen.add(ident)
        rows.append(
            f'<li class="checklist__item"><input class="checklist__box" type="checkbox" id="{ident}">'
            f' <label class="checklist__label" for="{ident}">{escape(text)}</label></li>'
        )
    # A group named by its first line, not a <fieldset>/<form>: reader view (Mozilla Readability) drops any
    # form or fieldset holding more checkboxes than paragraphs, which would leave the checklist page empty.
    name = f"{prefix}--group"
    return (
        f'<div class="checklist__group" role="group" aria-labelledby="{name}">\n'
        f'<p class="checklist__legend site-text" id="{name}">{escape(legend(symptoms.title, legend_words))}</p>\n'
        f'<ul class="checklist__items">\n' + "\n".join(rows) + "\n</ul>\n</div>"
    )


def _yaml_string(value: str) -> str:
    """A double-quoted YAML scalar: JSON strings are valid YAML."""
    return json.dumps(value, ensure_ascii=False)
