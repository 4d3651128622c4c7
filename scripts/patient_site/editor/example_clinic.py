"""The publishing guard: the shipped example clinic's details must not reach patients unnoticed.

The project ships with a clinic that does not exist ("Example Vein Clinic (fictional)", 555-0100,
clinic.example.org). A site published with those details would send patients to a phone number and website
nobody answers. `make check` warns about each such value, naming the line in the config file; with
`extra.content_check.example_clinic: fail`, `make site` refuses to publish until they are replaced.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import yaml

# Hosts reserved for examples (RFC 2606 / 6761) and the US phone numbers reserved for fiction (555-0100 to 555-0199).
EXAMPLE_HOST = re.compile(r"(^|\.)(example\.(com|net|org)|example|invalid|test|localhost)$")
FICTIONAL_PHONE = re.compile(r"(^|\D)555[-. ]?01\d\d(\D|$)")
EXAMPLE_NAME = re.compile(r"\b(fictional|example)\b", re.IGNORECASE)


def example_values(clinic: dict) -> list[tuple[str, str]]:
    """(key, value) of every `extra.clinic` value that is still an example, in the block's order."""
    found = []
    for key, value in clinic.items():
        text = str(value)
        if key == "name" and EXAMPLE_NAME.search(text):
            found.append((key, text))
        elif key == "phone" and FICTIONAL_PHONE.search(text):
            found.append((key, text))
        elif key in ("website", "booking") and EXAMPLE_HOST.search(urlsplit(text).hostname or ""):
            found.append((key, text))
    return found


def _lines(config_text: str) -> dict[str, int]:
    """`extra.clinic.KEY` -> its line in the config file (keys inherited from another file are absent)."""
    try:
        root = yaml.compose(config_text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return {}
    node = root
    for name in ("extra", "clinic"):
        if not isinstance(node, yaml.MappingNode):
            return {}
        node = next((value for key, value in node.value if key.value == name), None)
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {key.value: value.start_mark.line + 1 for key, value in node.value}


def guard_messages(config_shown: str, config_text: str, clinic: dict) -> list[str]:
    """One `file:line: message` per example value, saying what to do."""
    lines = _lines(config_text)
    messages = []
    for key, value in example_values(clinic):
        where = f"{config_shown}:{lines[key]}" if key in lines else f"{config_shown} (inherited)"
        messages.append(f"{where}: extra.clinic.{key} is still the shipped example ({value!r}); "
                        f"put in your clinic's real {key} before publishing")
    return messages
