"""The clinic of `extra.clinic` in mkdocs.yml (checked by patient_site/settings.py), rendered as one contact card.

Every place a reader meets the clinic (footer, landing page, checklist print-out) shows this same card,
so the clinic's details are written once and appear identically everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from urllib.parse import urlsplit

DEFAULT_ACCENT = "#3949ab"


@dataclass(frozen=True)
class Clinic:
    name: str
    phone: str
    website: str
    booking: str
    emergency_number: str
    accent_color: str = DEFAULT_ACCENT
    logo: str | None = None

    @property
    def phone_href(self) -> str:
        return "tel:" + re.sub(r"[^\d+]", "", self.phone)

    def contact_html(self, label: str | None = None) -> str:
        """The clinic's contact card: name, phone, website and booking link.

        `label` names the card's region; a page with two cards (article and footer) needs two names (axe landmark-unique).
        """
        host = urlsplit(self.website).netloc
        label = label or f"Contact {self.name}"
        return (
            f'<section class="clinic-contact" aria-label="{escape(label)}">\n'
            f'<p class="clinic-contact__name"><strong>{escape(self.name)}</strong></p>\n'
            f'<ul class="clinic-contact__list">\n'
            f'<li>Phone: <a href="{escape(self.phone_href)}">{escape(self.phone)}</a></li>\n'
            f'<li>Website: <a href="{escape(self.website)}">{escape(host)}</a></li>\n'
            f'<li><a href="{escape(self.booking)}">Book an appointment</a></li>\n'
            f"</ul>\n</section>"
        )

    # Removed once the glue calls load_settings (patient_site/settings.py checks extra.clinic now) ----------------

    @classmethod
    def from_mapping(cls, data: object) -> "Clinic":
        if not isinstance(data, dict):
            raise ClinicError("extra.clinic must be a block with " + ", ".join(FIELDS))
        unknown = sorted(map(str, set(data) - set(FIELDS) - set(OPTIONAL)))
        if unknown:
            allowed = ", ".join([*FIELDS, *OPTIONAL])
            raise ClinicError(f"extra.clinic has unknown key(s) {', '.join(unknown)}; allowed: {allowed}")
        values = {}
        for key, meaning in FIELDS.items():
            value = data.get(key)
            if not isinstance(value, (str, int)) or not str(value).strip():
                raise ClinicError(f"extra.clinic.{key} is missing: give {meaning}")
            values[key] = str(value).strip()
        for key in ("website", "booking"):
            parts = urlsplit(values[key])
            if parts.scheme not in ("https", "http") or not parts.netloc:
                raise ClinicError(f"extra.clinic.{key} must be a full web address starting with https://, not {values[key]!r}")
        for key in ("phone", "emergency_number"):
            if not re.search(r"\d", values[key]):
                raise ClinicError(f"extra.clinic.{key} must contain a number, not {values[key]!r}")
        for key in OPTIONAL:
            if data.get(key) is not None:
                values[key] = str(data[key]).strip()
        if not re.fullmatch(r"#[0-9a-fA-F]{6}", values.get("accent_color", DEFAULT_ACCENT)):
            raise ClinicError(f"extra.clinic.accent_color must be {OPTIONAL['accent_color']}, not {values['accent_color']!r}")
        return cls(**values)


# Removed once the glue calls load_settings (patient_site/settings.py checks extra.clinic now) ----------------

FIELDS = {
    "name": "the clinic's name",
    "phone": "a phone number patients can call",
    "website": "the clinic's website (https://…)",
    "booking": "the page where patients book an appointment (https://…)",
    "emergency_number": "the local emergency number, e.g. 911, 999 or 112",
}
# Optional branding; a clinic that leaves them out gets the site's defaults.
OPTIONAL = {
    "accent_color": "a colour as #rrggbb for links and buttons",
    "logo": "a logo image inside docs/, e.g. assets/logo.svg",
}


class ClinicError(ValueError):
    """A problem in `extra.clinic`, worded for the person editing mkdocs.yml."""
