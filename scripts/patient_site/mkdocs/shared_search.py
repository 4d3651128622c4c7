"""Search index entries shared by every build of the project (`.build/cache/search/`): Material's search plugin
parses each page's HTML into sections again in every build, and a clinic's pages mostly hold the same content as
another's.

Material indexes a page from its content, table of contents, address, title and front matter (`SearchIndex.
add_entry_from_context`), with the plugin's settings; each page's entries are stored under a hash of exactly those
and of Material's version and our code, and the next build with the same hash gets the stored entries instead of
parsing the page. Only a build with no warning logged so far stores entries (a strict build that warned fails).
Not used by the editor's preview (it keeps its own, `mkdocs/preview.py`).
"""

from __future__ import annotations

from pathlib import Path

from patient_site.preview import code_digest, digest
from patient_site.shared_conversions import versions
from patient_site.shared_store import SharedStore

INDEXERS = ("mkdocs-material", "jieba")  # jieba, when installed, splits Chinese words in every entry


def _toc(items) -> tuple:
    """What the indexer reads of the table of contents: each heading's id and address, nested."""
    return tuple((item.id, item.url, _toc(item.children)) for item in items)


def share(plugin, folder: Path, warned) -> SharedStore:
    """Have Material's search `plugin` take each page's entries from the store, or store what it made; returns the
    store, for the build to close when it ends.

    `warned()` says whether the build logged a warning: then nothing more is stored."""
    index = plugin.search_index
    index_page = index.add_entry_from_context
    settings = digest(code_digest(), versions(INDEXERS), sorted((str(name), repr(value)) for name, value in plugin.config.items()))
    store = SharedStore(folder, settings)

    def add_entry_from_context(page):
        meta = {name: page.meta.get(name) for name in ("search", "title", "tags")}
        key = digest(settings, page.url, page.title, meta, _toc(page.toc), page.content)
        stored = store.get(key)
        if stored is not None:
            index.entries += stored
            return
        before = len(index.entries)
        index_page(page)
        if not warned():
            store.put(key, index.entries[before:])

    index.add_entry_from_context = add_entry_from_context
    return store
