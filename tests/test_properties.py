"""Property tests for the two transformations we own, and for the build as a whole.

Failures hypothesis once found and shrank are kept as explicit @example cases.
"""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as etree

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markdown.treeprocessors import Treeprocessor

from helpers import copy_project
from patient_site.checklist.symptom_lists import END, START, ChecklistError, extract_items
from patient_site.markdown.crosslinks import LINK_CLASS, CrossLinkExtension, CrossLinkState, TermIndex, link_terms

PAGES = [
    ("cvi.md", "About CVI", ["chronic venous insufficiency", "venous insufficiency", "CVI"]),
    ("symptoms.md", "Symptoms", ["symptoms of chronic venous insufficiency", "symptoms"]),
    ("causes.md", "Causes", ["leg cramps", "leg pain"]),
    ("night.md", "Night", ["night cramps"]),
]
INDEX = TermIndex.build(PAGES)
FORBIDDEN = {"a", "code", "pre", "kbd", "h1", "h2", "h3", "h4", "h5", "h6"}
EXTENSIONS = ["attr_list", "md_in_html", "toc", "abbr", "sane_lists"]

# ---- a small grammar of editor Markdown, rich in terms and in places where links must not go ----

WORDS = st.sampled_from(
    "leg cramps pain symptoms of chronic venous insufficiency CVI night the and Leg SYMPTOMS Venous "
    "veins swelling ulcers x-ray café naïve 2 % & < > _ * \\ # [ ] ( ) ! ` |".split()
)
phrase = st.lists(WORDS, min_size=1, max_size=6).map(" ".join)
plain_phrase = st.lists(st.sampled_from("leg cramps symptoms of chronic venous insufficiency CVI night veins".split()), min_size=1, max_size=5).map(" ".join)

inline = st.one_of(
    phrase,
    plain_phrase.map(lambda p: f"`{p}`"),
    plain_phrase.map(lambda p: f"*{p}*"),
    plain_phrase.map(lambda p: f"**{p}**"),
    plain_phrase.map(lambda p: f"[{p}](https://example.org/)"),
    plain_phrase.map(lambda p: f"[{p}](symptoms.md)"),
    plain_phrase.map(lambda p: f"<kbd>{p}</kbd>"),
    plain_phrase.map(lambda p: f'<a href="https://example.org/">{p}</a>'),
    plain_phrase.map(lambda p: f"<code>{p}</code>"),
    plain_phrase.map(lambda p: f"<span>{p}</span>"),
    plain_phrase.map(lambda p: f"<abbr title=\"t\">{p}</abbr>"),
)
line = st.lists(inline, min_size=1, max_size=6).map(" ".join)
block = st.one_of(
    line,
    line.map(lambda text: "# " + text),
    line.map(lambda text: "### " + text),
    st.lists(line, min_size=1, max_size=3).map(lambda ls: "\n".join("- " + item for item in ls)),
    line.map(lambda text: "> " + text),
    plain_phrase.map(lambda p: f"```\n{p}\n```"),
    plain_phrase.map(lambda p: f"    {p}"),
    line.map(lambda text: f'<div markdown="1">\n{text}\n</div>'),
    line.map(lambda text: f"<details><summary>{text}</summary>{text}</details>"),
    line.map(lambda text: text + " {: .note }"),
)
document = st.lists(block, min_size=1, max_size=8).map("\n\n".join)
page_names = st.sampled_from([page for page, _, _ in PAGES] + ["other.md"])


class SecondPass(Treeprocessor):
    """Runs the cross-linker a second time right after the first, recording whether anything changed."""

    def __init__(self, md, state, record):
        super().__init__(md)
        self.state, self.record = state, record

    def run(self, root):
        before = etree.tostring(root)
        raw = [str(block) for block in self.md.htmlStash.rawHtmlBlocks]
        self.record["added"] = link_terms(root, self.state.index, self.state.page, raw)
        self.record["changed"] = etree.tostring(root) != before


def render(source: str, page: str | None, record: dict | None = None) -> BeautifulSoup:
    state = CrossLinkState(index=INDEX, page=page)
    md = markdown.Markdown(extensions=[*EXTENSIONS, CrossLinkExtension(state)])
    if record is not None:
        md.treeprocessors.register(SecondPass(md, state, record), "second-pass", 5.5)
    return BeautifulSoup(md.convert(source), "html.parser")


def crosslinks(soup):
    return soup.select(f"a.{LINK_CLASS}")


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(source=document, page=page_names)
@example(source="<kbd>symptoms</kbd> symptoms", page="cvi.md")
@example(source="symptoms of chronic venous insufficiency", page="symptoms.md")
def test_crosslinker_properties(source, page):
    record: dict = {}
    linked = render(source, page, record)
    plain = render(source, None)

    hrefs = [a["href"] for a in crosslinks(linked)]
    # never in a, code, pre, kbd, a heading or another generated link
    for link in crosslinks(linked):
        assert not {parent.name for parent in link.parents} & FORBIDDEN, str(link.parent)
    # never links a page to itself; each page (so each term) at most once
    assert "/" + page not in hrefs
    assert len(hrefs) == len(set(hrefs))
    # visible text, and the tree apart from the links, exactly as without the cross-linker
    for link in crosslinks(linked):
        link.unwrap()
    assert str(BeautifulSoup(str(linked), "html.parser")) == str(BeautifulSoup(str(plain), "html.parser"))
    assert linked.get_text() == plain.get_text()
    # idempotent: a second pass over the linked tree adds nothing and changes nothing
    assert record["added"] == [] and record["changed"] is False


