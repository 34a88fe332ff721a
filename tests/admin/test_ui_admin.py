"""The Administration page against the real server: accounts and a book moved from one
rep to another, devices, the dictionary editor (edits that sync and exports), the
duplicate scan and the merge tool; and who sees which page."""
from __future__ import annotations

import uuid

from app.rules.dictionary import entry_id
from app.services import customers, deals
from tests.admin import scenes
from tests.ui.conftest import isolated_settings, no_modal_questions, settle  # noqa: F401 - autouse fixtures


def get(engine, entity, rid):
    return engine.store.run(lambda uow: uow.get(entity, rid))


def admin_page(sqlite_server, clients, desk, qtbot):
    from ui.admin.page import AdminPage

    admin = clients(sqlite_server.user("admin"))
    admin.sync()
    ws = desk(admin)
    page = AdminPage(ws)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    return admin, ws, page


def test_an_admin_creates_a_user_and_moves_a_book_to_them(sqlite_server, clients, desk, qtbot):
    leaving = clients(sqlite_server.user("rep"))
    c = leaving.store.run(customers.create_customer, {"name": f"移交客户 {uuid.uuid4().hex}"}, allow_duplicate=True)
    leaving.sync()
    admin, ws, page = admin_page(sqlite_server, clients, desk, qtbot)
    users = page.users
    page.start()
    qtbot.waitUntil(lambda: bool(users.users), timeout=10000)
    dialog = users.new_user()
    qtbot.addWidget(dialog)
    name = f"newrep_{uuid.uuid4().hex[:6]}"
    dialog.username.setText(name)
    dialog.display_name.setText("新销售")
    dialog.password.setText("initial secret")
    dialog.team.setText("华北")
    with qtbot.waitSignal(dialog.sig_saved, timeout=10000):
        dialog.save()
    qtbot.waitUntil(lambda: any(u["username"] == name for u in users.users), timeout=10000)
    [created] = [u for u in users.users if u["username"] == name]
    assert (created["role"], created["team"], created["display_name"]) == ("rep", "华北", "新销售")
    # The new account signs in, then takes over the leaving rep's book.
    from app.store import Store
    from sync.engine import SyncEngine

    store = Store.open(leaving.store.profile_dir.parent / f"{name}-profile")
    taker = SyncEngine(store, device_name="新电脑")
    taker.login(sqlite_server.url, name, "initial secret")
    taker.sync()
    users.select(leaving.store.actor().username)
    users.move_target.setCurrentIndex(users.move_target.findData(created["id"]))
    with qtbot.waitSignal(users.sig_changed, timeout=10000):
        users.move_button.click()
    assert "Moved 1 customer(s)" in users.message.text()
    leaving.sync()
    taker.sync()
    assert get(leaving, "customer", c["id"]) is None
    assert get(taker, "customer", c["id"])["owner_id"] == created["id"]
    # Disabling from the same tab: the account stops working.
    qtbot.waitUntil(lambda: any(u["username"] == name and u["customers"] == 1 for u in users.users), timeout=10000)
    users.select(name)
    edit = users.edit_user()
    qtbot.addWidget(edit)
    edit.active.setChecked(False)
    with qtbot.waitSignal(edit.sig_saved, timeout=10000):
        edit.save()
    import pytest
    from sync.engine import SyncError

    with pytest.raises(SyncError):
        taker.sync()
    store.close()


def test_devices_list_each_clients_version_pending_changes_and_problems(sqlite_server, clients, desk, qtbot):
    rep, boss, c = scenes.field_conflict(sqlite_server, clients, {"notes": "设备页"})
    admin, ws, page = admin_page(sqlite_server, clients, desk, qtbot)
    page.tabs.setCurrentWidget(page.devices)
    qtbot.waitUntil(lambda: any(d["client_id"] == rep.store.client_id() for d in page.devices.devices),
                    timeout=10000)
    row = [d["client_id"] for d in page.devices.devices].index(rep.store.client_id())
    model = page.devices.model
    cells = [model.data(model.index(row, col)) for col in range(model.columnCount())]
    assert cells[0] == rep.store.actor().username and cells[1] == rep.device_name
    assert cells[4] == "0" and cells[5] == "0" and cells[6] == "1"  # pending, rejected, open conflicts
    from ui import formatting

    assert cells[3] == formatting.local_datetime(page.devices.devices[row]["last_sync_at"]) != ""


