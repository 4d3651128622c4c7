"""One stylesheet per site: Material's main.css and palette.css and our stylesheets, less the rules no page can use.

A first view used to wait for five render-blocking stylesheets; now it waits for one. The bundle is made at build
time from the files the installed Material ships, so a Material update is picked up at the next build.

Trimming is conservative. A selector is dropped only when one of the things it requires (a tag, class, id,
attribute, or attribute value compared with `=`) appears in no built page (parsed with lxml) and in no word of
the scripts that can change those pages (Material's bundle and ours: the classes and states JavaScript adds, such
as `md-search-result__item` or `data-md-state`, are words of those scripts; class names scripts build from a
prefix, `md-tag--${x}`, keep every class with that prefix). Pseudo-classes, pseudo-elements and the insides of
`:not()`, `:is()` and the like require nothing, so `:checked`, `:hover` and `:target` states stay. At-rules other
than `@media`, `@supports`, `@container` and `@layer` stay whole. A custom property (`--md-…`) is dropped when
no kept declaration, and no script, uses it. The order of rules, and so the cascade, is that of the sources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.etree
import tinycss2

GROUPING = ("media", "supports", "container", "layer")
WORD = re.compile(r"[A-Za-z_][\w-]*")
PREFIXES = (re.compile(r"([A-Za-z_][\w-]*)\$\{"),  # `md-tag--${kind}`
            re.compile(r"""["'`]([A-Za-z_][\w-]*[-_])["'`]"""))  # "data-clipboard-" + name
TAG_CALL = re.compile(r"""\b\w+\(["'`]([a-z][a-z0-9]*)["'`]""")  # x("details", …), closest("table")
TAG_MARKUP = re.compile(r"<([a-z][a-z0-9]*)[\s/>]")
BEM_BLOCK = re.compile(r"__|--")
CUSTOM = re.compile(r"--[A-Za-z_][\w-]*")
VAR = re.compile(r"var\(\s*(--[\w-]+)")


@dataclass
class Usage:
    """What the built pages and the scripts could give a selector to match."""

    tags: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    attributes: set[str] = field(default_factory=set)
    values: set[tuple[str, str]] = field(default_factory=set)  # (attribute, value)
    words: set[str] = field(default_factory=set)  # from scripts: may be a class, id, attribute or value
    script_tags: set[str] = field(default_factory=set)  # from scripts: elements they may create (`x("details", …)`)
    prefixes: set[str] = field(default_factory=set)  # from scripts: names built as prefix + something

    def add_page(self, html: str | bytes) -> None:
        add_tokens(self, page_tokens(html))

    def add_script(self, text: str) -> None:
        self.words.update(WORD.findall(text))
        self.words.update(CUSTOM.findall(text))  # style.setProperty("--md-tooltip-x", …)
        self.script_tags.update(TAG_CALL.findall(text))
        self.script_tags.update(TAG_MARKUP.findall(text))  # "<mark>" in the search worker's highlighted text
        for pattern in PREFIXES:
            self.prefixes.update(pattern.findall(text))

    def knows(self, kind: str, name: str) -> bool:
        if kind == "tag":
            return name in self.tags or name in self.script_tags
        if name in {"class": self.classes, "id": self.ids, "attribute": self.attributes}[kind]:
            return True
        if not (name in self.words or any(name.startswith(prefix) for prefix in self.prefixes)):
            return False
        # A script's class of a BEM block no page has (`md-tooltip__inner`, `md-version__list`) belongs to a
        # component the site does not use; the block's own name, and classes without a block, may be added.
        block = BEM_BLOCK.split(name, 1)[0]
        return kind != "class" or block == name or block in self.classes

    def knows_value(self, attribute: str, value: str) -> bool:
        return (attribute, value) in self.values or value in self.words or any(value.startswith(p) for p in self.prefixes)


Tokens = tuple[frozenset, frozenset, frozenset, frozenset, frozenset]
_HTML = lxml.etree.HTMLParser()


def page_tokens(html: str | bytes) -> Tokens:
    """(tags, classes, ids, attributes, (attribute, value) pairs) of one HTML document."""
    tags, values = set(), set()
    # lxml.etree's HTML parser: the same tree as lxml.html's, without the class look-up lxml.html does for each
    # element object the walk makes (a page has hundreds; a sixth of this function's time went there).
    root = lxml.etree.fromstring(html, _HTML)
    if root is None:
        raise lxml.etree.ParserError("Document is empty")  # as lxml.html says it
    # Every page is read whole, hundreds of elements each: the loop does no more than take each element's tag and
    # (name, value) pairs; classes and ids come from the distinct pairs after it (a fifth faster than one loop).
    for element in root.iter(lxml.etree.Element):  # elements only: no comments, processing instructions
        tags.add(element.tag)
        items = element.items()
        if items:
            values.update(items)
    classes, ids = set(), set()
    for name, value in values:
        if name == "class":
            classes.update(value.split())
        elif name == "id":
            ids.add(value)
    return (frozenset(tag.lower() for tag in tags), frozenset(classes), frozenset(ids),
            frozenset(name for name, _ in values), frozenset(values))


def add_tokens(usage: Usage, tokens: Tokens) -> None:
    tags, classes, ids, attributes, values = tokens
    usage.tags |= tags
    usage.classes |= classes
    usage.ids |= ids
    usage.attributes |= attributes
    usage.values |= values


def requirements(selector: list) -> list[tuple]:
    """What one complex selector (tinycss2 tokens, no commas) needs present: ("tag"|"class"|"id"|"attribute", name)
    and ("value", attribute, value). Pseudo-classes and everything inside functional ones need nothing."""
    needs, previous = [], None
    tokens = [token for token in selector if token.type != "comment"]
    for token in tokens:
        after_colon = previous is not None and previous.type == "literal" and previous.value == ":"
        after_dot = previous is not None and previous.type == "literal" and previous.value == "."
        if token.type == "ident" and after_dot:
            needs.append(("class", token.value))
        elif token.type == "ident" and not after_colon:
            needs.append(("tag", token.value.lower()))
        elif token.type == "hash":
            needs.append(("id", token.value))
        elif token.type == "[] block":
            needs.extend(_attribute(token.content))
        previous = token
    return needs


def _attribute(content: list) -> list[tuple]:
    parts = [token for token in content if token.type not in ("whitespace", "comment")]
    if not parts or parts[0].type != "ident":
        return []  # a namespace or something unusual: require nothing
    name = parts[0].value.lower()
    if len(parts) >= 3 and parts[1].type == "literal" and parts[1].value == "=" and parts[2].type in ("ident", "string"):
        flags = [p for p in parts[3:] if p.type == "ident"]
        if flags:  # [a=b i]: case-insensitive; require the attribute only
            return [("attribute", name)]
        return [("attribute", name), ("value", name, parts[2].value)]
    return [("attribute", name)]


def could_match(selector: list, usage: Usage) -> bool:
    for need in requirements(selector):
        if need[0] == "value":
            if not usage.knows_value(need[1], need[2]):
                return False
        elif not usage.knows(need[0], need[1]):
            return False
    return True


def _split(prelude: list) -> list[list]:
    """A selector list split at its top-level commas (tokens inside blocks are never split)."""
    parts, current = [], []
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            parts.append(current)
            current = []
        else:
            current.append(token)
    parts.append(current)
    return parts


def trim(stylesheets: list[str], usage: Usage) -> str:
    """The stylesheets, in order, as one stylesheet without the rules and custom properties nothing can use."""
    items = []  # each: ("rule", _Rule) or ("raw", text, wrapper) or ("open"/"close", prelude)
    for text in stylesheets:
        _collect(tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True), usage, items)
    used = _used_properties(items, usage)
    return _serialise(items, used)


