"""Precompressed copies (`name.gz`) beside the site's text files, for nginx's `gzip_static`.

Compressing once at build time at the highest level costs the server nothing per request. The copies are
byte-for-byte reproducible like the rest of the build: a fixed level, gzip's time field 0 and no file name
(`gzip.compress` writes none). Brotli is left out: Debian's nginx has no `brotli_static`, and the hosts that
speak Brotli (Netlify, Cloudflare) compress on their own.
"""

from __future__ import annotations

import gzip
from pathlib import Path

MIN_SIZE = 1024  # below this, a compressed answer saves less than its own headers and a round of CPU
LEVEL = 9
TEXT_SUFFIXES = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")
# For nginx's on-the-fly gzip of a text file without a copy (text/html is always on the list).
GZIP_TYPES = ("text/css", "application/javascript", "text/javascript", "application/json", "application/xml",
              "text/xml", "image/svg+xml", "text/plain")


def gzip_bytes(data: bytes) -> bytes:
    """The same bytes every time for the same input: level 9, time field 0, no file name."""
    return gzip.compress(data, compresslevel=LEVEL, mtime=0)


def wants_copy(path: Path, size: int) -> bool:
    return path.suffix in TEXT_SUFFIXES and size >= MIN_SIZE


def precompress(site: Path) -> list[Path]:
    """Write `<file>.gz` beside every text file of at least MIN_SIZE bytes; returns the files compressed."""
    done = []
    for path in sorted(site.rglob("*")):
        if path.is_file() and wants_copy(path, path.stat().st_size):
            path.with_name(path.name + ".gz").write_bytes(gzip_bytes(path.read_bytes()))
            done.append(path)
    return done
