"""Static machine-readable copies of each embeddable page: an oEmbed response and a schema.org JSON.

oEmbed (https://oembed.com) lets a CMS turn our page address into the iframe snippet; the JSON at
`/api/<slug>.json` follows the shape of the NHS website content API (schema.org `MedicalWebPage` with the
main text as HTML and as plain text) so another system can reuse the words without scraping pages.
Symptom lists come from the same `extract_items` results the checklist is built from.
"""

from __future__ import annotations

import json
from html import escape

from patient_site.embeds.variants import PageCopy, absolute_links, article_text, embed_url, site_added_text, slug
from patient_site.patient.page_foot import DEFAULT_DISCLAIMER
from patient_site.urls import absolute

SCHEMA = "https://schema.org"


def api_path(url: str) -> str:
    return f"api/{slug(url)}.json"


def oembed_path(url: str) -> str:
    return f"oembed/{slug(url)}.json"


def iframe_html(page: PageCopy, site_url: str, site_name: str, width: int, height: int, title: str | None = None) -> str:
    """The plain, script-free iframe snippet for a page, with a fixed height; `title` is the frame's name."""
    src = absolute(site_url, embed_url(page.url))
    title = f"{page.title} (from {site_name})" if title is None else title
    return (
        f'<iframe src="{escape(src)}" title="{escape(title)}" '
        f'width="{width}" height="{height}" loading="lazy" referrerpolicy="no-referrer" '
        f'style="width:100%;max-width:{width}px;height:{height}px;border:0"></iframe>'
    )


def oembed(page: PageCopy, site_url: str, site_name: str, width: int, height: int, title: str | None = None) -> dict:
    """The oEmbed 1.0 `rich` response for a page; `title` names its frame (iframe_html)."""
    return {
        "version": "1.0",
        "type": "rich",
        "title": page.title,
        "provider_name": site_name,
        "provider_url": site_url,
        "html": iframe_html(page, site_url, site_name, width, height, title),
        "width": width,
        "height": height,
    }


def symptom_list(title: str, items: list[str] | tuple[str, ...]) -> dict:
    return {
        "@type": "ItemList",
        "name": title,
        "numberOfItems": len(items),
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": item} for position, item in enumerate(items, start=1)
        ],
    }


def page_json(page: PageCopy, site_url: str, site_name: str, language: str, lists: list[tuple[str, tuple[str, ...]]],
              publisher: dict, disclaimer: str = DEFAULT_DISCLAIMER, texts: tuple[str, list[str]] | None = None) -> dict:
    """A page as schema.org `MedicalWebPage` in `language`; `lists` are (title, items) of the symptom lists it shows.

    The clinic's words and the site's are kept apart: `text` is the page without the site's added blocks,
    `siteAddedText` holds those blocks (care cards, intros), `disclaimer` the site's disclaimer; in the HTML
    of `mainContentOfPage` the site's blocks keep their `site-added` class. `texts`: (`article_text`,
    `site_added_text`) of the page's content, when known already (embeds/shared_parts.py).
    """
    text, site_added = texts or (article_text(page.content), site_added_text(page.content))
    html = absolute_links(page.content, page.url, site_url)
    data = {
        "@context": SCHEMA,
        "@type": "MedicalWebPage",
        "@id": absolute(site_url, api_path(page.url)),
        "name": page.title,
        "description": page.description,
        "url": absolute(site_url, page.url),
        "inLanguage": language,
        "isPartOf": {"@type": "WebSite", "name": site_name, "url": site_url},
        "publisher": publisher,
        "mainContentOfPage": {"@type": "WebPageElement", "encodingFormat": "text/html", "text": html},
        "text": text,
        "siteAddedText": site_added,
        "disclaimer": disclaimer,
        "embedUrl": absolute(site_url, embed_url(page.url)),
    }
    if page.reviewed:
        data["lastReviewed"] = page.reviewed.isoformat()
    if lists:
        data["hasPart"] = [symptom_list(title, items) for title, items in lists]
    return data


def index_json(pages: list[PageCopy], site_url: str, site_name: str, name: str = "{site_name}: pages") -> dict:
    """`/api/index.json`: every page the API offers, in navigation order; `name` its name, with {site_name}."""
    elements = []
    for position, page in enumerate(pages, start=1):
        item = {
            "@type": "MedicalWebPage",
            "@id": absolute(site_url, api_path(page.url)),
            "name": page.title,
            "description": page.description,
            "url": absolute(site_url, page.url),
        }
        if page.reviewed:
            item["lastReviewed"] = page.reviewed.isoformat()
        elements.append({"@type": "ListItem", "position": position, "item": item})
    return {
        "@context": SCHEMA,
        "@type": "ItemList",
        "@id": absolute(site_url, "api/index.json"),
        "name": name.replace("{site_name}", site_name),
        "url": site_url,
        "numberOfItems": len(elements),
        "itemListElement": elements,
    }


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
