"""The built site checked by the tools the web trusts: lychee for links, the Nu Html Checker for HTML.

Each check also runs once on a deliberately broken copy of the site, so we know it can fail.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT

pytestmark = [pytest.mark.build, pytest.mark.slow]

LYCHEE = Path(sys.executable).with_name("lychee")
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Nu Html Checker errors that come from Material's own templates, not from us; each with its reason.
VNU_ALLOWED = {
    # Material's hidden drawer/search toggles are <input type="checkbox" autocomplete="off"> so that browsers
    # do not restore an open drawer on "back"; the attribute is harmless on checkboxes.
    "Attribute “autocomplete” is only allowed when the input type is": "Material's md-toggle checkboxes",
}


def lychee(site: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            str(LYCHEE), "--offline", "--include-fragments", "--index-files", "index.html",
            "--root-dir", str(site.resolve()), "--extensions", "html,css,xml,json,txt",
            "--no-progress", "--format", "json", str(site),
        ],
        capture_output=True,
        text=True,
    )


def vnu_errors(site: Path) -> list[dict]:
    done = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", str(site)],
        capture_output=True,
        text=True,
    )
    messages = json.loads(done.stderr or done.stdout)["messages"]
    return [m for m in messages if not any(m.get("message", "").startswith(known) for known in VNU_ALLOWED)]


def broken_copy(site: Path, tmp_path: Path, extra_html: str) -> Path:
    """A copy of the built site with `extra_html` added at the end of the symptoms page's article."""
    copy = tmp_path / "broken"
    shutil.copytree(site, copy)
    page = copy / "symptoms" / "index.html"
    text = page.read_text("utf-8")
    page.write_text(text.replace("</article>", extra_html + "</article>", 1), "utf-8")
    return copy


def test_no_broken_links_or_fragments(site):
    done = lychee(site.site)
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads(done.stdout)
    assert report["total"] > 100 and report["errors"] == 0


@pytest.mark.parametrize(
    "broken",
    ['<a href="../causes/#no-such-heading">x</a>', '<a href="../no-such-page/">x</a>', '<img src="nope.png" alt="x">'],
)
def test_lychee_finds_a_broken_link(site, tmp_path, broken):
    done = lychee(broken_copy(site.site, tmp_path, broken))
    assert done.returncode != 0
    assert json.loads(done.stdout)["errors"] >= 1


def test_html_is_valid(site):
    errors = vnu_errors(site.site)
    assert errors == [], json.dumps(errors, indent=1, ensure_ascii=False)


def test_vnu_finds_invalid_html(site, tmp_path):
    errors = vnu_errors(broken_copy(site.site, tmp_path, '<p id="related-pages-title">duplicate id</p><li>stray</li>'))
    assert len(errors) >= 2
