"""Embed variants, feeds, the for-clinics page, branding and headers in the real built site."""

from __future__ import annotations

import datetime
import functools
import json
import re
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import site_snippet
from helpers import (
    CONTENT_PAGES,
    ROOT,
    Built,
    QuietHandler,
    build_in_process,
    build_languages,
    copy_project,
    edit_yaml,
    symptom_bullets,
)
from patient_site.frontmatter.reader import split_front_matter
from patient_site.hosting.headers import parse_headers_file, scan_page

pytestmark = pytest.mark.build

EMBEDDABLE = CONTENT_PAGES + ["checklist/"]
SITE_URL = "https://vein-guide.example.org/"


def slug(page: str) -> str:
    return page.strip("/")


def embed(site, page: str) -> BeautifulSoup:
    return site.soup(f"embed/{slug(page)}/")


def json_file(site, path: str) -> dict:
    return json.loads((site.site / path).read_text("utf-8"))


def source_reviewed(source: str):
    """The `reviewed` date in a page's front matter, or None."""
    value = split_front_matter((ROOT / "docs" / source).read_text("utf-8"), source).meta.get("reviewed")
    return value if isinstance(value, datetime.date) else None


def build_config(project: Path, config: str, site: Path) -> Built:
    """A strict build of `config` (relative to `project`), every language, as `make site CLINIC=…` runs it."""
    return build_languages(project, site, config)


# --- embed variants ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", EMBEDDABLE)
def test_every_content_page_and_the_checklist_has_an_embed_without_chrome(site, page):
    soup = embed(site, page)
    full = site.soup(page)
    assert soup.find("h1").get_text(strip=True) == full.find("h1").get_text(strip=True)
    for chrome in ("header", "nav.md-nav", ".md-search", "footer", ".md-header", ".md-sidebar", ".clinic-footer"):
        assert not soup.select(chrome), chrome
    scripts = [urlsplit(s["src"]).path.rsplit("/", 1)[-1] for s in soup.find_all("script", src=True)]
    assert not any(name.startswith("bundle.") or "search" in name for name in scripts), scripts
    plain = [re.sub(r"\.[0-9a-f]{10}(?=\.js$)", "", name) for name in scripts]  # content-hashed copies (hosting/fingerprint.py)
    assert "embed-frame.js" in plain and "checklist.js" in plain
    assert not [s for s in soup.find_all("script") if not s.has_attr("src")], "inline script in an embed"
    styles = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
    assert not any("stylesheets/main" in href for href in styles), styles
    for href in styles + [s["src"] for s in soup.find_all("script", src=True)]:
        assert (site.site / urljoin(f"embed/{slug(page)}/", href)).is_file(), href


@pytest.mark.parametrize("page", EMBEDDABLE)
def test_embed_attribution_and_full_page_link_open_in_the_top_window(site, page):
    soup = embed(site, page)
    line = soup.select_one(".embed__attribution")
    reviewed = source_reviewed("symptoms.md" if page == "checklist/" else slug(page) + ".md")
    expected = "From Leg pain, cramps and vein health" + (f" · reviewed {reviewed.day} {reviewed:%B %Y}" if reviewed else "")
    assert line.get_text(" ", strip=True).startswith(expected + " · Open the full page")
    link = line.find("a", string=re.compile("Open the full page"))
    assert link["target"] == "_top"
    assert urljoin(f"/embed/{slug(page)}/", link["href"]) == f"/{page}"
    assert soup.find("link", rel="canonical")["href"] == SITE_URL + page
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"


@pytest.mark.parametrize("page", EMBEDDABLE)
def test_embed_links_stay_inside_embeds_or_leave_the_frame(site, page):
    here = f"/embed/{slug(page)}/"
    links = embed(site, page).select("main a[href]")
    assert links, page
    for link in links:
        href = link["href"]
        if href.startswith("#"):
            continue
        parts = urlsplit(href)
        if parts.scheme in ("http", "https"):
            assert link["target"] == "_blank" and "noopener" in link["rel"], link
            continue
        if parts.scheme:  # tel:
            continue
        target = urljoin(here, parts.path)
        if target.startswith("/embed/"):
            assert link.get("target") is None, link
            assert (site.site / target.lstrip("/") / "index.html").is_file(), link
        else:
            assert link["target"] == "_top", link
            assert (site.site / target.lstrip("/")).exists(), link


