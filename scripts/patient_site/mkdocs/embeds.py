"""MkDocs glue for what other sites use: the clinic's branding, embed variants, feeds, for-clinics pages, headers.

The work is done by the plain modules it calls (`patient.branding`, `embeds.*`, `hosting.headers`); this
module only moves MkDocs' config, files and pages in and out, keeping what it learns on the build object.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from patient_site.embeds.feeds import api_path, dumps, iframe_html, index_json, oembed, oembed_path, page_json
from patient_site.embeds.for_clinics import PAGE as FOR_CLINICS_PAGE
from patient_site.embeds.for_clinics import SHOWN, Embeddable, render_for_clinics_page, render_snippets_page, snippets_page
from patient_site.embeds.variants import PageCopy, embed_context, embed_url
from patient_site.urls import absolute
from patient_site.frontmatter.schema import as_date
from patient_site.hosting.compress import precompress
from patient_site.hosting.fingerprint import fingerprint, is_own_asset
from patient_site.hosting.headers import scan_page, write_headers
from patient_site.patient.branding import STYLESHEET, accent_css
from patient_site.patient.structured_data import publisher
from patient_site.site import SiteBuild
from patient_site.theme.nav_order import nav_position

COPY_SCRIPT = "assets/for-clinics.js"
FRAME_SCRIPT = "assets/embed-frame.js"
EMBED_STYLESHEET = "assets/embed.css"
TEMPLATE = "embed.html"


def configure(config, site: SiteBuild) -> None:
    """Check that the snippets can have full addresses; add the clinic's logo, stylesheet and the copy-button script."""
    shown, clinic = site.paths.config_shown, site.settings.clinic
    if not config.site_url:
        raise PluginError(f"{shown}: site_url is missing; the embed snippets need the site's full address")
    if clinic.logo:
        if not os.path.isfile(os.path.join(config.docs_dir, clinic.logo)):
            raise PluginError(f"{site.settings.where('clinic', 'logo')}: extra.clinic.logo {clinic.logo!r} is not a file "
                              f"inside {site.paths.docs_shown}/")
        config.theme["logo"] = clinic.logo
    if STYLESHEET not in config.extra_css:
        config.extra_css.append(STYLESHEET)
    if COPY_SCRIPT not in map(str, config.extra_javascript):
        config.extra_javascript.append(COPY_SCRIPT)


def plan(files, config, site: SiteBuild, add) -> None:
    """Add the clinic's stylesheet and the for-clinics pages (through `add`); note which pages get embeds."""
    state, settings = site.embeds, site.settings
    made = {record.src: record for record in site.checklists}
    add(files, File.generated(config, STYLESHEET, content=accent_css(settings.clinic.accent_color)))
    in_menu = nav_position(config.nav)
    sources = [f for f in files.documentation_pages() if f.src_uri not in ("index.md", FOR_CLINICS_PAGE)]
    sources.sort(key=lambda f: (in_menu(f.src_uri), f.src_uri))
    for file in sources:
        if file.src_uri in made:
            title, description = made[file.src_uri].title, settings.checklist.description
        else:
            page = site.pages.get(file.src_uri)
            title, description = page.shown_title, page.description
        state.embeddable[file.src_uri] = Embeddable(file.url, title, description)
        state.oembed_links[file.url] = absolute(site.site_url, oembed_path(file.url))
    by_src = {symptoms.page: symptoms for symptoms in site.symptom_lists}
    for file in sources:
        shown = [by_src[file.src_uri]] if file.src_uri in by_src else list(made[file.src_uri].lists) if file.src_uri in made else []
        state.lists[file.url] = [(symptoms.title, symptoms.items) for symptoms in shown]
    for src, record in made.items():  # the index of a split checklist stands for every list
        state.list_pages[src] = [files.get_file_from_path(symptoms.page).url for symptoms in record.lists or site.symptom_lists]
    pages = list(state.embeddable.values())
    add(files, File.generated(config, FOR_CLINICS_PAGE, content=render_for_clinics_page(
        pages, site.site_url, site.site_name, settings.embed.allowed_origins, settings.checklist.storage_key)))
    for page in pages[:SHOWN]:  # each listed page's snippets, linked from /for-clinics/, not in the menu
        iframe = iframe_html(_stub(page), site.site_url, site.site_name, settings.embed.width, settings.embed.height)
        add(files, File.generated(config, snippets_page(page), content=render_snippets_page(page, site.site_url, iframe),
                                  inclusion=InclusionLevel.NOT_IN_NAV))


