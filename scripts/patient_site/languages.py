"""The site's languages: where each one's pages live, the same page in the other languages, and the checks between them.

Each language is its own MkDocs build (LANGUAGES.md says why, not mkdocs-static-i18n): the first language of
`extra.languages` is published at the site's root from `docs/`, every other one under `/<lang>/` from
`languages/<lang>/docs/`, built by `languages/<lang>/mkdocs.yml` (which inherits mkdocs.yml). A page's
translation has the same file name, so `causes.md` in one language is `causes.md` in every other. One build
sees only its own pages: the other languages are only listed (which pages exist) and, for the checks, read.
Plain data in, plain data out: this module does not import MkDocs.
"""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from patient_site.errors import SiteError
from patient_site.patient.care_cards import LEVELS
from patient_site.patient.review import ReviewInfo, ReviewWords
from patient_site.sources import read_source
from patient_site.urls import relative_url

LANGUAGES_FOLDER = "languages"  # languages/<lang>/mkdocs.yml and languages/<lang>/docs/, beside mkdocs.yml


class LanguageError(SiteError):
    """A translation that cannot be published as it is, printed as `path:line: message`."""


@dataclass(frozen=True)
class Language:
    """One entry of `extra.languages`."""

    lang: str  # the language code readers' browsers and search engines know, e.g. "es"
    name: str  # the language's name in that language, as the selector shows it, e.g. "Español"


@dataclass(frozen=True)
class SiteText:
    """`extra.site_text`: the site's own short words on every page, in the build's language."""

    please_note: str = "Please note:"
    printed_from: str = "Printed from"
    related_pages: str = "Related pages"
    embed_from: str = "From"  # an embed's attribution: "From <site name>"
    open_full_page: str = "Open the full page"
    # The clinic's contact card; {clinic_name} is filled in.
    contact_details: str = "{clinic_name}: contact details"
    contact_details_print: str = "{clinic_name}: contact details for the print-out"
    phone: str = "Phone:"
    website: str = "Website:"
    book: str = "Book an appointment"
    address: str = "Address:"
    # Each care card's heading starts with its level in words, so a list of headings says how urgent it is
    # (the English words are declared with the levels, in patient/care_cards.py).
    non_urgent: str = LEVELS["non-urgent"]
    urgent: str = LEVELS["urgent"]
    emergency: str = LEVELS["emergency"]
    # Shown at the top of a translated page until its review fields (`reviewed`, `reviewed_by`) are filled in.
    # Empty in the first language, which is the clinic's own article.
    untranslated_notice: str = ""
    # On /for-clinics/: where the snippets for each other language's pages are ({language} is its own name).
    other_language_snippets: str = "Snippets for the pages in {language}"
    # A page's review details (its front matter's `reviewed`, `next_review`, `reviewed_by`, `sources`) and their dates
    # (the English words are declared with the review block, in patient/review.py).
    last_reviewed: str = ReviewWords.last_reviewed
    next_review: str = ReviewWords.next_review
    reviewed_by: str = ReviewWords.reviewed_by
    sources: str = ReviewWords.sources
    # When a page's words changed after its sign-off (patient_site/review): after the review date, at the page's foot.
    changed_since_review: str = "This page has changed since that review."
    # At the top of a translation whose original changed since the translation was recorded ({date}: that day).
    translation_stale: str = ("The original of this page has changed since this translation was recorded on {date}. "
                              "This translation may not include the change yet.")
    translation_unrecorded: str = ("No record says which version of the original this translation covers. "
                                   "It may not include all of it.")
    read_original: str = "Read the original page"
    date_format: str = ReviewWords.date_format
    months: tuple[str, ...] = ReviewWords.months
    embed_reviewed: str = "reviewed {date}"  # an embed's attribution after "From <site name> · "
    api_index_name: str = "{site_name}: pages"  # the name of /api/index.json, the list of pages
    not_found: str = "404 - Not found"  # the heading of the page for an address the site does not have
    # "Edit this page" (editor/edit_links.py), as a screen reader announces it; {path} is the file it opens.
    edit_source: str = "Edit this page's source, {path}"

    @property
    def review(self) -> ReviewWords:
        """The review block's words (patient.review)."""
        return ReviewWords(self.last_reviewed, self.next_review, self.reviewed_by, self.sources, self.date_format, self.months)

    @property
    def levels(self) -> dict[str, str]:
        """Care-card levels in words, by level."""
        return {level: getattr(self, level.replace("-", "_")) for level in LEVELS}

    def contact(self, clinic, print_out: bool = False):
        """The clinic's contact card in this language (`patient.clinic.Clinic.contact_html`)."""
        label = (self.contact_details_print if print_out else self.contact_details).replace("{clinic_name}", clinic.name)
        return clinic.contact_html(label=label, phone=self.phone, website=self.website, book=self.book, address=self.address)