def test_embedded_checklist_is_the_sites_form(site):
    inside = embed(site, "checklist/").select_one("section[data-checklist]")
    outside = site.soup("checklist/").select_one("section[data-checklist]")
    assert inside["data-storage-key"] == outside["data-storage-key"] == "vein-guide:checklist:v1"
    def ids(form):
        return [box["id"] for box in form.find_all("input", type="checkbox")]
    assert ids(inside) == ids(outside) and len(ids(inside)) == len(symptom_bullets(site))


def test_related_links_from_symptoms_stay_in_the_embed(site):
    links = {a.get_text(strip=True): a["href"] for a in embed(site, "symptoms/").select(".related-pages a")}
    assert links["Symptom checklist"] == "../checklist/"


# --- oEmbed and the JSON feed -----------------------------------------------------------------------------


@pytest.mark.parametrize("page", EMBEDDABLE)
def test_oembed_discovery_and_response(site, page):
    (link,) = site.soup(page).find_all("link", rel="alternate", type="application/json+oembed")
    assert link["href"] == f"{SITE_URL}oembed/{slug(page)}.json"
    data = json_file(site, f"oembed/{slug(page)}.json")
    assert data["version"] == "1.0" and data["type"] == "rich"
    assert data["provider_name"] == "Leg pain, cramps and vein health"
    assert isinstance(data["width"], int) and isinstance(data["height"], int) and not isinstance(data["width"], bool)
    (frame,) = BeautifulSoup(data["html"], "html.parser").find_all(True)
    assert frame.name == "iframe" and frame["src"] == f"{SITE_URL}embed/{slug(page)}/"
    assert frame["title"] and frame["loading"] == "lazy" and int(frame["height"]) == data["height"]


def test_pages_without_an_embed_have_no_oembed_link(site):
    for page in ("", "for-clinics/"):
        assert not site.soup(page).find_all("link", type="application/json+oembed"), page


def check_page_json(data: dict, page: str, reviewed: datetime.date | None) -> None:
    """The shape of /api/<page>.json, field by field."""
    assert data["@context"] == "https://schema.org" and data["@type"] == "MedicalWebPage"
    assert data["url"] == SITE_URL + page and data["@id"] == f"{SITE_URL}api/{slug(page)}.json"
    for key in ("name", "description", "text"):
        assert isinstance(data[key], str) and data[key].strip(), key
    main = data["mainContentOfPage"]
    assert main["@type"] == "WebPageElement" and main["encodingFormat"] == "text/html"
    soup = BeautifulSoup(main["text"], "html.parser")
    assert soup.find("h1").get_text(strip=True) == data["text"].split("\n\n")[0]
    for link in soup.find_all("a", href=True):
        assert urlsplit(link["href"]).scheme in ("https", "tel"), link  # usable outside the site
    assert "<" not in data["text"]
    assert data["publisher"]["@type"] == "MedicalClinic" and data["publisher"]["name"]
    if reviewed:
        assert data["lastReviewed"] == reviewed.isoformat()
    else:
        assert "lastReviewed" not in data
    for part in data.get("hasPart", []):
        assert part["@type"] == "ItemList" and part["numberOfItems"] == len(part["itemListElement"])
        assert [item["position"] for item in part["itemListElement"]] == list(range(1, part["numberOfItems"] + 1))


@pytest.mark.parametrize("page", EMBEDDABLE)
def test_api_page_shape(site, page):
    data = json_file(site, f"api/{slug(page)}.json")
    check_page_json(data, page, source_reviewed("symptoms.md" if page == "checklist/" else slug(page) + ".md"))
    assert data["name"] == site.soup(page).find("title").get_text().split(" - ")[0]


def test_api_symptom_list_is_the_list_the_checklist_uses(site):
    bullets = symptom_bullets(site)
    for page in ("symptoms", "checklist"):
        (part,) = json_file(site, f"api/{page}.json")["hasPart"]
        assert [item["name"] for item in part["itemListElement"]] == bullets
    assert "hasPart" not in json_file(site, "api/causes.json")


def nav_pages(site) -> list[str]:
    """Every page in the site's navigation, in order, as site paths ("symptoms/")."""
    links = site.soup("").select("nav.md-nav--primary a.md-nav__link[href]")
    return list(dict.fromkeys(urljoin("/", a["href"]).lstrip("/") for a in links if not a["href"].startswith("#")))


