"""Files a host and a crawler read at the site's root besides the pages: `robots.txt` and `_redirects`.

Written by the first language's build (the one published at the root), which knows every language's folder.
`robots.txt` names each language's sitemap and blocks nothing: the embed pages say `noindex` themselves, which a
crawler can only read if it may fetch them, and the API and oEmbed JSON are data for other sites, not pages.
`_redirects` is the Netlify and Cloudflare Pages companion of `_headers`: under `/<lang>/` a missing address
answers 404 with that language's own 404 page (the nginx snippet does the same
with `error_page`: `languages.merge_nginx`).
"""

from __future__ import annotations

from pathlib import Path

from patient_site.languages import Languages


def robots_txt(root_url: str, prefixes: list[str]) -> str:
    """Allow everything; one `Sitemap:` line per language (prefix "" for the first, "es/" for Spanish)."""
    lines = ["# Written by the build (scripts/patient_site/hosting/robots.py).", "User-agent: *", "Allow: /", ""]
    lines += [f"Sitemap: {root_url}{prefix}sitemap.xml" for prefix in prefixes]
    return "\n".join(lines) + "\n"


def redirects_file(prefixes: list[str]) -> str:
    """Netlify/Cloudflare `_redirects`: a language's missing pages get its own 404 page, with status 404."""
    lines = ["# Written by the build (scripts/patient_site/hosting/robots.py): each language's own 404 page."]
    lines += [f"/{prefix}*  /{prefix}404.html  404" for prefix in prefixes if prefix]
    return "\n".join(lines) + "\n"


def language_prefixes(languages: Languages | None) -> list[str]:
    return [languages.prefix(language.lang) for language in languages.all] if languages and languages.all else [""]


def write_root_files(built: Path, site_url: str, languages: Languages | None) -> None:
    """`robots.txt` and `_redirects` into the site's root folder; a second language's build writes neither."""
    if languages is not None and not languages.is_first:
        return
    root_url = languages.root_url(site_url) if languages is not None else site_url
    prefixes = language_prefixes(languages)
    (built / "robots.txt").write_text(robots_txt(root_url, prefixes), "utf-8")
    (built / "_redirects").write_text(redirects_file(prefixes), "utf-8")
