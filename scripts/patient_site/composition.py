"""A published site is the guide × a clinic × a language: the one place that puts their config files together.

- `mkdocs.yml` is the guide, in its first language, for the example clinic: a complete MkDocs config.
- `languages/<lang>/mkdocs.yml` says only what the language changes (its words, menu titles, search language).
- `clinics/<name>.yml` says only what is the clinic's own (its details, colour, logo, `site_url`, who may embed),
  and, under `languages:`, what differs in one language (`es: {extra: {clinic: {booking: …}}}`) or which
  language it leaves out (`fr: false`).

`compose` merges them as MkDocs merges INHERIT (blocks key by key, anything else replaced), child first: the clinic's
block for this language, the language file, the clinic file, mkdocs.yml (and what it INHERITs). So a language's
words translate the clinic's as they translate mkdocs.yml's, and what a clinic says for one language comes last. Then it sets what
no editor repeats: the paths (from the project folder), the language's own `site_url` (the site's plus `<lang>/`),
`theme.language`, the languages the clinic publishes, where the nginx snippet goes. The result is written as a
generated config (`.build/config/`) that MkDocs, ProperDocs and Zensical all read; its `extra.composition` says
where it came from, so a setting's `file:line` names the file an editor wrote (`layers`), never the generated one.

Settings that contradict each other stop here with `file:line`: a path repair or INHERIT in a clinic or language
file, a language file whose `theme.language` is not its folder's, two languages or two clinics on one address
sharing a checklist `storage_key`, a `theme.favicon` that is not a file.
Plain data in, plain data out: this module does not import MkDocs.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from patient_site.checklist.symptom_lists import ChecklistSettings
from patient_site.config_file import ConfigError, construct, key_node_of, merge, value_node
from patient_site.config_file import layers as file_layers
from patient_site.languages import LANGUAGES_FOLDER

MAIN = "mkdocs.yml"
CLINICS = "clinics"
OUTPUT = ".build/config"  # the generated configs, inside the project folder (never committed)
CACHE = ".build/cache"  # what builds of the project share (any clinic, any language): each entry keyed by its inputs
MARK = "composition"  # extra.composition: where a generated config came from
# Settings a clinic or language file never writes: the composition sets them for every site alike.
COMPOSED = {
    "INHERIT": "the composition puts the files together (README, \"Another clinic\")",
    "docs_dir": "each language's pages are in its own folder",
    "site_dir": "`make site` names the folder",
    "hooks": "the project's hook is used",
    "watch": "`make serve` watches the project's folders",
    "theme.custom_dir": "the project's overrides/ are used",
}
LANGUAGE_COMPOSED = {
    "site_url": "a language's address is the site's plus its folder (`es/`)",
    "extra.languages": "the site's languages are listed once, in mkdocs.yml",
}
CLINIC_COMPOSED = {
    "extra.languages": "a clinic leaves a language out under `languages:` (`fr: false`)",
}


class CompositionError(ConfigError):
    """Settings that cannot be put together, printed as `path:line: message`."""


@dataclass(frozen=True)
class Site:
    """One published site: the project's own (`clinic` None, into site/) or a clinic's (into site-<name>/)."""

    project: Path
    clinic: str | None = None

    @classmethod
    def of_file(cls, path: str | Path) -> Site:
        """The site a `--config-file` names: mkdocs.yml, a clinic file, or a generated config."""
        path = Path(path).resolve()
        if path.parent.name == CLINICS and (path.parent.parent / MAIN).is_file():
            return cls(path.parent.parent, path.stem)
        mark = _mark_of(path)
        if mark:
            return cls(Path(mark["project"]), mark.get("clinic"))
        if path.parent.parent.name == LANGUAGES_FOLDER and (path.parent.parent.parent / MAIN).is_file():
            return cls(path.parent.parent.parent)
        return cls(path.parent)

    @property
    def name(self) -> str:
        return self.clinic or "site"

    @property
    def main_file(self) -> Path:
        return self.project / MAIN

    @property
    def clinic_file(self) -> Path | None:
        return self.project / CLINICS / f"{self.clinic}.yml" if self.clinic else None

    @property
    def site_dir(self) -> Path:
        """Where `make site` publishes it: site/, or site-<clinic>/."""
        return self.project / (f"site-{self.clinic}" if self.clinic else "site")


def every_site(project: str | Path) -> list[Site]:
    """The project's own site, then each clinic in clinics/, by name."""
    project = Path(project).resolve()
    clinics = sorted(path.stem for path in (project / CLINICS).glob("*.yml")) if (project / CLINICS).is_dir() else []
    return [Site(project), *(Site(project, name) for name in clinics)]


