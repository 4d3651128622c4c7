"""MkDocs hook: runs the editor checks before anything else reads or changes a page; wiring only.

Listed before scripts/hooks.py in mkdocs.yml, and its events carry a high priority, so an editor's mistake
is reported as itself, not as whatever it would later break. Errors become PluginError: no traceback,
a non-zero exit, and (with scripts/build_site.py) the published site/ left as it was.
"""

from __future__ import annotations

import os

from content_settings import Settings as ContentCheckSettings
from editor_checks import EditorError, LineNumberFilter, PageChecker, duplicate_destinations, duplicate_terms, duplicate_titles, install_line_numbers
from frontmatter import FrontMatterError, split_front_matter
from frontmatter_schema import validate
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure import nav as mkdocs_nav
from mkdocs.structure import pages as mkdocs_pages


class _Checks:
    """What one build's checks need; made afresh in on_config because `mkdocs serve` imports this hook once."""

    checker: PageChecker
    root: str


checks = _Checks()


@event_priority(100)  # Priority: 100 (first), so later hooks see only checked settings
def on_config(config, **kwargs):
    checks.root = os.path.dirname(config.config_file_path)
    try:
        ContentCheckSettings.from_mapping(config.extra.get("content_check"))  # checked here so `serve` reports it too
    except ValueError as error:
        raise PluginError(f"{os.path.relpath(config.config_file_path, checks.root)}: {error}") from None
    checks.checker = PageChecker(config.markdown_extensions, config.mdx_configs)
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
                text = file.content_string
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


@event_priority(100)  # Priority: 100 (first): every page is checked before any is rendered or changed by a hook
def on_nav(nav, config, files, **kwargs):
    urls = frozenset(file.url for file in files) | frozenset(file.dest_uri for file in files)
    titles, generated = [], {}
    try:
        for file in files.documentation_pages():
            text = file.content_string
            if file.generated_by:  # our generated pages (the checklist) are trusted; only their titles count here
                title = split_front_matter(text, file.src_uri).meta.get("title")
                generated.update({title: file.src_uri} if isinstance(title, str) else {})
                continue
            source = split_front_matter(text, _shown(file))
            checks.checker.check(source.body, source.path, text, file.url, urls)
            if isinstance(source.meta.get("title"), str):
                titles.append((source.path, source.line_of("title"), source.meta["title"]))
        duplicate_titles(titles, generated)  # again, now that the generated pages exist
    except (EditorError, FrontMatterError) as error:
        raise PluginError(str(error)) from None
    return nav


def _shown(file) -> str:
    return os.path.relpath(file.abs_src_path, checks.root)
