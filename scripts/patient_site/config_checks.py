"""What the build needs of the config outside `extra.*`, checked the same way for every engine.

The MkDocs glue (`MkDocsBuild.start`) and the hook-free pre-build step (`engine/prepare.py`) both call
`check_config` before anything is read, so a config the site cannot honour stops either build with one message.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from patient_site.errors import SiteError
from patient_site.theme.nav_menu import unsupported_features

if TYPE_CHECKING:
    from patient_site.site import SiteBuild


def check_config(site: SiteBuild, use_directory_urls: bool, features, docs_dir: str) -> None:
    """Raise SiteError for a setting the site cannot honour: file-style URLs, a menu shape, no site_url, a missing logo."""
    shown = site.paths.config_shown
    if not use_directory_urls:
        raise SiteError(f"{shown}: use_directory_urls: false is not supported; every page "
                        "lives in its own folder (/symptoms/), which the embeds and for-clinics pages rely on")
    refused = unsupported_features(features)
    if refused:
        raise SiteError(f"{shown}: theme.features: {', '.join(refused)} would change the site menu, "
                        "which patient_site/theme/nav_menu.py writes without them; remove them")
    if not site.site_url:
        raise SiteError(f"{shown}: site_url is missing; the embed snippets need the site's full address")
    logo = site.settings.clinic.logo
    if logo and not os.path.isfile(os.path.join(docs_dir, logo)):
        raise SiteError(f"{site.settings.where('clinic', 'logo')}: extra.clinic.logo {logo!r} is not a file "
                        f"inside {site.paths.docs_shown}/")
