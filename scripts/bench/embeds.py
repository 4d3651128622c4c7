"""`make bench`: the first view of every embed variant, in gzip bytes, against the 30 KB goal.

A benchmark, not a test: it reports sizes. An embed's first view is its HTML plus every stylesheet and
script it links (it loads nothing else: no fonts, no search index, no Material bundle).
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path
from urllib.parse import urljoin

from bs4 import BeautifulSoup

GOAL = 30 * 1024


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def first_view(site: Path, page: Path) -> dict[str, int]:
    """Gzip size of the page and of each file it links, by site path."""
    here = "/" + page.parent.relative_to(site).as_posix() + "/"
    soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    linked = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
    linked += [script["src"] for script in soup.find_all("script", src=True)]
    sizes = {here: gzipped(page)}
    for href in linked:
        path = urljoin(here, href)
        sizes[path] = gzipped(site / path.lstrip("/"))
    return sizes


def main(site: Path) -> int:
    worst = 0
    for page in sorted((site / "embed").glob("*/index.html")):
        sizes = first_view(site, page)
        total = sum(sizes.values())
        worst = max(worst, total)
        print(f"{total / 1024:6.1f} KB gzip in {len(sizes)} requests  {page.parent.relative_to(site)}/")
    print(f"largest embed first view: {worst / 1024:.1f} KB gzip (goal {GOAL // 1024} KB): {'met' if worst <= GOAL else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "site")))
