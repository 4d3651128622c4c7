"""`extra.conditions` checked against the pages the build has, for every engine (MkDocs glue and pre-build step)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from patient_site.errors import SiteError

if TYPE_CHECKING:
    from patient_site.site import SiteBuild


def check_conditions(site: SiteBuild, is_file: Callable[[str], bool]) -> None:
    """Each condition names pages that exist, and takes its symptoms from a page with a marked list."""
    with_lists = {symptoms.page for symptoms in site.symptom_lists}
    for number, condition in enumerate(site.settings.conditions):
        for page in condition.pages:
            if not is_file(page):
                raise SiteError(f"{site.settings.where('conditions', number, 'pages')}: extra.conditions "
                                f"'{condition.name}' names {page}, which is not a page")
        if condition.symptoms_from and condition.symptoms_from not in with_lists:
            raise SiteError(
                f"{site.settings.where('conditions', number, 'symptoms_from')}: extra.conditions '{condition.name}' takes symptoms from "
                f"{condition.symptoms_from}, which has no marked symptom list")
