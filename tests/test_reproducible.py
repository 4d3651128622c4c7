"""The same source always gives the same site: across checkout paths, build times and engines."""

from __future__ import annotations

import gzip
import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import ROOT, copy_project

# One worker runs them all (make test's `--dist loadgroup`): `reference` is built once, and its checkout is built again.
pytestmark = pytest.mark.xdist_group("reproducible")

EPOCH = "1767225600"  # 2026-01-01, standing in for the last commit's time


def manifest(site: Path) -> dict[str, str]:
    """sha256 of every file of a built site, by its path inside the site."""
    return {
        str(path.relative_to(site)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def build_with(command: list[str], project: Path, site: Path, epoch: str) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": epoch}
    done = subprocess.run(
        [*command, "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        capture_output=True, text=True, env=env, cwd=project,
    )
    assert done.returncode == 0, done.stdout + done.stderr


MKDOCS = [sys.executable, "-m", "mkdocs"]  # the MkDocs of the environment running the tests


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> tuple[Path, Path]:
    """(checkout, site): a copy of the project built by MkDocs at EPOCH, which each test below compares a build with."""
    root = tmp_path_factory.mktemp("reproducible")
    checkout = copy_project(root / "checkout-a")
    build_with(MKDOCS, checkout, root / "site-a", EPOCH)
    return checkout, root / "site-a"


@pytest.mark.build
@pytest.mark.slow
def test_two_checkouts_at_two_times_build_identical_sites(tmp_path, reference):
    _, first = reference
    second = copy_project(tmp_path / "elsewhere" / "checkout-b")
    time.sleep(1.1)  # a later second, as a later build would be
    build_with(MKDOCS, second, tmp_path / "site-b", EPOCH)
    a, b = manifest(first), manifest(tmp_path / "site-b")
    assert len(a) > 20
    assert a == b, sorted(name for name in a.keys() | b.keys() if a.get(name) != b.get(name))
    assert "<lastmod>2026-01-01</lastmod>" in (first / "sitemap.xml").read_text()


@pytest.mark.build
@pytest.mark.slow
def test_the_comparison_notices_a_different_date(tmp_path, reference):
    project, first = reference
    build_with(MKDOCS, project, tmp_path / "site-b", str(int(EPOCH) + 86400 * 40))
    a, b = manifest(first), manifest(tmp_path / "site-b")
    assert {name for name in a if a[name] != b[name]} >= {"sitemap.xml", "sitemap.xml.gz"}


def test_make_takes_the_date_from_the_last_commit_unless_given():
    env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    last_commit = subprocess.run(["git", "log", "-1", "--format=%ct"], capture_output=True, text=True, cwd=ROOT, env=env)
    made = subprocess.run(["make", "-s", "source-date-epoch"], capture_output=True, text=True, cwd=ROOT, env=env)
    assert made.stdout.strip() == last_commit.stdout.strip() != ""
    given = subprocess.run(["make", "-s", "source-date-epoch"], capture_output=True, text=True, cwd=ROOT, env={**env, "SOURCE_DATE_EPOCH": "42"})
    assert given.stdout.strip() == "42"


def without_generator(html: str) -> str:
    """A page with the engine's <meta name="generator"> removed: the one place the engines may differ."""
    soup = BeautifulSoup(html, "html.parser")
    for meta in soup.find_all("meta", attrs={"name": "generator"}):
        meta.decompose()
    return str(soup)


def properdocs() -> Path:
    """ProperDocs' command, from PROPERDOCS: `make test` sets it to the one in its own environment (.venv-properdocs)."""
    given = os.environ.get("PROPERDOCS")
    assert given, "PROPERDOCS is not set: run `make test`, or set it to the path of ProperDocs' `properdocs` command"
    path = Path(given)
    assert path.is_file(), f"PROPERDOCS={given} is not a file: run `make test`, which installs ProperDocs in .venv-properdocs"
    return path


@pytest.mark.build
@pytest.mark.slow
def test_properdocs_builds_the_same_site(tmp_path, reference):
    command = properdocs()
    freeze = subprocess.run([str(command.with_name("python")), "-m", "pip", "freeze"], capture_output=True, text=True)
    assert "properdocs==" in freeze.stdout and "\nmkdocs==" not in "\n" + freeze.stdout
    project, mkdocs_site = reference
    build_with([str(command)], project, tmp_path / "properdocs-site", EPOCH)
    a, b = manifest(mkdocs_site), manifest(tmp_path / "properdocs-site")
    assert a.keys() == b.keys()
    for name in a:
        left, right = (mkdocs_site / name), (tmp_path / "properdocs-site" / name)
        if name.endswith(".html"):
            assert without_generator(left.read_text("utf-8")) == without_generator(right.read_text("utf-8")), name
        elif name.endswith(".html.gz"):  # a page's precompressed copy differs where the page does
            assert without_generator(gzip.decompress(left.read_bytes()).decode("utf-8")) == without_generator(
                gzip.decompress(right.read_bytes()).decode("utf-8")), name
        else:
            assert a[name] == b[name], name
