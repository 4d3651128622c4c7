"""One timed build per engine of the same synthetic library: the README's "Engine" table (not part of `make bench`).

    .venv/bin/python scripts/bench/engines.py [PAGES]   (default 2,000; needs .venv-properdocs and .venv-zensical)

The library and its config come from bench/corpus.py (`ours`, without the benchmark's timer hook, which only
MkDocs could run). MkDocs and ProperDocs build it with our hook; Zensical through the hook-free steps
(patient_site/engine/zensical_build.py: pre-build, Zensical with our extensions, post-build). One build each,
wall-clock and the child's CPU time, so a figure is a single measurement on a shared machine, not a median.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
from bench import corpus  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def commands(config: Path, site: Path, alone: Path) -> dict[str, list[str]]:
    return {
        "MkDocs 1.6.1 + our hook": [str(ROOT / ".venv/bin/python"), "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config), "-d", str(site)],
        "ProperDocs 1.6.7 + our hook": [str(ROOT / ".venv-properdocs/bin/properdocs"), "build", "--strict", "-q", "-f", str(config), "-d", str(site)],
        "Zensical 0.0.73 + our steps": [str(ROOT / ".venv-zensical/bin/python"), "-m", "patient_site.engine.zensical_build", "--timings", "-f", str(config), "-d", str(site)],
        # For scale: Zensical alone on the same library (no hook, overrides or extensions, no generated pages).
        "Zensical 0.0.73 alone, for scale": [str(ROOT / ".venv-zensical/bin/python"), "-m", "zensical", "build", "--clean", "-f", str(alone)],
    }


def timed(command: list[str], cwd: Path) -> tuple[float, float, str]:
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"engines: {' '.join(command)} failed:\n{output.decode(errors='replace')}")
    steps = [line for line in output.decode(errors="replace").splitlines() if line.startswith("pre-build ")]
    return seconds, usage.ru_utime + usage.ru_stime, steps[0] if steps else ""


def main(argv: list[str]) -> None:
    pages = int(argv[0]) if argv else 2000
    with tempfile.TemporaryDirectory(prefix="engines-") as folder:
        work = Path(folder)
        docs = work / "docs"
        count = corpus.write_library(pages, docs, ROOT / "docs")
        config = corpus.configs(ROOT, docs, "index.md")["ours"]
        config["hooks"] = [hook for hook in config["hooks"] if hook != str(corpus.TIMER_HOOK)]
        path = work / "mkdocs.yml"
        path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), "utf-8")
        # Zensical wants docs_dir and site_dir inside the config's folder, given relative to it.
        alone = {key: value for key, value in config.items() if key not in ("hooks", "theme")}
        alone.update(docs_dir="docs", site_dir="site", theme={key: value for key, value in config["theme"].items() if key != "custom_dir"})
        (work / "zensical-alone.yml").write_text(yaml.safe_dump(alone, sort_keys=False, allow_unicode=True), "utf-8")
        print(f"| Engine ({count} pages, one build each) | Wall-clock | CPU | HTML pages | Steps |")
        print("|---|---:|---:|---:|---|")
        for name, command in commands(path, work / "site", work / "zensical-alone.yml").items():
            seconds, cpu, steps = timed(command, work)
            built = sum(1 for page in (work / "site").rglob("*.html") if page.name != "404.html")  # Zensical alone: site_dir
            print(f"| {name} | {seconds:.1f} s | {cpu:.1f} s | {built} | {steps} |", flush=True)
            shutil.rmtree(work / "site", ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
