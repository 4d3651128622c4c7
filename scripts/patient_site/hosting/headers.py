"""Security headers from the built pages: `_headers` (Netlify / Cloudflare Pages) and an nginx snippet.

The Content-Security-Policy allows no inline code; should a theme change bring an inline script back, it is
allowed by the sha256 hash of its exact text, read from the built pages with an HTML parser (lxml, in C).
The site may be framed only by itself; `/embed/*` also by the clinic origins in `extra.embed.allowed_origins`.

Before the headers are written, the pages are checked against the policy a host would send for them: an
inline script without a hash, an `on…=` handler attribute, a `javascript:` link or an inline style stops the
build, naming the file. What a page holds comes from two places, checked apart so that a large library is
not parsed twice over: its content (the article with what the hook adds to it), scanned for every page as it
is written, and the theme's templates around it, which render every page alike but for its folder depth and
its navigation (titles, which may hold no HTML: frontmatter/schema.py). So one built page of each shape
(each template at each folder depth) is scanned whole.

Hosts combine the headers of every rule that matches a path, and two policies are both enforced, so no
path is matched by two Content-Security-Policy rules: the site's rules name its top-level folders and
files, and `/embed/*` has its own. The same holds for Cache-Control (caching.py). The JSON feeds under
`/api/` and `/oembed/` are for other sites' scripts: they alone get `Access-Control-Allow-Origin: *`.

nginx gets the same headers from one set of `add_header` lines at server level whose values are variables;
its locations only change a variable (`set`), so none of them drops the server's headers, as a location with
an `add_header` of its own would. An empty value sends no header (nginx skips it).
"""

from __future__ import annotations

import base64
import fnmatch
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import lxml.etree
import lxml.html

from patient_site.errors import SiteError
from patient_site.hosting.caching import REVALIDATE, cache_rules, hashed_files, policy
from patient_site.hosting.compress import GZIP_TYPES, MIN_SIZE
from patient_site.hosting.settings import HSTS_VALUE, HostingSettings

EMBED_PREFIX = "embed/"
# Sent with every response; README, "Security headers", says why each is there and why others are not.
COMMON = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
                          "payment=(), usb=()",
}
FEEDS = ("api", "oembed")  # top-level folders of JSON for other sites: CORS and a JSON Content-Type
FEED_HEADERS = {"Access-Control-Allow-Origin": "*", "Content-Type": "application/json"}
# <script type=…> values a browser runs; anything else (JSON, JSON-LD) is data and needs no hash.
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript", "application/ecmascript"}


class HeadersError(SiteError):
    """A built page that its Content-Security-Policy would break, named by its path (`site/symptoms/index.html: …`)."""


def script_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


@dataclass(frozen=True)
class PageScan:
    """What the Content-Security-Policy needs to know of one page, read in one parse."""

    script_hashes: tuple[str, ...]  # of every inline script a browser would run, in page order
    blocked: str | None  # the first inline code the policy blocks whatever its hashes, said for the editor


_PARSER = lxml.html.HTMLParser(encoding="utf-8")
# Found by XPath, in C: a page has hundreds of elements, and only these few can hold inline code.
_INLINE_SCRIPTS = lxml.etree.XPath("//script[not(@src)]")
_HANDLERS = lxml.etree.XPath("//@*[starts-with(name(), 'on')]")  # libxml2 lowercases attribute names
_ADDRESSES = lxml.etree.XPath("//@href | //@src | //@action | //@formaction | //@*[name() = 'xlink:href']")
_STYLES = lxml.etree.XPath("//style | //*[@style]")


def scan_page(html: str | bytes) -> PageScan:
    """Read a page's inline scripts and anything else inline that a policy without 'unsafe-inline' blocks."""
    data = html.encode("utf-8") if isinstance(html, str) else html
    if not data.strip():
        return PageScan((), None)
    root = lxml.html.document_fromstring(data, parser=_PARSER)
    hashes = tuple(script_hash(script.text or "") for script in _INLINE_SCRIPTS(root)
                   if script.get("type", "").strip().lower() in SCRIPT_TYPES)
    return PageScan(hashes, _blocked(root))


