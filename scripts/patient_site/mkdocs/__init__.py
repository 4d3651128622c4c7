"""The MkDocs glue: the only part of the package that imports mkdocs (see ARCHITECTURE.md)."""
