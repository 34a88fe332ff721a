"""Sync you can see: offline-only state, pending changes, conflicts, progress with cancel,
badges with the reason and the values involved."""
from __future__ import annotations

from sqlalchemy import text

from app.queries import customers as customer_queries
from app.services import customers as customer_services
from tests.ui.conftest import settle

# The program keeps its sync adapter and workspace until it exits; tests that run the
# real sync loop keep theirs to the end of the run too, instead of leaving them to the
# garbage collector at a moment when a stopped loop's thread may still be winding down.
LIVE: list = []


def flag_conflict(store, record_id):
    with store.write() as s:
        s.execute(text("INSERT INTO sync_flags (entity, record_id, kind, conflict_id, message, details, created_at) "
                       "VALUES ('customer', :id, 'conflict', 'c-1', 'phone changed on both sides', :d, "
                       "'2026-01-01T00:00:00Z')"),
                  {"id": record_id, "d": '{"fields": {"phone": {"base": "+8613800000000", '
                                         '"server": "+8613800000001", "client": "+8613800000002"}}}'})


def test_a_local_only_profile_says_so_and_cannot_sync(store, ws, qtbot):
    from ui.sync_status import SyncStatusBar

    bar = SyncStatusBar(ws)
    qtbot.addWidget(bar)
    assert bar.online_label.text() == "Offline (local only)"
    assert not bar.sync_button.isEnabled() and bar.sync_button.toolTip()
    assert not bar.progress.isVisibleTo(bar)


def test_status_bar_counts_pending_changes_and_conflicts(store, ws, qtbot):
    from ui.sync_status import SyncStatusBar

    bar = SyncStatusBar(ws)
    qtbot.addWidget(bar)
    c = store.run(customer_services.create_customer, {"name": "待同步公司"})
    flag_conflict(store, c["id"])
    bar.refresh()
    settle(qtbot, ws)
    assert bar.pending_label.text() == "1 pending change(s)"
    assert bar.conflicts_label.text() == "1 conflict(s)"
    assert bar.last_label.text() == "Never synced"
    store.set_setting("last_sync", {"at": "2026-11-27T08:00:00Z", "summary": {}})
    ws.ops.service(customer_services.update_customer, c["id"], {"notes": "再改一次"})
    settle(qtbot, ws)  # a write broadcasts, the bar re-reads
    settle(qtbot, ws)
    assert bar.last_label.text().startswith("Last sync: 2026-11-27")


def test_a_running_sync_shows_progress_and_cancel(store, ws, qtbot):
    from ui.sync_status import SyncAdapter, SyncStatusBar

    class Adapter(SyncAdapter):
        def __init__(self):
            super().__init__()
            self.started = self.cancelled = 0

        def available(self):
            return True

        def online(self):
            return True

        def sync_now(self):
            self.started += 1
            self.sig_started.emit()

        def cancel(self):
            self.cancelled += 1
            self.sig_finished.emit({"ok": False, "cancelled": True, "message": "Sync cancelled"})

    adapter = Adapter()
    ws.sync = adapter
    bar = SyncStatusBar(ws)
    qtbot.addWidget(bar)
    bar.show()
    assert bar.online_label.text() == "● Online" and bar.sync_button.isEnabled()
    bar.sync_button.click()
    assert adapter.started == 1 and bar.progress.isVisible() and bar.cancel_button.isVisible()
    adapter.sig_progress.emit(3, 10, "Receiving changes")
    assert (bar.progress.value(), bar.progress.maximum()) == (3, 10)
    bar.cancel_button.click()
    assert adapter.cancelled == 1 and not bar.progress.isVisible()
    settle(qtbot, ws)


