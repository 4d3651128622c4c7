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
        "publisher": {"@type": "MedicalClinic", "name": clinic.name, "telephone": clinic.phone, "url": clinic.website},
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


def open_graph_html(*, title: str, description: str, url: str, site_name: str, language: str) -> str:
    """Open Graph tags, so a shared link previews with the page's own title and description."""
    tags = [
        ("og:type", "article"),
        ("og:title", title),
        ("og:description", description),
        ("og:url", url),
        ("og:site_name", site_name),
        ("og:locale", language.replace("-", "_")),
    ]
    return "\n".join(f'<meta property="{name}" content="{escape(value)}">' for name, value in tags)


# Removed once the glue calls load_settings (patient_site/settings.py checks extra.conditions now) ----------------

def conditions_from_setting(data: object) -> list[Condition]:
    """`extra.conditions`: a list of {name, pages, symptoms_from}; raises ValueError worded for the editor."""
    if data is None:
        return []
    how = "extra.conditions must be a list of '- {name: ..., pages: [page.md, ...], symptoms_from: page.md}' entries"
    if not isinstance(data, list):
        raise ValueError(how)
    found = []
    for entry in data:
        if not isinstance(entry, dict) or not set(entry) <= {"name", "pages", "symptoms_from"}:
            raise ValueError(f"{how}; check {entry!r}")
        name, pages, symptoms_from = entry.get("name"), entry.get("pages"), entry.get("symptoms_from")
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"{how}; every entry needs a name")
        if not isinstance(pages, list) or not pages or not all(isinstance(page, str) for page in pages):
            raise ValueError(f"extra.conditions: '{name}' needs pages, a list of page files")
        if symptoms_from is not None and not isinstance(symptoms_from, str):
            raise ValueError(f"extra.conditions: '{name}' symptoms_from must be one page file")
        found.append(Condition(name.strip(), tuple(pages), symptoms_from))
    return found
