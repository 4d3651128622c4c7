"""patient_site/settings.py: every `extra.*` mistake is one `file:LINE: message`, and good settings load as the features read them.

The config files are read with MkDocs' own loader (`yaml_load`: its `!ENV` tag, its INHERIT merge), the value a
hook gets as `config.extra`.
"""

from __future__ import annotations

import pytest
from mkdocs.utils.yaml import yaml_load

from helpers import copy_project
from patient_site.checklist.symptom_lists import ChecklistSettings
from patient_site.composition import engine_config
from patient_site.editor.content_settings import Settings as ContentCheckSettings
from patient_site.embeds.settings import EmbedSettings
from patient_site.patient.page_foot import DEFAULT_DISCLAIMER
from patient_site.settings import BLOCKS, KINDS, SettingsError, load_settings

CONFIG = """\
site_name: Test guide
site_url: !ENV [SITE_URL, "https://guide.example.org/"]
extra:
  generator: false
  clinic:
    name: Example Vein Clinic
    phone: 555-0100
    website: https://clinic.example.org/
    booking: https://clinic.example.org/book
    emergency_number: 911
    accent_color: "#3949ab"
  checklist:
    storage_key: test:checklist:v1
    required_pages: [symptoms.md]
  embed:
    allowed_origins:
      - https://clinic.example.org
      - http://localhost:8123
    height: 800
  content_check:
    target_grade: 8
    overdue_review: warn
  disclaimer: >-
    General information,
    not a diagnosis.
  care_cards:
    get-checked:
      level: non-urgent
      heading: Have your symptoms checked
      text: Call {clinic_name} on {clinic_phone}.
  conditions:
    - name: Chronic venous insufficiency
      pages: [index.md, symptoms.md]
      symptoms_from: symptoms.md
    - name: Leg cramps
      pages: [causes.md]
"""


def load(path: str):
    """`load_settings` on what MkDocs hands the hook as `config.extra` for the config file `path`."""
    with open(path, "rb") as source:
        return load_settings(yaml_load(source)["extra"], path)


def line_of(text: str, snippet: str) -> int:
    """The 1-based line of the first line containing `snippet`."""
    return next(number for number, line in enumerate(text.splitlines(), 1) if snippet in line)


@pytest.fixture
def failure(tmp_path, monkeypatch):
    """Write `text` as mkdocs.yml in an empty folder, load it from there, and return the SettingsError's message."""
    monkeypatch.chdir(tmp_path)

    def fail(text: str) -> str:
        (tmp_path / "mkdocs.yml").write_text(text, "utf-8")
        with pytest.raises(SettingsError) as error:
            load_settings(yaml_load(text).get("extra") or {}, "mkdocs.yml")
        return str(error.value)

    return fail


