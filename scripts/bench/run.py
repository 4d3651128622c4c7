"""`make bench`: build scaling, page weight, Lighthouse and editor-preview figures, written to BENCHMARKS.md.

Figures, not pass/fail tests. Every build runs `mkdocs build --strict` in its own process (as an editor's
would), timed by the wall clock, its peak memory read from the child's rusage. Builds of one library size
are interleaved (ours, plain, default in a rotating order) so a busy machine slows each variant alike, and
every ratio compares medians measured in the same run. Every timed build writes a fresh folder and nothing is
deleted until the timing is over: on this machine's disk, deleting a few thousand files slowed the file writes
of the builds after it by seconds of system time, which charged each build for the one before it.
`BENCH_QUICK=1` runs a small version for development.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # scripts/, for `bench.*`: Python adds only scripts/bench

import bench.clinics as bench_clinics
import bench.corpus as bench_corpus
import bench.languages as bench_languages
import bench.report as bench_report
import bench.reviews as bench_reviews
import bench.weight as bench_weight
from bench.project_copy import copy_project
from bench.timer import ENVIRONMENT as TIMINGS_VARIABLE
from patient_site.composition import CACHE

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [  # as tests/conftest.py
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
VARIANTS = ("ours", "material-menu", "plain", "default")
NGINX_PAGES = ["", "causes/", "checklist/", "glossary/", "for-clinics/", "embed/symptoms/",
               "es/", "es/checklist/", "es/for-clinics/"]
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@dataclass
class Build:
    seconds: float  # wall clock
    cpu: float  # user + system seconds of the build process: steadier than the wall clock on a shared machine
    peak_mb: float
    extra_seconds: float = 0.0  # of those, spent on pages only our build writes (measured inside it)
    extra_cpu: float = 0.0
    extra_pages: int = 0


@dataclass
class Scale:
    """One library size: each variant's runs, and what our build wrote."""

    pages: int
    runs: dict[str, list[Build]] = field(default_factory=lambda: {name: [] for name in VARIANTS})
    outputs: dict[str, int] = field(default_factory=dict)  # HTML files written, per variant
    html_gzip: dict[str, list[int]] = field(default_factory=dict)  # gzip bytes of each content page's HTML
    checklist_gzip: int = 0  # the largest checklist page

    def median_core(self, variant: str) -> float:
        """Wall seconds without the time spent on extra pages: the pages both builds write."""
        return statistics.median(run.seconds - run.extra_seconds for run in self.runs[variant])

    def median_core_cpu(self, variant: str) -> float:
        return statistics.median(run.cpu - run.extra_cpu for run in self.runs[variant])

    def extra(self, variant: str = "ours") -> tuple[float, float, int]:
        """Median wall and CPU seconds our build spent on its extra pages, and how many there were."""
        runs = self.runs[variant]
        return (statistics.median(run.extra_seconds for run in runs), statistics.median(run.extra_cpu for run in runs),
                max(run.extra_pages for run in runs))

    def median(self, variant: str) -> float:
        return statistics.median(run.seconds for run in self.runs[variant])

    def median_cpu(self, variant: str) -> float:
        return statistics.median(run.cpu for run in self.runs[variant])

    def peak(self, variant: str) -> float:
        return max(run.peak_mb for run in self.runs[variant])


def timed_build(config: Path, site: Path) -> Build:
    """One strict build in a child process: wall-clock seconds, the child's peak resident memory, and the time
    the timer hook reports spent on extra pages (scripts/bench/timer_hook.py, listed by the configs of
    scripts/bench/corpus.py; nothing for builds without it). Each build starts from an empty shared store (the
    project's .build/cache/, which a build of the same pages would otherwise reuse): one build's whole cost."""
    shutil.rmtree(site, ignore_errors=True)
    shutil.rmtree(config.parent / CACHE, ignore_errors=True)
    timings = site.parent / f"{site.name}-timings.json"
    timings.unlink(missing_ok=True)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config), "-d", str(site)]
    start = time.perf_counter()
    child = subprocess.Popen(command, env={**ENV, TIMINGS_VARIABLE: str(timings)}, cwd=config.parent,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = child.stdout.read()
    child.stdout.close()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"bench: the build of {config} failed:\n{output.decode(errors='replace')}")
    extra = json.loads(timings.read_text("utf-8")) if timings.exists() else {}
    return Build(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
                 extra.get("wall_seconds", 0.0), extra.get("cpu_seconds", 0.0), extra.get("extra_pages", 0))


