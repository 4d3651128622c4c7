"""MkDocs hook: wires MkDocs events to the plain modules beside it; no content logic of its own.

Moving to another engine means rewriting this file only. Errors from the modules already name the file
and line; here they become PluginError, which MkDocs prints without a traceback and exits non-zero on.
"""

from __future__ import annotations

import os
from urllib.parse import urljoin

from patient_site.checklist.symptom_lists import ChecklistError, ChecklistSettings, SymptomList, extract_items
from patient_site.checklist.pages import INDEX_PAGE as CHECKLIST_PAGE
from patient_site.checklist.pages import ChecklistMissing, ChecklistSite, checklist_pages
from patient_site.patient.clinic import Clinic
from patient_site.mkdocs.embeds import ClinicEmbeds
from patient_site.markdown.crosslinks import CrossLinkExtension, CrossLinkState, TermConflict, TermIndex, related_html
from patient_site.embeds.for_clinics import is_for_clinics
from patient_site.frontmatter.reader import FrontMatterError, split_front_matter, string_list
from mkdocs.exceptions import PluginError
from patient_site.theme.nav_menu import menu_parts, unsupported_features
from patient_site.theme.nav_order import nav_position
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import get_relative_url, normalize_url
from jinja2 import pass_context
from patient_site.mkdocs.patient import PatientPages
from patient_site.theme.assets import material_bundle
from patient_site.mkdocs.sources import shown_path, source_text

CONTACT_MARKER = "<!-- clinic:contact -->"


class _Build:
    """What one build knows; made afresh in on_config because `mkdocs serve` imports this hook once."""

    clinic: Clinic
    settings: ChecklistSettings
    crosslinks: CrossLinkState
    files: object  # mkdocs Files, kept for on_page_context, which is not given them
    checklists: set[str]  # the generated checklist page(s)
    checklist_of: dict[str, str]  # source page -> the generated checklist page that shows its list
    patient: PatientPages  # care cards, glossary, review details, disclaimer, JSON-LD


build = _Build()


def on_config(config, **kwargs):
    try:
        build.clinic = Clinic.from_mapping(config.extra.get("clinic"))
        build.settings = ChecklistSettings.from_mapping(config.extra.get("checklist"))
    except ValueError as error:
        raise PluginError(f"{config.config_file_path}: {error}") from None
    refused = unsupported_features(config.theme.get("features"))
    if refused:
        raise PluginError(f"{config.config_file_path}: theme.features: {', '.join(refused)} would change the site menu, "
                          "which scripts/nav_menu.py writes without them; remove them")
    build.crosslinks = CrossLinkState()
    config.markdown_extensions.append(CrossLinkExtension(build.crosslinks))
    build.embeds = ClinicEmbeds.configure(config, build.clinic)  # branding, embeds, feeds, headers
    build.patient = PatientPages.from_config(config, build.clinic)  # care cards, glossary, review, disclaimer, JSON-LD
    return config


