"""Embed settings (patient_site.embeds.settings): origins as frame-ancestors needs them, odd values refused."""

from __future__ import annotations

import pytest

from helpers import load_extra
from patient_site.embeds.settings import parse_origin
from patient_site.settings import SettingsError


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
    with pytest.raises(SettingsError, match="allowed_origins"):
        load_extra(embed={"allowed_origins": [value]})


def test_embed_settings_reject_unknown_keys_and_odd_sizes():
    with pytest.raises(SettingsError, match="unknown key"):
        load_extra(embed={"origins": []})
    with pytest.raises(SettingsError, match="height"):
        load_extra(embed={"height": "tall"})
    assert load_extra().embed.allowed_origins == ()