def _collect(rules: list, usage: Usage, items: list) -> None:
    for rule in rules:
        if rule.type == "qualified-rule":
            kept = [part for part in _split(rule.prelude) if could_match(part, usage)]
            if kept:
                prelude = ",".join(tinycss2.serialize(part).strip() for part in kept)
                declarations = [d for d in tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)]
                items.append(("rule", prelude, declarations))
        elif rule.type == "at-rule" and rule.lower_at_keyword in GROUPING and rule.content is not None:
            inner: list = []
            _collect(tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)
                     if rule.lower_at_keyword == "layer" else
                     tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), usage, inner)
            if any(item[0] in ("rule", "raw") for item in inner):
                items.append(("open", f"@{rule.at_keyword} {tinycss2.serialize(rule.prelude).strip()}"))
                items.extend(inner)
                items.append(("close",))
        elif rule.type == "at-rule":
            items.append(("raw", rule.serialize()))
        # parse errors are dropped, as a browser drops them


def _used_properties(items: list, usage: Usage) -> set[str]:
    """Custom properties a kept declaration (or a script) reads, following var() chains to a fixed point."""
    custom: dict[str, list[str]] = {}
    used: set[str] = {word for word in usage.words if word.startswith("--")}
    for item in items:
        if item[0] == "raw":
            used.update(VAR.findall(item[1]))
        elif item[0] == "rule":
            for declaration in item[2]:
                if declaration.type != "declaration":
                    continue
                refs = VAR.findall(tinycss2.serialize(declaration.value))
                if declaration.name.startswith("--"):
                    custom.setdefault(declaration.name, []).extend(refs)
                else:
                    used.update(refs)
    pending = list(used)
    while pending:
        for ref in custom.get(pending.pop(), ()):
            if ref not in used:
                used.add(ref)
                pending.append(ref)
    return used


def _serialise(items: list, used: set[str]) -> str:
    out = []
    for item in items:
        if item[0] == "open":
            out.append(item[1] + "{")
        elif item[0] == "close":
            out.append("}")
        elif item[0] == "raw":
            out.append(item[1])
        else:
            kept = [d for d in item[2] if d.type == "declaration" and (not d.name.startswith("--") or d.name in used)]
            if kept:
                out.append(item[1] + "{" + ";".join(_declaration(d) for d in kept) + "}")
    text = "".join(out)
    while True:  # a grouping rule whose rules all lost their declarations
        shorter = re.sub(r"@(?:media|supports|container|layer)[^{};]*\{\}", "", text)
        if shorter == text:
            return text + "\n"
        text = shorter


def _declaration(declaration) -> str:
    value = tinycss2.serialize(declaration.value).strip()
    return f"{declaration.name}:{value}{'!important' if declaration.important else ''}"
