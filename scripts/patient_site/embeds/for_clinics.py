"""The `/for-clinics/` pages: how to embed, the facts, and one page of snippets for each embeddable page.

A clinic's web person should need nothing else: the snippets are complete (absolute addresses from
`site_url`), the copy buttons are real buttons, and the framing and storage facts are in plain words.
`/for-clinics/` lists the pages and says how; each page's two snippets and live preview are on its own
`/for-clinics/<name>/` page, so every page stays as small as any other. A large library lists the first
`SHOWN` pages and says how to embed the others (oEmbed, the list in `api/index.json`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape

from patient_site.embeds.variants import embed_url, slug
from patient_site.urls import absolute
from patient_site.embeds.feeds import api_path, oembed_path

PAGE = "for-clinics.md"
FOLDER = "for-clinics/"  # each page's snippets: for-clinics/<name>.md
LOADER = "embed.js"
MESSAGE_TYPE = "vein-guide:height"
ELEMENT_ATTRIBUTE = "data-vein-guide-embed"
SHOWN = 8  # pages shown with snippets and a live preview, in menu order


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


def _snippet_block(ident: str, label: str, code: str, name: str) -> str:
    """A snippet in a code block with its copy button; the button's name says which snippet it copies."""
    return (
        f'<div class="embed-snippet">\n'
        f'<p class="embed-snippet__label" id="{ident}-label">{escape(label)}</p>\n'
        f'<pre class="embed-snippet__code"><code id="{ident}">{escape(code)}</code></pre>\n'
        f'<p class="embed-snippet__actions"><button type="button" class="md-button embed-snippet__copy" '
        f'data-copy="{ident}" aria-label="Copy this snippet: {escape(name)}" hidden>Copy this snippet</button> '
        f'<span class="embed-snippet__status" role="status" data-copy-status="{ident}"></span></p>\n'
        f"</div>"
    )


def snippets_page(page: Embeddable) -> str:
    """The source path of a page's snippets page, e.g. "for-clinics/symptoms.md"."""
    return f"{FOLDER}{slug(page.url)}.md"


def is_for_clinics(src: str) -> bool:
    """Whether a page is one of the for-clinics pages (about embedding, not a topic)."""
    return src == PAGE or src.startswith(FOLDER)


def render_snippets_page(page: Embeddable, site_url: str, iframe_snippet: str) -> str:
    """One page's snippets page as Markdown with a raw-HTML section; it lives at /for-clinics/<name>/."""
    name = slug(page.url)
    preview = embed_url(page.url)
    up = "../../"  # from /for-clinics/<name>/ to the site's root
    return f"""---
title: {json.dumps(f"Embed: {page.title}", ensure_ascii=False)}
description: {json.dumps(f"Snippets to show {page.title} on your website.", ensure_ascii=False)}
---

# Embed: {escape(page.title)}

<section class="embed-page" aria-labelledby="embed-{name}">
<h2 id="embed-{name}">The snippets</h2>
<p>{escape(page.description)} <a href="{up}{escape(page.url)}">Read the full page</a>.
Machine-readable: <a href="{up}{escape(api_path(page.url))}">JSON</a>, <a href="{up}{escape(oembed_path(page.url))}">oEmbed</a>.</p>
{_snippet_block(f"snippet-{name}-script", "With automatic height (recommended): paste both lines where the page should appear", loader_snippet(page, site_url), f"{page.title}, automatic height")}
{_snippet_block(f"snippet-{name}-iframe", "Without any script: a frame with a fixed height (it scrolls inside when the text is longer)", iframe_snippet, f"{page.title}, fixed height")}
<details class="embed-page__preview" data-preview="{up}{escape(preview)}" data-preview-title="Preview: {escape(page.title)}">
<summary>Live preview of <code>{escape(absolute(site_url, preview))}</code></summary>
<p class="embed-page__preview-link"><a href="{up}{escape(preview)}">Open the preview</a></p>
</details>
</section>

<p class="embed-back"><a href="../">All pages you can show on your website, and what to know first</a></p>
"""


