"""What our theme overrides read from the build: template globals for the clinic card, head and foot, and the menu.

`overrides/` call these globals; each falls back to Material's own markup when a global is absent, so a build
without our hook is plain but complete.
"""

from __future__ import annotations

from jinja2 import pass_context
from mkdocs.utils import normalize_url

from patient_site.editor.edit_links import edit_links
from patient_site.patient.page_parts import foot_parts, footer_html, head_parts
from patient_site.site import SiteBuild
from patient_site.theme.assets import material_bundle, search_worker
from patient_site.theme.nav_menu import menu_parts


def add_globals(env, config, site: SiteBuild) -> None:
    env.globals["clinic_footer_html"] = footer_html(site)
    env.globals["patient_head_html"] = lambda page, config: head_html(page, config, site)  # JSON-LD and Open Graph
    env.globals["patient_foot_html"] = lambda page: foot_html(page, site)  # review, disclaimer, print footer
    env.globals["oembed_links"] = site.embeds.oembed_links
    env.globals["asset"] = site.asset  # overrides/main.html: our asset's content-hashed name
    env.globals["site_menu"] = _site_menu(config.theme.get("features") or ())
    env.globals["material_bundle"] = material_bundle(config.theme.dirs)  # our hook is on: Material's bundle is never loaded
    env.globals["search_worker"] = search_worker(config.theme.dirs)  # driven by docs/assets/search.js on the first search
    env.globals["page_alternates"] = lambda page: site.sitemap_alternates.get(page.file.src_uri, [])  # overrides/sitemap.xml
    env.globals["not_found_title"] = site.settings.site_text.not_found  # overrides/404.html, in the build's language
    # overrides/partials/actions.html: each "Edit this page" link, named for a screen reader
    env.globals["edit_links"] = lambda page: edit_links(site, page.file.src_uri) if page and page.file else []
    env.globals["style_bundle"] = bool(site.styles.sources)  # overrides/main.html: one stylesheet, in extra_css


def head_html(page, config, site: SiteBuild) -> str:
    """JSON-LD and Open Graph for the page."""
    if page is None:  # 404 and other pages without a source
        return ""
    title = str(page.meta.get("title") or page.title or config.site_name)
    description = str(page.meta.get("description") or config.site_description or "")
    return head_parts(site, page.file.src_uri, title, description, page.canonical_url or page.abs_url or "")


def foot_html(page, site: SiteBuild) -> str:
    """Review details, disclaimer and the print-only address and contact."""
    if page is None:
        return ""
    return foot_parts(site, page.file.src_uri, page.canonical_url or "")


def _site_menu(features):
    @pass_context
    def site_menu(context, nav, page):  # overrides/partials/nav.html
        return menu_parts(nav.items, page, lambda url: normalize_url(str(url), page=page, base=context["base_url"]), features)
    return site_menu
