"""The MkDocs glue: one method per MkDocs event, turning MkDocs' objects into the plain data the features take.

This subpackage is the only part of `patient_site` that imports mkdocs. `scripts/hooks.py` makes one
`MkDocsBuild` in `on_config` and hands every later event to it; the state itself lives on the `SiteBuild`
it holds (`patient_site/site.py`). Editor mistakes from the features already name the file and line; here they
become PluginError, which MkDocs prints without a traceback and exits non-zero on.
"""

from __future__ import annotations

import dataclasses
import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure import nav as mkdocs_nav
from mkdocs.structure import pages as mkdocs_pages

from patient_site import composition
from patient_site.composition import CACHE
from patient_site.config_checks import check_config
from patient_site.conversion import PageConversion
from patient_site.editor.checks import LineNumberFilter, install_line_numbers
from patient_site.editor.edit_links import edit_base, edit_links, written
from patient_site.errors import SiteError
from patient_site.mkdocs import embeds, languages, shared_search, styles, theme
from patient_site.mkdocs.files import MkDocsFiles
from patient_site.mkdocs.preview import Preview
from patient_site.preview import PreviewCache, phrase_actions
from patient_site.settings import load_settings
from patient_site.shared_conversions import Converted, SharedConversions
from patient_site.shared_store import SharedStore
from patient_site.site import Paths, SiteBuild
from patient_site.sources import normalized, read_source
from patient_site.theme.nav_order import nav_position
from patient_site.theme.template_whitespace import TemplateWhitespace

log = get_plugin_logger(__name__)


