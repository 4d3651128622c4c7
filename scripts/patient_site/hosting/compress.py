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


def precompress(site: Path, known: dict[str, tuple[int, int]] | None = None) -> list[Path]:
    """Write `<file>.gz` beside every text file of at least MIN_SIZE bytes; returns the files compressed.

    `known` (the editor's preview: file -> (size, modification time) when last compressed, and the same of each
    copy made) skips a file whose copy was made from it as it is now, and is updated with what this call wrote.
    """
    done = []
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        stat = path.stat()
        if not wants_copy(path, stat.st_size):
            if known is not None and path.suffix in TEXT_SUFFIXES:
                path.with_name(path.name + ".gz").unlink(missing_ok=True)  # the last build's copy of a larger file
            continue
        if known is not None:
            seen = (stat.st_size, stat.st_mtime_ns)  # as _seen(path)
            if known.get(str(path)) == seen and path.with_name(path.name + ".gz").is_file():
                continue
            known[str(path)] = seen
        copy = path.with_name(path.name + ".gz")
        copy.write_bytes(gzip_bytes(path.read_bytes()))
        if known is not None:
            known[str(copy)] = _seen(copy)
        done.append(path)
    return done


def _seen(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


def made_copy(known: dict[str, tuple[int, int]], path: Path) -> bool:
    """Whether `path` is a copy `precompress` wrote and nothing has written over since (see `known`)."""
    return path.suffix == ".gz" and str(path) in known and path.is_file() and known[str(path)] == _seen(path)