def add_hashed_assets(files, config, site: SiteBuild) -> None:
    """Add a content-hashed copy of each of our stylesheets and scripts; point extra_css/js at the copies."""
    ours = {file.dest_uri: file for file in files if is_own_asset(file.dest_uri)}  # read only these few
    site.assets = fingerprint({path: file.content_bytes for path, file in ours.items()})
    for path, hashed in site.assets.items():
        files.append(File.generated(config, hashed, content=ours[path].content_bytes))
    config.extra_css[:] = [site.asset(str(path)) for path in config.extra_css]
    for n, script in enumerate(config.extra_javascript):
        if isinstance(script, str):
            config.extra_javascript[n] = site.asset(script)
        else:
            script.path = site.asset(script.path)


def collect(page, site: SiteBuild) -> None:
    """Scan a page's final content for inline code; keep an embeddable page's content for the post-build step."""
    state = site.embeds
    state.content_scans[page.file.dest_uri] = scan_page(page.content or "")  # the templates: once per shape
    if page.file.src_uri not in state.embeddable:
        return
    state.copies.append(PageCopy(
        src_uri=page.file.src_uri,
        url=page.url,
        title=page.title or state.embeddable[page.file.src_uri].title,
        description=str(page.meta.get("description") or ""),
        content=page.content or "",
        reviewed=as_date(page.meta.get("reviewed")),
    ))


def write(config, site: SiteBuild) -> None:
    """Write the embed pages and JSON files into the built site, then check every page and write the headers."""
    _write_extras(config, site)
    built = Path(config.site_dir)
    nginx = Path(site.paths.root) / site.settings.embed.nginx_snippet
    try:
        write_headers(built, site.settings.embed.allowed_origins, nginx, site.embeds.content_scans, site.settings.hosting)
    except ValueError as error:
        raise PluginError(f"{os.path.relpath(built)}/{error}") from None
    precompress(built)  # last: the .gz copies are of the final files


def _with_checklist_review(site: SiteBuild) -> list[PageCopy]:
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


def _write_extras(config, site: SiteBuild) -> int:
    """Each embeddable page's embed variant, API and oEmbed file, and the API's index; returns how many pages."""
    built, settings, state = Path(config.site_dir), site.settings, site.embeds
    copies = _with_checklist_review(site)
    embeds = {copy.url: embed_url(copy.url) for copy in copies}
    template = config.theme.get_env().get_template(TEMPLATE)
    styles = [site.asset(EMBED_STYLESHEET), *map(str, config.extra_css)]
    scripts = [str(script) for script in config.extra_javascript if str(script) != site.asset(COPY_SCRIPT)] + [site.asset(FRAME_SCRIPT)]
    clinic = publisher(settings.clinic)
    for copy in copies:
        context = embed_context(copy, embeds, site.site_name, site.language, styles, scripts, settings.disclaimer)
        context["canonical"] = absolute(site.site_url, copy.url)  # search engines: the full page is the original
        words = settings.site_text  # the embed's own words in the build's language (English when not set)
        context.update(attribution=context["attribution"].replace("From ", words.embed_from + " ", 1),
                       open_full_page=words.open_full_page, please_note=words.please_note)
        _write(built / embed_url(copy.url) / "index.html", template.render(**context))
        state.content_scans[embed_url(copy.url) + "index.html"] = scan_page(context["content"])
        _write(built / api_path(copy.url), dumps(page_json(copy, site.site_url, site.site_name, site.language,
                                                           state.lists.get(copy.url, []), clinic, settings.disclaimer)))
        _write(built / oembed_path(copy.url), dumps(oembed(copy, site.site_url, site.site_name, settings.embed.width, settings.embed.height)))
    _write(built / "api" / "index.json", dumps(index_json(copies, site.site_url, site.site_name)))
    return len(copies)


def _stub(page: Embeddable) -> PageCopy:
    return PageCopy(src_uri="", url=page.url, title=page.title, description=page.description, content="")


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
