"""Menu order (patient_site.theme.nav_order)."""

from __future__ import annotations

from patient_site.theme.nav_order import nav_pages, nav_position


def test_menu_order():
    nav = [{"Home": "index.md"}, {"Conditions": ["b.md", {"A": "a.md"}]}, "checklist.md"]
    assert nav_pages(nav) == ["index.md", "b.md", "a.md", "checklist.md"]
    assert sorted(["z.md", "a.md", "b.md"], key=nav_position(nav)) == ["b.md", "a.md", "z.md"]
    assert nav_pages(None) == []