def _blocked(root) -> str | None:
    for handler in _HANDLERS(root):
        return (f"<{handler.getparent().tag} {handler.attrname}=…> is inline JavaScript, which the Content-Security-Policy "
                "blocks; remove it from the page's Markdown")
    for address in _ADDRESSES(root):
        if "".join(address.split()).lower().startswith("javascript:"):  # browsers drop tabs and newlines inside it
            return f"<{address.getparent().tag} {address.attrname}=\"javascript:…\"> is blocked by the Content-Security-Policy; remove it"
    for styled in _STYLES(root):
        return (f"<{styled.tag}> has inline CSS (a style attribute or element), which the Content-Security-Policy "
                "blocks; use a class and a rule in docs/assets/ instead")
    return None


def shape(page: str) -> tuple[str, int]:
    """Which template wrote a built page ("symptoms/index.html"), and at what folder depth."""
    kind = "embed" if page.startswith(EMBED_PREFIX) else "404" if page == "404.html" else "site"
    return kind, page.count("/")


def representative_pages(pages: list[str]) -> list[str]:
    """The first page (in sorted order) of each shape: what the templates write around every page like it."""
    first: dict[tuple[str, int], str] = {}
    for page in sorted(pages):
        first.setdefault(shape(page), page)
    return sorted(first.values())


def scan_site(site: Path, content_scans: dict[str, PageScan], pages: list[str] | None = None) -> dict[str, PageScan]:
    """Scans by built page ("symptoms/index.html"): every page's content, and one whole page of each shape.

    A page scanned whole counts for its content too; a page with no content scan (written by no template
    of ours) is scanned whole. `pages`: the built pages, sorted, when the caller has listed them already.
    """
    if pages is None:
        pages = sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))
    whole = set(representative_pages(pages)) | {page for page in pages if page not in content_scans}
    return {page: scan_page((site / page).read_bytes()) if page in whole else content_scans[page] for page in pages}


@dataclass(frozen=True)
class Policies:
    """The two Content-Security-Policies: for the site, and for `/embed/*`."""

    site: str
    embed: str


def _policy(script_hashes: list[str], frame_ancestors: list[str], site: bool) -> str:
    scripts = " ".join(["'self'", *sorted(set(script_hashes))])
    directives = [
        "default-src 'none'",
        f"script-src {scripts}",
        "style-src 'self'",
        "img-src 'self' data:" if site else "img-src 'self'",
    ]
    if site:
        # search: the index is fetched and searched in a worker; /for-clinics/ previews the embeds in frames.
        directives += ["connect-src 'self'", "worker-src 'self'", "frame-src 'self'", "manifest-src 'self'"]
    directives += ["base-uri 'self'", "form-action 'self'", "frame-ancestors " + " ".join(frame_ancestors)]
    return "; ".join(directives)


def build_policies(scans: dict[str, PageScan], allowed_origins: tuple[str, ...]) -> Policies:
    site_hashes, embed_hashes = [], []
    for path, scan in scans.items():
        (embed_hashes if path.startswith(EMBED_PREFIX) else site_hashes).extend(scan.script_hashes)
    return Policies(
        site=_policy(site_hashes, ["'self'"], site=True),
        embed=_policy(embed_hashes, ["'self'", *allowed_origins], site=False),
    )


def common_headers(hosting: HostingSettings) -> dict[str, str]:
    return {**COMMON, **({"Strict-Transport-Security": HSTS_VALUE} if hosting.hsts else {})}


def header_rules(site: Path, policies: Policies, hosting: HostingSettings = HostingSettings(),
                 leftover=lambda entry: False) -> list[tuple[str, dict[str, str]]]:
    """(path pattern, headers) in `_headers` order; no path gets two Content-Security-Policy or Cache-Control values.

    `leftover(entry)` names a file the editor's preview left from its last build (a `.gz` copy, made after the
    headers), which a clean build does not have yet at this point."""
    rules: dict[str, dict[str, str]] = {"/*": common_headers(hosting)}
    site_csp = {"Content-Security-Policy": policies.site}
    rules["/"] = dict(site_csp)
    for entry in sorted(site.iterdir()):
        if entry.name in ("_headers",) or entry.name + "/" == EMBED_PREFIX or leftover(entry):
            continue
        if entry.is_dir():
            rules[f"/{entry.name}"], rules[f"/{entry.name}/*"] = dict(site_csp), dict(site_csp)
        else:
            rules[f"/{entry.name}"] = dict(site_csp)
    embed = EMBED_PREFIX.rstrip("/")
    rules[f"/{embed}"], rules[f"/{embed}/*"] = {"Content-Security-Policy": policies.embed}, {"Content-Security-Policy": policies.embed}
    for pattern, cache in cache_rules(site):
        rules.setdefault(pattern, {})["Cache-Control"] = cache
    for feed in FEEDS:
        if (site / feed).is_dir():
            rules[f"/{feed}/*"].update(FEED_HEADERS)
    return list(rules.items())


