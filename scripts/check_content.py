"""`make check`: reading grade, review dates, alt text and orphan pages, per page (see patient_site/editor/content_check.py)."""

from __future__ import annotations

import sys

from patient_site.editor.content_check import main

if __name__ == "__main__":
    sys.exit(main())
