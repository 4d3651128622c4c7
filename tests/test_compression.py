"""Precompressed `.gz` copies: beside every text file above the threshold, identical across builds."""

from __future__ import annotations

import gzip

import pytest

from patient_site.hosting.caching import is_copy
from patient_site.hosting.compress import MIN_SIZE, TEXT_SUFFIXES, gzip_bytes, precompress


def test_a_copy_has_no_time_and_no_name_so_it_is_the_same_every_time():
    data = b"<p>" + b"leg cramps " * 300 + b"</p>"
    packed = gzip_bytes(data)
    assert gzip.decompress(packed) == data and packed == gzip_bytes(data)
    assert packed[3] == 0  # FLG: no FNAME, no comment, no extra field
    assert packed[4:8] == b"\0\0\0\0"  # MTIME 0


def test_precompress_picks_text_files_above_the_threshold(tmp_path):
    files = {"big.html": b"a" * MIN_SIZE, "small.css": b"a" * (MIN_SIZE - 1), "logo.png": b"a" * 5000, "deep/x.json": b"[]" * MIN_SIZE}
    for name, data in files.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_bytes(data)
    done = precompress(tmp_path)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in done) == ["big.html", "deep/x.json"]
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.gz")) == ["big.html.gz", "deep/x.json.gz"]


@pytest.mark.build
def test_every_large_text_file_of_the_site_has_its_copy(site):
    copies = {p for p in site.site.rglob("*.gz")}
    expected = {p.with_name(p.name + ".gz") for p in site.site.rglob("*")
                if p.is_file() and p.suffix in TEXT_SUFFIXES and p.stat().st_size >= MIN_SIZE}
    assert len(expected) > 40
    assert expected <= copies, sorted(str(p) for p in expected - copies)
    assert {p.name for p in copies - expected} <= {"sitemap.xml.gz"}  # MkDocs writes that one for search engines
    for copy in copies:
        assert is_copy(copy)
        data = copy.read_bytes()
        assert gzip.decompress(data) == copy.with_suffix("").read_bytes(), copy
        assert data[3] == 0 and data[4:8] == b"\0\0\0\0", copy
    pages = {p.relative_to(site.site).as_posix() for p in copies}
    assert {"index.html.gz", "symptoms/index.html.gz", "api/index.json.gz", "embed.js.gz"} <= pages
