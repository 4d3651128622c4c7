"""The build without MkDocs events: for engines that run no hooks (Zensical), the same features in three steps.

`prepare` reads the config and every page as the MkDocs glue does in `on_config`/`on_files` and makes the generated
pages; `zensical` writes them into a docs overlay, runs the engine and then `finish`es the built site (embed
variants, API/oEmbed files, headers). The Markdown-level features run inside the engine as extensions
(`patient_site.markdown.standalone`). Nothing here imports mkdocs.
"""
