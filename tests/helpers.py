"""What the tests share besides fixtures: real builds (in a process of their own or in this one), the site's pages, a loopback
server, and a docs tree to make one editor mistake in (the real project plus one page, `page.md`).

In the docs tree the real pages stay, so settings other features read from mkdocs.yml (pages they name) keep holding;
each test then writes, changes or deletes the few files its one mistake needs.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from pathlib import Path
from urllib.parse import urljoin

import yaml
from bench.project_copy import copy_project
from bs4 import BeautifulSoup, Comment

from patient_site.settings import load_settings

ROOT = Path(__file__).resolve().parents[1]
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
# The site's pages by URL path; the generated glossary and for-clinics pages come on top.
PAGES = ["", "causes/", "night-cramps/", "chronic-venous-insufficiency/", "symptoms/", "checklist/"]
CONTENT_PAGES = ["causes/", "night-cramps/", "chronic-venous-insufficiency/", "symptoms/"]
ALL_PAGES = [*PAGES, "glossary/"]

__all__ = ["copy_project"]  # tests import it from here


@dataclass
class Built:
    """A finished build: its folder and what MkDocs printed (and, where a fixture keeps it, the project built)."""

    site: Path
    returncode: int
    log: str
    project: Path | None = None

    def soup(self, url_path: str) -> BeautifulSoup:
        """The parsed HTML of a page by its URL path, e.g. "checklist/" or ""."""
        return BeautifulSoup((self.site / url_path / "index.html").read_text("utf-8"), "html.parser")


# Every build helper asks this first, so a test that builds without the `build` marker fails (see conftest.py).
def _any_test_may_build() -> None:
    """Outside a test run (a script using these helpers), every build is allowed."""


build_allowed: Callable[[], None] = _any_test_may_build


def build(project: Path, site: Path) -> Built:
    """A real, strict `mkdocs build` of `project` into `site`, in its own process like an editor's."""
    build_allowed()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        capture_output=True,
        text=True,
        env=env,
        cwd=project,
    )
    return Built(site, done.returncode, done.stdout + done.stderr)


def build_languages(project: Path, site: Path, config: str = "mkdocs.yml", further_first: bool = False) -> Built:
    """Every language of `project` into one site, as `make site` does: its own process per language's build.

    `config`: the site, `mkdocs.yml` or a clinic's file (`clinics/riverside.yml`), as `make site CLINIC=…` names it;
    `further_first`: the further languages built before the first, as `make sites` builds every second site."""
    build_allowed()
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from pathlib import Path; from patient_site.mkdocs.commands import strict_build_all; "
         "sys.exit(strict_build_all(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] == 'yes'))", str(project / config), str(site),
         "yes" if further_first else "no"],
        capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "scripts")},
        cwd=project,
    )
    return Built(site, done.returncode, done.stdout + done.stderr)


