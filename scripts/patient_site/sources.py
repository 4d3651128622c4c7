"""The one reader of an editor's files: every step that reads a page, the glossary or a config file reads it here.

Editors' tools save the same words as different bytes: a UTF-8 byte-order mark (Windows Notepad), CRLF line ends
(Windows editors, Git's `autocrlf`), decomposed accents (macOS and some keyboards write "é" as "e" + U+0301). Two
readers that disagree on those see two different files: one step once read an English page's front matter as empty
because the BOM hid its opening `---` (issue 22). So every step reads a source as this module does: the BOM
dropped, every line end "\n", the text in Unicode NFC. None of these changes a line's number.
"""

from __future__ import annotations

import os
import unicodedata

from patient_site.errors import SiteError


class SourceEncodingError(SiteError):
    """A source file that is not UTF-8 text, named with the line where its first bad byte is."""


def decode(raw: bytes, shown: str) -> str:
    """A source file's bytes as the text every step reads (see the module's docstring); `shown` names it in errors."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise SourceEncodingError(f"{shown}:{line}: the file is not UTF-8 text ({error.reason}); open it and save it "
                                  "as UTF-8") from None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def read_source(path: str | os.PathLike, shown: str) -> str:
    """The text of the source file at `path` (see `decode`)."""
    with open(path, "rb") as source:
        return decode(source.read(), shown)


def normalized(value):
    """A value read by another reader (MkDocs' config loader) with its text in NFC, as `decode` gives it."""
    if isinstance(value, str):
        return value if value.isascii() else unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {key: normalized(item) for key, item in value.items()}
    if isinstance(value, list):
        return [normalized(item) for item in value]
    return value
