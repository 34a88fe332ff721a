"""Customers: created through the editor they appear in the list; invalid input shows
the shared rules' message and saves nothing; closing with unsaved changes asks."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from app.queries import customers as customer_queries
from app.queries import listing
from app.services import customers as customer_services
from tests.ui.conftest import settle


def count_customers(store) -> int:
    with store.read() as s:
        return listing.count(s, customer_queries.LIST, params=listing.filter_params(store.actor().id))


def test_creating_a_customer_makes_it_appear_in_the_list(store, ws, qtbot):
    from ui.customers.page import CustomersPage

    page = CustomersPage(ws)
    qtbot.addWidget(page)
    page.show()
    page.start()
    settle(qtbot, ws)
    assert page.list.model.rowCount() == 0
    dialog = page.new_customer()
    dialog.widgets["name"].setText("上海新客户有限公司")
    dialog.widgets["phone"].setText("021 6123 4567")
    with qtbot.waitSignal(dialog.sig_saved):
        dialog.save()
    settle(qtbot, ws)
    qtbot.waitUntil(lambda: page.list.model.rowCount() == 1)
    settle(qtbot, ws)
    assert page.list.model.data(page.list.model.index(0, 0)) == "上海新客户有限公司"
    assert page.list.model.data(page.list.model.index(0, 1)) == "+862161234567"


def test_an_invalid_phone_shows_the_message_and_saves_nothing(store, ws, qtbot):
    from ui.customers.editor import customer_editor

    dialog = customer_editor(ws)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.widgets["name"].setText("电话错误公司")
    dialog.widgets["phone"].setText("12345")
    dialog.save()
    settle(qtbot, ws)
    assert dialog.errors["phone"].isVisible()
    assert "phone number" in dialog.errors["phone"].text()
    assert dialog.isVisible()
    assert count_customers(store) == 0


def test_a_rule_only_the_service_knows_is_shown_on_its_field(store, ws, qtbot):
    from ui.customers.editor import customer_editor

    dialog = customer_editor(ws)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.widgets["name"].setText("")
    dialog.widgets["email"].setText("ok@example.com")
    dialog.save()
    settle(qtbot, ws)
    assert dialog.errors["name"].isVisible()
    assert count_customers(store) == 0


def test_a_likely_duplicate_asks_before_creating_a_second_customer(store, ws, qtbot, monkeypatch):
    from ui.customers.editor import customer_editor

    store.run(customer_services.create_customer, {"name": "重复检测有限公司"})
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.No)
    dialog = customer_editor(ws)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.widgets["name"].setText("重复检测有限公司")
    dialog.save()
    settle(qtbot, ws)
    assert asked and count_customers(store) == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog.sig_saved):
        dialog.save()
    settle(qtbot, ws)
    assert count_customers(store) == 2


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_editor_open(store, ws, qtbot, monkeypatch):
    from ui.customers.editor import customer_editor

    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or answers.pop(0))
    dialog = customer_editor(ws)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reject()  # nothing typed: closes without asking
    assert not asked and not dialog.isVisible()
    dialog = customer_editor(ws)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.widgets["name"].setText("未保存公司")
    dialog.reject()
    assert len(asked) == 1 and dialog.isVisible()
    dialog.reject()
    assert len(asked) == 2 and not dialog.isVisible()
    assert count_customers(store) == 0


def test_customer_360_shows_contacts_deals_timeline_and_history(store, ws, qtbot):
    from app.services import activities, deals
    from ui.customers.view360 import Customer360

    c = store.run(customer_services.create_customer, {"name": "全景公司", "phone": "13800138000"})
    store.run(customer_services.create_contact, {"customer_id": c["id"], "name": "赵六", "is_primary": True})
    store.run(deals.create_deal, {"customer_id": c["id"], "name": "全景商机", "amount_minor": 99_00})
    store.run(activities.log_activity, "visit", "上门拜访", customer_id=c["id"])
    store.run(customer_services.update_customer, c["id"], {"address": "上海市浦东新区"})
    view = Customer360(ws, c["id"])
    qtbot.addWidget(view)
    settle(qtbot, ws)
    assert view.title.text() == "全景公司"
    assert view.labels["pipeline"].text().endswith("¥99.00")
    assert [r["name"] for r in view.contacts.rows] == ["赵六"]
    assert [r["name"] for r in view.deals.rows] == ["全景商机"]
    assert [r["subject"] for r in view.timeline.rows] == ["上门拜访"]
    assert any(r["field"] == "address" for r in view.history.rows)
    # No quotes or invoices yet: the documents tab says what will appear there.
    assert view.documents.rows == [] and not view.documents_note.isHidden()