def html_sizes(site: Path) -> tuple[list[int], int]:
    """Gzip bytes of each page's HTML (embed variants and checklist pages too), and of the largest checklist page."""
    sizes, checklist = [], 0
    for page in site.rglob("*.html"):
        if page.name == "404.html":
            continue
        packed = len(gzip.compress(page.read_bytes(), 6, mtime=0))
        sizes.append(packed)
        if page.relative_to(site).parts[0] == "checklist":
            checklist = max(checklist, packed)
    return sorted(sizes), checklist


def scaling(sizes: list[int], runs: int, work: Path, variants: tuple[str, ...] = VARIANTS,
            sizes_of_html: bool = True) -> list[Scale]:
    results = []
    for pages in sizes:
        folder = work / f"library-{pages}"
        docs = folder / "docs"
        count = bench_corpus.write_library(pages, docs, ROOT / "docs")
        configs = bench_corpus.write_configs(ROOT, folder, docs, "index.md")
        scale = Scale(count)
        for run in range(runs):
            order = variants[run % len(variants):] + variants[: run % len(variants)]
            for variant in order:
                if variant in ("default", "material-menu") and run > 0:
                    continue  # one run each (15-minute budget): default Material is slower by tens, its one figure is
                    # ratio enough; `material-menu` only splits the hook's cost between the menu writer and the rest
                build = timed_build(configs[variant], folder / f"site-{variant}-{run + 1}")
                scale.runs[variant].append(build)
                print(f"bench: {count} pages, {variant}, run {run + 1}: {build.seconds:.2f} s, {build.cpu:.2f} s CPU, "
                      f"{build.peak_mb:.0f} MB, extra pages {build.extra_pages} in {build.extra_seconds:.2f} s", flush=True)
        for variant in variants:
            site = folder / f"site-{variant}-1"
            scale.outputs[variant] = sum(1 for page in site.rglob("*.html") if page.name != "404.html")
            if not sizes_of_html:
                continue
            sizes_, checklist = html_sizes(site)
            scale.html_gzip[variant] = sizes_
            if variant == "ours":
                scale.checklist_gzip = checklist
        results.append(scale)
    return results  # the libraries and their sites are deleted with the work folder, after every timing




def real_sites(work: Path) -> dict[str, Path]:
    """The real site built by us, and by plain Material (same content and theme settings, no hook or overrides)."""
    project = copy_project(work / "project")
    from patient_site.composition import configs as composed_configs

    for n, (lang, config) in enumerate(composed_configs(project / "mkdocs.yml")):  # every language, as make site builds it
        timed_build(config, work / "site-ours" / ("" if n == 0 else lang))
    configs = bench_corpus.configs(ROOT, project / "docs", "symptoms.md")
    plain = configs["plain"]
    plain["nav"] = [entry for entry in bench_corpus.load_mkdocs_yml(ROOT).get("nav", [])
                    if "checklist.md" not in json.dumps(entry)]  # the checklist is the hook's page
    path = work / "plain.yml"
    path.write_text(json.dumps(plain), "utf-8")  # JSON is YAML
    timed_build(path, work / "site-plain")
    return {"ours": work / "site-ours", "plain": work / "site-plain"}


