"""A host, a crawler and a messaging app over the site as nginx serves it with the generated snippet (issue 24):
each language's 404 page, relative redirects, robots.txt, `_redirects`, icons of embed pages, link previews.
"""

from __future__ import annotations

import http.client
import io
import urllib.parse
import urllib.request
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from nginx_server import nginx_url  # noqa: F401 (fixture)
from PIL import Image
from readers import READ_PAGES, link_preview

SITE_URL = "https://vein-guide.example.org/"
pytestmark = [pytest.mark.build, pytest.mark.slow]


def get(url: str) -> tuple[int, dict[str, str], bytes]:
    """(status, headers, body) of one GET, redirects not followed."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    connection.request("GET", parts.path)
    response = connection.getresponse()
    answer = response.status, dict(response.getheaders()), response.read()
    connection.close()
    return answer


@pytest.mark.parametrize("lang", ["", "es/"])
def test_a_missing_address_gets_its_languages_404_page(lang, site, nginx_url):
    for path in ("no-existe/", "symptoms/gone.html", "embed/nothing/", "api/nothing.json"):
        status, _, body = get(nginx_url + lang + path)
        assert status == 404, lang + path
        assert body == (site.site / lang / "404.html").read_bytes(), f"/{lang}{path} answers another language's 404 page"


def test_netlify_and_cloudflare_get_the_same_404_pages(site):
    rules = [line.split() for line in (site.site / "_redirects").read_text("utf-8").splitlines() if line and not line.startswith("#")]
    assert ["/es/*", "/es/404.html", "404"] in rules


def test_a_folder_without_its_slash_redirects_relatively(nginx_url):
    status, headers, _ = get(nginx_url + "symptoms")
    assert status == 301 and headers["Location"] == "/symptoms/", headers.get("Location")


def test_robots_txt_names_every_languages_sitemap(nginx_url):
    status, _, body = get(nginx_url + "robots.txt")
    assert status == 200
    lines = body.decode("utf-8").splitlines()
    assert "User-agent: *" in lines
    assert {f"Sitemap: {SITE_URL}sitemap.xml", f"Sitemap: {SITE_URL}es/sitemap.xml"} <= set(lines)


def test_every_embed_page_names_its_icon(site, nginx_url):
    embeds = sorted(site.site.glob("embed/*/index.html")) + sorted(site.site.glob("es/embed/*/index.html"))
    assert embeds
    for page in embeds:
        path = page.parent.relative_to(site.site).as_posix() + "/"
        icon = BeautifulSoup(page.read_text("utf-8"), "html.parser").select_one('link[rel="icon"]')
        assert icon is not None, f"/{path} names no icon: browsers ask for /favicon.ico"
        status, _, _ = get(nginx_url + urlsplit(urllib.parse.urljoin(nginx_url + path, icon["href"])).path.lstrip("/"))
        assert status == 200, f"/{path}: its icon {icon['href']} is missing"


def test_embed_titles_are_no_longer_than_their_pages(site):
    for page in sorted(site.site.glob("embed/*/index.html")):
        name = page.parent.name
        embedded = BeautifulSoup(page.read_text("utf-8"), "html.parser").title.get_text()
        full = site.soup(f"{name}/").title.get_text()
        assert len(embedded) <= len(full), (embedded, full)


@pytest.mark.parametrize("page", READ_PAGES)
def test_a_shared_link_previews_with_a_picture_of_the_page(page, nginx_url):
    preview = link_preview(nginx_url + page)
    assert preview["ogLocale"] == ("es_ES" if page.startswith("es/") else "en_US")
    assert preview["ogType"] == ("website" if page in ("", "es/") else "article")
    assert preview["twitterCard"] == "summary_large_image"
    assert preview["jsonLD"][0]["publisher"]["address"]["@type"] == "PostalAddress"  # extra.clinic.address
    (image,) = preview["ogImage"]
    assert image["url"].startswith(SITE_URL + ("es/" if page.startswith("es/") else "")), image["url"]
    assert (image["width"], image["height"]) == ("1200", "630") and image["alt"].strip()
    with urllib.request.urlopen(nginx_url + image["url"][len(SITE_URL):]) as response:
        data = response.read()
    assert len(data) <= 150 * 1024, f"{image['url']}: {len(data)} bytes"
    picture = Image.open(io.BytesIO(data))
    assert picture.format in ("PNG", "JPEG") and picture.size == (1200, 630)
    assert len(picture.convert("RGB").getcolors(maxcolors=1 << 16) or ()) > 2, "a blank picture"
