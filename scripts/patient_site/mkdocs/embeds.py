"""MkDocs glue for what is written after the build: embed variants, API and oEmbed JSON, headers (embeds/output.py)."""

from __future__ import annotations

from pathlib import Path

from patient_site.embeds.output import TEMPLATE, write_outputs
from patient_site.preview import PreviewCache
from patient_site.site import SiteBuild


def write(config, site: SiteBuild, kept: PreviewCache | None = None, shared: bool = False) -> None:
    """Write the embed pages and JSON files into the built site, then check every page and write the headers.

    The editor's preview passes what it kept of the last build (see `write_outputs`); a build passes nothing, and
    `shared` when it logged no warning (embeds/shared_parts.py)."""
    template = config.theme.get_env().get_template(TEMPLATE)
    write_outputs(Path(config.site_dir), site, template.render, list(site.styles.own) or [str(css) for css in config.extra_css],
                  [str(script) for script in config.extra_javascript],  # embeds link our own stylesheets, not the page bundle
                  kept=kept, shared=shared)