def render_headers_file(rules: list[tuple[str, dict[str, str]]]) -> str:
    lines = [
        "# Written by the build (scripts/patient_site/hosting/headers.py) for Netlify and Cloudflare Pages; do not edit.",
        "# The site may be framed only by itself; /embed/* also by extra.embed.allowed_origins.",
        "# Files with a content hash in their name are cached for a year; everything else is revalidated.",
    ]
    for pattern, headers in rules:
        lines.append(pattern)
        lines += [f"  {name}: {value}" for name, value in headers.items()]
    return "\n".join(lines) + "\n"


VARIABLE = "$patient_site_"  # nginx variables the snippet sets; the prefix keeps them apart from the server's own


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render_nginx(policies: Policies, site: Path | None = None, hosting: HostingSettings = HostingSettings()) -> str:
    """The snippet for a `server { }` block: the same headers as `_headers`, gzip copies, the 404 page."""
    hashed = hashed_files(site) if site is not None else []
    lines = [
        "# Written by the build (scripts/patient_site/hosting/headers.py); do not edit by hand.",
        "# Include it inside the server { } block that serves the built site:  include /path/to/nginx.conf;",
        "# Every header is set here, at server level, from variables that the locations below change; nginx",
        "# drops these lines in any location of yours that has add_header lines of its own, so include this",
        "# file's add_header lines there too (or add no headers in your locations). It also sets gzip_* and",
        "# error_page 404 for the server: nginx refuses a second gzip line of the same name in that block.",
        "error_page 404 /404.html;  # each language's folder has its own, below",
        "absolute_redirect off;  # /symptoms -> /symptoms/ as a relative Location: right behind a proxy that ends TLS",
        f"gzip_static on;  # the build writes name.gz beside every text file of at least {MIN_SIZE} bytes",
        "gzip_vary on;",
        "gzip on;  # the same for a text file without a copy",
        f"gzip_min_length {MIN_SIZE};",
        "gzip_types " + " ".join(GZIP_TYPES) + ";",
        "",
        f"set {VARIABLE}csp {_quoted(policies.site)};",
        f"set {VARIABLE}cache {_quoted(REVALIDATE)};",
        f'set {VARIABLE}cors "";',
    ]
    lines += [f"add_header {name} {_quoted(value)} always;" for name, value in common_headers(hosting).items()]
    lines += [
        f"add_header Content-Security-Policy {VARIABLE}csp always;",
        f"add_header Cache-Control {VARIABLE}cache always;",
        f"add_header Access-Control-Allow-Origin {VARIABLE}cors always;  # sent only where it is set (the feeds)",
        "",
        f"location ^~ /{EMBED_PREFIX} {{",
        f"    set {VARIABLE}csp {_quoted(policies.embed)};",
        "}",
    ]
    for feed in FEEDS:
        lines += [
            f"location ^~ /{feed}/ {{  # JSON for other sites' scripts",
            "    types { }",
            f"    default_type {FEED_HEADERS['Content-Type']};",
            f"    set {VARIABLE}cors {_quoted(FEED_HEADERS['Access-Control-Allow-Origin'])};",
            "}",
        ]
    lines += ["# Content-hashed files: a new version has a new name, so browsers may keep these for a year."]
    lines += [f"location = /{path} {{ set {VARIABLE}cache {_quoted(policy(path))}; }}" for path in hashed]
    return "\n".join(lines) + "\n"


def matches(pattern: str, path: str) -> bool:
    """Whether a `_headers` path pattern (`*` matches anything, slashes too) matches a URL path."""
    return fnmatch.fnmatchcase(path, pattern.replace("[", "[[]"))


def headers_for(rules: list[tuple[str, dict[str, str]]], url_path: str) -> list[tuple[str, str]]:
    """The headers a host sends for `url_path`: every matching rule's, duplicates kept as hosts do."""
    return [(name, value) for pattern, headers in rules if matches(pattern, url_path) for name, value in headers.items()]


