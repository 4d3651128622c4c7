"""Reviews bound to words: what a sign-off, a translation and an approval covered, and what changed since.

`words` (what a reader sees of a page, as sentences), `records` (the plain-text records in `reviews/`), `state`
(each page's review and translation state, each approval's; the build's view), `project` (every language's pages,
glossary entries and site texts at once), `notices` (what readers are told), `checks` (`make check`'s findings),
`report` (`make review-report`), `commands` (the make targets). Nothing here imports MkDocs.
"""
