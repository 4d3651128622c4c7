"""The trimmed stylesheet styles every element exactly as Material's untrimmed stylesheets do, in every state.

The built site is served twice: as built (one trimmed stylesheet, patient_site/theme/style_bundle.py) and as a
copy whose pages link the untrimmed sources instead (Material's main.css and palette.css, then ours, one after the
other in one file, which is the same cascade). In Chromium, every element's computed style, and that of its
::before and ::after, must be the same in both, at 1280 px, at 320 px, with the drawer open at 320 px, in the
print-out, and with a search open and answered. A rule a page needs that the trimming dropped shows up as the
element, pseudo-element and properties that differ.

Pages that are built from the same template and the same kinds of elements test the same rules, so the pages
compared are the fewest that together carry every tag, class, id and attribute value the untrimmed stylesheets
name (a greedy cover over all pages that link the stylesheet); a page with a kind of element no other page has
is always among them.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import tinycss2

from helpers import serve
from patient_site.theme.style_bundle import page_tokens

BUNDLE = re.compile(r"site-bundle\.[0-9a-f]{10}\.css")
NO_MOTION = "*,*::before,*::after{transition:none!important;animation:none!important;caret-color:transparent!important}"
PSEUDOS = [None, "::before", "::after"]

# One digest per element and pseudo-element, in document order, from one call per page: the computed style, every
# property but custom properties (`--md-…`), which render nothing themselves (the trimming drops those no kept rule
# reads). A pseudo-element whose `content` is none or normal is not drawn: its digest is that word alone.
DIGESTS = """(pseudos) => {
  const digest = (text) => { let x = 2166136261; for (let i = 0; i < text.length; i++) { x ^= text.charCodeAt(i); x = Math.imul(x, 16777619); } return (x >>> 0).toString(16); };
  const out = [];
  for (const element of document.querySelectorAll('*')) {
    for (const pseudo of pseudos) {
      const style = getComputedStyle(element, pseudo);
      if (pseudo && (style.content === 'none' || style.content === 'normal')) { out.push(style.content); continue; }
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
def untrimmed_copy(site, tmp_path_factory) -> Path:
    """A copy of the built site whose pages link the untrimmed stylesheets, concatenated in the pages' order."""
    copy = tmp_path_factory.mktemp("untrimmed") / "site"
    shutil.copytree(site.site, copy)
    # The embed variants link our stylesheets, as configured (hashed), after their own embed.css.
    embed = (copy / "embed" / "symptoms" / "index.html").read_text("utf-8")
    ours = [Path(href).name for href in re.findall(r'<link rel="stylesheet" href="([^"]+)"', embed) if "/embed." not in href]
    assert ours, "the embed variant names our stylesheets"
    for styles in {path.parent for path in copy.rglob("site-bundle.*.css")}:  # each language's own build
        material = [next(styles.glob("main.*.min.css")), next(styles.glob("palette.*.min.css"))]
        sources = material + [styles.parent / name for name in ours]
        (styles / "untrimmed.css").write_text("\n".join(path.read_text("utf-8") for path in sources), "utf-8")
    for page in copy.rglob("*.html"):
        text = page.read_text("utf-8")
        if BUNDLE.search(text):
            page.write_text(BUNDLE.sub("untrimmed.css", text), "utf-8")
    return copy


@pytest.fixture(scope="module")
def untrimmed(untrimmed_copy):
    yield from serve(untrimmed_copy)


def bundle_pages(site) -> list[str]:
    pages = []
    for path in sorted(site.site.rglob("*.html")):
        if BUNDLE.search(path.read_text("utf-8")):
            relative = path.relative_to(site.site).as_posix()
            pages.append(relative[: -len("index.html")] if relative.endswith("index.html") else relative)
    return pages


def page_file(folder: Path, path: str) -> Path:
    return folder / path if path.endswith(".html") else folder / path / "index.html"


def selector_names(css: str) -> set[str]:
    """Every name a selector of `css` mentions (tags, classes, ids, attributes and their values), inside
    @media and the like too."""
    names: set[str] = set()

    def walk(tokens):
        for token in tokens:
            if token.type in ("ident", "hash", "string"):
                names.add(token.value)
            elif token.type in ("[] block", "() block", "function"):
                walk(getattr(token, "content", None) or getattr(token, "arguments", []))

    def rules(items):
        for rule in items:
            if rule.type == "qualified-rule":
                walk(rule.prelude)
            elif rule.type == "at-rule" and rule.content is not None:
                rules(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))

    rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))
    return names


def kinds_of_element(html: str, names: set[str]) -> set[tuple]:
    """The tags, classes, ids, attributes and attribute values of a page that a selector could name."""
    tags, classes, ids, attributes, values = page_tokens(html)
    return ({("tag", n) for n in tags & names} | {("class", n) for n in classes & names} | {("id", n) for n in ids & names}
            | {("attribute", n) for n in attributes & names} | {("value", a, v) for a, v in values if v in names and a in names})


def compared_pages(site, untrimmed_copy) -> list[str]:
    """A greedy cover: the page that adds the most kinds of element not yet covered, until none is left."""
    names = selector_names((untrimmed_copy / "assets" / "stylesheets" / "untrimmed.css").read_text("utf-8"))
    left = {path: kinds_of_element(page_file(site.site, path).read_text("utf-8"), names) for path in bundle_pages(site)}
    chosen, covered = [], set()
    while left:
        path = max(left, key=lambda p: (len(left[p] - covered), p == ""))
        if not left[path] - covered:
            break
        chosen.append(path)
        covered |= left.pop(path)
    return chosen


def open_page(context, base: str, path: str, width: int):
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(base + path, wait_until="load")
    page.add_style_tag(content=NO_MOTION)  # the same in both: no style caught mid-transition
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
def test_the_pages_compared_carry_every_kind_of_element_of_the_site(site, untrimmed_copy):
    names = selector_names((untrimmed_copy / "assets" / "stylesheets" / "untrimmed.css").read_text("utf-8"))
    chosen = compared_pages(site, untrimmed_copy)
    everywhere = set().union(*(kinds_of_element(page_file(site.site, p).read_text("utf-8"), names) for p in bundle_pages(site)))
    compared = set().union(*(kinds_of_element(page_file(site.site, p).read_text("utf-8"), names) for p in chosen))
    assert compared == everywhere
    assert {("class", "md-nav"), ("class", "md-typeset"), ("tag", "ul"), ("id", "__drawer")} <= everywhere  # names found at all


@pytest.mark.build
@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 320])
def test_every_kind_of_page_looks_the_same_on_screen_and_in_print(site, server, untrimmed, untrimmed_copy, browser, width):
    context = browser.new_context()
    try:
        for path in compared_pages(site, untrimmed_copy):
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
            ours.close()
            theirs.close()
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