class _Records(logging.Handler):
    """Keeps every record the "mkdocs" logger passes on, formatted as the CLI prints them ("ERROR    -  message")."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(f"{record.levelname:<8} -  {record.getMessage()}")


def build_in_process(project: Path, site: Path, strict: bool = True) -> Built:
    """The same strict build as `build`, in this process: MkDocs' own load_config and build, its log captured.

    Returns code 1 where `mkdocs build` would exit non-zero (Abort, PluginError, ConfigurationError, a BuildError).
    Paths are absolute: MkDocs resolves a config's relative paths against the current folder, which we leave alone.
    """
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    build_allowed()
    records = _Records()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(records)
    returncode = 0
    try:
        config = load_config(str(project.resolve() / "mkdocs.yml"), site_dir=str(site.resolve()), strict=strict)
        mkdocs_build(config)
    except MkDocsException as error:  # Abort, PluginError and ConfigurationError, each printed by the CLI as ERROR
        if str(error) and not str(error).startswith("Aborted with"):
            records.lines.append(f"ERROR    -  {error}")
        returncode = 1
    finally:
        logger.removeHandler(records)
    return Built(site, returncode, "\n".join(records.lines))


def tree_digest(folder: Path) -> dict[str, str]:
    """sha256 of every file under `folder`, by its relative path; not the configs `make` puts together (.build/),
    which are written from the sources for every command, as a build's output is."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and ".build" not in path.relative_to(folder).parts[:1]
    }


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder: Path):
    """Serves `folder` on a loopback port; yields its base URL (for fixtures: `yield from serve(...)`)."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


def article(soup):
    return soup.select_one("article.md-content__inner")


def resolve(page: str, href: str) -> str:
    """The site path a relative link on `page` points to, e.g. "symptoms/"."""
    return urljoin("/" + page, href).lstrip("/").split("#")[0]


def symptom_bullets(site) -> list[str]:
    """The bullets of the marked list as the symptoms page shows them."""
    body = article(site.soup("symptoms/"))
    for added in body.select(".site-added"):  # e.g. a glossary term's tooltip: not part of the bullet's words
        added.decompose()
    start = body.find(string=lambda s: isinstance(s, Comment) and s.strip() == "checklist:start")
    assert start is not None, "symptoms page lost its checklist:start marker"
    return [li.get_text(" ", strip=True) for li in start.find_next("ul").find_all("li", recursive=False)]


# --- the docs tree with page.md ---------------------------------------------------------------------------

PAGE = "---\ntitle: A page\ndescription: A page where each test makes its one mistake.\n---\n\n# A page\n\nSome words.\n"


def _real_nav() -> list[str]:
    """The page files the real menu lists, in order (generated ones such as checklist.md included)."""
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    start = config.index("\nnav:\n") + len("\nnav:\n")
    block = config[start : config.index("\n\n", start)]
    names = [line.split("#")[0].strip().lstrip("- ").split(":")[-1].strip() for line in block.splitlines()]
    return [name for name in names if name.endswith(".md")]


REAL_NAV = _real_nav()
BASE_NAV = [*REAL_NAV, "page.md"]

Content = str | bytes | None | Callable[[str], str]


def small_project(dest: Path, pages: dict[str, Content] | None = None, nav: list[str] | None = None) -> Path:
    """A private copy of the project with page.md added; `pages` writes files (None deletes, a function edits); sets the menu."""
    project = copy_project(dest)
    docs = project / "docs"
    for name, content in {"page.md": PAGE, **(pages or {})}.items():
        path = docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if content is None:
            path.unlink()
        elif callable(content):
            path.write_text(content(path.read_text("utf-8")), "utf-8")
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, "utf-8")
    config = (project / "mkdocs.yml").read_text("utf-8")
    start = config.index("\nnav:\n") + 1
    end = config.index("\n\n", start)
    menu = "nav:\n" + "".join(f"  - {page}\n" for page in (nav or BASE_NAV))
    (project / "mkdocs.yml").write_text(config[:start] + menu.rstrip("\n") + config[end:], "utf-8")
    return project


AXE_SOURCE = files("axe_playwright_python").joinpath("axe.min.js").read_text("utf-8")  # axe-core, run in the page
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]  # WCAG 2.2 AA and axe's own advice


def axe_violations(page) -> list[str]:
    """axe-core's WCAG 2.2 AA violations on the page as it is now, each with the elements it found."""
    page.add_script_tag(content=AXE_SOURCE)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return [f"{v['id']}: {[n['target'] for n in v['nodes']]}" for v in result["violations"]]

SETTINGS_CLINIC = {"name": "A clinic", "phone": "555-0100", "website": "https://a.example/",
                   "booking": "https://a.example/b", "emergency_number": "911"}


def load_extra(**blocks):
    """`extra.<block>` settings as a build checks them, from a throwaway mkdocs.yml (messages name its lines).

    A valid clinic is filled in unless given, since every site needs one.
    """
    extra = {"clinic": SETTINGS_CLINIC, **blocks}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mkdocs.yml"
        path.write_text(yaml.safe_dump({"extra": extra}, sort_keys=False), "utf-8")
        return load_settings(extra, str(path))


# A clinic whose name needs escaping, for the modules that render it.
HOSTILE_CLINIC = {"name": "Vein & Co <Clinic>", "phone": "01 23 45", "website": "https://clinic.test/",
                  "booking": "https://clinic.test/book", "emergency_number": "112"}


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def watch_csp(context) -> list[str]:
    """Every Content-Security-Policy violation in any page or frame of `context`, as text."""
    problems: list[str] = []
    context.add_init_script("""
        document.addEventListener('securitypolicyviolation', (e) =>
            console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));
    """)
    context.on("console", lambda message: problems.append(message.text)
               if message.type == "error" and ("CSP" in message.text or "Content Security Policy" in message.text) else None)
    return problems


def wait_until(condition, timeout=5.0) -> bool:
    """Whether `condition()` holds within `timeout` seconds (checked every 50 ms), for what a browser does later."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


# Put before a command that the test stops with Ctrl+C (SIGINT), as an editor stops `make serve`. A test run started in
# the background by a shell without job control (a CI runner's, `cmd &` in a script) ignores SIGINT, and a child
# inherits that: it would then never stop on Ctrl+C. This starts the command with SIGINT as a terminal gives it.
WITH_CTRL_C = [sys.executable, "-c", "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])"]


def free_port() -> int:
    """A loopback port nothing listens on now, for a server a test starts."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch_text(url: str) -> str | None:
    """The page's text, or None while the server is not answering yet."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def edit(path: Path, old: str, new: str) -> None:
    """An editor's change to a file: `old` must still be there."""
    text = path.read_text("utf-8")
    assert old in text, f"{path.name} no longer has {old!r}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def edit_yaml(path: Path, change) -> None:
    """Change a YAML file through `change(data)` (comments are not kept: for a copy of the project only)."""
    import yaml

    data = yaml.safe_load(path.read_text("utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
