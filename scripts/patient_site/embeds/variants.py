"""Embed variants: a page's rendered content, re-linked to live inside another site's frame.

A page's HTML is parsed with lxml (never matched with regular expressions) and its links are rewritten for
`/embed/<slug>/`: links to pages that have an embed stay inside the embeds, links to other pages of the
site open in the top window, links to other sites open in a new tab, and images keep working from the
deeper folder. The page around the content comes from the theme template `embed.html`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from html import escape
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html

from patient_site.languages import SiteText
from patient_site.patient.page_foot import DEFAULT_DISCLAIMER
from patient_site.slugs import path_name
from patient_site.urls import relative_url, site_path

EMBED_ROOT = "embed/"
# Elements whose text becomes one paragraph of a page's plain text.
TEXT_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd", "legend", "label", "td", "th", "figcaption", "blockquote")
URL_ATTRIBUTES = {"img": "src", "source": "src", "video": "src", "audio": "src", "track": "src"}


@dataclass(frozen=True)
class PageCopy:
    """One built page as the embeds and feeds need it."""

    src_uri: str  # e.g. "symptoms.md"
    url: str  # the page's folder in the site, e.g. "symptoms/"
    title: str
    description: str
    content: str  # the page body as rendered HTML
    reviewed: datetime.date | None = None


def slug(url: str) -> str:
    """The name of a page in `/embed/<slug>/` and `/api/<slug>.json`: its folder, e.g. "symptoms"."""
    return path_name(url, "index")


def embed_url(url: str) -> str:
    return f"{EMBED_ROOT}{slug(url)}/"


def attribution(site_name: str, reviewed: datetime.date | None, words: SiteText = SiteText()) -> str:
    """The one line every embed carries: where it comes from and, when known, when it was reviewed."""
    text = f"{words.embed_from} {site_name}"
    return text + (" · " + words.embed_reviewed.replace("{date}", words.review.long_date(reviewed)) if reviewed else "")


def _add_rel(tag, *values: str) -> None:
    rel = (tag.get("rel") or "").split()
    tag.set("rel", " ".join(rel + [value for value in values if value not in rel]))


def _fragment(content: str):
    """Rendered page content as one tree under a wrapper `<div>` (lxml's libxml2 parser: a C parse per page).

    The brackets around a glossary definition are marked `data-search-exclude` again: Zensical drops the
    attribute from the pages it writes, and the copies for other sites are the same whichever engine built them.
    """
    root = lxml.html.fragment_fromstring(content, create_parent="div")
    for bracket in root.iterfind(".//span[@class='glossary-term__bracket site-added']"):
        bracket.set("data-search-exclude", "")
    return root


def _html(wrapper) -> str:
    """The wrapper's content back as HTML, without the wrapper."""
    return escape(wrapper.text or "", quote=False) + "".join(lxml.html.tostring(child, encoding="unicode") for child in wrapper)


def _addressed(root):
    """(element, attribute) of every link and image-like address in the tree."""
    for tag in root.iter("a", *URL_ATTRIBUTES):
        attribute = "href" if tag.tag == "a" else URL_ATTRIBUTES[tag.tag]
        if tag.get(attribute) is not None:
            yield tag, attribute


def rewrite_for_embed(content: str, page_url: str, embeds: dict[str, str]) -> str:
    """`content` of the page at `page_url` as it must read at `embed_url(page_url)`.

    `embeds` maps a page's site path ("symptoms/") to its embed path ("embed/symptoms/").
    """
    here = embed_url(page_url)
    root = _fragment(content)
    for tag, attribute in list(_addressed(root)):
        href = tag.get(attribute)
        if tag.tag == "a" and href.startswith("#"):
            continue
        target = site_path(page_url, href)
        if target is None:
            if tag.tag == "a" and urlsplit(href).scheme in ("http", "https"):
                tag.set("target", "_blank")
                _add_rel(tag, "noopener", "noreferrer")
            continue
        path, fragment = target
        suffix = f"#{fragment}" if fragment else ""
        if tag.tag != "a":
            tag.set(attribute, relative_url(path, here) + suffix)
        elif path in embeds:
            tag.set("href", relative_url(embeds[path], here) + suffix)
            if tag.get("target") == "_top":
                del tag.attrib["target"]
        else:
            tag.set("href", relative_url(path, here) + suffix)
            tag.set("target", "_top")
    return _html(root)


def absolute_links(content: str, page_url: str, site_url: str) -> str:
    """`content` with every link and image address made absolute, for use outside the site."""
    base = urljoin(site_url, page_url)
    root = _fragment(content)
    for tag, attribute in list(_addressed(root)):
        tag.set(attribute, urljoin(base, tag.get(attribute)))
    return _html(root)


SITE_ADDED = "site-added"  # the class of every block of text the site adds around the clinic's article


def _classes(tag) -> set[str]:
    return set((tag.get("class") or "").split())


def _drop(tags) -> None:
    for tag in list(tags):
        if tag.getparent() is not None:
            tag.drop_tree()  # its tail text stays


def _paragraphs(root) -> list[str]:
    for line_break in root.iter("br"):
        line_break.tail = " " + (line_break.tail or "")
    paragraphs = []
    for block in root.iter(*TEXT_BLOCKS):
        if any(True for _ in block.iterdescendants(*TEXT_BLOCKS)):
            continue  # its inner blocks give the text
        text = " ".join("".join(block.itertext()).split())
        if text:
            paragraphs.append(text)
    return paragraphs


# Print-only parts, and the brackets around a glossary definition (for readers without CSS; the tooltip they
# surround is left out by its data-search-exclude, which one engine's output loses on the brackets).
UNREAD_CLASSES = frozenset({"print-only", "glossary-term__bracket"})


def _readable(content: str):
    """The content's tree without what no reader sees as text (scripts, hidden and print-only parts, tooltips)."""
    root = _fragment(content)
    _drop(tag for tag in root.iter(lxml.etree.Element) if tag.tag in ("script", "style", "template", "button")
          or "hidden" in tag.attrib or "data-search-exclude" in tag.attrib or _classes(tag) & UNREAD_CLASSES)
    return root


def plain_text(content: str) -> str:
    """The words of rendered HTML, one paragraph per text block, whitespace normalised.

    What the site's search leaves out (`data-search-exclude`: glossary tooltips mid-sentence) is left out too.
    """
    return "\n\n".join(_paragraphs(_readable(content)))


def article_text(content: str) -> str:
    """`plain_text` without the blocks the site adds (care cards, intros): the API keeps them apart."""
    root = _readable(content)
    _drop(tag for tag in root.iter(lxml.etree.Element) if SITE_ADDED in _classes(tag))
    return "\n\n".join(_paragraphs(root))


def site_added_text(content: str) -> list[str]:
    """The paragraphs of the blocks the site adds, in page order (what `article_text` leaves out)."""
    root = _readable(content)
    outermost = [tag for tag in root.iter(lxml.etree.Element) if SITE_ADDED in _classes(tag)
                 and not any(SITE_ADDED in _classes(up) for up in tag.iterancestors())]
    found = []
    for tag in outermost:
        holder = _fragment("")
        holder.append(tag)
        found += _paragraphs(holder) or [" ".join("".join(tag.itertext()).split())]
    return [text for text in found if text]


def embed_context(
    page: PageCopy, embeds: dict[str, str], site_name: str, lang: str, styles: list[str], scripts: list[str],
    disclaimer: str = DEFAULT_DISCLAIMER, words: SiteText = SiteText(), content: str | None = None,
) -> dict:
    """Everything `overrides/embed.html` shows for one page; asset paths (site paths) become relative.

    `content`: the page's content re-linked for its embed already (`rewrite_for_embed`; embeds/shared_parts.py)."""
    here = embed_url(page.url)

    def asset(path: str) -> str:
        return relative_url(path, here)

    return {
        "lang": lang,
        "title": page.title,
        "description": page.description,
        "site_name": site_name,
        "attribution": attribution(site_name, page.reviewed, words),
        "disclaimer": disclaimer,  # other clinics show this copy to their patients: it carries the disclaimer too
        "full_page": relative_url(page.url, here),
        "content": rewrite_for_embed(page.content, page.url, embeds) if content is None else content,
        "styles": [asset(path) for path in styles],
        "scripts": [asset(path) for path in scripts],
    }
