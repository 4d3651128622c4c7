"""MkDocs glue for the editor's preview cache (patient_site/preview.py): `mkdocs serve --dirty`, told by us which
pages are modified.

MkDocs' dirty build (mkdocs/commands/build.py, 1.6) converts and writes only pages whose `file.is_modified()` is
true and leaves the rest of the site folder as the last build wrote it. MkDocs asks by file times, which misses
every page that depends on another (checklist, cross-links, Related pages, menu titles); we answer from the keys the
cache keeps instead, and give each page MkDocs skips the fields its conversion would have set, so the menu,
Related pages and anchor checks see every page. The post-build steps take what they learnt of skipped pages from
the cache; the search index is written again from every page's entries, in the order a clean build writes them.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import logging
import os
from pathlib import Path

from jinja2 import BytecodeCache
from mkdocs.commands import build as mkdocs_build
from mkdocs.structure.pages import Page
from mkdocs.utils import clean_directory, write_file

from patient_site import preview as keys
from patient_site.conversion import PageConversion
from patient_site.preview import PageRecord, PreviewCache
from patient_site.site import SiteBuild
from patient_site.theme.style_bundle import add_tokens

# What MkDocs' conversion (`Page.read_source`, `Page.render`, the page events) sets on a page.
CONVERTED = ("markdown", "meta", "content", "toc", "_title_from_render", "present_anchor_ids")


class _DirtyWarning(logging.Filter):
    """MkDocs warns before each dirty build that its menus and links may be wrong; with the cache they are not."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def _quiet_dirty_warning() -> None:
    logger = logging.getLogger(mkdocs_build.__name__)  # under ProperDocs, `properdocs.commands.build`
    if not any(isinstance(existing, _DirtyWarning) for existing in logger.filters):
        logger.addFilter(_DirtyWarning())


class _CompiledTemplates(BytecodeCache):
    """Jinja's cache of compiled templates, in memory: each rebuild makes a new Jinja environment, which would
    compile Material's templates again (a tenth of a rebuild). Jinja checks each entry against its source."""

    def __init__(self, store: dict[str, bytes]):
        self.store = store

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


