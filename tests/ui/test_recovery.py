"""The choice offered when the local database is damaged at start, and what each choice
does: the profile reopens with the unsent work still there."""
from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app import recovery
from app.services import customers
from app.store import DB_NAME, Store
from ui.recovery import FRESH, RESTORE, RecoveryDialog, recover


def damaged_profile(folder, *, with_backup: bool):
    store = Store.open(folder)
    store.run(customers.create_customer, {"name": "Before the backup"})
    if with_backup:
        recovery.daily_backup(store)
    unsent = store.run(customers.create_customer, {"name": "After the backup"})["id"]
    store.close()
    conn = sqlite3.connect(folder / DB_NAME)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'customers'").fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(folder / DB_NAME, "r+b") as f:
        f.seek((root - 1) * size)
        f.write(b"\xa5" * size)
    with pytest.raises(recovery.DatabaseCorrupt) as caught:
        Store.open(folder)
    return caught.value, unsent


def test_the_dialog_offers_the_backup_only_when_there_is_one(qtbot, tmp_path):
    error, _ = damaged_profile(tmp_path / "a", with_backup=True)
    dialog = RecoveryDialog(error)
    qtbot.addWidget(dialog)
    assert dialog.restore_button.isEnabled() and dialog.fresh_button.isEnabled()
    dialog.restore_button.click()
    assert dialog.choice == RESTORE and dialog.result() == RecoveryDialog.DialogCode.Accepted

    error, _ = damaged_profile(tmp_path / "b", with_backup=False)
    bare = RecoveryDialog(error)
    qtbot.addWidget(bare)
    assert not bare.restore_button.isEnabled()
    bare.quit_button.click()
    assert bare.choice is None


def test_restoring_from_the_dialog_reopens_the_profile_with_the_unsent_work(qtbot, tmp_path):
    error, unsent = damaged_profile(tmp_path / "p", with_backup=True)

    def click_restore():
        QApplication.activeModalWidget().restore_button.click()

    QTimer.singleShot(0, click_restore)  # the modal dialog, answered as a user would
    store = recover(tmp_path / "p", error)
    try:
        names = {r["name"] for r in store.run(lambda uow: uow.select("customer"))}
        assert names == {"Before the backup", "After the backup"}
        assert store.run(lambda uow: uow.get("customer", unsent)) is not None
    finally:
        store.close()


def test_a_fresh_start_chosen_after_all_keeps_the_unsent_work_too(tmp_path, qtbot):
    error, unsent = damaged_profile(tmp_path / "p", with_backup=False)
    store = recover(tmp_path / "p", error, ask=lambda e: FRESH)
    try:
        assert store.run(lambda uow: uow.get("customer", unsent))["name"] == "After the backup"
    finally:
        store.close()
    assert recover(tmp_path / "q", error, ask=lambda e: None) is None