def test_a_record_with_a_conflict_carries_a_badge_with_the_values(store, ws, qtbot):
    from ui.customers.view360 import Customer360
    from ui.records.table_model import RecordTableModel

    c = store.run(customer_services.create_customer, {"name": "冲突公司"})
    flag_conflict(store, c["id"])
    model = RecordTableModel(ws, customer_queries.LIST)
    with qtbot.waitSignal(model.sig_loaded):
        model.reload()
    settle(qtbot, ws)
    sync_col = [col.key for col in model.columns].index("sync")
    assert "Conflict" in model.data(model.index(0, sync_col))
    assert "conflict" in model.data(model.index(0, sync_col), 3).lower()  # tooltip
    view = Customer360(ws, c["id"])
    qtbot.addWidget(view)
    settle(qtbot, ws)
    text_shown = view.labels["sync"].text()
    assert "phone changed on both sides" in text_shown
    assert "+8613800000001" in text_shown and "+8613800000002" in text_shown
    assert view.badge.text() == "⚠"


def test_the_status_bar_reflects_a_sync_against_a_real_server(clients, qtbot):
    """A signed-in profile: pending changes show, Sync now runs off the GUI thread,
    and afterwards the bar shows online, nothing pending and the last sync time."""
    from app.services import customers
    from ui.sync_adapter import EngineSyncAdapter
    from ui.sync_status import SyncStatusBar
    from ui.workspace import Workspace

    engine = clients("rep1")
    engine.store.run(customers.create_customer, {"name": "状态栏测试客户"}, allow_duplicate=True)
    adapter = EngineSyncAdapter(engine, interval_s=3600)
    ws = Workspace(engine.store, sync=adapter)
    bar = SyncStatusBar(ws)
    qtbot.addWidget(bar)
    bar.show()
    settle(qtbot, ws)
    assert "1 pending" in bar.pending_label.text()
    assert bar.last_label.text() == "Never synced"
    with qtbot.waitSignal(adapter.sig_finished, timeout=30000) as finished:
        bar.sync_button.click()
    assert finished.args[0]["ok"], finished.args[0]["message"]
    assert finished.args[0]["pushed"] == 1
    settle(qtbot, ws)
    qtbot.waitUntil(lambda: bar.pending_label.text() == "No pending changes", timeout=10000)
    assert bar.online_label.text() == "● Online"
    assert bar.last_label.text().startswith("Last sync: ")
    # Another sync may follow (the long poll wakes for other clients' changes): wait it out.
    qtbot.waitUntil(lambda: not bar.progress.isVisible() and bar.sync_button.isEnabled(), timeout=15000)
    adapter.stop()
    ws.ops.wait()
    LIVE.append((adapter, ws))


def test_a_local_edit_goes_out_by_itself_shortly_after(clients, qtbot):
    from app.services import customers
    from ui.sync_adapter import PUSH_DELAY_MS, EngineSyncAdapter
    from ui.workspace import Workspace

    engine = clients("rep1")
    adapter = EngineSyncAdapter(engine, interval_s=3600)
    ws = Workspace(engine.store, sync=adapter)
    adapter.attach(ws.events)
    results = []
    adapter.sig_finished.connect(results.append)
    adapter.start()
    qtbot.waitUntil(lambda: bool(results), timeout=30000)  # the first sync on start
    engine.store.run(customers.create_customer, {"name": "自动推送客户"}, allow_duplicate=True)
    ws.events.changed({"customer"})
    # Other syncs may run meanwhile (the long poll wakes for others' changes too).
    qtbot.waitUntil(lambda: any(r["pushed"] == 1 for r in results), timeout=PUSH_DELAY_MS + 20000)
    adapter.stop()
    stopped = adapter.loop._thread
    qtbot.waitUntil(lambda: not stopped.is_alive(), timeout=10000)
    # Stopped (the window is closing): neither a push waiting on its timer, nor a local
    # edit, nor Sync now starts the loop again behind the closing window's back.
    engine.store.run(customers.create_customer, {"name": "关窗后的客户"}, allow_duplicate=True)
    ws.events.changed({"customer"})
    adapter.sync_now()
    qtbot.wait(PUSH_DELAY_MS + 500)
    assert adapter.loop._thread is stopped and not stopped.is_alive()
    ws.ops.wait()
    LIVE.append((adapter, ws))
