"""Python-Markdown tree processors: the shared phrase walk, cross-links and glossary marks."""
