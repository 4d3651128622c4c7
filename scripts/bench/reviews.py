"""`make bench`: what the review checks (patient_site/review) cost a build and `make review-report` takes.

Timed inside one process on the largest library, the exact work a build does (`build_reviews` on the build's
page index: every page's words, its record read and compared, the check for records of pages that are gone),
with the words' cache emptied first (a cold build), once with no records and once with a sign-off recorded for
every page (so every comparison runs). A difference of two whole builds would drown 5 % in the builds' noise.
"""

from __future__ import annotations

import datetime
import time
from dataclasses import dataclass
from pathlib import Path

from patient_site.mkdocs.build import MkDocsBuild
from patient_site.mkdocs.commands import read_config
from patient_site.pages import PageIndex, decode, read_page
from patient_site.review.project import project_review, read_language
from patient_site.review.records import Entry, Record, write_record
from patient_site.review.state import build_reviews, cards_of, words_of_page
from patient_site.review.words import _page_words


@dataclass
class ReviewCost:
    pages: int
    without_records: float  # CPU seconds of the build's review step, no record yet
    with_records: float  # CPU seconds of the same with a sign-off recorded for every page
    report: float  # wall seconds of `make review-report`'s state of the whole project (pages read from the disk)


def review_cost(config: Path) -> ReviewCost:
    """The review step of a build of the library `config` builds (records are written beside its docs folder)."""
    mkdocs_config, settings = read_config(config)
    site = MkDocsBuild(mkdocs_config).site
    docs = Path(mkdocs_config.docs_dir)
    pages = []
    for path in sorted(docs.rglob("*.md")):
        src = path.relative_to(docs).as_posix()
        pages.append(read_page(src, f"docs/{src}", src, path.stem, decode(path.read_bytes(), src)))
    site.pages = PageIndex(pages)

    def timed() -> float:
        _page_words.cache_clear()  # a cold build: no page's words known yet
        start = time.process_time()  # CPU: compared with the build's CPU seconds, steadier on a shared machine
        build_reviews(site)
        return time.process_time() - start

    without = timed()
    today = datetime.date.today()
    cards = cards_of(settings)
    project = docs.parent
    for page in pages:
        record = Record("")
        record.put(Entry("sign-off", "", today, by="Benchmark", words=words_of_page(page, cards)))
        write_record(project, f"docs/{page.src}", record)
    with_records = timed()
    _page_words.cache_clear()
    start = time.perf_counter()
    project_review(project, [read_language(project, site.language, config.name, "docs", settings)], today)
    report = time.perf_counter() - start
    return ReviewCost(len(pages), without, with_records, report)
