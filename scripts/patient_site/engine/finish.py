"""The post-build step over a site another engine built: related pages, embed variants, feeds and headers.

MkDocs hands the glue each page's content (`on_page_context`, `on_post_page`); an engine without hooks hands
nothing, so this reads every built page with an HTML parser instead: the content of its `<article>` (Material's
and Zensical's templates both put `page.content` there), its cross-links (for "Related pages", known only once
every page is converted) and its front matter from the prepared page index. Then `embeds.output.write_outputs`
writes the same files the MkDocs build writes.
"""

from __future__ import annotations

import html.parser
import os
from pathlib import Path

import jinja2
import lxml.html

from patient_site.checklist.pages import INDEX_PAGE as CHECKLIST_PAGE
from patient_site.embeds.output import write_outputs
from patient_site.embeds.variants import PageCopy
from patient_site.engine.prepare import Prepared, dest_uri, page_url
from patient_site.frontmatter.schema import as_date
from patient_site.hosting.headers import scan_page
from patient_site.markdown.crosslinks import LINK_CLASS, related_html
from patient_site.theme.nav_order import nav_pages
from patient_site.urls import relative_url, site_path

# What the template puts in the article besides the page's content: the skip target, edit buttons, file dates.
THEME_PARTS = (".//a[@id='__skip']", ".//*[contains(concat(' ', @class, ' '), ' md-content__button ')]",
               ".//*[contains(concat(' ', @class, ' '), ' md-source-file ')]")
TOOLTIPS = ".//span[@role='tooltip'][contains(concat(' ', @class, ' '), ' glossary-term__tip ')]"


def finish(prepared: Prepared, built: Path) -> None:
    """Add "Related pages" to the built pages, then write embed variants, API/oEmbed JSON and the headers."""
    site = prepared.site
    pages = [page for page in site.pages]  # in MkDocs' order: the editor's files, then the generated pages
    by_url = {page.url: page.src for page in pages}
    contents, titles = {}, {}
    for page in pages:
        contents[page.src], titles[page.src] = _read_built(built / dest_uri(page.src))
    for page in pages:  # the links each page got, in reading order, as the cross-linker records them
        site.crosslinks.record(page.src, [_Target(src) for src in _crosslinked(contents[page.src], page.url, by_url)])
    explicit = _nav_titles(prepared.config.data.get("nav"))
    for page in pages:
        if page.src == "index.md" or page.generated:
            continue
        checklist = site.checklist_of.get(page.src, CHECKLIST_PAGE)
        related = [src for src in site.crosslinks.related(page.src) if src not in site.checklist_pages] + [checklist]
        links = [(relative_url(page_url(src), page.url), explicit.get(src) or site.pages.get(src).title or titles[src] or src)
                 for src in related]
        aside = related_html(links)
        contents[page.src] += aside
        _insert_before_article_end(built / dest_uri(page.src), aside)
    for page in pages:
        content = contents[page.src]
        site.embeds.content_scans[dest_uri(page.src)] = scan_page(content)
        if page.src in site.embeds.embeddable:
            meta = page.source.meta
            site.embeds.copies.append(PageCopy(
                src_uri=page.src, url=page.url,
                title=explicit.get(page.src) or page.title or titles[page.src] or site.embeds.embeddable[page.src].title,
                description=str(meta.get("description") or ""), content=content, reviewed=as_date(meta.get("reviewed")),
            ))
    custom_dir = prepared.config.custom_dir
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader([custom_dir] if custom_dir else []))
    write_outputs(built, site, environment.get_template("embed.html").render, prepared.extra_css, prepared.extra_javascript)


class _Target:
    def __init__(self, page: str):
        self.page = page


def _read_built(path: Path) -> tuple[str, str]:
    """The page's content (its `<article>` without the template's own parts) and its first heading's text."""
    root = lxml.html.fromstring(path.read_bytes())
    articles = root.xpath("//article[contains(concat(' ', normalize-space(@class), ' '), ' md-content__inner ')]")
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


class _ArticleEnd(html.parser.HTMLParser):
    """Finds where the first `<article>` closes, so the aside goes in without rewriting the rest of the page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth, self.end = 0, None

    def handle_starttag(self, tag, attrs):
        if tag == "article" and self.end is None:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag == "article" and self.depth and self.end is None:
            self.depth -= 1
            if not self.depth:
                self.end = self.getpos()


def _insert_before_article_end(path: Path, aside: str) -> None:
    text = path.read_text("utf-8")
    finder = _ArticleEnd()
    finder.feed(text)
    if finder.end is None:
        return
    line, column = finder.end
    offset = sum(len(row) for row in text.splitlines(keepends=True)[: line - 1]) + column
    path.write_text(text[:offset] + aside + "\n" + text[offset:], "utf-8")
