"""The site menu's HTML, written by a loop in Python instead of Material's recursive Jinja macros.

Why: at 2,000 pages Material's `partials/nav-item.html` was the largest single cost of a build, about a third
of plain Material's build time, although each page shows only a few dozen links with `navigation.prune`.
This writes the markup that macro writes (Material's classes, ids and ARIA attributes, so its stylesheet and
JavaScript work unchanged) for the layout features this site supports: `navigation.indexes` and
`navigation.prune`. Features that change the menu's shape (tabs, sections, expand) are refused by
`unsupported_features`, so the menu is never silently different from what its settings say. Page icons,
subtitles and statuses are not written: the front-matter schema refuses those keys.

Takes MkDocs' navigation objects as they are (anything with `title`, `url`, `children`, `active`,
`is_index`) and a function that makes an address relative to the page, and returns text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

SUPPORTED = ("navigation.indexes", "navigation.prune")
# Material features that change the menu's markup; this module writes none of them.
MENU_SHAPES = ("navigation.tabs", "navigation.sections", "navigation.expand")
ICON = '<span class="md-nav__icon md-icon"></span>'


def unsupported_features(features) -> list[str]:
    return [feature for feature in features or () if feature in MENU_SHAPES]


@dataclass(frozen=True)
class MenuParts:
    """The menu's list items; the page's table of contents goes between `before` and `after` when `has_toc`."""

    before: str
    after: str
    has_toc: bool


def menu_parts(items, page, url: Callable[[str], str], features) -> MenuParts:
    writer = _Writer(page, url, "navigation.indexes" in features, "navigation.prune" in features)
    for number, item in enumerate(items, 1):
        writer.item(item, f"__nav_{number}", 1)
    return writer.parts()


def _label(title) -> str:
    return f'<span class="md-ellipsis">{title}</span>'  # unescaped, as Material writes it: titles hold no HTML


class _Writer:
    def __init__(self, page, url, indexes: bool, prune: bool):
        self.page, self.url, self.indexes, self.prune = page, url, indexes, prune
        self.out: list[str] = []
        self.split: int | None = None  # where the table of contents goes, as an index into self.out

    def parts(self) -> MenuParts:
        if self.split is None:
            return MenuParts("".join(self.out), "", False)
        return MenuParts("".join(self.out[:self.split]), "".join(self.out[self.split:]), True)

    def item(self, item, path: str, level: int) -> None:
        css = "md-nav__item md-nav__item--active" if item.active else "md-nav__item"
        if item.children:
            self.section(item, css, path, level)
        elif item is self.page:  # MkDocs makes one Page per file, so identity is Material's `==`
            self.current(item, css)
        else:
            self.out.append(f'<li class="{css}"><a href="{self.url(item.url)}" class="md-nav__link">{_label(item.title)}</a></li>')

    def section(self, item, css: str, path: str, level: int) -> None:
        children = item.children
        index = next((child for child in children if getattr(child, "is_index", False)), None) if self.indexes else None
        if self.prune and not item.active:
            self.out.append(f'<li class="{css} md-nav__item--pruned md-nav__item--nested">{self.pruned(item, item)}</li>')
            return
        checked = " checked" if item.active else ""
        out = self.out
        out.append(f'<li class="{css} md-nav__item--nested">'
                   f'<input class="md-nav__toggle md-toggle" type="checkbox" id="{path}"{checked}>')
        if index is None:
            out.append(f'<label class="md-nav__link" for="{path}" id="{path}_label" tabindex="0">{_label(item.title)}{ICON}</label>')
        else:
            active = " md-nav__link--active" if index is self.page else ""
            out.append(f'<div class="md-nav__link md-nav__container">'
                       f'<a href="{self.url(index.url)}" class="md-nav__link{active}">{_label(item.title)}</a>')
            if len(children) > 1:
                out.append(f'<label class="md-nav__link{active}" for="{path}" id="{path}_label" tabindex="0">{ICON}</label>')
            out.append("</div>")
        expanded = "true" if item.active else "false"
        out.append(f'<nav class="md-nav" data-md-level="{level}" aria-labelledby="{path}_label" aria-expanded="{expanded}">'
                   f'<label class="md-nav__title" for="{path}">{ICON}{item.title}</label>'
                   '<ul class="md-nav__list" data-md-scrollfix>')
        for number, child in enumerate(children, 1):
            if child is not index:
                self.item(child, f"{path}_{number}", level + 1)
        out.append("</ul></nav></li>")

    def pruned(self, item, shown) -> str:
        """A closed section is one link, to its first page (Material's `render_pruned`)."""
        first = item.children[0]
        if first.children:
            return self.pruned(first, shown)
        return f'<a href="{self.url(first.url)}" class="md-nav__link">{_label(shown.title)}{ICON}</a>'

    def current(self, item, css: str) -> None:
        toc = list(self.page.toc or ())
        if toc and toc[0].level == 1:
            toc = list(toc[0].children)
        self.out.append(f'<li class="{css}"><input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">')
        if toc:
            self.out.append(f'<label class="md-nav__link md-nav__link--active" for="__toc">{_label(item.title)}{ICON}</label>')
        self.out.append(f'<a href="{self.url(item.url)}" class="md-nav__link md-nav__link--active">{_label(item.title)}</a>')
        if toc:
            self.split = len(self.out)
        self.out.append("</li>")
