"""`make serve`: the live preview of every language at once, at their published addresses (patient_site/mkdocs/serve.py)."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from mkdocs.exceptions import Abort

from patient_site.mkdocs.serve import serve


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--dev-addr", default=None, help="host:port (default: the config's dev_addr, 127.0.0.1:8000)")
    args = parser.parse_args(argv)
    handler = logging.StreamHandler()  # MkDocs' messages, as its own command line shows them
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    try:
        serve(args.config_file, args.dev_addr)
    except Abort as stopped:  # a mistake in the first build: MkDocs has said what and where, as `mkdocs serve` does
        raise SystemExit(str(stopped)) from None


if __name__ == "__main__":
    main()
