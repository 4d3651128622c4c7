"""`make screenshots`: what a patient sees of the main pages, on a phone and a desktop, and the checklist print-out.

Builds the site into a temporary folder, serves it on a loopback port and opens it in Debian's headless
Chromium. Writes PNGs into `screenshots/` (git-ignored): `/`, `/symptoms/` and `/checklist/` at 390 and 1280 px
wide, and the checklist as printed (print media, two symptoms ticked, A4 width). For looking at, not for tests
to compare pixels.
"""

from __future__ import annotations

import argparse
import functools
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from patient_site.mkdocs.commands import strict_build

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"]
PAGES = {"home": "", "symptoms": "symptoms/", "checklist": "checklist/"}
WIDTHS = (390, 1280)
A4_WIDTH = 794  # CSS px of an A4 page at 96 dpi


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _screenshot(page, path: Path) -> None:
    """A full-page screenshot. Hack: on a loaded machine Chromium sometimes answers "Unable to capture screenshot"
    to the first capture of a tall page; one more try after the page has settled is enough."""
    from playwright.sync_api import Error

    try:
        page.screenshot(path=str(path), full_page=True)
    except Error:
        page.wait_for_timeout(1000)
        page.screenshot(path=str(path), full_page=True)


def take(site: Path, out: Path) -> list[Path]:
    """Screenshots of the built `site` into `out`; returns the files written."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    written = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            for width in WIDTHS:
                context = browser.new_context(viewport={"width": width, "height": 900})
                page = context.new_page()
                for name, path in PAGES.items():
                    page.goto(base + path)
                    page.wait_for_load_state("load")
                    written.append(out / f"{name}-{width}.png")
                    _screenshot(page, written[-1])
                context.close()
            context = browser.new_context(viewport={"width": A4_WIDTH, "height": 1123})
            page = context.new_page()
            page.goto(base + "checklist/")
            page.get_by_label("Swelling in the legs or ankles").check()
            page.get_by_label("Tight feeling in your calves").check()
            page.emulate_media(media="print")
            page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")  # fills in today's date
            written.append(out / "checklist-print.png")
            _screenshot(page, written[-1])
            context.close()
            browser.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Screenshots of the main pages and the checklist print-out.")
    parser.add_argument("-f", "--config-file", default="mkdocs.yml")
    parser.add_argument("-o", "--out", default="screenshots")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="screenshots-") as folder:
        if strict_build(Path(args.config_file).resolve(), Path(folder)) != 0:
            print("The site does not build; fix the errors above first.", file=sys.stderr)
            return 1
        for path in take(Path(folder), Path(args.out)):
            print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
