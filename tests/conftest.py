"""Shared fixtures: the real site built once per session, loopback servers, Debian's Chromium, hypothesis profiles.

Markers (pytest.ini): `build` for a test that makes a real site build (here or through a fixture), `browser` for one
that drives Chromium, `slow` for anything else slow. A test that builds without the `build` marker, or uses the
browser without `browser`, fails at once, so `make test-fast` (the pure layer) stays fast.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import helpers
import pytest
from helpers import CHROMIUM, CHROMIUM_ARGS, ROOT, Built, build, build_in_process, build_languages, copy_project, serve, tree_digest
from hypothesis import settings

# Example counts live here, not in the tests. On CI the property tests run the same 1,000 generated examples every
# time, so a red run is reproducible and never caused by chance; on a developer's machine fewer, new examples each run
# (failures kept in .hypothesis/). HYPOTHESIS_PROFILE picks one by name.
settings.register_profile("ci", max_examples=1000, derandomize=True, database=None, print_blob=True, deadline=None)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))

# Fixtures that build a site or drive the browser, and the marker a test using them must carry.
MARKER_OF_FIXTURE = {
    "site": "build", "server": "build", "reviewed_site": "build", "reviewed_server": "build", "split": "build",
    "split_server": "build", "library": "build", "languages_site": "build", "languages_server": "build", "origins": "build", "nginx_url": "build", "embedding": "build",
    "browser": "browser", "context": "browser", "wide": "browser", "browsing": "browser", "partitioned_browser": "browser",
}


def pytest_collection_modifyitems(items):
    """A test whose fixtures build or browse must say so with its markers: otherwise `make test-fast` would run it.

    Property tests count as `slow` when the profile asks for more examples than `dev` (on CI: 1,000 each).
    """
    full_count = settings().max_examples > settings.get_profile("dev").max_examples
    for item in items:
        if full_count and getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
            item.add_marker(pytest.mark.slow)
        for fixture in getattr(item, "fixturenames", ()):
            marker = MARKER_OF_FIXTURE.get(fixture)
            if marker and not item.get_closest_marker(marker):
                raise pytest.UsageError(f"{item.nodeid} uses the fixture {fixture!r} but is not marked {marker!r}")


@pytest.fixture(autouse=True)
def _builds_need_the_build_marker(request):
    """Every build helper checks, through this, that the running test is marked `build`.

    Session fixtures are set up before this runs, so their builds pass; the collection check above covers them.
    """

    def allowed():
        if not request.node.get_closest_marker("build"):
            pytest.fail(f"{request.node.nodeid} makes a site build but is not marked 'build'", pytrace=False)

    helpers.build_allowed = allowed
    yield
    helpers.build_allowed = lambda: None


@pytest.fixture(scope="session")
def docs_before() -> dict[str, str]:
    return tree_digest(ROOT / "docs")


@pytest.fixture(scope="session")
def site(tmp_path_factory, docs_before) -> Built:
    """The real site in every language (English at the root, Spanish under /es/), built once per test run as `make site` does."""
    built = build_languages(ROOT, tmp_path_factory.mktemp("site") / "site")
    assert built.returncode == 0, built.log
    # The nginx snippet this build wrote, kept beside it: other tests build mkdocs.yml again and rewrite deploy/.
    shutil.copy(ROOT / "deploy" / "nginx.conf", site_snippet(built))
    return built


def site_snippet(built: Built) -> Path:
    """The nginx snippet written by the build of `site` (a copy of deploy/nginx.conf taken right after it)."""
    return built.site.parent / "nginx.conf"


@pytest.fixture(scope="session")
def languages_site(site) -> Built:
    """The same real site, named for the tests about its languages."""
    return site


@pytest.fixture(scope="session")
def languages_server(server):
    return server


@pytest.fixture(scope="session")
def server(site):
    """Serves the built site on a loopback port; yields its base URL."""
    yield from serve(site.site)


REVIEWED = """\
---
title: What causes leg cramps and pain?
description: "Causes </script of leg pain"
reviewed: 2026-10-01
next_review: 2027-10-01
reviewed_by: "Dr Ada Example, vascular nurse"
sources:
  - {title: "NHS: Leg cramps", url: "https://www.nhs.uk/conditions/leg-cramps/"}
terms:
  - leg cramps
  - leg pain
---
"""


@pytest.fixture(scope="session")
def reviewed_site(tmp_path_factory):
    """The real project with review details (and hostile text in them) on causes.md, built once per session."""
    project = copy_project(tmp_path_factory.mktemp("reviewed"))
    causes = project / "docs" / "causes.md"
    body = causes.read_text("utf-8").split("---\n", 2)[2]
    causes.write_text(REVIEWED + body + "\n<details><summary>More about testing</summary>\n<p>Hidden until opened.</p>\n</details>\n", "utf-8")
    built = build_in_process(project, project / "site")
    assert built.returncode == 0, built.log
    return built


@pytest.fixture(scope="session")
def reviewed_server(reviewed_site):
    yield from serve(reviewed_site.site)


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
