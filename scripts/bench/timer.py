"""Time the build spends on the outputs only our build writes, so `make bench` can report them apart.

The performance target compares our build with plain Material on the pages both write; the pages and files
only ours writes (generated pages such as the checklist and glossary, and each page's embed variant with its
API and oEmbed files) are reported apart, as time per extra page. Off unless the environment variable
PATIENT_SITE_TIMINGS names a file; then the build writes there, as JSON, the wall-clock and CPU seconds
spent on those outputs and how many extra HTML pages they are. scripts/bench/timer_hook.py makes one timer
per build and wires it to MkDocs; the product never imports this module.
"""

from __future__ import annotations

import json
import os
import time

ENVIRONMENT = "PATIENT_SITE_TIMINGS"


class ExtraOutputsTimer:
    """Wall-clock and CPU seconds of one build's extra outputs, summed over start/stop intervals."""

    def __init__(self, path: str | None = None):
        self.path = path
        self.wall = self.cpu = 0.0
        self.pages = 0  # extra HTML pages
        self._since: tuple[float, float] | None = None

    def start(self) -> None:
        if self.path:
            self._since = (time.perf_counter(), time.process_time())

    def stop(self, pages: int = 0) -> None:
        """End an interval; `pages` is how many extra HTML pages it produced (0 for part of one)."""
        if self.path and self._since is not None:
            self.wall += time.perf_counter() - self._since[0]
            self.cpu += time.process_time() - self._since[1]
            self._since = None
        self.pages += pages

    def write(self) -> None:
        if self.path:
            with open(self.path, "w", encoding="utf-8") as file:
                json.dump({"wall_seconds": self.wall, "cpu_seconds": self.cpu, "extra_pages": self.pages}, file)


def from_environment() -> ExtraOutputsTimer:
    """A new timer for one build: on when PATIENT_SITE_TIMINGS names a file, inert otherwise."""
    return ExtraOutputsTimer(os.environ.get(ENVIRONMENT) or None)
