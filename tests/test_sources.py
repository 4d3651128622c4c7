"""The one reader of source files (patient_site/sources.py): files as editors' tools save them read as plain UTF-8.

A byte-order mark, CRLF line ends or decomposed accents (NFD) in any kind of source file, in either language, must
give the site the plain file gives: each case is a real build of every language, compared file by file with the
build of the plain project.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from helpers import build_languages, copy_project, tree_digest
from patient_site.sources import SourceEncodingError, decode

EPOCH = "1767225600"  # the sitemap's dates: the same in every build compared
# The English page and glossary have no accent of their own: words with some, so decomposing them changes their bytes.
ACCENTS = "\nSome people call night cramps *crampes nocturnes*; a café au lait before bed does not help.\n"
ALSO = ("  also: [valves]\n", "  also: [valves, válvulas]\n")  # an English glossary entry's other spelling


@pytest.mark.parametrize("raw, text", [
    # (bytes as an editor's tool saved them, the text every step reads)
    (b"\xef\xbb\xbf---\ntitle: A\n---\n", "---\ntitle: A\n---\n"),
    (b"---\r\ntitle: A\r\n---\r\nbody\r\n", "---\ntitle: A\n---\nbody\n"),
    (b"one\rtwo\r", "one\ntwo\n"),
    ("caf\u0065\u0301".encode(), "caf\u00e9"),
    (b"plain\n", "plain\n"),
])
def test_decode_reads_every_saving_as_plain_utf8(raw, text):
    assert decode(raw, "docs/a.md") == text


def test_invalid_utf8_names_the_file_and_line():
    with pytest.raises(SourceEncodingError, match=r"^docs/a\.md:3: the file is not UTF-8 text"):
        decode(b"---\ntitle: A\nCaf\xe9\n", "docs/a.md")


def _bom(raw: bytes) -> bytes:
    return b"\xef\xbb\xbf" + raw


def _crlf(raw: bytes) -> bytes:
    return raw.replace(b"\n", b"\r\n")


def _nfd(raw: bytes) -> bytes:
    decomposed = unicodedata.normalize("NFD", raw.decode("utf-8")).encode("utf-8")
    assert decomposed != raw, "the file has no accent to decompose: the case would test nothing"
    return decomposed


SAVINGS = {"bom": _bom, "crlf": _crlf, "nfd": _nfd}
FILES = {
    # kind of file -> the file in the project
    "english-page": "docs/night-cramps.md",
    "spanish-page": "languages/es/docs/night-cramps.md",
    "english-glossary": "docs/glossary.yml",
    "spanish-glossary": "languages/es/docs/glossary.yml",
    "config": "mkdocs.yml",
    "spanish-config": "languages/es/mkdocs.yml",
}


def _project(dest: Path) -> Path:
    project = copy_project(dest)
    page = project / "docs" / "night-cramps.md"
    page.write_text(page.read_text("utf-8") + ACCENTS, "utf-8")
    glossary = project / "docs" / "glossary.yml"
    assert ALSO[0] in glossary.read_text("utf-8")
    glossary.write_text(glossary.read_text("utf-8").replace(*ALSO), "utf-8")
    return project


def _build(project: Path) -> dict[str, str]:
    built = build_languages(project, project / "site")
    assert built.returncode == 0, built.log
    return tree_digest(built.site)


@pytest.fixture(scope="module")
def plain(tmp_path_factory) -> dict[str, str]:
    """The site of the plain project (UTF-8 without BOM, LF, NFC), every file's digest by path."""
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SOURCE_DATE_EPOCH", EPOCH)
        return _build(_project(tmp_path_factory.mktemp("plain")))


@pytest.mark.build
@pytest.mark.parametrize("saving", SAVINGS)
@pytest.mark.parametrize("kind", FILES)
def test_a_file_as_an_editor_saved_it_builds_the_same_site(kind, saving, plain, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    project = _project(tmp_path)
    path = project / FILES[kind]
    path.write_bytes(SAVINGS[saving](path.read_bytes()))
    found = _build(project)
    changed = sorted(name for name in found.keys() | plain.keys() if found.get(name) != plain.get(name))
    assert not changed, f"{FILES[kind]} saved with {saving} changed {changed[:10]}"
