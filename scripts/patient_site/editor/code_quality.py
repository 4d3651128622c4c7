"""The build's `file:line` messages for a forge: a GitLab Code Quality report, read from what `make site` printed.

`make site CODE_QUALITY=report.json` (scripts/build_site.py `--code-quality`) copies everything the build prints
(its own lines and the MkDocs processes' it starts) and, when the build is over, writes each message as a Code
Climate issue, which GitLab shows on the line of the merge request that caused it; `[]` when the build is clean.
GitHub reads the same lines through deploy/ci/github-problem-matcher.json: its patterns are the two below, written
in the regular-expression syntax Python, JavaScript and .NET (the GitHub runner) read alike.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

# "ERROR   -  docs/page.md:8: raw <script> is not allowed …", "docs/page.md: the review was due …" (a content check),
# "docs/index.md:19: page does not exist (Zensical): …", "WARNING -  patient_site: languages/es/…" (a plugin
# logger's name first). The file has a "." or "/" and no space, so MkDocs' own
# lines ("INFO    -  Building documentation …", "Aborted with …") and ours ("The build failed: …") are not matches.
MESSAGE = re.compile(r"^(?:(ERROR|WARNING) +- +(?:\w+: )?)?([^\s:]*[./][^\s:]*)(?::(\d+))?: (.+)$")
# A config file that is not YAML: MkDocs names it on the next line, `  in "/path/mkdocs.yml", line 2, column 15`.
CONFIG_ERROR = re.compile(r"^Error: (MkDocs encountered an error parsing the configuration file: .+)$")
CONFIG_WHERE = re.compile(r'^\s+in "(.+)", line (\d+), column (\d+)$')


@dataclass(frozen=True)
class Finding:
    path: str  # from the project folder, e.g. "docs/causes.md"
    line: int  # 1 when the message names the file only
    severity: str  # "error" or "warning"
    message: str


def findings(output: str, named_from: Path, project: Path) -> list[Finding]:
    """Every message in `output`, its file named from the `project` folder (messages name files from `named_from`,
    the folder of the config file built: a clinic's build names ../docs/causes.md)."""
    found, lines = [], output.splitlines()
    for n, line in enumerate(lines):
        if match := MESSAGE.match(line):
            severity, path, number, message = match.groups()
            found.append(Finding(_from_project(path, named_from, project), int(number or 1),
                                 (severity or "error").lower(), message))
        elif (match := CONFIG_ERROR.match(line)) and n + 1 < len(lines) and (where := CONFIG_WHERE.match(lines[n + 1])):
            found.append(Finding(_from_project(where[1], named_from, project), int(where[2]), "error", match[1]))
    return found


def _from_project(path: str, named_from: Path, project: Path) -> str:
    absolute = os.path.normpath(os.path.join(named_from, path))
    return os.path.relpath(absolute, project).replace(os.sep, "/")


def code_climate(found: list[Finding]) -> list[dict]:
    """GitLab's Code Quality report: one Code Climate issue per finding. The fingerprint leaves the line out, so a
    mistake that moves down a file is the same issue; a second one alike in the same file gets its own."""
    issues, seen = [], {}
    for finding in found:
        key = f"{finding.path}\n{finding.message}"
        seen[key] = seen.get(key, 0) + 1
        issues.append({
            "description": finding.message,
            "check_name": f"make site: {finding.severity}",
            "fingerprint": hashlib.sha256(f"{key}\n{seen[key]}".encode()).hexdigest(),
            "severity": "major" if finding.severity == "error" else "minor",
            "location": {"path": finding.path, "lines": {"begin": finding.line}},
        })
    return issues


def write_report(report: Path, output: str, named_from: Path, project: Path) -> None:
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(json.dumps(code_climate(findings(output, named_from, project)), indent=2) + "\n", "utf-8")


class Copied:
    """What was printed to stdout and stderr while `copied_output` ran, each stream's text on its own."""

    def __init__(self):
        self.streams: dict[int, list[bytes]] = {1: [], 2: []}

    @property
    def text(self) -> str:
        return "\n".join(b"".join(chunks).decode("utf-8", "replace") for chunks in self.streams.values())


@contextlib.contextmanager
def copied_output():
    """Everything written to stdout and stderr (by this process and by the processes it starts) still reaches the
    terminal, and is also kept: the descriptors 1 and 2 go through a pipe each, copied out by a thread each."""
    copied = Copied()
    sys.stdout.flush()
    sys.stderr.flush()
    saved, threads = {}, []
    for fd in (1, 2):
        saved[fd] = os.dup(fd)
        read, write = os.pipe()
        os.dup2(write, fd)
        os.close(write)

        def pump(read=read, fd=fd):
            while data := os.read(read, 65536):
                os.write(saved[fd], data)
                copied.streams[fd].append(data)
            os.close(read)

        threads.append(threading.Thread(target=pump, daemon=True))
        threads[-1].start()
    try:
        yield copied
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        for fd in (1, 2):
            os.dup2(saved[fd], fd)  # the pipe's last write end closes: its thread reads to the end and stops
        for thread in threads:
            thread.join()
        for fd in (1, 2):
            os.close(saved[fd])