@pytest.mark.parametrize(
    "change, at, phrase",  # (old, new) text in CONFIG; the line the message must name; what it must say
    [
        (("phone: 555-0100", "phone: call us"), "phone: call us", "extra.clinic.phone must contain a number, not 'call us'"),
        (("    phone: 555-0100\n", ""), "  clinic:", "extra.clinic.phone is missing: give a phone number"),
        (("website: https://clinic.example.org/", "website: clinic.example.org"), "website: clinic",
         "extra.clinic.website must be a full web address starting with https://"),
        (("booking: https:", "booking: http:"), "booking: http:", "extra.clinic.booking must be a full web address"),
        (('accent_color: "#3949ab"', "accent_color: blue"), "accent_color: blue", "extra.clinic.accent_color must be a colour as #rrggbb"),
        (("    accent_color:", "    fax: 1\n    accent_color:"), "fax: 1", "extra.clinic has unknown key(s) fax; allowed: name, phone"),
        # extra.clinic.address (issue 24): optional, but when given a whole block of street, town and postcode.
        (("    accent_color:", "    address: 1 Example Street, Exampleton\n    accent_color:"), "address: 1 Example",
         "extra.clinic.address must be a block of settings (street, town, postcode)"),
        (("    accent_color:", "    address:\n      street: 1 Example Street\n      town: Exampleton\n    accent_color:"),
         "address:", "extra.clinic.address.postcode is missing: give the postcode or ZIP code"),
        (("    accent_color:", "    address:\n      street: 1 Example Street\n      town: \"\"\n      postcode: EX1\n    accent_color:"),
         'town: ""', "extra.clinic.address.town must be non-empty text"),
        (("    accent_color:", "    address:\n      street: 1 Example Street\n      city: Exampleton\n    accent_color:"),
         "city: Exampleton", "extra.clinic.address has unknown key(s) city; allowed: street, town, postcode"),
        (("storage_key:", "titel: x\n    storage_key:"), "titel: x", "unknown key(s) titel; allowed: title, description, intro, storage_key, "
         "required_pages, max_symptoms_per_page, legend, other_symptoms, notes_title, notes, printed_on, print_button, "
         "print_how, clear_button, privacy, split_intro, symptoms, one_symptom, top_section; did you mean 'title'?"),
        (("required_pages: [symptoms.md]", "max_symptoms_per_page: 0"), "max_symptoms_per_page: 0",
         "extra.checklist.max_symptoms_per_page must be a whole number of at least 1, not 0"),
        (("required_pages: [symptoms.md]", "required_pages: symptoms.md"), "required_pages: symptoms.md",
         "extra.checklist.required_pages must be a list of page files, e.g. [symptoms.md]"),
        (("- http://localhost:8123", "- https://clinic.example.org/embed/*"), "embed/*",
         "extra.embed.allowed_origins[1] must be only a scheme and host"),
        (("  embed:\n", "  embed: https://clinic.example.org\n  old_embed:\n"), "  embed: https:", "extra.embed must be a block of settings"),
        (("height: 800", "height: tall"), "height: tall", "extra.embed.height must be a whole number of pixels between 100 and 5000"),
        (("height: 800", "height: 50000"), "height: 50000", "extra.embed.height must be a whole number of pixels between 100 and 5000"),
        (("overdue_review: warn", "overdue_review: sometimes"), "sometimes", "extra.content_check.overdue_review must be one of warn, fail"),
        (("target_grade: 8", "target_grade: hard"), "target_grade: hard", "extra.content_check.target_grade must be a number between 1 and 20"),
        (("  disclaimer: >-\n    General information,\n    not a diagnosis.\n", '  disclaimer: ""\n'), "disclaimer:",
         "extra.disclaimer must be a sentence or two of plain text (leave it out for the default)"),
        (("level: non-urgent", "level: soonish"), "level: soonish", "extra.care_cards.get-checked.level must be one of non-urgent, urgent, emergency"),
        (("      heading: Have your symptoms checked\n", ""), "    get-checked:", "extra.care_cards.get-checked.heading must be non-empty text"),
        (("heading: Have", "heading: Call {ambulance}. Have"), "{ambulance}", "uses {ambulance}, which is not a clinic setting"),
        (("text: Call {clinic_name}", "text: Call {clinic_name"), "text: Call", "extra.care_cards.get-checked.text: "),
        (("      text:", "      colour: red\n      text:"), "colour: red", "extra.care_cards.get-checked has unknown key(s) colour; allowed: level, heading, text"),
        (("    get-checked:", "    Get Checked:"), "Get Checked:", "extra.care_cards.Get Checked: a card's name is lower-case letters"),
        (("  care_cards:\n", "  care_cards: call us\n  old_cards:\n"), "care_cards: call us", "extra.care_cards must be a block of cards"),
        (("pages: [causes.md]", "pages: causes.md"), "pages: causes.md", "extra.conditions[1].pages must be a list of page files"),
        (("pages: [causes.md]", "pages: [causes.md, 42]"), "pages: [causes.md, 42]", "extra.conditions[1].pages[1] must be one page file"),
        (("    - name: Leg cramps\n      pages: [causes.md]\n", "    - Leg cramps\n"), "- Leg cramps",
         "extra.conditions[1] must be a block of settings (name, pages, symptoms_from)"),
        (("  conditions:\n", "  conditions: Leg cramps\n  old_conditions:\n"), "conditions: Leg cramps",
         "extra.conditions must be a list of '- {name: ...; pages: ...; symptoms_from: ...}' entries"),
    ],
)
def test_each_mistake_names_the_file_and_line(failure, change, at, phrase):
    assert change[0] in CONFIG
    text = CONFIG.replace(change[0], change[1], 1)
    message = failure(text)
    assert message.startswith(f"mkdocs.yml:{line_of(text, at)}: "), message
    assert phrase in message and message.count("\n") == message.count("\n    "), message  # one problem, plus its example lines


def test_a_missing_block_points_at_extra_and_no_extra_at_line_1(failure):
    without_clinic = CONFIG.replace(CONFIG[CONFIG.index("  clinic:"):CONFIG.index("  checklist:")], "")
    assert failure(without_clinic).startswith(f"mkdocs.yml:{line_of(without_clinic, 'extra:')}: extra.clinic must be a block of settings")
    assert failure("site_name: Test guide\n").startswith("mkdocs.yml:1: extra.clinic must be a block of settings")


def test_every_bad_block_is_reported_at_once(failure):
    text = CONFIG.replace("phone: 555-0100", "phone: none").replace("height: 800", "height: tall")
    lines = failure(text).splitlines()
    assert lines[0].startswith(f"mkdocs.yml:{line_of(text, 'phone: none')}: extra.clinic.phone")
    assert [line for line in lines if line.startswith(f"mkdocs.yml:{line_of(text, 'height: tall')}: extra.embed.height")]


