"""The conflict desk, driven as an admin would, against the real server: each kind of
conflict goes from the queue to its resolution, and both clients involved hold the
outcome after their next sync; several are decided at once with one rule."""
from __future__ import annotations

from sqlalchemy import select

from app.models import SyncFlag
from tests.admin import scenes
from tests.ui.conftest import isolated_settings, no_modal_questions, settle  # noqa: F401 - autouse fixtures


def get(engine, entity, rid):
    return engine.store.run(lambda uow: uow.get(entity, rid))


def conflict_flags(engine, record_id: str | None = None):
    t = SyncFlag.__table__
    q = select(t).where(t.c.kind == "conflict")
    if record_id:
        q = q.where(t.c.record_id == record_id)
    with engine.store.read() as s:
        return [dict(r) for r in s.execute(q).mappings()]


def admin_desk(sqlite_server, clients, desk):
    admin = clients(sqlite_server.user("admin"))
    admin.sync()
    return admin, desk(admin)


def open_queue(ws, qtbot, device: str):
    from ui.conflicts.queue import ConflictQueue

    queue = ConflictQueue(ws)
    qtbot.addWidget(queue)
    queue.resize(1300, 850)
    queue.show()
    queue.device.setText(device)
    with qtbot.waitSignal(queue.sig_loaded, timeout=15000):
        queue.refresh()
    return queue


def decide(queue, qtbot, ws, action) -> None:
    """Run `action()` (a click), wait for the server's answer and the admin's own sync."""
    runs = ws.sync.runs
    with qtbot.waitSignal(queue.sig_resolved, timeout=15000):
        action()
    assert ws.sync.runs == runs + 1  # the admin's own copy is brought up to date at once
    settle(qtbot, ws)


def test_a_field_conflict_is_decided_field_by_field_and_both_clients_get_the_outcome(sqlite_server, clients,
                                                                                    desk, qtbot):
    from ui.conflicts.field_view import FieldConflictView

    rep, boss, c = scenes.field_conflict(sqlite_server, clients, {"notes": "销售的说法", "address": "销售填的地址"})
    admin, ws = admin_desk(sqlite_server, clients, desk)
    queue = open_queue(ws, qtbot, rep.device_name)
    assert [x["record_id"] for x in queue.conflicts] == [c["id"]]
    assert "open conflict" in queue.counts_label.text() and "Same field" in queue.counts_label.text()
    view = queue.detail_view
    assert isinstance(view, FieldConflictView)
    assert set(view.choices) == {"notes", "address"}
    # A typed value the shared rules refuse is shown and nothing is sent.
    view.choose("address", "value", "x" * 400)
    view.apply()
    assert view.errors["address"].isVisible() and view.apply_button.isEnabled()
    view.choose("notes", "client")
    view.choose("address", "value", "上海市浦东新区世纪大道1号")
    view.note.setText("与销售电话确认")
    decide(queue, qtbot, ws, view.apply_button.click)
    for engine in (rep, boss, admin):
        engine.sync()
        record = get(engine, "customer", c["id"])
        assert (record["notes"], record["address"]) == ("销售的说法", "上海市浦东新区世纪大道1号")
        assert conflict_flags(engine, c["id"]) == []
    with qtbot.waitSignal(queue.sig_loaded, timeout=15000):
        queue.refresh()
    [done] = [x for x in queue.resolved if x["record_id"] == c["id"]]
    assert done["note"] == "与销售电话确认" and done["resolved_by"] == admin.store.actor().id
    assert queue.history_model.data(queue.history_model.index(queue.resolved.index(done), 3)) == \
        admin.store.actor().username


def test_an_edit_of_a_deleted_record_is_restored_with_the_edit(sqlite_server, clients, desk, qtbot):
    from ui.conflicts.delete_view import DeleteConflictView

    rep, boss, c = scenes.edit_delete(sqlite_server, clients)
    assert get(boss, "customer", c["id"]) is None
    admin, ws = admin_desk(sqlite_server, clients, desk)
    queue = open_queue(ws, qtbot, rep.device_name)
    view = queue.detail_view
    assert isinstance(view, DeleteConflictView)
    qtbot.waitUntil(lambda: view.history.history is not None, timeout=10000)
    assert view.history.history["deleted"] is True
    assert view.history.list.item(0).text().endswith(boss.store.actor().username + ": " + "deleted")
    decide(queue, qtbot, ws, view.restore_button.click)
    for engine in (rep, boss):
        engine.sync()
        assert get(engine, "customer", c["id"])["notes"] == "离线时补充的重要信息"
        assert conflict_flags(engine) == []


