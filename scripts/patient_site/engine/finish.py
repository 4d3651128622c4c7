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

from html import escape
from pathlib import Path

import jinja2
import lxml.html

from patient_site.checklist.pages import INDEX_PAGE as CHECKLIST_PAGE
from patient_site.embeds.output import write_outputs
from patient_site.embeds.variants import PageCopy
from patient_site.engine.prepare import Prepared, dest_uri, page_url
from patient_site.review.state import published_review_date
from patient_site.hosting.headers import scan_page
from patient_site.markdown.crosslinks import LINK_CLASS, Target, related_html
from patient_site.patient.page_parts import foot_parts, footer_card, head_parts
from patient_site.urls import absolute, relative_url, site_path

# What the template puts in the article besides the page's content: the skip target, edit buttons, file dates.
THEME_PARTS = (".//a[@id='__skip']", ".//*[contains(concat(' ', @class, ' '), ' md-content__button ')]",
               ".//*[contains(concat(' ', @class, ' '), ' md-source-file ')]")
ARTICLE = "//article[contains(concat(' ', normalize-space(@class), ' '), ' md-content__inner ')]"
TOOLTIPS = ".//span[@role='tooltip'][contains(concat(' ', @class, ' '), ' glossary-term__tip ')]"


def finish(prepared: Prepared, built: Path, nginx_suffix: str = "-zensical") -> None:
    """Add what the hook adds to the built pages, then write embed variants, API/oEmbed JSON and the headers."""
    site = prepared.site
    pages = [page for page in site.pages]  # in MkDocs' order: the editor's files, then the generated pages
    by_url = {page.url: page.src for page in pages}
    contents, titles = {}, {}
    for page in pages:
        contents[page.src], titles[page.src] = _read_built(built / dest_uri(page.src))
    for page in pages:  # the links each page got, in reading order, as the cross-linker records them
        site.crosslinks.record(page.src, [Target(src, "") for src in _crosslinked(contents[page.src], page.url, by_url)])
    explicit = _nav_titles(prepared.config.data.get("nav"))

    def title_of(src: str) -> str | None:
        """MkDocs' page.title: the menu's, else the front matter's, else the first heading's."""
        return explicit.get(src) or site.pages.get(src).title or titles[src] or None

    for page in pages:
        if page.src != "index.md" and not page.generated:
            checklist = site.checklist_of.get(page.src, CHECKLIST_PAGE)
            related = [src for src in site.crosslinks.related(page.src) if src not in site.checklist_sources] + [checklist]
            contents[page.src] += related_html([(relative_url(page_url(src), page.url), title_of(src) or src) for src in related])
        _add_theme_parts(prepared, page, built / dest_uri(page.src), contents[page.src], title_of(page.src))
    for page in pages:
        content = contents[page.src]
        site.embeds.content_scans[dest_uri(page.src)] = scan_page(content)
        if page.src in site.embeds.embeddable:
            meta = page.source.meta
            site.embeds.copies.append(PageCopy(
                src_uri=page.src, url=page.url,
                title=title_of(page.src) or site.embeds.embeddable[page.src].title,
                description=str(meta.get("description") or ""), content=content, reviewed=published_review_date(site, page.src),
            ))
    custom_dir = prepared.config.custom_dir
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader([custom_dir] if custom_dir else []))
    write_outputs(built, site, environment.get_template("embed.html").render, prepared.extra_css, prepared.extra_javascript,
                  nginx_suffix)


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


def _nav_titles(nav) -> dict[str, str]:
    """Pages the menu names itself ("Home: index.md"), whose title MkDocs takes from the menu."""
    titles = {}
    for item in nav or []:
        if isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str):
                    titles.setdefault(value, title)
                else:
                    titles.update({k: v for k, v in _nav_titles(value).items() if k not in titles})
    return titles


def _add_theme_parts(prepared: Prepared, page, path: Path, content: str, title: str | None) -> None:
    """What overrides/main.html shows from our globals, as the MkDocs build shows it, put into one built page."""
    site, data = prepared.site, prepared.config.data
    url = absolute(site.site_url, "" if page.url == "./" else page.url)  # MkDocs' page.canonical_url
    description = str(page.source.meta.get("description") or data.get("site_description") or "")
    head = head_parts(site, page.src, str(page.source.meta.get("title") or title or site.site_name), description, url)
    if page.url in site.embeds.oembed_links:
        head = (f'<noscript><link rel="alternate" type="application/json+oembed" href="{escape(site.embeds.oembed_links[page.url])}" '
                f'title="{escape(title or "")}"></noscript>\n{head}')
    card = (f'<div class="clinic-footer site-added">\n<div class="md-grid md-typeset clinic-footer__inner">\n'
            f"{footer_card(site)}\n</div>\n</div>")
    document = lxml.html.fromstring(path.read_bytes())
    heads = document.xpath("/html/head")
    articles = document.xpath(ARTICLE)
    footers = document.xpath("//footer[contains(concat(' ', normalize-space(@class), ' '), ' md-footer ')]")
    if heads:
        heads[0].extend(_elements(head))
    if articles:
        articles[0].extend(_elements(_aside_of(content) + foot_parts(site, page.src, url)))
    if footers:
        for element in _elements(card):
            footers[0].addprevious(element)
    path.write_bytes(lxml.html.tostring(document.getroottree(), encoding="utf-8"))


def _elements(html: str) -> list:
    """Our HTML as elements to put into a parsed page (the whitespace between them is kept as their tails)."""
    return [item for item in lxml.html.fragments_fromstring(html) if not isinstance(item, str)]


def _aside_of(content: str) -> str:
    """The "Related pages" aside this step appended to the content (the built page does not have it yet)."""
    at = content.rfind('<aside class="related-pages')
    return content[at:] + "\n" if at >= 0 else ""
