"""Page conversions shared by every build of the project: a page converted once is not converted again by the next
build of another clinic, or by the next `make site`, while nothing the conversion depends on has changed.

The clinics publish the same pages with their own details, and a clinic's details never enter the Markdown
conversion: the care cards are filled in after it (`conversion.PageConversion.finish`), the footer and head by the
templates. So each conversion's result (the HTML, the table of contents, the title, the anchors and the cross-links
it made) is stored under a hash of everything that goes into it: the site key (our code and the converters'
versions, the Markdown settings, every page's address, the term and glossary indexes) and the page's own part (its
text after our step before conversion, its notices and closing part). A conversion that logged a warning or met an
editor's mistake is never stored, so a strict build meets the warning again. Each entry is written whole or not at
all, so builds of several clinics at once may share the folder (`.build/cache/conversions/`).
Plain data in, plain data out: the MkDocs glue is `patient_site/mkdocs/build.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from patient_site.preview import code_digest, digest
from patient_site.shared_store import SharedStore

CONVERTERS = ("markdown", "pymdown-extensions", "mkdocs", "mkdocs-material", "properdocs")


@dataclass
class Converted:
    """What one page's conversion gave: enough to skip converting it again."""

    html: str  # the converted HTML, before the care cards are filled in
    toc: object  # the engine's table of contents
    title: str | None  # the title the conversion found (the first heading)
    anchors: set  # the ids the page's HTML has, for the other pages' links to them
    links_to_anchors: dict  # page source -> {anchor: as written}: the links to check once every page is converted
    outgoing: list | None  # the cross-links the page got (crosslinks.Target), for "Related pages"


def versions(names: tuple = CONVERTERS) -> tuple:
    """The installed versions of these packages (those installed): part of a stored result's key."""
    found = []
    for name in names:
        try:
            found.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            continue
    return tuple(found)


class SharedConversions(SharedStore):
    """The store, for one build: its site key, set once the build knows every page and term."""

    def __init__(self, folder: Path, *site_parts):
        self.site_key = digest(code_digest(), versions(), *site_parts)
        super().__init__(folder, self.site_key)

    def key(self, *page_parts) -> str:
        return digest(self.site_key, *page_parts)
