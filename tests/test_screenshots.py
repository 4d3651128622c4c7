"""`make screenshots` writes what a patient sees: three pages at phone and desktop width, and the checklist print-out."""

from __future__ import annotations

import os
import struct
import subprocess
import sys

import pytest
from screenshots import A4_WIDTH, PAGES, WIDTHS

from helpers import copy_project

pytestmark = [pytest.mark.build, pytest.mark.browser]  # it builds the site and opens it in Chromium, in its own process


def png_size(path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])


def test_screenshots_of_each_page_at_each_width_and_the_print_out(tmp_path):
    # Its own process, as `make screenshots` runs it (Playwright's sync API cannot start inside another test's browser).
    # In a copy of the project: the build writes deploy/ beside mkdocs.yml, as `make site` does.
    project = copy_project(tmp_path / "project")
    out = tmp_path / "shots"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "scripts/screenshots.py", "--out", str(out)], cwd=project, env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    expected = {f"{name}-{width}.png": width for width in WIDTHS for name in PAGES} | {"checklist-print.png": A4_WIDTH}
    assert sorted(path.name for path in out.iterdir()) == sorted(expected)
    for path in out.iterdir():
        width, height = png_size(path)
        assert width == expected[path.name] and height > 500, (path.name, width, height)
