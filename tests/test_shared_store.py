"""The project's store of shared results (patient_site/shared_store.py): one pack per build, read by the next."""

from __future__ import annotations

from patient_site.shared_store import MERGE, SharedStore


def test_what_a_build_stored_is_one_pack_the_next_build_reads(tmp_path):
    first = SharedStore(tmp_path, "group")
    assert first.get("a") is None
    first.put("a", {"html": "<p>one</p>"})
    first.put("b", [1, 2])
    assert first.get("a") == {"html": "<p>one</p>"}  # the build that stored it sees it at once
    first.close()
    assert len(list(tmp_path.glob("*.pack"))) == 1 and not list(tmp_path.glob(".*"))  # no partial file left
    second = SharedStore(tmp_path, "group")
    assert second.get("a") == {"html": "<p>one</p>"} and second.get("b") == [1, 2]
    assert SharedStore(tmp_path, "other").get("a") is None  # another group's packs are not read
    second.close()
    assert len(list(tmp_path.glob("*.pack"))) == 1  # a build that stored nothing writes nothing


def test_a_caller_that_changes_what_it_got_changes_no_stored_entry(tmp_path):
    store = SharedStore(tmp_path, "group")
    value = {"toc": ["one"]}
    store.put("a", value)
    value["toc"].append("changed after it was stored")
    store.get("a")["toc"].append("changed by the reader")
    store.close()
    assert SharedStore(tmp_path, "group").get("a") == {"toc": ["one"]}


def test_many_packs_are_merged_into_one_by_the_build_that_read_them(tmp_path):
    for number in range(MERGE + 1):
        store = SharedStore(tmp_path, "group")
        store.put(f"entry {number}", number)
        store.close()
    assert len(list(tmp_path.glob("*.pack"))) == MERGE + 1
    reader = SharedStore(tmp_path, "group")
    assert reader.get("entry 0") == 0
    reader.close()
    assert len(list(tmp_path.glob("*.pack"))) == 1
    assert [SharedStore(tmp_path, "group").get(f"entry {number}") for number in range(MERGE + 1)] == list(range(MERGE + 1))


def test_a_pack_that_does_not_load_is_not_there(tmp_path):
    store = SharedStore(tmp_path, "group")
    store.put("a", 1)
    store.close()
    (tmp_path / "group.1.1.pack").write_bytes(b"not a pickle")
    assert SharedStore(tmp_path, "group").get("a") == 1
