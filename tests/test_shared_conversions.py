"""Conversions, search entries and embed parts shared by every build of the project (patient_site/shared_conversions.py,
patient_site/mkdocs/shared_search.py, patient_site/embeds/shared_parts.py): what `make sites` does once for all clinics. A clinic built after another
publishes exactly what a fresh build publishes; what is stored is really what the next build uses; a conversion that
warned is never stored, so a strict build fails on it every time.
"""

from __future__ import annotations

import dataclasses
import json
import pickle

import pytest

from helpers import build_languages, copy_project, tree_digest

pytestmark = pytest.mark.build


def packs(project, store: str) -> list:
    return sorted((project / ".build/cache" / store).glob("*.pack"))


def entries(project, store: str = "conversions") -> dict:
    """Every entry of a store's packs (patient_site/shared_store.py): key -> the stored value."""
    found = {}
    for pack in packs(project, store):
        found.update({key: pickle.loads(data) for key, data in pickle.loads(pack.read_bytes()).items()})
    return found


def stored(project, store: str = "conversions") -> list:
    return sorted(entries(project, store))


def test_a_clinic_built_after_another_reuses_its_conversions_and_publishes_what_a_fresh_build_does(tmp_path):
    shared = copy_project(tmp_path / "shared")
    assert build_languages(shared, tmp_path / "site", "mkdocs.yml").returncode == 0
    converted, searched, embedded = stored(shared), stored(shared, "search"), stored(shared, "embeds")
    assert len(converted) >= 28  # every page of both languages
    assert len(searched) >= 28 and len(embedded) >= 10  # every embeddable page of both languages
    after = build_languages(shared, tmp_path / "riverside-shared", "clinics/riverside.yml")
    assert after.returncode == 0, after.log
    # Only the for-clinics pages were converted again: their snippets carry the clinic's own address.
    added = [entry for entry in stored(shared) if entry not in converted]
    for_clinics = list(after.site.glob("for-clinics/**/index.html")) + list(after.site.glob("es/for-clinics/**/index.html"))
    assert len(added) == len(for_clinics) == 14, added
    assert all("riverside-veins.example.net" in entries(shared)[key].html for key in added)
    # Search entries too: only pages whose content differs between the clinics (their details) are indexed again.
    assert 0 < len([entry for entry in stored(shared, "search") if entry not in searched]) < len(searched)
    assert len(stored(shared, "embeds")) < 2 * len(embedded)  # the embeds' parts: the clinic's own pages only again
    fresh_project = copy_project(tmp_path / "fresh")
    fresh = build_languages(fresh_project, tmp_path / "riverside-fresh", "clinics/riverside.yml")
    assert fresh.returncode == 0, fresh.log
    assert tree_digest(after.site) == tree_digest(fresh.site)


def test_a_site_built_with_its_further_languages_first_publishes_what_the_usual_order_does(tmp_path):
    usual_project, first_project = copy_project(tmp_path / "usual"), copy_project(tmp_path / "further-first")
    usual = build_languages(usual_project, tmp_path / "usual-site", "clinics/riverside.yml")
    assert usual.returncode == 0, usual.log
    further_first = build_languages(first_project, tmp_path / "further-first-site", "clinics/riverside.yml", further_first=True)
    assert further_first.returncode == 0, further_first.log
    assert (further_first.site / "es/index.html").is_file()
    assert tree_digest(further_first.site) == tree_digest(usual.site)
    assert tree_digest(first_project / "deploy") == tree_digest(usual_project / "deploy")  # the nginx snippets too
    assert sorted(path.name for path in tmp_path.iterdir()) == ["further-first", "further-first-site", "usual", "usual-site"]


def built_after_tampering(tmp_path, store: str, tamper):
    """A build, then `tamper(entry)` on each entry of its `store` (the changed entry, or None to leave it), then the
    next build: exactly one entry must have changed, and the next build must pass."""
    project = copy_project(tmp_path / "project")
    assert build_languages(project, tmp_path / "first").returncode == 0
    changed = 0
    for pack in packs(project, store):
        packed = pickle.loads(pack.read_bytes())
        for key, data in packed.items():
            value = tamper(pickle.loads(data))
            if value is not None:
                packed[key] = pickle.dumps(value)
                changed += 1
        pack.write_bytes(pickle.dumps(packed))
    assert changed == 1
    again = build_languages(project, tmp_path / "second")
    assert again.returncode == 0, again.log
    return again


def test_a_stored_conversion_is_what_the_next_build_publishes(tmp_path):
    def tamper(converted):
        if "<h1" in converted.html and ">Why do I have leg cramps at night?</h1>" in converted.html:
            converted.html = converted.html.replace("</h1>", "</h1>\n<p>As the store holds it.</p>", 1)
            return converted
        return None

    again = built_after_tampering(tmp_path, "conversions", tamper)
    assert "As the store holds it." in (again.site / "night-cramps/index.html").read_text("utf-8")


def test_stored_search_entries_are_what_the_next_build_indexes(tmp_path):
    def tamper(sections):
        if sections and sections[0]["title"] == "Why do I have leg cramps at night?":
            sections[0]["text"] = "As the store holds it."
            return sections
        return None

    again = built_after_tampering(tmp_path, "search", tamper)
    index = json.loads((again.site / "search/search_index.json").read_text("utf-8"))
    assert [doc["text"] for doc in index["docs"] if doc["location"] == "night-cramps/"] == ["As the store holds it."]


def test_stored_embed_parts_are_what_the_next_build_publishes(tmp_path):
    def tamper(parts):
        if ">Why do I have leg cramps at night?</h1>" in parts.embed_content:
            return dataclasses.replace(parts, embed_content=parts.embed_content + "<p>As the store holds it.</p>",
                                       text="As the store holds it.")
        return None

    again = built_after_tampering(tmp_path, "embeds", tamper)
    assert "As the store holds it." in (again.site / "embed/night-cramps/index.html").read_text("utf-8")
    assert json.loads((again.site / "api/night-cramps.json").read_text("utf-8"))["text"] == "As the store holds it."


def test_a_conversion_that_warned_is_never_stored(tmp_path):
    project = copy_project(tmp_path / "project")
    with (project / "docs/causes.md").open("a", encoding="utf-8") as page:
        page.write("\nSee [the missing page](missing.md).\n")
    for attempt in range(2):  # the second build would pass if the first had stored the page's conversion
        built = build_languages(project, tmp_path / f"site-{attempt}")
        assert built.returncode != 0, attempt
        assert "missing.md" in built.log, built.log
    assert stored(project, "search") == stored(project, "embeds") == []  # nor anything else of a build that warned
