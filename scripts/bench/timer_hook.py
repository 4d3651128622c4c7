"""MkDocs hook: times the pages only our build writes, for `make bench` (scripts/build_timer.py); wiring only.

Its events run first (priority 100) and last (-100) around every other plugin's and hook's, so a generated
page's whole cost is counted: reading, converting, search indexing, rendering. The embed variants are timed
where hooks.py writes them. Nothing is measured unless PATIENT_SITE_TIMINGS names a file.
"""

from __future__ import annotations

import bench.timer as build_timer
from mkdocs.plugins import event_priority


@event_priority(100)
def on_config(config, **kwargs):
    build_timer.restart_from_environment()
    return config


@event_priority(100)
def on_pre_page(page, **kwargs):
    if page.file.generated_by:
        build_timer.timer.start()
    return page


@event_priority(-100)
def on_page_content(html, page, **kwargs):
    if page.file.generated_by:
        build_timer.timer.stop()
    return html


@event_priority(100)
def on_page_context(context, page, **kwargs):
    if page.file.generated_by:
        build_timer.timer.start()
    return context


@event_priority(-100)
def on_post_page(output, page, **kwargs):
    if page.file.generated_by:
        build_timer.timer.stop(pages=1)
    return output


@event_priority(-100)
def on_post_build(config, **kwargs):
    build_timer.timer.write()