def test_a_delete_of_an_edited_record_is_confirmed(sqlite_server, clients, desk, qtbot):
    rep, boss, c = scenes.delete_edit(sqlite_server, clients)
    admin, ws = admin_desk(sqlite_server, clients, desk)
    queue = open_queue(ws, qtbot, rep.device_name)
    view = queue.detail_view
    assert view.conflict["kind"] == "delete_edit"
    decide(queue, qtbot, ws, view.delete_button.click)
    for engine in (rep, boss, admin):
        engine.sync()
        assert get(engine, "customer", c["id"]) is None


def test_an_orphan_is_moved_under_another_parent_after_reading_the_parents_history(sqlite_server, clients, desk,
                                                                                 qtbot):
    from ui.conflicts.orphan_view import OrphanConflictView

    rep, boss, gone, home, contact = scenes.orphan(sqlite_server, clients)
    admin, ws = admin_desk(sqlite_server, clients, desk)
    queue = open_queue(ws, qtbot, rep.device_name)
    view = queue.detail_view
    assert isinstance(view, OrphanConflictView)
    qtbot.waitUntil(lambda: view.history.history is not None, timeout=10000)
    assert view.history.history["id"] == gone["id"] and view.history.history["deleted"] is True
    view.reparent_button.click()  # nothing picked yet
    assert view.message.isVisible()
    view.picker.setText(home["name"][:8])
    view.picker.lookup()
    settle(qtbot, ws)
    assert home["name"] in view.picker._choices
    view.picker.pick(home["id"], home["name"])
    decide(queue, qtbot, ws, view.reparent_button.click)
    for engine in (rep, boss):
        engine.sync()
        assert get(engine, "contact", contact["id"])["customer_id"] == home["id"]
        assert conflict_flags(engine) == []


def test_a_duplicate_is_merged_in_the_merge_view_and_its_children_follow(sqlite_server, clients, desk, qtbot):
    from ui.conflicts.merge_view import MergeView

    first, second, boss, existing, new, contact, deal = scenes.duplicate(sqlite_server, clients)
    admin, ws = admin_desk(sqlite_server, clients, desk)
    queue = open_queue(ws, qtbot, second.device_name)
    host = queue.detail_view
    view = host.merge_view
    assert isinstance(view, MergeView)
    if view.preview is None:
        qtbot.waitSignal(view.sig_loaded, timeout=10000).wait()
    assert view.survivor_id() == existing["id"]  # the existing record survives by default
    # The survivor has no e-mail: the new record's e-mail is taken over by default.
    assert view.request()["fields"] == {"email": new["email"]}
    view.choose("name", new["id"])
    tree = view.children_tree
    moving = tree.topLevelItem(0)
    assert moving.text(1).startswith("move to") and moving.childCount() == 2
    assert {moving.child(i).text(0).split(" ×")[0] for i in range(2)} == {"contact", "deal"}
    decide(queue, qtbot, ws, view.merge_button.click)
    for engine in (first, boss):
        engine.sync()
        survivor = get(engine, "customer", existing["id"])
        assert (survivor["name"], survivor["email"], survivor["phone"]) == (new["name"], new["email"],
                                                                           existing["phone"])
        assert get(engine, "customer", new["id"]) is None
        assert get(engine, "contact", contact["id"])["customer_id"] == existing["id"]
        assert get(engine, "deal", deal["id"])["customer_id"] == existing["id"]
    second.sync()
    # The children moved into the survivor's book, which is the other rep's.
    assert get(second, "customer", new["id"]) is None and get(second, "contact", contact["id"]) is None


def test_keep_both_closes_a_duplicate(sqlite_server, clients, desk, qtbot):
    first, second, boss, existing, new, contact, deal = scenes.duplicate(sqlite_server, clients)
    admin, ws = admin_desk(sqlite_server, clients, desk)
    queue = open_queue(ws, qtbot, second.device_name)
    decide(queue, qtbot, ws, queue.detail_view.merge_view.keep_button.click)
    second.sync()
    assert get(second, "customer", new["id"])["name"] == new["name"] and conflict_flags(second) == []


