"""The link-preview pictures (patient_site.patient.preview_image): size, weight, names and what they depend on."""

from __future__ import annotations

import io

from PIL import Image

from patient_site.patient.preview_image import draw_png, inputs_key, picture_path

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
