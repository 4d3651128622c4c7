"""The post-build step over a site another engine built: what our hook adds to pages, then embeds, feeds, headers.

MkDocs hands the glue each page's content (`on_page_context`, `on_post_page`); an engine without hooks hands
nothing, so this reads every built page with an HTML parser instead: the content of its `<article>` (Material's
and Zensical's templates both put `page.content` there), its cross-links (for "Related pages", known only once
every page is converted) and its front matter from the prepared page index. What our templates take from
the hook's globals (patient_site/mkdocs/theme.py) goes into each built page from the same functions: JSON-LD,
Open Graph and the oEmbed link in the head, "Related pages" and the page foot after the content, the clinic's
card atop the footer. Then `embeds.output.write_outputs` writes the same files the MkDocs build writes.
"""

from __future__ import annotations

import copy
from html import escape
from pathlib import Path

import jinja2
import lxml.html

from patient_site import translations
from patient_site.docs_folder import dest_uri, page_url
from patient_site.editor.edit_links import edit_links
from patient_site.embeds.output import write_outputs
from patient_site.engine.prepare import Prepared
from patient_site.markdown.crosslinks import LINK_CLASS, Target
from patient_site.patient.page_parts import foot_parts, footer_html, head_parts
from patient_site.theme.nav_order import nav_titles
from patient_site.urls import absolute, site_path

# What the template puts in the article besides the page's content: the skip target, edit buttons, file dates.
THEME_PARTS = (".//a[@id='__skip']", ".//*[contains(concat(' ', @class, ' '), ' md-content__button ')]",
               ".//*[contains(concat(' ', @class, ' '), ' md-source-file ')]")
ARTICLE = "//article[contains(concat(' ', normalize-space(@class), ' '), ' md-content__inner ')]"
TOOLTIPS = ".//span[@role='tooltip'][contains(concat(' ', @class, ' '), ' glossary-term__tip ')]"


def finish(prepared: Prepared, built: Path, nginx_suffix: str) -> None:
    """Add what the hook adds to the built pages, then write embed variants, API/oEmbed JSON and the headers."""
    site = prepared.site
    pages = list(site.pages)  # in MkDocs' order: the editor's files, then the generated pages
    by_url = {page.url: page.src for page in pages}
    contents, titles = {}, {}
    for page in pages:
        contents[page.src], titles[page.src] = _read_built(built / dest_uri(page.src))
    for page in pages:  # the links each page got, in reading order, as the cross-linker records them
        site.crosslinks.record(page.src, [Target(src, "") for src in _crosslinked(contents[page.src], page.url, by_url)])
    explicit = nav_titles(prepared.config.data.get("nav"))

    def title_of(src: str) -> str | None:
        """MkDocs' page.title: the menu's, else the front matter's, else the first heading's."""
        return explicit.get(src) or site.pages.get(src).title or titles[src] or None

    for page in pages:
        related = site.related_pages(page.src, page_url, title_of)
        contents[page.src] += related
        _add_theme_parts(prepared, page, built / dest_uri(page.src), related, title_of(page.src))
    for page in pages:
        site.keep_content(page.src, dest_uri(page.src), title_of(page.src), contents[page.src])
    custom_dir = prepared.config.custom_dir
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader([custom_dir] if custom_dir else []))
    write_outputs(built, site, environment.get_template("embed.html").render, prepared.planned.extra_css,
                  prepared.planned.extra_javascript, nginx_suffix)


def _read_built(path: Path) -> tuple[str, str]:
    """The page's content (its `<article>` without the template's own parts) and its first heading's text."""
    root = lxml.html.fromstring(path.read_bytes())
    articles = root.xpath(ARTICLE)
    if not articles:
        return "", ""
    article = articles[0]
    for selector in THEME_PARTS:
        for element in article.xpath(selector):
            element.drop_tree()
    # Hack: Zensical 0.0.73 honours `data-search-exclude` in its search index, then deletes the attribute from the
    # page; the glossary writes it on every tooltip (glossary.term_element), and the API's plain text reads it.
    for tip in article.xpath(TOOLTIPS):
        tip.set("data-search-exclude", "")
    content = (article.text or "").strip() + "".join(lxml.html.tostring(child, encoding="unicode") for child in article)
    heading = article.xpath(".//h1")
    return content.strip(), heading[0].text_content().strip() if heading else ""


def _crosslinked(content: str, url: str, by_url: dict[str, str]) -> list[str]:
    """Source paths of the pages a page's cross-links lead to, in reading order, each once."""
    if not content:
        return []
    found = []
    for link in lxml.html.fragment_fromstring(content, create_parent="div").iter("a"):
        if LINK_CLASS in (link.get("class") or "").split():
            where = site_path(url, link.get("href") or "")
            src = by_url.get(where[0] if where and where[0] else "./") if where else None
            if src and src not in found:
                found.append(src)
    return found


def _add_theme_parts(prepared: Prepared, page, path: Path, related: str, title: str | None) -> None:
    """What overrides/main.html shows from our globals, as the MkDocs build shows it, put into one built page."""
    site, data = prepared.site, prepared.config.data
    url = absolute(site.site_url, "" if page.url == "./" else page.url)  # MkDocs' page.canonical_url
    description = str(page.source.meta.get("description") or data.get("site_description") or "")
    head = head_parts(site, page.src, str(page.source.meta.get("title") or title or site.site_name), description, url)
    if page.url in site.embeds.oembed_links:
        head = (f'<noscript><link rel="alternate" type="application/json+oembed" href="{escape(site.embeds.oembed_links[page.url])}" '
                f'title="{escape(title or "")}"></noscript>\n{head}')
    alternates = translations.alternates(site, page)
    document = lxml.html.fromstring(path.read_bytes())
    heads = document.xpath("/html/head")
    articles = document.xpath(ARTICLE)
    footers = document.xpath("//footer[contains(concat(' ', normalize-space(@class), ' '), ' md-footer ')]")
    if heads:
        heads[0].extend(_elements(head))
    if articles:
        articles[0].extend(_elements(f"{related}\n{foot_parts(site, page.src, url)}"))
    if footers:
        for element in _elements(footer_html(site)):
            footers[0].addprevious(element)
    if articles:
        _set_edit_links(articles[0], edit_links(site, page.src))
    if alternates:  # the selector and hreflang lead to this page's translations (the config names home pages)
        for link, alternate in zip(document.xpath("//a[contains(concat(' ', @class, ' '), ' md-select__link ')]"), alternates):
            link.set("href", alternate["href"])
        for link, alternate in zip(document.xpath("/html/head/noscript/link[@rel='alternate'][@hreflang]"), alternates):
            link.set("href", alternate["link"])
    path.write_bytes(lxml.html.tostring(document.getroottree(), encoding="utf-8"))


def _set_edit_links(article, links) -> None:
    """The theme's "Edit this page" (from Zensical's own edit_url, a path in the work folder) made ours: one link per
    file the page is made from, named as overrides/partials/actions.html names them for the MkDocs build."""
    theirs = article.xpath("./a[@rel='edit']")
    if not theirs:  # content.action.edit is off
        return
    for link in links:
        ours = copy.deepcopy(theirs[0])
        ours.set("href", link.href)
        ours.set("title", link.label)
        ours.set("aria-label", link.label)
        theirs[0].addprevious(ours)
    for element in theirs:
        element.drop_tree()


def _elements(html: str) -> list:
    """Our HTML as elements to put into a parsed page (the whitespace between them is kept as their tails)."""
    return [item for item in lxml.html.fragments_fromstring(html) if not isinstance(item, str)]
