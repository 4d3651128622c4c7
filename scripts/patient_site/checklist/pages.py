"""Which checklist pages a build makes: every marked list on one page, or one page per folder when they are many.

A small site gets one page, `checklist.md`, with every list in menu order. A large library would make that
page thousands of boxes long (and far over the size budget), so once all lists together hold more than
`max_symptoms_per_page` symptoms, the lists are grouped by the folder of the page they come from: each folder
gets `checklist/<slug>.md` with its own browser storage key, and `checklist.md` becomes an index of them.
A folder is never split, however long its lists. This module takes plain data and returns Markdown; the hook
turns each record into a MkDocs file.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from patient_site.checklist.symptom_lists import HOW_TO_MARK, ChecklistPage, ChecklistSettings, SymptomList, render_checklist_page
from patient_site.checklist.symptom_lists import _yaml_string as yaml_string  # one quoting rule for every generated front matter
from patient_site.errors import SiteError
from patient_site.slugs import path_name

INDEX_PAGE = "checklist.md"
GROUP_FOLDER = "checklist"
TOP_LEVEL = "general"  # the address of the group of pages at the top of docs/ (its name: `top_section`)


class ChecklistMissing(SiteError):
    """A page that must carry a list has none, or no page has one; the message names the file."""


@dataclass(frozen=True)
class GeneratedChecklist:
    """One generated checklist page: where it goes, its Markdown, and the lists it shows (none on the index)."""

    src: str  # e.g. "checklist.md" or "checklist/area-a-topic-b.md"
    title: str
    markdown: str
    lists: tuple[SymptomList, ...]
    edit_from: str  # the source page whose "Edit this page" link it borrows
    in_nav: bool = True  # group pages are reached from the index, not the menu


@dataclass(frozen=True)
class ChecklistSite:
    """What the pages say around the lists that comes from the site, not from `extra.checklist`."""

    shown: dict[str, str]  # source path -> the path an editor sees in messages, e.g. "docs/symptoms.md"
    docs_shown: str  # the docs folder as an editor sees it, e.g. "docs"
    titles: dict[str, str]  # source path -> page title, for naming folders after their index.md


def checklist_pages(
    lists: list[SymptomList], settings: ChecklistSettings, order: Callable[[str], int], site: ChecklistSite,
) -> list[GeneratedChecklist]:
    """The checklist page(s) for `lists`; `order` is the menu position of a source path."""
    lists = sorted(lists, key=lambda symptoms: order(symptoms.page))  # one group per condition, in menu order
    with_lists = {symptoms.page for symptoms in lists}
    for required in settings.required_pages:
        if required not in with_lists:
            shown = site.shown.get(required, posixpath.join(site.docs_shown, required))
            raise ChecklistMissing(f"{shown}: no symptom list found for the checklist; {HOW_TO_MARK}")
    if not lists:
        raise ChecklistMissing(f"{site.docs_shown}: no page has a symptom list for the checklist; {HOW_TO_MARK}")

    if symptom_count(lists) <= settings.max_symptoms_per_page:
        return [_form_page(INDEX_PAGE, settings.title, settings.storage_key, lists, settings, site)]
    sections = [
        (name, _form_page(f"{GROUP_FOLDER}/{slug}.md", f"{settings.title}: {name}", f"{settings.storage_key}:{slug}",
                          members, settings, site, in_nav=False))
        for slug, name, members in group_by_folder(lists, site.titles, settings.top_section)
    ]
    return [_index_page(sections, lists, settings), *(group for _, group in sections)]


def symptom_count(lists: list[SymptomList] | tuple[SymptomList, ...]) -> int:
    return sum(len(symptoms.items) for symptoms in lists)


def group_by_folder(lists: list[SymptomList], titles: dict[str, str],
                    top_section: str = ChecklistSettings.top_section) -> list[tuple[str, str, list[SymptomList]]]:
    """(slug, name, lists) per folder holding lists, in the order of each folder's first list.

    The name is the title of the folder's index.md, else the folder path; top-level pages form "general" (its address),
    named `top_section` in the page's language.
    Slugs are the folder path with "/" as "-"; two folders that would share one get "-2", "-3" … in order.
    """
    folders: dict[str, list[SymptomList]] = {}
    for symptoms in lists:
        folders.setdefault(posixpath.dirname(symptoms.page), []).append(symptoms)
    groups, taken = [], set()
    for folder, members in folders.items():
        base = path_name(folder, TOP_LEVEL)
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        name = titles.get(posixpath.join(folder, "index.md")) if folder else None
        groups.append((slug, name or folder or top_section, members))
    return groups


def _form_page(src: str, title: str, storage_key: str, lists: list[SymptomList], settings: ChecklistSettings,
               site: ChecklistSite, in_nav: bool = True) -> GeneratedChecklist:
    markdown = render_checklist_page(lists, ChecklistPage(
        title=title,
        description=settings.description,
        intro_markdown=settings.intro,
        storage_key=storage_key,
        words=settings,
    ))
    return GeneratedChecklist(src, title, markdown, tuple(lists), lists[0].page, in_nav)


def _index_page(sections: list[tuple[str, GeneratedChecklist]], lists: list[SymptomList],
                settings: ChecklistSettings) -> GeneratedChecklist:
    links = "\n".join(
        f"- [{_link_text(name)}]({group.src}) ({_symptoms(symptom_count(group.lists), settings)})" for name, group in sections
    )
    markdown = f"""---
title: {yaml_string(settings.title)}
description: {yaml_string(settings.description)}
---

# {escape(settings.title)} {{ .site-text }}

<div class="site-added checklist-intro" markdown>

{escape(settings.split_intro.replace("{count}", _symptoms(symptom_count(lists), settings)), quote=False)}

</div>

<div class="checklist-sections site-text" markdown>

{links}

</div>
"""
    return GeneratedChecklist(INDEX_PAGE, settings.title, markdown, (), lists[0].page)


def _symptoms(count: int, words: ChecklistSettings) -> str:
    return words.one_symptom if count == 1 else words.symptoms.replace("{count}", str(count))


def _link_text(text: str) -> str:
    """Link text as literal Markdown: a folder name like `area_1` or a title with `[` or `<` stays as written."""
    return "".join("\\" + c if c in "\\`*_[]#!" else c for c in escape(text, quote=False))
