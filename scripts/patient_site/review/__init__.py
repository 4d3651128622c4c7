"""Reviews bound to words: what a sign-off, a translation and an approval covered, and what changed since.

`words` (what a reader sees of a page, as sentences), `records` (the plain-text records in `reviews/`), `state`
(each page's review and translation state, each approval's), `report` (`make review-report`), `commands` (the
make targets). Plain data in, plain data out: nothing here imports MkDocs.
"""
