"""A clinic's brand colours as CSS custom properties (patient_site.patient.branding)."""

from __future__ import annotations

import pytest

from patient_site.patient.branding import accent_css


def test_accent_css_sets_the_custom_properties():
    css = accent_css("#00695C")
    assert "--md-primary-fg-color: #00695c;" in css
    assert "body[data-md-color-primary]" in css
    with pytest.raises(ValueError):
        accent_css("teal")
