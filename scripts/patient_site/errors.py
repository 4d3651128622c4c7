"""The one kind of error an editor can cause: its message names the file and line to fix (`path:line: …`).

Every feature raises a subclass of `SiteError`; the MkDocs glue turns any of them into MkDocs' PluginError, so a
mistake is printed as one line, without a traceback, and the build exits non-zero.
"""

from __future__ import annotations


class SiteError(ValueError):
    """A mistake in the site's sources or settings, worded for the person who can fix it."""
