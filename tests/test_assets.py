"""Finding Material's fingerprinted bundle (patient_site.theme.assets)."""

from __future__ import annotations

from patient_site.theme.assets import material_bundle


def test_finds_the_fingerprinted_bundle_in_the_first_theme_dir_that_has_one(tmp_path):
    empty, theme = tmp_path / "overrides", tmp_path / "material"
    (theme / "assets" / "javascripts").mkdir(parents=True)
    empty.mkdir()
    (theme / "assets" / "javascripts" / "bundle.1a2b3c.min.js").write_text("")
    (theme / "assets" / "javascripts" / "bundle.1a2b3c.min.js.map").write_text("")
    assert material_bundle([str(empty), str(theme)]) == "assets/javascripts/bundle.1a2b3c.min.js"
    assert material_bundle([str(empty)]) is None
