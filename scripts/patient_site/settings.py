"""Every `extra.*` block of mkdocs.yml declared once in `BLOCKS`, checked once per build, errors as `mkdocs.yml:LINE: …`.

A new setting is one more `Field` in its block below (and the field on the dataclass its feature reads); a new
block is one more entry in `BLOCKS` and one more field on `SiteSettings`. The values come from MkDocs' merged
`config.extra`. Lines come from composing the YAML again, only when a message needs one (`yaml.compose` needs no
constructors, so MkDocs' `!ENV` and `!relative` tags are fine), following `INHERIT:` (config_file.layers) to the file a value comes from.
Plain data in, plain data out: this module does not import MkDocs. `Field` and `Bad` (patient_site/declared.py) are
the front matter's too: one way to declare and check what an editor's file may hold.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from urllib.parse import urlsplit

import yaml

from patient_site.checklist.symptom_lists import ChecklistSettings
from patient_site.composition import layers as config_layers
from patient_site.composition import own_file
from patient_site.config_file import ConfigError
from patient_site.declared import Bad, Field, closest
from patient_site.editor.content_settings import DEFAULT_LABEL, POLICIES, TARGET_GRADE, TARGETS
from patient_site.editor.content_settings import Settings as ContentCheckSettings
from patient_site.embeds.for_clinics import ForClinicsWords
from patient_site.embeds.settings import EmbedSettings, EmbedSettingsError, parse_origin
from patient_site.errors import SiteError
from patient_site.hosting.settings import HostingSettings
from patient_site.languages import Language, SiteText
from patient_site.markdown.glossary import GlossaryWords
from patient_site.patient.care_cards import LEVELS, CareCard, check_placeholders
from patient_site.patient.clinic import DEFAULT_ACCENT, Clinic, PostalAddress
from patient_site.patient.page_foot import DEFAULT_DISCLAIMER
from patient_site.patient.structured_data import Condition
from patient_site.sources import normalized


class SettingsError(SiteError):
    """Everything wrong in the `extra.*` settings, one `file:LINE: message` per line."""


ADDRESS = {
    "street": Field("text", "street: 1 Example Street", required=True, meaning="the street and number"),
    "town": Field("text", "town: Exampleton", required=True, meaning="the town or city"),
    "postcode": Field("text", "postcode: EX1 2AB", required=True, meaning="the postcode or ZIP code"),
}
CLINIC = {
    "name": Field("text", "name: Example Vein Clinic", required=True, meaning="the clinic's name"),
    "phone": Field("phone", "phone: 555-0100", required=True, meaning="a phone number patients can call"),
    "website": Field("web address", "website: https://clinic.example.org/", required=True,
                     meaning="the clinic's website (https://…)"),
    "booking": Field("web address", "booking: https://clinic.example.org/book", required=True,
                     meaning="the page where patients book an appointment (https://…)"),
    "emergency_number": Field("phone", 'emergency_number: "911"', required=True,
                              meaning="the local emergency number, e.g. 911, 999 or 112"),
    "accent_color": Field("colour", 'accent_color: "#3949ab"', DEFAULT_ACCENT),
    "logo": Field("file path", "logo: assets/logo.svg  # inside docs/"),
    "address": Field("optional block", "address:\n  street: 1 Example Street\n  town: Exampleton\n  postcode: EX1 2AB",
                     fields=ADDRESS, make=PostalAddress),
}
CHECKLIST = {
    "title": Field("text", "title: Symptom checklist", ChecklistSettings.title),
    "description": Field("text", "description: Tick the symptoms you have noticed.", ChecklistSettings.description),
    "intro": Field("text", "intro: Tick the symptoms you have noticed, then print this page.", ChecklistSettings.intro),
    "storage_key": Field("text", "storage_key: vein-guide:checklist:v1", ChecklistSettings.storage_key),
    "required_pages": Field("pages", "required_pages: [symptoms.md]", ChecklistSettings.required_pages),
    "max_symptoms_per_page": Field("whole number", "max_symptoms_per_page: 100", ChecklistSettings.max_symptoms_per_page, low=1),
    # The form's words, for a translation (languages/<lang>/mkdocs.yml); English when left out.
    "legend": Field("text", "legend: Symptoms I have noticed (from the page \u201c{page}\u201d)", ChecklistSettings.legend),
    "other_symptoms": Field("text", "other_symptoms: If you have noticed other symptoms, tell the professional about them too.",
                            ChecklistSettings.other_symptoms),
    "notes_title": Field("text", "notes_title: Notes for your appointment", ChecklistSettings.notes_title),
    "notes": Field("phrases", "notes: [When did it start?, One leg or both?]", ChecklistSettings.notes),
    "printed_on": Field("text", "printed_on: Printed on", ChecklistSettings.printed_on),
    "print_button": Field("text", "print_button: Print or save for your appointment", ChecklistSettings.print_button),
    "print_how": Field("text", "print_how: To print this list, use your browser's Print command (Ctrl+P).", ChecklistSettings.print_how),
    "clear_button": Field("text", "clear_button: Clear my answers", ChecklistSettings.clear_button),
    "privacy": Field("text", "privacy: Your answers stay on this device. They are not sent anywhere.", ChecklistSettings.privacy),
    "split_intro": Field("text", "split_intro: This site lists {count}, so the checklist is split by section.",
                         ChecklistSettings.split_intro),
    "symptoms": Field("text", 'symptoms: "{count} symptoms"', ChecklistSettings.symptoms),
    "one_symptom": Field("text", 'one_symptom: "1 symptom"', ChecklistSettings.one_symptom),
    "top_section": Field("text", "top_section: General", ChecklistSettings.top_section),
}
EMBED = {
    "allowed_origins": Field("origins", "allowed_origins:\n  - https://clinic.example.org", ()),
    "nginx_snippet": Field("file path", "nginx_snippet: deploy/nginx.conf  # from the folder of this file",
                           EmbedSettings.nginx_snippet),
    "width": Field("whole number", "width: 720", EmbedSettings.width, low=100, high=5000, unit="pixels"),
    "height": Field("whole number", "height: 900", EmbedSettings.height, low=100, high=5000, unit="pixels"),
}
CONTENT_CHECK = {
    "target_grade": Field("grade", "target_grade: nhs  # or nih, or a US school grade such as 7",
                          (TARGET_GRADE, DEFAULT_LABEL), low=1, high=20),
    "overdue_review": Field("choice", "overdue_review: warn", ContentCheckSettings.overdue_review, choices=POLICIES),
    "example_clinic": Field("choice", "example_clinic: fail  # make site refuses the shipped example clinic",
                            ContentCheckSettings.example_clinic, choices=POLICIES),
    "review_period_months": Field("whole number", "review_period_months: 24  # a page may set its own",
                                  ContentCheckSettings.review_period_months, low=1, high=120, unit="months"),
    "changed_since_review": Field("choice", "changed_since_review: fail  # make site refuses a page changed since its sign-off",
                                  ContentCheckSettings.changed_since_review, choices=POLICIES),
    "stale_translation": Field("choice", "stale_translation: fail  # make site refuses a translation of an older original",
                               ContentCheckSettings.stale_translation, choices=POLICIES),
}
CARD = {
    "level": Field("choice", "level: urgent", required=True, choices=tuple(LEVELS)),
    "heading": Field("card text", "heading: Call {clinic_name} on {clinic_phone}", required=True),
    "text": Field("card text", "text: Ask for an appointment this week.", ""),
}
HOSTING = {
    "hsts": Field("yes or no", "hsts: true  # only once the site is served over HTTPS alone", HostingSettings.hsts),
}
CONDITION = {
    "name": Field("text", "name: Chronic venous insufficiency", required=True),
    "pages": Field("pages", "pages: [varicose-veins.md]", required=True, low=1),
    "symptoms_from": Field("page", "symptoms_from: varicose-veins.md"),
}

LANGUAGE = {
    "lang": Field("text", "lang: es  # the language's code, as in theme.language", required=True, meaning="the language's code, e.g. es"),
    "name": Field("text", "name: Español  # the language's name in that language", required=True, meaning="the language's own name, e.g. Español"),
}
SITE_TEXT = {
    "please_note": Field("text", "please_note: Please note:", SiteText.please_note),
    "printed_from": Field("text", "printed_from: Printed from", SiteText.printed_from),
    "related_pages": Field("text", "related_pages: Related pages", SiteText.related_pages),
    "embed_from": Field("text", "embed_from: From", SiteText.embed_from),
    "open_full_page": Field("text", "open_full_page: Open the full page", SiteText.open_full_page),
    "contact_details": Field("text", "contact_details: \"{clinic_name}: contact details\"", SiteText.contact_details),
    "contact_details_print": Field("text", "contact_details_print: \"{clinic_name}: contact details for the print-out\"",
                                   SiteText.contact_details_print),
    "phone": Field("text", "phone: \"Phone:\"", SiteText.phone),
    "website": Field("text", "website: \"Website:\"", SiteText.website),
    "book": Field("text", "book: Book an appointment", SiteText.book),
    "address": Field("text", "address: \"Address:\"", SiteText.address),
    "non_urgent": Field("text", f"non_urgent: {SiteText.non_urgent}", SiteText.non_urgent),
    "urgent": Field("text", f"urgent: {SiteText.urgent}", SiteText.urgent),
    "emergency": Field("text", f"emergency: {SiteText.emergency}", SiteText.emergency),
    "other_language_snippets": Field("text", "other_language_snippets: Snippets for the pages in {language}",
                                     SiteText.other_language_snippets),
    "untranslated_notice": Field("sentences", "untranslated_notice: This page is a translation that a clinician has not reviewed yet.",
                                 SiteText.untranslated_notice),
    "last_reviewed": Field("text", f'last_reviewed: "{SiteText.last_reviewed}"', SiteText.last_reviewed),
    "next_review": Field("text", f'next_review: "{SiteText.next_review}"', SiteText.next_review),
    "reviewed_by": Field("text", f'reviewed_by: "{SiteText.reviewed_by}"', SiteText.reviewed_by),
    "sources": Field("text", f'sources: "{SiteText.sources}"', SiteText.sources),
    "changed_since_review": Field("text", "changed_since_review: This page has changed since that review.",
                                  SiteText.changed_since_review),
    "translation_stale": Field("text", "translation_stale: \"The original of this page has changed since this translation was "
                               "recorded on {date}. This translation may not include the change yet.\"", SiteText.translation_stale),
    "translation_unrecorded": Field("text", "translation_unrecorded: No record says which version of the original this "
                                    "translation covers. It may not include all of it.", SiteText.translation_unrecorded),
    "read_original": Field("text", "read_original: Read the original page", SiteText.read_original),
    "date_format": Field("date format", "date_format: \"{day} {month} {year}\"  # 1 October 2026", SiteText.date_format),
    "months": Field("phrases", "months: [January, February, March, April, May, June, July, August, September, October, "
                    "November, December]", SiteText.months, low=12, high=12),
    "embed_reviewed": Field("text", "embed_reviewed: reviewed {date}", SiteText.embed_reviewed),
    "api_index_name": Field("text", "api_index_name: \"{site_name}: pages\"", SiteText.api_index_name),
    "not_found": Field("text", "not_found: 404 - Not found", SiteText.not_found),
    "edit_source": Field("text", "edit_source: \"Edit this page's source, {path}\"", SiteText.edit_source),
}
# Markdown with {placeholders}; a text of several lines (a list) is written after `|` to keep its line breaks.
FOR_CLINICS = {name: Field("text", f"{name}: {json.dumps(value, ensure_ascii=False)}" if "\n" not in value else
                           f"{name}: |\n  {value.splitlines()[0]}\n  …", value) for name, value in vars(ForClinicsWords()).items()}
GLOSSARY = {
    "title": Field("text", "title: Glossary of medical words", GlossaryWords.title),
    "description": Field("text", "description: Plain-language explanations of the medical words used in this guide.",
                         GlossaryWords.description),
    "intro": Field("sentences", "intro: Short, plain explanations of medical words used in this guide.", GlossaryWords.intro),
    "source_label": Field("text", "source_label: Source:", GlossaryWords.source_label),
    "also_label": Field("text", "also_label: also:", GlossaryWords.also_label),
}

BLOCKS: dict[str, Field] = {
    "clinic": Field("block", "clinic:\n  name: Example Vein Clinic\n  phone: 555-0100", required=True,
                    fields=CLINIC, make=Clinic),
    "checklist": Field("block", "checklist:\n  required_pages: [symptoms.md]", fields=CHECKLIST, make=ChecklistSettings),
    "embed": Field("block", "embed:\n  allowed_origins:\n    - https://clinic.example.org", fields=EMBED, make=EmbedSettings),
    "content_check": Field("block", "content_check:\n  target_grade: 8\n  overdue_review: warn",
                           fields=CONTENT_CHECK, make=ContentCheckSettings.made),
    "care_cards": Field("cards", "care_cards:\n  get-checked:\n    level: non-urgent\n    heading: Have your symptoms checked",
                        item=Field("block", "get-checked:\n  level: non-urgent\n  heading: Have your symptoms checked",
                                   fields=CARD, make=CareCard)),
    "hosting": Field("block", "hosting:\n  hsts: true", fields=HOSTING, make=HostingSettings),
    "disclaimer": Field("sentences", "disclaimer: This page is general information, not a diagnosis.", DEFAULT_DISCLAIMER),
    "conditions": Field("blocks", "conditions:\n  - name: Varicose veins\n    pages: [varicose-veins.md]\n    symptoms_from: varicose-veins.md",
                        item=Field("block", "- name: Varicose veins\n  pages: [varicose-veins.md]", fields=CONDITION, make=Condition)),
    # The site's languages, the first one at the root (LANGUAGES.md); each other language's config repeats none of it.
    "languages": Field("blocks", "languages:\n  - lang: en\n    name: English\n  - lang: es\n    name: Español",
                       item=Field("block", "- lang: es\n  name: Español", fields=LANGUAGE, make=Language)),
    "site_text": Field("block", "site_text:\n  please_note: Please note:", fields=SITE_TEXT, make=SiteText),
    "glossary": Field("block", "glossary:\n  title: Glossary of medical words", fields=GLOSSARY, make=GlossaryWords),
    # The for-clinics pages' words (embeds/for_clinics.py), for a translation; English when left out.
    "for_clinics": Field("block", "for_clinics:\n  title: For clinics", fields=FOR_CLINICS, make=ForClinicsWords),
}


@dataclass(frozen=True)
class SiteSettings:
    """The checked `extra.*` settings, as the values each feature reads."""

    clinic: Clinic
    checklist: ChecklistSettings
    embed: EmbedSettings
    content_check: ContentCheckSettings
    care_cards: Mapping[str, CareCard]  # read-only, by card name
    disclaimer: str
    conditions: tuple[Condition, ...]
    hosting: HostingSettings
    languages: tuple[Language, ...]
    site_text: SiteText
    glossary: GlossaryWords
    for_clinics: ForClinicsWords
    lines: _Lines = field(compare=False, repr=False)

    def where(self, *keys: str | int) -> str:
        """`file:LINE` of `extra.<keys…>`, for a later check of a setting (a logo file that is missing, say)."""
        path, line = self.lines.locate(keys)
        return f"{path}:{line}"


def load_settings(extra: Mapping, config_file: str) -> SiteSettings:
    """Check every block of `extra` (MkDocs' merged `config.extra`); raise SettingsError naming every bad block."""
    lines = _Lines(config_file)
    extra = normalized(dict(extra))  # MkDocs read the file itself: its text as the one reader gives it (sources.py)
    values, problems = {}, []
    for name, declared in BLOCKS.items():
        try:
            values[name] = _check(declared, extra.get(name), (name,))
        except Bad as bad:
            path, line = lines.locate(bad.keys)
            example = f"; write it like:\n    {bad.example.replace(chr(10), chr(10) + '    ')}" if bad.example else ""
            problems.append(f"{path}:{line}: {bad.message}{example}")
    if problems:
        raise SettingsError("\n".join(problems))
    return SiteSettings(**values, lines=lines)


def _name(keys: tuple) -> str:
    return "extra" + "".join(f"[{key}]" if isinstance(key, int) else f".{key}" for key in keys)


EMPTY = {"block": {}, "cards": {}, "blocks": []}  # what a block, card list or entry list left out stands for


def _check(declared: Field, value: object, keys: tuple):
    """`value` as its feature reads it; a missing or empty (None) value is the default, or a problem when required."""
    if value is None and not declared.required:
        if declared.kind not in EMPTY:
            return declared.default
        value = EMPTY[declared.kind]  # a block left out is a block of defaults
    if value is None and declared.meaning:
        raise Bad(keys, f"{_name(keys)} is missing: give {declared.meaning}", declared.example)
    return KINDS[declared.kind](declared, value, keys)


def _text(declared, value, keys):
    if not isinstance(value, str) or not value.strip():
        raise Bad(keys, f"{_name(keys)} must be non-empty text", declared.example)
    return value.strip()


def _card_text(declared, value, keys):
    text = _text(declared, value, keys)
    try:
        check_placeholders(text, _name(keys))
    except ValueError as error:
        raise Bad(keys, str(error), declared.example) from None
    return text


def _sentences(declared, value, keys):
    if not isinstance(value, str) or not value.strip():
        raise Bad(keys, f"{_name(keys)} must be a sentence or two of plain text (leave it out for the default)", declared.example)
    return " ".join(value.split())


def _phrases(declared, value, keys):
    if not isinstance(value, list) or not value or not all(isinstance(item, str) and item.strip() for item in value):
        raise Bad(keys, f"{_name(keys)} must be a list of short phrases", declared.example)
    if declared.low is not None and not declared.low <= len(value) <= declared.high:
        raise Bad(keys, f"{_name(keys)} must be a list of {declared.low} phrases, not {len(value)}", declared.example)
    return tuple(" ".join(item.split()) for item in value)


def _date_format(declared, value, keys):
    text = _text(declared, value, keys)
    if not all(part in text for part in ("{day}", "{month}", "{year}")):
        raise Bad(keys, f"{_name(keys)} must contain {{day}}, {{month}} and {{year}}", declared.example)
    return text


def _phone(declared, value, keys):
    text = str(value).strip() if isinstance(value, int) and not isinstance(value, bool) else _text(declared, value, keys)
    if not re.search(r"\d", text):
        raise Bad(keys, f"{_name(keys)} must contain a number, not {text!r}", declared.example)
    return text


def _web_address(declared, value, keys):
    text = value.strip() if isinstance(value, str) else value
    try:
        parts = urlsplit(text) if isinstance(text, str) else None
    except ValueError:  # e.g. "https://[": no address at all
        parts = None
    if parts is None or parts.scheme != "https" or not parts.netloc:
        raise Bad(keys, f"{_name(keys)} must be a full web address starting with https://, not {value!r}", declared.example)
    return text


def _colour(declared, value, keys):
    if not isinstance(value, str) or not re.fullmatch(r"#[0-9a-fA-F]{6}", value.strip()):
        raise Bad(keys, f"{_name(keys)} must be a colour as #rrggbb (in quotes), not {value!r}", declared.example)
    return value.strip()


def _grade(declared, value, keys):
    """A reading-grade target: a named one (nhs, nih) or a US school grade; (grade, how the report names it)."""
    if isinstance(value, str) and value.strip().lower() in TARGETS:
        return TARGETS[value.strip().lower()]
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not _in_range(declared, value):
        raise Bad(keys, f"{_name(keys)} must be a number {_range(declared)}, nhs or nih, not {value!r}", declared.example)
    return float(value), f"US grade {value:g}, set in mkdocs.yml"


def _yes_no(declared, value, keys):
    if not isinstance(value, bool):
        raise Bad(keys, f"{_name(keys)} must be true or false, not {value!r}", declared.example)
    return value


def _choice(declared, value, keys):
    if value not in declared.choices:
        raise Bad(keys, f"{_name(keys)} must be one of {', '.join(declared.choices)}, not {value!r}", declared.example)
    return value


def _range(declared) -> str:
    if declared.high is None:
        return f"of at least {declared.low:g}"
    return f"between {declared.low:g} and {declared.high:g}"


def _in_range(declared, value) -> bool:
    return declared.low <= value and (declared.high is None or value <= declared.high)


def _number(declared, value, keys):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not _in_range(declared, value):
        raise Bad(keys, f"{_name(keys)} must be a number {_range(declared)}, not {value!r}", declared.example)
    return float(value)


def _whole_number(declared, value, keys):
    if isinstance(value, bool) or not isinstance(value, int) or not _in_range(declared, value):
        unit = f" of {declared.unit}" if declared.unit else ""
        raise Bad(keys, f"{_name(keys)} must be a whole number{unit} {_range(declared)}, not {value!r}", declared.example)
    return value


def _file_path(declared, value, keys):
    if not isinstance(value, str) or not value.strip():
        raise Bad(keys, f"{_name(keys)} must be a file path, not {value!r}", declared.example)
    return value.strip()


def _page(declared, value, keys):
    if not isinstance(value, str) or not value.strip():
        raise Bad(keys, f"{_name(keys)} must be one page file, e.g. symptoms.md, not {value!r}", declared.example)
    return value.strip()


def _pages(declared, value, keys):
    if not isinstance(value, list):
        raise Bad(keys, f"{_name(keys)} must be a list of page files, e.g. [symptoms.md]", declared.example)
    if declared.low and len(value) < declared.low:
        raise Bad(keys, f"{_name(keys)} must list at least {declared.low:g} page file", declared.example)
    return tuple(_page(declared, page, (*keys, number)) for number, page in enumerate(value))


def _origins(declared, value, keys):
    if not isinstance(value, list):
        raise Bad(keys, f"{_name(keys)} must be a list of origins, e.g. [https://clinic.example.org]", declared.example)
    found = []
    for number, origin in enumerate(value):
        try:
            found.append(parse_origin(origin, _name((*keys, number))))
        except EmbedSettingsError as error:
            raise Bad((*keys, number), str(error), declared.example) from None
    return tuple(dict.fromkeys(found))


def _block(declared, value, keys, **given):
    """A block of settings: every key known, each checked, then made into the feature's value."""
    inner = declared.fields
    if not isinstance(value, dict):
        raise Bad(keys, f"{_name(keys)} must be a block of settings ({', '.join(inner)})", declared.example)
    unknown = [str(key) for key in value if str(key) not in inner]
    if unknown:
        guess = closest(unknown[0], inner)
        hint = f"; did you mean '{guess}'?" if len(unknown) == 1 and guess else ""
        message = f"{_name(keys)} has unknown key(s) {', '.join(unknown)}; allowed: {', '.join(inner)}{hint}"
        raise Bad((*keys, unknown[0]), message)
    checked = {key: _check(inner[key], value.get(key), (*keys, key)) for key in inner}
    return declared.make(**given, **checked)


def _cards(declared, value, keys):
    if not isinstance(value, dict):
        raise Bad(keys, f"{_name(keys)} must be a block of cards: NAME: {{level: ..., heading: ..., text: ...}}", declared.example)
    cards = {}
    for name, card in value.items():
        if not isinstance(name, str) or not re.fullmatch(r"[a-z0-9][a-z0-9-]*", name):
            raise Bad((*keys, str(name)), f"{_name((*keys, name))}: a card's name is lower-case letters, digits and '-', "
                       "e.g. check-symptoms")
        cards[name] = _block(declared.item, card, (*keys, name), name=name)
    return MappingProxyType(cards)


def _blocks(declared, value, keys):
    if not isinstance(value, list):
        shape = "; ".join(f"{key}: ..." for key in declared.item.fields)
        raise Bad(keys, f"{_name(keys)} must be a list of '- {{{shape}}}' entries", declared.example)
    return tuple(_block(declared.item, entry, (*keys, number)) for number, entry in enumerate(value))


KINDS = {
    "yes or no": _yes_no,
    "grade": _grade,
    "text": _text,
    "card text": _card_text,  # text with {clinic_phone}-style placeholders
    "sentences": _sentences,
    "date format": _date_format,
    "phrases": _phrases,
    "phone": _phone,
    "web address": _web_address,
    "colour": _colour,
    "choice": _choice,
    "number": _number,
    "whole number": _whole_number,
    "file path": _file_path,
    "page": _page,
    "pages": _pages,
    "origins": _origins,
    "block": _block,
    "optional block": _block,  # like a block, but left out it is None, not a block of defaults
    "cards": _cards,
    "blocks": _blocks,
}


class _Lines:
    """Where each setting is written: the config file and the files it inherits, composed on first use."""

    def __init__(self, config_file: str):
        self.config_file = own_file(config_file)  # a generated config's messages name the file an editor wrote
        self._generated = config_file
        self._layers: list[tuple[str, yaml.Node]] | None = None  # (shown path, document), child first

    def layers(self) -> list[tuple[str, yaml.Node]]:
        if self._layers is None:
            try:
                self._layers = [(_shown(path), document) for path, document in config_layers(self._generated)]
            except ConfigError:  # the engine read the config already; a message names its first line
                self._layers = []
        return self._layers

    def locate(self, keys: tuple) -> tuple[str, int]:
        """The file and line of `extra.<keys…>`, or of the nearest block above it that is written down."""
        found = [(path, _line(document, "extra"), _value(document, "extra")) for path, document in self.layers()]
        found = [layer for layer in found if layer[2] is not None]
        if not found:
            return _shown(self.config_file), 1
        for key in keys:
            if isinstance(key, int):
                path, _, node = found[0]  # a list is never merged: the nearest file's list is the value
                if not isinstance(node, yaml.SequenceNode) or key >= len(node.value):
                    break
                found = [(path, node.value[key].start_mark.line + 1, node.value[key])]
                continue
            deeper = [(path, _line(node, key), _value(node, key)) for path, _, node in found if _value(node, key) is not None]
            if not deeper:
                break
            # As MkDocs merges INHERIT (mergedeep): blocks merge key by key; anything else replaces what it inherits.
            merged = [layer for layer in _leading(deeper, lambda layer: isinstance(layer[2], yaml.MappingNode))]
            found = merged or deeper[:1]
        return found[0][0], found[0][1]


def _leading(items: list, keep: Callable) -> list:
    out = []
    for item in items:
        if not keep(item):
            break
        out.append(item)
    return out


def _pair(node, key: str):
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(key):
                return key_node, value_node
    return None


def _value(node, key: str):
    pair = _pair(node, key)
    return pair[1] if pair else None


def _line(node, key: str) -> int:
    pair = _pair(node, key)
    return pair[0].start_mark.line + 1 if pair else 1


def _shown(path: str) -> str:
    """`path` from the current folder when it is inside it (as the project prints paths), else as given."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive
        return path
    return path if relative.startswith(os.pardir) else relative
