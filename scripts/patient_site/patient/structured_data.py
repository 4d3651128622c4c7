"""What a page tells search engines and link previews: schema.org JSON-LD and Open Graph tags.

Every page is a `MedicalWebPage`. `extra.conditions` in mkdocs.yml says which pages are about which condition;
a condition's `signOrSymptom` is the symptom list the checklist is built from, never a second copy.
JSON inside `<script>` is escaped so no value can close the element (`</script>`) or open a comment.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape

SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


@dataclass(frozen=True)
class Condition:
    name: str
    pages: tuple[str, ...]  # source paths, e.g. "symptoms.md"
    symptoms_from: str | None = None  # the page whose marked symptom list gives signOrSymptom


def publisher(clinic) -> dict:
    """The clinic as schema.org's publisher of every page and feed: one block, written once."""
    data = {"@type": "MedicalClinic", "name": clinic.name, "telephone": clinic.phone, "url": clinic.website}
    if clinic.address:
        data["address"] = clinic.address.schema()
    return data


def medical_web_page(
    *,
    title: str,
    description: str,
    url: str,
    language: str,
    site_name: str,
    site_url: str,
    clinic,
    conditions: list[tuple[str, list[str]]] = (),
    review=None,
) -> dict:
    """The page as schema.org data; `conditions` is (name, signs) per condition the page is about."""
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": title,
        "description": description,
        "url": url,
        "inLanguage": language,
        "isPartOf": {"@type": "WebSite", "name": site_name, "url": site_url},
        "publisher": publisher(clinic),
    }
    about = []
    for name, signs in conditions:
        condition = {"@type": "MedicalCondition", "name": name}
        if signs:
            condition["signOrSymptom"] = [{"@type": "MedicalSignOrSymptom", "name": sign} for sign in signs]
        about.append(condition)
    if about:
        data["about"] = about[0] if len(about) == 1 else about
    if review is not None:
        if review.reviewed:
            data["lastReviewed"] = review.reviewed.isoformat()
        if review.reviewed_by:
            data["reviewedBy"] = {"@type": "Person", "name": review.reviewed_by}
        if review.sources:
            data["citation"] = [{"@type": "CreativeWork", "name": name, "url": link} for name, link in review.sources]
    return data


def json_ld_script(data: dict) -> str:
    """`data` in a JSON-LD script element that no string value can break out of."""
    text = json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":"))
    for character, replacement in SCRIPT_UNSAFE.items():
        text = text.replace(character, replacement)
    return f'<script type="application/ld+json">{text}</script>'


# Open Graph wants a locale (language_TERRITORY), not a bare language code; the usual territory of each language.
LOCALES = {"en": "en_US", "es": "es_ES", "fr": "fr_FR", "de": "de_DE", "it": "it_IT", "pt": "pt_PT", "nl": "nl_NL",
           "pl": "pl_PL", "zh": "zh_CN", "ar": "ar_AR", "ru": "ru_RU", "ja": "ja_JP", "ko": "ko_KR", "vi": "vi_VN"}


def og_locale(language: str) -> str:
    """`theme.language` as Open Graph's locale: "en" -> "en_US", "pt-BR" -> "pt_BR"."""
    if "-" in language or "_" in language:
        code, territory = language.replace("-", "_").split("_", 1)
        return f"{code.lower()}_{territory.upper()}"
    return LOCALES.get(language.lower(), f"{language.lower()}_{language.upper()}")


@dataclass(frozen=True)
class PreviewImage:
    """A page's link-preview picture: its full address, size and the text a reader of the preview hears."""

    url: str
    width: int
    height: int
    alt: str


def open_graph_html(*, title: str, description: str, url: str, site_name: str, language: str,
                    home: bool = False, image: PreviewImage | None = None) -> str:
    """Open Graph and Twitter tags, so a shared link previews with the page's title, description and picture.

    The home page is a `website`, every other page an `article`; `twitter:card` asks for the large picture.
    """
    tags = [
        ("og:type", "website" if home else "article"),
        ("og:title", title),
        ("og:description", description),
        ("og:url", url),
        ("og:site_name", site_name),
        ("og:locale", og_locale(language)),
    ]
    if image is not None:
        tags += [("og:image", image.url), ("og:image:type", "image/png"), ("og:image:width", str(image.width)),
                 ("og:image:height", str(image.height)), ("og:image:alt", image.alt)]
    html = [f'<meta property="{name}" content="{escape(value)}">' for name, value in tags]
    html.append(f'<meta name="twitter:card" content="{"summary_large_image" if image else "summary"}">')
    return "\n".join(html)
