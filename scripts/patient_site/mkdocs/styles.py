"""MkDocs glue for the one stylesheet (patient_site/theme/style_bundle.py): which files go in, and the pages' links.

Pages link one placeholder name while they render (`PLACEHOLDER`, in place of Material's two stylesheets and our
`extra_css`); what the bundle may drop depends on every built page, so only once all are written does the build
trim, hash and write it, and put its hashed name in place of the placeholder in each page written this build (a
plain byte replacement of a name only this module emits). Embed variants keep their own, separate stylesheets.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue

from patient_site.hosting.fingerprint import hashed_name, is_own_asset
from patient_site.site import SiteBuild
from patient_site.theme.assets import material_bundle
from patient_site.theme.style_bundle import add_tokens, page_tokens, trim

PLACEHOLDER = "assets/stylesheets/site-bundle.PENDING.css"
NAME = "assets/stylesheets/site-bundle.css"  # hashed as site-bundle.<10 hex>.css
WORKER = re.compile(r"assets/javascripts/workers/[^/]+\.min\.js")
MATERIAL = re.compile(r"assets/stylesheets/(main|palette)\.[0-9a-f]{8,}\.min\.css")


def plan(files, config, site: SiteBuild) -> None:
    """Note the stylesheets the bundle is made of, in the order pages linked them; link the placeholder instead."""
    state = site.styles
    found = {match.group(1): file for file in files if (match := MATERIAL.fullmatch(file.src_uri))}
    wanted = ["main", "palette"] if config.theme.get("palette") else ["main"]  # as Material's base.html links them
    if "main" not in found:  # not Material, or a Material that names its files otherwise: leave the pages alone
        return
    state.own = [str(path) for path in config.extra_css]
    state.sources = [found[name].content_string for name in wanted if name in found]
    state.sources += [files.get_file_from_path(path).content_string for path in state.own]
    bundle = material_bundle(config.theme.dirs)
    scripts = [bundle] if bundle else []
    scripts += [file.src_uri for file in files if WORKER.fullmatch(file.src_uri)]  # the search worker's markup
    scripts += [file.src_uri for file in files if file.src_uri.endswith(".js") and is_own_asset(file.src_uri)]
    for path in scripts:
        file = files.get_file_from_path(path)
        if file is not None:
            state.usage.add_script(file.content_string)
    config.extra_css[:] = [PLACEHOLDER]
    defer_scripts(config)


def defer_scripts(config) -> None:
    """Our scripts sit at the end of the body and need the parsed page only: `defer` keeps them from blocking
    the first paint (Lighthouse counted each as a render-blocking request)."""
    for n, script in enumerate(config.extra_javascript):
        if isinstance(script, str):
            script = ExtraScriptValue(script)
            config.extra_javascript[n] = script
        if not script.async_ and not script.type == "module":
            script.defer = True


def collect(page, output: str, site: SiteBuild):
    """What this page's HTML gives selectors to match (returned too, for the preview cache)."""
    if not site.styles.sources:
        return None
    tokens = page_tokens(output)
    add_tokens(site.styles.usage, tokens)
    site.styles.written.append(page.file.abs_dest_path)
    return tokens


def write(config, site: SiteBuild, previous: tuple = ()) -> tuple:
    """Trim and write the bundle; point every page written this build at its hashed name.

    Returns (sources, usage, stylesheet, name); given them back as `previous`, the editor's preview trims again
    only when the sources or what the pages use changed."""
    state = site.styles
    if not state.sources:
        return ()
    built = Path(config.site_dir)
    pages = [Path(path) for path in state.written]
    not_found = built / "404.html"  # rendered from a template, without a page event
    if not_found.is_file():
        pages.append(not_found)
        state.usage.add_page(not_found.read_bytes())
    if previous and previous[:2] == (state.sources, state.usage):
        css = previous[2]
    else:
        css = trim(state.sources, state.usage).encode("utf-8")
    state.name = hashed_name(NAME, css)
    target = built / state.name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(css)
    old, new = os.path.basename(PLACEHOLDER).encode(), os.path.basename(state.name).encode()
    for path in pages:
        data = path.read_bytes()
        if old in data:
            path.write_bytes(data.replace(old, new))
    return list(state.sources), state.usage, css, state.name
