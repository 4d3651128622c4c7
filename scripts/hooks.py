"""MkDocs hook: wires MkDocs events to the plain modules beside it; no content logic of its own.

Moving to another engine means rewriting this file only. Errors from the modules already name the file
and line; here they become PluginError, which MkDocs prints without a traceback and exits non-zero on.
"""

from __future__ import annotations

import os
from urllib.parse import urljoin

from build_timer import ExtraOutputsTimer
from checklist import HOW_TO_MARK, ChecklistError, ChecklistPage, ChecklistSettings, SymptomList, extract_items, render_checklist_page
from clinic import Clinic
from clinic_embeds import ClinicEmbeds
from crosslinks import CrossLinkExtension, CrossLinkState, TermConflict, TermIndex, related_html
from for_clinics import PAGE as FOR_CLINICS_PAGE
from frontmatter import FrontMatterError, split_front_matter, string_list
from mkdocs.exceptions import PluginError
from nav_order import nav_position
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url
from patient_pages import PatientPages
from theme_assets import material_bundle
from page_sources import source_text

CHECKLIST_PAGE = "checklist.md"
CONTACT_MARKER = "<!-- clinic:contact -->"


class _Build:
    """What one build knows; made afresh in on_config because `mkdocs serve` imports this hook once."""

    clinic: Clinic
    settings: ChecklistSettings
    crosslinks: CrossLinkState
    files: object  # mkdocs Files, kept for on_page_context, which is not given them
    patient: PatientPages  # care cards, glossary, review details, disclaimer, JSON-LD
    timer: ExtraOutputsTimer  # for `make bench`: the time spent on pages only our build writes


build = _Build()


def on_config(config, **kwargs):
    build.timer = ExtraOutputsTimer.from_environment()
    try:
        build.clinic = Clinic.from_mapping(config.extra.get("clinic"))
        build.settings = ChecklistSettings.from_mapping(config.extra.get("checklist"))
    except ValueError as error:
        raise PluginError(f"{config.config_file_path}: {error}") from None
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
            shown = os.path.relpath(file.abs_src_path, root)
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

    in_menu = nav_position(config.nav)
    lists.sort(key=lambda symptoms: in_menu(symptoms.page))  # one fieldset per condition, in menu order
    with_lists = {symptoms.page for symptoms in lists}
    for required in build.settings.required_pages:
        if required not in with_lists:
            shown = found.get(required, os.path.join(os.path.relpath(config.docs_dir, root), required))
            raise PluginError(
                f"{shown}: no symptom list found for the checklist; {HOW_TO_MARK}")

    if not lists:
        raise PluginError(
            f"{os.path.relpath(config.docs_dir, root)}: no page has a symptom list for the checklist; {HOW_TO_MARK}")
    settings = build.settings
    checklist = File.generated(config, CHECKLIST_PAGE, content="")
    checklist.content_string = render_checklist_page(
        lists,
        ChecklistPage(
            title=settings.title,
            description=settings.description,
            intro_markdown=settings.intro,
            storage_key=settings.storage_key,
            page_url=urljoin(config.site_url or "", checklist.url),
            contact_html=build.clinic.contact_html(),
        ),
    )
    source = files.get_file_from_path(lists[0].page)
    checklist.edit_uri = source.edit_uri  # "Edit this page" opens the list the checklist comes from
    files.append(checklist)
    build.patient.on_files(files, config, lists)  # before embeds, so the glossary page gets an embed too
    build.embeds.add_files(files, config, lists, settings)
    build.files = files
    return files


def on_pre_page(page, **kwargs):
    if page.file.generated_by:
        build.timer.start()
    return page


def on_page_markdown(markdown, page, **kwargs):
    # The for-clinics page is about embedding, not a topic: its words link nowhere and make no "Related pages".
    build.crosslinks.page = None if page.file.src_uri == FOR_CLINICS_PAGE else page.file.src_uri
    return build.patient.on_page_markdown(markdown, page, kwargs["config"])


def on_page_content(html, page, **kwargs):
    # Site text goes in after the conversion, so the editor checks inside it see only the editor's words.
    html = build.patient.on_page_content(html)
    if page.file.generated_by:
        build.timer.stop()
    return html.replace(CONTACT_MARKER, build.clinic.contact_html())  # Markdown passes the marker comment through


def on_page_context(context, page, **kwargs):
    # Every page's Markdown is rendered by now, so links in both directions are known.
    if page.file.generated_by:
        build.timer.start()
    if page.is_homepage or page.file.generated_by:
        return context
    related = [src for src in build.crosslinks.related(page.file.src_uri) if src != CHECKLIST_PAGE] + [CHECKLIST_PAGE]
    links = []
    for src in related:
        target = build.files.get_file_from_path(src)
        links.append((get_relative_url(target.url, page.url), target.page.title if target.page else src))
    page.content += related_html(links)
    return context


def on_env(env, **kwargs):
    env.globals["clinic_contact_html"] = build.clinic.contact_html(label=f"{build.clinic.name}: contact details")
    env.globals["patient_head_html"] = build.patient.head_html  # JSON-LD and Open Graph, per page
    env.globals["patient_foot_html"] = build.patient.foot_html  # review, disclaimer, print footer, per page
    env.globals["oembed_links"] = build.embeds.oembed_links
    env.globals["material_bundle"] = material_bundle(kwargs["config"].theme.dirs)  # loaded on first search
    return env


def on_post_page(output, page, config, **kwargs):
    build.embeds.collect(page)
    if page.file.generated_by:
        build.timer.stop(pages=1)
    return output


def on_post_build(config, **kwargs):
    build.timer.start()
    build.timer.stop(pages=build.embeds.write_extras(config))
    build.embeds.write_headers(config)  # every page's policy check counts as the hook's own cost
    build.timer.write()
