"""The preview cache's keys (patient_site/preview.py): each may make a page render again too often, never too rarely."""

from __future__ import annotations

import pytest

from patient_site.markdown.crosslinks import TermIndex
from patient_site.markdown.mentions import normalise
from patient_site.preview import PreviewCache, TokenCounts, changed_phrases, mentions_any, phrase_actions, title_needle


@pytest.mark.parametrize("text, phrases, expected", [
    # page text                            changed phrases (normalised)   may mention one
    ("Leg cramps at night.",               {"leg cramps"},                True),
    ("LEG\n  Cramps wake me up.",          {"leg cramps"},                True),   # case and line breaks, as the matcher
    ("Cramps in the legs.",                {"leg cramps"},                False),
    ("Anything at all.",                   set(),                         False),
])
def test_a_page_may_mention_a_changed_phrase(text, phrases, expected):
    assert mentions_any(text, phrases) is expected


def test_every_page_the_matcher_links_counts_as_mentioning():
    index = TermIndex.build([("causes.md", "Causes", ["leg cramps"]), ("cvi.md", "CVI", ["venous insufficiency"])])
    for text in ["Leg  cramps", "(leg cramps)", "Venous\ninsufficiency.", "chronic venous insufficiency"]:
        assert index.pattern.search(text), text
        assert mentions_any(text, {normalise(match.group()) for match in index.pattern.finditer(text)}), text


def test_a_term_moved_to_another_page_or_removed_is_a_change():
    before = TermIndex.build([("a.md", "A", ["leg cramps", "cramping"]), ("b.md", "B", ["veins"])]).targets
    after = TermIndex.build([("a.md", "A", ["leg cramps"]), ("c.md", "C", ["cramping"]), ("b.md", "B renamed", ["veins"])]).targets
    assert changed_phrases(phrase_actions(before, {}), phrase_actions(after, {})) == {"cramping"}


@pytest.mark.parametrize("title, needle", [
    ("Why do I have leg cramps at night?", "Why do I have leg cramps at night?"),
    ("Veins & you: a guide", " you: a guide"),  # the longest run no escaping changes
    ("Café au lait", " au lait"),
    ("", ""),  # found in every page: every page is written again
])
def test_the_needle_of_a_title_is_in_every_page_that_shows_it(title, needle):
    assert title_needle(title) == needle


def test_token_counts_join_every_page_tokens():
    counts = TokenCounts()
    page_a = (frozenset({"div"}), frozenset({"x", "y"}), frozenset(), frozenset({"class"}), frozenset({("class", "x y")}))
    page_b = (frozenset({"div"}), frozenset({"y"}), frozenset({"top"}), frozenset({"id"}), frozenset({("id", "top")}))
    counts.change(None, page_a)
    counts.change(None, page_b)
    assert counts.union()[1] == {"x", "y"} and counts.union()[2] == {"top"}
    counts.change(page_a, (frozenset({"div"}), frozenset({"y"}), frozenset(), frozenset(), frozenset()))  # page a lost "x"
    assert counts.union()[1] == {"y"}  # "y" is still on page b
    counts.change(page_b, None)
    assert counts.union()[2] == frozenset()


def test_a_cache_is_trusted_only_by_the_folder_it_was_made_for_after_a_finished_build():
    cache = PreviewCache()
    assert cache.start("/tmp/site", "mkdocs.yml") is False  # nothing kept yet
    cache.site_key, cache.finished = "key", True
    assert cache.start("/tmp/site", "mkdocs.yml") is True
    assert cache.start("/tmp/other", "mkdocs.yml") is False and cache.site_key == ""  # another folder
    cache.site_key, cache.finished = "key", False  # a build wrote to the folder, then stopped
    assert cache.start("/tmp/other", "mkdocs.yml") is False and cache.site_key == ""