def test_many_conflicts_are_decided_with_one_rule(sqlite_server, clients, desk, qtbot):
    scenes_made = [scenes.field_conflict(sqlite_server, clients, {"notes": f"销售第{n}版"}) for n in range(2)]
    other = scenes.field_conflict(sqlite_server, clients, {"notes": "两处都改", "address": "两处都改"})
    admin, ws = admin_desk(sqlite_server, clients, desk)
    from ui.conflicts.queue import ConflictQueue

    queue = ConflictQueue(ws)
    qtbot.addWidget(queue)
    queue.show()
    queue.kind.setCurrentIndex(queue.kind.findData("field"))
    with qtbot.waitSignal(queue.sig_loaded, timeout=15000):
        queue.refresh()
    mine = {c["id"] for _, _, c in [*scenes_made, other]}
    rows = [i for i, x in enumerate(queue.conflicts) if x["record_id"] in mine]
    assert len(rows) == 3
    selection = queue.view.selectionModel()
    queue.view.clearSelection()
    for row in rows:
        selection.select(queue.model.index(row, 0), selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
    dialog = queue.open_bulk()
    qtbot.addWidget(dialog)
    dialog.field.setCurrentIndex(dialog.field.findData("notes"))
    dialog.take.setCurrentIndex(dialog.take.findData("client"))
    assert dialog.preview.text().startswith("2 conflict(s) will be decided")
    assert "is also about address" in dialog.preview.text()
    with qtbot.waitSignal(dialog.sig_done, timeout=20000) as done:
        dialog.apply_button.click()
    assert len(done.args[0]["resolved"]) == 2
    for rep, boss, c in scenes_made:
        for engine in (rep, boss):
            engine.sync()
            assert get(engine, "customer", c["id"])["notes"].startswith("销售第")
            assert conflict_flags(engine) == []
    rep, _, c = other
    rep.sync()
    assert [f["record_id"] for f in conflict_flags(rep)] == [c["id"]]
    settle(qtbot, ws)


def test_a_refresh_started_while_another_runs_replaces_it(sqlite_server, clients, desk, qtbot):
    """A filter change and a click on Refresh in quick succession: the queue shows the
    newest answers once, never an empty list assembled from halves of both."""
    _, _, c = scenes.field_conflict(sqlite_server, clients, {"notes": "同时刷新"})
    admin, ws = admin_desk(sqlite_server, clients, desk)
    from ui.conflicts.queue import ConflictQueue

    queue = ConflictQueue(ws)
    qtbot.addWidget(queue)
    loads = []
    queue.sig_loaded.connect(lambda: loads.append([x["record_id"] for x in queue.conflicts]))
    queue.refresh()
    queue.refresh()
    with qtbot.waitSignal(queue.sig_loaded, timeout=15000):
        queue.refresh()
    settle(qtbot, ws)
    qtbot.wait(300)  # any answer of the older refreshes still on its way
    assert len(loads) == 1 and c["id"] in loads[0]


def test_a_queue_longer_than_the_list_says_so_and_shows_the_oldest(sqlite_server, clients, desk, qtbot, monkeypatch):
    from ui.conflicts import queue as queue_module

    for n in range(3):
        scenes.field_conflict(sqlite_server, clients, {"notes": f"排队{n}"})
    admin, ws = admin_desk(sqlite_server, clients, desk)
    monkeypatch.setattr(queue_module, "OPEN_SHOWN", 2)
    queue = queue_module.ConflictQueue(ws)
    qtbot.addWidget(queue)
    with qtbot.waitSignal(queue.sig_loaded, timeout=15000):
        queue.refresh()
    from sync import admin_conflicts

    oldest = [c["id"] for c in admin_conflicts.list_conflicts(admin, "open")][:2]
    assert [c["id"] for c in queue.conflicts] == oldest
    assert "Showing the 2 oldest open conflict(s)" in queue.counts_label.text()
    assert queue.counts_label.text().startswith(queue.tr("%n open conflict(s)", "", len(
        admin_conflicts.list_conflicts(admin, "open"))))
