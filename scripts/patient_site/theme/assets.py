"""Names of the theme's fingerprinted files, so our templates can load them on demand without copying base.html."""

from __future__ import annotations

from pathlib import Path

BUNDLE_GLOB = "assets/javascripts/bundle.*.min.js"


def material_bundle(theme_dirs: list[str]) -> str | None:
    """The site-relative path of Material's JavaScript bundle ("assets/javascripts/bundle.<hash>.min.js"), if any."""
    for folder in theme_dirs:
        found = sorted(Path(folder).glob(BUNDLE_GLOB))
        if found:
            return found[0].relative_to(folder).as_posix()
    return None
