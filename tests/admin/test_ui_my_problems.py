"""A rep's own conflicts, read-only with a plain explanation and the values involved, and
their refused changes, fixed and resent or discarded from the same screen."""
from __future__ import annotations

import uuid

from sqlalchemy import select

from app.models import OutboxMutation
from app.rules.dictionary import entry_id
from app.services import customers
from app.services import dictionary as dictionary_service
from tests.admin import scenes
from tests.ui.conftest import isolated_settings, no_modal_questions  # noqa: F401 - autouse fixtures


def outbox(engine):
    with engine.store.read() as s:
        return [dict(r) for r in s.execute(select(OutboxMutation.__table__)).mappings()]


def open_view(ws, qtbot):
    from ui.conflicts.my_problems import MyProblemsView

    view = MyProblemsView(ws)
    qtbot.addWidget(view)
    view.resize(1100, 800)
    view.show()
    with qtbot.waitSignal(view.sig_loaded, timeout=15000):
        view.refresh()
    return view


def test_a_rep_sees_their_conflict_explained_with_the_values_and_cannot_decide_it(sqlite_server, clients, desk,
                                                                                qtbot):
    from PySide6.QtWidgets import QPushButton

    rep, boss, c = scenes.field_conflict(sqlite_server, clients, {"notes": "我改成这样"})
    ws = desk(rep)
    view = open_view(ws, qtbot)
    [conflict] = view.conflicts
    assert conflict["record_id"] == c["id"] and conflict["kind"] == "field"
    view.conflict_view.selectRow(0)
    text = view.conflict_text.text()
    assert "You and someone else changed Notes" in text
    assert "yours: 我改成这样" in text and "on the server: 经理改的" in text and "before: 开始" in text
    # Read-only: nothing on this screen decides a conflict.
    labels = {b.text() for b in view.findChildren(QPushButton)}
    assert not labels & {"Apply decision", "Merge", "Keep both", "Restore with their changes"}
    # Offline, the explanation still comes from the local copy.
    from ui.sync_status import SyncAdapter
    from ui.workspace import Workspace

    offline = open_view(Workspace(rep.store, sync=SyncAdapter()), qtbot)
    assert [x["record_id"] for x in offline.conflicts] == [c["id"]]
    offline.conflict_view.selectRow(0)
    assert "conflicts with another" in offline.conflict_text.text() and "我改成这样" in offline.conflict_text.text()


def refused_industry(sqlite_server, clients):
    """A rep who has not heard that an industry was retired uses it; the server refuses."""
    admin = clients(sqlite_server.user("admin"))
    rep = clients(sqlite_server.user("rep"))
    rep.sync()
    code = f"shipping_{uuid.uuid4().hex[:6]}"
    admin.store.run(dictionary_service.add_entry, {"vocabulary": "industry", "code": code, "label_en": "Shipping"})
    admin.sync()
    rep.sync()
    c = rep.store.run(customers.create_customer, {"name": f"航运客户 {code}"}, allow_duplicate=True)
    rep.sync()
    admin.store.run(dictionary_service.deactivate_entry, entry_id("industry", code))
    admin.sync()
    rep.store.run(customers.update_customer, c["id"], {"industry": code, "notes": "改了行业"})
    assert rep.sync().rejected == 1
    return rep, c


def test_a_refused_change_is_fixed_and_resent_from_the_rep_screen(sqlite_server, clients, desk, qtbot):
    rep, c = refused_industry(sqlite_server, clients)
    ws = desk(rep)
    view = open_view(ws, qtbot)
    [item] = view.rejected
    view.rejected_view.selectRow(0)
    assert "The server found a value it does not accept" in view.rejected_text.text()
    assert set(view.fix_edits) == {"industry", "notes"}
    assert view.fix_errors["industry"].isVisible() and "vocabulary" in view.fix_errors["industry"].text()
    view.fix_edits["industry"].setText("no_such_code")
    view.fix_button.click()
    assert view.fix_errors["industry"].isVisible() and outbox(rep)[0]["state"] == "rejected"
    view.fix_edits["industry"].setText("logistics")
    runs = ws.sync.runs
    with qtbot.waitSignal(view.sig_loaded, timeout=15000):
        view.fix_button.click()
    assert ws.sync.runs == runs + 1 and view.rejected == [] and outbox(rep) == []
    record = rep.store.run(lambda uow: uow.get("customer", c["id"]))
    assert (record["industry"], record["notes"], record["version"] is not None) == ("logistics", "改了行业", True)


def test_a_refused_change_is_discarded_and_the_record_goes_back(sqlite_server, clients, desk, qtbot):
    rep, c = refused_industry(sqlite_server, clients)
    ws = desk(rep)
    view = open_view(ws, qtbot)
    view.rejected_view.selectRow(0)
    with qtbot.waitSignal(view.sig_loaded, timeout=15000):
        view.discard_button.click()
    record = rep.store.run(lambda uow: uow.get("customer", c["id"]))
    assert (record["industry"], record["notes"]) == (None, None)
    assert outbox(rep) == [] and view.rejected == []
