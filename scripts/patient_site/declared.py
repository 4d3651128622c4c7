"""One way to declare what an editor's file may hold: a `Field` per key, and `Bad` for a value that does not fit.

The settings (`settings.py`: every `extra.*` block of mkdocs.yml) and the front matter (`frontmatter/schema.py`: every
key a page may set) are declared with it. A check is a function of a table of kinds, `(field, value, keys)`, that
returns the value as its feature reads it or raises `Bad` with the keys at fault; each reader turns those keys into
its own `path:line:` (the settings follow INHERIT to the file, a page asks its front matter), so a message always
points at the line to fix and ends with the field's example. A new key is one more `Field`.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    """One key: the kind of value it holds, its default, and how its line looks when right."""

    kind: str  # a key of the reader's table of kinds
    example: str  # the key as an editor writes it, shown after every message about it
    default: object = None  # used when the key is missing or empty; ignored when `required`
    required: bool = False
    meaning: str = ""  # for a required key: "is missing: give <meaning>" (without it, the kind's own message)
    choices: tuple = ()  # "choice", "choices": the values allowed
    low: float | None = None  # "number", "whole number": the range; "pages": the fewest items
    high: float | None = None
    unit: str = ""  # "whole number": what it counts, e.g. pixels
    fields: Mapping[str, Field] | None = None  # "block": the keys inside
    make: Callable | None = None  # "block": builds the feature's value from the checked keys
    item: Field | None = None  # "cards", "blocks": the block each card or entry is


class Bad(Exception):
    """A value that does not fit its `Field`: the keys leading to it (for the line), what is wrong, the example."""

    def __init__(self, keys: tuple, message: str, example: str = ""):
        super().__init__(message)
        self.keys, self.message, self.example = keys, message, example


def closest(key: str, allowed) -> str | None:
    """The allowed key an unknown one was probably meant to be (a typo), or None."""
    guess = difflib.get_close_matches(str(key), list(allowed), n=1, cutoff=0.6)
    return guess[0] if guess else None
