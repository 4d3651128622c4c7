"""The trimmed stylesheet styles every element exactly as Material's untrimmed stylesheets do, in every state.

The built site is served twice: as built (one trimmed stylesheet, patient_site/theme/style_bundle.py) and as a
copy whose pages link the untrimmed sources instead (Material's main.css and palette.css, then ours, one after the
other in one file, which is the same cascade). In Chromium, every element's computed style, and that of its
::before and ::after, must be the same in both, on every page at 1280 px, at 320 px, with
the drawer open at 320 px, in the print-out, and with a search open and answered. A rule a page needs that the
trimming dropped shows up as the element, pseudo-element and properties that differ.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from helpers import serve

BUNDLE = re.compile(r"site-bundle\.[0-9a-f]{10}\.css")
NO_MOTION = "*,*::before,*::after{transition:none!important;animation:none!important;caret-color:transparent!important}"
PSEUDOS = [None, "::before", "::after"]

# One digest per element and pseudo-element, in document order: the computed style, every property but custom
# properties (`--md-…`), which render nothing themselves; the trimming drops those no kept rule reads.
DIGESTS = """(pseudos) => {
  const digest = (text) => { let x = 2166136261; for (let i = 0; i < text.length; i++) { x ^= text.charCodeAt(i); x = Math.imul(x, 16777619); } return (x >>> 0).toString(16); };
  const out = [];
  for (const element of document.querySelectorAll('*')) {
    for (const pseudo of pseudos) {
      const style = getComputedStyle(element, pseudo);
      let text = '';
      for (let i = 0; i < style.length; i++) if (!style[i].startsWith('--')) text += style[i] + ':' + style.getPropertyValue(style[i]) + ';';
      out.push(digest(text));
    }
  }
  return out;
}"""
# The element's name and its computed style as a dictionary, for the message of a failing comparison.
DETAIL = """([index, pseudo]) => {
  const element = document.querySelectorAll('*')[index];
  const style = getComputedStyle(element, pseudo);
  const values = {};
  for (let i = 0; i < style.length; i++) if (!style[i].startsWith('--')) values[style[i]] = style.getPropertyValue(style[i]);
  const name = element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') +
    [...element.classList].map((c) => '.' + c).join('');
  return [name, values];
}"""


@pytest.fixture(scope="module")
def untrimmed(site, tmp_path_factory):
    """A copy of the built site whose pages link the untrimmed stylesheets, concatenated in the pages' order."""
    copy = tmp_path_factory.mktemp("untrimmed") / "site"
    shutil.copytree(site.site, copy)
    styles = copy / "assets" / "stylesheets"
    material = [next(styles.glob("main.*.min.css")), next(styles.glob("palette.*.min.css"))]
    # The embed variants link our stylesheets, as configured (hashed), after their own embed.css.
    embed = (copy / "embed" / "symptoms" / "index.html").read_text("utf-8")
    ours = [copy / "assets" / Path(href).name for href in re.findall(r'<link rel="stylesheet" href="([^"]+)"', embed)
            if "/embed." not in href]
    assert ours, "the embed variant names our stylesheets"
    (styles / "untrimmed.css").write_text("\n".join(path.read_text("utf-8") for path in material + ours), "utf-8")
    shutil.copy(styles / "untrimmed.css", copy / "es" / "assets" / "stylesheets")  # /es/ pages link their own assets/
    for page in copy.rglob("*.html"):
        text = page.read_text("utf-8")
        if BUNDLE.search(text):
            page.write_text(BUNDLE.sub("untrimmed.css", text), "utf-8")
    yield from serve(copy)


def bundle_pages(site) -> list[str]:
    pages = []
    for path in sorted(site.site.rglob("*.html")):
        if BUNDLE.search(path.read_text("utf-8")):
            relative = path.relative_to(site.site).as_posix()
            pages.append(relative[: -len("index.html")] if relative.endswith("index.html") else relative)
    return pages


def open_page(context, base: str, path: str, width: int):
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(base + path, wait_until="load")
    page.add_style_tag(content=NO_MOTION)  # the same in both: no style caught mid-transition
    page.wait_for_load_state("networkidle")
    return page


def compare(trimmed, untrimmed, where: str) -> None:
    ours, theirs = trimmed.evaluate(DIGESTS, PSEUDOS), untrimmed.evaluate(DIGESTS, PSEUDOS)
    assert len(ours) == len(theirs), f"{where}: the two pages have different elements"
    differ = [n for n, (a, b) in enumerate(zip(ours, theirs)) if a != b]
    if not differ:
        return
    lines = []
    for n in differ[:5]:
        index, pseudo = divmod(n, len(PSEUDOS))
        name, got = trimmed.evaluate(DETAIL, [index, PSEUDOS[pseudo]])
        _, want = untrimmed.evaluate(DETAIL, [index, PSEUDOS[pseudo]])
        changed = {key: (str(got.get(key))[:80], str(want.get(key))[:80]) for key in sorted(set(got) | set(want)) if got.get(key) != want.get(key)}
        lines.append(f"  {name}{PSEUDOS[pseudo] or ''}: {dict(list(changed.items())[:6])} (trimmed, untrimmed)")
    pytest.fail(f"{where}: {len(differ)} computed styles differ from Material's untrimmed stylesheets:\n" + "\n".join(lines))


@pytest.mark.build
def test_the_pages_only_link_the_one_stylesheet(site):
    pages = bundle_pages(site)
    assert "" in pages and "checklist/" in pages and "404.html" in pages
    for path in pages:
        html = (site.site / (path or "index.html") if path.endswith(".html") else site.site / path / "index.html").read_text("utf-8")
        assert len(re.findall(r'rel="stylesheet"', html)) == 1, path


@pytest.mark.build
@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("width", [1280, 320])
def test_every_page_looks_the_same_on_screen_and_in_print(site, server, untrimmed, browser, width):
    for path in bundle_pages(site):
        context = browser.new_context()
        try:
            ours, theirs = open_page(context, server, path, width), open_page(context, untrimmed, path, width)
            compare(ours, theirs, f"/{path} at {width} px")
            if width == 320:  # the drawer, opened as a reader opens it
                for page in (ours, theirs):
                    page.get_by_role("button", name="Menu").click()  # patient.js's opener for Material's drawer
                    page.wait_for_timeout(100)
                compare(ours, theirs, f"/{path} at {width} px, drawer open")
            else:
                for page in (ours, theirs):
                    page.emulate_media(media="print")
                compare(ours, theirs, f"/{path} printed")
        finally:
            context.close()


@pytest.mark.build
@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 320])
def test_an_open_search_looks_the_same(server, untrimmed, browser, width):
    context = browser.new_context()
    try:
        pages = []
        for base in (server, untrimmed):
            page = open_page(context, base, "causes/", width)
            if width == 320:
                page.locator('.md-header__button[for="__search"], .md-header__button[data-for="__search"]').locator("visible=true").click()
            else:
                page.locator(".md-search__input").click()
            page.keyboard.type("cramps")
            page.locator(".md-search-result__item").first.wait_for(timeout=30000)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(300)  # the result list is filled as the worker answers
            pages.append(page)
        compare(*pages, f"search for 'cramps' at {width} px")
    finally:
        context.close()