@dataclass
class Languages:
    """The site's languages as one build sees them: which one it is, and where every language's pages are.

    Made afresh by each build (on_config), so the pages it lists once per language are never another build's.
    """

    all: tuple[Language, ...]
    current: str  # theme.language of this build
    project: str  # the folder of mkdocs.yml: docs/ and languages/ are in it
    _pages: dict[str, set[str]] = field(default_factory=dict, repr=False)
    _originals: dict[str, str | None] = field(default_factory=dict, repr=False)

    @classmethod
    def of_build(cls, languages: tuple[Language, ...], current: str, docs_dir: str) -> Languages:
        """The first language's docs_dir is `<project>/docs`; another's is `<project>/languages/<lang>/docs`."""
        docs = os.path.abspath(docs_dir)
        first = not languages or languages[0].lang == current
        project = os.path.dirname(docs) if first else os.path.dirname(os.path.dirname(os.path.dirname(docs)))
        return cls(languages, current, project)

    @property
    def active(self) -> bool:
        """More than one language, and this build is one of them."""
        return len(self.all) > 1 and any(language.lang == self.current for language in self.all)

    @property
    def is_first(self) -> bool:
        return not self.all or self.all[0].lang == self.current

    def prefix(self, lang: str) -> str:
        """Where a language is published, from the site's root: "" for the first, "es/" for Spanish."""
        return "" if self.all and self.all[0].lang == lang else f"{lang}/"

    def docs_dir(self, lang: str) -> Path:
        if self.all and self.all[0].lang == lang:
            return Path(self.project) / "docs"
        return Path(self.project) / LANGUAGES_FOLDER / lang / "docs"

    def others(self) -> list[Language]:
        return [language for language in self.all if language.lang != self.current]

    def pages_of(self, lang: str) -> set[str]:
        """The Markdown pages an editor wrote in one language (paths inside its docs folder), listed once per build."""
        if lang in self._pages:
            return self._pages[lang]
        root = os.path.normpath(self.docs_dir(lang))
        found = set()
        for folder, _, names in os.walk(root, followlinks=True):  # each folder is `root` joined with its path in it
            prefix = folder[len(root) + 1:].replace(os.sep, "/") + "/" if folder != root else ""
            found.update(prefix + name for name in names if name.endswith(".md"))
        self._pages[lang] = found
        return found

    def original(self, src: str, shown: str) -> str | None:
        """The first language's page `src` (its text as sources.py reads it; None when it has none), read once per
        build: a translation's checks and its review state both compare with it. `shown` names it in errors."""
        if src not in self._originals:
            path = self.docs_dir(self.all[0].lang) / src
            self._originals[src] = read_source(path, shown) if path.is_file() else None
        return self._originals[src]

    def alternates(self, site_url: str, url: str | None, has_page: dict[str, bool]) -> list[dict[str, str]]:
        """`extra.alternate` for one page: the same page in each language (its home page where it has none).

        `link` is the page's full address ("https://…/es/causes/"), for the head's `<link rel="alternate" hreflang>`:
        search engines take only full addresses there (Lighthouse's `hreflang` audit fails a path from the root).
        overrides/main.html writes them inside `<noscript>`, because Material's script fetches `sitemap.xml`
        beside every such link it finds, which from anywhere but the published host (a preview, a mirror) would be
        a request to that host. `href` is the same page relative to this one, for our selector
        (overrides/partials/alternate.html), so it works wherever the site is served. `url` None (the 404 page,
        served at any depth): no `href`.
        """
        here = self.prefix(self.current) + (url or "")
        links = []
        for language in self.all:
            target = url if url is not None and url != "./" and has_page.get(language.lang, False) else ""
            path = self.prefix(language.lang) + target
            entry = {"name": language.name, "lang": language.lang, "link": self.absolute(site_url, language.lang, target)}
            if url is not None:  # from the folder `here` (every page asks, for every language)
                entry["href"] = relative_url(path, here.rstrip("/") + "/" if here.rstrip("/") else "").rstrip("/") + "/"
            links.append(entry)
        return links

    def root_url(self, site_url: str) -> str:
        """The first language's address, from this build's `site_url` (which ends in its own prefix)."""
        own = self.prefix(self.current)
        return site_url[: len(site_url) - len(own)] if own and site_url.endswith(own) else site_url

    def absolute(self, site_url: str, lang: str, url: str) -> str:
        """A page's full address in a language; `site_url` is this build's (it ends in its own prefix)."""
        return f"{self.root_url(site_url)}{self.prefix(lang)}{'' if url == './' else url}"


