"""The one stylesheet: which rules the trimming keeps, from selectors, page tokens and script words (pure layer).

Whether a trimmed site still looks the same in every state is tests/test_browser_style_bundle.py.
"""

from __future__ import annotations

import pytest
import tinycss2

from patient_site.theme.style_bundle import Usage, could_match, page_tokens, requirements, trim

PAGE = """<!doctype html><html><head></head>
<body data-md-color-scheme="default" data-md-color-primary="indigo">
<input class="md-toggle" type="checkbox" id="__drawer">
<header class="md-header md-header--shadow"><div class="md-search" data-md-component="search">
<div class="md-search-result"></div></div></header>
<main class="md-typeset"><p>Text <a href="/">link</a></p><ul><li>item</li></ul></main>
</body></html>"""
SCRIPT = 'x("details",{class:"md-search-result__more"});e.setAttribute("data-md-state","lock");`md-tag--${t}`;`md-header--${t}`;"md-tooltip__inner";"--md-tooltip-x";a="<mark>"+b'


def test_a_page_gives_its_tags_classes_ids_attributes_and_values():
    tags, classes, ids, attributes, values = page_tokens(
        '<!doctype html><HTML><body><!-- a comment --><?pi x?><DIV Class=" a  b " ID="top" data-x="1">'
        '<svg viewBox="0 0 1 1"><path d="M0"/></svg><p class="b">&amp;</p><p></p></DIV></body></HTML>')
    assert tags == {"html", "body", "div", "svg", "path", "p"}  # no comment or processing instruction
    assert classes == {"a", "b"}
    assert ids == {"top"}
    assert attributes == {"class", "id", "data-x", "viewbox", "d"}  # names as the parser reads them: lower case
    assert values == {("class", " a  b "), ("id", "top"), ("data-x", "1"), ("viewbox", "0 0 1 1"), ("d", "M0"), ("class", "b")}


def usage() -> Usage:
    found = Usage()
    found.add_page(PAGE)
    found.add_script(SCRIPT)
    return found


def selector(text: str) -> list:
    return tinycss2.parse_one_rule(text + "{}").prelude


@pytest.mark.parametrize(
    "text, needs",  # one selector | what it requires some page or script to have
    [
        (".md-typeset a", [("class", "md-typeset"), ("tag", "a")]),
        ("#__drawer:checked~.md-container", [("id", "__drawer"), ("class", "md-container")]),
        ("[data-md-color-primary=red]", [("attribute", "data-md-color-primary"), ("value", "data-md-color-primary", "red")]),
        ('[data-md-state="lock"]', [("attribute", "data-md-state"), ("value", "data-md-state", "lock")]),
        ("[dir=rtl i]", [("attribute", "dir")]),  # case-insensitive: the attribute only
        (".md-nav__link:not(.md-nav__link--active):hover", [("class", "md-nav__link")]),  # nothing inside :not()
        ("a::before", [("tag", "a")]),  # pseudo-elements require nothing
        (":root", []),
    ],
)
def test_what_a_selector_requires(text, needs):
    assert requirements(selector(text)) == needs


@pytest.mark.parametrize(
    "text, kept",  # one selector | kept for the page and script above
    [
        (".md-typeset a", True),
        (".md-typeset table", False),  # no table on any page, and no script makes one
        (".md-typeset details", True),  # a script makes <details>
        ("mark", True),  # a script writes "<mark>" markup
        (".admonition", False),
        (".md-search-result__more", True),  # a script adds it, and its block is on the page
        (".md-search-result__teaser", False),  # in no page and no script
        (".md-tooltip__inner", False),  # in a script, but its block .md-tooltip is on no page: a component not used
        (".md-header--hidden", True),  # a script builds md-header--<x>, and .md-header is on a page
        (".md-tag--important", False),  # a script builds md-tag--<x>, but no page has .md-tag
        ('[data-md-state="lock"]', True),  # a script sets it
        ("[data-md-color-primary=red]", False),  # only indigo is on the pages
        ("[data-md-color-primary=indigo] .md-header", True),
        ("#__drawer:checked~.md-container", False),  # .md-container is on no page
        ("#__drawer:checked~.md-header", True),  # the state a click adds stays
        ("@page-like-unknown", True),
    ],
)
def test_which_selectors_could_match(text, kept):
    assert could_match(selector(text), usage()) is kept


def test_a_rule_keeps_only_its_selectors_that_could_match():
    assert trim([".admonition,.md-typeset a{color:red}"], usage()) == ".md-typeset a{color:red}\n"


def test_media_and_order_are_kept_and_empty_groups_go():
    css = "a{color:red}@media print{.md-header{display:none}.admonition{margin:0}}@media screen{.admonition{margin:0}}li{color:blue}"
    assert trim([css], usage()) == "a{color:red}@media print{.md-header{display:none}}li{color:blue}\n"


def test_other_at_rules_stay_whole():
    css = "@keyframes spin{to{transform:rotate(1turn)}}@font-face{font-family:x;src:url(x.woff2)}"
    assert trim([css], usage()) == css + "\n"


def test_custom_properties_nothing_reads_are_dropped_and_chains_followed():
    css = (":root{--unused:url(big.svg);--a:var(--b);--b:#fff;--md-tooltip-x:0;--c:1px}"
           ".md-header{color:var(--a)}.admonition{width:var(--c)}")
    assert trim([css], usage()) == ":root{--a:var(--b);--b:#fff;--md-tooltip-x:0}.md-header{color:var(--a)}\n"


def test_stylesheets_follow_one_another_in_order():
    assert trim(["a{color:red}", "a{color:blue}"], usage()) == "a{color:red}a{color:blue}\n"


def test_important_is_kept():
    assert trim(["a{color:red!important}"], usage()) == "a{color:red!important}\n"
