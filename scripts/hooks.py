"""The one MkDocs hook: each event hands MkDocs' objects to the build it belongs to; no content logic here.

MkDocs imports this file once per `mkdocs serve` and then rebuilds after every save, so `on_config` makes a new
`MkDocsBuild` (patient_site/mkdocs/build.py) and every later event of that build goes to it. The build's own
state lives on the `SiteBuild` it holds (patient_site/site.py). See ARCHITECTURE.md for what each event does.
The one thing kept from build to build is the editor's preview cache, made by `on_startup` for `mkdocs serve
--dirty` only (`make serve`), keyed by what each page depends on (patient_site/preview.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

from patient_site.mkdocs.build import MkDocsBuild
from patient_site.preview import PreviewCache

if TYPE_CHECKING:  # MkDocs' own types, for the events' real signatures (mkdocs/plugins.py)
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

build: MkDocsBuild | None = None  # the build in progress; replaced by every on_config
preview: PreviewCache | None = None  # what a dirty `mkdocs serve` keeps across its rebuilds; None otherwise
serving = False  # `mkdocs serve`: a generated config is composed again from its files before each rebuild


def on_startup(*, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    global preview, serving
    preview = PreviewCache() if dirty else None
    serving = command == "serve"


def on_serve(server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable) -> LiveReloadServer:
    global build
    build = None  # the first build is over: let its objects go before the preview settles what it keeps
    if preview is not None:
        preview.settle()
    return server


def on_shutdown() -> None:
    global preview
    preview = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global build
    build = MkDocsBuild.start(config, preview, serving)
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    return build.on_files(files)


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    return build.on_nav(nav, files)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return build.on_page_markdown(markdown, page)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return build.on_page_content(html, page)


def on_page_context(context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    build.on_page_context(page)
    return context


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    return build.on_env(env)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    build.on_post_page(page, output)
    return output


def on_post_build(*, config: MkDocsConfig) -> None:
    build.on_post_build()
