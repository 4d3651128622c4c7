"""The clinic's colour as a small generated stylesheet, so no page needs an inline style.

Material colours its header, links and buttons from CSS custom properties set on `body` by its palette;
a rule on `body[data-md-color-primary]` outranks the palette's `[data-md-color-primary=…]`, and `:root`
covers the embed pages, which carry no Material palette at all.
"""

from __future__ import annotations

import re

HEX = re.compile(r"#[0-9a-fA-F]{6}")
STYLESHEET = "assets/clinic.css"


def _mix(color: str, other: tuple[int, int, int], amount: float) -> str:
    """`color` moved `amount` of the way towards `other`, as #rrggbb."""
    channels = [int(color[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(c + (o - c) * amount) for c, o in zip(channels, other)]
    return "#" + "".join(f"{c:02x}" for c in mixed)


def accent_css(color: str) -> str:
    """Custom-property overrides that make `color` the site's primary and accent colour."""
    if not HEX.fullmatch(color):
        raise ValueError(f"an accent colour must be #rrggbb, not {color!r}")
    color = color.lower()
    light, dark = _mix(color, (255, 255, 255), 0.25), _mix(color, (0, 0, 0), 0.25)
    return (
        "/* Generated at build time from extra.clinic.accent_color in the site's configuration. */\n"
        ":root,\nbody[data-md-color-primary],\nbody[data-md-color-accent] {\n"
        f"  --md-primary-fg-color: {color};\n"
        f"  --md-primary-fg-color--light: {light};\n"
        f"  --md-primary-fg-color--dark: {dark};\n"
        f"  --md-accent-fg-color: {dark};\n"
        f"  --md-accent-fg-color--transparent: {color}1a;\n"
        f"  --md-typeset-a-color: {color};\n"
        f"  --clinic-accent: {color};\n"
        "}\n"
    )
