""""When to get help" care cards: configured once in mkdocs.yml, placed by an editor with a visible marker.

An editor writes `<!-- care-card: NAME -->` on its own line; NAME is a card in `extra.care_cards`. Each card
has a level (non-urgent, urgent, emergency), a heading and optional text. As NHS care cards do, the heading
itself starts with the level in words ("Non-urgent advice: …"), so a screen reader's list of headings says how
urgent it is and nobody has to tell the levels apart by colour. The words are the clinic's, not ours: the
placeholders {emergency_number}, {clinic_phone}, {clinic_name} and {booking} are filled from `extra.clinic`.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from html import escape

import markdown

from patient_site.errors import SiteError

LEVELS = {
    # level -> the words that start the heading (read by screen readers and shown above the heading); the one
    # declaration of the English words: `extra.site_text` (languages.SiteText) takes its defaults from here
    "non-urgent": "Non-urgent advice",
    "urgent": "Urgent advice",
    "emergency": "Immediate action required",
}
PLACEHOLDERS = ("emergency_number", "clinic_phone", "clinic_name", "booking")
MARKER = re.compile(r"^\s*<!--\s*care-card:\s*(?P<name>[^\s>]*)\s*-->\s*$")
HOW_TO_PLACE = "write '<!-- care-card: NAME -->' on its own line, NAME being a card in extra.care_cards of mkdocs.yml"


class CareCardError(SiteError):
    """A marker naming no card, printed as `path:line: message`."""


@dataclass(frozen=True)
class CareCard:
    name: str
    level: str
    heading: str  # inline Markdown, placeholders allowed
    text: str = ""  # Markdown, placeholders allowed


def check_placeholders(text: str, where: str) -> None:
    """Raise ValueError, naming `where`, if `text` has a placeholder that is no clinic setting or a stray brace."""
    try:
        fields = [field for _, field, _, _ in string.Formatter().parse(text) if field is not None]
    except ValueError as error:
        raise ValueError(f"{where}: {error}; write {{{{ and }}}} for a literal brace") from None
    for field in fields:
        if field not in PLACEHOLDERS:
            allowed = ", ".join("{" + p + "}" for p in PLACEHOLDERS)
            raise ValueError(f"{where} uses {{{field}}}, which is not a clinic setting; allowed: {allowed}")


def _markdown_text(value: str) -> str:
    """`value` as literal Markdown text: HTML characters as entities, Markdown's own characters escaped."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!])", r"\\\1", escape(value, quote=False))


def _digits(number: str) -> str:
    return re.sub(r"[^\d+]", "", number)


def render_card(card: CareCard, clinic, levels: dict[str, str] = LEVELS) -> str:
    """The card as one block of HTML, marked `site-added` (it is the site's, not the article's)."""
    values = {
        "emergency_number": f"[{_markdown_text(clinic.emergency_number)}](tel:{_digits(clinic.emergency_number)})",
        "clinic_phone": f"[{_markdown_text(clinic.phone)}](tel:{_digits(clinic.phone)})",
        "clinic_name": _markdown_text(clinic.name),
        "booking": clinic.booking,
    }
    heading = markdown.markdown(card.heading.format_map(values))
    heading = re.sub(r"^<p>(.*)</p>$", r"\1", heading, flags=re.S)  # our own one-paragraph output, inline
    text = markdown.markdown(card.text.format_map(values)) if card.text else ""
    level = levels[card.level]
    body = f'\n<div class="care-card__content">\n{text}\n</div>' if text else ""
    return (
        # A <section>, not a <div>: reader view (Mozilla Readability) drops a <div> whose words are mostly links,
        # as a card's "Call … on 555-0100 or book an appointment" is.
        f'<section class="care-card care-card--{card.level} site-added" data-care-card="{escape(card.name)}">\n'
        # The id makes the heading a search section of its own: without one, Material's search index glues the
        # card's heading onto the title of the section above it ("…treatedNon-urgent advice: …").
        f'<h2 class="care-card__heading" id="{heading_id(card.name)}">'
        f'<span class="care-card__level">{escape(level)}:</span> {heading}</h2>'
        f"{body}\n</section>"
    )


def heading_id(name: str) -> str:
    """The card heading's id; one card per page, so the card's name makes it unique on the page."""
    return f"care-card-{name}"


def place_markers(text: str, cards: dict[str, CareCard], path: str, first_line: int = 1) -> str:
    """Check that each marker in a page's Markdown names a card; a marker naming none raises CareCardError.

    Each marker is set on a block of its own in one spelling, `placeholder(name)`, which Markdown passes
    through as a comment; `fill_cards` puts the cards there after the conversion, so the editor checks,
    which run inside it, see only the editor's words.
    """
    lines = text.split("\n")
    fence = None
    placed: dict[str, int] = {}  # card name -> the line it was first placed on
    for number, line in enumerate(lines):
        opening = re.match(r"^\s*(`{3,}|~{3,})", line)
        if opening:  # a marker shown inside a code block is an example, not a card
            fence = None if fence and opening.group(1).startswith(fence) else (fence or opening.group(1))
            continue
        match = None if fence else MARKER.match(line)
        if not match:
            continue
        if match["name"] not in cards:
            known = ", ".join(sorted(cards)) or "none is configured"
            raise CareCardError(
                f"{path}:{first_line + number}: no care card called {match['name']!r} (known: {known}); {HOW_TO_PLACE}")
        if match["name"] in placed:
            raise CareCardError(
                f"{path}:{first_line + number}: the care card {match['name']!r} is already on this page (line "
                f"{placed[match['name']]}); place each card once per page")
        placed[match["name"]] = first_line + number
        lines[number] = f"\n{placeholder(match['name'])}\n"
    return "\n".join(lines)


def placeholder(name: str) -> str:
    return f"<!-- care-card:{name} -->"


def fill_cards(html: str, cards: dict[str, CareCard], clinic, levels: dict[str, str] = LEVELS) -> str:
    """The rendered page with each card where `place_markers` left its placeholder comment.

    A marker shown in a code block was escaped by Markdown (`&lt;!--`), so it is no placeholder.
    """
    for name, card in cards.items():
        if placeholder(name) in html:
            html = html.replace(placeholder(name), render_card(card, clinic, levels))
    return html
