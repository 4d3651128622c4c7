"""`make bench`: what every clinic in one command costs (`make sites`), 1, 4 and 8 clinics × 2 languages.

The synthetic library is laid out as the project is: the library in `docs/` with mkdocs.yml beside it, a Spanish
copy in `languages/es/docs/` with the project's Spanish file, and one file per clinic in `clinics/` holding only
its own details (README, "Another clinic"). Each figure is one run of scripts/build_sites.py over the first N
clinics, from an empty shared store (.build/cache/), as a group's CI would run it once: wall-clock seconds on this
machine's cores, and the CPU seconds of every build process. Against 1 clinic: without anything shared, N clinics
one after another take N times as long.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

import bench.corpus as bench_corpus

ROOT = Path(__file__).resolve().parents[2]
COUNTS = (1, 4, 8)


@dataclass
class ClinicsCost:
    pages: int
    cores: int
    runs: dict[int, tuple[float, float]] = field(default_factory=dict)  # clinics -> (wall, CPU seconds)

    def ratio(self, clinics: int, which: int = 0) -> float:
        return self.runs[clinics][which] / self.runs[1][which]


def clinic_file(number: int) -> str:
    colour = f"#{(number * 37) % 200:02x}{(number * 71) % 120:02x}{(number * 53) % 160:02x}"
    return yaml.safe_dump({
        "site_url": f"https://guide.clinic-{number}.example.net/",
        "extra": {
            "clinic": {"name": f"Clinic {number} (fictional)", "phone": f"555-01{number:02d}",
                       "website": f"https://clinic-{number}.example.net/", "booking": f"https://clinic-{number}.example.net/book",
                       "emergency_number": "911", "accent_color": colour},
            "embed": {"allowed_origins": [f"https://clinic-{number}.example.net"]},
        },
        "languages": {"es": {"extra": {"clinic": {"booking": f"https://clinic-{number}.example.net/es/citas"}}}},
    }, sort_keys=False)


def write_project(pages: int, folder: Path) -> int:
    """The library as a project with a Spanish copy and 8 clinics; returns the number of pages per language."""
    count = bench_corpus.write_library(pages, folder / "docs", ROOT / "docs")
    config = bench_corpus.configs(ROOT, folder / "docs", "index.md")["ours"]
    config["hooks"] = [hook for hook in config["hooks"] if "timer" not in hook]  # no timer: `make sites` as a clinic runs it
    config.pop("docs_dir")  # the composition's: the project's docs/
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), "utf-8")
    spanish = yaml.safe_load((ROOT / "languages/es/mkdocs.yml").read_text("utf-8"))
    spanish.pop("nav", None)
    spanish["extra"].pop("conditions", None)  # they name the real article's pages, as corpus.configs says
    (folder / "languages/es").mkdir(parents=True)
    (folder / "languages/es/mkdocs.yml").write_text(yaml.safe_dump(spanish, sort_keys=False, allow_unicode=True), "utf-8")
    shutil.copytree(folder / "docs", folder / "languages/es/docs")
    shutil.copy2(ROOT / "languages/es/docs/glossary.yml", folder / "languages/es/docs/glossary.yml")
    (folder / "clinics").mkdir()
    for number in range(1, max(COUNTS) + 1):
        (folder / "clinics" / f"c{number}.yml").write_text(clinic_file(number), "utf-8")
    return count


def clinics_cost(pages: int, work: Path) -> ClinicsCost:
    folder = work / f"clinics-{pages}"
    count = write_project(pages, folder)
    cost = ClinicsCost(count, os.cpu_count() or 1)
    for clinics in COUNTS:
        shutil.rmtree(folder / ".build", ignore_errors=True)  # each figure from an empty store, as a first CI run
        only = [arg for number in range(1, clinics + 1) for arg in ("--only", f"c{number}")]
        before = os.times()
        started = time.perf_counter()
        done = subprocess.run([sys.executable, str(ROOT / "scripts/build_sites.py"), "--project", str(folder), *only],
                              capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        wall = time.perf_counter() - started
        after = os.times()
        if done.returncode != 0:
            raise SystemExit(f"bench: make sites of {clinics} clinics failed:\n{done.stdout}{done.stderr}")
        cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
        cost.runs[clinics] = (wall, cpu)
        print(f"bench: {clinics} clinic(s) × 2 languages of {count} pages: {wall:.1f} s wall, {cpu:.1f} s CPU", flush=True)
    return cost


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory(prefix="bench-clinics-") as folder:
        clinics_cost(int(sys.argv[1]) if len(sys.argv) > 1 else 200, Path(folder))
