"""The built site served by Debian's nginx with the snippet the build wrote: headers, gzip, 404, and Chromium.

nginx runs as one unprivileged process on a loopback port (scripts/local_nginx.py); its server block
is listen, root and `include deploy/nginx.conf`, nothing else. What it sends is compared with what
`_headers` says for the same path, so the two files a clinic may deploy are proven to say the same thing.
"""

from __future__ import annotations

import functools
import gzip
import threading
import time
import urllib.error
import urllib.request
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml
from nginx_server import nginx_url, serve_with_nginx  # noqa: F401 (fixture)

from helpers import build, copy_project, wait_until, watch_csp
from patient_site.hosting.caching import is_copy
from patient_site.hosting.headers import headers_for, parse_headers_file

# Every header either file may set; anything of these that one sends and the other does not is a difference.
COMPARED = ("Content-Security-Policy", "Cache-Control", "Access-Control-Allow-Origin", "X-Content-Type-Options",
            "Referrer-Policy", "Cross-Origin-Opener-Policy", "Permissions-Policy", "Strict-Transport-Security")
TYPE = "vein-guide:height"


pytestmark = [pytest.mark.build, pytest.mark.slow]  # every test here serves a real build through real nginx


def fetch(url: str, gzip_ok: bool = True) -> tuple[int, dict[str, str], bytes]:
    """(status, headers, body as sent) of a GET, accepting gzip like a browser unless told not to."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, dict(response.headers.items()), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers.items()), error.read()


def served_paths(site: Path) -> list[str]:
    """URL paths of every file a reader can be sent, and each folder page at its folder's address."""
    paths = []
    for file in sorted(site.rglob("*")):
        relative = file.relative_to(site).as_posix()
        if file.is_file() and relative != "_headers" and not is_copy(file):
            paths.append("/" + relative)
            if file.name == "index.html":
                paths.append("/" + relative[: -len("index.html")])
    return paths


def test_every_file_is_sent_with_the_headers_of_the_headers_file(site, nginx_url):
    rules = parse_headers_file((site.site / "_headers").read_text("utf-8"))
    paths = served_paths(site.site)
    assert len(paths) > 80
    cors = []
    for path in paths:
        status, sent, body = fetch(nginx_url + path.lstrip("/"))
        assert status == 200, path
        expected = {name: value for name, value in headers_for(rules, path) if name in COMPARED}
        assert {name: sent[name] for name in COMPARED if name in sent} == expected, path
        file = site.site / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))
        copy = file.with_name(file.name + ".gz")
        if copy.is_file():  # gzip_static: the build's own copy, byte for byte
            assert sent.get("Content-Encoding") == "gzip" and body == copy.read_bytes(), path
            assert sent.get("Vary") == "Accept-Encoding", path
        else:
            assert gzip.decompress(body) if sent.get("Content-Encoding") == "gzip" else body == file.read_bytes(), path
        if "Access-Control-Allow-Origin" in sent:
            cors.append(path)
            assert sent["Content-Type"] == "application/json", path
    feeds = ("/api/", "/oembed/", "/es/api/", "/es/oembed/")  # each language has its own (LANGUAGES.md)
    assert cors and all(path.startswith(feeds) and path.endswith(".json") for path in cors), cors
    assert len(cors) == len([p for p in paths if p.startswith(feeds)])


def test_a_missing_page_gets_the_404_page_with_the_site_policy(site, nginx_url):
    rules = dict(parse_headers_file((site.site / "_headers").read_text("utf-8")))
    for path in ("no-such-page/", "symptoms/gone.html", "embed/nothing/", "api/nothing.json"):
        status, sent, body = fetch(nginx_url + path, gzip_ok=False)
        assert status == 404, path
        assert body == (site.site / "404.html").read_bytes(), path
        assert sent["Content-Type"].startswith("text/html") and "Access-Control-Allow-Origin" not in sent, path
        assert sent["Content-Security-Policy"] == rules["/404.html"]["Content-Security-Policy"], path
        assert sent["X-Content-Type-Options"] == "nosniff"


def test_a_revalidated_page_costs_no_body_and_a_hashed_file_says_immutable(site, nginx_url):
    hashed = next(site.site.glob("assets/patient.*.css"))
    assert fetch(nginx_url + hashed.relative_to(site.site).as_posix())[1]["Cache-Control"] == "public, max-age=31536000, immutable"
    status, sent, _ = fetch(nginx_url + "symptoms/")
    request = urllib.request.Request(nginx_url + "symptoms/", headers={"If-None-Match": sent["ETag"], "Accept-Encoding": "gzip"})
    try:
        urllib.request.urlopen(request)
        pytest.fail("expected 304")
    except urllib.error.HTTPError as error:
        assert error.code == 304


# --- in Chromium, through nginx ----------------------------------------------------------------------------


