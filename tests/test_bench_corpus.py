"""The benchmark's generated library (scripts/bench/corpus.py) has the shape asked for."""

from __future__ import annotations

import pytest
from bench.corpus import layout


@pytest.mark.parametrize("pages", [4, 10, 41, 200, 2000])
def test_a_bench_library_has_exactly_the_pages_asked_and_an_index_per_folder(pages):
    paths = layout(pages)
    assert len(paths) == len(set(paths)) == pages
    folders = {path.rsplit("/", 1)[0] for path in paths if "/" in path}
    assert all(f"{folder}/index.md" in paths for folder in folders)
    assert max(sum(1 for path in paths if path.rsplit("/", 1)[0] == folder) for folder in folders) <= 40
