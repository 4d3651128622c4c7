"""The order pages appear in the site's menu (`nav:` in mkdocs.yml), so lists built from pages follow it."""

from __future__ import annotations

from collections.abc import Callable


def nav_pages(nav: object) -> list[str]:
    """Every page path in a `nav:` setting, depth first, as written (e.g. "symptoms.md")."""
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, dict):
        return [page for value in nav.values() for page in nav_pages(value)]
    if isinstance(nav, list):
        return [page for item in nav for page in nav_pages(item)]
    return []


def nav_position(nav: object) -> Callable[[str], int]:
    """A sort key for page paths: menu order first, then pages the menu does not list (in their given order)."""
    order: dict[str, int] = {}
    for number, page in enumerate(nav_pages(nav)):
        order.setdefault(page, number)  # a page listed twice sorts where it is first listed
    return lambda page: order.get(page, len(order))


def nav_titles(nav) -> dict[str, str]:
    """Pages the menu names itself ("Home: index.md"): MkDocs takes their title from the menu."""
    titles = {}
    for item in nav or []:
        if isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str):
                    titles.setdefault(value, title)
                else:
                    titles.update({k: v for k, v in nav_titles(value).items() if k not in titles})
    return titles
