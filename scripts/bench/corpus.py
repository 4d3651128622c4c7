"""Synthetic condition libraries for `make bench`: N Markdown pages in sections, and the three configs to build them.

Each page has the front matter editors write (title, description, terms), a marked symptom list, and prose that
mentions other pages' terms, so our hook has real cross-linking and checklist work to do. Pages sit in areas
(top-level sections) of topics (sub-sections) of at most 40 pages, each folder with an `index.md`, as a clinic
with a large library would arrange them. The configs: `ours` is the project's mkdocs.yml with its hooks and,
after them, the benchmark's timer hook (scripts/bench/timer_hook.py: the product's mkdocs.yml never names it);
`material-menu` is `ours` with Material's own menu templates instead of the menu our hook writes
(scripts/patient_site/theme/nav_menu.py), so the rest of the hook's cost can be told apart; `plain` is the
same file with every hook and the theme overrides switched off (plain Material, same content and theme
settings); `default` is Material with nothing but its defaults.
"""

from __future__ import annotations

import copy
import random
import shutil
from pathlib import Path

import yaml

TIMER_HOOK = Path(__file__).resolve().with_name("timer_hook.py")  # listed by absolute path, after the product's
TOPIC_SIZE = 40  # pages per topic folder, its index included
AREA_TOPICS = 10  # topic folders per area folder
SYLLABLES = "ba ke lo mu ri sa to ve ni do".split()
SYMPTOMS = [
    "Swelling in the legs or ankles", "Aching after standing", "Itchy skin over the veins", "Cramps at night",
    "Heavy, tired legs", "Skin that changes colour", "Restless legs in the evening", "Slow-healing sores",
]
FILLER = (
    "This page is synthetic text for a build benchmark; it explains nothing about health. "
    "It is about as long as a short patient leaflet, with a few paragraphs, a list and links to related pages. "
)


def word(number: int) -> str:
    """A made-up word, unique per number and at least three syllables long ("bakelo")."""
    digits = f"{number:03d}"
    return "".join(SYLLABLES[int(d)] for d in digits)


def layout(pages: int) -> list[str]:
    """Source paths of a library of exactly `pages` Markdown files (at least 4): leaves plus folder indexes."""
    if pages < 4:
        raise ValueError("a library needs at least 4 pages: the home page, an area and a topic index, and a leaf")
    leaves = pages
    while True:
        paths = _paths(leaves)
        if len(paths) <= pages:
            return paths
        leaves -= 1


def _paths(leaves: int) -> list[str]:
    paths, folders = ["index.md"], []
    per_topic = TOPIC_SIZE - 1
    for number in range(leaves):
        area, topic = number // (per_topic * AREA_TOPICS), (number // per_topic) % AREA_TOPICS
        area_dir, topic_dir = f"area-{word(area)}", f"topic-{word(area * AREA_TOPICS + topic)}"
        for folder in (area_dir, f"{area_dir}/{topic_dir}"):
            if folder not in folders:
                folders.append(folder)
                paths.append(f"{folder}/index.md")
        paths.append(f"{area_dir}/{topic_dir}/{word(number + 1000)}.md")
    return paths


def page_text(path: str, number: int, terms_of: list[list[str]], rng: random.Random) -> str:
    """One page's Markdown: front matter, prose mentioning other pages' terms, and a marked symptom list."""
    name = word(number + 2000)
    title = f"About {name}" if not path.endswith("index.md") else f"Overview {name}"
    others = [terms for index, terms in enumerate(terms_of) if index != number]
    mentions = [rng.choice(terms) for terms in rng.sample(others, k=min(6, len(others)))]
    symptoms = rng.sample(SYMPTOMS, k=4)
    return "\n".join([
        "---",
        f"title: {title}",
        f"description: A synthetic page about {name} for the build benchmark.",
        "terms:",
        *[f"  - {term}" for term in terms_of[number]],
        "---",
        "",
        f"# {title}",
        "",
        f"{FILLER}Readers of this page often also read about {mentions[0]} and {mentions[1]}. " * 2,
        "",
        "## Symptoms",
        "",
        "<!-- checklist:start -->",
        *[f"- {symptom}" for symptom in symptoms],
        "<!-- checklist:end -->",
        "",
        "## Related reading",
        "",
        f"{FILLER}Some readers compare it with {mentions[2]}, {mentions[3]} or {mentions[4]}. " * 2,
        "",
        f"Ask about {mentions[5] if len(mentions) > 5 else mentions[0]} at your next appointment. {FILLER}",
        "",
    ])


