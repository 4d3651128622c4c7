"""Which Cache-Control each built file gets, as `_headers` path rules that never overlap.

Files with a content hash in their name (ours, fingerprint.py, and Material's) are cached for a year and never
revalidated; everything else (HTML, `embed.js` whose URL clinics paste, the JSON feeds, `sitemap.xml`, images
and the plain copies of our assets) is revalidated on every use, so an update shows at once. Hosts apply
every rule that matches a path, so no two rules may match one file: a folder holding no hashed file is one
rule (`/name/*`), a folder holding some is named file by file, down to the folders that hold none. A `.gz`
copy is no file of its own to a reader: nginx sends it in place of the file, with the file's headers.
"""

from __future__ import annotations

from pathlib import Path

from patient_site.hosting.fingerprint import is_hashed

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "public, max-age=0, must-revalidate"
NOT_SERVED = ("_headers",)  # read by the host, never sent


def policy(path: str) -> str:
    return IMMUTABLE if is_hashed(path) else REVALIDATE


def is_copy(path: Path) -> bool:
    """A precompressed copy (`name.gz` beside `name`), which hosts send in place of `name`."""
    return path.suffix == ".gz" and path.with_suffix("").is_file()


def hashed_files(site: Path) -> list[str]:
    """Site paths ("assets/patient.3f9a1b2c4d.css") of every hashed file, sorted."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and is_hashed(p.name))


def cache_rules(site: Path) -> list[tuple[str, str]]:
    """(`_headers` path pattern, Cache-Control) for every file of the site, each matched by exactly one."""
    folders_with_hashes = {parent for path in hashed_files(site) for parent in _parents(path)}
    rules = [("/", REVALIDATE)]

    def walk(folder: Path, prefix: str) -> None:
        for entry in sorted(folder.iterdir()):
            path = prefix + entry.name
            if entry.is_dir() and path in folders_with_hashes:
                walk(entry, path + "/")
            elif entry.is_dir():
                rules.extend(([("/" + path, REVALIDATE)] if not prefix else []) + [(f"/{path}/*", REVALIDATE)])
            elif not is_copy(entry) and path not in NOT_SERVED:
                rules.append(("/" + path, policy(path)))

    walk(site, "")
    return rules


def _parents(path: str) -> list[str]:
    parts = path.split("/")[:-1]
    return ["/".join(parts[: n + 1]) for n in range(len(parts))]
