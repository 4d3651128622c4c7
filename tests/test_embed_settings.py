"""Embed settings (patient_site.embeds.settings): origins as frame-ancestors needs them, odd values refused."""

from __future__ import annotations

import pytest
from patient_site.embeds.settings import EmbedSettings, EmbedSettingsError, parse_origin


@pytest.mark.parametrize(
    "value, expected",
    [
        # an origin as an editor writes it -> as frame-ancestors gets it
        ("https://clinic.example.org", "https://clinic.example.org"),
        ("https://Clinic.Example.org/", "https://clinic.example.org"),
        ("http://localhost:8123", "http://localhost:8123"),
        ("  https://a.example:443  ", "https://a.example:443"),
    ],
)
def test_origins_are_normalised(value, expected):
    assert parse_origin(value, "x") == expected


@pytest.mark.parametrize(
    "value",
    [
        "clinic.example.org",  # no scheme
        "ftp://clinic.example.org",  # not a web origin
        "https://clinic.example.org/embed",  # a path
        "https://*.example.org",  # a wildcard
        "https://clinic.example.org; script-src *",  # an attempt to add a directive
        "https://user@clinic.example.org",  # credentials
        "https://clinic.example.org:99999",  # no such port
        "https://clinic.example.org?x=1",
        "'self'",
        "",
        42,
    ],
)
def test_anything_but_a_plain_origin_is_refused(value):
    with pytest.raises(EmbedSettingsError, match="allowed_origins"):
        EmbedSettings.from_mapping({"allowed_origins": [value]})


def test_embed_settings_reject_unknown_keys_and_odd_sizes():
    with pytest.raises(EmbedSettingsError, match="unknown key"):
        EmbedSettings.from_mapping({"origins": []})
    with pytest.raises(EmbedSettingsError, match="height"):
        EmbedSettings.from_mapping({"height": "tall"})
    assert EmbedSettings.from_mapping(None).allowed_origins == ()
