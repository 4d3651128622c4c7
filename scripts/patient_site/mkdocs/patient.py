"""MkDocs glue for the patient-facing extras: care cards, glossary, review details, disclaimer, JSON-LD.

Like hooks.py, this is the only other file here that knows MkDocs objects (config, files, pages); the work is
done by the plain modules it calls. It sits apart from hooks.py so hooks.py stays a list of events.
Errors become PluginError naming the file (and line) to fix.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from patient_site.patient.care_cards import CareCardError, cards_from_mapping, fill_cards, place_markers
from patient_site.frontmatter.reader import FrontMatterError, split_front_matter
from patient_site.markdown.glossary import FILE as GLOSSARY_FILE
from patient_site.markdown.glossary import PAGE as GLOSSARY_PAGE
from patient_site.markdown.glossary import GlossaryError, GlossaryExtension, GlossaryIndex, GlossaryState, load_glossary, render_glossary_page
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from patient_site.patient.page_foot import disclaimer_from_setting, page_foot_html
from patient_site.patient.review import ReviewInfo, review_html, review_info
from patient_site.patient.structured_data import conditions_from_setting, json_ld_script, medical_web_page, open_graph_html
from patient_site.mkdocs.sources import shown_path, source_text


@dataclass
class PatientPages:
    clinic: object
    cards: dict
    disclaimer: str
    conditions: list
    config_path: str
    glossary: GlossaryState = field(default_factory=GlossaryState)
    reviews: dict = field(default_factory=dict)  # src_uri -> ReviewInfo
    signs: dict = field(default_factory=dict)  # src_uri of a page with a symptom list -> its items

    @classmethod
    def from_config(cls, config, clinic) -> "PatientPages":
        try:
            made = cls(
                clinic=clinic,
                cards=cards_from_mapping(config.extra.get("care_cards")),
                disclaimer=disclaimer_from_setting(config.extra.get("disclaimer")),
                conditions=conditions_from_setting(config.extra.get("conditions")),
                config_path=config.config_file_path,
            )
        except ValueError as error:
            raise PluginError(f"{config.config_file_path}: {error}") from None
        config.markdown_extensions.append(GlossaryExtension(made.glossary))
        return made

    def _shown(self, path: str) -> str:
        return os.path.relpath(path, os.path.dirname(self.config_path))

    def on_files(self, files, config, lists) -> None:
        """Read review details, the glossary file (added as a generated page, not published raw), symptom lists."""
        try:
            for file in files.documentation_pages():
                if not file.generated_by:
                    source = split_front_matter(source_text(file), shown_path(file, self.config_path))
                    self.reviews[file.src_uri] = review_info(source)
            data = files.get_file_from_path(GLOSSARY_FILE)
            if data is not None:
                files.remove(data)
                entries = load_glossary(source_text(data), shown_path(data, self.config_path))
                self.glossary.index = GlossaryIndex.build(entries)
                files.append(File.generated(config, GLOSSARY_PAGE, content=render_glossary_page(entries)))
        except (FrontMatterError, GlossaryError) as error:
            raise PluginError(str(error)) from None
        self.signs = {symptoms.page: list(symptoms.items) for symptoms in lists}
        for condition in self.conditions:
            for page in condition.pages:
                if files.get_file_from_path(page) is None:
                    raise PluginError(f"{self._shown(self.config_path)}: extra.conditions '{condition.name}' names {page}, which is not a page")
            if condition.symptoms_from and condition.symptoms_from not in self.signs:
                raise PluginError(
                    f"{self._shown(self.config_path)}: extra.conditions '{condition.name}' takes symptoms from "
                    f"{condition.symptoms_from}, which has no marked symptom list")

    def on_page_markdown(self, markdown: str, page, config) -> str:
        """Mark glossary terms on the article's pages (not on generated ones: checklist, glossary …); check card markers."""
        self.glossary.active = not page.file.generated_by
        if page.file.generated_by:
            return markdown
        shown = shown_path(page.file, self.config_path)
        try:
            body = split_front_matter(source_text(page.file), shown)
            # MkDocs hands over the body without its leading blank lines; count them back for true line numbers.
            first_line = body.body_line + len(body.body) - len(body.body.lstrip("\n"))
            return place_markers(markdown, self.cards, shown, first_line)
        except CareCardError as error:
            raise PluginError(str(error)) from None

    def on_page_content(self, html: str) -> str:
        """Put the care cards in, after the conversion (and its editor checks) of the editor's words."""
        return fill_cards(html, self.cards, self.clinic)

    def _about(self, src_uri: str) -> list[tuple[str, list[str]]]:
        return [(c.name, self.signs.get(c.symptoms_from, [])) for c in self.conditions if src_uri in c.pages]

    def head_html(self, page, config) -> str:
        """JSON-LD and Open Graph for the page (called from the template)."""
        if page is None:  # 404 and other pages without a source
            return ""
        title = str(page.meta.get("title") or page.title or config.site_name)
        description = str(page.meta.get("description") or config.site_description or "")
        url = page.canonical_url or page.abs_url or ""
        language = config.theme["language"]
        data = medical_web_page(
            title=title, description=description, url=url, language=language, site_name=config.site_name,
            site_url=config.site_url or "", clinic=self.clinic, conditions=self._about(page.file.src_uri),
            review=self.reviews.get(page.file.src_uri),
        )
        graph = open_graph_html(title=title, description=description, url=url, site_name=config.site_name, language=language)
        return f"{json_ld_script(data)}\n{graph}"

    def foot_html(self, page) -> str:
        """Review details, disclaimer and the print-only address and contact (called from the template)."""
        if page is None:
            return ""
        review = review_html(self.reviews.get(page.file.src_uri, ReviewInfo()))
        # Pages that already show the clinic's card in their text (landing, checklist) do not print it twice.
        has_card = 'class="clinic-contact"' in (page.content or "")
        contact = None if has_card else self.clinic.contact_html(label=f"{self.clinic.name}: contact details for the print-out")
        return page_foot_html(review, self.disclaimer, page.canonical_url or "", contact)
