"""The Zensical glue before its build: the config checked and the one planning call over a walk of docs_dir.

`prepare` makes the `SiteBuild` as `MkDocsBuild.start` does and calls `SiteBuild.plan` (the same call the MkDocs
glue makes in `on_files`) over a `DocsFolder`, which keeps what the planning generates in memory for the work
folder Zensical builds (engine/overlay.py). Nothing is written here.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass

from patient_site import composition
from patient_site.config_checks import check_config
from patient_site.config_file import SiteConfig
from patient_site.docs_folder import DocsFolder, walk_docs
from patient_site.editor.edit_links import edit_base, written
from patient_site.languages import Languages
from patient_site.settings import load_settings
from patient_site.site import Paths, Planned, SiteBuild
from patient_site.theme.nav_order import nav_position


@dataclass
class Prepared:
    """One build's state before Zensical converts a page."""

    config: SiteConfig
    site: SiteBuild
    files: DocsFolder
    planned: Planned

    @functools.cached_property
    def pages_by_text(self) -> dict:
        """Each page by its body and by its whole text, for engines that do not say which page converts."""
        found = {}
        for page in self.site.pages:
            found.setdefault(page.text.strip(), page)
            found.setdefault(page.source.body.strip(), page)
        return found


def prepare(config_file: str) -> Prepared:
    """Read, check and plan everything the build knows before conversion; raises SiteError (`path:line: message`)."""
    composition.check(config_file)
    config = SiteConfig.read(config_file)
    data = config.data
    settings = load_settings(config.extra, config.config_file)
    languages = Languages.of_build(settings.languages, config.language, config.docs_dir)
    # A generated config (patient_site/composition.py) and a translation's build name files from the project folder.
    project = composition.project_of(config.config_file) or (languages.project if languages.active and not languages.is_first else None)
    own = composition.own_file(config.config_file)  # the file an editor wrote, not the generated one
    site = SiteBuild(paths=Paths(project or os.path.dirname(own), own, config.docs_dir, project), settings=settings,
                     site_url=config.site_url, site_name=str(data.get("site_name") or ""), language=config.language)
    site.languages = languages if languages.active else None
    check_config(site, data.get("use_directory_urls") is not False, config.theme.get("features"), config.docs_dir)
    site.edit_base = edit_base(data.get("repo_url"), data.get("edit_uri"), written(site.paths, "edit_uri"))
    files = DocsFolder(config.docs_dir, site.paths, walk_docs(config.docs_dir))
    planned = site.plan(files, nav_position(data.get("nav")), config.extra_css, config.extra_javascript)
    return Prepared(config, site, files, planned)
