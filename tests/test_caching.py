"""Caching: our assets get content-hashed copies, and every file falls under exactly one Cache-Control rule."""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from patient_site.hosting.caching import IMMUTABLE, REVALIDATE, cache_rules, is_copy
from patient_site.hosting.fingerprint import fingerprint, hashed_name, is_hashed, is_own_asset
from patient_site.hosting.headers import headers_for, parse_headers_file

SHORT = ("index.html", "404.html", "embed.js", "sitemap.xml", "api/index.json", "api/symptoms.json",
         "oembed/symptoms.json", "search/search_index.json", "embed/symptoms/index.html", "assets/patient.css")


@pytest.mark.parametrize(
    "path, own, hashed",  # site path | gets a hashed copy | already carries a hash
    [
        ("assets/patient.css", True, False),
        ("assets/clinic.css", True, False),
        ("assets/checklist.js", True, False),
        ("embed.js", False, False),  # clinics paste its URL
        ("assets/logos/riverside.svg", False, False),
        ("assets/javascripts/bundle.a5f9d56c.min.js", False, True),  # Material's
        ("assets/stylesheets/main.57a0d79d.min.css", False, True),
        ("assets/javascripts/lunr/min/lunr.de.min.js", False, False),
        ("assets/patient.9399b06d1a.css", False, True),  # our copy is not copied again
        ("assets/javascripts/bundle.a5f9d56c.min.js.map", False, False),
    ],
)
def test_which_files_are_hashed(path, own, hashed):
    assert (is_own_asset(path), is_hashed(path)) == (own, hashed)


def test_hashed_name_follows_the_bytes_only():
    assert hashed_name("assets/site.css", b"a{}") == "assets/site." + hashlib.sha256(b"a{}").hexdigest()[:10] + ".css"
    assert hashed_name("assets/site.css", b"a{}") != hashed_name("assets/site.css", b"b{}")
    assert fingerprint({"assets/a.js": b"1", "embed.js": b"2"}) == {"assets/a.js": hashed_name("assets/a.js", b"1")}


def test_rules_for_a_tree_never_overlap(tmp_path):
    for name in ("index.html", "embed.js", "symptoms/index.html", "assets/site.css", "assets/site.0123456789.css",
                 "assets/js/x.0123abcd.min.js", "assets/js/x.0123abcd.min.js.map", "assets/js/lunr/a.js", "assets/img/a.png"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    rules = [(pattern, {"Cache-Control": value}) for pattern, value in cache_rules(tmp_path)]
    for path in [p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()] + ["symptoms/"]:
        sent = [value for _, value in headers_for(rules, "/" + path)]
        assert sent == [IMMUTABLE if ".0123" in path and not path.endswith(".map") else REVALIDATE], path


def site_files(site: Path) -> list[str]:
    """Every file a reader can be sent: not `_headers`, not a `.gz` copy (nginx sends it in the file's place)."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and p.name != "_headers" and not is_copy(p))


@pytest.mark.build
def test_every_built_file_falls_under_exactly_one_caching_rule(site):
    rules = parse_headers_file((site.site / "_headers").read_text("utf-8"))
    files = site_files(site.site)
    assert len(files) > 60
    for path in files:
        sent = [value for name, value in headers_for(rules, "/" + path) if name == "Cache-Control"]
        assert sent == [IMMUTABLE if is_hashed(path) else REVALIDATE], (path, sent)
    for path in SHORT:
        assert path in files and not is_hashed(path), path
    assert [value for name, value in headers_for(rules, "/symptoms/") if name == "Cache-Control"] == [REVALIDATE]


def linked(site: Path) -> set[str]:
    """Every local file the built pages link to (href, src, and the search files the loader names), as site paths."""
    found = set()
    for page in site.rglob("*.html"):
        url = "/" + page.relative_to(site).as_posix()
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        for tag in soup.find_all(True):
            for attribute in ("href", "src", "data-search", "data-worker"):
                value = tag.get(attribute)
                if value and not urlsplit(value).scheme and not value.startswith(("#", "//", "data:")):
                    path = urlsplit(urljoin(url, value)).path.lstrip("/")
                    found.add(path + "index.html" if path.endswith("/") or not path else path)
    return found


@pytest.mark.build
def test_pages_link_only_hashed_copies_of_our_assets(site):
    links = linked(site.site)
    ours = sorted(path for path in links if path.startswith("assets/") and path.endswith((".css", ".js")))
    assert len(ours) >= 9, ours
    for path in ours:
        assert is_hashed(path), path  # a plain name would be cached stale or fetched every time
        data = (site.site / path).read_bytes()
        if not path.startswith(("assets/javascripts/", "assets/stylesheets/")):  # ours: the hash is of the bytes
            plain = path.rsplit(".", 2)[0] + "." + path.rsplit(".", 1)[1]
            assert hashed_name(plain, data) == path and (site.site / plain).read_bytes() == data
    for path in links:
        assert (site.site / path).is_file(), path
    assert not any(is_hashed(path) for path in links if path.endswith("embed.js"))
