"""The one page conversion: what every engine does to a page just before and just after Markdown converts it.

Before: say which page converts (cross-links off on the for-clinics pages, glossary marks only on the editor's
pages, the editor checks only on theirs) and check the care-card markers. After: report the editor's first
mistake, put the care cards in, and add the translation notice and the other languages' snippets. The
MkDocs events (patient_site/mkdocs/build.py) and the Zensical extensions (patient_site/markdown/standalone.py)
both call `start` and `finish`; `extensions` are the Markdown extensions whose state it sets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.etree import ElementTree as etree

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from patient_site import translations
from patient_site.editor.checks import PageSafety
from patient_site.embeds.for_clinics import is_for_clinics
from patient_site.markdown.crosslinks import CrossLinkExtension, CrossLinkState
from patient_site.markdown.glossary import GlossaryExtension, GlossaryState
from patient_site.patient.care_cards import fill_cards, place_markers
from patient_site.review.notices import translation_notice_html

if TYPE_CHECKING:
    from patient_site.pages import PageSource
    from patient_site.site import SiteBuild


class PageConversion:
    """The per-page steps around one Markdown converter.

    `shared` (MkDocs, which converts pages one after another): the build's own cross-link state, so the links
    each page got are known for "Related pages". Otherwise (engines that may convert pages side by side) each
    conversion has its own states over the build's term and glossary indexes.
    """

    def __init__(self, site: SiteBuild, shared: bool = True):
        self.site = site
        self.safety = site.safety if shared else PageSafety()
        self.crosslinks = site.crosslinks if shared else CrossLinkState(index=site.crosslinks.index)
        self.glossary = site.glossary if shared else GlossaryState(index=site.glossary.index)
        self.page: PageSource | None = None

    @classmethod
    def for_page(cls, site: SiteBuild, src: str) -> PageConversion:
        """A conversion that knows its page without converting it: what `parts` says needs no Markdown."""
        conversion = cls(site)
        conversion.page = site.pages.get(src)
        return conversion

    def parts(self) -> list[str]:
        """What this page's conversion puts in from other files than its own: its notices and its closing part
        (the editor's preview converts a page again when these change: patient_site/preview.py)."""
        return [*self.notices(), self.closing()]

    def extensions(self) -> list:
        """Our Markdown extensions, in order: the editor checks read each tree before cross-links and marks go in."""
        return [self.safety.extension, CrossLinkExtension(self.crosslinks), GlossaryExtension(self.glossary),
                _SitePartsExtension(self)]

    def start(self, page: PageSource | None, markdown: str) -> str:
        """Before conversion; `markdown` is the text the engine converts (the body, or the whole file)."""
        self.page = page
        generated = page is None or page.generated
        self.safety.start(trusted=generated)  # our generated pages (the checklist's form) are not checked
        # The for-clinics pages are about embedding, not topics: their words link nowhere and make no "Related pages".
        self.crosslinks.page = None if page is None or is_for_clinics(page.src) else page.src
        self.glossary.active = not generated  # marks on the article's pages, not on the checklist or glossary
        self.glossary.page = page.src if page else ""
        if generated:
            return markdown
        return place_markers(markdown, self.site.settings.care_cards, page.shown, first_line(page, markdown))

    def finish(self, html: str) -> str:
        """After conversion: raises EditorError for the page's first mistake; puts the site's care cards in."""
        site, page = self.site, self.page
        if page is None:
            return html
        if not page.generated:
            self.safety.finish(page.shown, page.text, page.url, site.site_urls)
        settings = site.settings
        return fill_cards(html, settings.care_cards, settings.clinic, settings.site_text.levels)

    def notices(self) -> list[str]:
        """The notes that open the page, under its title: a translation not reviewed yet, or whose original changed."""
        if self.page is None:
            return []
        found = (translations.notice_html(self.site, self.page), translation_notice_html(self.site, self.page.src))
        return [html for html in found if html]

    def closing(self) -> str:
        """HTML that ends the page's content (the for-clinics page's links to the other languages' snippets)."""
        return translations.other_snippets(self.site, self.page) if self.page else ""


class _SiteParts(Treeprocessor):
    """Puts the page's notices under its title and its closing part at its end, as elements of the tree.

    In the tree, not around the HTML: Zensical 0.0.73 reads HTML around the converted text into heading ids."""

    def __init__(self, md, conversion: PageConversion):
        super().__init__(md)
        self.conversion = conversion

    def run(self, root):
        at = 1 if len(root) and root[0].tag == "h1" else 0
        for html in reversed(self.conversion.notices()):
            note = etree.fromstring(html)
            note.tail = "\n"
            root.insert(at, note)
        closing = self.conversion.closing()
        if closing:
            root.append(etree.fromstring(closing))


class _SitePartsExtension(Extension):
    def __init__(self, conversion: PageConversion, **kwargs):
        super().__init__(**kwargs)
        self.conversion = conversion

    def extendMarkdown(self, md):
        # Priority -1: after every other tree processor, MkDocs' link check ('relpath', 0) included: the parts' links
        # are addresses relative to the page, as the built site has them, which MkDocs would take for missing files.
        md.treeprocessors.register(_SiteParts(md, self.conversion), "patient-site-parts", -1)


def first_line(page: PageSource, text: str) -> int:
    """The line of the source file where `text` starts: engines hand over the body (MkDocs, without its leading
    blank lines) or the whole file."""
    given = text.lstrip("\n")
    skipped = len(text) - len(given)
    if page.text.lstrip("\n").startswith(given[:200]) and not page.source.body.lstrip("\n").startswith(given[:200]):
        return 1 + len(page.text) - len(page.text.lstrip("\n")) - skipped
    body = page.source.body
    return page.source.body_line + len(body) - len(body.lstrip("\n")) - skipped