def test_good_settings_become_the_values_the_features_read():
    settings = load_settings(yaml_load(CONFIG)["extra"], "mkdocs.yml")
    assert settings.clinic.emergency_number == "911"  # written as a YAML number
    assert settings.embed.allowed_origins == ("https://clinic.example.org", "http://localhost:8123")
    assert settings.embed.height == 800 and settings.embed.width == EmbedSettings.width
    assert settings.checklist.required_pages == ("symptoms.md",) and settings.checklist.title == ChecklistSettings.title
    assert settings.disclaimer == "General information, not a diagnosis."
    assert settings.care_cards["get-checked"].text == "Call {clinic_name} on {clinic_phone}."
    assert [condition.symptoms_from for condition in settings.conditions] == ["symptoms.md", None]
    with pytest.raises(TypeError):
        settings.care_cards["new"] = settings.care_cards["get-checked"]  # read-only, like the rest of SiteSettings


def test_blocks_left_out_get_their_defaults():
    only_clinic = CONFIG[: CONFIG.index("  checklist:")]
    settings = load_settings(yaml_load(only_clinic)["extra"], "mkdocs.yml")
    assert settings.checklist == ChecklistSettings()
    assert settings.embed == EmbedSettings()
    assert settings.content_check == ContentCheckSettings()
    assert settings.disclaimer == DEFAULT_DISCLAIMER
    assert dict(settings.care_cards) == {} and settings.conditions == ()


def test_every_declared_setting_has_a_known_kind_and_an_example():
    declared = [field for block in BLOCKS.values() for field in [block, *(block.fields or {}).values(),
                *((block.item.fields or {}).values() if block.item else ())]]
    assert all(field.kind in KINDS and field.example for field in declared)


@pytest.fixture
def clinic_inheriting(tmp_path, monkeypatch):
    """A project in tmp_path: mkdocs.yml (CONFIG) and clinics/child.yml inheriting it; run from the project folder."""
    (tmp_path / "mkdocs.yml").write_text(CONFIG, "utf-8")
    (tmp_path / "clinics").mkdir()
    monkeypatch.chdir(tmp_path)

    def write(child: str):
        (tmp_path / "clinics" / "child.yml").write_text(child, "utf-8")
        with open(tmp_path / "clinics" / "child.yml", "rb") as source:
            extra = yaml_load(source)["extra"]
        with pytest.raises(SettingsError) as error:
            load_settings(extra, str(tmp_path / "clinics" / "child.yml"))  # as MkDocs gives it: an absolute path
        return str(error.value)

    return write


CHILD = """\
INHERIT: ../mkdocs.yml
extra:
  clinic:
    phone: 555-0199
  embed:
    allowed_origins:
      - https://child.example.net
"""


def test_inherit_names_the_file_the_value_comes_from(clinic_inheriting):
    child = CHILD.replace("phone: 555-0199", "phone: ask us")
    assert clinic_inheriting(child).startswith(f"clinics/child.yml:{line_of(child, 'phone: ask us')}: extra.clinic.phone must contain a number")
    # Not set in the child: the inherited value, in the parent file.
    child = CHILD.replace("phone: 555-0199", "phone: 555-0199\n    fax: 1")
    assert clinic_inheriting(child).startswith(f"clinics/child.yml:{line_of(child, 'fax: 1')}: extra.clinic has unknown key(s) fax")
    parent = CONFIG.replace("level: non-urgent", "level: soonish")
    with open("mkdocs.yml", "w", encoding="utf-8") as file:
        file.write(parent)
    assert clinic_inheriting(CHILD).startswith(f"mkdocs.yml:{line_of(parent, 'level: soonish')}: extra.care_cards.get-checked.level")


def test_inherit_a_list_is_the_childs_own(clinic_inheriting):
    # MkDocs replaces an inherited list, so item [0] is the child's even though the parent has two items.
    child = CHILD.replace("- https://child.example.net", "- https://child.example.net/path")
    assert clinic_inheriting(child).startswith(f"clinics/child.yml:{line_of(child, '/path')}: extra.embed.allowed_origins[0] must be only")


def test_the_real_configs_load(monkeypatch, tmp_path):
    project = copy_project(tmp_path / "project")  # the generated configs are written inside the project
    monkeypatch.chdir(project)
    main = load("mkdocs.yml")
    riverside = load(str(engine_config("clinics/riverside.yml")))  # the clinic file composed with mkdocs.yml
    assert main.clinic.name != riverside.clinic.name and riverside.clinic.logo == "assets/logos/riverside.svg"
    assert riverside.care_cards == main.care_cards  # inherited
    assert riverside.embed.nginx_snippet == str(project / "deploy" / "riverside" / "nginx.conf")
    assert riverside.where("clinic", "logo").startswith("clinics/riverside.yml:")
    assert riverside.where("care_cards", "emergency").startswith("mkdocs.yml:")
    spanish = load(str(engine_config("clinics/riverside.yml", "es")))  # … and with languages/es/mkdocs.yml
    assert spanish.clinic.name == riverside.clinic.name and spanish.clinic.booking.endswith("/es/citas")
    assert spanish.where("clinic", "booking").startswith("clinics/riverside.yml:")
    assert spanish.where("disclaimer").startswith("languages/es/mkdocs.yml:")
    assert spanish.where("care_cards", "emergency").startswith("languages/es/mkdocs.yml:")
