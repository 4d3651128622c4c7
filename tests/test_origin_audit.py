"""Origin audit: every sentence a reader gets is the clinic's own or the site's, marked, and listed for review.

The clinic's sentences are the article's (tests/source-article.txt after the two allowed fixes in
tests/test_article.py). Every other sentence must sit in an element marked as the site's (`site-added` or
`site-text`) and be listed in tests/site-added-text.txt, the one reviewed list of what the site says. A new
site sentence fails here until someone reads it and adds it to the list.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from origin_audit import Placeholders, listed, normalise, site_units
from test_article import sentences as article_sentences

from helpers import ROOT, build, copy_project

LIST = Path(__file__).with_name("site-added-text.txt")
LIST_ES = Path(__file__).with_name("site-added-text.es.txt")  # the Spanish site's own sentences


def spanish_article() -> list[str]:
    """The Spanish article: the sentences of the translated pages (languages/es/docs/), without the site's blocks."""
    found = []
    for page in sorted((ROOT / "languages/es/docs").glob("*.md")):
        body = page.read_text("utf-8").split("---\n", 2)[2]
        body = re.sub(r"<nav.*?</nav>", "", body, flags=re.S)
        body = re.sub(r"<!--.*?-->", "", body)
        for block in re.split(r"\n\s*\n", body):
            lines = [re.sub(r"^(#+|-)\s*", "", line).split(" { ")[0] for line in block.splitlines()]
            if block.lstrip().startswith("- "):
                found += [normalise(line) for line in lines if line.strip()]
            else:
                found += [s for s in re.split(r"(?<=[.?!])\s+", normalise(" ".join(lines))) if s]
    return found


def audit(site: Path, config_file: Path, list_file: Path = LIST, article_text: list[str] | None = None,
          skip: tuple[str, ...] = ()) -> list[str]:
    """The problems, one line each: unmarked text that is not the article's, site text nobody listed."""
    article = set(article_sentences() if article_text is None else article_text)
    allowed = listed(list_file)
    placeholders = Placeholders(config_file)
    problems, used = [], set()
    for unit in site_units(site):
        if unit.where.startswith(skip):
            continue
        text = normalise(unit.text)
        if text in article:
            continue
        general = normalise(placeholders(unit.text))
        if not unit.marked and unit.where.endswith("#text") and general in allowed:
            used.add(general)  # the API's plain text: its site-named headings lost their marks with the HTML
            continue
        if not unit.marked:
            problems.append(f"{unit.where}: not the article's words and not marked as the site's: {unit.text!r}")
        elif general not in allowed:
            problems.append(f"{unit.where}: site text not in {LIST.name}: {placeholders(unit.text)!r}")
        else:
            used.add(general)
    problems += [f"{list_file.name}:{line}: listed but shown nowhere; remove it" for text, line in allowed.items() if text not in used]
    return problems


@pytest.mark.build
def test_every_sentence_is_the_articles_or_listed_site_text(site):
    assert audit(site.site, ROOT / "mkdocs.yml", skip=("es/",)) == []  # /es/: the Spanish audit below


@pytest.mark.build
def test_every_spanish_sentence_is_the_translated_articles_or_listed_site_text(languages_site):
    """The same audit on /es/: the article is the translation in languages/es/docs/, the site's text its own list."""
    assert audit(languages_site.site / "es", ROOT / "languages/es/mkdocs.yml", LIST_ES, spanish_article()) == []


@pytest.mark.build
def test_a_new_site_sentence_fails_until_it_is_listed(tmp_path):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    action = "        Call {clinic_name} at {clinic_phone} or [book an appointment]({booking}).\n"
    assert action in text
    config.write_text(text.replace(action, action.rstrip("\n") + " Most vein problems are harmless.\n"), "utf-8")
    built = build(project, tmp_path / "site")
    assert built.returncode == 0, built.log
    problems = audit(built.site, config)
    assert "symptoms/: site text not in site-added-text.txt: 'Most vein problems are harmless.'" in problems
    assert "api/symptoms.json#siteAddedText: site text not in site-added-text.txt: 'Most vein problems are harmless.'" in problems


@pytest.mark.build
def test_unmarked_words_that_are_not_the_articles_fail(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "night-cramps.md"
    text = page.read_text("utf-8")
    page.write_text(text + "\nDrinking water prevents all cramps.\n", "utf-8")
    built = build(project, tmp_path / "site")
    assert built.returncode == 0, built.log
    problems = audit(built.site, project / "mkdocs.yml")
    assert "night-cramps/: not the article's words and not marked as the site's: 'Drinking water prevents all cramps.'" in problems
