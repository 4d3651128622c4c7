"""The clients other than a full browser, run as a reader runs them: Firefox's reader view (Mozilla Readability),
w3m, a link-preview scraper and pdftotext. Each is a real program; these helpers only start it and return its output.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS = Path(__file__).resolve().parent / "clients"
# Both languages: every page a reader reaches from the menu, in English at the root and in Spanish under /es/.
READ_PAGES = [lang + page for lang in ("", "es/")
              for page in ("", "causes/", "night-cramps/", "chronic-venous-insufficiency/", "symptoms/",
                           "checklist/", "glossary/")]


def fetch_html(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def reader_view(url: str) -> dict | None:
    """What Firefox's reader view shows of the page at `url`: {"title", "text", "html"}, or None for no article."""
    done = subprocess.run(["node", str(TOOLS / "reader_view.js"), url], input=fetch_html(url),
                          capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(done.stdout)


def link_preview(url: str) -> dict:
    """The Open Graph and Twitter tags a messaging app reads from the page at `url` (open-graph-scraper)."""
    done = subprocess.run(["node", str(TOOLS / "link_preview.mjs")], input=fetch_html(url),
                          capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(done.stdout)


def w3m_dump(url: str) -> str:
    """The page at `url` as w3m shows it: a text browser that ignores CSS and scripts."""
    assert shutil.which("w3m"), "w3m is missing: run `apt-get install w3m` (make test installs it when run as root)"
    done = subprocess.run(["w3m", "-dump", "-cols", "100", url], capture_output=True, text=True, check=True)
    return done.stdout


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page of `pdf`, as pdftotext reads it."""
    assert shutil.which("pdftotext"), "pdftotext is missing: run `apt-get install poppler-utils` (make test installs it)"
    done = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    return done.stdout.split("\f")[:-1] if done.stdout.endswith("\f") else done.stdout.split("\f")


def squeeze(text: str) -> str:
    """`text` with every run of white space as one space, for phrase checks across line breaks."""
    return " ".join(text.split())
