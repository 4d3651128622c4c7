"""`extra.hosting` in mkdocs.yml (checked by patient_site/settings.py): header choices that depend on the host.

Only `hsts` for now: `Strict-Transport-Security` pins a host to HTTPS for a year, which is right once the
site is served over HTTPS only and wrong before (a browser would refuse the plain-HTTP site), so it is off
unless the clinic turns it on.
"""

from __future__ import annotations

from dataclasses import dataclass

HSTS_VALUE = "max-age=31536000"  # no includeSubDomains: a clinic's other hosts may not all have HTTPS yet


@dataclass(frozen=True)
class HostingSettings:
    hsts: bool = False  # send Strict-Transport-Security (HTTPS hosts only)
