"""`extra.hosting` in mkdocs.yml: header choices that depend on how the site is served, checked once per build.

Only `hsts` for now: `Strict-Transport-Security` pins a host to HTTPS for a year, which is right once the
site is served over HTTPS only and wrong before (a browser would refuse the plain-HTTP site), so it is off
unless the clinic turns it on.
"""

from __future__ import annotations

from dataclasses import dataclass

from patient_site.settings import settings_block

HSTS_VALUE = "max-age=31536000"  # no includeSubDomains: a clinic's other hosts may not all have HTTPS yet


class HostingSettingsError(ValueError):
    """A problem in `extra.hosting`, worded for the person editing mkdocs.yml."""


@dataclass(frozen=True)
class HostingSettings:
    hsts: bool = False  # send Strict-Transport-Security (HTTPS hosts only)

    @classmethod
    def from_mapping(cls, data: object) -> "HostingSettings":
        data = settings_block(data, "extra.hosting", list(cls.__dataclass_fields__), HostingSettingsError)
        hsts = data.get("hsts", False)
        if not isinstance(hsts, bool):
            raise HostingSettingsError(f"extra.hosting.hsts must be true or false, not {hsts!r}")
        return cls(hsts=hsts)
