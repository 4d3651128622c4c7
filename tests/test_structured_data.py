"""JSON-LD (patient_site.patient.structured_data): safe in its script element, about the right conditions."""

from __future__ import annotations

import datetime
import json

import pytest

from helpers import HOSTILE_CLINIC, load_extra, soup
from patient_site.patient.review import ReviewInfo
from patient_site.patient.structured_data import json_ld_script, medical_web_page

CLINIC = load_extra(clinic=HOSTILE_CLINIC).clinic


# --- structured data --------------------------------------------------------------------------------------

def test_json_ld_cannot_break_out_of_its_script_element():
    hostile = 'Evil </script><script>alert(1)</script> <!-- & \u2028'
    data = medical_web_page(title=hostile, description=hostile, url="https://x.test/", language="en",
                            site_name="S", site_url="https://x.test/", clinic=CLINIC)
    html = json_ld_script(data)
    assert html.count("<") == 2 and html.count("</script>") == 1  # only our own opening and closing tags
    parsed = soup(html).find("script", type="application/ld+json")
    assert json.loads(parsed.string)["name"] == hostile


def test_json_ld_about_review_and_sources():
    info = ReviewInfo(datetime.date(2026, 10, 1), None, "Dr A", (("NHS", "https://www.nhs.uk/x"),))
    data = medical_web_page(title="T", description="D", url="https://x.test/p/", language="en", site_name="S",
                            site_url="https://x.test/", clinic=CLINIC, conditions=[("CVI", ["Swelling", "Itching"])], review=info)
    assert data["@type"] == "MedicalWebPage" and data["inLanguage"] == "en" and data["lastReviewed"] == "2026-10-01"
    assert data["about"] == {"@type": "MedicalCondition", "name": "CVI", "signOrSymptom": [
        {"@type": "MedicalSignOrSymptom", "name": "Swelling"}, {"@type": "MedicalSignOrSymptom", "name": "Itching"}]}
    assert data["citation"][0]["url"] == "https://www.nhs.uk/x"
    bare = medical_web_page(title="T", description="D", url="u", language="en", site_name="S", site_url="s", clinic=CLINIC)
    assert "about" not in bare and "lastReviewed" not in bare


def test_conditions_setting_is_checked():
    (found,) = load_extra(conditions=[{"name": "CVI", "pages": ["a.md"], "symptoms_from": "a.md"}]).conditions
    assert found.pages == ("a.md",)
    for bad in ("CVI", [{"name": "CVI"}], [{"name": "CVI", "pages": ["a.md"], "extra": 1}]):
        with pytest.raises(ValueError):
            load_extra(conditions=bad)
