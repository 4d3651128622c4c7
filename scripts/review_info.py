"""Who reviewed a page and when, from its front matter, shown at the page's foot; nothing is shown that is not given.

Keys (all optional): `reviewed: 2026-10-01`, `next_review: 2027-10-01`, `reviewed_by: "Name, role"`,
`sources:` a list of `{title: "…", url: "https://…"}`. A wrong shape stops the build with the file and line.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from html import escape
from urllib.parse import urlsplit

from frontmatter import FrontMatterError, Source

KEYS = ("reviewed", "next_review", "reviewed_by", "sources")


@dataclass(frozen=True)
class ReviewInfo:
    reviewed: datetime.date | None = None
    next_review: datetime.date | None = None
    reviewed_by: str | None = None
    sources: tuple[tuple[str, str], ...] = ()  # (title, url)

    @property
    def empty(self) -> bool:
        return not (self.reviewed or self.next_review or self.reviewed_by or self.sources)


def _date(source: Source, key: str) -> datetime.date | None:
    value = source.meta.get(key)
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise FrontMatterError(source.path, source.line_of(key), f"'{key}' must be a date written YYYY-MM-DD, e.g. 2026-10-01, not {value!r}")


def review_info(source: Source) -> ReviewInfo:
    """The review keys of one page's front matter, checked."""
    meta = source.meta
    reviewed, next_review = _date(source, "reviewed"), _date(source, "next_review")
    if reviewed and next_review and next_review <= reviewed:
        raise FrontMatterError(source.path, source.line_of("next_review"), "'next_review' must come after 'reviewed'")
    reviewed_by = meta.get("reviewed_by")
    if reviewed_by is not None and (not isinstance(reviewed_by, str) or not reviewed_by.strip()):
        raise FrontMatterError(source.path, source.line_of("reviewed_by"), "'reviewed_by' must be text, e.g. \"Dr A. Jones, vascular surgeon\"")
    sources = meta.get("sources") or []
    how = "'sources' must be a list of '- {title: \"…\", url: \"https://…\"}' entries"
    if not isinstance(sources, list):
        raise FrontMatterError(source.path, source.line_of("sources"), how)
    checked = []
    for entry in sources:
        if not isinstance(entry, dict) or set(entry) != {"title", "url"}:
            raise FrontMatterError(source.path, source.line_of("sources"), how)
        title, url = entry["title"], entry["url"]
        parts = urlsplit(url) if isinstance(url, str) else None
        if not isinstance(title, str) or not title.strip() or not parts or parts.scheme not in ("https", "http") or not parts.netloc:
            raise FrontMatterError(source.path, source.line_of("sources"), f"{how}; check {entry!r}")
        checked.append((title.strip(), url.strip()))
    return ReviewInfo(reviewed, next_review, reviewed_by.strip() if reviewed_by else None, tuple(checked))


def long_date(day: datetime.date) -> str:
    """'1 October 2026': unambiguous wherever the reader lives (no 01/10 vs 10/01)."""
    return f"{day.day} {day:%B %Y}"


def review_html(info: ReviewInfo) -> str:
    """The page's review block, or nothing when the front matter gives none of it."""
    if info.empty:
        return ""
    parts = []
    dates = []
    if info.reviewed:
        dates.append(f'Page last reviewed: <time datetime="{info.reviewed.isoformat()}">{long_date(info.reviewed)}</time>')
    if info.next_review:
        dates.append(f'Next review due: <time datetime="{info.next_review.isoformat()}">{long_date(info.next_review)}</time>')
    if dates:
        parts.append(f'<p class="page-review__dates">{" · ".join(dates)}</p>')
    if info.reviewed_by:
        parts.append(f'<p class="page-review__by">Reviewed by: {escape(info.reviewed_by)}</p>')
    if info.sources:
        items = "\n".join(f'<li><a href="{escape(url)}">{escape(title)}</a></li>' for title, url in info.sources)
        parts.append(f'<p class="page-review__sources-title">Sources:</p>\n<ul class="page-review__sources">\n{items}\n</ul>')
    body = "\n".join(parts)
    return f'<div class="page-review site-added">\n{body}\n</div>'