def render_for_clinics_page(
    pages: list[Embeddable],
    site_url: str,
    site_name: str,
    allowed_origins: tuple[str, ...],
    storage_key: str,
) -> str:
    """The /for-clinics/ page as Markdown: how to, the pages (each linking its snippets page), the facts.

    `pages` are every embeddable page in menu order; the first SHOWN are listed.
    """
    if allowed_origins:
        allowed = ", ".join(f"<code>{escape(origin)}</code>" for origin in allowed_origins)
        who = f"Today these websites may show them: {allowed} (and this site itself)."
    else:
        who = "Today no other website is on the list: only this site itself may show them."
    message = escape(json.dumps({"type": MESSAGE_TYPE, "height": 812}))
    sections = ""
    contents = "\n".join(
        f'<li><a href="{escape(slug(page.url))}/">{escape(page.title)}</a>: {escape(page.description)}</li>'
        for page in pages[:SHOWN])
    if len(pages) > SHOWN:
        example = slug(pages[SHOWN].url)
        sections += f"""
<div class="site-added embed-more">
<p>These are the first {SHOWN} of the {len(pages)} pages that can be shown on your website. Every other page works
the same way: in their snippets, change the page's name (the last part of its address, with <code>/</code>
written as <code>-</code>, for example <code>{escape(example)}</code>). A content system that supports oEmbed makes
the snippet from the page's address alone, from <code>{escape(absolute(site_url, oembed_path(pages[SHOWN].url)))}</code>
and its like. <a href="../api/index.json">The list of all pages</a> (JSON) gives every page's address.</p>
</div>
"""
    return f"""---
title: For clinics
description: Show these patient pages inside your own website, with a copy-and-paste snippet for each page.
---

# For clinics: show these pages on your website

<div class="site-added embed-howto" markdown>

Any page of {escape(site_name)} below can appear inside your own website, always up to date, with a line
saying where it comes from and a link to the full page. It takes about two minutes:

1. **Ask us to add your website's address** (for example `https://www.your-clinic.example`) to the list of
   sites allowed to show these pages. Browsers refuse to show them anywhere else.
2. **Open a page below and copy a snippet**, then paste it into your page's HTML where the content should
   appear. The first snippet grows the frame to the length of the text; the second works without any script,
   at a fixed height. Each page also has a live preview.
3. **Open your page** to check it. Nothing else is needed: no account, no library, no cookie banner.

</div>

<nav class="embed-contents" aria-label="Embeddable pages">
<ul>
{contents}
</ul>
</nav>

{sections}

## What to know before you embed

<div class="site-added embed-facts" markdown>

- **Who may show these pages.** Only websites on our list may show the pages under `/embed/` in a frame;
  the rest of this site may not be framed at all. Our server tells browsers this in a
  `Content-Security-Policy` header (`frame-ancestors`). {who}
- **Your patients' answers stay on their device.** Ticks in the symptom checklist are saved in the
  reader's own browser, under this site's address, the same way as on this site (the `localStorage` key
  `{escape(storage_key)}`, or one starting with it for each part of a checklist split by section). Your page cannot read them, we never receive them, and modern browsers keep
  the ticks made on your site separate from ticks made anywhere else.
- **What the frame tells your page.** Only its height, as one number, so the frame can grow with the text.
  The message is always `{message}`; the script checks that it really comes from our frame and ignores
  anything else. The frame never sends your page's address or anything a reader ticks or types.
- **No tracking.** The pages set no cookies, load nothing from other websites (no fonts, analytics or
  advertising), and ask browsers not to send your page's address to us.
- **Links.** Links to other topics open the embedded version of that topic inside the frame; "Open the full
  page" and links to other websites open outside it.
- **Printing.** The checklist's print button prints the list inside the frame, as on this site.

</div>
"""
