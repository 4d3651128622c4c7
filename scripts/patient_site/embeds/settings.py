"""`extra.embed` in mkdocs.yml: who may frame the embed variants, checked once per build.

Framing health advice is a trust decision, so the list is explicit: exact origins (scheme, host, optional
port), nothing else. `frame-ancestors` takes them as they are; a typo here would silently let nobody in, so
anything that is not a plain origin stops the build with a message saying what was wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from patient_site.errors import SiteError

DEFAULT_HEIGHT = 900  # a plain <iframe> snippet's fixed height, in CSS pixels
DEFAULT_WIDTH = 720


class EmbedSettingsError(SiteError):
    """A problem in `extra.embed`, worded for the person editing mkdocs.yml."""


def parse_origin(value: object, where: str) -> str:
    """`value` as a normalised origin such as `https://clinic.example.org` or `http://localhost:8123`."""
    if not isinstance(value, str) or not value.strip():
        raise EmbedSettingsError(f"{where} must be a web origin such as https://clinic.example.org, not {value!r}")
    text = value.strip()
    parts = urlsplit(text)
    try:
        port = parts.port
    except ValueError:
        port = -1
    if (
        parts.scheme not in ("https", "http")
        or not parts.hostname
        or port == -1
        or parts.username is not None
        or parts.password is not None
        or parts.path not in ("", "/")
        or parts.query
        or parts.fragment
        or "*" in text
        or any(char.isspace() or char in "';\"," for char in text)
    ):
        raise EmbedSettingsError(
            f"{where} must be only a scheme and host (and port), such as https://clinic.example.org, "
            f"without a path, wildcard or quotes; not {value!r}"
        )
    origin = f"{parts.scheme}://{parts.hostname.lower()}"
    return origin + (f":{port}" if port is not None else "")


@dataclass(frozen=True)
class EmbedSettings:
    """Which other sites may show `/embed/*` pages in a frame, and where the nginx snippet is written."""

    allowed_origins: tuple[str, ...] = ()
    nginx_snippet: str = "deploy/nginx.conf"  # relative to the folder of the config file
    width: int = DEFAULT_WIDTH
    height: int = DEFAULT_HEIGHT
