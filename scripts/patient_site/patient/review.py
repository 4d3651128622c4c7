"""Who reviewed a page and when, from its front matter, shown at the page's foot; nothing is shown that is not given.

Keys (all optional): `reviewed: 2026-10-01`, `next_review: 2027-10-01`, `reviewed_by: "Name, role"`,
`sources:` a list of `{title: "…", url: "https://…"}`. Their shapes are declared and checked, with the file and
line, in frontmatter/schema.py before this module reads them.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from html import escape

from patient_site.frontmatter.reader import Source
from patient_site.frontmatter.schema import as_date


@dataclass(frozen=True)
class ReviewInfo:
    reviewed: datetime.date | None = None
    next_review: datetime.date | None = None
    reviewed_by: str | None = None
    sources: tuple[tuple[str, str], ...] = ()  # (title, url)

    @property
    def empty(self) -> bool:
        return not (self.reviewed or self.next_review or self.reviewed_by or self.sources)


def review_info(source: Source) -> ReviewInfo:
    """The review keys of one page's front matter; frontmatter_schema.validate has already checked their shapes."""
    meta = source.meta
    reviewed_by = meta.get("reviewed_by")
    sources = tuple((entry["title"].strip(), entry["url"].strip()) for entry in meta.get("sources") or [])
    return ReviewInfo(as_date(meta.get("reviewed")), as_date(meta.get("next_review")), reviewed_by.strip() if reviewed_by else None, sources)


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


@dataclass(frozen=True)
class ReviewWords:
    """The review block's labels and its dates' format, in the build's language (`extra.site_text`)."""

    last_reviewed: str = "Page last reviewed:"
    next_review: str = "Next review due:"
    reviewed_by: str = "Reviewed by:"
    sources: str = "Sources:"
    date_format: str = "{day} {month} {year}"  # "1 October 2026"; Spanish "{day} de {month} de {year}"
    months: tuple[str, ...] = MONTHS

    def long_date(self, day: datetime.date) -> str:
        """'1 October 2026': unambiguous wherever the reader lives (no 01/10 vs 10/01), in the build's language."""
        values = {"day": str(day.day), "month": self.months[day.month - 1], "year": str(day.year)}
        return re.sub(r"\{(day|month|year)\}", lambda found: values[found.group(1)], self.date_format)


def review_html(info: ReviewInfo, words: ReviewWords = ReviewWords(), changed: str = "") -> str:
    """The page's review block, or nothing when the front matter gives none of it.

    `changed`: the sentence saying the page's words changed since that review (patient_site/review), or ""."""
    if info.empty:
        return ""
    parts = []
    dates = []
    if info.reviewed:
        dates.append(f'{escape(words.last_reviewed)} <time datetime="{info.reviewed.isoformat()}">{escape(words.long_date(info.reviewed))}</time>')
    if info.next_review:
        dates.append(f'{escape(words.next_review)} <time datetime="{info.next_review.isoformat()}">{escape(words.long_date(info.next_review))}</time>')
    if dates:
        parts.append(f'<p class="page-review__dates">{" · ".join(dates)}</p>')
    if changed:
        parts.append(f'<p class="page-review__changed">{escape(changed)}</p>')
    if info.reviewed_by:
        parts.append(f'<p class="page-review__by">{escape(words.reviewed_by)} {escape(info.reviewed_by)}</p>')
    if info.sources:
        items = "\n".join(f'<li><a href="{escape(url)}">{escape(title)}</a></li>' for title, url in info.sources)
        parts.append(f'<p class="page-review__sources-title">{escape(words.sources)}</p>\n<ul class="page-review__sources">\n{items}\n</ul>')
    body = "\n".join(parts)
    return f'<div class="page-review site-added">\n{body}\n</div>'
