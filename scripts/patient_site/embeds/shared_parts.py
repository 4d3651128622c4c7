"""What every clinic's embeds and API take alike from a page, shared by every build of the project
(`.build/cache/embeds/`): its content re-linked for its embed, that copy's scan for inline code, and its text
without and with the site's added blocks. Each is a function of the page's content, its address and the addresses
of every embed (never of a clinic's name or address), parsed with lxml three times per page in every build.

An entry is keyed by a hash of exactly those, lxml's version and our code; `write_extras` (embeds/output.py) asks
for it when a build writes every embed (not the editor's preview, which keeps its own).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from patient_site.embeds.variants import PageCopy, article_text, rewrite_for_embed, site_added_text
from patient_site.hosting.headers import PageScan, scan_page
from patient_site.preview import code_digest, digest
from patient_site.shared_conversions import versions
from patient_site.shared_store import SharedStore


@dataclass(frozen=True)
class PageParts:
    embed_content: str  # rewrite_for_embed: the content as it reads inside /embed/<slug>/
    embed_scan: PageScan  # scan_page of that content (the Content-Security-Policy's view of the embed)
    text: str  # article_text: the clinic's words
    site_added: list[str]  # site_added_text: the site's added blocks


def page_parts(copy: PageCopy, embeds: dict[str, str]) -> PageParts:
    content = rewrite_for_embed(copy.content, copy.url, embeds)
    return PageParts(content, scan_page(content), article_text(copy.content), site_added_text(copy.content))


class SharedParts(SharedStore):
    """The store, for one build: its key covers our code, lxml's version and every embed's address."""

    def __init__(self, folder: Path, embeds: dict[str, str]):
        self.embeds = embeds
        self.site_key = digest(code_digest(), versions(("lxml",)), sorted(embeds.items()))
        super().__init__(folder, self.site_key)

    def parts(self, copy: PageCopy) -> PageParts:
        return self.made(digest(self.site_key, copy.url, copy.content), lambda: page_parts(copy, self.embeds))