def page_weight(sites: dict[str, Path], snippet: Path, work: Path) -> dict:
    """Page views measured in Chromium from our own recorder, and ours again as sent by nginx with the built snippet."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, bench_weight.NO_OTHER_HOSTS], headless=True)
        try:
            views = {name: bench_weight.measure(browser, site) for name, site in sites.items()}
            search = {name: bench_weight.first_search(browser, site, "", "cramps") for name, site in sites.items()}
            search["ours-es"] = bench_weight.first_search(browser, sites["ours"], "es/", "calambres")
            # The designs the first search could have, on the same site, query and run (bench/weight.py says how).
            candidates = {
                "material-bundle": bench_weight.material_bundle_search(sites["ours"], ""),
                "material-bundle-es": bench_weight.material_bundle_search(sites["ours"], "es"),
                "pagefind": bench_weight.pagefind_search(browser, sites["ours"], work, "", "cramps"),
                "pagefind-es": bench_weight.pagefind_search(browser, sites["ours"], work, "es/", "calambres"),
            }
            # What nginx sends, on one page of each kind in each language (the recorder above measures every page).
            nginx = bench_weight.nginx_measure(browser, sites["ours"], snippet, work / "nginx", NGINX_PAGES)
        finally:
            browser.close()
    return {"views": views, "search": search, "candidates": candidates, "nginx": nginx}


def lighthouse(site: Path, pages: list[str], work: Path, runs: int = 3, label: str = "lighthouse") -> dict[str, dict]:
    """Lighthouse (mobile, all four categories) on each page, `runs` times, served gzip-compressed from a loopback
    server: each category's median and lowest score, the median first and largest contentful paint, render-blocking requests."""
    recorder = bench_weight.Recorder(site, compress=True)
    try:
        return _lighthouse_pages(recorder.url, pages, work, runs, label)
    finally:
        recorder.close()


def paint_over_http2(site: Path, snippet: Path, pages: list[str], work: Path, runs: int = 3) -> dict[str, dict]:
    """The paint check: Lighthouse again on `pages`, the site sent by nginx with its snippet over HTTPS and HTTP/2,
    as the deploy guide's hosts send it (a certificate made for this run; Chromium told to trust it).

    Why (BENCHMARKS.md, "Largest contentful paint"): Lighthouse's simulated phone charges every request that
    finished before the largest paint with a connection of its own on HTTP/1, and with the page's one connection on
    HTTP/2. Where largest paint equals first paint here, the gap on the loopback HTTP/1 server is that charge."""
    from local_nginx import start

    if not shutil.which("openssl"):
        raise SystemExit("bench: the paint check needs openssl for its certificate. Run: sudo apt-get install openssl")
    folder = work / "http2"
    folder.mkdir(parents=True, exist_ok=True)
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
                    "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True)
    server = start(site, snippet, folder, tls=(cert, key))
    try:
        return _lighthouse_pages(server.url, pages, work, runs, "http2", ["--ignore-certificate-errors"])
    finally:
        server.stop()


def without_scripts(site: Path, pages: list[str], work: Path) -> Path:
    """A copy of `site` whose `pages` load none of their script files (the paint check's control: what the
    largest paint is when no script can finish before it)."""
    from bs4 import BeautifulSoup

    copy = work / "site-without-scripts"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(site, copy)
    for page in pages:
        html = copy / page / "index.html"
        soup = BeautifulSoup(html.read_text("utf-8"), "html.parser")
        for script in soup.select("script[src]"):
            script.decompose()
        html.write_text(str(soup), "utf-8")
    return copy


