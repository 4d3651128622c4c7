"""The `/for-clinics/` pages: how to embed, the facts, and one page of snippets for each embeddable page.

A clinic's web person should need nothing else: the snippets are complete (absolute addresses from
`site_url`), the copy buttons are real buttons, and the framing and storage facts are in plain words.
`/for-clinics/` lists the pages and says how; each page's two snippets and live preview are on its own
`/for-clinics/<name>/` page, so every page stays as small as any other. A large library lists the first
`SHOWN` pages and says how to embed the others (oEmbed, the list in `api/index.json`).
Every word on them is the site's (for a clinic's web staff, no medical text), marked `site-added` or `site-text`,
and comes from `extra.for_clinics` (ForClinicsWords), so each language's build says it in its own language.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html import escape

from patient_site.embeds.feeds import api_path, oembed_path
from patient_site.embeds.variants import embed_url, slug
from patient_site.urls import absolute

PAGE = "for-clinics.md"
FOLDER = "for-clinics/"  # each page's snippets: for-clinics/<name>.md
LOADER = "embed.js"
MESSAGE_TYPE = "vein-guide:height"
ELEMENT_ATTRIBUTE = "data-vein-guide-embed"
SHOWN = 8  # pages shown with snippets and a live preview, in menu order


@dataclass(frozen=True)
class ForClinicsWords:
    """`extra.for_clinics`: every word of the for-clinics pages, in the build's language (English when not set).

    Markdown; each `{name}` is filled in by the page that shows it (`fill`): {site_name}; in `more` {shown},
    {count}, {example}, {oembed}; in `facts` {who}, {storage_key}, {message}; in `who_listed` {origins};
    {title} (a page's title) in the snippets pages' words and in `frame_title`.
    """

    title: str = "For clinics"  # the menu's name for the page, and its <title>
    description: str = "Show these patient pages inside your own website, with a copy-and-paste snippet for each page."
    heading: str = "For clinics: show these pages on your website"
    how_to: str = """Any page of {site_name} below can appear inside your own website, always up to date, with a line
saying where it comes from and a link to the full page. It takes about two minutes:

1. **Ask us to add your website's address** (for example `https://www.your-clinic.example`) to the list of
   sites allowed to show these pages. Browsers refuse to show them anywhere else.
2. **Open a page below and copy a snippet**, then paste it into your page's HTML where the content should
   appear. The first snippet grows the frame to the length of the text; the second works without any script,
   at a fixed height. Each page also has a live preview.
3. **Open your page** to check it. Nothing else is needed: no account, no library, no cookie banner."""
    contents_label: str = "Embeddable pages"  # the name of the list of pages, for screen readers
    more: str = """These are the first {shown} of the {count} pages that can be shown on your website. Every other page works
the same way: in their snippets, change the page's name (the last part of its address, with `/`
written as `-`, for example `{example}`). A content system that supports oEmbed makes
the snippet from the page's address alone, from `{oembed}`
and its like. <a href="../api/index.json">The list of all pages</a> (JSON) gives every page's address."""
    facts_heading: str = "What to know before you embed"
    facts: str = """- **Who may show these pages.** Only websites on our list may show the pages under `/embed/` in a frame;
  the rest of this site may not be framed at all. Our server tells browsers this in a
  `Content-Security-Policy` header (`frame-ancestors`). {who}
- **Your patients' answers stay on their device.** Ticks in the symptom checklist are saved in the
  reader's own browser, under this site's address, the same way as on this site (the `localStorage` key
  `{storage_key}`, or one starting with it for each part of a checklist split by section). Your page cannot read them, we never receive them, and modern browsers keep
  the ticks made on your site separate from ticks made anywhere else.
- **What the frame tells your page.** Only its height, as one number, so the frame can grow with the text.
  The message is always `{message}`; the script checks that it really comes from our frame and ignores
  anything else. The frame never sends your page's address or anything a reader ticks or types.
- **No tracking.** The pages set no cookies, load nothing from other websites (no fonts, analytics or
  advertising), and ask browsers not to send your page's address to us.
- **Links.** Links to other topics open the embedded version of that topic inside the frame; "Open the full
  page" and links to other websites open outside it.
- **Printing.** The checklist's print button prints the list inside the frame, as on this site."""
    who_listed: str = "Today these websites may show them: {origins} (and this site itself)."
    who_none: str = "Today no other website is on the list: only this site itself may show them."
    # Each page's snippets page, /for-clinics/<name>/
    page_title: str = "Embed: {title}"
    page_description: str = "Snippets to show {title} on your website."
    snippets_heading: str = "The snippets"
    read_full_page: str = "Read the full page"
    machine_readable: str = "Machine-readable:"
    script_label: str = "With automatic height (recommended): paste both lines where the page should appear"
    iframe_label: str = "Without any script: a frame with a fixed height (it scrolls inside when the text is longer)"
    copy_button: str = "Copy this snippet"  # its name for screen readers adds which snippet: "Copy this snippet: …"
    script_name: str = "{title}, automatic height"
    iframe_name: str = "{title}, fixed height"
    preview_title: str = "Preview: {title}"  # the live preview's frame
    live_preview: str = "Live preview of"  # followed by the embed's address
    open_preview: str = "Open the preview"
    back: str = "All pages you can show on your website, and what to know first"
    # The title of the frame in the iframe snippet and in oEmbed's `html`.
    frame_title: str = "{title} (from {site_name})"


PLACEHOLDER = re.compile(r"\{(\w+)\}")


def fill(text: str, **values: str) -> str:
    """`text` with each `{name}` given replaced in one pass (a value's own braces are never read as a name)."""
    return PLACEHOLDER.sub(lambda found: values.get(found.group(1), found.group(0)), text)


