"""The data-quality view (each count opens exactly its records, a record opens from
there) and the possible matches shown while a new customer, contact or lead is typed."""
from __future__ import annotations

from sqlalchemy import text

from app.services import customers, deals
from tests.ui.conftest import isolated_settings, no_modal_questions, settle, ws  # noqa: F401 - fixtures


def test_each_count_opens_the_list_of_its_records_and_a_record_opens_from_it(store, ws, qtbot):
    from ui.quality.page import QualityPage

    c = store.run(customers.create_customer, {"name": "缺金额客户"})
    d = store.run(deals.create_deal, {"customer_id": c["id"], "name": "报价中项目", "stage": "proposal",
                                      "amount_minor": 5_000_00, "expected_close": "2031-01-31"})
    with store.write() as s:  # left by an older import
        s.execute(text("UPDATE deals SET amount_minor = NULL WHERE id = :id"), {"id": d["id"]})
        s.execute(text("UPDATE customers SET email = 'Someone@@Example' WHERE id = :id"), {"id": c["id"]})
    page = QualityPage(ws)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    with qtbot.waitSignal(page.sig_counted, timeout=10000):
        page.start()
    rows = {page.list.item(i).data(256): page.list.item(i).text() for i in range(page.list.count())}
    assert rows["deal_stage"].split()[0] == "1" and rows["customer_contact_data"].split()[0] == "1"
    assert rows["no_owner"].split()[0] == "0"
    view = page.show_check("deal_stage")
    settle(qtbot, ws)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10000)
    assert view.model.data(view.model.index(0, 0)) == "报价中项目"
    assert "amount" in page.hint.text()
    with qtbot.waitSignal(page.sig_open) as opened:
        view.table.doubleClicked.emit(view.model.index(0, 0))
    assert opened.args == ["deal", d["id"]]
    # Fixed, and counted again: the problem is gone.
    store.run(deals.update_deal, d["id"], {"amount_minor": 4_000_00})
    with qtbot.waitSignal(page.sig_counted, timeout=10000):
        page.refresh()
    assert page.counts["deal_stage"] == 0


def test_possible_matches_appear_while_a_new_customer_is_typed(store, ws, qtbot):
    from ui.customers.editor import customer_editor

    existing = store.run(customers.create_customer, {"name": "深圳市大疆创新科技有限公司", "phone": "075526656677"})
    dialog = customer_editor(ws)
    qtbot.addWidget(dialog)
    dialog.show()
    panel = dialog.matches
    assert panel is not None and not panel.isVisible()
    dialog.widgets["name"].setText("大疆创新")
    with qtbot.waitSignal(panel.sig_matches, timeout=5000) as found:
        dialog.widgets["name"].textEdited.emit("大疆创新")
    assert [m["id"] for m in found.args[0]] == [existing["id"]]
    assert panel.isVisible() and "similar name" in panel.list.item(0).text()
    dialog.widgets["name"].setText("Another Name Entirely")
    dialog.widgets["phone"].setText("0755 2665 6677")
    with qtbot.waitSignal(panel.sig_matches, timeout=5000) as found:
        dialog.widgets["phone"].textEdited.emit("0755 2665 6677")
    assert found.args[0][0]["reasons"] == ["phone"] and "same phone" in panel.list.item(0).text()
    with qtbot.waitSignal(panel.sig_matches, timeout=5000) as found:
        dialog.widgets["name"].setText("")
        dialog.widgets["phone"].setText("")
        dialog.widgets["phone"].textEdited.emit("")
    assert found.args[0] == [] and not panel.isVisible()
    settle(qtbot, ws)


def test_a_new_lead_is_matched_against_existing_customers_and_leads(store, ws, qtbot):
    from app.services import leads
    from ui.leads.editor import lead_editor

    customer = store.run(customers.create_customer, {"name": "华为技术有限公司"})
    lead = store.run(leads.create_lead, {"company_name": "杭州数澜科技", "email": "info@shulan.cn"})
    dialog = lead_editor(ws)
    qtbot.addWidget(dialog)
    dialog.show()
    panel = dialog.matches
    dialog.widgets["company_name"].setText("Huawei Jishu")
    dialog.widgets["email"].setText("INFO@shulan.cn")
    with qtbot.waitSignal(panel.sig_matches, timeout=5000) as found:
        dialog.widgets["email"].textEdited.emit("INFO@shulan.cn")
    assert {(m["entity"], m["id"]) for m in found.args[0]} == {("customer", customer["id"]), ("lead", lead["id"])}
    texts = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert any("[customer]" in t for t in texts)
    # Editing an existing record shows no panel.
    existing = lead_editor(ws, record=store.run(lambda uow: uow.get("lead", lead["id"])))
    qtbot.addWidget(existing)
    assert existing.matches is None
    settle(qtbot, ws)
