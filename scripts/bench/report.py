"""Writes BENCHMARKS.md from one `make bench` run: machine first, then ratios and targets, then the tables."""

from __future__ import annotations

import statistics

KB = 1000  # "KB" here is 1,000 bytes, as Lighthouse and browser tools count

DESIGN = """\
## The design changes behind these figures

- **Pruned navigation with section index pages** (`navigation.prune`, `navigation.indexes` in mkdocs.yml, and
  no `navigation.sections`). Material renders the whole navigation into every page, so a default build does
  pages × pages work and each page's HTML grows with the library. With pruning a page carries only what a
  reader can see from it: the top-level sections and the open path down to the page. `navigation.sections`
  would spell out the whole open section on every page of it (390 links, 80 KB of HTML a page at 2,000
  pages), so it is off; each folder stays a section the reader opens, with its own index page, and search
  covers every page. The real site's menu is flat, so it looks the same.
- **The hook writes the site menu** (`scripts/patient_site/theme/nav_menu.py`, called from
  `overrides/partials/nav.html`). Material's recursive `nav-item.html` macros were about a third of a plain
  2,000-page build, though a pruned page shows only a few dozen links. A loop in Python writes the same markup
  (a test compares it with Material's, page by page, as parsed trees), a tenth of the time. Menu features it
  does not write (tabs, sections, expand) stop the build with a message instead of changing the menu silently.
- **Search loads on the first search, through our own small interface** (`docs/assets/search.js`, loaded by
  `docs/assets/search-on-demand.js`, wired in `overrides/main.html`; the hook finds the worker's fingerprinted
  name in `scripts/patient_site/theme/assets.py`). The navigation drawer, sticky header, checklist and print-out
  work with CSS and our small scripts alone; when a reader focuses or clicks the search field, opens search from
  the header button, or presses `/` or `s`, a 3 KB interface fetches Material's search worker (lunr, 12 KB) and
  the language's index (5 KB), plus lunr's stemmer in Spanish (4 KB). It writes Material's own result markup,
  so Material's styles apply, keeps Material's keys (Up and Down through the results, Enter on the best one,
  Escape or Tab closes) and says the number of results in a polite status for screen readers. Material's 35 KB
  bundle, which search alone used, is never loaded; the table above compares it and Pagefind on the same pages
  and queries in the same run: Pagefind's WebAssembly module alone (72 KB) is over the 30 KB budget, and its
  index and result fragments come on top, so our interface over Material's worker is the one design under it.
- **No inline JavaScript at all.** Material's two inline start-up scripts moved into our files
  (`overrides/partials/javascripts/`), so the Content-Security-Policy is `script-src 'self'` without hashes.
- **Each source is read and parsed once per build.** MkDocs' `File.content_string` opens the file on every
  call; the build object (`scripts/patient_site/site.py`) keeps each text for the build (MkDocs' own read
  of the page included, via `on_page_read_source`) and `split_front_matter` caches by text.
  The editor checks used to render every page a second time: they now run inside the one conversion that
  publishes it (`SafetyExtension` in `scripts/patient_site/editor/checks.py`), and the site's own text
  (care cards, contact details) goes in after it. All terms compile into one trie-shaped regular expression per build.
- **Built pages are read with lxml (C), never twice over.** The embed variants, feeds and the
  Content-Security-Policy check had parsed every built page with BeautifulSoup about seven times. Now the
  policy check scans each page's content as it is written and one whole page of each shape (each template
  at each folder depth), since the templates render every page alike but for its depth and its
  navigation, whose titles may hold no HTML; the embed and feed writers parse each page's content with lxml.
- **Large libraries get small generated pages.** Above `extra.checklist.max_symptoms_per_page` (default 100)
  the checklist is one page per folder with an index page. `/for-clinics/` links each page's snippets page
  (the previews load when opened); above 8 pages it lists the first 8 and says how to embed the others.
- **Timed builds delete nothing.** Each run builds into a fresh folder; all are deleted after the timing.
  Deleting a few thousand files slowed the next build's file writes here by seconds of system time, which
  charged each build for its predecessor's deletion (and our build, writing four times the files, the most).
- **Extra pages are measured, not estimated.** The benchmark adds its own timer hook,
  `scripts/bench/timer_hook.py`, to the configs it builds (`scripts/bench/corpus.py`; the project's
  mkdocs.yml never names it). It times every generated page from its first event to its last, and the
  whole `on_post_build` (priority 100 to -100), where the embed variants are written; it counts them as
  `embed/**/index.html` in the site. That span now also includes the headers' policy check of every built
  page (before the move it was counted as the hook's own cost), and Material's search plugin writing its
  index file, which plain Material does too but which takes milliseconds (the index is built as pages
  render). The hook's cost above is the build's time without them.
- **One stylesheet, trimmed at build time** (`scripts/patient_site/theme/style_bundle.py`, wired in
  `scripts/patient_site/mkdocs/styles.py`). A first view waited for five render-blocking stylesheets
  (Material's `main.css` and `palette.css`, then ours); now it waits for one content-hashed file made from the
  installed Material's own files at every build, so a Material update is picked up. A rule goes only when a
  tag, class, id or attribute value it needs is on no built page (parsed with lxml) and in no script that can
  change a page (Material's bundle and search worker, ours), and custom properties nothing reads go; states
  scripts add, `:checked`, `:hover` and print rules stay. Chromium checks every element's computed style
  against Material's untrimmed files on every page, with the drawer, search and print-out open
  (`tests/test_browser_style_bundle.py`). Our scripts, which sit at the end of the body, are `defer`red, so
  Lighthouse no longer lists each as render-blocking.
- **No web fonts** (`font: false`): no request to Google Fonts, system fonts render at once.
- **The editor's preview redoes only what a save changes** (`scripts/patient_site/preview.py`, glue
  `scripts/patient_site/mkdocs/preview.py`). `make serve` is `mkdocs serve --dirty`; MkDocs loads the hook once
  per serve, so the hook module keeps, per page, the keys its output depends on and the output. MkDocs' dirty
  mode asks `file.is_modified()` by file times; we answer from the keys: a page converts again when its text
  changed or a term or glossary phrase it contains was added, removed or moved, and is written again when its
  Related pages, conditions or a title it shows changed. Settings, code, theme, the file list and asset names
  are one site key (a change means a full build). The post-build steps (the stylesheet's usage counted per
  page, embeds and API, headers, `.gz` copies, the search index) reuse what they learnt of unchanged pages, and
  Jinja's compiled templates are kept. What is left per save is about 1 s of MkDocs' fixed work (walking the
  files, the menu, sitemap and 404 page) and about 0.3 s for its watcher to notice the save.
  `tests/test_preview_incremental.py` compares every file of the preview with a clean build after each of a
  series of edits, in the first language and in the second.
- **One preview for every language, each rebuilding what a save changes** (`scripts/patient_site/mkdocs/serve.py`,
  `make serve`). One MkDocs live-reload server, one dirty build and preview cache per language, each language's
  folder where `make site` puts it (`/es/`), so the language selector works in the preview. A save rebuilds the
  languages it can change: a Spanish page, Spanish only; an English page, English and then Spanish, whose
  stale-translation notices follow their originals (a page's key now holds what its conversion takes from other
  files). `make serve-es` is `mkdocs serve --dirty` on the Spanish config, with the same cache.
- **Small pages in every language.** Material's templates are indented for their readers; a Jinja token filter
  (`scripts/patient_site/theme/template_whitespace.py`) collapses each run of whitespace holding a line break in
  the templates' own text as they compile, which renders the same and costs nothing per page (0.27 KB gzip off
  each page). The header's six icons are empty `<svg>`s masked from the cached stylesheet (`overrides/.icons/`,
  `patient.css`), so Material's icon rules still apply (0.5 KB gzip), and Material's settings script, its
  `rel=prev/next` links and generator tag, which only its never-loaded bundle read, are gone.
- **Largest contentful paint: what it waits for.** Lighthouse names the element: the article's first paragraph
  (on the checklist, its opening note), text that needs nothing but the one stylesheet, painted in the same first
  frame as the first contentful paint in every run's unthrottled trace. The gap between the two figures is made in
  Lighthouse's simulated phone (Lantern, in Lighthouse 12.8's `trace_engine`: `FirstContentfulPaint.js`,
  `LargestContentfulPaint.js`, `ConnectionPool.js`). Its first-paint graph keeps only the requests with
  render-blocking priority (the page and the stylesheet); its largest-paint graph keeps every request that ended
  before the observed paint except low-priority images. It would drop a script whose run it saw start after that
  paint, but it prunes main-thread tasks under 10 ms from its graph (`PageDependencyGraph.js`,
  `SIGNIFICANT_DUR_THRESHOLD_MS`), and each of ours runs in a millisecond or two: it cannot see when they ran, so
  every script whose request ended before the paint stays on the paint's path. Checked on `/causes/` (three runs):
  with the same four requests made as early (preloaded at low priority) but the scripts run only after the first
  paint was reported, LCP was 0.96, 0.97 and 1.05 s. On a loopback server the four deferred scripts arrive within the
  first frame's window, so they stay on the paint's path. On HTTP/1 the simulation has one warm connection (the page's), which the
  stylesheet takes, and gives each script a new one: one more simulated round trip (150 ms) for its handshake, then
  its download and run at a quarter of this machine's speed. Hence LCP about 0.25 s over FCP. The paint check
  above measures it in the same run: without its script files the page's largest paint equals its first (unless
  the favicon, the one other request, happens to arrive before the frame reaches the screen); over
  HTTP/2, where the simulation sends everything on the page's one warm connection, the gap shrinks to the
  scripts' own download and run (both paints are later there, because the simulated TLS handshake is charged to
  the page itself). Fewer scripts do not help much: one script costs the same handshake as four. So at most 0.85 s
  here needs no script to be requested before the first frame reaches the screen, which means the designs rejected
  before: a script that fetches ours only after a reported paint (the menu, search field and ticks wait a round
  trip), or no scripts. The site keeps its deferred
  scripts and its script-free policy, and the 0.85 s target is reported as measured, with the evidence beside it.
- **Each language is a build of its own** (`scripts/build_site.py`, `languages/<code>/mkdocs.yml`): the cost
  grows in step with the number of languages, and the peak memory is one build's.
"""


