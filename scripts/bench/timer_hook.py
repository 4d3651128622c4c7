"""MkDocs hook for `make bench` only: times the pages only our build writes (scripts/bench/timer.py).

The product's mkdocs.yml never names it: scripts/bench/corpus.py lists it after the product's hooks in the
configs it writes for the timed builds. It imports nothing of the product. Its events run first (priority
100) and last (-100) around every other plugin's and hook's:
- a generated page (`page.file.generated_by`) is timed from reading to writing, search indexing included;
- on_post_build is timed whole, and the embed variants it wrote are counted as `embed/**/index.html` in the
  site folder. So the span holds the product hook's embed variants, feeds and its headers' policy check,
  and every other plugin's on_post_build with them (search writes its index there).
Nothing is measured unless PATIENT_SITE_TIMINGS names a file.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.plugins import CombinedEvent, event_priority

_SCRIPTS = str(Path(__file__).resolve().parents[1])
sys.path.insert(0, _SCRIPTS)  # MkDocs puts only this file's own folder on the path while it imports a hook
try:
    from bench.timer import ExtraOutputsTimer, from_environment
finally:
    sys.path.remove(_SCRIPTS)

EMBED_PAGES = "embed/**/index.html"

# MkDocs calls a hook's events as plain functions, so the module is the only place to keep the build's timer;
# on_config replaces it at the start of every build (`mkdocs serve` rebuilds included), so none outlives its build.
timer: ExtraOutputsTimer | None = None


@event_priority(100)
def on_config(config, **kwargs):
    global timer
    timer = from_environment()
    return config


@event_priority(100)
def on_pre_page(page, **kwargs):
    if page.file.generated_by:
        timer.start()
    return page


@event_priority(-100)
def on_page_content(html, page, **kwargs):
    if page.file.generated_by:
        timer.stop()
    return html


@event_priority(100)
def on_page_context(context, page, **kwargs):
    if page.file.generated_by:
        timer.start()
    return context


@event_priority(-100)
def on_post_page(output, page, **kwargs):
    if page.file.generated_by:
        timer.stop(pages=1)
    return output


@event_priority(100)
def _start_post_build(config, **kwargs):
    timer.start()


@event_priority(-100)
def _stop_post_build(config, **kwargs):
    timer.stop()
    if timer.path:  # counted after the clock stops: counting is the benchmark's cost, not the build's
        timer.pages += sum(1 for _ in Path(config.site_dir).glob(EMBED_PAGES))
    timer.write()


on_post_build = CombinedEvent(_start_post_build, _stop_post_build)
