"""MkDocs wiring for the clinic features: branding, embed variants, feeds, for-clinics page and headers.

It is part of the hook layer (it knows MkDocs' config, File and Page objects) and is kept out of hooks.py
only so that file stays short; the work itself is done by the plain modules it calls: `branding`,
`embeds`, `feeds`, `for_clinics` and `headers`. Moving to another engine means rewriting this file too.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from patient_site.patient.branding import STYLESHEET, accent_css
from patient_site.checklist.symptom_lists import ChecklistSettings, SymptomList
from patient_site.checklist.pages import GeneratedChecklist
from patient_site.patient.clinic import Clinic
from patient_site.patient.page_foot import disclaimer_from_setting
from patient_site.embeds.settings import EmbedSettings, EmbedSettingsError
from patient_site.embeds.variants import PageCopy, absolute, embed_context, embed_url
from patient_site.frontmatter.schema import as_date
from patient_site.embeds.feeds import api_path, dumps, iframe_html, index_json, oembed, oembed_path, page_json
from patient_site.embeds.for_clinics import PAGE as FOR_CLINICS_PAGE
from patient_site.embeds.for_clinics import SHOWN, Embeddable, render_for_clinics_page, render_snippets_page, snippets_page
from patient_site.frontmatter.reader import split_front_matter
from patient_site.hosting.headers import HeadersError, PageScan, scan_page, write_headers
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel
from patient_site.theme.nav_order import nav_position
from patient_site.mkdocs.sources import shown_path, source_text

COPY_SCRIPT = "assets/for-clinics.js"
FRAME_SCRIPT = "assets/embed-frame.js"
EMBED_STYLESHEET = "assets/embed.css"
TEMPLATE = "embed.html"


@dataclass
class ClinicEmbeds:
    """What one build knows about its embeddable pages; made afresh in on_config."""

    clinic: Clinic
    settings: EmbedSettings
    site_url: str
    embeddable: dict[str, Embeddable] = field(default_factory=dict)  # by source path
    oembed_links: dict[str, str] = field(default_factory=dict)  # page URL -> its oEmbed address
    copies: list[PageCopy] = field(default_factory=list)
    lists: dict[str, list[tuple[str, tuple[str, ...]]]] = field(default_factory=dict)  # page URL -> symptom lists
    list_pages: dict[str, list[str]] = field(default_factory=dict)  # checklist page -> URLs its lists come from
    content_scans: dict[str, PageScan] = field(default_factory=dict)  # built page -> its content, scanned for CSP

    @classmethod
    def configure(cls, config, clinic: Clinic) -> "ClinicEmbeds":
        """Check `extra.embed`, and add the clinic's stylesheet, logo and the copy-button script."""
        try:
            settings = EmbedSettings.from_mapping(config.extra.get("embed"))
        except EmbedSettingsError as error:
            raise PluginError(f"{config.config_file_path}: {error}") from None
        if not config.site_url:
            raise PluginError(f"{config.config_file_path}: site_url is missing; the embed snippets need the site's full address")
        if clinic.logo:
            if not os.path.isfile(os.path.join(config.docs_dir, clinic.logo)):
                raise PluginError(
                    f"{config.config_file_path}: extra.clinic.logo {clinic.logo!r} is not a file inside {config.docs_dir}")
            config.theme["logo"] = clinic.logo
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        if COPY_SCRIPT not in map(str, config.extra_javascript):
            config.extra_javascript.append(COPY_SCRIPT)
        return cls(clinic, settings, config.site_url)

    def add_files(self, files, config, lists: list[SymptomList], checklist: ChecklistSettings,
                  checklists: list[GeneratedChecklist]) -> None:
        """Add the clinic's stylesheet and the for-clinics pages; note which pages get embeds."""
        made = {record.src: record for record in checklists}  # the generated checklist page(s)
        files.append(File.generated(config, STYLESHEET, content=accent_css(self.clinic.accent_color)))
        in_menu = nav_position(config.nav)
        sources = [f for f in files.documentation_pages() if f.src_uri not in ("index.md", FOR_CLINICS_PAGE)]
        sources.sort(key=lambda f: (in_menu(f.src_uri), f.src_uri))
        for file in sources:
            if file.src_uri in made:
                title, description = made[file.src_uri].title, checklist.description
            else:
                meta = split_front_matter(source_text(file), shown_path(file, config.config_file_path)).meta
                title, description = str(meta.get("title") or file.name), str(meta.get("description") or "")
            self.embeddable[file.src_uri] = Embeddable(file.url, title, description)
            self.oembed_links[file.url] = absolute(self.site_url, oembed_path(file.url))
        by_src = {symptoms.page: symptoms for symptoms in lists}
        for file in sources:
            shown = [by_src[file.src_uri]] if file.src_uri in by_src else list(made[file.src_uri].lists) if file.src_uri in made else []
            self.lists[file.url] = [(symptoms.title, symptoms.items) for symptoms in shown]
        for src, record in made.items():  # the index of a split checklist stands for every list
            self.list_pages[src] = [files.get_file_from_path(symptoms.page).url for symptoms in record.lists or lists]
        pages = list(self.embeddable.values())
        for_clinics = File.generated(config, FOR_CLINICS_PAGE, content=render_for_clinics_page(
            pages, self.site_url, config.site_name, self.settings.allowed_origins,
            checklist.storage_key,
        ))
        files.append(for_clinics)
        for page in pages[:SHOWN]:  # each listed page's snippets, linked from /for-clinics/, not in the menu
            iframe = iframe_html(_stub(page), self.site_url, config.site_name, self.settings.width, self.settings.height)
            files.append(File.generated(config, snippets_page(page), content=render_snippets_page(page, self.site_url, iframe),
                                        inclusion=InclusionLevel.NOT_IN_NAV))

    def scan_content(self, page) -> None:
        """Scan a page's final content for inline code (the templates around it are scanned once per shape)."""
        self.content_scans[page.file.dest_uri] = scan_page(page.content or "")

    def collect(self, page) -> None:
        """Keep an embeddable page's rendered content (final after on_page_context) for on_post_build."""
        if page.file.src_uri not in self.embeddable:
            return
        self.copies.append(PageCopy(
            src_uri=page.file.src_uri,
            url=page.url,
            title=page.title or self.embeddable[page.file.src_uri].title,
            description=str(page.meta.get("description") or ""),
            content=page.content or "",
            reviewed=as_date(page.meta.get("reviewed")),
        ))

    def _with_checklist_review(self) -> list[PageCopy]:
        """A checklist page counts as reviewed when every page its lists come from is; the oldest date wins."""
        by_url = {copy.url: copy for copy in self.copies}
        result = []
        for copy in self.copies:
            dates = [by_url[url].reviewed if url in by_url else None for url in self.list_pages.get(copy.src_uri, ())]
            if copy.reviewed is None and dates and all(dates):
                copy = PageCopy(**{**copy.__dict__, "reviewed": min(dates)})
            result.append(copy)
        order = {src: position for position, src in enumerate(self.embeddable)}
        return sorted(result, key=lambda copy: order[copy.src_uri])

    def write_extras(self, config) -> int:
        """Write the embed pages and the JSON files into the built site; returns how many embed pages."""
        site = Path(config.site_dir)
        copies = self._with_checklist_review()
        embeds = {copy.url: embed_url(copy.url) for copy in copies}
        template = config.theme.get_env().get_template(TEMPLATE)
        styles = [EMBED_STYLESHEET, *map(str, config.extra_css)]
        scripts = [str(script) for script in config.extra_javascript if str(script) != COPY_SCRIPT] + [FRAME_SCRIPT]
        publisher = {
            "@type": "MedicalClinic",
            "name": self.clinic.name,
            "telephone": self.clinic.phone,
            "url": self.clinic.website,
        }
        disclaimer = disclaimer_from_setting(config.extra.get("disclaimer"))  # issue 13: embeds and API carry it
        for copy in copies:
            context = embed_context(copy, embeds, config.site_name, config.theme["language"], styles, scripts, disclaimer)
            context["canonical"] = absolute(self.site_url, copy.url)  # search engines: the full page is the original
            _write(site / embed_url(copy.url) / "index.html", template.render(**context))
            self.content_scans[embed_url(copy.url) + "index.html"] = scan_page(context["content"])
            _write(site / api_path(copy.url), dumps(page_json(copy, self.site_url, config.site_name, self.lists.get(copy.url, []), publisher, disclaimer)))
            _write(site / oembed_path(copy.url), dumps(oembed(copy, self.site_url, config.site_name, self.settings.width, self.settings.height)))
        _write(site / "api" / "index.json", dumps(index_json(copies, self.site_url, config.site_name)))
        return len(copies)

    def write_headers(self, config) -> None:
        """Check the built pages against their Content-Security-Policy, then write `_headers` and the nginx snippet."""
        site = Path(config.site_dir)
        nginx = Path(os.path.dirname(config.config_file_path)) / self.settings.nginx_snippet
        try:
            write_headers(site, self.settings.allowed_origins, nginx, self.content_scans)
        except HeadersError as error:
            raise PluginError(f"{os.path.relpath(site)}/{error}") from None


def _stub(page: Embeddable) -> PageCopy:
    return PageCopy(src_uri="", url=page.url, title=page.title, description=page.description, content="")


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
