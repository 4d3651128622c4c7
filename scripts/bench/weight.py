"""Page weight in real headless Chromium: requests and bytes of a first view and of a repeat view, per page.

A loopback server serves a built site and records every request it answers; bytes are those files' sizes,
raw and gzip (level 6, as a typical web server) computed here. HTML is sent `no-cache` and other files
`max-age=3600`, as a host would, so a repeat view fetches only what the browser may not reuse. Requests to
any other host are recorded as third-party; the browser runs with NO_OTHER_HOSTS, so none leaves the machine.
"""

from __future__ import annotations

import functools
import gzip
import shlex
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[2]


NO_OTHER_HOSTS = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"


@dataclass
class View:
    """What one page view fetched: (path, raw bytes, gzip bytes) per request, and third-party URLs."""

    requests: list[tuple[str, int, int]] = field(default_factory=list)
    third_party: list[str] = field(default_factory=list)

    @property
    def raw(self) -> int:
        return sum(raw for _, raw, _ in self.requests)

    @property
    def gzip(self) -> int:
        return sum(packed for _, _, packed in self.requests)


class Recorder:
    """A loopback server of `site` that logs what it sends."""

    def __init__(self, site: Path, compress: bool = False):
        self.site = site
        self.compress = compress  # send gzip to browsers that accept it, as a production host does
        self._packed: dict[Path, bytes] = {}
        self.log: list[tuple[str, int, int]] = []
        self._sizes: dict[Path, tuple[int, int]] = {}
        handler = functools.partial(_Handler, directory=str(site), recorder=self)
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def sizes(self, path: Path) -> tuple[int, int]:
        if path not in self._sizes:
            data = path.read_bytes()
            self._sizes[path] = (len(data), len(gzip.compress(data, 6, mtime=0)))
        return self._sizes[path]

    def packed(self, path: Path) -> bytes:
        if path not in self._packed:
            self._packed[path] = gzip.compress(path.read_bytes(), 6, mtime=0)
        return self._packed[path]

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class _Handler(SimpleHTTPRequestHandler):
    def __init__(self, *args, recorder: Recorder, **kwargs):
        self.recorder = recorder
        super().__init__(*args, **kwargs)

    def do_GET(self):
        file = Path(self.translate_path(self.path))
        if file.is_dir() and self.path.split("?")[0].endswith("/"):
            file = file / "index.html"
        if not (self.recorder.compress and file.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().do_GET()
        body = self.recorder.packed(file)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(file)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None

    def end_headers(self):
        html = self.path.split("?")[0].endswith(("/", ".html"))
        self.send_header("Cache-Control", "no-cache" if html else "max-age=3600")
        super().end_headers()

    def log_request(self, code="-", size="-"):
        path = unquote(urlsplit(self.path).path)
        raw = packed = 0
        if code == 200:
            file = Path(self.translate_path(self.path))
            if file.is_dir():
                file = file / "index.html"
            if file.is_file():
                raw, packed = self.recorder.sizes(file)
        self.recorder.log.append((path, raw, packed))

    def log_message(self, *args):
        pass


def page_urls(site: Path) -> list[str]:
    """Every HTML page of a built site as a URL path ("" for the home page), 404 page excluded."""
    urls = []
    for page in sorted(site.rglob("*.html")):
        relative = page.relative_to(site).as_posix()
        if relative == "404.html":
            continue
        urls.append(relative[: -len("index.html")] if relative.endswith("index.html") else relative)
    return urls


def _view(context, recorder: Recorder, url_path: str) -> View:
    view = View()
    page = context.new_page()
    origin = recorder.url.rstrip("/")
    # Recorded here; the browser itself resolves no other host (NO_OTHER_HOSTS), so nothing leaves the machine.
    # (Playwright's request routing would switch the HTTP cache off, and with it the repeat view.)
    page.on("request", lambda request: None if request.url.startswith((origin, "data:")) else view.third_party.append(request.url))
    recorder.log.clear()
    page.goto(recorder.url + url_path, wait_until="load")
    page.wait_for_load_state("networkidle")
    view.requests = list(recorder.log)
    page.close()
    return view


def measure(browser, site: Path, url_paths: list[str] | None = None) -> dict[str, tuple[View, View]]:
    """(first view, repeat view) per page; the repeat view follows a view of another page in the same profile."""
    recorder = Recorder(site)
    try:
        return _first_and_repeat(browser, url_paths if url_paths is not None else page_urls(site),
                                 lambda context, url: _view(context, recorder, url))
    finally:
        recorder.close()


def _first_and_repeat(browser, urls: list[str], view) -> dict:
    """`view(context, url)` of each page in a fresh profile, then again after a view of another page in the same one."""
    results = {}
    for url in urls:
        context = browser.new_context()
        first = view(context, url)
        context.close()
        context = browser.new_context()
        same = [other for other in urls if other != url and _kind(other) == _kind(url)]
        view(context, same[0] if same else next(other for other in urls + [""] if other != url))
        repeat = view(context, url)
        context.close()
        results[url] = (first, repeat)
    return results


def _kind(url_path: str) -> tuple[str, bool]:
    """A page's language and whether it is an embed variant: a repeat view follows a view of the same kind, as a
    reader's does (a patient on a clinic's site opens another embedded page; a site reader another page)."""
    return _language(url_path), "embed" in url_path.split("/")


def _language(url_path: str) -> str:
    """The language folder a page is in ("" for the first language): a repeat view follows a page of its own
    language, as a reader's does; each language's build has its own assets."""
    folder = url_path.split("/", 1)[0]
    return folder if (ROOT / "languages" / folder).is_dir() and folder else ""


def first_search(browser, site: Path, url_path: str, query: str) -> View:
    """What a reader's first search costs after the page has loaded: the requests it adds."""
    def search(page):
        page.click(".md-search__input")
        page.keyboard.type(query)
        page.wait_for_selector(".md-search-result__item", timeout=30000)

    return _requests_of(browser, site, url_path, search)[0]


def _requests_of(browser, site: Path, url_path: str, act) -> tuple[View, object]:
    """What `act(page)` fetches once the page at `url_path` has loaded (its requests until the network is idle
    again), and what `act` returned."""
    recorder = Recorder(site)
    try:
        context = browser.new_context()
        page = context.new_page()
        page.goto(recorder.url + url_path, wait_until="load")
        page.wait_for_load_state("networkidle")
        recorder.log.clear()
        result = act(page)
        page.wait_for_load_state("networkidle")
        view = View(list(recorder.log))
        context.close()
        return view, result
    finally:
        recorder.close()


# --- bytes as nginx sends them -----------------------------------------------------------------------------
# The figures above come from the benchmark's own server (gzip computed here, `max-age=3600`); these come
# from Debian's nginx serving the site with the snippet the build wrote: its .gz copies, its Cache-Control
# (hashed files immutable, HTML revalidated, so a repeat view is 304s), bytes counted by nginx itself.


@dataclass
class Wire:
    """What nginx sent for one page view: (path, status, body bytes, bytes with headers) per request."""

    requests: list[tuple[str, int, int, int]] = field(default_factory=list)

    @property
    def body(self) -> int:
        return sum(body for _, _, body, _ in self.requests)

    @property
    def total(self) -> int:
        return sum(total for _, _, _, total in self.requests)


def _logged(log: Path, start: int) -> list[tuple[str, int, int, int]]:
    """Requests nginx logged after byte `start` of its access log (format: scripts/local_nginx.py LOG_FORMAT)."""
    with log.open("rb") as file:
        file.seek(start)
        lines = file.read().decode("utf-8").splitlines()
    requests = []
    for line in lines:
        status, body, total, _encoding, path = shlex.split(line)
        requests.append((unquote(urlsplit(path).path), int(status), int(body), int(total)))
    return requests


def _wire_view(context, server, url_path: str) -> Wire:
    page = context.new_page()
    start = server.access_log.stat().st_size if server.access_log.exists() else 0
    page.goto(server.url + url_path, wait_until="load")
    page.wait_for_load_state("networkidle")
    page.close()
    return Wire(_logged(server.access_log, start))


def nginx_measure(browser, site: Path, snippet: Path, work: Path, url_paths: list[str] | None = None) -> dict[str, tuple[Wire, Wire]]:
    """(first view, repeat view) per page as sent by nginx with `snippet`; the repeat view follows another page."""
    from local_nginx import start

    server = start(site, snippet, work)
    try:
        return _first_and_repeat(browser, url_paths if url_paths is not None else page_urls(site),
                                 lambda context, url: _wire_view(context, server, url))
    finally:
        server.stop()


# --- the first search's candidates, side by side -----------------------------------------------------------
# Ours (our interface driving Material's worker) is measured above by typing into the page. The other designs
# are measured on the same built site in the same run: Material's own interface (its bundle, which the site
# loaded on the first search before) as the three files that design fetched, and Pagefind (PyPI `pagefind-bin`)
# indexing the same pages and answering the same query through its JavaScript API in Chromium, which is what a
# small interface of ours would drive (its own ready-made interface, `pagefind-ui.js`, is listed beside it).

MATERIAL_SEARCH = ("assets/javascripts/bundle.*.min.js", "assets/javascripts/workers/search.*.min.js", "search/search_index.json")
STEMMERS = ("assets/javascripts/lunr/min/lunr.stemmer.support.min.js", "assets/javascripts/lunr/min/lunr.{lang}.min.js")


def _gzip_of(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 6, mtime=0))


