"""Addresses inside the built site: where a link on a page leads, and how to write it from another folder.

Every page lives in its own folder (`symptoms/`; `use_directory_urls: false` is refused when a build starts),
so a site path is a folder path like "symptoms/", or a file path like "assets/patient.css".
"""

from __future__ import annotations

import functools
import posixpath
from urllib.parse import urljoin, urlsplit, urlunsplit

# A host name that cannot exist; only used to resolve a relative link against the site's own folders.
_HERE = "site.invalid"


def site_path(page_url: str, href: str) -> tuple[str, str] | None:
    """(site path, fragment) of a link written on the page at `page_url`, or None when it leaves the site.

    "index.html" at the end is dropped: "causes/index.html" and "causes/" are one page.
    """
    try:
        joined = urlsplit(urljoin(f"https://{_HERE}/{page_url}", href.strip()))
    except ValueError:  # e.g. "http://[": no address at all
        return None
    if joined.scheme != "https" or joined.netloc != _HERE:
        return None
    path = joined.path.lstrip("/")
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    return path, joined.fragment


def relative_url(target: str, here: str) -> str:
    """The link from the folder `here` (e.g. "embed/causes/") to the site path `target`."""
    to, start = _segments(target), _segments(here.rpartition("/")[0])
    if to is None or start is None:  # "..", "." or "//" in a path: posixpath resolves them
        return _relative_url_resolved(target, here)
    common = 0
    for a, b in zip(to, start):
        if a != b:
            break
        common += 1
    relative = "/".join([".."] * (len(start) - common) + to[common:])
    if target.endswith("/") or target == "":
        return relative + "/" if relative else "./"
    return relative or "."


def _segments(path: str) -> list[str] | None:
    """A site path's folder names ("a/b/" and "a/b": ["a", "b"]; "": []); None when it has ".", ".." or "//"."""
    parts = path.removesuffix("/").split("/") if path else []
    return None if "" in parts or "." in parts or ".." in parts else parts


def _relative_url_resolved(target: str, here: str) -> str:
    """`relative_url` the slow way, for paths with "." or ".." in them (every related link of every page takes the
    fast way: this one cost a tenth of a preview rebuild at 2,000 pages)."""
    start = "/" + here if here.endswith("/") else posixpath.dirname("/" + here)
    relative = posixpath.relpath("/" + target, start.rstrip("/") or "/")
    if target.endswith("/") or target == "":
        relative = relative.rstrip("/") + "/" if relative != "." else "./"
    return relative


@functools.lru_cache(maxsize=16384)  # every page's address, asked again by each `make serve` rebuild
def absolute(site_url: str, path: str) -> str:
    """A site path as a full address under `site_url`."""
    return urlunsplit(urlsplit(urljoin(site_url, path)))


def source_link(target: str, page: str | None) -> str:
    """A link to the source file `target` from the page `page` ("../symptoms.md#x" style): every engine resolves a
    Markdown link to a source file from the page's own folder, and checks it."""
    path, hash_, fragment = target.partition("#")
    return posixpath.relpath(path, posixpath.dirname(page or "") or ".") + hash_ + fragment
