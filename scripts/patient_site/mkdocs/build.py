"""The MkDocs glue: one method per MkDocs event, turning MkDocs' objects into the plain data the features take.

This subpackage is the only part of `patient_site` that imports mkdocs. `scripts/hooks.py` makes one
`MkDocsBuild` in `on_config` and hands every later event to it; the state itself lives on the `SiteBuild`
it holds (`patient_site/site.py`). Editor mistakes from the features already name the file and line; here they
become PluginError, which MkDocs prints without a traceback and exits non-zero on.
"""

from __future__ import annotations

import os

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure import nav as mkdocs_nav
from mkdocs.structure import pages as mkdocs_pages

from patient_site.config_checks import check_config
from patient_site.conversion import PageConversion
from patient_site.editor.checks import LineNumberFilter, install_line_numbers
from patient_site.editor.edit_links import edit_base, edit_links
from patient_site.errors import SiteError
from patient_site.mkdocs import embeds, languages, styles, theme
from patient_site.mkdocs.files import MkDocsFiles
from patient_site.mkdocs.preview import Preview
from patient_site.preview import PreviewCache
from patient_site.settings import load_settings
from patient_site.site import Paths, SiteBuild
from patient_site.sources import normalized, read_source
from patient_site.theme.nav_order import nav_position

log = get_plugin_logger(__name__)

class MkDocsBuild:
    """One build, as MkDocs runs it."""

    def __init__(self, config):
        self.config = config
        for key in ("site_name", "site_description"):  # MkDocs read the config itself: its text as sources.py reads files
            config[key] = normalized(config[key])
        settings = load_settings(config.extra, config.config_file_path)
        project = languages.project_of(config, settings)  # a translation's build names files from the project folder
        self.site = SiteBuild(
            paths=Paths(os.path.dirname(config.config_file_path), config.config_file_path, config.docs_dir, project),
            settings=settings,
            site_url=config.site_url or "",
            site_name=config.site_name,
            language=config.theme["language"],
        )
        self.site.languages = languages.of_build(config, self.site)
        self.files = None  # MkDocs' Files, kept for on_page_context, which is not given them
        self.conversion = PageConversion(self.site)  # MkDocs converts one page after another
        self.preview: Preview | None = None  # the editor's preview cache at work (`mkdocs serve --dirty` only)

    # on_config ---------------------------------------------------------------------------------------------------

    @classmethod
    def start(cls, config, preview: PreviewCache | None = None) -> MkDocsBuild:
        """Check the settings, add our Markdown extensions, and teach MkDocs' link warnings to name lines.

        `preview` is the cache a dirty `mkdocs serve` keeps across rebuilds (patient_site/preview.py); it is used
        for the site's first language only (`make serve` previews it), other builds render every page.
        """
        try:
            build = cls(config)
        except SiteError as error:
            raise PluginError(str(error)) from None
        site = build.site
        if preview is not None and (site.languages is None or site.languages.is_first):
            build.preview = Preview(preview, config, site)
        try:
            check_config(site, config.use_directory_urls, config.theme.get("features"), config.docs_dir)
            site.edit_base = edit_base(config.repo_url, config.edit_uri, site.paths.config_shown)
        except SiteError as error:
            raise PluginError(str(error)) from None
        # The editor checks go first: they read each page's tree before cross-links and glossary marks are added.
        config.markdown_extensions += build.conversion.extensions()
        config_text = read_source(config.config_file_path, site.paths.config_shown)
        # The loggers' real names: under ProperDocs, `mkdocs.structure.pages` is `properdocs.structure.pages`.
        install_line_numbers(LineNumberFilter(site.paths.docs_shown, config.docs_dir, site.paths.config_shown, config_text),
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
        return files

    # on_nav ------------------------------------------------------------------------------------------------------

    def on_nav(self, nav, files):
        if self.preview:
            self.preview.plan(files)
        return nav

    # pages -------------------------------------------------------------------------------------------------------

    def on_page_markdown(self, markdown: str, page) -> str:
        try:
            return self.conversion.start(self.site.pages.get(page.file.src_uri), markdown)
        except SiteError as error:
            raise PluginError(str(error)) from None

    def on_page_content(self, html: str, page) -> str:
        try:
            return self.conversion.finish(html)
        except SiteError as error:
            # Raised in on_env: MkDocs would add a line of its own to an error here.
            self.site.first_error = self.site.first_error or str(error)
            return html

    def on_page_context(self, page) -> None:
        """Every page's Markdown is rendered by now, so links in both directions are known: add "Related pages"."""
        languages.set_alternates(self.config, page, self.site)  # the language selector leads to this page's translations
        page.content += self._related(page)

    def _related(self, page) -> str:
        by_src = self.files.src_uris
        return self.site.related_pages(page.file.src_uri, lambda src: by_src[src].url,
                                       lambda src: by_src[src].page.title if by_src[src].page else None)

    def on_env(self, env):
        languages.set_alternates(self.config, None, self.site)  # pages without a source (404): the languages' home pages
        if self.site.first_error:
            raise PluginError(self.site.first_error)
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
                embeds.write(self.config, self.site)
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
