"""MkDocs glue for what other sites use: the clinic's branding, embed variants, feeds, for-clinics pages, headers.

The work is done by the plain modules it calls (`patient.branding`, `embeds.*`, `hosting.headers`); this
module only moves MkDocs' config, files and pages in and out, keeping what it learns on the build object.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File, InclusionLevel

from patient_site.embeds.output import COPY_SCRIPT, TEMPLATE, write_outputs
from patient_site.embeds.planning import plan_embeds
from patient_site.embeds.variants import PageCopy
from patient_site.review.state import published_review_date
from patient_site.hosting.fingerprint import fingerprint, is_own_asset
from patient_site.hosting.headers import scan_page
from patient_site.patient.branding import STYLESHEET
from patient_site.preview import PreviewCache
from patient_site.site import SiteBuild
from patient_site.theme.nav_order import nav_position


def configure(config, site: SiteBuild) -> None:
    """Add the clinic's logo, stylesheet and the copy-button script (the config is checked by config_checks)."""
    if site.settings.clinic.logo:  # checked by config_checks.check_config
        config.theme["logo"] = site.settings.clinic.logo
    if STYLESHEET not in config.extra_css:
        config.extra_css.append(STYLESHEET)
    if COPY_SCRIPT not in map(str, config.extra_javascript):
        config.extra_javascript.append(COPY_SCRIPT)


def plan(files, config, site: SiteBuild, add) -> None:
    """Add the clinic's stylesheet and the for-clinics pages (through `add`); note which pages get embeds."""
    def add_generated(src: str, content: str, in_nav: bool = True) -> None:
        inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
        add(files, File.generated(config, src, content=content, inclusion=inclusion))

    pages = [(file.src_uri, file.url, file.name) for file in files.documentation_pages()]
    plan_embeds(site, pages, nav_position(config.nav), lambda src: files.get_file_from_path(src).url, add_generated)


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
        reviewed=published_review_date(site, page.file.src_uri),
    ))


def write(config, site: SiteBuild, kept: PreviewCache | None = None) -> None:
    """Write the embed pages and JSON files into the built site, then check every page and write the headers.

    The editor's preview passes what it kept of the last build (see `write_outputs`); a build passes nothing."""
    template = config.theme.get_env().get_template(TEMPLATE)
    write_outputs(Path(config.site_dir), site, template.render, list(site.styles.own) or [str(css) for css in config.extra_css],
                  [str(script) for script in config.extra_javascript],  # embeds link our own stylesheets, not the page bundle
                  kept=kept)
