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
class PostalAddress:
    """`extra.clinic.address`: where patients go, for paper, the footer and search engines (schema.org PostalAddress)."""

    street: str
    town: str
    postcode: str

    @property
    def one_line(self) -> str:
        return f"{self.street}, {self.town} {self.postcode}"

    def schema(self) -> dict:
        return {"@type": "PostalAddress", "streetAddress": self.street, "addressLocality": self.town,
                "postalCode": self.postcode}


@dataclass(frozen=True)
class Clinic:
    name: str
    phone: str
    website: str
    booking: str
    emergency_number: str
    accent_color: str = DEFAULT_ACCENT
    logo: str | None = None
    address: PostalAddress | None = None  # optional: a clinic that sees patients online only has none

    @property
    def phone_href(self) -> str:
        return "tel:" + re.sub(r"[^\d+]", "", self.phone)

    def contact_html(self, label: str | None = None, phone: str = "Phone:", website: str = "Website:",
                     book: str = "Book an appointment", address: str = "Address:") -> str:
        """The clinic's contact card: name, phone, website, booking link and, when set, the address.

        `label` names the card's region; a page with two cards (article and footer) needs two names (axe landmark-unique).
        The phone number never breaks at its hyphen (`clinic-contact__phone`); on paper the booking link prints
        its address (`clinic-contact__booking`, patient.css).
        """
        host = urlsplit(self.website).netloc
        label = label or f"Contact {self.name}"
        return (
            f'<section class="clinic-contact" aria-label="{escape(label)}">\n'
            f'<p class="clinic-contact__name"><strong>{escape(self.name)}</strong></p>\n'
            f'<ul class="clinic-contact__list">\n'
            f'<li>{escape(phone)} <a class="clinic-contact__phone" href="{escape(self.phone_href)}">{escape(self.phone)}</a></li>\n'
            f'<li>{escape(website)} <a href="{escape(self.website)}">{escape(host)}</a></li>\n'
            f'<li><a class="clinic-contact__booking" href="{escape(self.booking)}">{escape(book)}</a></li>\n'
            + (f'<li>{escape(address)} <span class="clinic-contact__address">{escape(self.address.one_line)}</span></li>\n'
               if self.address else "")
            + "</ul>\n</section>"
        )