def _lighthouse_pages(base: str, pages: list[str], work: Path, runs: int, label: str,
                      chromium_args: list[str] | None = None) -> dict[str, dict]:
    """Lighthouse on each page under `base`, `runs` times: the summary `lighthouse` describes, per page."""
    binary = ROOT / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        raise SystemExit("bench: Lighthouse is missing; run `npm ci --ignore-scripts` (make bench does)")
    scores = {}
    for page in pages:
        reports = []
        for run in range(runs):
            report = work / f"{label}-{page.strip('/').replace('/', '-') or 'home'}-{run + 1}.json"
            command = [
                str(binary), base + page, "--quiet", "--output=json", f"--output-path={report}",
                f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}", "--form-factor=mobile",
                "--chrome-flags=" + " ".join(["--headless=new", *CHROMIUM_ARGS, *(chromium_args or [])]),
            ]
            subprocess.run(command, env={**ENV, "CHROME_PATH": CHROMIUM}, check=True, timeout=300,
                           stdout=subprocess.DEVNULL)
            reports.append(json.loads(report.read_text("utf-8")))
        data = reports[0]
        # Each category's median score of the runs, and its lowest (a shared machine's busy moment shows there).
        result = {name: round(statistics.median(round(r["categories"][name]["score"] * 100) for r in reports))
                  for name in data["categories"]}
        result["lowest"] = {name: min(round(r["categories"][name]["score"] * 100) for r in reports) for name in data["categories"]}
        result["failing"] = sorted({
            audit_id for r in reports for category in r["categories"].values() for ref in category["auditRefs"]
            if ref["weight"] > 0 and (audit_id := ref["id"]) and (r["audits"][audit_id]["score"] or 0) < 1
            and r["audits"][audit_id]["scoreDisplayMode"] == "binary"})
        result["fcp"] = [r["audits"]["first-contentful-paint"]["numericValue"] / 1000 for r in reports]
        result["lcp"] = [r["audits"]["largest-contentful-paint"]["numericValue"] / 1000 for r in reports]
        # What the largest paint is and, in each run's trace, which requests had finished before it (Lighthouse's
        # simulated phone charges the paint with all of them: BENCHMARKS.md, "Largest contentful paint").
        result["lcp_element"] = sorted({_lcp_element(r) for r in reports})
        result["before_lcp"] = [_before_lcp(r) for r in reports]
        result["blocking"] = max(len((r["audits"].get("render-blocking-insight", {}).get("details") or {}).get("items", []))
                                 for r in reports)
        scores[page or "(home)"] = result
        print(f"bench: Lighthouse ({label}) {page or '(home)'}: {result}", flush=True)
    return scores


def _lcp_element(report: dict) -> str:
    """The largest contentful paint's element, as Lighthouse names it (a CSS selector and its first words)."""
    try:
        node = report["audits"]["largest-contentful-paint-element"]["details"]["items"][0]["items"][0]["node"]
    except (KeyError, IndexError, TypeError):
        return "?"
    return f"{node.get('selector', '?')} (\"{' '.join(str(node.get('nodeLabel', '')).split()[:6])}…\")"


def _before_lcp(report: dict) -> list[str]:
    """The requests (file names) that had finished, in the unthrottled trace, before the largest paint reached the
    screen: the document and what its simulation adds to the paint's path. Data URLs are no requests."""
    observed = report["audits"]["metrics"]["details"]["items"][0]["observedLargestContentfulPaint"]
    return ["the page" if item.get("resourceType") == "Document" else urllib.parse.urlsplit(item["url"]).path.rsplit("/", 1)[-1]
            for item in report["audits"]["network-requests"]["details"]["items"]
            if not item["url"].startswith("data:") and item["networkEndTime"] <= observed]


