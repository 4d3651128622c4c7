"""Every clinic in every language (patient_site/composition.py) and every clinic in one command (`make sites`).

A clinic file holds only the clinic's own settings; each language of the guide is put together with it. The first
tests read the composition alone (no build); the others build real sites, as `make site CLINIC=…` and `make sites` do.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml

from helpers import ROOT, Built, build_languages, copy_project, edit, tree_digest
from patient_site.composition import Site, compose, compose_all, configs
from patient_site.config_file import ConfigError
from patient_site.hosting.headers import parse_headers_file

EXAMPLE = ("Example Vein Clinic", "555-0100", "clinic.example.org", "vein-guide.example.org", "Example Street", "Exampleton",
           "EX1 2AB")  # mkdocs.yml's own clinic, its address included
RIVERSIDE = "https://guide.riverside-veins.example.net/"
OAKWOOD = """\
# Only the clinic's own details: every language of the guide comes with them.
site_url: https://oakwood-veins.example.com/guide/
extra:
  clinic:
    name: Oakwood Vein Practice (fictional)
    phone: 555-0142
    website: https://oakwood-veins.example.com/
    booking: https://oakwood-veins.example.com/book
    emergency_number: "911"
  embed:
    allowed_origins:
      - https://oakwood-veins.example.com
