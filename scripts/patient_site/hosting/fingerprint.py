"""Content-hashed names for the site's own stylesheets and scripts, so hosts may cache them for a year.

Editors name `assets/patient.css` in mkdocs.yml; the build adds a copy at `assets/patient.<hash>.css` and
the pages link to the copy. A changed file gets a new name, so no reader keeps stale code, and an unchanged
one keeps its name across builds, checkouts and engines (the hash is of the bytes only). The plain file stays
for links written by hand and is served with the short policy. `embed.js` is not one of ours here: clinics
paste its URL. Material's own files carry hashes already; `is_hashed` recognises both.
"""

from __future__ import annotations

import hashlib
import posixpath
import re

OWN_ASSET = re.compile(r"assets/[^/]+\.(?:css|js)")  # docs/assets/*.css|js and the generated assets/clinic.css
HASHED = re.compile(r"[^/]+\.[0-9a-f]{8,}(?:\.min)?\.(?:css|js)")  # patient.3f9a1b2c4d.css, bundle.a5f9d56c.min.js
DIGITS = 10


def is_hashed(path: str) -> bool:
    """Whether a site path's file name carries a content hash (ours or Material's)."""
    return bool(HASHED.fullmatch(posixpath.basename(path)))


def is_own_asset(path: str) -> bool:
    """Whether a site path is one of our stylesheets or scripts that gets a hashed copy."""
    return bool(OWN_ASSET.fullmatch(path)) and not is_hashed(path)


def hashed_name(path: str, data: bytes) -> str:
    """`assets/patient.css` -> `assets/patient.<first 10 hex of sha256>.css`."""
    stem, extension = posixpath.splitext(path)
    return f"{stem}.{hashlib.sha256(data).hexdigest()[:DIGITS]}{extension}"


def fingerprint(assets: dict[str, bytes]) -> dict[str, str]:
    """Plain site path -> hashed site path, for those of `assets` (path -> bytes) that are our own."""
    return {path: hashed_name(path, data) for path, data in sorted(assets.items()) if is_own_asset(path)}
