"""What our theme overrides read from the build: template globals for the clinic card, head and foot, and the menu.

`overrides/` call these globals; each falls back to Material's own markup when a global is absent, so a build
without our hook is plain but complete.
"""

from __future__ import annotations

from jinja2 import pass_context
from mkdocs.utils import normalize_url

from patient_site.patient.page_foot import page_foot_html
from patient_site.patient.review import ReviewInfo, review_html
from patient_site.patient.structured_data import json_ld_script, medical_web_page, open_graph_html
from patient_site.site import SiteBuild
from patient_site.theme.assets import material_bundle
from patient_site.theme.nav_menu import menu_parts


def add_globals(env, config, site: SiteBuild) -> None:
    clinic = site.settings.clinic
    env.globals["clinic_contact_html"] = site.settings.site_text.contact(clinic)
    env.globals["patient_head_html"] = lambda page, config: head_html(page, config, site)  # JSON-LD and Open Graph
    env.globals["patient_foot_html"] = lambda page: foot_html(page, site)  # review, disclaimer, print footer
    env.globals["oembed_links"] = site.embeds.oembed_links
    env.globals["asset"] = site.asset  # overrides/main.html: our asset's content-hashed name
    env.globals["site_menu"] = _site_menu(config.theme.get("features") or ())
    env.globals["material_bundle"] = material_bundle(config.theme.dirs)  # loaded on first search
    env.globals["page_alternates"] = lambda page: site.sitemap_alternates.get(page.file.src_uri, [])  # overrides/sitemap.xml


def head_html(page, config, site: SiteBuild) -> str:
    """JSON-LD and Open Graph for the page."""
    if page is None:  # 404 and other pages without a source
        return ""
    title = str(page.meta.get("title") or page.title or config.site_name)
    description = str(page.meta.get("description") or config.site_description or "")
    url = page.canonical_url or page.abs_url or ""
    source = site.pages.get(page.file.src_uri)
    data = medical_web_page(
        title=title, description=description, url=url, language=site.language, site_name=site.site_name,
        site_url=site.site_url, clinic=site.settings.clinic, conditions=site.about(page.file.src_uri),
        review=source.review if source and not source.generated else None,
    )
    graph = open_graph_html(title=title, description=description, url=url, site_name=site.site_name, language=site.language)
    return f"{json_ld_script(data)}\n{graph}"


def foot_html(page, site: SiteBuild) -> str:
    """Review details, disclaimer and the print-only address and contact."""
    if page is None:
        return ""
    source = site.pages.get(page.file.src_uri)
    review = review_html(source.review if source else ReviewInfo())
    clinic = site.settings.clinic
    # Pages that already show the clinic's card in their text (landing, checklist) do not print it twice.
    has_card = 'class="clinic-contact"' in (page.content or "")
    contact = None if has_card else site.settings.site_text.contact(clinic, print_out=True)
    words = site.settings.site_text
    return page_foot_html(review, site.settings.disclaimer, page.canonical_url or "", contact, words.please_note, words.printed_from)


def _site_menu(features):
    @pass_context
    def site_menu(context, nav, page):  # overrides/partials/nav.html
        return menu_parts(nav.items, page, lambda url: normalize_url(str(url), page=page, base=context["base_url"]), features)
    return site_menu