def on_files(files, config, **kwargs):
    root = os.path.dirname(config.config_file_path)
    pages, lists, found = [], [], {}
    try:
        for file in files.documentation_pages():
            shown = shown_path(file, config.config_file_path)
            try:
                text = source_text(file)
            except UnicodeDecodeError as error:
                raise PluginError(f"{shown}:1: the file is not UTF-8 text ({error.reason}); save it as UTF-8") from None
            source = split_front_matter(text, shown)
            title = source.meta.get("title") or file.name
            pages.append((file.src_uri, str(title), string_list(source, "terms")))
            items = extract_items(source.body, shown, source.body_line)
            found[file.src_uri] = shown
            if items is not None:
                lists.append(SymptomList(file.src_uri, str(title), tuple(items)))
        build.crosslinks.index = TermIndex.build(pages)
    except (FrontMatterError, ChecklistError, TermConflict) as error:
        raise PluginError(str(error)) from None

    site = ChecklistSite(
        contact_html=build.clinic.contact_html(),
        address=lambda src: urljoin(config.site_url or "", File.generated(config, src, content="").url),
        shown=found,
        docs_shown=os.path.relpath(config.docs_dir, root),
        titles={src: title for src, title, _ in pages},
    )
    try:
        made = checklist_pages(lists, build.settings, nav_position(config.nav), site)
    except ChecklistMissing as error:
        raise PluginError(str(error)) from None
    for record in made:
        page = File.generated(config, record.src, content=record.markdown,
                              inclusion=InclusionLevel.UNDEFINED if record.in_nav else InclusionLevel.NOT_IN_NAV)
        page.edit_uri = files.get_file_from_path(record.edit_from).edit_uri  # "Edit this page" opens a list it shows
        files.append(page)
    build.checklists = {record.src for record in made}
    build.checklist_of = {symptoms.page: record.src for record in made for symptoms in record.lists}
    lists = [symptoms for record in made for symptoms in record.lists]  # as the checklist pages show them
    build.patient.on_files(files, config, lists)  # before embeds, so the glossary page gets an embed too
    build.embeds.add_files(files, config, lists, build.settings, made)
    build.embeds.add_hashed_assets(files, config)  # last: the generated assets/clinic.css is among them
    build.files = files
    return files


def on_page_read_source(page, **kwargs):
    return source_text(page.file)  # read once per build (scripts/page_sources.py), not once more by MkDocs


def on_page_markdown(markdown, page, **kwargs):
    # The for-clinics pages are about embedding, not topics: their words link nowhere and make no "Related pages".
    build.crosslinks.page = None if is_for_clinics(page.file.src_uri) else page.file.src_uri
    return build.patient.on_page_markdown(markdown, page, kwargs["config"])


def on_page_content(html, page, **kwargs):
    # Site text goes in after the conversion, so the editor checks inside it see only the editor's words.
    html = build.patient.on_page_content(html)
    return html.replace(CONTACT_MARKER, build.clinic.contact_html())  # Markdown passes the marker comment through


def on_page_context(context, page, **kwargs):
    # Every page's Markdown is rendered by now, so links in both directions are known.
    if page.is_homepage or page.file.generated_by:
        return context
    checklist = build.checklist_of.get(page.file.src_uri, CHECKLIST_PAGE)  # the checklist page with this page's list
    related = [src for src in build.crosslinks.related(page.file.src_uri) if src not in build.checklists] + [checklist]
    links, by_src = [], build.files.src_uris
    for src in related:
        target = by_src[src]
        links.append((get_relative_url(target.url, page.url), target.page.title if target.page else src))
    page.content += related_html(links)
    return context


def on_env(env, **kwargs):
    env.globals["clinic_contact_html"] = build.clinic.contact_html(label=f"{build.clinic.name}: contact details")
    env.globals["patient_head_html"] = build.patient.head_html  # JSON-LD and Open Graph, per page
    env.globals["patient_foot_html"] = build.patient.foot_html  # review, disclaimer, print footer, per page
    env.globals["oembed_links"] = build.embeds.oembed_links
    env.globals["asset"] = build.embeds.asset  # overrides/main.html: our asset's content-hashed name
    env.globals["site_menu"] = _site_menu(kwargs["config"].theme.get("features") or ())
    env.globals["material_bundle"] = material_bundle(kwargs["config"].theme.dirs)  # loaded on first search
    return env


def _site_menu(features):
    @pass_context
    def site_menu(context, nav, page):  # overrides/partials/nav.html
        return menu_parts(nav.items, page, lambda url: normalize_url(str(url), page=page, base=context["base_url"]), features)
    return site_menu


def on_post_page(output, page, config, **kwargs):
    build.embeds.scan_content(page)
    build.embeds.collect(page)
    return output


def on_post_build(config, **kwargs):
    build.embeds.write_extras(config)
    build.embeds.write_headers(config)  # the policy check of the site's pages counts as the hook's own cost
