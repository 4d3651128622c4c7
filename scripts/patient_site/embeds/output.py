"""What the built site gains after every page is written: embed variants, API and oEmbed JSON, then headers.

One implementation for every engine: the MkDocs glue calls `write_outputs` in `on_post_build`, the hook-free
post-build step (`patient_site.engine.finish`) over a site another engine built. `render` renders the embed
template (overrides/embed.html) with a context from `embeds.variants.embed_context`.
"""

from __future__ import annotations

import functools
import os
import posixpath
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import lxml.html

from patient_site.composition import CACHE
from patient_site.embeds.feeds import api_path, dumps, index_json, oembed, oembed_path, page_json
from patient_site.embeds.for_clinics import fill
from patient_site.embeds.shared_parts import SharedParts, page_parts
from patient_site.embeds.variants import PageCopy, embed_context, embed_url
from patient_site.hosting.compress import made_copy, precompress
from patient_site.hosting.headers import HeadersError, site_files, write_headers
from patient_site.hosting.robots import write_root_files
from patient_site.patient.preview_image import write_planned
from patient_site.patient.structured_data import publisher
from patient_site.preview import PreviewCache, digest
from patient_site.urls import absolute, relative_url

if TYPE_CHECKING:
    from patient_site.site import SiteBuild

COPY_SCRIPT = "assets/for-clinics.js"
FRAME_SCRIPT = "assets/embed-frame.js"
EMBED_STYLESHEET = "assets/embed.css"
TEMPLATE = "embed.html"


def write_outputs(built: Path, site: SiteBuild, render: Callable[..., str], extra_css: list[str],
                  extra_javascript: list[str], nginx_suffix: str = "", kept: PreviewCache | None = None,
                  shared: bool = False) -> None:
    """Write the embed pages and JSON files into the built site, then check every page and write the headers.

    `nginx_suffix` goes before the snippet's extension ("-zensical": nginx-zensical.conf), so a build by another
    engine, whose pages have other inline scripts, does not replace the snippet that goes with the published site.
    `kept` is the editor preview's cache (patient_site/preview.py): what the last build into the same folder
    wrote, so only what changed is written again; a build passes none. `shared`: what every clinic's embeds take
    alike from a page comes from the project's store, or goes into it (embeds/shared_parts.py).
    """
    store = Path(site.paths.project or site.paths.root) / CACHE / "embeds" if shared else None
    write_extras(built, site, render, extra_css, extra_javascript, kept.embeds if kept else None, store)
    write_root_files(built, site.site_url, site.languages)  # before the headers: they cover every file
    cache = Path(site.paths.project or site.paths.root) / CACHE / "previews"  # shared by every build of the project
    write_planned(built, site.previews, kept.previews if kept else None, cache)  # the link-preview pictures the heads name
    nginx = Path(site.paths.root) / site.settings.embed.nginx_snippet
    nginx = nginx.with_name(nginx.stem + nginx_suffix + nginx.suffix)
    try:
        if kept is None:
            write_headers(built, site.settings.embed.allowed_origins, nginx, site.embeds.content_scans, site.settings.hosting)
        else:
            files = site_files(built)  # one walk of the folder for both steps: `_headers` is the only file between
            write_headers(built, site.settings.embed.allowed_origins, nginx, site.embeds.content_scans, site.settings.hosting,
                          lambda entry: made_copy(kept.compressed, entry), kept.headers, files)
    except ValueError as error:  # the page is named inside the built site: name the site's folder too
        raise HeadersError(f"{os.path.relpath(built)}/{error}") from None
    precompress(built, kept.compressed if kept else None, files if kept else None)  # last: copies of the final files


def site_icon(built: Path) -> str | None:
    """The site path of the icon the built home page names (`theme.favicon`), for the embed pages to name too."""
    home = built / "index.html"
    if not home.is_file():
        return None
    links = lxml.html.fromstring(home.read_bytes()).xpath('//head/link[@rel="icon"]/@href')
    return posixpath.normpath(links[0]) if links and "://" not in links[0] else None


