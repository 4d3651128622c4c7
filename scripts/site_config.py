"""`make serve` and `make serve-<lang>`: the config MkDocs previews for a site in one language, its path printed.

The project's own site in its first language is mkdocs.yml itself; any other (a clinic, a further language) is put
together from its files (patient_site/composition.py) and written to .build/config/. A mistake in those files is
printed as `file:line: message`, and the command exits 1.
"""

from __future__ import annotations

import argparse
import sys

from patient_site.composition import engine_config
from patient_site.errors import SiteError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Print the config MkDocs reads for a site in one language.")
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", help="mkdocs.yml or clinics/<name>.yml")
    parser.add_argument("--lang", help="a language of the site (default: its first)")
    args = parser.parse_args(argv)
    try:
        print(engine_config(args.config_file, args.lang or None))
    except SiteError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