def write_library(pages: int, docs: Path, assets_from: Path, seed: int = 6) -> int:
    """Write a library of `pages` Markdown files into `docs` (plus the project's non-Markdown files); returns the count."""
    rng = random.Random(seed)
    paths = layout(pages)
    terms_of = [[f"{word(number + 2000)} syndrome", f"{word(number + 2000)} care"] for number in range(len(paths))]
    for number, path in enumerate(paths):
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page_text(path, number, terms_of, rng), "utf-8")
    # Stylesheets, scripts and images the theme settings name (docs/assets/…); never the project's own pages.
    for source in assets_from.rglob("*"):
        if source.is_file() and source.suffix != ".md":
            destination = docs / source.relative_to(assets_from)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination)
    return len(paths)


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml; tags such as !ENV keep their plain value."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: loader.construct_scalar(node)
                              if isinstance(node, yaml.ScalarNode) else loader.construct_sequence(node))


def load_mkdocs_yml(project: Path) -> dict:
    with open(project / "mkdocs.yml", encoding="utf-8") as file:
        return yaml.load(file, Loader=_Loader)


MENU_OVERRIDE = "partials/nav.html"  # the override that has our hook write the menu


def configs(project: Path, docs: Path, first_list: str, material_menu_overrides: Path | None = None) -> dict[str, dict]:
    """The configs of one library: `ours` (the product's hooks, then the timer hook), `material-menu` (given
    overrides without our menu), `plain` (hooks and overrides off) and `default` Material."""
    base = load_mkdocs_yml(project)
    ours = copy.deepcopy(base)
    ours["docs_dir"] = str(docs)
    ours.pop("nav", None)  # the folders are the navigation, as in a large library
    ours.pop("watch", None)
    # Absolute paths, as the config lies next to the library; the timer last (its priorities put it around the rest).
    ours["hooks"] = [str(project / hook) for hook in base.get("hooks", [])] + [str(TIMER_HOOK)]
    theme = ours.setdefault("theme", {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = str(project / theme["custom_dir"])
    extra = ours.setdefault("extra", {})
    extra["checklist"] = {**(extra.get("checklist") or {}), "required_pages": [first_list]}
    extra.pop("conditions", None)  # they name the real article's pages, which a synthetic library does not have

    plain = copy.deepcopy(ours)
    plain.pop("hooks", None)
    plain["theme"].pop("custom_dir", None)

    default = {
        "site_name": base.get("site_name", "Benchmark"),
        "site_url": base.get("site_url"),
        "docs_dir": str(docs),
        "theme": {"name": "material"},
    }
    named = {"ours": ours, "plain": plain, "default": default}
    if material_menu_overrides is not None:
        named["material-menu"] = copy.deepcopy(ours)
        named["material-menu"]["theme"]["custom_dir"] = str(material_menu_overrides)
    return named


def write_configs(project: Path, folder: Path, docs: Path, first_list: str) -> dict[str, Path]:
    """Write each config as `<name>.yml` in `folder` (and the overrides of `material-menu`); returns their paths by name."""
    overrides = folder / "overrides-material-menu"
    shutil.rmtree(overrides, ignore_errors=True)
    shutil.copytree(project / load_mkdocs_yml(project)["theme"]["custom_dir"], overrides)
    (overrides / MENU_OVERRIDE).unlink()
    written = {}
    for name, config in configs(project, docs, first_list, overrides).items():
        path = folder / f"{name}.yml"
        path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), "utf-8")
        written[name] = path
    return written
