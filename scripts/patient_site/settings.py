"""The shape check every `extra.<name>` settings block shares: a mapping, with only the keys it declares."""

from __future__ import annotations


def settings_block(data: object, name: str, fields: list[str], error: type[Exception] = ValueError) -> dict:
    """`data` as a dict (empty when absent); `error` names the block and the allowed keys when it is wrong."""
    data = {} if data is None else data
    if not isinstance(data, dict):
        raise error(f"{name} must be a block of settings ({', '.join(fields)})")
    unknown = sorted(map(str, set(data) - set(fields)))
    if unknown:
        raise error(f"{name} has unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(fields))}")
    return data
