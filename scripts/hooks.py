"""The one MkDocs hook: each event hands MkDocs' objects to the build it belongs to; no content logic here.

MkDocs imports this file once per `mkdocs serve` and then rebuilds after every save, so `on_config` makes a new
`MkDocsBuild` (patient_site/mkdocs/build.py) and every later event of that build goes to it. The build's own
state lives on the `SiteBuild` it holds (patient_site/site.py). See ARCHITECTURE.md for what each event does.
"""

from __future__ import annotations

from patient_site.mkdocs.build import MkDocsBuild

build: MkDocsBuild | None = None  # the build in progress; replaced by every on_config


def on_config(config, **kwargs):
    global build
    build = MkDocsBuild.start(config)
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
