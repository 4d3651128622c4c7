"""`extra.hosting`: HSTS is opt-in, sent by both `_headers` and nginx when on, and a wrong value stops the build."""

from __future__ import annotations

import re
import urllib.request

import pytest
import yaml
from nginx_server import serve_with_nginx

from helpers import build, copy_project, load_extra
from patient_site.hosting.headers import headers_for, parse_headers_file
from patient_site.hosting.settings import HSTS_VALUE
from patient_site.settings import SettingsError


@pytest.mark.parametrize(
    "data, hsts",  # extra.hosting as written | HSTS sent
    [
        (None, False),
        ({}, False),
        ({"hsts": True}, True),
        ({"hsts": False}, False),
    ],
)
def test_hosting_settings(data, hsts):
    assert load_extra(hosting=data).hosting.hsts is hsts


@pytest.mark.parametrize("data, message", [({"hsts": "yes"}, r"mkdocs\.yml:\d+: extra\.hosting\.hsts must be true or false"),
                                           ({"hst": True}, "unknown key"), ([], "must be a block")])
def test_wrong_hosting_settings_are_named(data, message):
    with pytest.raises(SettingsError, match=message):
        load_extra(hosting=data)


def _with_hosting(tmp_path, hosting):
    project = copy_project(tmp_path / "project")
    data = yaml.safe_load((project / "mkdocs.yml").read_text("utf-8"))
    data["extra"]["hosting"] = hosting
    (project / "mkdocs.yml").write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    return project, build(project, tmp_path / "site")


@pytest.mark.build
def test_hsts_when_turned_on_is_sent_by_both_files(tmp_path, site):
    assert "Strict-Transport-Security" not in (site.site / "_headers").read_text("utf-8")  # off by default
    project, built = _with_hosting(tmp_path, {"hsts": True})
    assert built.returncode == 0, built.log
    rules = parse_headers_file((built.site / "_headers").read_text("utf-8"))
    for path in ("/", "/embed/symptoms/", "/api/index.json", "/assets/site.css"):
        assert [v for n, v in headers_for(rules, path) if n == "Strict-Transport-Security"] == [HSTS_VALUE], path
    for url in serve_with_nginx(built.site, project / "deploy" / "nginx.conf", tmp_path / "nginx"):
        for path in ("", "embed/symptoms/"):
            with urllib.request.urlopen(url + path) as response:
                assert response.headers["Strict-Transport-Security"] == HSTS_VALUE, path


@pytest.mark.build
def test_a_wrong_hsts_value_stops_the_build(tmp_path):
    _, built = _with_hosting(tmp_path, {"hsts": "sometimes"})
    assert built.returncode != 0
    assert re.search(r"mkdocs\.yml:\d+: extra\.hosting\.hsts must be true or false, not 'sometimes'", built.log), built.log
    assert "Traceback" not in built.log
