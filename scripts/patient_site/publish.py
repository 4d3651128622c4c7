"""A built site goes live all at once: every engine builds into a new folder and swaps it in only when all passed.

A strict build still writes its site folder when it fails, so `make site` (MkDocs) and `make site ENGINE=zensical`
build beside the published folder instead, and a mistake leaves the published site exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def work_folder(site_dir: Path, prefix: str) -> Iterator[Path]:
    """A new empty folder beside `site_dir` (the same disk, so the swap is a rename), removed afterwards."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=prefix, dir=site_dir.parent))
    try:
        yield work
    finally:
        shutil.rmtree(work, ignore_errors=True)


def swap_in(new: Path, site_dir: Path) -> None:
    """Put the finished `new` site in place of `site_dir`, then remove the old one."""
    old = site_dir.with_name(f".{site_dir.name}-old-{os.getpid()}")
    if site_dir.exists():
        site_dir.rename(old)
    new.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def failed(message: str, site_dir: Path) -> int:
    """Say what failed, and that the published folder was kept; the exit code of a failed build."""
    if message:
        print(message, file=sys.stderr)
    print(f"The build failed: {site_dir.name}/ was left as it was. Fix the problem named above and try again.", file=sys.stderr)
    return 1
