"""Real nginx for the tests: a built site served with the snippet its own build wrote, on a loopback port.

Test modules import the fixtures they use from here (conftest.py stays as it is).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from local_nginx import INSTALL, nginx_binary, start

from conftest import site_snippet


def serve_with_nginx(site: Path, snippet: Path, work: Path):
    """Serves `site` through nginx with `snippet`; yields the base URL (for fixtures: `yield from ...`)."""
    assert nginx_binary(), f"nginx is missing: run `{INSTALL}` (make test installs it when run as root)"
    kept = work / "snippet.conf"  # a copy: a later build of the same project may rewrite the original
    work.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(snippet, kept)
    server = start(site, kept, work)
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture(scope="session")
def nginx_url(site, tmp_path_factory):
    """The real site (conftest's `site`) served by nginx with deploy/nginx.conf; yields its base URL."""
    yield from serve_with_nginx(site.site, site_snippet(site), tmp_path_factory.mktemp("nginx"))
