"""The one MkDocs hook: each event hands MkDocs' objects to the build it belongs to; no content logic here.

MkDocs imports this file once per `mkdocs serve` and then rebuilds after every save, so `on_config` makes a new
`MkDocsBuild` (patient_site/mkdocs/build.py) and every later event of that build goes to it. The build's own
state lives on the `SiteBuild` it holds (patient_site/site.py). See ARCHITECTURE.md for what each event does.
The one thing kept from build to build is the editor's preview cache, made by `on_startup` for `mkdocs serve
--dirty` only (`make serve`), keyed by what each page depends on (patient_site/preview.py).
"""

from __future__ import annotations

from patient_site.mkdocs.build import MkDocsBuild
from patient_site.preview import PreviewCache

build: MkDocsBuild | None = None  # the build in progress; replaced by every on_config
preview: PreviewCache | None = None  # what a dirty `mkdocs serve` keeps across its rebuilds; None otherwise


def on_startup(command, dirty, **kwargs):
    global preview
    preview = PreviewCache() if dirty else None


def on_serve(server, config, builder, **kwargs):
    global build
    build = None  # the first build is over: let its objects go before the preview settles what it keeps
    if preview is not None:
        preview.settle()
    return server


def on_shutdown(**kwargs):
    global preview
    preview = None


def on_config(config, **kwargs):
    global build
    build = MkDocsBuild.start(config, preview)
    return config


def on_files(files, config, **kwargs):
    return build.on_files(files)


def on_nav(nav, config, files, **kwargs):
    return build.on_nav(nav, files)


def on_page_read_source(page, **kwargs):
    return build.page_source(page)


def on_page_markdown(markdown, page, **kwargs):
    return build.on_page_markdown(markdown, page)


def on_page_content(html, page, **kwargs):
    return build.on_page_content(html, page)


def on_page_context(context, page, **kwargs):
    build.on_page_context(page)
    return context


def on_env(env, **kwargs):
    return build.on_env(env)


def on_post_page(output, page, **kwargs):
    build.on_post_page(page, output)
    return output


def on_post_build(config, **kwargs):
    build.on_post_build()
