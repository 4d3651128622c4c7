"""`make serve-prod`: the built site served by nginx with the headers the build wrote, as production does.

The server block is listen, root and `include` of the snippet only (scripts/local_nginx.py), so what
the browser gets (Content-Security-Policy, framing, caching, gzip copies, the 404 page) is what a clinic
deploys. Run it after `make site`; Ctrl-C stops nginx.
"""

from __future__ import annotations

import argparse
import signal
import sys
import tempfile
from pathlib import Path

from local_nginx import start

from patient_site.mkdocs.commands import nginx_snippet


def _interrupt(*_) -> None:
    raise KeyboardInterrupt


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args()
    snippet = nginx_snippet(args.config_file)
    if not (args.site_dir / "index.html").is_file() or not snippet.is_file():
        print(f"No built site in {args.site_dir}/ or no {snippet}: run `make site` first.", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="serve-prod-") as work:
        try:
            server = start(args.site_dir, snippet, Path(work), port=args.port)
        except RuntimeError as error:
            print(error, file=sys.stderr)
            return 1
        print(f"Serving {args.site_dir}/ through nginx, with the headers in {snippet}:")
        print(f"  {server.url}   (Ctrl-C stops it)", flush=True)
        signal.signal(signal.SIGTERM, _interrupt)  # a `kill` stops nginx too, as Ctrl-C does
        try:
            server.process.wait()
        except KeyboardInterrupt:
            pass
        finally:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
