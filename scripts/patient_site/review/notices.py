"""What a reader is told when the words changed: at the foot after a sign-off, at the top of a stale translation.

The site's own words (`extra.site_text`, in the build's language), marked `site-added`; they say no more than the
facts: the date of the record, that the translation may not include the change yet, and where the original is.
"""

from __future__ import annotations

import os
from html import escape

from patient_site.markdown.glossary import FILE as GLOSSARY_FILE
from patient_site.review.project import approved_terms
from patient_site.review.state import project_of


def review_note(site, src: str) -> str:
    """The foot's sentence for a page changed since its sign-off, or ""."""
    state = site.reviews.get(src)
    return site.settings.site_text.changed_since_review if state is not None and state.review == "changed" else ""


def translation_notice_html(site, src: str) -> str:
    """The notice at the top of a translated page whose original changed since its translation was recorded, or ""."""
    state = site.reviews.get(src)
    if state is None or state.translation != "stale":
        return ""
    words = site.settings.site_text
    if state.translated is None:
        text = words.translation_unrecorded
    else:
        text = words.translation_stale.replace("{date}", words.review.long_date(state.translated.date))
    first = site.languages.all[0].lang if site.languages else ""
    link = site.reviews.original_url.get(src)
    more = f' <a href="{escape(link)}" hreflang="{escape(first)}">{escape(words.read_original)}</a>' if link else ""
    return f'<p class="translation-notice translation-notice--stale site-added" role="note">{escape(text)}{more}</p>\n'


def glossary_unapproved(site) -> bool:
    """Whether some entry of the build's glossary has no approval recorded for its words (patient_site/review)."""
    project = project_of(site)
    file = os.path.relpath(os.path.join(os.path.abspath(site.paths.docs_dir), GLOSSARY_FILE), project).replace(os.sep, "/")
    approved = approved_terms(project, file, site.glossary_entries)
    return any(entry.term not in approved for entry in site.glossary_entries)
