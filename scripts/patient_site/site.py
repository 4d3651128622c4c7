"""The build object: everything one build knows, made afresh for each build.

`mkdocs serve` imports the hook once and then rebuilds after every save. Keeping each feature's state on one
`SiteBuild`, made in `on_config`, and none in module globals, means a rebuild can never see the last build's
pages, terms, symptom lists or settings. The MkDocs glue (`patient_site.mkdocs`) fills it event by event; this
module, like every feature module it holds, knows nothing of MkDocs.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from dataclasses import dataclass, field

from patient_site import translations
from patient_site.checklist.pages import INDEX_PAGE as CHECKLIST_PAGE
from patient_site.checklist.pages import ChecklistSite, GeneratedChecklist, checklist_pages
from patient_site.checklist.symptom_lists import SymptomList
from patient_site.conditions import check_conditions
from patient_site.editor.checks import PageSafety
from patient_site.embeds.for_clinics import Embeddable
from patient_site.embeds.output import COPY_SCRIPT
from patient_site.embeds.planning import plan_embeds
from patient_site.embeds.variants import PageCopy
from patient_site.hosting.fingerprint import fingerprint, is_own_asset
from patient_site.hosting.headers import PageScan, scan_page
from patient_site.languages import Languages
from patient_site.markdown.crosslinks import CrossLinkState, TermIndex, related_html
from patient_site.markdown.glossary import FILE as GLOSSARY_FILE
from patient_site.markdown.glossary import PAGE as GLOSSARY_PAGE
from patient_site.markdown.glossary import GlossaryIndex, GlossaryState, load_glossary, render_glossary_page
from patient_site.pages import PageIndex, PageSource, read_page
from patient_site.patient.branding import STYLESHEET
from patient_site.review.state import Reviews, build_reviews, published_review_date
from patient_site.settings import SiteSettings
from patient_site.source_files import SourceFiles
from patient_site.sources import decode
from patient_site.theme.style_bundle import Usage
from patient_site.urls import relative_url


@dataclass(frozen=True)
class Paths:
    """Where the project is, and how messages name its files (relative to the folder of the config file)."""

    root: str  # the folder of mkdocs.yml (or of a clinic's config)
    config_file: str
    docs_dir: str
    project: str | None = None  # where messages name files from, when not `root`: a language's build names its
    # pages from the project folder ("languages/es/docs/causes.md"), not from languages/es/

    def shown(self, path: str) -> str:
        """A file as an editor finds it from the project folder, e.g. "docs/causes.md"."""
        return os.path.relpath(path, self.project or self.root)

    @property
    def config_shown(self) -> str:
        return self.shown(self.config_file)

    @property
    def docs_shown(self) -> str:
        return self.shown(self.docs_dir)


@dataclass
class EmbedState:
    """What the build learns about its embeddable pages, from planning (files) to writing (post-build)."""

    embeddable: dict[str, Embeddable] = field(default_factory=dict)  # by source path, in menu order
    oembed_links: dict[str, str] = field(default_factory=dict)  # page URL -> its oEmbed address
    copies: list[PageCopy] = field(default_factory=list)  # rendered content of each embeddable page
    lists: dict[str, list[tuple[str, tuple[str, ...]]]] = field(default_factory=dict)  # page URL -> symptom lists
    list_pages: dict[str, list[str]] = field(default_factory=dict)  # checklist page -> URLs its lists come from
    content_scans: dict[str, PageScan] = field(default_factory=dict)  # built page -> its content, scanned for CSP


@dataclass
class StyleState:
    """The one stylesheet (patient_site/mkdocs/styles.py): its sources, what the pages use, and its hashed name."""

    sources: list[str] = field(default_factory=list)  # Material's main.css (and palette.css), then extra_css
    own: list[str] = field(default_factory=list)  # extra_css as configured (hashed names): the embed variants link these
    usage: Usage = field(default_factory=Usage)
    written: list[str] = field(default_factory=list)  # pages written this build, which link the placeholder
    name: str = ""


@dataclass(frozen=True)
class Planned:
    """What the planning leaves for the engine's glue to do: its words to log, its config lists to change."""

    warnings: list[str]  # content problems a strict build stops on (a translation's gaps)
    notes: list[str]  # worth saying, never stopping (a page not translated yet)
    logo: str | None  # the clinic's logo, for the theme's `logo`
    extra_css: list[str]  # the config's stylesheets and scripts with ours added, each its content-hashed copy
    extra_javascript: list[str]