@dataclass(frozen=True)
class Composed:
    """One site in one language, put together: `data` is what an engine reads; `layers` where each value is written."""

    site: Site
    lang: str
    first: bool  # the site's first language, published at its root
    layers: tuple[tuple[str, yaml.Node], ...]  # (file, the part of it this layer is), child first
    data: dict

    @property
    def own_file(self) -> Path:
        """The file messages about the site as a whole name: the clinic's, the language's, or mkdocs.yml."""
        return _own_file(self.site, self.lang, self.first)

    @property
    def config_file(self) -> Path:
        """What an engine is given: mkdocs.yml itself for the project's first language, else the generated file."""
        if self.first and not self.site.clinic:
            return self.site.main_file
        return self.site.project / OUTPUT / f"{self.site.name}.{self.lang}.yml"

    def write(self) -> Path:
        """Write the generated config (only when it changed, so a running `make serve` sees a change as one); its path."""
        path = self.config_file
        if path == self.site.main_file:
            return path
        text = ("# Generated by `make` from " + ", ".join(sorted({os.path.relpath(file, self.site.project) for file, _ in self.layers}))
                + " (scripts/patient_site/composition.py): edit those files, never this one.\n"
                + yaml.safe_dump(self.data, allow_unicode=True, sort_keys=False, width=10_000))
        if not path.is_file() or path.read_text("utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(f".{path.name}.{os.getpid()}")
            partial.write_text(text, "utf-8")
            partial.replace(path)
        return path


def language_file(project: Path, lang: str) -> Path:
    return project / LANGUAGES_FOLDER / lang / MAIN


def compose(site: Site, lang: str | None = None) -> Composed:
    """`site` in `lang` (default: its first language); CompositionError (`path:line: message`) if it cannot be."""
    main = [(path, document) for path, document in file_layers(str(site.main_file)) if document is not None]
    main_data = _data(main)
    listed = [str(entry.get("lang")) for entry in (main_data.get("extra") or {}).get("languages") or [] if isinstance(entry, dict)]
    first_lang = listed[0] if listed else str((_theme(main_data)).get("language") or "en")
    lang = lang or first_lang
    clinic, clinic_languages = _clinic_layers(site)
    left_out = {code for code, node in clinic_languages.items() if _is_false(node)}
    if lang in left_out:
        raise CompositionError(f"{_where(clinic_languages[lang], site.clinic_file)}: {site.clinic} leaves the language "
                               f"'{lang}' out")
    if lang != first_lang and lang not in listed:
        raise CompositionError(f"{os.path.relpath(site.main_file)}:1: '{lang}' is not one of the site's languages (extra.languages)")
    layers: list[tuple[str, yaml.Node]] = []
    if lang in clinic_languages:
        layers.append((str(site.clinic_file), clinic_languages[lang]))
    if lang != first_lang:
        path = language_file(site.project, lang)
        if not path.is_file():
            raise CompositionError(f"{os.path.relpath(site.main_file)}:1: the language '{lang}' has no "
                                   f"{os.path.relpath(path, site.project)} (LANGUAGES.md)")
        own = [(p, d) for p, d in file_layers(str(path)) if d is not None]
        layers += own[:1]  # an INHERIT in it is refused below, so only the file itself counts
    layers += clinic  # under the language's file: its words translate the clinic's, as they do mkdocs.yml's
    for path, node in layers:
        _refuse_composed(path, node, site, lang != first_lang and path.endswith(MAIN))
    _check_language(layers, lang, first_lang)
    layers += main
    data = _data(layers)
    own = _data([layer for layer in layers if site.clinic and layer[0] == str(site.clinic_file)])
    if "clinic" in (own.get("extra") or {}):  # a clinic's details are its own, whole: none of the example clinic's
        data["extra"]["clinic"] = own["extra"]["clinic"]  # (its address, say) carries over to it
    _fill_in(data, site, lang, first_lang, listed, left_out, main_data)
    composed = Composed(site, lang, lang == first_lang, tuple(layers), data)
    _check_favicon(composed)
    return composed


def compose_all(site: Site) -> list[Composed]:
    """Every language the site publishes, its first language first."""
    first = compose(site)
    listed = [entry["lang"] for entry in first.data["extra"].get("languages") or []]
    return [first, *(compose(site, lang) for lang in listed[1:])]


def configs(config_file: str | Path) -> list[tuple[str, Path]]:
    """(language, config file to build) of every language of the site `config_file` names, written and checked."""
    site = Site.of_file(config_file)
    found = compose_all(site)
    check_storage_keys(found, every_site(site.project))
    return [(composed.lang, composed.write()) for composed in found]


def names_first_language(config_file: str | Path) -> bool:
    """Whether `config_file` is a site's (mkdocs.yml, a clinic's) or its first language's, not a further language's."""
    path = Path(config_file).resolve()
    mark = _mark_of(path)
    if mark:
        return bool(mark.get("first"))
    return path.parent.parent.name != LANGUAGES_FOLDER


def engine_config(config_file: str | Path, lang: str | None = None) -> Path:
    """The config an engine reads for the site `config_file` names, in `lang` (default: the site's first language)."""
    path = Path(config_file).resolve()
    if lang is None and (_mark_of(path) or (path.parent.parent.name != LANGUAGES_FOLDER and path.parent.name != CLINICS)):
        return path  # mkdocs.yml (or another whole config, a benchmark's), or a config generated already
    site = Site.of_file(path)
    if lang is None and path.parent.parent.name == LANGUAGES_FOLDER:
        lang = path.parent.name
    return compose(site, lang).write()


def layers(config_file: str) -> list[tuple[str, yaml.Node]]:
    """Where each setting of `config_file` is written, child first: for a generated config, the files it was
    composed from; for any other, the file and what it INHERITs."""
    mark = _mark_of(Path(config_file))
    if not mark:
        return [(path, document) for path, document in file_layers(config_file) if document is not None]
    site = Site(Path(mark["project"]), mark.get("clinic"))
    return list(compose(site, mark["language"]).layers)


def own_file(config_file: str) -> str:
    """The file an editor wrote for `config_file`: for a generated config, the clinic's or the language's."""
    mark = _mark_of(Path(config_file))
    if not mark:
        return config_file
    return str(_own_file(Site(Path(mark["project"]), mark.get("clinic")), mark["language"], bool(mark.get("first"))))


def _own_file(site: Site, lang: str, first: bool) -> Path:
    if site.clinic:
        return site.clinic_file
    return site.main_file if first else language_file(site.project, lang)


def project_of(config_file: str) -> str | None:
    """The project folder of a generated config (None for any other config)."""
    mark = _mark_of(Path(config_file))
    return mark["project"] if mark else None


def written_in(config_file: str, key: str) -> str:
    """The file a top-level setting (`nav`, say) of `config_file` is written in: the nearest layer that has it."""
    for path, node in layers(config_file):
        if value_node(node, key) is not None:
            return path
    return own_file(config_file)


def check(config_file: str) -> None:
    """The checks between the site's files, for a build started without `make` (`mkdocs serve` of mkdocs.yml, a
    test's build): every language of the site composes, and no two share a checklist key on one address."""
    path = Path(config_file).resolve()
    site = Site.of_file(path)
    if not site.main_file.is_file():
        return
    check_storage_keys(compose_all(site), every_site(site.project))


def refresh(config_file: str) -> bool:
    """Compose a generated config again from its files and write it if they changed since; True if it did.

    `make serve` watches the files a generated config comes from; MkDocs reads the generated one."""
    mark = _mark_of(Path(config_file))
    if not mark:
        return False
    composed = compose(Site(Path(mark["project"]), mark.get("clinic")), mark["language"])
    before = Path(config_file).read_text("utf-8")
    return composed.write().read_text("utf-8") != before


def check_storage_keys(composed: list[Composed], sites: list[Site]) -> None:
    """No two sites' languages on one address (scheme, host, port) tick into one checklist `storage_key`.

    The browser keeps ticks per address and key: the Spanish checklist would show the English ticks, a clinic the
    other clinic's. Other clinics are composed only to compare; a mistake in another clinic's file is that clinic's
    build's to report, and never stops this one."""
    own = {(c.site, c.lang) for c in composed}
    others = []
    for site in sites:
        if site in {c.site for c in composed}:
            continue
        try:
            others += compose_all(site)
        except ConfigError:
            continue
    seen: dict[tuple[str, str], Composed] = {}
    for item in [*composed, *others]:
        key = (_origin(item.data.get("site_url") or ""), _storage_key(item.data))
        earlier = seen.setdefault(key, item)
        if earlier is item or (item.site, item.lang) not in own and (earlier.site, earlier.lang) not in own:
            continue
        mistaken = item if (item.site, item.lang) in own else earlier
        other = earlier if mistaken is item else item
        where = _where_key(mistaken, ("extra", "checklist", "storage_key"))
        raise CompositionError(
            f"{where}: extra.checklist.storage_key '{key[1]}' is also the key of {_label(other)} on the same address "
            f"({key[0]}), so a reader's ticks in one would show in the other; give {_label(mistaken)} its own key "
            "(for example with its language or clinic in it)")


# -- reading the files -----------------------------------------------------------------------------------------------

def _data(layers: list[tuple[str, yaml.Node]]) -> dict:
    merged: dict = {}
    for _, node in reversed(layers):
        data = construct(node) or {}
        if not isinstance(data, dict):
            continue
        data.pop("INHERIT", None)
        merged = merge(merged, data)
    return merged


def _clinic_layers(site: Site) -> tuple[list[tuple[str, yaml.Node]], dict[str, yaml.Node]]:
    """The clinic file as a layer without its `languages:` block, and that block's node per language."""
    if not site.clinic:
        return [], {}
    path = site.clinic_file
    if not path.is_file():
        raise CompositionError(f"{os.path.relpath(site.main_file)}:1: there is no clinic file {os.path.relpath(path)}")
    found = file_layers(str(path))
    document = found[0][1]
    if len(found) > 1:
        node = value_node(document, "INHERIT")
        raise CompositionError(f"{_where(node, path)}: INHERIT: remove it (and docs_dir, theme.custom_dir, hooks and "
                               "watch): a clinic file holds only the clinic's own settings; the rest comes from "
                               "mkdocs.yml and each language's file (README, \"Another clinic\")")
    if document is None:
        return [], {}
    if not isinstance(document, yaml.MappingNode):
        raise CompositionError(f"{_where(document, path)}: a clinic file is a block of settings (site_url:, extra:, …)")
    per_language = value_node(document, "languages")
    rest = yaml.MappingNode(document.tag, [(k, v) for k, v in document.value if not (isinstance(k, yaml.ScalarNode)
                                                                                   and k.value == "languages")],
                            start_mark=document.start_mark, end_mark=document.end_mark)
    languages: dict[str, yaml.Node] = {}
    if per_language is not None:
        if not isinstance(per_language, yaml.MappingNode):
            raise CompositionError(f"{_where(per_language, path)}: languages: is a block with one entry per language, "
                                   "for example\n    languages:\n      es:\n        extra:\n          clinic:\n"
                                   "            booking: https://…/es/citas\n      fr: false  # not published in French")
        for key, node in per_language.value:
            if not (_is_false(node) or isinstance(node, yaml.MappingNode)):
                raise CompositionError(f"{_where(node, path)}: languages.{key.value}: give the settings that differ in "
                                       "that language as a block, or `false` to leave the language out")
            languages[str(key.value)] = node
    return [(str(path), rest)], languages


def _refuse_composed(path: str, node: yaml.Node, site: Site, is_language: bool) -> None:
    refused = dict(COMPOSED)
    refused.update(LANGUAGE_COMPOSED if is_language else CLINIC_COMPOSED)
    for dotted, why in refused.items():
        *parents, last = dotted.split(".")
        found = node
        for key in parents:
            found = value_node(found, key)
        key_node = key_node_of(found, last)
        if key_node is not None:
            raise CompositionError(f"{_where(key_node, path)}: {dotted}: remove it from this file; {why}")


def _check_language(layers: list[tuple[str, yaml.Node]], lang: str, first_lang: str) -> None:
    """A language file's `theme.language` (if written) is its folder's language; a clinic never sets it."""
    for path, node in layers:
        written = value_node(value_node(node, "theme"), "language")
        if written is not None and str(written.value) != lang:
            if path.endswith(MAIN) and Path(path).parent.parent.name == LANGUAGES_FOLDER:
                raise CompositionError(f"{_where(written, path)}: theme.language is '{written.value}' but this is the "
                                       f"language file of '{lang}' ({os.path.relpath(Path(path).parent)}/); "
                                       f"write `language: {lang}`, or move the file to the folder of '{written.value}'")
            raise CompositionError(f"{_where(written, path)}: theme.language: remove it; each language's own file "
                                   "sets it, and a clinic publishes every language of the guide")


def _fill_in(data: dict, site: Site, lang: str, first_lang: str, listed: list[str], left_out: set[str], main: dict) -> None:
    """What no editor repeats: paths from the project folder, the language's address, the languages, the snippet."""
    project, root = site.project, site.main_file.parent
    data["docs_dir"] = str(project / "docs" if lang == first_lang else language_file(project, lang).parent / "docs")
    theme = data["theme"] = _theme(data)
    theme["language"] = lang
    main_theme = _theme(main)
    if main_theme.get("custom_dir"):
        theme["custom_dir"] = str((root / main_theme["custom_dir"]).resolve())
    data["hooks"] = [str((root / hook).resolve()) for hook in main.get("hooks") or []]
    sources = [site.main_file, *([site.clinic_file] if site.clinic else []),
               *([language_file(project, lang)] if lang != first_lang else [])]
    data["watch"] = [*(str((root / item).resolve()) for item in main.get("watch") or []), *map(str, sources)]
    base = str(data.get("site_url") or "")
    if base and not base.endswith("/"):
        base += "/"
    data["site_url"] = base + ("" if lang == first_lang else f"{lang}/") if base else base
    extra = data["extra"] = dict(data.get("extra") or {})
    extra["languages"] = [entry for entry in (main.get("extra") or {}).get("languages") or []
                          if not (isinstance(entry, dict) and str(entry.get("lang")) in left_out)]
    embed = extra["embed"] = dict(extra.get("embed") or {})
    written = embed.get("nginx_snippet")
    snippet = (root / written) if written and not site.clinic else (project / written) if written else \
        (project / "deploy" / (f"{site.clinic}/nginx.conf" if site.clinic else "nginx.conf"))
    if lang != first_lang:  # joined into the site's own snippet after the build (languages.join_language)
        snippet = snippet.with_name(f"{snippet.stem}.{lang}{snippet.suffix}")
    embed["nginx_snippet"] = str(snippet.resolve())
    extra[MARK] = {"project": str(project), "clinic": site.clinic, "language": lang, "first": lang == first_lang}


def _check_favicon(composed: Composed) -> None:
    """`theme.favicon`, where a file writes it, is a file inside the language's docs folder or the overrides."""
    for path, node in composed.layers:
        written = value_node(value_node(node, "theme"), "favicon")
        if written is None:
            continue
        theme = composed.data["theme"]
        folders = [composed.data["docs_dir"], *([theme["custom_dir"]] if theme.get("custom_dir") else [])]
        if not any(os.path.isfile(os.path.join(folder, str(written.value))) for folder in folders):
            raise CompositionError(f"{_where(written, path)}: theme.favicon '{written.value}' is not a file inside "
                                   f"{' or '.join(os.path.relpath(folder, composed.site.project) + '/' for folder in folders)}")
        return  # the nearest file's favicon is the one used


def _mark_of(path: Path) -> dict | None:
    """A generated config's `extra.composition`, read without reading the rest of it as settings."""
    if not path.name.endswith(".yml") or path.parent.as_posix().rsplit("/", 2)[-2:] != OUTPUT.split("/"):
        return None
    try:
        text = path.read_text("utf-8")
    except OSError:
        return None
    mark = _mark_in(text)
    return dict(mark) if mark else None  # the caller's own copy


@functools.lru_cache(maxsize=64)  # a build asks a few dozen times, of the same generated file (`make serve` each save)
def _mark_in(text: str) -> dict | None:
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError:
        return None
    mark = (data.get("extra") or {}).get(MARK) if isinstance(data, dict) else None
    return mark if isinstance(mark, dict) and mark.get("project") and mark.get("language") else None


def _theme(data: dict) -> dict:
    theme = data.get("theme") or {}
    return dict({"name": theme} if isinstance(theme, str) else theme)


def _is_false(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.value.lower() in ("false", "no", "off")


def _where(node: yaml.Node | None, path: str | Path) -> str:
    line = node.start_mark.line + 1 if node is not None else 1
    return f"{os.path.relpath(path)}:{line}"


def _where_key(composed: Composed, keys: tuple[str, ...]) -> str:
    """The file and line a setting is written at, the nearest layer first (the file itself when nowhere)."""
    for path, node in composed.layers:
        found = node
        for key in keys:
            found = value_node(found, key)
        if found is not None:
            return _where(found, path)
    return f"{os.path.relpath(composed.own_file)}:1"


def _storage_key(data: dict) -> str:
    checklist = (data.get("extra") or {}).get("checklist") or {}
    return str(checklist.get("storage_key") or ChecklistSettings.storage_key)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else url


def _label(composed: Composed) -> str:
    who = f"clinic '{composed.site.clinic}'" if composed.site.clinic else "the site"
    return f"{who} in '{composed.lang}'"
