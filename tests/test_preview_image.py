"""The link-preview pictures (patient_site.patient.preview_image): size, weight, names and what they depend on."""

from __future__ import annotations

import io

from PIL import Image

from patient_site.patient.preview_image import draw_png, inputs_key, part_key, picture_path, plan, write_planned

SITE, CLINIC, COLOUR = "Leg pain, cramps and vein health", "Example Vein Clinic (fictional)", "#3949ab"


def ink_rows(png: bytes) -> int:
    """How many pixel rows of the picture hold dark ink (the title's and the names' text)."""
    picture = Image.open(io.BytesIO(png)).convert("L")
    return sum(1 for y in range(picture.height) if min(picture.crop((120, y, picture.width - 60, y + 1)).getextrema()) < 80)


def test_a_picture_is_a_1200_by_630_png_of_at_most_150_kb():
    for title in ("Glossary", "Symptoms of chronic venous insufficiency", "Why " * 60 + "cramps?"):
        png = draw_png(title, SITE, CLINIC, COLOUR)
        picture = Image.open(io.BytesIO(png))
        assert picture.format == "PNG" and picture.size == (1200, 630)
        assert len(png) <= 150 * 1024, len(png)


def test_a_longer_title_takes_more_lines_and_a_very_long_one_still_leaves_the_names_their_place():
    one, two = ink_rows(draw_png("Glossary", SITE, CLINIC, COLOUR)), ink_rows(draw_png("Symptoms of chronic venous insufficiency", SITE, CLINIC, COLOUR))
    huge = ink_rows(draw_png("Why " * 60 + "cramps?", SITE, CLINIC, COLOUR))
    assert one < two
    assert huge < 630 - 2 * 72  # three lines at the smallest size, cut, and the names: within the margins


def test_the_file_name_changes_with_everything_the_picture_shows():
    key = inputs_key("Symptoms", SITE, CLINIC, COLOUR)
    assert len({key, inputs_key("Síntomas", SITE, CLINIC, COLOUR), inputs_key("Symptoms", "Other", CLINIC, COLOUR),
                inputs_key("Symptoms", SITE, "Riverside", COLOUR), inputs_key("Symptoms", SITE, CLINIC, "#00695c")}) == 5
    assert inputs_key("Symptoms", SITE, CLINIC, "#3949AB") == key
    assert picture_path("symptoms/", key) == f"assets/previews/symptoms.{key}.png"
    assert picture_path("", key) == f"assets/previews/home.{key}.png"
    assert picture_path("checklist/legs/", key) == f"assets/previews/checklist-legs.{key}.png"


def test_an_editors_preview_draws_only_new_pictures_and_removes_the_ones_no_page_names(tmp_path):
    kept: dict = {}
    first: dict = {}
    plan(first, "https://x.test/", "symptoms/", "Symptoms", SITE, CLINIC, COLOUR, "alt")
    plan(first, "https://x.test/", "causes/", "Causes", SITE, CLINIC, COLOUR, "alt")
    write_planned(tmp_path, first, kept)
    drawn = {path.name: path.stat().st_mtime_ns for path in (tmp_path / "assets/previews").iterdir()}
    assert len(drawn) == 2
    again: dict = {}  # a dirty rebuild renders only the page whose title changed
    plan(again, "https://x.test/", "causes/", "What causes cramps?", SITE, CLINIC, COLOUR, "alt")
    write_planned(tmp_path, again, kept)
    now = {path.name: path.stat().st_mtime_ns for path in (tmp_path / "assets/previews").iterdir()}
    assert len(now) == 2 and [name for name in now if name.startswith("symptoms.")] == [n for n in drawn if n.startswith("symptoms.")]
    assert all(now[name] == drawn[name] for name in now if name in drawn)  # the unchanged picture was kept, not redrawn
    assert not [name for name in drawn if name.startswith("causes.") and name in now]  # the old title's picture is gone


def test_a_picture_an_earlier_build_drew_is_taken_from_the_projects_cache(tmp_path):
    cache, planned = tmp_path / "cache", {}
    plan(planned, "https://example.org/", "causes/", "Causes", SITE, CLINIC, COLOUR, "")
    (path, inputs), = planned.values()
    write_planned(tmp_path / "first", dict(planned), cache=cache)
    drawn = (tmp_path / "first" / path).read_bytes()
    assert (cache / f"{inputs_key(*inputs)}.png").read_bytes() == drawn  # kept for the next build of any clinic
    (cache / f"{inputs_key(*inputs)}.png").write_bytes(b"as the cache holds it")
    write_planned(tmp_path / "second", dict(planned), cache=cache)
    assert (tmp_path / "second" / path).read_bytes() == b"as the cache holds it"  # copied, not drawn again
    other = {}
    plan(other, "https://example.org/", "causes/", "Causes", SITE, "Another clinic", COLOUR, "")
    write_planned(tmp_path / "third", other, cache=cache)
    (other_path, _), = other.values()
    with Image.open(tmp_path / "third" / other_path) as picture:
        assert picture.size == (1200, 630)  # other inputs: drawn


def test_another_clinics_picture_of_the_page_gives_the_page_part_and_the_same_picture(tmp_path):
    """A clinic built after another draws only its name into the other's picture of the page: byte-for-byte the
    picture drawn from nothing, and the stored part is what it starts from (a part of another page shows)."""
    cache = tmp_path / "cache"
    first, second = {}, {}
    plan(first, "https://a.example/", "causes/", "Causes", SITE, CLINIC, COLOUR, "")
    plan(second, "https://b.example/", "causes/", "Causes", SITE, "Oakwood Vein Practice", "#00695c", "")
    write_planned(tmp_path / "a", first, cache=cache)
    assert (cache / "parts" / f"{part_key('Causes', SITE)}.png").is_file()
    write_planned(tmp_path / "b", dict(second), cache=cache)
    (path, inputs), = second.values()
    assert (tmp_path / "b" / path).read_bytes() == draw_png(*inputs)
    # The part of another page, stored as this page's: the next clinic's picture is drawn over it.
    (cache / "parts" / f"{part_key('Causes', SITE)}.png").write_bytes(draw_png("Symptoms", SITE, CLINIC, COLOUR))
    third = {}
    plan(third, "https://c.example/", "causes/", "Causes", SITE, "Third Clinic", "#6a1b9a", "")
    write_planned(tmp_path / "c", dict(third), cache=cache)
    (path, inputs), = third.values()
    assert (tmp_path / "c" / path).read_bytes() == draw_png("Symptoms", SITE, "Third Clinic", "#6a1b9a")
