"""The small modules behind the performance work: the bundle finder, the fast checklist path, the bench library."""

from __future__ import annotations

import pytest
from bench.corpus import layout
from patient_site.checklist.symptom_lists import plain_text
from patient_site.frontmatter.reader import split_front_matter
from patient_site.theme.assets import material_bundle


def test_finds_the_fingerprinted_bundle_in_the_first_theme_dir_that_has_one(tmp_path):
    empty, theme = tmp_path / "overrides", tmp_path / "material"
    (theme / "assets" / "javascripts").mkdir(parents=True)
    empty.mkdir()
    (theme / "assets" / "javascripts" / "bundle.1a2b3c.min.js").write_text("")
    (theme / "assets" / "javascripts" / "bundle.1a2b3c.min.js.map").write_text("")
    assert material_bundle([str(empty), str(theme)]) == "assets/javascripts/bundle.1a2b3c.min.js"
    assert material_bundle([str(empty)]) is None


@pytest.mark.parametrize(
    "markdown, text",
    [
        ("Swelling in the legs", "Swelling in the legs"),  # no markup: the fast path
        ("Swelling   in\tthe legs ", "Swelling in the legs"),  # white space runs collapse, as rendered
        ("**Swelling** in the _legs_", "Swelling in the legs"),  # emphasis goes through Markdown
        ("Cramps &amp; spasms", "Cramps & spasms"),
        ("See [a nurse](https://example.org/)", "See a nurse"),
        ("Calf pain \\*", "Calf pain *"),
    ],
)
def test_plain_text(markdown, text):
    assert plain_text(markdown) == text


def test_empty_front_matter_is_an_empty_mapping():
    source = split_front_matter("---\n---\n# Title\n", "page.md")
    assert source.meta == {} and source.body == "# Title\n" and source.body_line == 3


@pytest.mark.parametrize("pages", [4, 10, 41, 200, 2000])
def test_a_bench_library_has_exactly_the_pages_asked_and_an_index_per_folder(pages):
    paths = layout(pages)
    assert len(paths) == len(set(paths)) == pages
    folders = {path.rsplit("/", 1)[0] for path in paths if "/" in path}
    assert all(f"{folder}/index.md" in paths for folder in folders)
    assert max(sum(1 for path in paths if path.rsplit("/", 1)[0] == folder) for folder in folders) <= 40
