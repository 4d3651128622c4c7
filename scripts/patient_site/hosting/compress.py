"""Precompressed copies (`name.gz`) beside the site's text files, for nginx's `gzip_static`.

Compressing once at build time at the highest level costs the server nothing per request. The copies are
byte-for-byte reproducible like the rest of the build: a fixed level, gzip's time field 0 and no file name
(`gzip.compress` writes none). Brotli is left out: Debian's nginx has no `brotli_static`, and the hosts that
speak Brotli (Netlify, Cloudflare) compress on their own.
"""

from __future__ import annotations

import gzip
import os
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


def precompress(site: Path, known: dict[str, tuple[int, int]] | None = None, files: list[str] | None = None) -> list[Path]:
    """Write `<file>.gz` beside every text file of at least MIN_SIZE bytes; returns the files compressed.

    `known` (the editor's preview: file -> (size, modification time) when last compressed, and the same of each
    copy made) skips a file whose copy was made from it as it is now, and is updated with what this call wrote;
    `files` are the site's files ("symptoms/index.html") when the caller listed them already.
    """
    if known is not None:
        return _precompress_changed(site, known, files)
    done = []
    for path in sorted(site.rglob("*")):
        if path.is_file() and wants_copy(path, path.stat().st_size):
            path.with_name(path.name + ".gz").write_bytes(gzip_bytes(path.read_bytes()))
            done.append(path)
    return done


def _precompress_changed(site: Path, known: dict[str, tuple[int, int]], files: list[str] | None) -> list[Path]:
    """`precompress` for the files written since `known` was last updated (or whose copy something else wrote
    over, as MkDocs does `sitemap.xml.gz`); a copy of ours beside a file now too small for one goes. Plain
    strings and one `stat` per file: this runs after every save, over every file of the site."""
    done = []
    if files is None:
        files = [os.path.join(folder, name) for folder, _, names in os.walk(site) for name in names]
    else:
        files = [os.path.join(site, name) for name in files]
    for path in files:
        if not path.endswith(TEXT_SUFFIXES):
            continue
        copy = path + ".gz"
        seen = _seen(path)
        if seen[0] < MIN_SIZE:  # as wants_copy: the suffix is one of TEXT_SUFFIXES
            if known.pop(copy, None) is not None:  # ours, from when the file was larger
                os.unlink(copy)
        elif known.get(path) != seen or known.get(copy) != _seen(copy):
            with open(copy, "wb") as out, open(path, "rb") as source:
                out.write(gzip_bytes(source.read()))
            known[path], known[copy] = seen, _seen(copy)
            done.append(Path(path))
    return sorted(done)


def _seen(path: str | Path) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return None
    return stat.st_size, stat.st_mtime_ns


def made_copy(known: dict[str, tuple[int, int]], path: Path) -> bool:
    """Whether `path` is a copy `precompress` wrote and nothing has written over since (see `known`)."""
    return path.suffix == ".gz" and known.get(str(path), False) == _seen(path)
