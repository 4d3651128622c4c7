"""Shared fixtures: real strict builds in temporary folders, a loopback server, and Debian's Chromium."""

from __future__ import annotations

import functools
import hashlib
import os
import subprocess
import sys
import threading
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import settings
from bench.project_copy import copy_project  # noqa: F401 (tests import it from here)
from patient_site.settings import SiteSettings, load_settings

# On CI the property tests run the same generated examples every time, so a red run is reproducible and
# never caused by chance; on a developer's machine they explore new examples (kept in .hypothesis/).
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
SETTINGS_CLINIC = {"name": "A clinic", "phone": "555-0100", "website": "https://a.example/",
                   "booking": "https://a.example/b", "emergency_number": "911"}


def load_extra(**blocks) -> SiteSettings:
    """`extra.<block>` settings as a build checks them, from a throwaway mkdocs.yml (messages name its lines).

    A valid clinic is filled in unless given, since every site needs one.
    """
    import tempfile

    import yaml

    extra = {"clinic": SETTINGS_CLINIC, **blocks}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mkdocs.yml"
        path.write_text(yaml.safe_dump({"extra": extra}, sort_keys=False), "utf-8")
        return load_settings(extra, str(path))
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass
class Built:
    """A finished build: its folder and what MkDocs printed."""

    site: Path
    returncode: int
    log: str

    def soup(self, url_path: str) -> BeautifulSoup:
        """The parsed HTML of a page by its URL path, e.g. "checklist/" or ""."""
        return BeautifulSoup((self.site / url_path / "index.html").read_text("utf-8"), "html.parser")


def build(project: Path, site: Path) -> Built:
    """A real, strict `mkdocs build` of `project` into `site`, in its own process like an editor's."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        capture_output=True,
        text=True,
        env=env,
        cwd=project,
    )
    return Built(site, done.returncode, done.stdout + done.stderr)


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="session")
def docs_before() -> dict[str, str]:
    return tree_digest(ROOT / "docs")


@pytest.fixture(scope="session")
def site(tmp_path_factory, docs_before) -> Built:
    """The real site, built once per test run from the repository itself."""
    built = build(ROOT, tmp_path_factory.mktemp("site") / "site")
    assert built.returncode == 0, built.log
    return built


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder: Path):
    """Serves `folder` on a loopback port; yields its base URL (for fixtures: `yield from serve(...)`)."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def server(site):
    """Serves the built site on a loopback port; yields its base URL."""
    yield from serve(site.site)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Debian's Chromium is missing: run `apt-get install chromium` (make test does)"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser):
    """A fresh browser profile per test: nothing a previous test ticked is remembered."""
    context = browser.new_context()
    yield context
    context.close()