@pytest.mark.browser
def test_every_page_renders_with_no_policy_violation_and_search_works(site, nginx_url, context):
    problems = watch_csp(context)
    page = context.new_page()
    pages = [p for p in served_paths(site.site) if p.endswith("/")]
    assert len(pages) > 15
    for path in pages:
        response = page.goto(nginx_url + path.lstrip("/"), wait_until="networkidle")
        assert response.status == 200 and response.headers["content-encoding"] == "gzip", path
        assert page.locator("main h1, article h1").first.is_visible(), path
    page.goto(nginx_url)
    page.keyboard.press("/")
    page.locator(".md-search__input").press_sequentially("veins")
    page.locator(".md-search-result__item").first.wait_for()
    assert page.locator(".md-search-result__item").count() > 0
    page.goto(nginx_url + "no-such-page/", wait_until="networkidle")
    assert page.locator("h1").first.inner_text() == "404 - Not found"
    assert problems == []


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _listen(host: str, folder: Path) -> ThreadingHTTPServer:
    httpd = ThreadingHTTPServer((host, 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


@pytest.fixture(scope="module")
def embedding(tmp_path_factory):
    """A clinic's page on an allowed loopback origin, a stranger's on another, the site built for them on nginx."""
    root = tmp_path_factory.mktemp("nginx-embedding")
    (root / "clinic").mkdir()
    (root / "stranger").mkdir()
    clinic, stranger = _listen("127.0.0.1", root / "clinic"), _listen("127.0.0.2", root / "stranger")
    clinic_url = f"http://localhost:{clinic.server_address[1]}/"
    project = copy_project(root / "project")
    config = project / "mkdocs.yml"
    data = yaml.safe_load(config.read_text("utf-8"))
    data["extra"]["embed"]["allowed_origins"] = [clinic_url.rstrip("/")]  # the real rules, a loopback origin
    config.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    built = build(project, root / "site")
    assert built.returncode == 0, built.log
    try:
        for site_url in serve_with_nginx(built.site, project / "deploy" / "nginx.conf", root / "nginx"):
            yield {"site": site_url, "clinic": clinic_url, "stranger": f"http://127.0.0.2:{stranger.server_address[1]}/",
                   "clinic_dir": root / "clinic", "stranger_dir": root / "stranger"}
    finally:
        for httpd in (clinic, stranger):
            httpd.shutdown()
            httpd.server_close()


def host_page(folder: Path, name: str, body: str) -> str:
    (folder / name).write_text(f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A clinic</title></head>'
                               f"<body><h1>A clinic's own page</h1>{body}</body></html>", "utf-8")
    return name


@pytest.mark.browser
@pytest.mark.xdist_group("nginx-embedding")  # one worker builds `embedding` for both
def test_embeds_load_in_frames_on_the_allowed_origin_only(embedding, context):
    site = embedding["site"]
    framing = f'<iframe src="{site}embed/symptoms/" title="embed"></iframe><iframe src="{site}symptoms/" title="page"></iframe>'
    page = context.new_page()
    page.goto(embedding["clinic"] + host_page(embedding["clinic_dir"], "frames.html", framing))
    embed, full = [page.locator("iframe").nth(i).element_handle().content_frame() for i in range(2)]
    embed.wait_for_selector("main h1")
    assert embed.locator("h1").inner_text().startswith("What are the symptoms")
    assert wait_until(lambda: full.url.startswith("chrome-error://"))  # the rest of the site: only 'self'

    page.goto(embedding["stranger"] + host_page(embedding["stranger_dir"], "frames.html", framing))
    embed, full = [page.locator("iframe").nth(i).element_handle().content_frame() for i in range(2)]
    assert wait_until(lambda: embed.url.startswith("chrome-error://") and full.url.startswith("chrome-error://"))
    assert not embed.locator("main h1").count()


@pytest.mark.browser
@pytest.mark.xdist_group("nginx-embedding")  # one worker builds `embedding` for both
def test_a_forged_height_message_is_ignored(embedding, context):
    site = embedding["site"]
    problems = watch_csp(context)
    page = context.new_page()
    page.goto(embedding["clinic"] + host_page(embedding["clinic_dir"], "embed.html", (
        f'<div data-vein-guide-embed="symptoms"><a href="{site}symptoms/">Symptoms</a></div>'
        f'<script src="{site}embed.js" async></script>')))
    element = page.locator("iframe").first
    element.wait_for(state="attached")
    frame = element.element_handle().content_frame()
    frame.wait_for_selector("main h1")
    frame.wait_for_load_state("load")
    element.scroll_into_view_if_needed()
    height = lambda: element.evaluate("el => el.getBoundingClientRect().height")  # noqa: E731
    assert wait_until(lambda: height() != 600)  # 600 px is the loader's starting height; the frame reported its own
    settled = height()
    page.evaluate(f"window.postMessage({{type: '{TYPE}', height: 321}}, '*')")  # the clinic page's own window
    frame.evaluate(f"parent.postMessage({{type: '{TYPE}', height: '321'}}, '*')")  # the frame, a wrong shape
    time.sleep(0.5)
    assert height() == settled
    frame.evaluate(f"parent.postMessage({{type: '{TYPE}', height: 321}}, '*')")  # the control: obeyed
    assert wait_until(lambda: height() == 321)
    assert problems == []
