"""`make site ENGINE=zensical`: the pre-build step, Zensical, the post-build step; the site swapped in only when all passed.

Zensical runs in its own environment (.venv-zensical, requirements-zensical.txt) and imports our Markdown
extensions from the installed `patient_site` package. It builds a work folder next to the site folder
(`overlay.write_overlay`); a failure anywhere leaves the published site folder exactly as it was.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from pathlib import Path

from patient_site import composition
from patient_site.engine.finish import finish
from patient_site.engine.overlay import SITE, write_overlay
from patient_site.engine.prepare import prepare
from patient_site.errors import SiteError
from patient_site.languages import join_language
from patient_site.publish import failed, swap_in, work_folder

SUFFIX = "-zensical"  # the nginx snippet of a Zensical build goes beside the published one: deploy/nginx-zensical.conf

# Zensical reports an exception from an extension as "RuntimeError: Python error: EditorError: docs/x.md:3: …"
# after a traceback; an editor needs only the message our feature wrote.
ENGINE_ERROR = re.compile(r"Python error: \w+Error: (?P<message>\S+:\d+: .*)")
COLOURS = re.compile(r"\x1b\[[0-9;]*m")
# Zensical's own findings (a broken link, say): "Warning: page does not exist", then "╭─[ index.md:19:38 ]" naming
# the page inside the work folder's docs, then the source line as "19 │ text".
FINDING = re.compile(r"^(?:Warning|Error): (?P<message>.+)$")
WHERE = re.compile(r"╭─\[ (?P<path>.+):(?P<line>\d+):\d+ \]")


def zensical_command(config: Path) -> list[str]:
    return [sys.executable, "-m", "zensical", "build", "--strict", "--config-file", str(config)]


class _Failed(Exception):
    """A build step failed; its message is what the editor reads."""


def build(config_file: Path, site_dir: Path, timings: bool = False) -> int:
    """Build `config_file` with Zensical into `site_dir`, each further language into `site_dir/<lang>/` as
    `make site` does; 0 on success, 1 (site_dir untouched) otherwise."""
    site_dir = site_dir.resolve()
    with work_folder(site_dir, ".zensical-") as work:
        try:
            try:
                (_, first), *others = composition.configs(config_file)  # every language the site publishes
            except SiteError as error:
                raise _Failed(str(error)) from None
            prepared = _build_one(first, work / "first", work / SITE, timings)
            for lang, language_config in others:
                own = _build_one(language_config, work / lang, work / SITE / lang, timings)
                join_language(work / SITE, lang, _snippet(prepared), _snippet(own))
        except _Failed as error:
            return failed(str(error), site_dir)
        swap_in(work / SITE, site_dir)
    print(f"Built the site with Zensical into {site_dir.name}/")
    return 0


def _build_one(config_file: Path, work: Path, into: Path, timings: bool):
    """One language: plan, lay the work folder out, run Zensical, finish the built site and move it `into` place."""
    started = time.perf_counter()
    work.mkdir()
    try:
        prepared = prepare(str(config_file))
        for warning in prepared.planned.warnings:  # a strict build, as `mkdocs build --strict`
            raise _Failed(warning)
        config = write_overlay(prepared, work)
    except SiteError as error:
        raise _Failed(str(error)) from None
    prepared_at = time.perf_counter()
    run = subprocess.run(zensical_command(config), cwd=work, capture_output=True, text=True)
    built_at = time.perf_counter()
    output = COLOURS.sub("", run.stdout + run.stderr)
    if run.returncode != 0:
        messages = [match["message"] for match in ENGINE_ERROR.finditer(output)] or findings(output, prepared)
        raise _Failed("\n".join(messages) if messages else output.strip())
    try:
        finish(prepared, work / SITE, SUFFIX)
    except SiteError as error:
        raise _Failed(str(error)) from None
    (work / SITE).rename(into)
    if timings:
        print(f"{config_file}: pre-build {prepared_at - started:.1f} s, Zensical {built_at - prepared_at:.1f} s, "
              f"post-build {time.perf_counter() - built_at:.1f} s")
    return prepared


def _snippet(prepared) -> Path:
    """Where the post-build step wrote this build's nginx snippet (extra.embed.nginx_snippet, with the suffix)."""
    nginx = Path(prepared.site.paths.root) / prepared.site.settings.embed.nginx_snippet
    return nginx.with_name(nginx.stem + SUFFIX + nginx.suffix)


def findings(output: str, prepared) -> list[str]:
    """Zensical's findings as `path:line: message`, each page named as an editor finds it (docs/index.md)."""
    found, message, where = [], None, None
    for line in output.splitlines():
        if match := FINDING.match(line.strip()):
            message, where = match["message"], None
        elif message and (match := WHERE.search(line)):
            page = prepared.site.pages.get(match["path"])
            where = (page.shown if page else match["path"], match["line"])
        elif message and where and line.strip().startswith(f"{where[1]} │"):
            code = line.strip()[len(where[1]) + 2:].strip()
            found.append(f"{where[0]}:{where[1]}: {message} (Zensical): {code}")
            message, where = None, None
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the site with Zensical, atomically.")
    parser.add_argument("-f", "--config-file", default="mkdocs.yml")
    parser.add_argument("-d", "--site-dir", default="site-zensical")
    parser.add_argument("--timings", action="store_true", help="print how long each step took")
    args = parser.parse_args(argv)
    return build(Path(args.config_file), Path(args.site_dir), args.timings)


if __name__ == "__main__":
    sys.exit(main())
