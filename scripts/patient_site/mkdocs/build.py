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
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import get_relative_url

from patient_site.checklist.pages import INDEX_PAGE as CHECKLIST_PAGE
from patient_site.conditions import check_conditions
from patient_site.editor.checks import LineNumberFilter, install_line_numbers
from patient_site.embeds.for_clinics import is_for_clinics
from patient_site.errors import SiteError
from patient_site.markdown.crosslinks import CrossLinkExtension, related_html
from patient_site.markdown.glossary import FILE as GLOSSARY_FILE
from patient_site.markdown.glossary import PAGE as GLOSSARY_PAGE
from patient_site.markdown.glossary import GlossaryExtension
from patient_site.mkdocs import embeds, languages, styles, theme
from patient_site.mkdocs.preview import Preview
from patient_site.pages import decode, read_page
from patient_site.preview import PreviewCache
from patient_site.review.notices import translation_notice_html
from patient_site.patient.care_cards import fill_cards, place_markers
from patient_site.config_checks import check_config
from patient_site.settings import load_settings
from patient_site.site import Paths, SiteBuild
from patient_site.theme.nav_order import nav_position

log = get_plugin_logger(__name__)

class MkDocsBuild:
    """One build, as MkDocs runs it."""

    def __init__(self, config):
        self.config = config
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
        self.preview: Preview | None = None  # the editor's preview cache at work (`mkdocs serve --dirty` only)

    # on_config ---------------------------------------------------------------------------------------------------

    @classmethod
    def start(cls, config, preview: PreviewCache | None = None) -> "MkDocsBuild":
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
        except SiteError as error:
            raise PluginError(str(error)) from None
        # The editor checks go first: they read each page's tree before cross-links and glossary marks are added.
        config.markdown_extensions.append(site.safety.extension)
        config.markdown_extensions.append(CrossLinkExtension(site.crosslinks))
        embeds.configure(config, site)  # the clinic's logo, stylesheet and the copy-button script
        config.markdown_extensions.append(GlossaryExtension(site.glossary))
        with open(config.config_file_path, encoding="utf-8") as source:
            config_text = source.read()
        # The loggers' real names: under ProperDocs, `mkdocs.structure.pages` is `properdocs.structure.pages`.
        install_line_numbers(LineNumberFilter(site.paths.docs_shown, config.docs_dir, site.paths.config_shown, config_text),
                             [mkdocs_pages.__name__, mkdocs_nav.__name__])
        return build

    # on_files ----------------------------------------------------------------------------------------------------

    def on_files(self, files):
        """Read every page once, check it, then add the pages and files the build generates."""
        config, site = self.config, self.site
        try:
            site.read_sources([self._read(file) for file in files.documentation_pages()], nav_position(config.nav))
            for record in site.checklists:
                page = File.generated(config, record.src, content=record.markdown,
                                      inclusion=InclusionLevel.UNDEFINED if record.in_nav else InclusionLevel.NOT_IN_NAV)
                page.edit_uri = files.get_file_from_path(record.edit_from).edit_uri  # "Edit this page" opens a list it shows
                self._add(files, page)
            self._add_glossary(files)  # before the embeds, so the glossary page gets an embed too
            warnings, notes = languages.check(files, site)  # a page, term or glossary entry missing in a language
            for warning in warnings:
                log.warning(warning)  # a warning: `serve` goes on while a translation is written; `--strict` stops
            for note in notes if self.preview is None else self.preview.new_notes(notes):
                log.info(note)  # not translated yet: `make check` lists it too
            check_conditions(site, lambda src: files.get_file_from_path(src) is not None)
            embeds.plan(files, config, site, self._add)
            embeds.add_hashed_assets(files, config, site)  # last: the generated assets/clinic.css is among them
            styles.plan(files, config, site)  # after the hashed copies: the bundle replaces their links
        except SiteError as error:
            raise PluginError(str(error)) from None
        self.files = files
        return files

    def _read(self, file):
        shown = self._shown(file)
        return read_page(file.src_uri, shown, file.url, file.name, decode(file.content_bytes, shown), generated=bool(file.generated_by))

    def _add(self, files, file) -> None:
        """Add a generated file; a generated page joins the page index (its text is in memory already)."""
        files.append(file)
        if file.is_documentation_page():
            self.site.pages.add(read_page(file.src_uri, file.src_uri, file.url, file.name, file.content_string, generated=True))

    def _add_glossary(self, files) -> None:
        """The glossary file becomes a generated page (it is not published raw) and the index of marked terms."""
        data = files.get_file_from_path(GLOSSARY_FILE)
        if data is None:
            return
        files.remove(data)
        shown = self._shown(data)
        glossary = self.site.use_glossary(decode(data.content_bytes, shown), shown)
        self._add(files, File.generated(self.config, GLOSSARY_PAGE, content=glossary))

    # on_nav ------------------------------------------------------------------------------------------------------

    def on_nav(self, nav, files):
        """Every page exists now (generated ones too): no editor's title may repeat a generated page's."""
        self.site.site_urls = frozenset(file.url for file in files) | frozenset(file.dest_uri for file in files)
        try:
            self.site.pages.check_titles_with_generated()
        except SiteError as error:
            raise PluginError(str(error)) from None
        if self.preview:
            self.preview.plan(files)
        return nav

    # pages -------------------------------------------------------------------------------------------------------

    def page_source(self, page) -> str:
        """The text read in on_files: MkDocs need not read the file again."""
        return self.site.pages.get(page.file.src_uri).text

    def on_page_markdown(self, markdown: str, page) -> str:
        """Tell the extensions which page is converting; check the care-card markers of an editor's page."""
        site, generated = self.site, bool(page.file.generated_by)
        site.safety.start(trusted=generated)  # our generated pages (the checklist's form) are not checked
        # The for-clinics pages are about embedding, not topics: their words link nowhere and make no "Related pages".
        site.crosslinks.page = None if is_for_clinics(page.file.src_uri) else page.file.src_uri
        site.glossary.active = not generated  # marks on the article's pages, not on the checklist or glossary
        if generated:
            return markdown
        source = site.pages.get(page.file.src_uri)
        # MkDocs hands over the body without its leading blank lines; count them back for true line numbers.
        body = source.source.body
        first_line = source.source.body_line + len(body) - len(body.lstrip("\n"))
        try:
            return place_markers(markdown, site.settings.care_cards, source.shown, first_line)
        except SiteError as error:
            raise PluginError(str(error)) from None

    def on_page_content(self, html: str, page) -> str:
        """Report the editor checks of the conversion, then put the site's care cards in."""
        site = self.site
        if not page.file.generated_by and not site.first_error:
            source = site.pages.get(page.file.src_uri)
            try:
                site.safety.finish(source.shown, source.text, page.file.url, site.site_urls)
            except SiteError as error:
                site.first_error = str(error)  # raised in on_env: MkDocs would add a line of its own to an error here
        html = fill_cards(html, site.settings.care_cards, site.settings.clinic, site.settings.site_text.levels)
        notices = languages.notice(page, site) + translation_notice_html(site, page.file.src_uri)
        return notices + html + languages.other_snippets(page, site)

    def on_page_context(self, page) -> None:
        """Every page's Markdown is rendered by now, so links in both directions are known: add "Related pages"."""
        languages.set_alternates(self.config, page, self.site)  # the language selector leads to this page's translations
        related = self._related(page)
        if related is not None:
            links = [(get_relative_url(self.files.src_uris[src].url, page.url), title) for src, title in related]
            page.content += related_html(links, self.site.settings.site_text.related_pages)

    def _related(self, page) -> list[tuple[str, str]] | None:
        """The page's "Related pages" as (source path, title) pairs; None for the home page and generated pages."""
        if page.is_homepage or page.file.generated_by:
            return None
        site = self.site
        checklist = site.checklist_of.get(page.file.src_uri, CHECKLIST_PAGE)  # the checklist page with this page's list
        related = [src for src in site.crosslinks.related(page.file.src_uri) if src not in site.checklist_sources] + [checklist]
        by_src = self.files.src_uris
        return [(src, by_src[src].page.title if by_src[src].page else src) for src in related]

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
        embeds.collect(page, self.site)
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

    def _shown(self, file) -> str:
        """How messages name a file: its path from the folder of mkdocs.yml; a generated one by its source name."""
        return file.src_uri if file.abs_src_path is None else self.site.paths.shown(file.abs_src_path)