@dataclass(frozen=True)
class Embeddable:
    """A page that has an embed variant."""

    url: str  # "symptoms/"
    title: str
    description: str


def loader_snippet(page: Embeddable, site_url: str) -> str:
    """The recommended snippet: one element naming the page (a plain link until the script runs), one script."""
    return (
        f'<div {ELEMENT_ATTRIBUTE}="{escape(slug(page.url))}">'
        f'<a href="{escape(absolute(site_url, page.url))}">{escape(page.title)}</a></div>\n'
        f'<script src="{escape(absolute(site_url, LOADER))}" async></script>'
    )


def _snippet_block(ident: str, label: str, code: str, name: str, button: str) -> str:
    """A snippet in a code block with its copy button; the button's name says which snippet it copies."""
    return (
        f'<div class="embed-snippet">\n'
        f'<p class="embed-snippet__label" id="{ident}-label">{escape(label)}</p>\n'
        f'<pre class="embed-snippet__code"><code id="{ident}">{escape(code)}</code></pre>\n'
        f'<p class="embed-snippet__actions"><button type="button" class="md-button embed-snippet__copy" '
        f'data-copy="{ident}" aria-label="{escape(button)}: {escape(name)}" hidden>{escape(button)}</button> '
        f'<span class="embed-snippet__status" role="status" data-copy-status="{ident}"></span></p>\n'
        f"</div>"
    )


def snippets_page(page: Embeddable) -> str:
    """The source path of a page's snippets page, e.g. "for-clinics/symptoms.md"."""
    return f"{FOLDER}{slug(page.url)}.md"


def is_for_clinics(src: str) -> bool:
    """Whether a page is one of the for-clinics pages (about embedding, not a topic)."""
    return src == PAGE or src.startswith(FOLDER)


def render_snippets_page(page: Embeddable, site_url: str, iframe_snippet: str, words: ForClinicsWords = ForClinicsWords()) -> str:
    """One page's snippets page as Markdown with a raw-HTML section; it lives at /for-clinics/<name>/.

    Left out of search: a patient searching a topic should find the topic, not "Embed: <topic>" (clinics find the
    snippets from /for-clinics/, which search keeps)."""
    name = slug(page.url)
    preview = embed_url(page.url)
    up = "../../"  # from /for-clinics/<name>/ to the site's root
    title = fill(words.page_title, title=page.title)
    scripted = _snippet_block(f"snippet-{name}-script", words.script_label, loader_snippet(page, site_url),
                              fill(words.script_name, title=page.title), words.copy_button)
    framed = _snippet_block(f"snippet-{name}-iframe", words.iframe_label, iframe_snippet,
                            fill(words.iframe_name, title=page.title), words.copy_button)
    return f"""---
title: {json.dumps(title, ensure_ascii=False)}
description: {json.dumps(fill(words.page_description, title=page.title), ensure_ascii=False)}
search:
  exclude: true
---

# {escape(title)} {{ .site-text }}

<section class="embed-page site-text" aria-labelledby="embed-{name}">
<h2 id="embed-{name}">{escape(words.snippets_heading)}</h2>
<p>{escape(page.description)} <a href="{up}{escape(page.url)}">{escape(words.read_full_page)}</a>.
{escape(words.machine_readable)} <a href="{up}{escape(api_path(page.url))}">JSON</a>, <a href="{up}{escape(oembed_path(page.url))}">oEmbed</a>.</p>
{scripted}
{framed}
<details class="embed-page__preview" data-preview="{up}{escape(preview)}" data-preview-title="{escape(fill(words.preview_title, title=page.title))}">
<summary>{escape(words.live_preview)} <code>{escape(absolute(site_url, preview))}</code></summary>
<p class="embed-page__preview-link"><a href="{up}{escape(preview)}">{escape(words.open_preview)}</a></p>
</details>
</section>

<p class="embed-back site-text"><a href="../">{escape(words.back)}</a></p>
"""


def render_for_clinics_page(
    pages: list[Embeddable],
    site_url: str,
    site_name: str,
    allowed_origins: tuple[str, ...],
    storage_key: str,
    words: ForClinicsWords = ForClinicsWords(),
) -> str:
    """The /for-clinics/ page as Markdown: how to, the pages (each linking its snippets page), the facts.

    `pages` are every embeddable page in menu order; the first SHOWN are listed.
    """
    if allowed_origins:
        who = fill(words.who_listed, origins=", ".join(f"<code>{escape(origin)}</code>" for origin in allowed_origins))
    else:
        who = words.who_none
    message = json.dumps({"type": MESSAGE_TYPE, "height": 812})  # shown in a code span, which escapes it
    sections = ""
    contents = "\n".join(
        f'<li><a href="{escape(slug(page.url))}/">{escape(page.title)}</a>: {escape(page.description)}</li>'
        for page in pages[:SHOWN])
    if len(pages) > SHOWN:
        more = fill(words.more, shown=str(SHOWN), count=str(len(pages)), example=slug(pages[SHOWN].url),
                    oembed=absolute(site_url, oembed_path(pages[SHOWN].url)))
        sections += f"""
<div class="site-added embed-more" markdown>

{more}

</div>
"""
    return f"""---
title: {json.dumps(words.title, ensure_ascii=False)}
description: {json.dumps(words.description, ensure_ascii=False)}
---

# {escape(words.heading)} {{ .site-text }}

<div class="site-added embed-howto" markdown>

{fill(words.how_to, site_name=escape(site_name))}

</div>

<nav class="embed-contents site-text" aria-label="{escape(words.contents_label)}">
<ul>
{contents}
</ul>
</nav>

{sections}

## {escape(words.facts_heading)} {{ .site-text }}

<div class="site-added embed-facts" markdown>

{fill(words.facts, who=who, storage_key=storage_key, message=message)}

</div>
"""