def material_bundle_search(site: Path, language: str) -> View:
    """The files a first search fetched when Material's own interface (its bundle) drove the worker."""
    root = site / language if language else site
    files = [sorted(root.glob(pattern))[0] for pattern in MATERIAL_SEARCH]
    if language:
        files += [root / pattern.format(lang=language) for pattern in STEMMERS]
    return View([(str(file.relative_to(site)), file.stat().st_size, _gzip_of(file)) for file in files])


def pagefind_search(browser, site: Path, work: Path, url_path: str, query: str) -> tuple[View, int]:
    """Pagefind over a copy of the built site: what its API fetches to answer `query` on the page at `url_path`
    (with each of the first ten results' text and excerpt, as a result list shows them), and its UI's script and
    stylesheet in bytes (gzip)."""
    import subprocess
    import sys

    copy = work / "pagefind-site"
    if not copy.exists():
        import shutil

        shutil.copytree(site, copy)
        subprocess.run([sys.executable, "-m", "pagefind_bin", "--site", str(copy), "--output-subdir", "pagefind"],
                       check=True, stdout=subprocess.DEVNULL)
    ui = sum(_gzip_of(copy / "pagefind" / name) for name in ("pagefind-ui.js", "pagefind-ui.css"))
    view, found = _requests_of(browser, copy, url_path, lambda page: page.evaluate("""async query => {
        const pagefind = await import("/pagefind/pagefind.js");
        const search = await pagefind.search(query);
        await Promise.all(search.results.slice(0, 10).map(result => result.data()));
        return search.results.length;
    }""", query))
    if not found:
        raise SystemExit(f"bench: Pagefind found nothing for {query!r} on /{url_path}")
    return view, ui
