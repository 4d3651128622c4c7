"""A MkDocs-style config file read without MkDocs: `INHERIT` merged as MkDocs merges it, paths made absolute.

Engines that read mkdocs.yml themselves (Zensical) still need our own view of it for the steps around their
build; this reads only what those steps use. `!ENV` and other tags are read as MkDocs' loader would not
need them here: a tagged value becomes its plain scalar.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

import yaml

from patient_site.errors import SiteError


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


def _merge(parent: dict, child: dict) -> dict:
    """MkDocs' INHERIT (mergedeep): mappings merge key by key, anything else replaces what it inherits."""
    merged = dict(parent)
    for key, value in child.items():
        merged[key] = _merge(merged[key], value) if isinstance(value, dict) and isinstance(merged.get(key), dict) else value
    return merged


def _load(path: str, seen: tuple = ()) -> dict:
    if path in seen:
        raise ConfigError(f"{os.path.relpath(path)}:1: INHERIT leads back to this file")
    try:
        with open(path, encoding="utf-8") as source:
            data = yaml.load(source, Loader=_Loader) or {}
    except OSError as error:
        raise ConfigError(f"{os.path.relpath(path)}:1: cannot read the config file ({error.strerror})") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ConfigError(f"{os.path.relpath(path)}:{mark.line + 1 if mark else 1}: not valid YAML") from None
    parent = data.pop("INHERIT", None)
    if parent:
        return _merge(_load(os.path.normpath(os.path.join(os.path.dirname(path), parent)), (*seen, path)), data)
    return data


@dataclass(frozen=True)
class SiteConfig:
    """The parts of a config file the steps around an engine's build need; paths are absolute."""

    config_file: str
    data: dict = field(repr=False)  # the whole merged config, as an engine would read it

    @classmethod
    def read(cls, config_file: str) -> "SiteConfig":
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
