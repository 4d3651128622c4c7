"""The link-preview pictures (patient_site.patient.preview_image): size, weight, names and what they depend on."""

from __future__ import annotations

import io

from PIL import Image

from patient_site.patient.preview_image import (
    PagePart,
    draw_png,
    inputs_key,
    page_part,
    part_key,
    picture_path,
    plan,
    write_planned,
)

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


def test_the_page_part_an_earlier_build_drew_is_taken_from_the_projects_cache(tmp_path):
    """Any later build of the project (this clinic or another) starts from the stored part of the page: a part of
    another page, stored under this page's name, shows in its picture; a damaged one is drawn again and replaced."""
    cache, planned = tmp_path / "cache", {}
    plan(planned, "https://example.org/", "causes/", "Causes", SITE, CLINIC, COLOUR, "")
    (path, inputs), = planned.values()
    write_planned(tmp_path / "first", dict(planned), cache=cache)
    stored = cache / "parts" / f"{part_key('Causes', SITE)}.part"
    assert (tmp_path / "first" / path).read_bytes() == draw_png(*inputs)
    assert PagePart.from_bytes(stored.read_bytes()) == page_part("Causes", SITE)
    stored.write_bytes(page_part("Symptoms", SITE).to_bytes())
    write_planned(tmp_path / "second", dict(planned), cache=cache)
    assert (tmp_path / "second" / path).read_bytes() == draw_png("Symptoms", SITE, CLINIC, COLOUR)  # taken, not drawn
    for damaged in (b"as a half-copied cache holds it", stored.read_bytes()[:-40]):
        stored.write_bytes(damaged)
        write_planned(tmp_path / "third", dict(planned), cache=cache)
        assert (tmp_path / "third" / path).read_bytes() == draw_png(*inputs)
        assert PagePart.from_bytes(stored.read_bytes()) == page_part("Causes", SITE)
        (tmp_path / "third" / path).unlink()


def test_another_clinics_picture_of_the_page_is_the_picture_drawn_from_nothing(tmp_path):
    """A clinic built after another draws only its name into the page's part: byte-for-byte the picture drawn from
    nothing, a valid PNG showing every pixel as the first clinic's picture shows it but the name and the colour."""
    cache = tmp_path / "cache"
    first, second = {}, {}
    plan(first, "https://a.example/", "causes/", "Causes", SITE, CLINIC, COLOUR, "")
    plan(second, "https://b.example/", "causes/", "Causes", SITE, "Oakwood Vein Practice", "#00695c", "")
    write_planned(tmp_path / "a", dict(first), cache=cache)
    write_planned(tmp_path / "b", dict(second), cache=cache)
    (path_a, _), = first.values()
    (path_b, inputs), = second.values()
    assert (tmp_path / "b" / path_b).read_bytes() == draw_png(*inputs)
    with Image.open(tmp_path / "a" / path_a) as a, Image.open(tmp_path / "b" / path_b) as b:
        a_rgb, b_rgb = a.convert("RGB"), b.convert("RGB")
        title = (130, 0, 1200, 400)  # the title's rows, left of the band; the clinic's name is lower down
        assert a_rgb.crop(title).tobytes() == b_rgb.crop(title).tobytes()
        assert a_rgb.getpixel((5, 5)) == (0x39, 0x49, 0xab) and b_rgb.getpixel((5, 5)) == (0x00, 0x69, 0x5c)
        name = (130, 510, 1200, 616)
        assert a_rgb.crop(name).tobytes() != b_rgb.crop(name).tobytes()
