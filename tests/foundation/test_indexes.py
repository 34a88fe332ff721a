"""Secondary indexes deferred during a bulk load come back, even after a crash."""
from __future__ import annotations

from sqlalchemy import text

from app.indexes import defer_secondary_indexes, restore_deferred_indexes
from app.store import Store


def index_names(store) -> set[str]:
    with store.read() as s:
        return {n for n, in s.execute(text("SELECT name FROM sqlite_master WHERE type = 'index'"))}


def test_indexes_of_empty_tables_are_dropped_and_rebuilt(store):
    before = index_names(store)
    assert "ix_customers_owner_id" in before
    assert defer_secondary_indexes(store) > 0
    during = index_names(store)
    assert "ix_customers_owner_id" not in during
    assert "ix_dictionary_entries_version" in during  # not empty: the shipped dictionary
    assert defer_secondary_indexes(store) == 0  # already deferred: nothing more to do
    restore_deferred_indexes(store)
    assert index_names(store) == before


def test_a_crash_during_the_load_is_repaired_when_the_profile_opens(profile_dir):
    store = Store.open(profile_dir)
    before = index_names(store)
    defer_secondary_indexes(store)
    store.close()  # the process "dies" here
    reopened = Store.open(profile_dir)
    assert index_names(reopened) == before
    reopened.close()
