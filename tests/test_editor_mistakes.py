"""Every mistake an editor can plausibly make stops a real strict build with one `path:line:` message and no traceback.

Each case gets its own copy of the docs tree (tests/helpers.py: the real pages plus page.md) with exactly one mistake in it.
The table builds in this process (MkDocs' load_config and build, the messages an editor sees taken from its log), so
it takes seconds; a few representative cases also run the way an editor does, `make site` (scripts/build_site.py) in
its own process, where an exception would print a traceback and a failed build must leave the previous site alone.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from helpers import BASE_NAV, build_in_process, small_project, tree_digest

HEAD = "---\ntitle: A page\ndescription: A page where each test makes its one mistake.\n---\n\n# A page\n\n"


def page(body: str) -> str:
    """page.md with `body` starting on line 8."""
    return HEAD + body + "\n"


def front(lines: str) -> str:
    """page.md whose front matter is exactly `lines` (its first key on line 2)."""
    return f"---\n{lines}\n---\n\n# A page\n\nSome words.\n"


OTHER = "---\ntitle: Other\ndescription: Another page.\n"
MISTAKES = [
    # (id, files to write over the base tree (None deletes), nav or None, where the message must point, what it must say)
    ("yaml-malformed", {"page.md": front("title: A page\ndescription: Broken: because: colons")}, None, "docs/page.md:3:", "not valid YAML"),
    ("yaml-tab-indent", {"page.md": front("title: A page\nterms:\n\t- cramps")}, None, "docs/page.md:4:", "not valid YAML"),
    ("front-matter-is-a-list", {"page.md": front("- title\n- A page")}, None, "docs/page.md:2:", "not a list"),
    ("front-matter-never-closed", {"page.md": "---\ntitle: A page\n\n# A page\n"}, None, "docs/page.md:1:", "never closed"),
    ("key-set-twice", {"page.md": front("title: A page\ntitle: Another")}, None, "docs/page.md:3:", "set twice"),
    ("key-misspelt", {"page.md": front("title: A page\nreviewd: 2026-10-01")}, None, "docs/page.md:3:", "did you mean 'reviewed'?"),
    ("key-unknown", {"page.md": front("title: A page\ncolour: blue")}, None, "docs/page.md:3:", "unknown front-matter key 'colour'"),
    ("terms-not-a-list", {"page.md": front("title: A page\nterms: leg cramps")}, None, "docs/page.md:3:", "'terms' must be a list"),
    ("title-not-text", {"page.md": front("title: [A, page]")}, None, "docs/page.md:2:", "'title' must be text"),
    ("date-impossible", {"page.md": front("title: A page\nreviewed: 2026-13-01")}, None, "docs/page.md:3:", "not a real date"),
    ("date-in-words", {"page.md": front("title: A page\nnext_review: next spring")}, None, "docs/page.md:3:", "must be a date written YYYY-MM-DD"),
    ("review-dates-reversed", {"page.md": front("title: A page\nreviewed: 2026-10-01\nnext_review: 2025-10-01")}, None, "docs/page.md:4:", "must be later than"),
    ("source-not-https", {"page.md": front("title: A page\nsources:\n  - title: A guideline\n    url: http://example.org/x")}, None, "docs/page.md:5:", "https://"),
    ("source-key-misspelt", {"page.md": front("title: A page\nsources:\n  - titel: A guideline\n    url: https://example.org/x")}, None, "docs/page.md:4:", "did you mean 'title'?"),
    ("html-in-title", {"page.md": front("title: <b>Bold</b> page")}, None, "docs/page.md:2:", "contains HTML"),
    ("html-in-description", {"page.md": front('title: A page\ndescription: A page <img src=x onerror="alert(1)">')}, None, "docs/page.md:3:", "contains HTML"),
    ("broken-link", {"page.md": page("See [the other page](gone.md).")}, None, "docs/page.md:8:", "'gone.md'"),
    ("broken-anchor", {"page.md": page("See [swelling](symptoms.md#nowhere).")}, None, "docs/page.md:8:", "anchor '#nowhere'"),
    ("page-missing-from-nav", {"extra.md": "---\ntitle: Extra\ndescription: An extra page.\n---\n\n# Extra\n"}, None, "docs/extra.md:1:", "not in the site's menu"),
    ("nav-names-missing-page", {}, [*BASE_NAV, "gone.md"], "mkdocs.yml:", "'gone.md'"),
    ("raw-link-to-missing-page", {"page.md": page('See <a href="../gone/">the other page</a>.')}, None, "docs/page.md:8:", "leads to no page"),
    ("raw-link-to-markdown-file", {"page.md": page('See <a href="symptoms.md">symptoms</a>.')}, None, "docs/page.md:8:", "points at a Markdown file"),
    ("markers-missing", {"symptoms.md": lambda text: text.replace("<!-- checklist:start -->\n", "").replace("<!-- checklist:end -->\n", "")}, None, "docs/symptoms.md", "no symptom list found"),
    ("markers-list-empty", {"page.md": page("<!-- checklist:start -->\n<!-- checklist:end -->")}, None, "docs/page.md:8:", "is empty"),
    ("markers-twice", {"page.md": page("<!-- checklist:start -->\n- a\n<!-- checklist:end -->\n<!-- checklist:start -->\n- b\n<!-- checklist:end -->")}, None, "docs/page.md:8:", "more than once"),
    ("term-claimed-twice", {"page.md": front("title: A page\nterms:\n  - Example term"), "zz.md": OTHER + "terms:\n  - example  TERM\n---\n\n# Other\n"}, [*BASE_NAV, "zz.md"], "docs/zz.md:5:", "already claimed by docs/page.md"),
    ("title-used-twice", {"page.md": front("title: Another Page"), "zz.md": "---\ntitle: another page\n---\n\n# Other\n"}, [*BASE_NAV, "zz.md"], "docs/zz.md:2:", "already used by docs/page.md"),
    ("title-used-by-generated-page", {"page.md": front("title: Symptom checklist")}, None, "docs/page.md:2:", "already used by the generated page checklist.md"),
    ("page-beside-folder-index", {"page/index.md": "---\ntitle: Folder page\ndescription: Same address.\n---\n\n# Folder page\n"}, None, "docs/page/index.md:1:", "would both be published"),
    ("not-utf-8", {"page.md": page("Caf\xe9 au lait.").encode("latin-1")}, None, "docs/page.md:8:", "not UTF-8"),  # the line of the first byte that is not UTF-8
    ("div-never-closed", {"page.md": page('<div class="note">\n\nImportant words.')}, None, "docs/page.md:8:", "never closed"),
    ("second-div-never-closed", {"page.md": page('<div class="note">\n\nFirst.\n\n</div>\n\n<div class="note">\n\nSecond.')}, None, "docs/page.md:14:", "never closed"),
    ("comment-never-closed", {"page.md": page("<!-- fine -->\n\nWords.\n\n<!-- a note for editors\n\nMore words.")}, None, "docs/page.md:12:", "comment '<!--' is never closed"),
    ("close-tag-never-opened", {"page.md": page("Some words.\n\n</div>")}, None, "docs/page.md:10:", "never opened"),
    ("raw-script", {"page.md": page('Text.\n\n<script>alert("hi")</script>')}, None, "docs/page.md:10:", "raw <script> is not allowed"),
    ("raw-script-inline", {"page.md": page('Text <script>alert("hi")</script> more.')}, None, "docs/page.md:8:", "raw <script> is not allowed"),
    ("raw-iframe", {"page.md": page('<iframe src="https://video.example.com/x"></iframe>')}, None, "docs/page.md:8:", "raw <iframe> is not allowed"),
    ("raw-style", {"page.md": page("<style>body { display: none }</style>")}, None, "docs/page.md:8:", "raw <style> is not allowed"),
    ("raw-form", {"page.md": page('<form action="https://example.org/"><input name="q"></form>')}, None, "docs/page.md:8:", "raw <form> is not allowed"),
    ("raw-on-attribute", {"page.md": page('A <span onclick="steal()">word</span>.')}, None, "docs/page.md:8:", "'onclick'"),
    ("attr-list-on-attribute", {"page.md": page('Click here.\n{: onmouseover="steal()" }')}, None, "docs/page.md:9:", "'onmouseover'"),
    ("raw-style-attribute", {"page.md": page('A <span style="color: red">word</span>.')}, None, "docs/page.md:8:", "'style'"),
    ("javascript-link", {"page.md": page("[Click me](javascript:alert(1))")}, None, "docs/page.md:8:", "not a safe address"),
    ("address-unreadable", {"page.md": page("[Click me](http://[oops)")}, None, "docs/page.md:8:", "not a safe address"),
    ("javascript-link-raw", {"page.md": page('<a href=" JavaScript:alert(1)">Click</a>')}, None, "docs/page.md:8:", "not a safe address"),
    ("table-column-aligned", {"page.md": page("Text.\n\n| Size | Count |\n|------|------:|\n| S    | 2     |")}, None, "docs/page.md:11:", "cannot be aligned"),
    ("image-without-alt", {"page.md": page("Text.\n\n![](assets/chart.png)")}, None, "docs/page.md:10:", "no alt text"),
    ("raw-image-without-alt", {"page.md": page('<img src="assets/chart.png">')}, None, "docs/page.md:8:", "no alt text"),
    ("image-from-another-website", {"page.md": page("![A chart](https://images.example.com/chart.png)")}, None, "docs/page.md:8:", "loaded from another website"),
    ("description-two-sentences", {"page.md": front("title: A page\ndescription: It is about legs. It is also about veins.")}, None, "docs/page.md:3:", "must be one sentence"),
    ("hide-unknown-part", {"page.md": front("title: A page\nhide:\n  - sidebar")}, None, "docs/page.md:3:", "'hide' must be a list of some of"),
    ("video-from-another-website", {"page.md": page('<div markdown>\n<video src="https://videos.example.com/v.mp4"></video>\n</div>')}, None, "docs/page.md:9:", "loaded from another website"),
    ("image-missing", {"page.md": page("![A chart of leg veins](missing.png)")}, None, "docs/page.md:8:", "'missing.png'"),
    ("deep-quotes", {"page.md": page("> " * 1000 + "deep")}, None, "docs/page.md:8:", "nested 1000 levels deep"),
    ("deep-list", {"page.md": page("".join("  " * level + "- item\n" for level in range(400)))}, None, "docs/page.md:", "nest"),
]


def messages(log: str) -> list[str]:
    """The lines an editor reads as problems: MkDocs prints each as "ERROR    -  ..." or "WARNING  -  ..."."""
    return [line for line in log.splitlines() if re.match(r"(ERROR|WARNING)\s+-", line)]


@pytest.mark.build
@pytest.mark.parametrize("files, nav, where, says", [case[1:] for case in MISTAKES], ids=[case[0] for case in MISTAKES])
def test_mistake_stops_the_build_with_one_message_naming_file_and_line(tmp_path, files, nav, where, says):
    project = small_project(tmp_path / "project", files, nav)
    built = build_in_process(project, tmp_path / "site")  # an exception other than MkDocs' own fails the test here
    assert built.returncode != 0, built.log
    assert "Traceback" not in built.log, built.log
    found = messages(built.log)
    assert len(found) == 1, built.log
    assert where in found[0] and says in built.log, built.log


# One of each kind: a front-matter error, a MkDocs link warning given a line, an unsafe-HTML error, a mkdocs.yml menu error.
AS_EDITORS_RUN_IT = ["yaml-malformed", "broken-anchor", "raw-script", "nav-names-missing-page"]


@pytest.mark.build
@pytest.mark.parametrize("files, nav, where, says", [case[1:] for case in MISTAKES if case[0] in AS_EDITORS_RUN_IT],
                         ids=[case[0] for case in MISTAKES if case[0] in AS_EDITORS_RUN_IT])
def test_make_site_stops_on_the_mistake_without_a_traceback_and_keeps_the_site(tmp_path, files, nav, where, says):
    project = small_project(tmp_path / "project", files, nav)
    previous = project / "site"
    previous.mkdir()
    (previous / "index.html").write_text("<p>The site as it was before this build.</p>", "utf-8")
    before = tree_digest(previous)
    done = subprocess.run(
        [sys.executable, "scripts/build_site.py", "--today", "2026-11-24"],
        cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True,
    )
    log = done.stdout + done.stderr
    assert done.returncode != 0, log
    assert "Traceback" not in log, log
    found = messages(log)
    assert len(found) == 1, log
    assert where in found[0] and says in log, log
    assert "site/ was left as it was" in log, log
    assert tree_digest(previous) == before
    assert [path.name for path in project.iterdir() if path.name.startswith(".site-")] == []


def test_at_least_twenty_distinct_mistakes_are_covered():
    assert len({case[0] for case in MISTAKES}) >= 20


SAFE_HTML = """\
<abbr title="chronic venous insufficiency">CVI</abbr> can cause swelling.<br>
Water is H<sub>2</sub>O and 10<sup>3</sup> is a thousand. Press <kbd>Ctrl</kbd> and <span class="note">P</span>.

<div class="note" markdown>

A **boxed** note with a [link](symptoms.md).

</div>

<details>
<summary>More about it</summary>
<p>Hidden words.</p>
</details>

<img src="../assets/site.css" alt="">

<a href="../symptoms/" aria-label="The symptoms page">Symptoms page</a>

| Left | Right |
|------|-------|
| a    | b     |

```html
<script>shown as code, never run</script>
```
"""


@pytest.mark.build
def test_safe_raw_html_keeps_working(tmp_path):
    project = small_project(tmp_path / "project", {"page.md": page(SAFE_HTML)})
    built = build_in_process(project, tmp_path / "site")
    assert built.returncode == 0, built.log
    body = built.soup("page/").select_one("article")
    assert body.find("abbr", title="chronic venous insufficiency").get_text() == "CVI"
    assert body.find("br") and body.find("sub").get_text() == "2" and body.find("kbd").get_text() == "Ctrl"
    note = body.find("div", class_="note")
    assert note.find("strong").get_text() == "boxed" and note.find("a")["href"] == "../symptoms/"
    assert body.find("details").find("summary").get_text() == "More about it"
    assert not body.find("script")
    assert "<script>shown as code, never run</script>" in body.find("pre").get_text()