def test_api_index_lists_every_page_but_home_and_for_clinics(site):
    expected = [page for page in nav_pages(site) if page not in ("", "for-clinics/")]
    assert set(EMBEDDABLE) <= set(expected)
    data = json_file(site, "api/index.json")
    assert data["@type"] == "ItemList" and data["numberOfItems"] == len(expected)
    items = [element["item"] for element in data["itemListElement"]]
    assert [item["url"] for item in items] == [SITE_URL + page for page in expected]
    for item in items:
        assert (site.site / urlsplit(item["@id"]).path.lstrip("/")).is_file()
        assert (site.site / "embed" / urlsplit(item["url"]).path.strip("/") / "index.html").is_file()


def test_review_dates_reach_the_attribution_and_the_feed(tmp_path):
    project = copy_project(tmp_path / "project")
    symptoms = project / "docs" / "symptoms.md"
    text = symptoms.read_text("utf-8")
    text = re.sub(r"(?m)^reviewed:.*\n", "", text)  # whatever date the page had, it is now 1 October 2026
    symptoms.write_text(text.replace("---\n", "---\nreviewed: 2026-10-01\n", 1), "utf-8")
    built = build_in_process(project, tmp_path / "site")
    assert built.returncode == 0, built.log
    for page in ("symptoms", "checklist"):  # the checklist is as current as the list it comes from
        line = built.soup(f"embed/{page}/").select_one(".embed__attribution").get_text(" ", strip=True)
        assert line.startswith("From Leg pain, cramps and vein health · reviewed 1 October 2026"), line
        data = json_file(built, f"api/{page}.json")
        assert data["lastReviewed"] == "2026-10-01"
        check_page_json(data, page + "/", datetime.date(2026, 10, 1))
    causes = source_reviewed("causes.md")  # untouched: keeps whatever its own front matter says
    assert json_file(built, "api/causes.json").get("lastReviewed") == (causes.isoformat() if causes else None)


# --- the for-clinics page ---------------------------------------------------------------------------------


def test_for_clinics_offers_both_snippets_and_a_preview_for_every_embed(site):
    soup = site.soup("for-clinics/")
    nav = [a["href"] for a in site.soup("").select("nav.md-nav a[href]")]
    assert any(href.rstrip("/").endswith("for-clinics") for href in nav)
    assert not [href for href in nav if "for-clinics/" in href.strip("/")]  # the snippets pages are not in the menu
    listed = [urljoin("/for-clinics/", a["href"]) for a in soup.select("nav.embed-contents a[href]")]
    assert listed == [f"/for-clinics/{slug(page)}/" for page in EMBEDDABLE + ["glossary/"]]  # in menu order
    for page in EMBEDDABLE:
        snippets = site.soup(f"for-clinics/{slug(page)}/")  # each page's snippets on a page of its own
        section = snippets.find("section", attrs={"aria-labelledby": f"embed-{slug(page)}"})
        assert section, page
        assert not snippets.find("iframe")  # no preview loads before a reader asks for it
        assert urljoin(f"/for-clinics/{slug(page)}/", snippets.select_one(".embed-back a")["href"]) == "/for-clinics/"
        script_snippet, iframe_snippet = [BeautifulSoup(code.get_text(), "html.parser") for code in section.select("pre code")]
        holder = script_snippet.find(attrs={"data-vein-guide-embed": True})
        assert holder["data-vein-guide-embed"] == slug(page)
        assert holder.find("a")["href"] == SITE_URL + page
        assert script_snippet.find("script")["src"] == SITE_URL + "embed.js"
        frame = iframe_snippet.find("iframe")
        assert frame["src"] == f"{SITE_URL}embed/{slug(page)}/" and frame["height"] and frame["title"]
        buttons = section.find_all("button", attrs={"data-copy": True})
        assert len(buttons) == 2 and all(section.find(id=b["data-copy"]) for b in buttons)
        here = f"/for-clinics/{slug(page)}/"
        preview = section.find("details", attrs={"data-preview": True})  # its frame is made when a reader opens it
        assert urljoin(here, preview["data-preview"]) == f"/embed/{slug(page)}/" and preview["data-preview-title"]
        assert urljoin(here, preview.find("a")["href"]) == f"/embed/{slug(page)}/"  # without JavaScript
        assert urljoin(here, section.find("a")["href"]) == "/" + page  # "Read the full page"
    facts = soup.select_one(".embed-facts").get_text(" ", strip=True)
    for fact in ("frame-ancestors", "localStorage", "vein-guide:height", "https://clinic.example.org", "cookies"):
        assert fact in facts, fact


