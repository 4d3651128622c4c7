"""The two ways the site turns something into a name for an id or an address.

`slug` names a piece of text (a symptom's checkbox, a glossary entry's anchor): readable, accent-free, stable
when the text is not reworded. `path_name` names a page or folder by its path (`/embed/<name>/`,
`checklist/<name>.md`): the path itself with "/" as "-", so two different pages never share a name by
accident of spelling.
"""

from __future__ import annotations

import functools
import re
import unicodedata


@functools.lru_cache(maxsize=65536)  # a pure function of its arguments; a library's symptoms ask it each build
def slug(text: str, default: str = "item", limit: int = 60) -> str:
    """"Café—au lait!" -> "cafe-au-lait": lower-case letters and digits joined by "-", at most `limit` long."""
    unaccented = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", unaccented.lower()).strip("-")[:limit].strip("-") or default


def path_name(path: str, default: str) -> str:
    """"area-a/topic-b/" -> "area-a-topic-b"; the site's or docs' root folder is `default`."""
    return path.strip("/").replace("/", "-") or default
