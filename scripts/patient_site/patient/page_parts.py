"""What the theme adds around a page's content, as plain functions of the page: head (JSON-LD, Open Graph), foot.

The MkDocs glue hands them to the templates as globals (`mkdocs/theme.py`); the hook-free post-build step
(`engine/finish.py`) puts their output into pages another engine built. One implementation for both.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from patient_site.patient import preview_image
from patient_site.patient.page_foot import page_foot_html
from patient_site.patient.review import ReviewInfo, review_html
from patient_site.patient.structured_data import json_ld_script, medical_web_page, open_graph_html
from patient_site.review.notices import review_note
from patient_site.review.state import published_review

if TYPE_CHECKING:
    from patient_site.site import SiteBuild


def head_parts(site: SiteBuild, src: str, title: str, description: str, url: str) -> str:
    """JSON-LD, Open Graph and the link-preview picture (drawn after the build) for the page whose source is `src`."""
    data = medical_web_page(
        title=title, description=description, url=url, language=site.language, site_name=site.site_name,
        site_url=site.site_url, clinic=site.settings.clinic, conditions=site.about(src),
        review=published_review(site, src),
    )
    clinic = site.settings.clinic
    page_url = url[len(site.site_url):] if url.startswith(site.site_url) else src.removesuffix(".md") + "/"
    image = preview_image.plan(site.previews, site.site_url, page_url, title, site.site_name, clinic.name,
                               clinic.accent_color, alt=f"{title}: {site.site_name}, {clinic.name}" if title != site.site_name else f"{title}, {clinic.name}")
    graph = open_graph_html(title=title, description=description, url=url, site_name=site.site_name,
                            language=site.language, home=src == "index.md", image=image)
    return f"{json_ld_script(data)}\n{graph}"


def foot_parts(site: SiteBuild, src: str, canonical_url: str) -> str:
    """Review details, disclaimer and the print-only address (the footer's card is the contact, on paper too)."""
    source = site.pages.get(src)
    words = site.settings.site_text  # in the build's language
    review = review_html(source.review if source else ReviewInfo(), words.review, review_note(site, src))
    return page_foot_html(review, site.settings.disclaimer, canonical_url, words.please_note, words.printed_from)


def footer_html(site: SiteBuild) -> str:
    """The clinic's contact card atop the footer, as every page shows it (overrides/main.html, block footer)."""
    card = site.settings.site_text.contact(site.settings.clinic)
    return (f'<div class="clinic-footer site-added">\n    <div class="md-grid md-typeset clinic-footer__inner">\n'
            f'      {card}\n    </div>\n  </div>')