def test_for_clinics_has_no_crosslinks_and_is_not_related(site):
    for page in ["for-clinics/"] + [f"for-clinics/{slug(page)}/" for page in EMBEDDABLE]:
        assert not site.soup(page).select("a.crosslink"), page
    for page in CONTENT_PAGES:
        assert not [a for a in site.soup(page).select(".related-pages a") if "for-clinics" in a["href"]], page


# --- headers ----------------------------------------------------------------------------------------------


def test_headers_file_has_the_policies_and_pages_carry_no_inline_script(site):
    rules = parse_headers_file((site.site / "_headers").read_text("utf-8"))
    by_path = dict(rules)
    assert by_path["/*"].items() >= {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}.items()
    site_csp, embed_csp = by_path["/symptoms/*"]["Content-Security-Policy"], by_path["/embed/*"]["Content-Security-Policy"]
    for policy in (site_csp, embed_csp):
        directives = dict(d.split(" ", 1) for d in policy.split("; "))
        assert directives["default-src"] == "'none'"
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy and "*" not in policy.replace("'none'", "")
    assert "frame-ancestors 'self'" in site_csp and site_csp.endswith("frame-ancestors 'self'")
    assert embed_csp.endswith("frame-ancestors 'self' https://clinic.example.org")
    # Material's inline start-up scripts are moved into files (overrides/partials/javascripts/), so the
    # policies allow scripts from the site's own files only, without a single hash.
    hashes = set()
    for page in site.site.rglob("*.html"):
        hashes.update(scan_page(page.read_text("utf-8")).script_hashes)
    assert hashes == set()
    assert " script-src 'self';" in site_csp and " script-src 'self';" in embed_csp


def test_nginx_snippet_sends_the_same_headers_always(site):  # the site build writes deploy/nginx.conf
    # Headers are add_header lines at server level, some with a variable that the embed location changes
    # (test_hosting_nginx.py checks what a real nginx sends for every file).
    text = site_snippet(site).read_text("utf-8")
    lines = [line.split("#")[0].strip() for line in text.splitlines() if line.strip().startswith("add_header")]
    assert len(lines) >= 6 and all(line.endswith(" always;") for line in lines)
    assert "location ^~ /embed/ {" in text
    assert text.count("frame-ancestors 'self' https://clinic.example.org\"") == 2  # /embed/ and /es/embed/
    rules = dict(parse_headers_file((site.site / "_headers").read_text("utf-8")))
    server_level, embed_level = text.split("location ^~ /embed/ {")
    server_values = dict(re.findall(r'^set (\$\w+) "([^"]*)";', server_level, re.M))
    embed_values = {**server_values, **dict(re.findall(r'set (\$\w+) "([^"]*)";', embed_level.split("}")[0]))}
    for values, pattern in ((server_values, "/symptoms/*"), (embed_values, "/embed/*")):
        sent = {name: values.get(value, value.strip('"')) for name, value in re.findall(r'^add_header (\S+) ("[^"]*"|\$\w+) always;', server_level, re.M)}
        sent = {name: value for name, value in sent.items() if value}  # nginx sends no header with an empty value
        assert sent == {**rules["/*"], **rules[pattern]}, pattern


def test_an_inline_handler_in_a_page_stops_the_build(tmp_path):
    # An editor's handler is stopped before rendering by the editor checks (issue 5), naming the source line;
    # one the theme templates add reaches the built page, where the CSP check stops it.
    project = copy_project(tmp_path / "project")
    template = project / "overrides" / "main.html"
    template.write_text(template.read_text("utf-8").replace(
        "{{ clinic_footer_html }}", '{{ clinic_footer_html }}<p><a href="#" onclick="steal()">Click</a></p>'), "utf-8")
    built = build_in_process(project, tmp_path / "site")
    assert built.returncode != 0
    assert "<a onclick=…> is inline JavaScript" in built.log, built.log
    assert "Traceback" not in built.log


def test_a_wrong_embed_origin_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    edit_yaml(project / "mkdocs.yml", lambda data: data["extra"]["embed"].update(allowed_origins=["clinic.example.org/page"]))
    built = build_in_process(project, tmp_path / "site")
    assert built.returncode != 0
    assert re.search(r"mkdocs\.yml:\d+: extra\.embed\.allowed_origins\[0\] must be only a scheme and host", built.log), built.log


# --- a second clinic ---------------------------------------------------------------------------------------