def parse_headers_file(text: str) -> list[tuple[str, dict[str, str]]]:
    """Read a `_headers` file back: a path line, then indented `Name: value` lines."""
    rules: list[tuple[str, dict[str, str]]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[0].isspace():
            name, _, value = line.strip().partition(":")
            rules[-1][1][name.strip()] = value.strip()
        else:
            rules.append((line.strip(), {}))
    return rules


def _url_paths(page: str) -> list[str]:
    """The URL paths a page is served at: "symptoms/index.html" at /symptoms/ and at its file name."""
    paths = ["/" + page]
    if page == "index.html" or page.endswith("/index.html"):
        paths.append("/" + page[: -len("index.html")])
    return paths


def check_pages(scans: dict[str, PageScan], rules: list[tuple[str, dict[str, str]]]) -> None:
    """Stop the build when a page has anything its own Content-Security-Policy would block."""
    allowed_by_policy: dict[str, set[str]] = {}
    policies_at: dict[tuple[str, bool], list[str]] = {}  # the rules name top-level entries: one lookup for each
    for page, scan in scans.items():
        if scan.blocked:
            raise HeadersError(f"{page}: {scan.blocked}")
        for url_path in _url_paths(page):
            top, deeper = url_path[1:].partition("/")[0], url_path.count("/") > 1
            if (top, deeper) not in policies_at:
                policies_at[top, deeper] = [value for name, value in headers_for(rules, url_path) if name == "Content-Security-Policy"]
            policies = policies_at[top, deeper]
            if len(policies) != 1:
                raise HeadersError(f"{page}: {len(policies)} Content-Security-Policy rules match {url_path}; expected exactly one")
            if policies[0] not in allowed_by_policy:
                script_src = next(d for d in policies[0].split("; ") if d.startswith("script-src "))
                allowed_by_policy[policies[0]] = set(script_src.split()[1:])
            if not set(scan.script_hashes) <= allowed_by_policy[policies[0]]:
                raise HeadersError(f"{page}: an inline <script> has no hash in the Content-Security-Policy for {url_path}")


def write_headers(site: Path, allowed_origins: tuple[str, ...], nginx_file: Path,
                  content_scans: dict[str, PageScan] | None = None, hosting: HostingSettings = HostingSettings(),
                  leftover=lambda entry: False, kept: dict | None = None, files: list[str] | None = None) -> Policies:
    """Write `_headers` into the site and the nginx snippet to `nginx_file`, after checking the pages.

    `content_scans` are `scan_page` results of each page's content by built page; without them every page
    is scanned whole. `kept` (the editor's preview) holds the last rules with what they were made from (the
    policies and the site's file names, `files` when the caller listed them): when neither changed, the pages
    are checked and nothing is written.
    """
    if kept is None:
        scans = scan_site(site, content_scans or {})
    else:
        files = files if files is not None else site_files(site)
        scans = scan_site(site, content_scans or {}, [path for path in files if path.endswith(".html")])
    policies = build_policies(scans, allowed_origins)
    if kept is not None:
        # A `.gz` copy beside its file changes no rule (the top folder's own, which could, are named apart).
        names = set(files)
        listed = [path for path in files if path != "_headers" and not (path.endswith(".gz") and path[:-3] in names)]
        top = [entry.name for entry in site.iterdir() if entry.name.endswith(".gz") and not leftover(entry)]
        key = (policies, hosting, str(nginx_file), listed, top)
        if kept.get("key") == key and (site / "_headers").is_file() and nginx_file.is_file():
            check_pages(scans, kept["rules"])
            return policies
    rules = header_rules(site, policies, hosting, leftover)
    check_pages(scans, rules)
    (site / "_headers").write_text(render_headers_file(rules), "utf-8")
    nginx_file.parent.mkdir(parents=True, exist_ok=True)
    nginx_file.write_text(render_nginx(policies, site, hosting), "utf-8")
    if kept is not None:
        kept.update(key=key, rules=rules)
    return policies


def site_files(site: Path) -> list[str]:
    """Every file of the built site ("symptoms/index.html"), sorted: one walk of the folder."""
    found, top = [], os.path.normpath(site)
    for folder, _, names in os.walk(top):  # each folder is `top` joined with its path inside the site
        prefix = folder[len(top) + 1:].replace(os.sep, "/") + "/" if folder != top else ""
        found += [prefix + name for name in names]
    return sorted(found)
