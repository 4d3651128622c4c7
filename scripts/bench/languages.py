"""`make bench`: what a second language costs, the synthetic library built in one language and in two.

The two-language site is laid out as the project is (LANGUAGES.md): the library in `docs/` with the English
config beside it, a Spanish copy of every page in `languages/es/docs/` (same file names, so every page has its
translation; the Spanish glossary is the project's own) and a Spanish config written as
`languages/es/mkdocs.yml` is: it inherits the English config and sets the language, the search language and
the site's own words. The pages keep the library's words: the build's work per page is the same whichever
language the sentences are in. The one-language build is the same English config with `extra.languages`
empty, as a clinic's site has it. As `make site` does, a two-language site is two builds, the English one
into the site folder and the Spanish one into its `es/`; each is timed as `run.timed_build` times a build,
runs interleaved, medians compared.
"""

from __future__ import annotations

import shutil
import statistics
from dataclasses import dataclass, field
from pathlib import Path

import yaml

import bench.corpus as bench_corpus

ROOT = Path(__file__).resolve().parents[2]
SPANISH = ROOT / "languages" / "es"
BUILDS = ("one", "english", "spanish")  # one language; the two-language site's English and Spanish builds


@dataclass
class LanguageCost:
    """One library's builds: each kind's runs (`run.Build`), and the HTML pages each wrote."""

    pages: int
    runs: dict[str, list] = field(default_factory=lambda: {name: [] for name in BUILDS})
    outputs: dict[str, int] = field(default_factory=dict)

    def median(self, name: str) -> float:
        return statistics.median(run.seconds for run in self.runs[name])

    def median_cpu(self, name: str) -> float:
        return statistics.median(run.cpu for run in self.runs[name])

    def peak(self, name: str) -> float:
        return max(run.peak_mb for run in self.runs[name])

    def two(self) -> float:
        """Median wall seconds of the whole two-language site: each run's English and Spanish builds added."""
        return statistics.median(en.seconds + es.seconds for en, es in zip(self.runs["english"], self.runs["spanish"]))

    def two_cpu(self) -> float:
        return statistics.median(en.cpu + es.cpu for en, es in zip(self.runs["english"], self.runs["spanish"]))


def spanish_config(english: dict, folder: Path) -> dict:
    """`languages/es/mkdocs.yml` for the library: the project's Spanish settings over the library's English config.

    The project's file says only what Spanish changes and names the real article's pages (menu, conditions); here it
    inherits the library's English config, the folders are the menu, and paths are absolute as the corpus's are.
    """
    spanish = yaml.safe_load((SPANISH / "mkdocs.yml").read_text("utf-8"))
    spanish["INHERIT"] = str(folder / "english.yml")
    spanish["docs_dir"] = str(folder / "languages" / "es" / "docs")
    for key in ("nav", "watch"):
        spanish.pop(key, None)
    spanish["hooks"] = english["hooks"]
    spanish["theme"]["custom_dir"] = english["theme"]["custom_dir"]
    spanish["extra"].pop("conditions", None)  # they name the real article's pages, as corpus.configs says
    spanish["extra"].setdefault("embed", {})["nginx_snippet"] = str(folder / "deploy" / "nginx.es.conf")
    spanish["site_url"] = english["site_url"].rstrip("/") + "/es/"  # as the composition sets it (README, "Another clinic")
    return spanish


def write_library(pages: int, folder: Path) -> tuple[int, dict[str, Path]]:
    """The library in English and its Spanish copy, and the three configs (`one`, `english`, `spanish`) by name."""
    docs = folder / "docs"
    count = bench_corpus.write_library(pages, docs, ROOT / "docs")
    english = bench_corpus.configs(ROOT, docs, "index.md")["ours"]
    spanish_docs = folder / "languages" / "es" / "docs"
    shutil.copytree(docs, spanish_docs)
    shutil.copy2(SPANISH / "docs" / "glossary.yml", spanish_docs / "glossary.yml")
    one = {**english, "extra": {**english["extra"], "languages": []}}
    configs = {"one": one, "english": english, "spanish": spanish_config(english, folder)}
    paths = {}
    for name, config in configs.items():
        paths[name] = folder / f"{name}.yml"
        paths[name].write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), "utf-8")
    return count, paths


def language_cost(pages: int, runs: int, work: Path, timed_build) -> LanguageCost:
    """Build the library `runs` times in one language and in two (`timed_build` is run.timed_build), interleaved."""
    folder = work / f"languages-{pages}"
    count, configs = write_library(pages, folder)
    cost = LanguageCost(count)
    for run in range(runs):
        one_first = run % 2 == 0  # alternate which site is built first, so a busy moment hits both alike
        for kind in ("one", "two") if one_first else ("two", "one"):
            if kind == "one":
                cost.runs["one"].append(timed_build(configs["one"], folder / f"site-one-{run + 1}"))
            else:
                site = folder / f"site-two-{run + 1}"
                cost.runs["english"].append(timed_build(configs["english"], site))
                cost.runs["spanish"].append(timed_build(configs["spanish"], site / "es"))
        print(f"bench: {count} pages, one language {cost.runs['one'][-1].seconds:.2f} s; two languages "
              f"{cost.runs['english'][-1].seconds:.2f} s + {cost.runs['spanish'][-1].seconds:.2f} s", flush=True)
    cost.outputs = {"one": _html(folder / "site-one-1"), "english": _html(folder / "site-two-1", skip="es"),
                    "spanish": _html(folder / "site-two-1" / "es")}
    return cost


def _html(site: Path, skip: str = "") -> int:
    return sum(1 for page in site.rglob("*.html")
               if page.name != "404.html" and not (skip and page.relative_to(site).parts[0] == skip))