def join_language(site_dir: Path, lang: str, snippet: Path, own_snippet: Path) -> None:
    """After a further language is built into `site_dir/<lang>/`: its `_headers` and nginx snippet join the root's.

    Hosts read only the root's `_headers`, and a server includes one snippet: each language's rules move under
    `/<lang>` into them, and the language's own files go. The same for every engine."""
    own = site_dir / lang / "_headers"
    root = site_dir / "_headers"
    if own.is_file() and root.is_file():
        root.write_text(merge_headers(root.read_text("utf-8"), own.read_text("utf-8"), lang), "utf-8")
        own.unlink()
    if snippet.is_file() and own_snippet.is_file() and own_snippet != snippet:
        snippet.write_text(merge_nginx(snippet.read_text("utf-8"), own_snippet.read_text("utf-8"), lang), "utf-8")
        own_snippet.unlink()


def merge_headers(root: str, language: str, lang: str) -> str:
    """The site's `_headers` with a language's own rules added under `/<lang>`: one file for the whole site.

    Each language's build writes `_headers` for its own pages (its CSP has its own pages' script hashes, its
    `/embed/*` its frame ancestors); the host reads only the one at the site's root. The language's `/*`
    (headers for every file) is the root's already, so it is not repeated.
    """
    from patient_site.hosting.headers import parse_headers_file, render_headers_file  # only the make commands need it

    rules = parse_headers_file(root)
    rules += [(f"/{lang}{pattern}", headers) for pattern, headers in parse_headers_file(language) if pattern != "/*"]
    return render_headers_file(rules)


def merge_nginx(root: str, language: str, lang: str) -> str:
    """The site's nginx snippet with a language's `location` blocks added under `/<lang>/`.

    The server-level lines (headers, gzip, the 404 page) are the root's; a language's snippet differs only in its
    locations (its embeds, feeds and content-hashed files), which move under its folder.
    A missing address under `/<lang>/` gets the language's own 404 page: its folder's location says so, and so does
    each of its locations that holds more than one file (nginx takes `error_page` from the matching location only).
    """
    lines = language.splitlines()
    first = next((n for n, line in enumerate(lines) if line.startswith("location ")), len(lines))
    not_found = f"    error_page 404 /{lang}/404.html;"
    moved = [f"location ^~ /{lang}/ {{", not_found, "}"]
    for line in lines[first:]:
        moved.append(re.sub(r"^location (=|\^~) /", rf"location \1 /{lang}/", line))
        if line.startswith("location ^~ ") and line.split("#")[0].rstrip().endswith("{"):
            moved.append(not_found)
    return root.rstrip("\n") + f"\n# The {lang} pages (languages/{lang}/): the same rules under /{lang}/.\n" + "\n".join(moved) + "\n"


def other_snippets_html(languages: Languages, words: SiteText, page_url: str) -> str:
    """The for-clinics index's links to the same page of every other language: each language's snippets."""
    here = languages.prefix(languages.current) + page_url
    items = []
    for language in languages.others():
        href = posixpath.relpath((languages.prefix(language.lang) + page_url).rstrip("/"), here.rstrip("/")) + "/"
        text = words.other_language_snippets.replace("{language}", language.name)
        items.append(f'<li><a href="{escape(href)}" hreflang="{escape(language.lang)}">{escape(text)}</a></li>')
    return '<ul class="for-clinics__languages site-added">\n' + "\n".join(items) + "\n</ul>\n" if items else ""


def needs_notice(review: ReviewInfo) -> bool:
    """A translated page says it is unreviewed until both `reviewed` and `reviewed_by` are filled in."""
    return not (review.reviewed and review.reviewed_by)


def missing_translations(languages: Languages, pages: dict[str, str], only: tuple[str, ...] | None = None) -> list[str]:
    """`path:1: message` for each editor's page (src -> shown) that has no file of the same name in another language.

    `only`: the languages to compare with (default: every other one).
    """
    problems = []
    for language in languages.others():
        if only is not None and language.lang not in only:
            continue
        theirs = languages.pages_of(language.lang)
        folder = os.path.relpath(languages.docs_dir(language.lang), languages.project)
        for src, shown in sorted(pages.items()):
            if src not in theirs:
                problems.append(f"{shown}:1: this page has no {language.name} version ({folder}/{src}); translate it, "
                                f"or the language selector on it leads to the {language.name} home page")
    return problems


def check_symptom_count(shown: str, line: int, count: int, original_shown: str, original_count: int) -> None:
    """A translated symptom list keeps the original's number of symptoms (the checklists must say the same)."""
    if count != original_count:
        raise LanguageError(f"{shown}:{line}: the marked symptom list has {count} symptom(s) but {original_shown} has "
                            f"{original_count}; a translation keeps every symptom, one line each, in the same order")
