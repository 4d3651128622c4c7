"""The folder Zensical builds: the docs with the generated pages laid over them, and a config that lists our extensions.

Zensical wants docs_dir, site_dir and custom_dir inside the config file's folder, reads no hooks and no second
docs folder; so the pre-build step makes one work folder per build (never touching docs/): `docs/` (the
editor's files, hard-linked where the disk allows, plus the generated pages), `overrides/` and `mkdocs.yml`,
the site's own config merged as MkDocs merges INHERIT, with the Markdown extensions added by import path.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import yaml

from patient_site import translations
from patient_site.engine.extension import PatientSite
from patient_site.engine.prepare import Prepared

CONFIG = "mkdocs.yml"
DOCS = "docs"
SITE = "site"
OVERRIDES = "overrides"
MKDOCS_ONLY = ("sitemap.xml",)  # overrides written for MkDocs' template context
DROPPED = ("INHERIT", "hooks", "watch", "site_dir", "docs_dir")  # hooks never run there; paths are the work folder's


def extension_names(config_file: str, build: str) -> list[dict]:
    """Our Markdown extension as a `markdown_extensions` entry, told the site's config file and the build."""
    return [{f"{PatientSite.__module__}:{PatientSite.__name__}": {"config_file": config_file, "build": build}}]


def write_overlay(prepared: Prepared, work: Path) -> Path:
    """Fill `work` (an empty folder) for a Zensical build; returns the config file to build."""
    docs = work / DOCS
    for src in prepared.files.sources:
        target = docs / src
        target.parent.mkdir(parents=True, exist_ok=True)
        _link_or_copy(os.path.join(prepared.config.docs_dir, src), target)
    for item in prepared.files.generated.values():
        target = docs / item.src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(item.content.encode("utf-8") if isinstance(item.content, str) else item.content)
    data = {key: value for key, value in prepared.config.data.items() if key not in DROPPED}
    data["docs_dir"], data["site_dir"] = DOCS, SITE
    theme = dict(prepared.config.theme)
    if prepared.config.custom_dir:
        # Our sitemap.xml override reads MkDocs' template context (`pages`), which Zensical's sitemap lacks: its own is kept.
        shutil.copytree(prepared.config.custom_dir, work / OVERRIDES, ignore=shutil.ignore_patterns(*MKDOCS_ONLY))
        theme["custom_dir"] = OVERRIDES
    if prepared.planned.logo:
        theme["logo"] = prepared.planned.logo
    data["theme"] = theme
    data["extra_css"], data["extra_javascript"] = prepared.planned.extra_css, prepared.planned.extra_javascript
    alternates = translations.alternates(prepared.site, None)
    if alternates:  # the languages' home pages; engine/finish.py points each page's at its own translations
        data["extra"] = {**(data.get("extra") or {}), "alternate": alternates}
    data["markdown_extensions"] = [*(data.get("markdown_extensions") or []), *extension_names(prepared.config.config_file, work.name)]
    config = work / CONFIG
    config.write_text("# Generated for one Zensical build by patient_site/engine/overlay.py; edit "
                      f"{os.path.relpath(prepared.config.config_file)} instead.\n"
                      + yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    return config


def _link_or_copy(source: str, target: Path) -> None:
    try:
        os.link(os.path.realpath(source), target)  # a symbolic link's file, not the link (it would lead nowhere there)
    except OSError:  # another disk, or a file system without hard links
        shutil.copy2(source, target)