@dataclass
class SiteBuild:
    """One build's settings, pages and every feature's state."""

    paths: Paths
    settings: SiteSettings
    site_url: str
    site_name: str
    language: str
    pages: PageIndex = field(default_factory=lambda: PageIndex([]))
    crosslinks: CrossLinkState = field(default_factory=CrossLinkState)
    glossary: GlossaryState = field(default_factory=GlossaryState)
    glossary_entries: list = field(default_factory=list)  # docs/glossary.yml's entries, for the checks between languages
    safety: PageSafety = field(default_factory=PageSafety)
    checklists: list[GeneratedChecklist] = field(default_factory=list)
    symptom_lists: list[SymptomList] = field(default_factory=list)  # as the checklist pages show them
    embeds: EmbedState = field(default_factory=EmbedState)
    styles: StyleState = field(default_factory=StyleState)
    assets: dict[str, str] = field(default_factory=dict)  # our asset's plain site path -> its content-hashed copy
    site_urls: frozenset = frozenset()  # every address the site will have, for the raw-link check
    first_error: str | None = None  # the first page's editor mistake, raised once every page is converted
    languages: Languages | None = None  # the site's languages and which one this build is (None: one language)
    sitemap_alternates: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # source path -> (lang, full address)
    reviews: Reviews = field(default_factory=Reviews)  # each page's review and translation state (patient_site/review)
    previews: dict[str, tuple] = field(default_factory=dict)  # page URL -> its link-preview picture (patient/preview_image.py)
    edit_base: str | None = None  # where "Edit this page" adds a source's path (editor/edit_links.py); None: no links

    def plan(self, files: SourceFiles, order: Callable[[str], int], extra_css: list[str],
             extra_javascript: list[str]) -> Planned:
        """The one planning call of every engine, once all source files are known and before any page converts.

        Reads every page once (the page index, site-wide checks, the term index), generates the checklist page(s)
        and the glossary page, checks the languages and `extra.conditions`, plans the embeds and for-clinics
        pages, and gives our stylesheets and scripts content-hashed copies, last (the clinic's stylesheet is
        generated). `order` is the menu's order of source paths; `extra_css`/`extra_javascript` the config's.
        """
        pages = []
        for src in files.pages():
            shown = files.shown(src)
            url, name = files.page(src)
            pages.append(read_page(src, shown, url, name, decode(files.read(src), shown)))
        self.read_sources(pages, order)

        def add(src: str, content: str | bytes, in_nav: bool = True, edit_from: str | None = None) -> None:
            files.add(src, content, in_nav, edit_from)
            if src.endswith(".md"):  # a generated page joins the page index (its text is in memory already)
                url, name = files.page(src)
                self.pages.add(read_page(src, src, url, name, content, generated=True))

        for record in self.checklists:
            add(record.src, record.markdown, record.in_nav, record.edit_from)  # "Edit this page" opens a list it shows
        glossary_shown = None
        if files.exists(GLOSSARY_FILE):  # a generated page, not a published file; before the embeds
            glossary_shown = files.shown(GLOSSARY_FILE)
            text = decode(files.read(GLOSSARY_FILE), glossary_shown)
            files.remove(GLOSSARY_FILE)
            add(GLOSSARY_PAGE, self.use_glossary(text, glossary_shown))
        warnings, notes = translations.check(self, glossary_shown)
        check_conditions(self, files.exists)
        plan_embeds(self, [(src, *files.page(src)) for src in files.pages()], order, lambda src: files.page(src)[0], add)
        # Last: the generated assets/clinic.css is among our assets.
        extra_css = extra_css + ([STYLESHEET] if STYLESHEET not in extra_css else [])
        extra_javascript = extra_javascript + ([COPY_SCRIPT] if COPY_SCRIPT not in extra_javascript else [])
        ours = {path: files.read(path) for path in files.other_files() if is_own_asset(path)}  # read only these few
        self.assets = fingerprint(ours)
        for path, hashed in self.assets.items():
            files.add(hashed, ours[path])
        self.site_urls = files.addresses()
        self.pages.check_titles_with_generated()  # every page exists now: no editor's title may repeat a generated one's
        return Planned(warnings, notes, self.settings.clinic.logo or None, [self.asset(path) for path in extra_css],
                       [self.asset(path) for path in extra_javascript])

    def read_sources(self, pages: list[PageSource], order: Callable[[str], int]) -> None:
        """What every engine does first with the pages it read: the index, the site-wide checks, the term index and
        the checklist page(s), in menu `order`."""
        self.pages = PageIndex(pages)
        self.pages.check_site()
        self.crosslinks.index = TermIndex.build(self.pages.term_pages())
        self.checklists = checklist_pages(self.pages.symptom_lists(), self.settings.checklist, order, ChecklistSite(
            shown={page.src: page.shown for page in self.pages},
            docs_shown=self.paths.docs_shown,
            titles={page.src: page.shown_title for page in self.pages},
        ))
        self.symptom_lists = [symptoms for record in self.checklists for symptoms in record.lists]  # as the pages show them
        self.reviews = build_reviews(self)  # every page's words against its records: a stale record stops the build

    def use_glossary(self, text: str, shown: str) -> str:
        """The glossary file's entries become this build's marks; returns the glossary page's Markdown."""
        entries = load_glossary(text, shown)
        self.glossary.index = GlossaryIndex.build(entries)
        self.glossary_entries = entries
        return render_glossary_page(entries, words=self.settings.glossary)

    def related_pages(self, src: str, url_of: Callable[[str], str], title_of: Callable[[str], str | None]) -> str:
        """A page's "Related pages" aside ("" for the home page and generated pages): the pages its cross-links lead
        to, then those that link to it, then the checklist with its list. Known once every page has converted."""
        page = self.pages.get(src)
        if src == "index.md" or page is None or page.generated:
            return ""
        checklist = self.checklist_of.get(src, CHECKLIST_PAGE)  # the checklist page with this page's list
        related = [other for other in self.crosslinks.related(src) if other not in self.checklist_sources] + [checklist]
        links = [(relative_url(url_of(other), page.url), title_of(other) or other) for other in related]
        return related_html(links, self.settings.site_text.related_pages)

    def keep_content(self, src: str, dest: str, title: str | None, content: str) -> None:
        """A converted page's final content: scanned for inline code (CSP); an embeddable page's kept for its embed."""
        state = self.embeds
        state.content_scans[dest] = scan_page(content)
        if src not in state.embeddable:
            return
        page = self.pages.get(src)
        meta = page.source.meta
        state.copies.append(PageCopy(
            src_uri=src, url=page.url, title=title or state.embeddable[src].title,
            description=str(meta.get("description") or ""), content=content, reviewed=published_review_date(self, src),
        ))

    def asset(self, path: str) -> str:
        """The site path to link for one of our assets: its content-hashed copy when it has one."""
        return self.assets.get(path, path)

    @functools.cached_property
    def checklist_of(self) -> dict[str, str]:
        """Source page -> the generated checklist page that shows its list (asked by every page; read after on_files)."""
        return {symptoms.page: record.src for record in self.checklists for symptoms in record.lists}

    @functools.cached_property
    def checklist_sources(self) -> set[str]:
        """The generated checklist pages' source paths."""
        return {record.src for record in self.checklists}

    def about(self, src: str) -> list[tuple[str, list[str]]]:
        """(condition, its symptoms) for each `extra.conditions` entry that names the page."""
        return [(c.name, list(self._signs.get(c.symptoms_from, ()))) for c in self.settings.conditions if src in c.pages]

    @functools.cached_property
    def _signs(self) -> dict[str, tuple[str, ...]]:
        """Each page's symptoms as the checklist shows them; read once the checklist pages exist (every page asks)."""
        return {symptoms.page: symptoms.items for symptoms in self.symptom_lists}