# ---- the symptom-list extractor ----

PIECES = st.one_of(
    st.from_regex(r"[A-Za-z]{1,8}", fullmatch=True).map(lambda w: (w, w)),
    st.from_regex(r"[A-Za-z]{1,8}", fullmatch=True).map(lambda w: (f"*{w}*", w)),
    st.from_regex(r"[A-Za-z]{1,8}", fullmatch=True).map(lambda w: (f"**{w}**", w)),
    st.from_regex(r"[A-Za-z]{1,8}", fullmatch=True).map(lambda w: (f"`{w}`", w)),
    st.from_regex(r"[A-Za-z]{1,8}", fullmatch=True).map(lambda w: (f"[{w}](causes.md)", w)),
    st.sampled_from([("\\*", "*"), ("\\_", "_"), ("\\#", "#"), ("\\[", "["), ("&amp;", "&"), ("café", "café")]),
)
ITEM = st.lists(PIECES, min_size=1, max_size=6)


@st.composite
def marked_list(draw):
    """A body with a marked list; returns (body, expected items)."""
    items = draw(st.lists(ITEM, min_size=1, max_size=10))
    marker = draw(st.sampled_from(["-", "*", "+", "1.", "1)"]))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    lines, expected = [], []
    for position, pieces in enumerate(items):
        markdown_text = " ".join(md for md, _ in pieces)
        expected.append(" ".join(text for _, text in pieces))
        nested = position > 0 and draw(st.booleans())
        indent = "    " if nested else ""
        words = markdown_text.split(" ")
        cut = draw(st.integers(min_value=1, max_value=len(words)))
        lines.append(f"{indent}{marker} {' '.join(words[:cut])}")
        if cut < len(words):  # a continuation line
            lines.append(f"{indent}  {' '.join(words[cut:])}")
    before = draw(st.sampled_from(["", "Here are the symptoms.", "- not this one"]))
    body = newline.join([before, "", START, *lines, END, "", "After the list."])
    return body, expected


@given(marked_list())
@example(("<!-- checklist:start -->\n- \\* star\n<!-- checklist:end -->", ["* star"]))
def test_extractor_returns_exactly_the_bullets(case):
    body, expected = case
    assert extract_items(body, "p.md") == expected


@given(st.text(), st.booleans())
def test_extractor_either_returns_or_fails_cleanly(text, wrapped):
    body = f"{START}\n{text}\n{END}" if wrapped else text
    try:
        result = extract_items(body, "p.md")
    except ChecklistError as error:
        assert str(error).startswith("p.md:")
    else:
        assert result is None or (result and all(isinstance(item, str) and item for item in result))


# ---- the whole build: as many generated pages as the profile's examples (1,000 on CI), built in four batches ----

front_matter_value = st.one_of(st.text(max_size=30), st.integers(), st.none(), st.lists(st.text(max_size=10), max_size=3))


@st.composite
def generated_page(draw):
    """(hostile, front matter without terms, body): well-formed pages should build; hostile ones may be refused."""
    if draw(st.integers(0, 3)) == 0:
        meta = {"title": draw(st.text(min_size=1, max_size=40))}
        if draw(st.booleans()):
            meta[draw(st.from_regex(r"[a-z_]{1,10}", fullmatch=True))] = draw(front_matter_value)
        return True, meta, draw(st.one_of(document, st.text(max_size=200)))
    title = draw(st.from_regex(r"[A-Za-z][A-Za-z ,'?-]{0,30}", fullmatch=True))
    meta = {"title": title, "description": f"A generated page about {title.lower()}."}
    return False, meta, draw(document)


def build_batch(root, pages) -> subprocess.CompletedProcess:
    project = copy_project(root)
    config = yaml.safe_load((project / "mkdocs.yml").read_text("utf-8"))
    config.pop("nav")  # generated pages are not in the nav
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config), "utf-8")
    for number, (hostile, meta, body) in enumerate(pages):
        title = meta["title"] if hostile else f"{meta['title']} {number}"  # editors' titles are unique
        meta = {**meta, "title": title, "terms": [f"topic {number}"]}
        mention = f"See topic {(number * 7 + 3) % len(pages)}."  # cross-links between generated pages
        text = f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n\n{body}\n\n{mention}\n"
        (project / "docs" / f"generated-{number}.md").write_text(text, "utf-8")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(project / "site")],
        capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


@pytest.mark.build
@pytest.mark.slow
def test_the_build_builds_or_stops_cleanly(tmp_path):
    pages: list = []

    @settings(database=None, suppress_health_check=list(HealthCheck))
    @given(generated_page())
    def gather(page):
        pages.append(page)

    gather()  # hypothesis generates the documents; the builds below take a quarter of them at a time (250 on CI)
    assert len(pages) >= settings().max_examples
    size = -(-len(pages) // 4)
    pages.sort(key=lambda page: page[0])  # well-formed first, hostile pages in the last batches
    outcomes = []
    for batch in range(0, len(pages), size):
        done = build_batch(tmp_path / f"batch-{batch}", pages[batch : batch + size])
        log = done.stdout + done.stderr
        assert "Traceback" not in log, log[-3000:]
        if done.returncode != 0:
            assert "ERROR" in log or "WARNING" in log, log[-3000:]
        outcomes.append(done.returncode)
    assert outcomes[0] == 0, "the first batch holds only well-formed pages, which must build"
