"""A folder of results shared by every build of the project (`.build/cache/<name>/`): one pickled entry per key.

Each caller keys an entry by a hash of everything its result depends on, so an entry can never be stale; an entry
is written whole or not at all (a partial file renamed into place), so builds of several clinics at once may read
and write the same folder. An entry that does not load (missing, or pickled by another version of our code) is
simply not there: the caller works it out again.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path


class SharedStore:
    def __init__(self, folder: Path):
        self.folder = folder

    def get(self, key: str):
        try:
            with open(self.folder / f"{key}.pickle", "rb") as stored:
                return pickle.load(stored)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None

    def put(self, key: str, value) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.folder / f"{key}.pickle"
        partial = target.with_name(f".{target.name}.{os.getpid()}")
        with open(partial, "wb") as stored:
            pickle.dump(value, stored, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(target)
