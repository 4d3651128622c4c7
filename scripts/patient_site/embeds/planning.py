"""Which pages get embeds, and the generated pages and files that offer them: one plan for every engine.

Plain data in (each page's source path, address and file name; the menu order; a way to find a page's
address), generated files out through `add(src, content, in_nav)`. The MkDocs glue and the hook-free
pre-build step (`patient_site.engine.prepare`) both call `plan_embeds`, so both sites offer the same embeds.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from patient_site.embeds.feeds import iframe_html, oembed_path
from patient_site.embeds.for_clinics import PAGE as FOR_CLINICS_PAGE
from patient_site.embeds.for_clinics import SHOWN, Embeddable, fill, render_for_clinics_page, render_snippets_page, snippets_page
from patient_site.embeds.variants import PageCopy
from patient_site.patient.branding import STYLESHEET, accent_css
from patient_site.urls import absolute

if TYPE_CHECKING:
    from patient_site.site import SiteBuild

Add = Callable[..., None]  # add(src, content, in_nav=True)


def plan_embeds(site: SiteBuild, pages: list[tuple[str, str, str]], in_menu: Callable[[str], int],
                url_of: Callable[[str], str], add: Add) -> None:
    """Add the clinic's stylesheet and the for-clinics pages; note which pages get embeds.

    `pages` are (source path, address, file name) of every page so far, generated ones included.
    """
    state, settings = site.embeds, site.settings
    made = {record.src: record for record in site.checklists}
    add(STYLESHEET, accent_css(settings.clinic.accent_color))
    sources = [page for page in pages if page[0] not in ("index.md", FOR_CLINICS_PAGE)]
    sources.sort(key=lambda page: (in_menu(page[0]), page[0]))
    for src, url, _ in sources:
        if src in made:
            title, description = made[src].title, settings.checklist.description
        else:
            page = site.pages.get(src)
            title, description = page.shown_title, page.description
        state.embeddable[src] = Embeddable(url, title, description)
        state.oembed_links[url] = absolute(site.site_url, oembed_path(url))
    by_src = {symptoms.page: symptoms for symptoms in site.symptom_lists}
    for src, url, _ in sources:
        shown = [by_src[src]] if src in by_src else list(made[src].lists) if src in made else []
        state.lists[url] = [(symptoms.title, symptoms.items) for symptoms in shown]
    for src, record in made.items():  # the index of a split checklist stands for every list
        state.list_pages[src] = [url_of(symptoms.page) for symptoms in record.lists or site.symptom_lists]
    embeddable, words = list(state.embeddable.values()), settings.for_clinics
    add(FOR_CLINICS_PAGE, render_for_clinics_page(
        embeddable, site.site_url, site.site_name, settings.embed.allowed_origins, settings.checklist.storage_key, words))
    for page in embeddable[:SHOWN]:  # each listed page's snippets, linked from /for-clinics/, not in the menu
        title = fill(words.frame_title, title=page.title, site_name=site.site_name)
        iframe = iframe_html(_stub(page), site.site_url, site.site_name, settings.embed.width, settings.embed.height, title)
        add(snippets_page(page), render_snippets_page(page, site.site_url, iframe, words), in_nav=False)


def _stub(page: Embeddable) -> PageCopy:
    return PageCopy(src_uri="", url=page.url, title=page.title, description=page.description, content="")