def brand(built: Built) -> dict:
    """What a reader sees of the clinic on the symptoms page and its print-out: name, phone, colour, logo."""
    soup = built.soup("symptoms/")
    card = soup.select_one(".clinic-footer .clinic-contact").get_text(" ", strip=True)
    css = (built.site / "assets" / "clinic.css").read_text("utf-8")
    linked = [urljoin("/symptoms/", link["href"]) for link in soup.find_all("link", rel="stylesheet")]
    # The pages' one stylesheet (patient_site/mkdocs/styles.py) carries the clinic's colour; embeds link clinic.css.
    bundle = [href for href in linked if re.fullmatch(r"/assets/stylesheets/site-bundle\.[0-9a-f]{10}\.css", href)]
    colour = re.search(r"--md-primary-fg-color: (#[0-9a-f]{6})", css)[1]
    assert f"--md-primary-fg-color:{colour}" in (built.site / bundle[0].lstrip("/")).read_text("utf-8")
    embed = built.soup("embed/symptoms/")
    assert [link for link in embed.find_all("link", rel="stylesheet") if re.search(r"/clinic\.[0-9a-f]{10}\.css$", link["href"])]
    logo = soup.select_one(".md-header__button.md-logo img")
    return {
        "card": card,
        "colour": re.search(r"--md-primary-fg-color: (#[0-9a-f]{6})", css)[1],
        "logo": logo["src"] if logo else None,
        "checklist": built.soup("checklist/").select_one(".clinic-footer .clinic-contact").get_text(" ", strip=True),
        "html": "".join(p.read_text("utf-8") for pattern in ("*.html", "*.json", "*.css") for p in built.site.rglob(pattern)),
    }


def header_colour(browser, base: str, path: str) -> str:
    """The header's background colour as a reader's browser paints it, e.g. "rgb(0, 105, 92)"."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(base + path)
        selector = ".md-header" if not path.startswith("embed/") else ".embed__attribution"
        prop = "backgroundColor" if selector == ".md-header" else "borderLeftColor"
        return page.evaluate(f"getComputedStyle(document.querySelector('{selector}')).{prop}")
    finally:
        context.close()


@pytest.mark.browser
def test_a_second_clinic_builds_with_its_own_brand_and_none_of_the_other(site, server, browser, tmp_path):
    project = copy_project(tmp_path / "project")
    riverside = build_config(project, "clinics/riverside.yml", tmp_path / "riverside")
    assert riverside.returncode == 0, riverside.log
    assert "WARNING" not in riverside.log, riverside.log
    ours, theirs = brand(site), brand(riverside)
    assert "Example Vein Clinic (fictional)" in ours["card"] and "555-0100" in ours["card"]
    assert "Riverside Leg and Vein Centre (fictional)" in theirs["card"] and "555-0199" in theirs["card"]
    assert ours["colour"] == "#3949ab" and theirs["colour"] == "#00695c"
    assert ours["logo"] is None and theirs["logo"].endswith("assets/logos/riverside.svg")
    assert "555-0199" in theirs["checklist"] and "555-0100" in ours["checklist"]
    for text in ("Riverside", "555-0199", "riverside-veins"):
        assert text not in ours["html"], text
    for text in ("Example Vein Clinic", "555-0100", "clinic.example.org"):
        assert text not in theirs["html"], text
    rules = dict(parse_headers_file((riverside.site / "_headers").read_text("utf-8")))
    assert rules["/embed/*"]["Content-Security-Policy"].endswith("frame-ancestors 'self' https://riverside-veins.example.net")
    assert (project / "deploy" / "riverside" / "nginx.conf").is_file()

    handler = functools.partial(QuietHandler, directory=str(riverside.site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        theirs_url = f"http://127.0.0.1:{httpd.server_address[1]}/"
        for path in ("symptoms/", "embed/symptoms/"):  # the colour the reader sees, on the site and in an embed
            assert header_colour(browser, server, path) == "rgb(57, 73, 171)", path  # #3949ab
            assert header_colour(browser, theirs_url, path) == "rgb(0, 105, 92)", path  # #00695c
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_missing_logo_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    edit_yaml(project / "mkdocs.yml", lambda data: data["extra"]["clinic"].update(logo="assets/nowhere.svg"))
    built = build_in_process(project, tmp_path / "site")
    assert built.returncode != 0
    assert re.search(r"mkdocs\.yml:\d+: extra\.clinic\.logo 'assets/nowhere\.svg' is not a file inside", built.log), built.log