"""


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


def line_of(path: Path, snippet: str) -> int:
    return next(n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if snippet in line)


def refused(project: Path, config: str = "mkdocs.yml") -> str:
    with pytest.raises(ConfigError) as error:  # a CompositionError, or a file that is not YAML
        configs(project / config)
    return str(error.value)


# -- the composition, without a build ------------------------------------------------------------------------------

def test_a_clinic_in_each_language_has_its_own_details_addresses_and_the_languages_words(project):
    english, spanish = compose_all(Site.of_file(project / "clinics/riverside.yml"))
    assert (english.lang, spanish.lang) == ("en", "es")
    assert english.data["site_url"] == RIVERSIDE and spanish.data["site_url"] == RIVERSIDE + "es/"
    assert spanish.data["extra"]["clinic"]["name"] == english.data["extra"]["clinic"]["name"] == "Riverside Leg and Vein Centre (fictional)"
    assert english.data["extra"]["clinic"]["booking"].endswith("/appointments")
    assert spanish.data["extra"]["clinic"]["booking"].endswith("/es/citas")  # the clinic's block for Spanish
    assert spanish.data["site_name"] == "Dolor en las piernas, calambres y salud de las venas"  # the language's words
    assert spanish.data["docs_dir"] == str(project / "languages/es/docs") and spanish.data["theme"]["language"] == "es"
    assert spanish.data["extra"]["embed"]["nginx_snippet"] == str(project / "deploy/riverside/nginx.es.conf")
    assert [entry["lang"] for entry in english.data["extra"]["languages"]] == ["en", "es"]


def test_a_clinic_can_leave_a_language_out(project):
    (project / "clinics/riverside.yml").write_text(
        (project / "clinics/riverside.yml").read_text("utf-8").split("languages:")[0] + "languages:\n  es: false\n", "utf-8")
    found = compose_all(Site.of_file(project / "clinics/riverside.yml"))
    assert [composed.lang for composed in found] == ["en"]
    assert [entry["lang"] for entry in found[0].data["extra"]["languages"]] == ["en"]


def test_a_mistake_in_another_clinics_file_does_not_stop_this_site(project, monkeypatch):
    monkeypatch.chdir(project)
    (project / "clinics/broken.yml").write_text("site_url: [\n", "utf-8")
    assert [lang for lang, _ in configs(project / "mkdocs.yml")] == ["en", "es"]
    assert refused(project, "clinics/broken.yml").startswith("clinics/broken.yml:")


@pytest.mark.parametrize("key, text", [
    ("hooks", "hooks:\n  - ../scripts/hooks.py\n"),
    ("docs_dir", "docs_dir: ../docs\n"),
    ("INHERIT", "INHERIT: ../mkdocs.yml\n"),
    ("theme.custom_dir", "theme:\n  custom_dir: ../overrides\n"),
    ("extra.languages", "extra:\n  languages: []\n"),
])
def test_a_clinic_file_repeats_no_path_and_no_language_list(project, key, text, monkeypatch):
    monkeypatch.chdir(project)
    clinic = project / "clinics/riverside.yml"
    original = clinic.read_text("utf-8")
    clinic.write_text(text + original if key != "extra.languages" else original.replace("extra:\n", text, 1), "utf-8")
    message = refused(project, "clinics/riverside.yml")
    assert message.startswith(f"clinics/riverside.yml:{line_of(clinic, key.split('.')[-1] + ':')}: "), message
    assert key in message


@pytest.mark.parametrize("old, new, expected", [
    ("  language: es", "  language: fr", ("theme.language is 'fr'", "'es'")),  # not its folder's language
    ("storage_key: vein-guide:checklist:es:v1", "storage_key: vein-guide:checklist:v1",  # English's key, one address
     ("vein-guide:checklist:v1", "same address")),
])
def test_a_language_file_that_contradicts_its_folder_or_the_first_language_stops_with_its_line(project, monkeypatch, old, new, expected):
    monkeypatch.chdir(project)
    edit(project / "languages/es/mkdocs.yml", old, new)
    message = refused(project)
    assert message.startswith(f"languages/es/mkdocs.yml:{line_of(project / 'languages/es/mkdocs.yml', new.strip())}: "), message
    assert all(text in message for text in expected), message


def test_two_clinics_on_one_address_sharing_a_checklist_key_stop(project, monkeypatch):
    monkeypatch.chdir(project)
    (project / "clinics/oakwood.yml").write_text(OAKWOOD.replace("https://oakwood-veins.example.com/guide/", RIVERSIDE + "oakwood/"), "utf-8")
    message = refused(project, "clinics/oakwood.yml")
    assert "clinic 'riverside'" in message and "https://guide.riverside-veins.example.net" in message, message
    # Its own key (in every language) settles it.
    with (project / "clinics/oakwood.yml").open("a", encoding="utf-8") as file:
        file.write("  checklist:\n    storage_key: oakwood:checklist:v1\nlanguages:\n  es:\n    extra:\n      checklist:\n"
                   "        storage_key: oakwood:checklist:es:v1\n")
    assert [lang for lang, _ in configs(project / "clinics/oakwood.yml")] == ["en", "es"]
    # Another address needs no key of its own.
    (project / "clinics/oakwood.yml").write_text(OAKWOOD, "utf-8")
    assert [lang for lang, _ in configs(project / "clinics/oakwood.yml")] == ["en", "es"]


def test_a_favicon_that_is_not_a_file_stops_with_its_line(project, monkeypatch):
    monkeypatch.chdir(project)
    edit(project / "mkdocs.yml", "favicon: assets/favicon.svg", "favicon: assets/favicon.ico")
    message = refused(project)
    assert message.startswith(f"mkdocs.yml:{line_of(project / 'mkdocs.yml', 'favicon:')}: theme.favicon 'assets/favicon.ico'"), message
    with (project / "clinics/riverside.yml").open("a", encoding="utf-8") as file:
        file.write("theme:\n  favicon: assets/logos/nowhere.svg\n")
    edit(project / "mkdocs.yml", "favicon: assets/favicon.ico", "favicon: assets/favicon.svg")
    assert refused(project, "clinics/riverside.yml").startswith(f"clinics/riverside.yml:{line_of(project / 'clinics/riverside.yml', 'nowhere')}:")


def test_the_generated_config_names_its_files_and_is_written_only_when_it_changes(project):
    spanish = compose(Site.of_file(project / "clinics/riverside.yml"), "es")
    path = spanish.write()
    assert path == project / ".build/config/riverside.es.yml"
    assert path.read_text("utf-8").startswith("# Generated by `make` from clinics/riverside.yml, languages/es/mkdocs.yml, mkdocs.yml")
    written = path.stat().st_mtime_ns
    spanish.write()
    assert path.stat().st_mtime_ns == written  # a running `make serve` would rebuild on every write
    assert yaml.safe_load(path.read_text("utf-8"))["extra"]["composition"]["clinic"] == "riverside"


def test_a_whole_config_under_another_name_is_read_as_it_is(project, tmp_path):
    """A complete config that is not a clinic's or a language's file (a benchmark's `ours.yml`, in a folder with no
    mkdocs.yml) is what the engine reads: nothing is composed around it, and `make check` reads it too."""
    from patient_site.composition import engine_config
    from patient_site.mkdocs.commands import read_config

    whole = tmp_path / "library" / "ours.yml"
    whole.parent.mkdir()
    text = (project / "mkdocs.yml").read_text("utf-8")
    for key, folder in (("docs_dir: ", "docs"), ("custom_dir: ", "overrides"), ("  - ", "scripts/hooks.py"),
                        ("  - ", "overrides\n"), ("  - ", "scripts\n")):
        text = text.replace(key + folder, key + str(project / folder), 1)
    whole.write_text(text, "utf-8")
    assert engine_config(whole) == whole
    config, settings = read_config(whole)
    assert config.config_file_path == str(whole) and settings.clinic.name.startswith("Example Vein Clinic")


# -- real builds -----------------------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def riverside(shared_build) -> Built:
    """Riverside, every language, built as `make site CLINIC=riverside` builds it."""
    def make(folder: Path) -> Built:
        project = copy_project(folder / "project")
        built = build_languages(project, folder / "site", "clinics/riverside.yml")
        built.project = project
        return built

    built = shared_build("riverside-every-language", make)
    assert built.returncode == 0, built.log
    return built


@pytest.mark.build
def test_riverside_in_spanish_carries_riverside_and_none_of_the_example_clinic(riverside):
    page = riverside.soup("es/causes/")
    assert page.html["lang"] == "es"
    footer = page.find(class_="clinic-contact").get_text(" ", strip=True)
    assert "Riverside Leg and Vein Centre (fictional)" in footer and "555-0199" in footer
    assert page.find("a", href="https://riverside-veins.example.net/es/citas") is not None  # its Spanish booking address
    assert page.find("link", rel="canonical")["href"] == RIVERSIDE + "es/causes/"
    alternates = {link["hreflang"]: link["href"] for link in page.find_all("link", hreflang=True)}
    assert alternates == {"en": RIVERSIDE + "causes/", "es": RIVERSIDE + "es/causes/"}
    oembed = page.find("link", type="application/json+oembed")["href"]
    assert oembed == RIVERSIDE + "es/oembed/causes.json"
    snippets = riverside.soup("es/for-clinics/causes/").find_all("code")
    assert snippets and all(RIVERSIDE + "es/" in code.get_text() for code in snippets if "http" in code.get_text())
    sitemap = ElementTree.parse(riverside.site / "es/sitemap.xml").getroot()
    assert {loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")} >= {RIVERSIDE + "es/", RIVERSIDE + "es/causes/"}
    # Nothing of the example clinic anywhere: pages, feeds, API, oEmbed, sitemaps, headers, the nginx snippet.
    texts = [path for path in riverside.site.rglob("*") if path.is_file() and path.suffix in (".html", ".xml", ".json", "")]
    texts.append(riverside.project / "deploy/riverside/nginx.conf")
    leaks = [(str(path.relative_to(riverside.site) if riverside.site in path.parents else path), text)
             for path in texts for text in EXAMPLE if text in path.read_text("utf-8", errors="replace")]
    assert leaks == []
    rules = dict(parse_headers_file((riverside.site / "_headers").read_text("utf-8")))
    assert rules["/es/embed/*"]["Content-Security-Policy"].endswith("frame-ancestors 'self' https://riverside-veins.example.net")
    nginx = (riverside.project / "deploy/riverside/nginx.conf").read_text("utf-8")
    assert "location ^~ /es/ {" in nginx and not (riverside.project / "deploy/riverside/nginx.es.conf").exists()


@pytest.mark.build
def test_the_english_pages_keep_the_clinics_own_booking_address(riverside):
    page = riverside.soup("causes/")
    assert page.find("a", href="https://riverside-veins.example.net/appointments") is not None
    assert page.find("a", href="https://riverside-veins.example.net/es/citas") is None


@pytest.mark.build
def test_make_sites_builds_every_clinic_every_language_and_keeps_a_broken_clinics_site(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "clinics/oakwood.yml").write_text(OAKWOOD, "utf-8")  # a clinic added as one file, its own details only
    broken = project / "clinics/broken.yml"
    broken.write_text(OAKWOOD.replace("oakwood", "broken").replace("phone: 555-0142", "phone: call us"), "utf-8")
    (project / "site-broken").mkdir()
    (project / "site-broken/index.html").write_text("the broken clinic's site as it was", "utf-8")
    before = tree_digest(project / "site-broken")
    done = subprocess.run([sys.executable, str(ROOT / "scripts/build_sites.py"), "--project", str(project)],
                          capture_output=True, text=True, cwd=project)
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert f"clinics/broken.yml:{line_of(broken, 'phone: call us')}: extra.clinic.phone" in output, output
    assert tree_digest(project / "site-broken") == before
    for folder, name in [("site", "Example Vein Clinic (fictional)"), ("site-riverside", "Riverside Leg and Vein Centre (fictional)"),
                         ("site-oakwood", "Oakwood Vein Practice (fictional)")]:
        for page in ("index.html", "es/index.html"):
            html = (project / folder / page).read_text("utf-8")
            assert name in html, (folder, page)
        assert '<html lang="es"' in (project / folder / "es/index.html").read_text("utf-8")
    rows = {line.split()[0]: line.split() for line in output.splitlines() if line.split()[:1] in (["riverside"], ["oakwood"], ["broken"])}
    assert rows["riverside"][1:3] == ["2", "28"] and rows["oakwood"][1] == "2", output
    assert "FAILED" in " ".join(rows["broken"]) and "3 of 4 sites built" in output
