"""Where each page's "Edit this page" leads: the forge's web editor, on the file(s) the page is made from.

One setting serves every language and clinic: `repo_url` and `edit_uri`, where `edit_uri` stops at the branch
(`edit/main/` on GitHub, `-/edit/main/` on GitLab) and the build adds each source's path from the project folder.
MkDocs' own `edit_uri` is relative to one docs_dir, so the Spanish pages (languages/es/docs/) would need their own;
from the project folder, one line in mkdocs.yml is right for all of them. A generated page opens what it is made
from (habit 3 of the house style): a checklist, the page(s) holding its symptom lists; the glossary, its glossary
file; the for-clinics pages, the site's settings file (the clinic's, the language's or mkdocs.yml: never the config
`make` generates from them). Both engines take their links from `edit_links`.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote, urljoin

from patient_site.composition import own_file, project_of, written_in
from patient_site.errors import SiteError
from patient_site.markdown.glossary import FILE as GLOSSARY_FILE
from patient_site.markdown.glossary import PAGE as GLOSSARY_PAGE

if TYPE_CHECKING:
    from patient_site.site import Paths, SiteBuild

HOW = "edit_uri stops at the branch, e.g. edit_uri: edit/main/ (GitHub) or edit_uri: -/edit/main/ (GitLab)"


@dataclass(frozen=True)
class EditLink:
    href: str  # the forge's editor on the file
    label: str  # what a screen reader announces: "Edit this page's source, docs/causes.md"
    path: str  # the file from the project folder, e.g. "languages/es/docs/causes.md"


def edit_base(repo_url: str | None, edit_uri: str | None, config_shown: str) -> str | None:
    """The address every source path is added to ("https://github.com/org/repo/edit/main/"); None: no edit links.

    SiteError when `repo_url` is set and `edit_uri` is missing or names the docs folder (MkDocs' default for GitHub
    and GitLab is `edit/master/docs/`): the build adds each page's path from the project folder itself.
    """
    if not repo_url:
        return None
    if not edit_uri:
        raise SiteError(f"{config_shown}: repo_url is set but edit_uri is not; {HOW}")
    if edit_uri.rstrip("/").rsplit("/", 1)[-1] == "docs":
        raise SiteError(f"{config_shown}: edit_uri {edit_uri!r} names the docs folder, but the build adds each page's "
                        f"path from the project folder (docs/…, languages/es/docs/…); {HOW}")
    return urljoin(repo_url.rstrip("/") + "/", edit_uri.lstrip("/")).rstrip("/") + "/"


def project_folder(paths: Paths) -> str:
    """The folder source paths are named from: the project's, also for a generated config (a clinic, a language)."""
    return project_of(paths.config_file) or paths.project or paths.root


def written(paths: Paths, key: str) -> str:
    """The file an editor wrote the top-level setting `key` in, from the project folder (for messages)."""
    return os.path.relpath(written_in(paths.config_file, key), project_folder(paths)).replace(os.sep, "/")


def edit_sources(site: SiteBuild, src: str) -> list[str]:
    """The files page `src` is made from, each from the project folder; [] for a page the build does not know."""
    page = site.pages.get(src)
    if page is None:
        return []
    root = project_folder(site.paths)

    def named(path: str) -> str:
        return os.path.relpath(path, root).replace(os.sep, "/")

    def in_docs(name: str) -> str:  # a source path inside the docs folder ("causes.md"): every page asks
        return _prefix(os.path.abspath(site.paths.docs_dir), os.path.abspath(root)) + name

    if not page.generated:
        return [in_docs(src)]
    for record in site.checklists:
        if record.src == src:  # the pages holding its lists; a split checklist's index is made from the settings
            lists = list(dict.fromkeys(symptoms.page for symptoms in record.lists))
            return [in_docs(name) for name in lists] or [named(own_file(site.paths.config_file))]
    if src == GLOSSARY_PAGE:
        return [in_docs(GLOSSARY_FILE)]
    return [named(own_file(site.paths.config_file))]  # the for-clinics pages: the site's settings file


@functools.lru_cache(maxsize=64)
def _prefix(folder: str, root: str) -> str:
    """`folder` from `root` as the start of a path in it: "" for `root` itself, else e.g. "languages/es/docs/"."""
    relative = os.path.relpath(folder, root).replace(os.sep, "/")
    return "" if relative == "." else relative + "/"


def edit_links(site: SiteBuild, src: str) -> list[EditLink]:
    """Each "Edit this page" link of page `src`, in order; [] when the site has no `repo_url`."""
    if not site.edit_base:
        return []
    words = site.settings.site_text.edit_source
    return [EditLink(site.edit_base + quote(path), words.replace("{path}", path), path) for path in edit_sources(site, src)]