def test_the_dictionary_editor_adds_relabels_and_retires_codes_that_then_sync(sqlite_server, clients, desk, qtbot,
                                                                          tmp_path):
    admin, ws, page = admin_page(sqlite_server, clients, desk, qtbot)
    editor = page.dictionary
    page.tabs.setCurrentWidget(editor)
    qtbot.waitUntil(lambda: editor.vocabularies.count() > 0, timeout=10000)
    editor.select_vocabulary("lead_source")
    qtbot.waitUntil(lambda: bool(editor.rows) and editor.rows[0]["vocabulary"] == "lead_source", timeout=10000)
    code = f"douyin_{uuid.uuid4().hex[:4]}"
    editor.new_code.setText("Bad Code")
    editor.add_button.click()
    qtbot.waitUntil(lambda: "code" in editor.message.text(), timeout=10000)
    editor.new_code.setText(code)
    editor.new_en.setText("Douyin")
    editor.new_zh.setText("抖音")
    runs = ws.sync.runs
    editor.add_button.click()
    qtbot.waitUntil(lambda: any(r["code"] == code for r in editor.rows), timeout=10000)
    assert ws.sync.runs == runs + 1  # pushed at once
    assert code in ws.dictionary.codes("lead_source")
    # A named number: its value within bounds.
    editor.select_vocabulary("stage_probability")
    qtbot.waitUntil(lambda: bool(editor.rows) and editor.rows[0]["vocabulary"] == "stage_probability", timeout=10000)
    settle(qtbot, ws)
    assert not editor.add_button.isVisible()
    editor.view.selectRow([r["code"] for r in editor.rows].index("negotiation"))
    editor.value.setValue(150)
    editor.save_button.click()
    qtbot.waitUntil(lambda: "value" in editor.message.text(), timeout=10000)
    editor.value.setValue(80)
    editor.save_button.click()
    qtbot.waitUntil(lambda: ws.dictionary.stage_probability("negotiation") == 80, timeout=10000)
    settle(qtbot, ws)
    # Another client gets both with its next sync.
    rep = clients(sqlite_server.user("rep"))
    rep.sync()
    assert code in rep.store.dictionary().codes("lead_source")
    assert rep.store.dictionary().stage_probability("negotiation") == 80
    # Exports for other systems.
    editor.export(str(tmp_path / "dictionary.md"))
    editor.export(str(tmp_path / "dictionary.csv"))
    settle(qtbot, ws)
    assert f"| `{code}` | Douyin | 抖音 | yes |" in (tmp_path / "dictionary.md").read_text(encoding="utf-8")
    assert f"lead_source,{code},Douyin,抖音" in (tmp_path / "dictionary.csv").read_text(encoding="utf-8-sig")
    # Retiring the code: still listed, no longer offered.
    editor.select_vocabulary("lead_source")
    qtbot.waitUntil(lambda: bool(editor.rows) and editor.rows[0]["vocabulary"] == "lead_source", timeout=10000)
    settle(qtbot, ws)
    editor.view.selectRow([r["code"] for r in editor.rows].index(code))
    editor.deactivate_button.click()
    qtbot.waitUntil(lambda: code not in ws.dictionary.codes("lead_source"), timeout=10000)
    assert get(admin, "dictionary_entry", entry_id("lead_source", code))["active"] is False


def test_the_merge_tool_merges_two_customers_outside_the_queue(sqlite_server, clients, desk, qtbot):
    rep = clients(sqlite_server.user("rep"))
    tag = uuid.uuid4().hex[:8]
    keep = rep.store.run(customers.create_customer, {"name": f"保留{tag}公司", "phone": "+8613812345678"},
                         allow_duplicate=True)
    drop = rep.store.run(customers.create_customer, {"name": f"合并{tag}商贸"}, allow_duplicate=True)
    deal = rep.store.run(deals.create_deal, {"customer_id": drop["id"], "name": "合并项目", "stage": "prospecting"})
    rep.sync()
    admin, ws, page = admin_page(sqlite_server, clients, desk, qtbot)
    tab = page.duplicates
    page.tabs.setCurrentWidget(tab)
    assert tab.compare() is None and "Pick two" in tab.message.text()
    tab.first.setText(f"保留{tag}")
    tab.first.lookup()
    tab.second.setText(f"合并{tag}")
    tab.second.lookup()
    settle(qtbot, ws)
    tab.first.pick(tab.first._choices[keep["name"]], keep["name"])
    tab.second.pick(tab.second._choices[drop["name"]], drop["name"])
    view = tab.compare()
    qtbot.waitSignal(view.sig_loaded, timeout=10000).wait() if view.preview is None else None
    view.survivor_buttons[keep["id"]].setChecked(True)
    assert view.request() == {"entity": "customer", "survivor_id": keep["id"], "loser_id": drop["id"], "fields": {}}
    with qtbot.waitSignal(tab.sig_merged, timeout=10000) as merged:
        view.merge_button.click()
    assert merged.args[0]["repointed"] == 1
    rep.sync()
    assert get(rep, "customer", drop["id"]) is None and get(rep, "deal", deal["id"])["customer_id"] == keep["id"]


def test_the_scan_button_puts_likely_pairs_in_the_queue(sqlite_server, clients, desk, qtbot):
    rep = clients(sqlite_server.user("rep"))
    tag = uuid.uuid4().hex[:8]
    a = rep.store.run(customers.create_customer, {"name": f"Quasar {tag} Robotics Co., Ltd."}, allow_duplicate=True)
    b = rep.store.run(customers.create_customer, {"name": f"Other {uuid.uuid4().hex}"}, allow_duplicate=True)
    rep.sync()
    rep.store.run(customers.update_customer, b["id"], {"name": f"Quasar {tag} Robotics Ltd"})
    rep.sync()
    admin, ws, page = admin_page(sqlite_server, clients, desk, qtbot)
    page.tabs.setCurrentWidget(page.duplicates)
    page.duplicates.scan()
    qtbot.waitUntil(lambda: "new in the queue" in page.duplicates.scan_result.text(), timeout=20000)
    rep.sync()
    from sqlalchemy import select

    from app.models import SyncFlag

    with rep.store.read() as s:
        ids = {r.record_id for r in s.execute(select(SyncFlag.__table__).where(SyncFlag.kind == "conflict"))}
    # One question about the pair, on one of the two; both records are still there.
    assert len(ids & {a["id"], b["id"]}) == 1
    assert get(rep, "customer", a["id"]) and get(rep, "customer", b["id"])


def test_only_an_admin_gets_the_administration_page(sqlite_server, clients, desk, qtbot):
    from ui.main_window import MainWindow

    for role, expected in (("admin", True), ("rep", False)):
        engine = clients(sqlite_server.user(role))
        engine.sync()
        window = MainWindow(desk(engine))
        qtbot.addWidget(window)
        labels = [window.nav.item(i).text() for i in range(window.nav.count())]
        assert "Conflicts" in labels and "Data quality" in labels
        assert ("Administration" in labels) is expected
        assert (window.conflicts.queue is not None) is expected
