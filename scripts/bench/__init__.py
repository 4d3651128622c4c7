"""`make bench`: figures, not tests; never part of the product or of mkdocs.yml."""
