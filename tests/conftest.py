"""Shared fixtures: the real site built once per test run, loopback servers, Debian's Chromium, hypothesis profiles.

Markers (pytest.ini): `build` for a test that makes a real site build (here or through a fixture), `browser` for one
that drives Chromium, `slow` for anything else slow. A test that builds without the `build` marker, or uses the
browser without `browser`, fails at once, so `make test-fast` (the pure layer) stays fast.

`make test` runs the tests in parallel (pytest-xdist, a few worker processes; the Makefile says how many), so a
test must never write into the repository or into a folder another test reads:
- A test that changes the project builds a private copy: `copy_project(tmp_path / "project")` or `small_project(...)`
  (helpers.py), then `build_in_process`, `build` or `build_languages` into `tmp_path`. Never build the repository
  itself: a build writes beside its config (`deploy/nginx.conf`), and two builds at once would mix their files.
- A test that only reads a built site takes a fixture: `site` (the real site, every language), `reviewed_site`, or
  a site of its own made once per run with `shared_build` (below), which every worker then reads. A shared site is
  read-only: a test that wants to change one copies it into `tmp_path` first.
- Servers listen on port 0 (or `free_port()`), never on a fixed port.
- A costly fixture that cannot be shared (a site built for its servers' ports, say) is made again by each worker
  that runs a test using it: mark those tests `pytest.mark.xdist_group("<name>")`, and `--dist loadgroup` runs them
  on one worker (tests/test_browser_embeds.py does).
"""

from __future__ import annotations

import fcntl
import os
import pickle
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from hypothesis import settings

import helpers
from helpers import (
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOT,
    Built,
    build_in_process,
    build_languages,
    copy_project,
    serve,
    tree_digest,
)

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
    "shared_build": "build", "mistaken_build": "build", "reviewed_languages": "build", "riverside": "build",
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


T = TypeVar("T")


@pytest.fixture(scope="session")
def shared_build(tmp_path_factory) -> Callable[[str, Callable[[Path], T]], T]:
    """`shared_build(name, make)`: what `make(folder)` returns, made once per test run whatever the number of workers.

    The first worker to ask calls `make` with an empty folder that every worker sees, under a lock; the others wait
    for it and get the same result (pickled beside it). For sites that tests only read, in a session fixture:

        @pytest.fixture(scope="session")
        def my_site(shared_build) -> Built:
            def make(folder: Path) -> Built:
                project = copy_project(folder / "project")
                ...  # the change this site is about
                return build_in_process(project, folder / "site")
            built = shared_build("my-site", make)
            assert built.returncode == 0, built.log
            return built

    Add the fixture's name to MARKER_OF_FIXTURE below ("build"). If `make` fails, nothing is kept: the next worker
    that asks tries again, and fails with its own message.
    """
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # each worker's base folder lies in the run's own, which they share
    shared = base / "shared"
    shared.mkdir(exist_ok=True)

    def once(name: str, make: Callable[[Path], T]) -> T:
        result = shared / f"{name}.pickle"
        with open(shared / f"{name}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes, also if make() fails
            if result.exists():
                return pickle.loads(result.read_bytes())
            folder = shared / name
            shutil.rmtree(folder, ignore_errors=True)  # what a failed attempt left
            folder.mkdir()
            made = make(folder)
            result.write_bytes(pickle.dumps(made))
            return made

    return once


@pytest.fixture(scope="session")
def docs_before() -> dict[str, str]:
    """The repository's docs/ as the run started; the `site` fixture builds a copy of exactly these files."""
    return tree_digest(ROOT / "docs")


@pytest.fixture(scope="session")
def site(shared_build, docs_before) -> Built:
    """The real site in every language (English at the root, Spanish under /es/), built once per test run as `make site` does.

    Built from a copy of the project (`site.project`), so that no test writes into the repository: the build writes
    deploy/nginx.conf beside its config.
    """

    def make(folder: Path) -> Built:
        project = copy_project(folder / "project")
        assert tree_digest(project / "docs") == docs_before
        built = build_languages(project, folder / "site")
        if built.returncode == 0:  # the nginx snippet this build wrote, kept beside it (site_snippet)
            shutil.copy(project / "deploy" / "nginx.conf", site_snippet(built))
        return Built(built.site, built.returncode, built.log, project)

    built = shared_build("site", make)
    assert built.returncode == 0, built.log
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
def reviewed_site(shared_build):
    """The real project with review details (and hostile text in them) on causes.md, built once per test run."""

    def make(folder: Path) -> Built:
        project = copy_project(folder / "project")
        causes = project / "docs" / "causes.md"
        body = causes.read_text("utf-8").split("---\n", 2)[2]
        causes.write_text(REVIEWED + body + "\n<details><summary>More about testing</summary>\n<p>Hidden until opened.</p>\n</details>\n", "utf-8")
        return build_in_process(project, project / "site")

    built = shared_build("reviewed", make)
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


@pytest.fixture
def wide(browser):
    """A fresh profile per test whose viewport the test sets, for axe: it is injected as a script, which a site's
    Content-Security-Policy must not block."""
    context = browser.new_context(bypass_csp=True)
    yield context
    context.close()
