"""MkDocs hook: runs the editor checks before anything else reads or changes a page; wiring only.

A page's Markdown is checked inside MkDocs' own conversion of it (see `editor_checks.PageSafety`):
`on_page_markdown` starts the page, `on_page_content` reports what the conversion found.

Listed before scripts/hooks.py in mkdocs.yml, and its events carry a high priority, so an editor's mistake
is reported as itself, not as whatever it would later break. Errors become PluginError: no traceback,
a non-zero exit, and (with scripts/build_site.py) the published site/ left as it was.
"""

from __future__ import annotations

import os

from patient_site.editor.content_settings import Settings as ContentCheckSettings
from patient_site.editor.checks import EditorError, LineNumberFilter, PageSafety, check_nesting, duplicate_destinations, duplicate_terms, duplicate_titles, install_line_numbers
from patient_site.frontmatter.reader import FrontMatterError, split_front_matter
from patient_site.frontmatter.schema import validate
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure import nav as mkdocs_nav
from mkdocs.structure import pages as mkdocs_pages
from patient_site.mkdocs.sources import shown_path, source_text, start_build


class _Checks:
    """What one build's checks need; made afresh in on_config because `mkdocs serve` imports this hook once."""

    safety: PageSafety
    root: str
    config_file_path: str
    site_urls: frozenset
    first_error: str | None  # the first page's mistake, raised once every page is converted


checks = _Checks()


@event_priority(100)  # Priority: 100 (first), so later hooks see only checked settings
def on_config(config, **kwargs):
    start_build()
    checks.root = os.path.dirname(config.config_file_path)
    checks.config_file_path = config.config_file_path
    try:
        ContentCheckSettings.from_mapping(config.extra.get("content_check"))  # checked here so `serve` reports it too
    except ValueError as error:
        raise PluginError(f"{os.path.relpath(config.config_file_path, checks.root)}: {error}") from None
    checks.safety, checks.first_error = PageSafety(), None
    config.markdown_extensions.append(checks.safety.extension)  # checks each page inside its one conversion
    with open(config.config_file_path, encoding="utf-8") as source:
        config_text = source.read()
    line_filter = LineNumberFilter(
        os.path.relpath(config.docs_dir, checks.root), config.docs_dir, os.path.relpath(config.config_file_path, checks.root), config_text)
    # The loggers' real names: under ProperDocs, `mkdocs.structure.pages` is `properdocs.structure.pages`.
    install_line_numbers(line_filter, [mkdocs_pages.__name__, mkdocs_nav.__name__])
    return config


@event_priority(100)  # Priority: 100 (first), before scripts/hooks.py reads the pages
def on_files(files, config, **kwargs):
    titles, addresses, terms = [], [], []
    try:
        for file in files.documentation_pages():
            shown = _shown(file)
            try:
                text = source_text(file)
            except UnicodeDecodeError as error:
                raise EditorError(f"{shown}:1: the file is not UTF-8 text ({error.reason}); open it and save it as UTF-8") from None
            source = split_front_matter(text, shown)
            validate(source)
            if isinstance(source.meta.get("title"), str):
                titles.append((shown, source.line_of("title"), source.meta["title"]))
            addresses.append((shown, file.url))
            claimed = source.meta.get("terms") or []
            terms.append((shown, [(source.line_of("terms", n), term) for n, term in enumerate(claimed)]))
        duplicate_destinations(addresses)
        duplicate_titles(titles)
        duplicate_terms(terms)
    except (EditorError, FrontMatterError) as error:
        raise PluginError(str(error)) from None
    return files


@event_priority(100)  # Priority: 100 (first): titles and nesting depth of every page, before any is converted
def on_nav(nav, config, files, **kwargs):
    checks.site_urls = frozenset(file.url for file in files) | frozenset(file.dest_uri for file in files)
    titles, generated = [], {}
    try:
        for file in files.documentation_pages():
            text = source_text(file)
            if file.generated_by:  # our generated pages (the checklist) are trusted; only their titles count here
                title = split_front_matter(text, file.src_uri).meta.get("title")
                generated.update({title: file.src_uri} if isinstance(title, str) else {})
                continue
            source = split_front_matter(text, _shown(file))
            check_nesting(source.path, text)  # before any conversion: deeper nesting overflows Python-Markdown
            if isinstance(source.meta.get("title"), str):
                titles.append((source.path, source.line_of("title"), source.meta["title"]))
        duplicate_titles(titles, generated)  # again, now that the generated pages exist
    except (EditorError, FrontMatterError) as error:
        raise PluginError(str(error)) from None
    return nav


@event_priority(100)  # Priority: 100 (first), before scripts/hooks.py changes the Markdown
def on_page_markdown(markdown, page, **kwargs):
    checks.safety.start(trusted=bool(page.file.generated_by))  # our generated pages (the checklist's form)
    return markdown


@event_priority(100)  # Priority: 100 (first), before anything else reads the converted page
def on_page_content(html, page, **kwargs):
    if page.file.generated_by or checks.first_error:
        return html
    try:
        checks.safety.finish(_shown(page.file), source_text(page.file), page.file.url, checks.site_urls)
    except EditorError as error:
        checks.first_error = str(error)  # raised in on_env: MkDocs would add a line of its own to an error here
    return html


@event_priority(100)  # Priority: 100 (first): every page is converted; nothing is written yet
def on_env(env, **kwargs):
    if checks.first_error:
        raise PluginError(checks.first_error)
    return env


def _shown(file) -> str:
    return shown_path(file, checks.config_file_path)
