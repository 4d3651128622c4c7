"""`make screenshots` writes what a patient sees: three pages at phone and desktop width, and the checklist print-out."""

from __future__ import annotations

import struct

from screenshots import A4_WIDTH, PAGES, WIDTHS, take


def png_size(path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])


def test_screenshots_of_each_page_at_each_width_and_the_print_out(site, tmp_path):
    written = take(site.site, tmp_path / "shots")
    expected = {f"{name}-{width}.png": width for width in WIDTHS for name in PAGES} | {"checklist-print.png": A4_WIDTH}
    assert sorted(path.name for path in written) == sorted(expected)
    for path in written:
        width, height = png_size(path)
        assert width == expected[path.name] and height > 500, (path.name, width, height)