def _kb(value: float) -> str:
    return f"{value / KB:.1f}"


def _met(ok: bool) -> str:
    return "**met**" if ok else "**not met**"


def review_rows(reviews, largest) -> list[str]:
    """The review checks' rows of the targets table (`bench.reviews.ReviewCost`)."""
    if reviews is None:
        return []
    build = largest.median_cpu("ours")
    worst = max(reviews.without_records, reviews.with_records)
    return [
        f"| The review checks (patient_site/review) cost at most 5 % of the {largest.pages}-page build | "
        f"{reviews.with_records:.2f} s CPU with a sign-off recorded for each of the {reviews.pages} pages, "
        f"{reviews.without_records:.2f} s with none (every page's words from a cold cache, its record read and "
        f"compared, measured inside one process), against {build:.1f} s CPU for the whole build: "
        f"{worst / build * 100:.1f} %; `make review-report`'s state of the whole library {reviews.report:.2f} s | "
        f"{_met(worst <= 0.05 * build)} |",
    ]


def render(info, scales, weight, scores, preview, runs, large=None, languages=None, reviews=None, clinics=None,
           paint_check=None) -> str:
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`scripts/bench/run.py`); do not edit by hand, run it again. Figures, not tests.",
        "",
        "## Machine, versions and commands",
        "",
        "| | |",
        "| --- | --- |",
        *[f"| {key} | {value} |" for key, value in info.items()],
        "",
        "Builds: `python -m mkdocs build --strict --quiet -f <config> -d <site>` in a child process, wall clock,",
        f"peak resident memory from the child's rusage; median of {runs} runs per variant (default Material: one run,",
        "to keep `make bench` within 15 minutes with the 10,000-page library), the variants interleaved",
        "in a rotating order. **ours** = the project's mkdocs.yml with the hook and overrides, plus the benchmark's",
        "timer hook; **material-menu** = ours with Material's own menu templates instead of the menu the hook writes;",
        "**plain** = the same config with every hook and the theme overrides switched off (plain Material, same",
        "content and theme settings);",
        "**default** = Material with only its defaults (`theme: material`, no pruning). Absolute seconds are this",
        "machine's (a shared machine: see the load average above); the ratios compare medians from the same run.",
        "",
    ]
    largest = max(scales, key=lambda scale: scale.pages)
    views = weight["views"]
    ours_views, plain_views = views["ours"], views["plain"]
    first_max = max(ours_views.items(), key=lambda item: item[1][0].gzip)
    repeat_max = max(ours_views.items(), key=lambda item: item[1][1].gzip)
    third = sorted({url for first, repeat in ours_views.values() for url in first.third_party + repeat.third_party})
    ours_t, plain_t, default_t = (largest.median(name) for name in ("ours", "plain", "default"))
    ours_c, plain_c, default_c = (largest.median_cpu(name) for name in ("ours", "plain", "default"))
    core_t, core_c = largest.median_core("ours"), largest.median_core_cpu("ours")
    extra_t, extra_c, extra_pages = largest.extra()
    per_plain_page = plain_t / max(1, largest.outputs["plain"])
    hook_share = core_t / plain_t - 1
    hook_share_cpu = core_c / plain_c - 1
    html_max = max(largest.html_gzip["ours"]) if largest.html_gzip["ours"] else 0
    lighthouse_ok = all(result[name] == 100 for result in scores.values() for name in
                        ("performance", "accessibility", "best-practices", "seo"))
    small = min(scales, key=lambda scale: abs(scale.pages - 200)) if len(scales) > 1 else largest

    def hook_per_page(scale):  # with Material's menu, so the menu writer's savings do not hide the rest
        return (scale.median_core_cpu("material-menu") - scale.median_cpu("plain")) / scale.pages * 1000

    rest_t, rest_c = largest.median_core("material-menu"), largest.median_core_cpu("material-menu")

    lines += [
        "## Ratios (this run)",
        "",
        "| Library | ours ÷ plain, whole build: wall / CPU | ours without its extra pages ÷ plain: wall / CPU | "
        "material-menu without its extra pages ÷ plain: wall / CPU | "
        "ours ÷ default Material: wall / CPU | default page HTML ÷ ours (largest, gzip) |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for scale in scales:
        lines.append(
            f"| {scale.pages} pages | {scale.median('ours') / scale.median('plain'):.2f} / "
            f"{scale.median_cpu('ours') / scale.median_cpu('plain'):.2f} | "
            f"{scale.median_core('ours') / scale.median('plain'):.2f} / "
            f"{scale.median_core_cpu('ours') / scale.median_cpu('plain'):.2f} | "
            f"{scale.median_core('material-menu') / scale.median('plain'):.2f} / "
            f"{scale.median_core_cpu('material-menu') / scale.median_cpu('plain'):.2f} | "
            f"{scale.median('ours') / scale.median('default'):.2f} / "
            f"{scale.median_cpu('ours') / scale.median_cpu('default'):.2f} | "
            f"{max(scale.html_gzip['default']) / max(1, max(scale.html_gzip['ours'])):.1f} |")
    lines += [
        "",
        "## Targets",
        "",
        "| Target | Measured | |",
        "| --- | --- | --- |",
        f"| The hook adds at most 10 % to a plain build at {largest.pages} pages (extra pages apart) | "
        f"CPU {hook_share_cpu * 100:+.1f} % ({core_c:.1f} s vs {plain_c:.1f} s); wall clock {hook_share * 100:+.1f} % "
        f"({core_t:.1f} s vs {plain_t:.1f} s), without the {extra_pages} extra pages our build also writes (each "
        f"page's embed variant with its API and oEmbed files, and the generated pages), which took {extra_t:.1f} s "
        f"({extra_c:.1f} s CPU) measured inside the build: {extra_t / max(1, extra_pages) * 1000:.1f} ms per extra "
        f"page, against {per_plain_page * 1000:.1f} ms per page of the plain build. The hook writes the site "
        f"menu in Python (scripts/patient_site/theme/nav_menu.py) instead of Material's Jinja macros; with Material's menu "
        f"(`material-menu`) the rest of the hook's work adds CPU {(rest_c / plain_c - 1) * 100:+.1f} % "
        f"({rest_c:.1f} s), wall {(rest_t / plain_t - 1) * 100:+.1f} % ({rest_t:.1f} s), so the menu writer saves "
        f"{rest_c - core_c:.1f} s CPU and the rest of the hook costs {rest_c - plain_c:.1f} s | "
        f"CPU {_met(hook_share_cpu <= 0.10)}, wall {_met(hook_share <= 0.10)} (the whole hook, menu writer included) |",
        *review_rows(reviews, largest),
        f"| The hook's own work grows linearly | {hook_per_page(small):.2f} ms CPU per page at {small.pages} pages, "
        f"{hook_per_page(largest):.2f} ms per page at {largest.pages} (`material-menu` against plain, extra pages apart; "
        f"one compiled matcher, one parse per source) | "
        f"{_met(hook_per_page(largest) <= max(1.5 * hook_per_page(small), 1.0))} |",
        f"| At {largest.pages} pages our whole build takes at most ¼ of default Material's | "
        f"wall {ours_t / default_t:.2f} of it ({ours_t:.1f} s vs {default_t:.1f} s); CPU {ours_c / default_c:.2f} "
        f"({ours_c:.1f} s vs {default_c:.1f} s) | {_met(ours_t / default_t <= 0.25 and ours_c / default_c <= 0.25)} |",
        f"| Each page's HTML at most 8 KB gzip at {largest.pages} pages | largest {_kb(html_max)} KB, median "
        f"{_kb(statistics.median(largest.html_gzip['ours']))} KB (default Material: largest "
        f"{_kb(max(largest.html_gzip['default']))} KB), embed variants and checklist pages included; the largest "
        f"checklist page {_kb(largest.checklist_gzip)} KB | {_met(html_max <= 8 * KB)} |",
        f"| First view of any page at most 25 KB gzip, every feature on | largest: `/{first_max[0]}` {_kb(first_max[1][0].gzip)} KB "
        f"in {len(first_max[1][0].requests)} requests | {_met(first_max[1][0].gzip <= 25 * KB)} |",
        "| At most two render-blocking requests (Lighthouse's render-blocking list, most of any run) | "
        + "; ".join(f"`/{page.replace('(home)', '')}` {result['blocking']}" for page, result in scores.items())
        + f" | {_met(all(result['blocking'] <= 2 for result in scores.values()))} |",
        f"| Lighthouse mobile first contentful paint at most 1.0 s and largest at most 0.85 s (median of "
        f"{min(len(result['fcp']) for result in scores.values())}) | "
        + "; ".join(f"`/{page.replace('(home)', '')}` FCP {statistics.median(result['fcp']):.2f} s, LCP "
                    f"{statistics.median(result['lcp']):.2f} s" for page, result in scores.items())
        + f" | {_met(all(statistics.median(r['fcp']) <= 1.0 and statistics.median(r['lcp']) <= 0.85 for r in scores.values()))} |",
        f"| A reader's first search at most 30 KB gzip more, in each language | English "
        f"{_kb(weight['search']['ours'].gzip)} KB in {len(weight['search']['ours'].requests)} requests; Spanish "
        f"{_kb(weight['search']['ours-es'].gzip)} KB in {len(weight['search']['ours-es'].requests)} requests | "
        f"{_met(max(weight['search']['ours'].gzip, weight['search']['ours-es'].gzip) <= 30 * KB)} |",
        f"| Every page's HTML (its repeat view) at most 5 KB gzip, in every language | largest: `/{repeat_max[0]}` "
        f"{_kb(repeat_max[1][1].gzip)} KB in {len(repeat_max[1][1].requests)} request(s) | {_met(repeat_max[1][1].gzip <= 5 * KB)} |",
        f"| No third-party requests | {len(third)} on {len(ours_views)} pages | {_met(not third)} |",
        "| Lighthouse mobile 100 in all four categories on the landing page, a content page and the checklist | "
        + "; ".join(f"`/{page.replace('(home)', '')}` " + " / ".join(str(result[name]) for name in
                    ("performance", "accessibility", "best-practices", "seo")) for page, result in scores.items())
        + f" | {_met(lighthouse_ok)} |",
        *_preview_target(preview),
        *_scale_target(largest, large),
        f"| `make bench` under 15 minutes | {info.get('Benchmark run time', '?')} | "
        f"{_met(float(info.get('Benchmark run time', '0 s').split()[0]) < 900)} |",
        "",
    ]
    failing = {page: result["failing"] for page, result in scores.items() if result["failing"]}
    if failing:
        lines += ["Lighthouse audits below full marks: " + "; ".join(
            f"`/{page.replace('(home)', '')}`: " + ", ".join(f"`{audit}`" for audit in audits)
            for page, audits in failing.items()) + ".", ""]

    lines += [
        "## Build scaling (seconds are this machine's)",
        "",
        "| Pages | Variant | Median s | ms per page | Runs (s) | Median CPU s | Of which extra pages: s, CPU s, pages | Peak memory MB | HTML pages written | Page HTML gzip KB, median / largest |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for scale in scales:
        for name in ("ours", "material-menu", "plain", "default"):
            sizes = scale.html_gzip[name]
            lines.append(
                f"| {scale.pages} | {name} | {scale.median(name):.2f} | {scale.median(name) / scale.pages * 1000:.1f} | "
                + ", ".join(f"{run.seconds:.2f}" for run in scale.runs[name])
                + f" | {scale.median_cpu(name):.2f} | "
                + ("{:.2f}, {:.2f}, {}".format(*scale.extra(name)) if name in ("ours", "material-menu") else "–")
                + f" | {scale.peak(name):.0f} | {scale.outputs[name]} | "
                f"{_kb(statistics.median(sizes))} / {_kb(max(sizes))} |")
    if large is not None:
        reference = max(scales, key=lambda scale: scale.pages)
        lines += ["", f"### Scale: {large.pages} pages (one run each; default Material not run)", "",
                  "Default Material renders the whole menu into every page (pages × pages work), so at this size it",
                  "would take many minutes for nothing the ratios above do not show already; it is left out.", "",
                  "| Pages | Variant | Seconds | ms per page | CPU s | Peak memory MB | KB of peak memory per page | HTML pages written |",
                  "| --- | --- | --- | --- | --- | --- | --- | --- |"]
        for scale, names in ((reference, ("ours", "plain")), (large, ("ours", "plain"))):
            for name in names:
                lines.append(f"| {scale.pages} | {name} | {scale.median(name):.1f} | {scale.median(name) / scale.pages * 1000:.1f} | "
                             f"{scale.median_cpu(name):.1f} | {scale.peak(name):.0f} | {scale.peak(name) * 1000 / scale.pages:.1f} | "
                             f"{scale.outputs.get(name, 0)} |")
        growth = (large.median("ours") / large.pages) / (reference.median("ours") / reference.pages)
        added = (large.peak("ours") - reference.peak("ours")) * 1000 / max(1, large.pages - reference.pages)
        lines += ["", f"Our build's time per page at {large.pages} pages is {growth:.2f} × that at {reference.pages} pages "
                      f"(flat is 1.00; a shared machine, one run). Peak memory grows by {added:.0f} KB per added page "
                      f"from {reference.pages} to {large.pages} pages (the fixed start-up memory apart)."]
    lines += [
        "",
        "Synthetic libraries (`scripts/bench/corpus.py`): areas of topics of at most 40 pages, each folder with an",
        "`index.md`; every page has a title, description, two terms, a marked symptom list of four items and prose",
        "mentioning six other pages' terms. Our build also writes pages the plain build does not: each page's embed",
        "variant (with its API and oEmbed JSON), the checklist pages, the glossary and the for-clinics page, counted in",
        "\"HTML pages written\"; the build itself measures the time spent on them (`scripts/bench/timer.py`, wired by",
        "`scripts/bench/timer_hook.py`, which only the benchmark's configs list), and the hook's cost is reported",
        "without it. That time is every generated page's and the whole `on_post_build`: the embed variants with",
        "their JSON files and, since the timer moved out of the product, also the headers' policy check of every",
        "built page (and the search index file, milliseconds, which plain Material writes too).",
        "",
        *languages_section(languages),
        *clinics_section(clinics),
        "## Page weight of the real site (KB = 1,000 bytes; gzip level 6 computed by the benchmark)",
        "",
        "Real headless Chromium (Playwright, Debian's chromium). First view: a fresh profile. Repeat view: the",
        "same profile after viewing another page of the same language and kind, as a reader moves (an embed after",
        "another embed, as on a clinic's site; a site page after another site page; HTML sent `no-cache`, other files",
        "`max-age=3600`). Bytes are what the loopback server sent, raw and gzip.",
        "",
        "| Page | ours first view: requests, raw KB, gzip KB | ours repeat view | plain Material first view | plain Material repeat view |",
        "| --- | --- | --- | --- | --- |",
    ]

    def cell(view):
        return f"{len(view.requests)}, {_kb(view.raw)}, **{_kb(view.gzip)}**" if view else "–"

    for url in sorted(set(ours_views) | set(plain_views)):
        ours_pair, plain_pair = ours_views.get(url, (None, None)), plain_views.get(url, (None, None))
        lines.append(f"| `/{url}` | {cell(ours_pair[0])} | {cell(ours_pair[1])} | {cell(plain_pair[0])} | {cell(plain_pair[1])} |")
    ours_search, plain_search = weight["search"]["ours"], weight["search"]["plain"]
    home_first = ours_views.get("", (None, None))[0]
    lines += [
        "",
        f"Largest first view: ours `/{first_max[0]}` {_kb(first_max[1][0].gzip)} KB gzip; plain Material "
        f"`/{max(plain_views.items(), key=lambda item: item[1][0].gzip)[0]}` "
        f"{_kb(max(first.gzip for first, _ in plain_views.values()))} KB gzip.",
        "",
        f"A reader's first search (typing \"cramps\" on the landing page) then fetches, with ours: "
        f"{len(ours_search.requests)} requests, {_kb(ours_search.gzip)} KB gzip ("
        + ", ".join(f"`{path.rsplit('/', 1)[-1]}`" for path, _, _ in ours_search.requests)
        + f"); with plain Material, which loaded them with the page: {len(plain_search.requests)} requests, "
        f"{_kb(plain_search.gzip)} KB gzip. So the landing page plus a search costs "
        f"{_kb((home_first.gzip if home_first else 0) + ours_search.gzip)} KB gzip with ours.",
        "",
        *_search_candidates(weight),
        *_nginx_table(weight["nginx"]),
        "What each first view of ours fetches (the home page): "
        + ", ".join(f"`{path.rsplit('/', 1)[-1] or path}` {_kb(packed)}" for path, _, packed in (home_first.requests if home_first else []))
        + " (KB gzip).",
        "",
        "## Lighthouse (mobile, default throttling; site served gzip from a loopback server)",
        "",
        "Each page three times; a category's median score of the runs (the lowest in brackets when it differs), the",
        "median paint times (each run in brackets). Lighthouse simulates a slow phone from a trace taken on this",
        "shared machine, so a busy moment during a run moves its figures.",
        "",
        "| Page | Performance | Accessibility | Best practices | SEO | FCP s | LCP s | Render-blocking requests |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
        *[f"| `/{page.replace('(home)', '')}` | " + " | ".join(
          str(result[name]) + (f" ({result['lowest'][name]})" if result.get("lowest", {}).get(name, result[name]) != result[name] else "")
          for name in ("performance", "accessibility", "best-practices", "seo"))
          + f" | {statistics.median(result['fcp']):.2f} ({', '.join(f'{v:.2f}' for v in result['fcp'])})"
          + f" | {statistics.median(result['lcp']):.2f} ({', '.join(f'{v:.2f}' for v in result['lcp'])})"
          + f" | {result['blocking']} |" for page, result in scores.items()],
        "",
        "What the largest paint is, and what had finished before it reached the screen in each run's trace (the",
        "unthrottled load Lighthouse simulates from; every one of these is on the simulated paint's path):",
        "",
        "| Page | Largest contentful paint element | Finished before it, each run |",
        "| --- | --- | --- |",
        *[f"| `/{page.replace('(home)', '')}` | {'; '.join(f'`{e}`' for e in result.get('lcp_element', []))} | "
          + " / ".join(", ".join(f"`{name}`" for name in run) for run in result.get("before_lcp", [])) + " |"
          for page, result in scores.items()],
        "",
        *paint_check_section(scores, paint_check),
        "## Editor preview",
        "",
        *_preview_lines(preview),
        "",
        DESIGN,
    ]
    return "\n".join(lines)


def paint_check_section(scores, check) -> list[str]:
    """The same pages served three ways in one run: what the gap between first and largest paint is made of."""
    if not check:
        return []
    ways = [("loopback server, HTTP/1.0 (the table above)", scores),
            ("the same pages without their script files, HTTP/1.0", check["no_scripts"]),
            ("nginx with the build's snippet, HTTPS and HTTP/2", check["http2"])]

    def cell(values):
        return f"{statistics.median(values):.2f} ({', '.join(f'{v:.2f}' for v in values)})"

    return [
        "### The paint check: what the gap between first and largest paint is made of",
        "",
        "| Page | Served | FCP s | LCP s | LCP − FCP s (medians) |",
        "| --- | --- | --- | --- | --- |",
        *[f"| `/{page}` | {way} | {cell(results[page]['fcp'])} | {cell(results[page]['lcp'])} | "
          f"{statistics.median(results[page]['lcp']) - statistics.median(results[page]['fcp']):.2f} |"
          for page in check["http2"] for way, results in ways if page in results],
        "",
    ]


def languages_section(cost) -> list[str]:
    """The library in one language and in two (`bench.languages.LanguageCost`): what each language adds."""
    if cost is None:
        return []
    one, two = cost.median("one"), cost.two()
    lines = [
        f"## A second language: {cost.pages} pages in one language and in two",
        "",
        "The synthetic library built as a one-language site (`extra.languages` empty) and as a two-language site laid",
        "out as the project is (`scripts/bench/languages.py`): English from `docs/`, then a Spanish copy of every page",
        "from `languages/es/docs/` with the project's Spanish settings, built into the site's `es/`, as `make site`",
        f"does. Median of {len(cost.runs['one'])} run(s); the two sites' builds interleaved.",
        "",
        "| Site | Build | Median s | Median CPU s | Peak memory MB | HTML pages written |",
        "| --- | --- | --- | --- | --- | --- |",
        f"| one language | English | {one:.2f} | {cost.median_cpu('one'):.2f} | {cost.peak('one'):.0f} | {cost.outputs['one']} |",
    ]
    for name, label in (("english", "English (with the checks against Spanish)"), ("spanish", "Spanish, into `es/`")):
        lines.append(f"| two languages | {label} | {cost.median(name):.2f} | {cost.median_cpu(name):.2f} | "
                     f"{cost.peak(name):.0f} | {cost.outputs[name]} |")
    lines += [
        f"| two languages | both, one after the other | {two:.2f} | {cost.two_cpu():.2f} | "
        f"{max(cost.peak('english'), cost.peak('spanish')):.0f} | {cost.outputs['english'] + cost.outputs['spanish']} |",
        "",
        f"Two languages take {two / one:.2f} × the one-language build's wall time ({cost.two_cpu() / cost.median_cpu('one'):.2f} × "
        f"its CPU time): each language is a build of its own, so the cost grows in step with the number of languages "
        f"(about {(two - one) / one * 100:.0f} % more per added language of the same size), and the peak memory is one "
        "build's, not the sum.",
        "",
    ]
    return lines


def clinics_section(cost) -> list[str]:
    """Every clinic in one command (`bench.clinics.ClinicsCost`): 1, 4 and 8 clinics × 2 languages, against 1."""
    if cost is None:
        return []
    eight = cost.ratio(8)
    lines = [
        f"## Every clinic in one command: {cost.pages} pages × 2 languages, 1, 4 and 8 clinics",
        "",
        "`make sites` (`scripts/build_sites.py`) over the synthetic library laid out as the project is, with clinic",
        f"files holding only their own details (`scripts/bench/clinics.py`), {cost.cores} sites at once on this machine's",
        f"{cost.cores} cores. One run each, from an empty shared store (`.build/cache/`: the page conversions, search entries,",
        "embed parts, reading grades and the page's part of each link-preview picture, which every build of the project",
        "shares; a clinic after another compresses only the strip of its name, once), as a group's first CI run would be.",
        "Without anything shared, N clinics one after another take N × the time of one. What each further clinic still",
        "does itself, because its details or",
        "addresses are in every built page: Material's templates around every page, the embed, API and oEmbed files,",
        "the stylesheet's scan of each page, the `.gz` copies, its pictures and the checks of each built page.",
        "On this machine on 2026-12-07, four one-clinic builds in a row (two before the stores became packs, two after) took 93 to 109 s",
        "of CPU, the two kinds mixed; most of the spread is kernel time creating files soon after many others were deleted",
        "(ext4 passes over recently freed inodes), so each row's seconds move between runs by more than the ratios do.",
        "Two runs of this row alone (`cd scripts && python -m bench.clinics 2000`) on the same day, on the code of this run",
        "but for the shared reading grades in the first, gave 8 clinics 2.71 × and 2.62 × the time of 1 (89.9 s and 89.2 s).",
        "",
        "| Clinics | Wall s | CPU s | Wall against 1 clinic | CPU against 1 clinic |",
        "| --- | --- | --- | --- | --- |",
    ]
    for clinics, (wall, cpu) in sorted(cost.runs.items()):
        lines.append(f"| {clinics} | {wall:.1f} | {cpu:.1f} | {cost.ratio(clinics):.2f} × | {cost.ratio(clinics, 1):.2f} × |")
    lines += [
        "",
        "| Target | Measured | Status |",
        "| --- | --- | --- |",
        f"| 8 clinics in at most 3 × the time of 1 | {eight:.2f} × wall ({cost.ratio(8, 1):.2f} × CPU) | {_met(eight <= 3)} |",
        "",
    ]
    return lines


def _preview_target(preview: dict) -> list[str]:
    """The Targets table's row for `make serve` on the generated library."""
    median = statistics.median(preview["saves"])
    return [f"| Editor preview: from saving a page to `make serve` serving it rebuilt, at most 2 s (median of "
            f"{len(preview['saves'])}) in the {preview['pages']:,}-page library | {median:.2f} s; a symptom list to its "
            f"checklist page {preview['symptom_list']:.2f} s | {_met(median <= 2.0)} |",
            *_second_language_target(preview.get("second_language"))]


def _second_language_target(spanish: dict | None) -> list[str]:
    if not spanish:
        return []
    median = statistics.median(spanish["saves"])
    return [f"| Editor preview of the second language: from saving a Spanish page to `make serve-es` serving it "
            f"rebuilt, at most 2 s (median of {len(spanish['saves'])}) with {spanish['pages']:,} pages in each language | "
            f"{median:.2f} s (runs: {', '.join(f'{value:.2f}' for value in spanish['saves'])}); its first build "
            f"{spanish['first_build']:.0f} s | {_met(median <= 2.0)} |"]


def _scale_target(reference, large) -> list[str]:
    """The Targets table's row for the large library: time per page and memory per page stay flat."""
    if large is None:
        return []
    growth = (large.median("ours") / large.pages) / (reference.median("ours") / reference.pages)
    per_page = reference.peak("ours") * 1000 / reference.pages  # KB of peak memory per page at the reference size
    added = (large.peak("ours") - reference.peak("ours")) * 1000 / max(1, large.pages - reference.pages)
    return [f"| From {reference.pages:,} to {large.pages:,} pages our build's time per page and memory per page stay "
            f"flat (time per page at most 1.25 ×; each added page costs no more memory than a page did before) | time per "
            f"page {growth:.2f} ×; {added:.0f} KB per added page against {per_page:.0f} KB per page at {reference.pages:,} | "
            f"{_met(growth <= 1.25 and added <= per_page)} |"]


def _preview_lines(preview: dict) -> list[str]:
    """`make serve` (`mkdocs serve --dirty`) on the generated library: run.py `editor_preview`."""
    saves = preview["saves"]
    return [
        f"`make serve`'s preview of the {preview['pages']:,}-page library (`mkdocs serve --dirty`, target at most 2 s): "
        f"seconds from saving a page to the server answering with the page rebuilt (the server holds requests while it "
        f"rebuilds), polled every 50 ms on a loopback port. Saves to content pages (a new sentence): median "
        f"**{statistics.median(saves):.2f} s** (runs: {', '.join(f'{value:.2f}' for value in saves)}); a save of a "
        f"symptom list (a new symptom) until its checklist page shows it: {preview['symptom_list']:.2f} s. The first "
        f"build, before the preview is served: {preview['first_build']:.0f} s.",
    ]


def _search_candidates(weight: dict) -> list[str]:
    """The designs a first search could have, measured on the same site and queries in this run (bench/weight.py)."""
    search, candidates = weight["search"], weight["candidates"]
    (pagefind, pagefind_ui), (pagefind_es, _) = candidates["pagefind"], candidates["pagefind-es"]

    def row(name, english, spanish, note=""):
        return (f"| {name} | {len(english.requests)}, **{_kb(english.gzip)}** | {len(spanish.requests)}, "
                f"**{_kb(spanish.gzip)}** | {note} |")

    return [
        "A first search, by design (typing \"cramps\" on `/`, \"calambres\" on `/es/`; requests, KB gzip; "
        "the same site and run):",
        "",
        "| Design | English | Spanish | |",
        "| --- | --- | --- | --- |",
        row("**ours**: our interface (`search.js`) driving Material's worker and index", search["ours"], search["ours-es"],
            "the shipped design"),
        row("Material's own interface (its bundle) driving the same worker and index", candidates["material-bundle"],
            candidates["material-bundle-es"], "the design before: the bundle alone is 35 KB"),
        row("Pagefind 1.5.2 (PyPI `pagefind-bin`) over the same pages, through its JavaScript API, ten results' text",
            pagefind, pagefind_es, f"before any interface: its WebAssembly module alone is about 72 KB; its own "
            f"interface adds {_kb(pagefind_ui)} KB"),
        "",
    ]


def _nginx_table(nginx: dict) -> list[str]:
    """Ours as production sends it: Debian's nginx with the built snippet (gzip copies, caching headers), bytes as
    nginx itself logged them."""
    lines = [
        "",
        "As sent by nginx with the site's own snippet (`deploy/nginx.conf`: `.gz` copies, the caching policy), "
        "bytes as nginx logged them (body, then with headers), KB:",
        "",
        "| Page | First view: requests, body, with headers | Repeat view: requests, body, with headers |",
        "| --- | --- | --- |",
    ]
    for url, (first, repeat) in sorted(nginx.items()):
        lines.append(f"| `/{url}` | {len(first.requests)}, {_kb(first.body)}, **{_kb(first.total)}** | "
                     f"{len(repeat.requests)}, {_kb(repeat.body)}, **{_kb(repeat.total)}** |")
    return lines + [""]
