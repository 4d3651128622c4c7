"""What ends every page after the clinic's text: review details, the disclaimer, and a print-only footer.

All of it is the site's text, marked `site-added`. The print-only part gives a print-out the page's address,
which the screen shows in the browser's own bar. The clinic's contact is not repeated here: the footer's card is
the page's one copy (a text browser or reader view shows every copy), and on paper it prints at the top of the
first page as a letterhead (patient.css).
"""

from __future__ import annotations

from html import escape

DEFAULT_DISCLAIMER = (
    "This page is general information, not a diagnosis. "
    "Talk to a professional about your own symptoms and what is right for you."
)


def page_foot_html(review_html: str, disclaimer: str, page_url: str,
                   please_note: str = "Please note:", printed_from: str = "Printed from") -> str:
    """Review block, disclaimer, then the print-only address of the page."""
    return (
        f"{review_html}\n"
        f'<p class="page-disclaimer site-added" data-search-exclude><strong>{escape(please_note)}</strong> {escape(disclaimer)}</p>\n'
        f'<div class="page-print-foot print-only site-added" data-search-exclude>\n'
        f'<p>{escape(printed_from)} <span class="page-print-foot__url">{escape(page_url)}</span></p>\n</div>'
    )