def with_checklist_review(site: SiteBuild) -> list[PageCopy]:
    """A checklist page counts as reviewed when every page its lists come from is; the oldest date wins."""
    state = site.embeds
    by_url = {copy.url: copy for copy in state.copies}
    result = []
    for copy in state.copies:
        dates = [by_url[url].reviewed if url in by_url else None for url in state.list_pages.get(copy.src_uri, ())]
        if copy.reviewed is None and dates and all(dates):
            copy = PageCopy(**{**copy.__dict__, "reviewed": min(dates)})
        result.append(copy)
    order = {src: position for position, src in enumerate(state.embeddable)}
    return sorted(result, key=lambda copy: order[copy.src_uri])


def write_extras(built: Path, site: SiteBuild, render: Callable[..., str], extra_css: list[str],
                 extra_javascript: list[str], kept: dict | None = None, store: Path | None = None) -> int:
    """Each embeddable page's embed variant, API and oEmbed file, and the API's index; returns how many pages.

    `kept` (page URL -> (inputs, scan of its embed page), and the API index's inputs), when given, skips a page
    whose three files the last build into this folder wrote from the same inputs (and the index, likewise), and is
    updated with what this build wrote. `store`: the folder of the project's store of each page's `PageParts`.
    """
    settings, state = site.settings, site.embeds
    copies = with_checklist_review(site)
    embeds = {copy.url: embed_url(copy.url) for copy in copies}
    styles = [site.asset(EMBED_STYLESHEET), *extra_css]
    scripts = [script for script in extra_javascript if script != site.asset(COPY_SCRIPT)] + [site.asset(FRAME_SCRIPT)]
    clinic = publisher(settings.clinic)
    icon = site_icon(built)
    shared_parts = SharedParts(store, embeds) if store else None
    parts = shared_parts.parts if shared_parts else functools.partial(page_parts, embeds=embeds)
    shared = digest(embeds, styles, scripts, site.site_name, site.language, site.site_url, settings) if kept is not None else ""
    for copy in copies:
        page = embed_url(copy.url) + "index.html"
        if kept is not None:
            key = (shared, copy, state.lists.get(copy.url, []))  # compared, not hashed: a kept copy is the same object
            if kept.get(copy.url, ((),))[0] == key and (built / page).is_file():
                state.content_scans[page] = kept[copy.url][1]
                continue
        words = settings.site_text  # the embed's own words in the build's language (English when not set)
        made = parts(copy)
        context = embed_context(copy, embeds, site.site_name, site.language, styles, scripts, settings.disclaimer, words,
                                made.embed_content)
        context["canonical"] = absolute(site.site_url, copy.url)  # search engines: the full page is the original
        context["icon"] = relative_url(icon, embed_url(copy.url)) if icon else ""  # else each view asks for /favicon.ico
        context.update(open_full_page=words.open_full_page, please_note=words.please_note)
        _write(built / page, render(**context))
        state.content_scans[page] = made.embed_scan
        _write(built / api_path(copy.url), dumps(page_json(copy, site.site_url, site.site_name, site.language,
                                                           state.lists.get(copy.url, []), clinic, settings.disclaimer,
                                                           (made.text, made.site_added))))
        frame_title = fill(settings.for_clinics.frame_title, title=copy.title, site_name=site.site_name)
        _write(built / oembed_path(copy.url), dumps(oembed(copy, site.site_url, site.site_name, settings.embed.width,
                                                           settings.embed.height, frame_title)))
        if kept is not None:
            kept[copy.url] = (key, state.content_scans[page])
    index_name = settings.site_text.api_index_name
    listed = ([(copy.url, copy.title, copy.description, copy.reviewed) for copy in copies], site.site_url, site.site_name, index_name)
    if kept is None or kept.get("api/index.json") != listed or not (built / "api" / "index.json").is_file():
        _write(built / "api" / "index.json", dumps(index_json(copies, site.site_url, site.site_name, index_name)))
        if kept is not None:
            kept["api/index.json"] = listed  # what the index shows of each page
    if shared_parts:
        shared_parts.close()
    return len(copies)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
