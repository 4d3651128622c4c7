"""The Zensical glue: engines that run no hooks get the same sequence as the MkDocs glue, in three steps.

`prepare` makes the build object and makes the one planning call (`SiteBuild.plan`); `overlay` writes the planned
files into a work folder with a config naming our Markdown extension (`extension`, which runs the one page
conversion around each page inside the engine); `finish` puts what the theme shows from our globals into the
built pages and writes what every build writes after its pages (embeds/output.py). `zensical_build` is the
command, for every language. Nothing here imports mkdocs.
"""
