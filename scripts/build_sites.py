"""`make sites`: every site of the project (its own, and each clinic's in clinics/), every language of each, at once.

Each site is `make site` in a process of its own (scripts/build_site.py): built into a work folder, checked, and
swapped into site/ or site-<clinic>/ only when all of that passed. So a mistake in one clinic's file is reported
with its `file:line`, leaves that clinic's previous site exactly as it was, and stops no other clinic; the command
then exits non-zero. As many sites build at once as the machine has cores; a table at the end says how each went.
Every second site builds its further languages before its first: the first two sites start together, and with an
empty shared store (.build/cache/) each converts the pages of a language the other is not converting.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from patient_site.composition import Site, every_site

SUMMARY = re.compile(r"^Built the site into \S+ \((?P<languages>\d+) languages?, (?P<pages>\d+) pages, (?P<warnings>\d+) warnings?",
                     re.MULTILINE)


@dataclass
class Result:
    site: Site
    returncode: int
    output: str
    seconds: float

    @property
    def row(self) -> list[str]:
        found = SUMMARY.search(self.output)
        figures = [found["languages"], found["pages"], found["warnings"]] if found else ["–", "–", "–"]
        state = "built" if self.returncode == 0 else f"FAILED: {self.site.site_dir.name}/ left as it was"
        return [self.site.clinic or "(the project's own)", figures[0], figures[1], f"{self.seconds:.1f}", figures[2], state]


def build(site: Site, today: str | None, further_first: bool = False) -> Result:
    """`make site` for one site, its output kept to print whole (sites building at once would interleave lines)."""
    config = site.clinic_file or site.main_file
    command = [sys.executable, str(Path(__file__).with_name("build_site.py")), "--config-file", str(config),
               "--site-dir", str(site.site_dir), *(["--today", today] if today else []),
               *(["--further-languages-first"] if further_first else [])]
    started = time.perf_counter()
    done = subprocess.run(command, cwd=site.project, capture_output=True, text=True)
    return Result(site, done.returncode, done.stdout + done.stderr, time.perf_counter() - started)


def table(rows: list[list[str]]) -> str:
    header = ["clinic", "languages", "pages", "seconds", "warnings", ""]
    widths = [max(len(row[n]) for row in [header, *rows]) for n in range(len(header))]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in [header, *rows])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build every site of the project, every language of each, at once.")
    parser.add_argument("--project", default=".", help="the folder of mkdocs.yml")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="sites built at once (default: the cores)")
    parser.add_argument("--today", help="YYYY-MM-DD, for the review dates")
    parser.add_argument("--only", action="append", metavar="CLINIC", help="build only this clinic (repeat it for more; "
                        "'site' is the project's own)")
    args = parser.parse_args(argv)
    sites = [site for site in every_site(Path(args.project)) if not args.only or site.name in args.only]
    started = time.perf_counter()
    results = []
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for result in pool.map(lambda n: build(sites[n], args.today, n % 2 == 1), range(len(sites))):
            print(f"== {result.site.clinic or 'the project'} ({os.path.relpath(result.site.clinic_file or result.site.main_file)}) ==")
            print(result.output.rstrip(), flush=True)
            results.append(result)
    print(f"\n{table([result.row for result in results])}")
    failed = [result for result in results if result.returncode]
    print(f"\n{len(results) - len(failed)} of {len(results)} sites built in {time.perf_counter() - started:.1f} s"
          + (f"; {len(failed)} failed, each left as it was" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