class Preview:
    """One dirty build's use of the cache: which pages to convert, which to write, and what to keep."""

    def __init__(self, cache: PreviewCache, config, site: SiteBuild):
        self.cache, self.config, self.site = cache, config, site
        self.usable = cache.start(config.site_dir, config.config_file_path)
        self.convert: set[str] = set()
        self.write: set[str] = set()
        self.asked = self.convert  # what `is_modified` answers from: `convert` while converting, then `write`
        self.pages: list = []  # MkDocs' documentation files, in build order
        self.terms: dict[str, str] = {}
        self.converted: dict[str, dict] = {}  # what conversion set on each page converted this build
        self.written: dict[str, dict] = {}  # what the post-page step learnt of each page written this build
        self.search_seen = 0
        self._parts_of: dict[str, str] = {}
        _quiet_dirty_warning()

    # on_nav: which pages to convert ------------------------------------------------------------------------------

    def plan(self, files) -> None:
        cache, site = self.cache, self.site
        self.pages = [file for file in files if file.is_documentation_page()]
        site_key = self._site_key(files)
        if not self.usable or site_key != cache.site_key:
            cache.clear()
            cache.finished = False
            clean_directory(self.config.site_dir)  # a full build, as clean as `mkdocs build`'s
            cache.site_key = site_key
        glossary = {phrase: dataclasses.replace(entry, line=0) for phrase, entry in site.glossary.index.entries.items()}
        self.terms = keys.phrase_actions(site.crosslinks.index.targets, glossary)
        moved = keys.changed_phrases(cache.terms, self.terms) if cache.pages else set()
        for file in self.pages:
            src, text = file.src_uri, self._text(file)
            record = cache.pages.get(src)
            if record is None or record.source != text or record.parts != self._parts(src) or keys.mentions_any(text, moved):
                self.convert.add(src)
            else:
                self._restore(file, record, files)
            # Hack: MkDocs' --dirty asks each file whether it changed by its times; the keys above answer instead.
            file.is_modified = functools.partial(self._asked, src)

    def _parts(self, src: str) -> str:
        """What the page's conversion adds from other files (PageConversion.notices and .closing): in a second
        language, the notices follow the original's words and the review records, which this build does not watch."""
        if src not in self._parts_of:
            self._parts_of[src] = "\n".join(PageConversion.for_page(self.site, src).parts())
        return self._parts_of[src]

    def _asked(self, src: str) -> bool:
        return src in self.asked

    def _text(self, file) -> str:
        source = self.site.pages.get(file.src_uri)
        return source.text if source is not None else file.content_string

    def _site_key(self, files) -> str:
        """Everything that may change every page: settings, config, our code and theme, the set of files."""
        config, site = self.config, self.site
        with open(config.config_file_path, encoding="utf-8") as source:
            config_text = source.read()
        layout = [(file.src_uri, file.dest_uri, file.inclusion.name, bool(file.generated_by)) for file in files]
        theme = [config.theme.custom_dir] if config.theme.custom_dir else []
        translated = {lang.lang: sorted(site.languages.pages_of(lang.lang)) for lang in site.languages.all} if site.languages else {}
        return keys.digest(config_text, site.settings, site.site_url, site.assets, layout, translated,
                           keys.code_digest(theme_dirs=theme))

    def _restore(self, file, record: PageRecord, files) -> None:
        page = file.page or Page(None, file, self.config)  # MkDocs makes pages outside the menu itself, later
        for name, value in record.state.items():
            if name == "links_to_anchors":
                value = {files.get_file_from_path(src): links for src, links in value.items()}
            elif isinstance(value, (dict, list, set)):
                value = copy.copy(value)  # a page's fields are its own: what a build changes in them stays there
            setattr(page, name, value)

    # on_env: which pages to write --------------------------------------------------------------------------------

    def new_notes(self, notes: list[str]) -> list[str]:
        """The notes not shown yet in this preview: one per untranslated page would fill the terminal every save."""
        fresh = [note for note in notes if note not in self.cache.notes]
        self.cache.notes.update(fresh)
        return fresh

    def use_compiled_templates(self, env) -> None:
        env.bytecode_cache = _CompiledTemplates(self.cache.templates)

    def before_writing(self, related) -> None:
        """Every page is converted or restored: rebuild the cross-links in build order, then decide what to write.

        `related(page)` is the page's "Related pages" aside ("" for a page without one).
        """
        cache, site = self.cache, self.site
        cache.finished = False
        for file in self.pages:
            if file.src_uri in self.convert:
                self.converted[file.src_uri] = self._converted_state(file.page)
        links = site.crosslinks
        outgoing = {file.src_uri: links.outgoing.get(file.src_uri) if file.src_uri in self.convert
                    else cache.pages[file.src_uri].outgoing for file in self.pages}
        links.outgoing, links.incoming = {}, {}
        for file in self.pages:  # the order a clean build converts them in: "Related pages" lists in that order
            if outgoing[file.src_uri] is not None:
                links.record(file.src_uri, outgoing[file.src_uri])
        self.write = set(self.convert)
        renamed = []
        for file in self.pages:
            src, record = file.src_uri, cache.pages.get(file.src_uri)
            if record is None:
                continue
            if file.page.title != record.title:
                renamed.append(record.title)
            if record.build_key != self._build_key(file.page, related) or not os.path.isfile(file.abs_dest_path):
                self.write.add(src)
        needles = [keys.title_needle(title).encode() for title in renamed]
        if needles:
            for file in self.pages:
                if file.src_uri not in self.write and keys.shows_any(Path(file.abs_dest_path).read_bytes(), needles):
                    self.write.add(file.src_uri)
        self.asked = self.write

    def _build_key(self, page, related) -> tuple:
        return related(page), self.site.about(page.file.src_uri)

    def _converted_state(self, page) -> dict:
        state = {name: getattr(page, name) for name in CONVERTED}
        state["links_to_anchors"] = {file.src_uri: links for file, links in (page.links_to_anchors or {}).items()}
        return state

    # on_post_page and on_post_build: what the post-build steps need of every page ---------------------------------

    def page_written(self, page, tokens) -> None:
        search = self._search()
        entries = []
        if search is not None:
            entries = search.search_index.entries[self.search_seen:]
            self.search_seen = len(search.search_index.entries)
        self.written[page.file.src_uri] = {"tokens": tokens, "search": list(entries)}

    def before_post_build(self) -> None:
        """Give the post-build steps what they would have learnt of the pages not written this build."""
        site, records = self.site, self.cache.pages
        if site.styles.sources:
            used = self.cache.used
            for src, written in self.written.items():
                old = records.get(src)
                used.change(old.tokens if old else None, written["tokens"])
            add_tokens(site.styles.usage, used.union())
        for file in self.pages:
            if file.src_uri in self.write:
                continue
            record = records[file.src_uri]
            if record.scan is not None:
                site.embeds.content_scans[file.dest_uri] = record.scan
            if record.copy is not None:
                site.embeds.copies.append(record.copy)

    def rename_bundle(self, old: str, new: str) -> None:
        """The stylesheet's hashed name changed: pages not written this build still link the old one, which goes."""
        if not old or old == new:
            return
        for stale in (old, old + ".gz"):
            Path(self.config.site_dir, stale).unlink(missing_ok=True)
        old_name, new_name = os.path.basename(old).encode(), os.path.basename(new).encode()
        for file in self.pages:
            if file.src_uri not in self.write:
                path = Path(file.abs_dest_path)
                data = path.read_bytes()
                if old_name in data:
                    path.write_bytes(data.replace(old_name, new_name))

    def keep(self, related) -> None:
        """Keep this build's records, and write the search index of every page from them."""
        cache, site = self.cache, self.site
        copies = {copy.src_uri: copy for copy in site.embeds.copies}
        records = {}
        for file in self.pages:
            src, old = file.src_uri, cache.pages.get(file.src_uri)
            if src in self.write:
                written = self.written.get(src, {"tokens": None, "search": []})
                converted = src in self.convert
                records[src] = PageRecord(
                    source=self._text(file),
                    build_key=self._build_key(file.page, related),
                    title=file.page.title,
                    state=self.converted[src] if converted else old.state,
                    outgoing=list(site.crosslinks.outgoing.get(src, [])) if converted else old.outgoing,
                    tokens=written["tokens"],
                    scan=site.embeds.content_scans.get(file.dest_uri),
                    copy=copies.get(src),
                    search=written["search"],
                    parts=self._parts(src),
                )
            else:
                records[src] = old
        cache.pages, cache.terms = records, self.terms
        self._write_search_index()

    def done(self) -> None:
        """Every step of the build finished: the next one may trust the cache."""
        self.cache.finished = True

    def _search(self):
        plugin = self.config.plugins.get("material/search") or self.config.plugins.get("search")
        return plugin if plugin is not None and hasattr(plugin, "search_index") else None

    def _write_search_index(self) -> None:
        """Material's own dirty-build merge keeps one page's entries; this lists every page's, in build order."""
        plugin = self._search()
        if plugin is None or not plugin.config.enabled:
            return
        plugin.search_index.entries = [entry for file in self.pages for entry in self.cache.pages[file.src_uri].search]
        data = plugin.search_index.generate_search_index(None)
        write_file(data.encode("utf-8"), os.path.join(self.config.site_dir, "search", "search_index.json"))
