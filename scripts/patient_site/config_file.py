"""A MkDocs-style config file and the files it INHERITs: the one place that follows `INHERIT`.

`layers` gives each file's parsed YAML (child first) with line numbers, which `settings.py` reads to name the file
and line of a setting; `SiteConfig` merges them as MkDocs merges INHERIT, for engines that read mkdocs.yml
themselves (Zensical) and need our own view of it. `!ENV` and other tags are read as MkDocs' loader would not
need them here: a tagged value becomes its plain scalar.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field

import yaml

from patient_site.errors import SiteError
from patient_site.sources import read_source


class ConfigError(SiteError):
    """A config file that cannot be read, printed as `path:line: message`."""


class _Loader(yaml.SafeLoader):
    """Safe YAML that reads any tag (`!ENV`, `!relative`, `!!python/name:…`) as the plain value it tags."""


def _untagged(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_Loader.add_multi_constructor("!", _untagged)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _untagged)


def merge(parent: dict, child: dict) -> dict:
    """MkDocs' INHERIT (mergedeep): mappings merge key by key, anything else replaces what it inherits."""
    merged = dict(parent)
    for key, value in child.items():
        merged[key] = merge(merged[key], value) if isinstance(value, dict) and isinstance(merged.get(key), dict) else value
    return merged


def layers(config_file: str) -> list[tuple[str, yaml.Node]]:
    """(path, parsed document) of the config file and each file it INHERITs, child first; ConfigError if one
    cannot be read or leads back to itself."""
    found, path = [], os.path.abspath(config_file)
    while path:
        if any(path == seen for seen, _ in found):
            raise ConfigError(f"{os.path.relpath(found[-1][0])}:1: INHERIT leads back to {os.path.relpath(path)}")
        try:
            document = _compose(read_source(path, os.path.relpath(path)))
        except OSError as error:
            raise ConfigError(f"{os.path.relpath(path)}:1: cannot read the config file ({error.strerror})") from None
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            raise ConfigError(f"{os.path.relpath(path)}:{mark.line + 1 if mark else 1}: not valid YAML") from None
        found.append((path, document))
        parent = value_node(document, "INHERIT")
        path = os.path.normpath(os.path.join(os.path.dirname(path), parent.value)) if isinstance(parent, yaml.ScalarNode) else None
    return found


@functools.lru_cache(maxsize=64)  # a build reads its few config files a dozen times (messages, settings, checks)
def _compose(text: str) -> yaml.Node | None:
    """One config file's parsed document; nothing changes a parsed document, so every reader shares it."""
    return yaml.compose(text, Loader=_Loader)


def _pair(node, key: str):
    """(key node, value node) of `key` in a mapping node, or (None, None)."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
                return key_node, value
    return None, None


def key_node_of(node, key: str):
    """The key node of `key` in a mapping node (where the setting's line is), or None."""
    return _pair(node, key)[0]


def value_node(node, key: str):
    """The value node of `key` in a mapping node, or None."""
    return _pair(node, key)[1]


def construct(node):
    """The plain data of a composed node (a whole document, or a part of one), tags read as their plain values."""
    if node is None:
        return None
    loader = _Loader("")
    try:
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _load(config_file: str) -> dict:
    """The merged config: each layer's data over its parent's, without INHERIT."""
    merged: dict = {}
    for _, document in reversed(layers(config_file)):
        data = construct(document) or {}
        data.pop("INHERIT", None)
        merged = merge(merged, data)
    return merged


@dataclass(frozen=True)
class SiteConfig:
    """The parts of a config file the steps around an engine's build need; paths are absolute."""

    config_file: str
    data: dict = field(repr=False)  # the whole merged config, as an engine would read it

    @classmethod
    def read(cls, config_file: str) -> SiteConfig:
        config_file = os.path.abspath(config_file)
        return cls(config_file, _load(config_file))

    @property
    def root(self) -> str:
        return os.path.dirname(self.config_file)

    def path(self, value: str) -> str:
        """A path setting, relative to the config file as MkDocs reads every path (also inherited ones)."""
        return os.path.normpath(os.path.join(self.root, value))

    @property
    def docs_dir(self) -> str:
        return self.path(self.data.get("docs_dir", "docs"))

    @property
    def theme(self) -> dict:
        theme = self.data.get("theme") or {}
        return {"name": theme} if isinstance(theme, str) else theme

    @property
    def custom_dir(self) -> str | None:
        custom = self.theme.get("custom_dir")
        return self.path(custom) if custom else None

    @property
    def extra(self) -> dict:
        return self.data.get("extra") or {}

    @property
    def site_url(self) -> str:
        url = self.data.get("site_url") or ""
        return url if not url or url.endswith("/") else url + "/"  # as MkDocs normalises it

    @property
    def language(self) -> str:
        return self.theme.get("language") or "en"

    @property
    def extra_css(self) -> list[str]:
        return [str(item) for item in self.data.get("extra_css") or []]

    @property
    def extra_javascript(self) -> list[str]:
        return [str(item if isinstance(item, str) else item.get("path")) for item in self.data.get("extra_javascript") or []]