def editor_preview(work: Path, pages: int, rounds: int = 3) -> dict:
    """`make serve`'s preview of a `pages`-page library: seconds from saving a page to `mkdocs serve --dirty`
    serving it rebuilt, for `rounds` saves to content pages (a new sentence each) and one save of a symptom list
    (a new symptom, which must reach the checklist page that shows it), polled every 50 ms on a loopback port.
    MkDocs' server holds a request while it rebuilds, so a served page with the change is the finished build."""
    folder = work / f"preview-{pages}"
    docs = folder / "docs"
    count = bench_corpus.write_library(pages, docs, ROOT / "docs")
    config = _preview_config(folder, docs)
    leaves = sorted(path for path in docs.rglob("*.md") if path.name != "index.md")
    with _serving(config, folder, "") as (base, first):  # the command `make serve` runs (Makefile)
        saves = _saves(leaves, rounds, docs, base, "Benchmark sentence", f"preview of {count} pages")
        page = leaves[len(leaves) // 2]
        symptom = f"Benchmark symptom {time.time_ns()}"
        checklist = _checklist_url(base + _url_of(docs, page))
        list_save = _timed_save(page, "<!-- checklist:end -->", f"- {symptom}\n<!-- checklist:end -->", checklist, symptom)
        print(f"bench: preview of {count} pages, symptom list save ({page.relative_to(docs)}, shown on {checklist}): "
              f"{list_save:.2f} s", flush=True)
    return {"pages": count, "first_build": first, "saves": saves, "symptom_list": list_save}


def language_preview(work: Path, pages: int, rounds: int = 3) -> dict:
    """`make serve-es` (`mkdocs serve --dirty -f languages/es/mkdocs.yml`) on the two-language library of `pages`
    pages (bench/languages.py): seconds from saving a Spanish page to the Spanish preview serving it rebuilt, for
    `rounds` saves to pages far apart, polled every 50 ms, as `editor_preview` measures the first language."""
    folder = work / f"languages-{pages}"
    if not (folder / "spanish.yml").exists():
        bench_languages.write_library(pages, folder)
    config = yaml_load(folder / "spanish.yml")
    config["hooks"] = [hook for hook in config["hooks"] if Path(hook) != bench_corpus.TIMER_HOOK]
    path = folder / "spanish-serve.yml"
    path.write_text(json.dumps(config), "utf-8")  # JSON is YAML
    docs = folder / "languages" / "es" / "docs"
    leaves = sorted(page for page in docs.rglob("*.md") if page.name != "index.md")
    with _serving(path, folder, "es/") as (base, first):  # the Spanish config's site_url path, as `make serve-es`
        saves = _saves(leaves, rounds, docs, base, "Frase de prueba", f"Spanish preview of {pages} pages")
    return {"pages": pages, "first_build": first, "saves": saves}


@contextlib.contextmanager
def _serving(config: Path, folder: Path, path: str):
    """`mkdocs serve --dirty` of `config` on a free loopback port: (the address of `path` on it, the seconds until it
    first served a page), stopped on leaving."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}/{path}"
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}", "-f", str(config)],
                              cwd=folder, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        start = time.perf_counter()
        _wait_for(base, lambda body: "</html>" in body, timeout=900)
        yield base, time.perf_counter() - start
    finally:
        server.terminate()
        server.wait(timeout=60)


def _saves(leaves: list[Path], rounds: int, docs: Path, base: str, words: str, what: str) -> list[float]:
    """Seconds from saving a new sentence to the preview serving it, for `rounds` pages far apart in the menu."""
    saves = []
    for round_ in range(rounds):
        page = leaves[(round_ + 1) * len(leaves) // (rounds + 1)]
        marker = f"{words} {round_} {time.time_ns()}."
        seconds = _timed_save(page, "## Symptoms", f"{marker}\n\n## Symptoms", base + _url_of(docs, page), marker)
        saves.append(seconds)
        print(f"bench: {what}, save {round_ + 1} ({page.relative_to(docs)}): {seconds:.2f} s", flush=True)
    return saves


def yaml_load(path: Path) -> dict:
    import yaml

    return yaml.safe_load(path.read_text("utf-8"))


def _preview_config(folder: Path, docs: Path) -> Path:
    """The library's `ours` config (bench/corpus.py) with the product's hooks only: the timer hook times builds."""
    config = bench_corpus.configs(ROOT, docs, "index.md")["ours"]
    config["hooks"] = [hook for hook in config["hooks"] if Path(hook) != bench_corpus.TIMER_HOOK]
    path = folder / "preview.yml"
    path.write_text(json.dumps(config), "utf-8")  # JSON is YAML
    return path


def _url_of(docs: Path, page: Path) -> str:
    relative = page.relative_to(docs).with_suffix("")
    return (relative.parent if relative.name == "index" else relative).as_posix().strip(".") + "/"


def _checklist_url(page_url: str) -> str:
    """The checklist page that shows a page's symptom list: the last of the page's "Related pages"."""
    import lxml.html

    with urllib.request.urlopen(page_url, timeout=30) as response:
        html = lxml.html.fromstring(response.read())
    return urllib.parse.urljoin(page_url, html.xpath("//aside[contains(@class, 'related-pages')]//a")[-1].get("href"))


def _timed_save(page: Path, old: str, new: str, url: str, marker: str) -> float:
    text = page.read_text("utf-8")
    assert old in text, f"{page} has no {old!r}"
    time.sleep(1)  # apart from the last save: MkDocs' watcher polls the files
    start = time.perf_counter()
    page.write_text(text.replace(old, new, 1), "utf-8")
    _wait_for(url, lambda body: marker in body, timeout=300)
    return time.perf_counter() - start


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(url: str, ready, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if ready(response.read().decode("utf-8", errors="replace")):
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit(f"bench: {url} did not show the change within {timeout:.0f} s")


def machine(command: str) -> dict[str, str]:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = next((line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), "0")

    def version(args):
        try:
            return subprocess.run(args, capture_output=True, text=True, timeout=30).stdout.strip()
        except OSError:
            return "missing"

    lighthouse_package = ROOT / "node_modules" / "lighthouse" / "package.json"
    return {
        "CPU": f"{cpu}, {os.cpu_count()} cores",
        "Memory": f"{int(memory) / 1024 / 1024:.0f} GiB",
        "Load average at start": " ".join(f"{value:.2f}" for value in os.getloadavg()) + " (shared machine)",
        "OS": platform.platform(),
        "Python": platform.python_version(),
        "MkDocs": metadata.version("mkdocs"),
        "Material for MkDocs": metadata.version("mkdocs-material"),
        "pymdown-extensions": metadata.version("pymdown-extensions"),
        "Chromium": version([CHROMIUM, "--version"]),
        "Lighthouse": json.loads(lighthouse_package.read_text())["version"] if lighthouse_package.exists() else "missing",
        "Node": version(["node", "--version"]),
        "Command": command,
    }


def main(argv: list[str] | None = None) -> None:
    quick = bool(os.environ.get("BENCH_QUICK"))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 60] if quick else [10, 200, 2000])
    parser.add_argument("--runs", type=int, default=1 if quick else 3)
    # The large library: our build and plain Material once each (default Material, which renders the whole
    # menu into every page, would take many minutes there and is not run).
    parser.add_argument("--large", type=int, default=200 if quick else 10000)
    parser.add_argument("--output", type=Path, default=ROOT / "BENCHMARKS.md")
    args = parser.parse_args(argv)
    command = ("make bench" if not quick else "BENCH_QUICK=1 make bench") + (
        f' BENCH_ARGS="{" ".join(argv if argv is not None else sys.argv[1:])}"' if (argv or sys.argv[1:]) else "")
    info = machine(command)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        work = Path(folder)
        scales = scaling(args.sizes, args.runs, work)
        large = scaling([args.large], 1, work, variants=("ours", "plain"), sizes_of_html=False)[0] if args.large else None
        # One run of each at the largest size (more would take `make bench` past its 15 minutes).
        languages = bench_languages.language_cost(max(args.sizes), 1, work, timed_build)
        clinics = bench_clinics.clinics_cost(max(args.sizes), work)
        largest = max(args.sizes)  # after its timed builds: the review records written here would be read by them
        reviews = bench_reviews.review_cost(work / f"library-{largest}" / "ours.yml")
        sites = real_sites(work)
        weight = page_weight(sites, work / "project" / "deploy" / "nginx.conf", work)
        # The paint targets take the median of three runs on the landing page, a content page, the checklist and
        # their Spanish pages (issue 26).
        scores = lighthouse(sites["ours"], ["", "causes/", "checklist/", "es/", "es/causes/", "es/checklist/"], work,
                            runs=1 if quick else 3)
        # The cause of the gap between first and largest paint, checked two ways on one page per language.
        checked = ["causes/", "es/causes/"]
        paint_check = {
            "http2": paint_over_http2(sites["ours"], work / "project" / "deploy" / "nginx.conf", checked, work,
                                      runs=1 if quick else 3),
            "no_scripts": lighthouse(without_scripts(sites["ours"], checked, work), checked, work, runs=1 if quick else 3,
                                     label="no-scripts"),
        }
        preview = editor_preview(work, pages=200 if quick else 2000)
        preview["second_language"] = language_preview(work, pages=200 if quick else 2000)
    info["Benchmark run time"] = f"{time.perf_counter() - started:.0f} s"
    args.output.write_text(bench_report.render(info, scales, weight, scores, preview, args.runs, large, languages, reviews, clinics,
                                              paint_check), "utf-8")
    print(f"bench: wrote {args.output}")


if __name__ == "__main__":
    main()