class _WarningCount(logging.Handler):
    """How many warnings MkDocs and we logged: a conversion that logged one is not shared (a strict build fails on it)."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _plain(value):
    """A config section as plain data, for a key (MkDocs' config objects print their addresses)."""
    if hasattr(value, "items"):
        return sorted((str(key), _plain(item)) for key, item in value.items())
    return value

class MkDocsBuild:
    """One build, as MkDocs runs it."""

    def __init__(self, config):
        self.config = config
        for key in ("site_name", "site_description"):  # MkDocs read the config itself: its text as sources.py reads files
            config[key] = normalized(config[key])
        settings = load_settings(config.extra, config.config_file_path)
        # A generated config (patient_site/composition.py) and a translation's build name files from the project folder.
        project = composition.project_of(config.config_file_path) or languages.project_of(config, settings)
        own = composition.own_file(config.config_file_path)  # the file an editor wrote, not the generated one
        self.site = SiteBuild(
            paths=Paths(project or os.path.dirname(own), own, config.docs_dir, project),
            settings=settings,
            site_url=config.site_url or "",
            site_name=config.site_name,
            language=config.theme["language"],
        )
        self.site.languages = languages.of_build(config, self.site)
        self.files = None  # MkDocs' Files, kept for on_page_context, which is not given them
        self.conversion = PageConversion(self.site)  # MkDocs converts one page after another
        self.preview: Preview | None = None  # the editor's preview cache at work (`mkdocs serve --dirty` only)
        self.shared: SharedConversions | None = None  # conversions shared by every build of the project (not serve)
        self.shared_search: SharedStore | None = None  # and Material's search entries
        self.reused: dict[str, Converted] = {}  # page -> its stored conversion, between its two page events
        self.converting: dict[str, tuple[str, int]] = {}  # page -> (its key, the warnings logged before it converted)
        self.warnings = _WarningCount()

    # on_config ---------------------------------------------------------------------------------------------------

    @classmethod
    def start(cls, config, preview: PreviewCache | None = None, serving: bool = False) -> MkDocsBuild:
        """Check the settings, add our Markdown extensions, and teach MkDocs' link warnings to name lines.

        `preview` is the cache a dirty `mkdocs serve` keeps across rebuilds (patient_site/preview.py), for the
        language this config builds (`make serve` keeps one per language, `make serve-<lang>` one). `serving`:
        a clinic's or language's file may have changed since `make serve` composed the config (composition.refresh).
        """
        try:
            if serving and composition.refresh(config.config_file_path):  # a clinic or language file changed
                log.warning("The settings changed: this preview is rebuilt with them next")
            composition.check(config.config_file_path)
            build = cls(config)
        except SiteError as error:
            raise PluginError(str(error)) from None
        site = build.site
        if preview is not None:
            build.preview = Preview(preview, config, site)
        try:
            check_config(site, config.use_directory_urls, config.theme.get("features"), config.docs_dir)
            site.edit_base = edit_base(config.repo_url, config.edit_uri, written(site.paths, "edit_uri"))
        except SiteError as error:
            raise PluginError(str(error)) from None
        # The editor checks go first: they read each page's tree before cross-links and glossary marks are added.
        config.markdown_extensions += build.conversion.extensions()
        nav_file = composition.written_in(config.config_file_path, "nav")  # the menu's file names its lines
        config_text = read_source(nav_file, site.paths.shown(nav_file))
        # The loggers' real names: under ProperDocs, `mkdocs.structure.pages` is `properdocs.structure.pages`.
        install_line_numbers(LineNumberFilter(site.paths.docs_shown, config.docs_dir, site.paths.shown(nav_file), config_text),
                             [mkdocs_pages.__name__, mkdocs_nav.__name__])
        return build

    # on_files ----------------------------------------------------------------------------------------------------

    def on_files(self, files):
        """The one planning call (`SiteBuild.plan`); then the config's lists point at what it planned."""
        config, site = self.config, self.site
        scripts = [str(script) if isinstance(script, str) else script.path for script in config.extra_javascript]
        try:
            planned = site.plan(MkDocsFiles(files, config, site.paths), nav_position(config.nav),
                                [str(path) for path in config.extra_css], scripts)
            for warning in planned.warnings:
                log.warning(warning)  # a warning: `serve` goes on while a translation is written; `--strict` stops
            for note in planned.notes if self.preview is None else self.preview.new_notes(planned.notes):
                log.info(note)  # not translated yet: `make check` lists it too
            if planned.logo:
                config.theme["logo"] = planned.logo
            config.extra_css[:] = planned.extra_css
            config.extra_javascript += planned.extra_javascript[len(scripts):]  # ours, added by the planning
            for n, script in enumerate(config.extra_javascript):
                if isinstance(script, str):
                    config.extra_javascript[n] = site.asset(script)
                else:  # an ExtraScriptValue keeps its attributes
                    script.path = site.asset(script.path)
            styles.plan(files, config, site)  # after the hashed copies: the bundle replaces their links
            for page in site.pages.editors_pages():  # MkDocs converts the text read here (one reader of sources)
                files.get_file_from_path(page.src).content_string = page.text
            for file in files.documentation_pages():  # page.edit_url: edit_uri + the source's path from the project
                links = edit_links(site, file.src_uri)
                file.edit_uri = links[0].path if links else None
        except SiteError as error:
            raise PluginError(str(error)) from None
        self.files = files
        if self.preview is None:  # `make site`, `make sites`: share conversions (patient_site/shared_conversions.py)
            self._share(files)
        return files

    def _share(self, files) -> None:
        """Everything every page's conversion depends on beyond the page itself: the site key of the shared store."""
        config, site = self.config, self.site
        glossary = {phrase: dataclasses.replace(entry, line=0) for phrase, entry in site.glossary.index.entries.items()}
        extensions = [name if isinstance(name, str) else type(name).__name__ for name in config.markdown_extensions]
        self.shared = SharedConversions(
            Path(site.paths.project or site.paths.root) / CACHE / "conversions",
            # Every page and every file of docs/ (what a page can link to), not the hashed assets (a clinic's colour is in
            # its stylesheet's name, which no page's text links to).
            site.language, phrase_actions(site.crosslinks.index.targets, glossary),
            [(f.src_uri, f.url) for f in files if f.is_documentation_page() or not f.generated_by],
            extensions, config.mdx_configs, _plain(config.validation), site.settings.site_text, site.settings.glossary,
        )
        logging.getLogger(mkdocs_pages.__name__.split(".")[0]).addHandler(self.warnings)  # removed in on_env
        search = config.plugins.get("material/search") or config.plugins.get("search")
        if search is not None and hasattr(search, "search_index"):  # Material's: its entries shared (mkdocs/shared_search.py)
            self.shared_search = shared_search.share(search, self.shared.folder.with_name("search"),
                                                     lambda: self.warnings.count > 0)

    # on_nav ------------------------------------------------------------------------------------------------------

    def on_nav(self, nav, files):
        if self.preview:
            self.preview.plan(files)
        return nav

    # pages -------------------------------------------------------------------------------------------------------

    def on_page_markdown(self, markdown: str, page) -> str:
        try:
            text = self.conversion.start(self.site.pages.get(page.file.src_uri), markdown)
        except SiteError as error:
            raise PluginError(str(error)) from None
        if self.shared is None:
            return text
        src = page.file.src_uri
        key = self.shared.key(src, text, self.conversion.notices(), self.conversion.closing())
        stored = self.shared.get(key)
        if stored is not None:
            self.reused[src] = stored
            return ""  # MkDocs converts nothing; on_page_content gives the page what the stored conversion gave
        self.converting[src] = (key, self.warnings.count)
        return text

    def on_page_content(self, html: str, page) -> str:
        src = page.file.src_uri
        stored = self.reused.pop(src, None)
        if stored is not None:
            html = self._reuse(page, stored)
        try:
            finished = self.conversion.finish(html)
        except SiteError as error:
            # Raised in on_env: MkDocs would add a line of its own to an error here.
            self.site.first_error = self.site.first_error or str(error)
            return html
        key, warnings = self.converting.pop(src, ("", 0))
        if key and self.warnings.count == warnings:  # converted without a warning: the next build may skip it
            self.shared.put(key, Converted(
                html, page.toc, page._title_from_render, set(page.present_anchor_ids or ()),
                {file.src_uri: dict(links) for file, links in (page.links_to_anchors or {}).items()},
                self.site.crosslinks.outgoing.get(src) if self.conversion.crosslinks.page else None))
        return finished

    def _reuse(self, page, stored: Converted) -> str:
        """Give the page what its conversion set (MkDocs' `Page.render`) and the cross-links it made."""
        page.toc, page._title_from_render = stored.toc, stored.title
        page.present_anchor_ids = set(stored.anchors)
        page.links_to_anchors = {self.files.get_file_from_path(src): dict(links) for src, links in stored.links_to_anchors.items()}
        if stored.outgoing is not None:
            self.site.crosslinks.record(page.file.src_uri, stored.outgoing)
        return stored.html

    def on_page_context(self, page) -> None:
        """Every page's Markdown is rendered by now, so links in both directions are known: add "Related pages"."""
        languages.set_alternates(self.config, page, self.site)  # the language selector leads to this page's translations
        page.content += self._related(page)

    def _related(self, page) -> str:
        by_src = self.files.src_uris
        return self.site.related_pages(page.file.src_uri, lambda src: by_src[src].url,
                                       lambda src: by_src[src].page.title if by_src[src].page else None)

    def on_env(self, env):
        logging.getLogger(mkdocs_pages.__name__.split(".")[0]).removeHandler(self.warnings)  # every page is converted
        languages.set_alternates(self.config, None, self.site)  # pages without a source (404): the languages' home pages
        if self.site.first_error:
            raise PluginError(self.site.first_error)
        env.add_extension(TemplateWhitespace)  # the templates' indentation goes as they compile, not per page
        env.auto_reload = False  # one build never sees a template change: no stat() of its file on each of ~18 includes a page
        theme.add_globals(env, self.config, self.site)
        if self.preview:
            self.preview.use_compiled_templates(env)
            self.preview.before_writing(self._related)
        return env

    def on_post_page(self, page, output: str) -> None:
        tokens = styles.collect(page, output, self.site)
        self.site.keep_content(page.file.src_uri, page.file.dest_uri, page.title, page.content or "")
        if self.preview:
            self.preview.page_written(page, tokens)

    def on_post_build(self) -> None:
        preview = self.preview
        try:
            if preview is None:
                styles.write(self.config, self.site)  # first: the pages' stylesheet link is final before they are checked
                embeds.write(self.config, self.site, shared=self.shared is not None and self.warnings.count == 0)
                for store in (self.shared, self.shared_search):
                    if store is not None:
                        store.close()  # what this build stored, as one pack (patient_site/shared_store.py)
                return
            preview.before_post_build()
            old_name = preview.cache.bundle[-1] if preview.cache.bundle else ""
            preview.cache.bundle = styles.write(self.config, self.site, preview.cache.bundle)
            preview.rename_bundle(old_name, self.site.styles.name)
            preview.keep(self._related)  # before the .gz copies are made: it writes the search index again
            embeds.write(self.config, self.site, preview.cache)
            preview.done()
        except SiteError as error:
            raise PluginError(str(error)) from None
