"""MkDocs glue for the site's languages: which language a build is, and the selector's links for each page.

The work is done by `patient_site.languages` and `patient_site.translations` (plain data). Material draws the
selector and the head's `<link rel="alternate" hreflang>` from `config.extra.alternate`; we set it for each page
before the page is rendered (as mkdocs-static-i18n does), so both lead to the same page in the other language,
and reset it to the languages' home pages for pages without a source (404).
"""

from __future__ import annotations

from patient_site import translations
from patient_site.languages import Languages
from patient_site.site import SiteBuild


def project_of(config, settings) -> str | None:
    """The project folder, for a build of a language other than the first (None: the config's own folder)."""
    languages = Languages.of_build(settings.languages, config.theme["language"], config.docs_dir)
    return languages.project if languages.active and not languages.is_first else None


def of_build(config, site: SiteBuild) -> Languages | None:
    languages = Languages.of_build(site.settings.languages, site.language, config.docs_dir)
    return languages if languages.active else None


def set_alternates(config, page, site: SiteBuild) -> None:
    if site.languages is None:
        return
    config.extra["alternate"] = translations.alternates(site, site.pages.get(page.file.src_uri) if page else None)
    if page is None:
        site.sitemap_alternates = translations.sitemap_alternates(site)
