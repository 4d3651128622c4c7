"""Names of the theme's fingerprinted files, so our templates can load them on demand without copying base.html."""

from __future__ import annotations

from pathlib import Path

BUNDLE_GLOB = "assets/javascripts/bundle.*.min.js"
WORKER_GLOB = "assets/javascripts/workers/search.*.min.js"


def material_bundle(theme_dirs: list[str]) -> str | None:
    """The site-relative path of Material's JavaScript bundle ("assets/javascripts/bundle.<hash>.min.js"), if any."""
    return _first(theme_dirs, BUNDLE_GLOB)


def search_worker(theme_dirs: list[str]) -> str | None:
    """The site-relative path of Material's search worker ("assets/javascripts/workers/search.<hash>.min.js"), if any:
    our search interface (docs/assets/search.js) drives it."""
    return _first(theme_dirs, WORKER_GLOB)


def _first(theme_dirs: list[str], pattern: str) -> str | None:
    for folder in theme_dirs:
        found = sorted(Path(folder).glob(pattern))
        if found:
            return found[0].relative_to(folder).as_posix()
    return None
