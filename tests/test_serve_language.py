"""`make serve-es`: the editor's preview of the Spanish pages, the real make target and `mkdocs serve`."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time

import pytest
from bs4 import BeautifulSoup

from helpers import ROOT, WITH_CTRL_C, copy_project, fetch_text, free_port

pytestmark = [pytest.mark.build, pytest.mark.slow]


def make(project, *args: str, **popen) -> subprocess.Popen:
    """The project's Makefile run in a private copy, with the shared environment (never reinstalled)."""
    return subprocess.Popen([*WITH_CTRL_C, "make", "-C", str(project), "-f", str(ROOT / "Makefile"), f"VENV={ROOT / '.venv'}",
                             "-o", str(ROOT / ".venv" / ".site-deps"), *args], **popen)


def stop(server: subprocess.Popen) -> None:
    """Ctrl+C reaches make and mkdocs, the process group the test started; killed if they do not stop."""
    os.killpg(server.pid, signal.SIGINT)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


@pytest.mark.parametrize("clinic", ["", "riverside"])
def test_make_serve_es_previews_the_spanish_pages(tmp_path, clinic):
    project = copy_project(tmp_path / "project")
    address = f"127.0.0.1:{free_port()}"
    log = (tmp_path / "serve.log").open("w+", encoding="utf-8")
    server = make(project, "serve-es", f"DEV_ADDR={address}", *([f"CLINIC={clinic}"] if clinic else []),
                  stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline, page = time.monotonic() + 90, None
        while page is None and time.monotonic() < deadline and server.poll() is None:
            page = fetch_text(f"http://{address}/es/causes/")
            time.sleep(0.5)
        assert page is not None, "no Spanish page served"
        soup = BeautifulSoup(page, "html.parser")
        assert soup.html["lang"] == "es"
        assert soup.find("h1").get_text(strip=True) == "¿Qué causa los calambres y el dolor en las piernas?"
        contact = soup.find(class_="clinic-contact").get_text(" ", strip=True)  # `CLINIC=riverside`: its Spanish pages
        assert ("Riverside Leg and Vein Centre" in contact) == bool(clinic) and ("Example Vein Clinic" in contact) != bool(clinic)
    finally:
        stop(server)
        log.seek(0)
        output = log.read()
        log.close()
    assert "languages/es/mkdocs.yml" in output
    assert fetch_text(f"http://{address}/es/") is None, "the preview still answers after Ctrl+C"


def test_make_serve_of_a_language_that_is_not_there_says_so(tmp_path):
    project = copy_project(tmp_path / "project")
    done = make(project, "serve-fr", stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output, _ = done.communicate(timeout=30)
    assert done.returncode != 0
    assert "There is no language 'fr' to preview: languages/fr/mkdocs.yml does not exist" in output
    shutil.rmtree(project)


def test_a_saved_clinic_file_reaches_the_running_preview(tmp_path):
    """`make serve-es CLINIC=riverside` previews a config put together from the clinic's file: a save to that file is
    put together again and served, as a save to mkdocs.yml is."""
    project = copy_project(tmp_path / "project")
    address = f"127.0.0.1:{free_port()}"
    log = (tmp_path / "serve.log").open("w+", encoding="utf-8")
    server = make(project, "serve-es", f"DEV_ADDR={address}", "CLINIC=riverside", stdout=log, stderr=subprocess.STDOUT,
                  start_new_session=True)
    try:
        deadline, page = time.monotonic() + 90, None
        while page is None and time.monotonic() < deadline and server.poll() is None:
            page = fetch_text(f"http://{address}/es/causes/")
            time.sleep(0.5)
        assert page is not None and "555-0199" in page, "no Riverside page served"
        clinic = project / "clinics" / "riverside.yml"
        clinic.write_text(clinic.read_text("utf-8").replace("phone: 555-0199", "phone: 555-0177"), "utf-8")
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and "555-0177" not in (fetch_text(f"http://{address}/es/causes/") or ""):
            time.sleep(0.5)
        assert "555-0177" in (fetch_text(f"http://{address}/es/causes/") or ""), "the saved phone number was not served"
    finally:
        stop(server)
        log.close()


def test_make_serve_previews_every_language_at_its_published_address(tmp_path):
    """One `make serve` for every language: English at /, Spanish at /es/, so the selector's links lead to served
    pages; a save to a Spanish page shows in the Spanish preview, and an English original's edit puts the
    stale-translation notice on its Spanish page."""
    project = copy_project(tmp_path / "project")
    address = f"127.0.0.1:{free_port()}"
    log = (tmp_path / "serve.log").open("w+", encoding="utf-8")
    server = make(project, "serve", f"DEV_ADDR={address}", stdout=log, stderr=subprocess.STDOUT, start_new_session=True)

    def wait_for(path: str, wanted: str, seconds: float = 90) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and server.poll() is None:
            page = fetch_text(f"http://{address}/{path}")
            if page is not None and wanted in page:
                return page
            time.sleep(0.3)
        raise AssertionError(f"/{path} never showed {wanted!r}")

    try:
        spanish = BeautifulSoup(wait_for("es/causes/", "</html>"), "html.parser")
        assert spanish.html["lang"] == "es"
        english_link = spanish.select_one('.md-select__link[hreflang="en"]')["href"]
        english = BeautifulSoup(fetch_text(f"http://{address}/es/causes/{english_link}") or "", "html.parser")
        assert english.html and english.html["lang"] == "en"
        assert english.find("h1").get_text(strip=True) == "What causes leg cramps and pain?"
        spanish_link = english.select_one('.md-select__link[hreflang="es"]')["href"]
        assert BeautifulSoup(fetch_text(f"http://{address}/causes/{spanish_link}") or "", "html.parser").html["lang"] == "es"

        page = project / "languages" / "es" / "docs" / "causes.md"
        page.write_text(page.read_text("utf-8").replace("Muchos de nosotros", "Una frase nueva.\n\nMuchos de nosotros", 1), "utf-8")
        wait_for("es/causes/", "Una frase nueva.")
        assert "translation-notice--stale" not in wait_for("es/causes/", "</html>")
        original = project / "docs" / "causes.md"
        original.write_text(original.read_text("utf-8").replace("Many of us", "A new sentence.\n\nMany of us", 1), "utf-8")
        wait_for("causes/", "A new sentence.")
        wait_for("es/causes/", "translation-notice--stale")
    finally:
        stop(server)
        log.close()
    assert fetch_text(f"http://{address}/es/") is None, "the preview still answers after Ctrl+C"
