"""Receivables and collections on screen: the aging buckets overall and per customer with
overdue amounts in red; the collections list names whom to call, and logging a reminder
is one click that shows as the last reminder."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from app import clock
from app.services import customers
from tests.foundation import chain
from tests.ui.cash.conftest import check_model
from tests.ui.conftest import settle


def day(offset: int) -> str:
    return (clock.today() + dt.timedelta(days=offset)).isoformat()


def receivables_book(store):
    """Two customers: one owing in three buckets, one not yet due."""
    late = chain.customer(store, name="广州拖欠有限公司")
    store.run(customers.create_contact, {"customer_id": late["id"], "name": "黄会计", "title": "财务经理",
                                         "phone": "13800001111", "is_primary": True})
    chain.issued_invoice(store, late["id"], 100_000, due_on=day(-10), number="INV-A-1")
    chain.issued_invoice(store, late["id"], 200_000, due_on=day(-45), number="INV-A-2")
    chain.issued_invoice(store, late["id"], 50_000, due_on=day(5), number="INV-A-3")
    early = chain.customer(store, name="北京准时科技有限公司")
    chain.issued_invoice(store, early["id"], 70_000, due_on=day(20), number="INV-B-1")
    return late, early


def test_receivables_show_the_aging_buckets_with_overdue_in_red(store, workspace_as, qtbot, qtmodeltester):
    from ui.invoices.receivables import ReceivablesView

    finance = workspace_as("finance")
    late, early = receivables_book(store)
    view = ReceivablesView(finance)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.sig_loaded, timeout=10000):
        view.start()
    [totals] = view.totals.rows
    assert (totals["current"], totals["1_30"], totals["31_60"], totals["total"], totals["overdue"]) == (
        120_000, 100_000, 200_000, 420_000, 300_000)
    assert view.totals.text(0, "31_60") == "¥2,000.00"
    assert [r["customer_name"] for r in view.customers.rows] == ["广州拖欠有限公司", "北京准时科技有限公司"]
    red = QColor("#c62828")
    cell = view.customers.index(0, view.customers.column_of("31_60"))
    assert view.customers.data(cell, Qt.ItemDataRole.ForegroundRole) == red
    assert view.customers.data(view.customers.index(1, view.customers.column_of("overdue")),
                               Qt.ItemDataRole.ForegroundRole) is None
    assert view.customers.data(cell, Qt.ItemDataRole.TextAlignmentRole) & int(Qt.AlignmentFlag.AlignRight.value)
    assert "1 customer(s) late" in view.summary.text()

    # One customer's open invoices, the overdue ones in red.
    view.customers_view.setCurrentIndex(view.customers.index(0, 0))
    qtbot.waitUntil(lambda: len(view.items.rows) == 3, timeout=10000)
    assert [r["number"] for r in view.items.rows] == ["INV-A-2", "INV-A-1", "INV-A-3"]
    assert view.items.data(view.items.index(0, 0), Qt.ItemDataRole.ForegroundRole) == red
    assert view.items.data(view.items.index(2, 0), Qt.ItemDataRole.ForegroundRole) is None
    for model in (view.totals, view.customers, view.items):
        check_model(qtmodeltester, model)


def test_logging_a_reminder_is_one_click_and_shows_as_the_last_reminder(store, workspace_as, qtbot, qtmodeltester):
    from ui.invoices.collections import CollectionsView

    finance = workspace_as("finance", "财务小陈")
    late, _early = receivables_book(store)
    view = CollectionsView(finance)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.sig_loaded, timeout=10000):
        view.start()
    assert [r["number"] for r in view.model.rows] == ["INV-A-2", "INV-A-1"]  # overdue only, the latest first
    assert view.model.text(0, "contact") == "黄会计 · 财务经理" and view.model.text(0, "contact_phone") == "+8613800001111"
    assert view.model.text(0, "last") == "never" and view.model.text(0, "reminder_due") == "Remind now"
    assert "2 overdue invoice(s), 2 to remind now" == view.summary.text()
    check_model(qtmodeltester, view.model)

    view.view.selectRow(0)
    with qtbot.waitSignal(view.sig_loaded, timeout=10000):
        view.remind_button.click()
    settle(qtbot, finance)
    row = view.model.rows[0]
    assert row["number"] == "INV-A-2" and row["reminders"] == 1 and not row["reminder_due"]
    assert view.model.text(0, "last").endswith("· 财务小陈")
    assert view.model.text(0, "reminder_due") == "Reminded recently"
    [activity] = chain.rows(store, "activity", invoice_id=row["id"])
    assert activity["kind"] == "reminder" and activity["customer_id"] == late["id"]
    assert "INV-A-2" in activity["subject"] and "45 days overdue" in activity["subject"]
    assert activity["contact_id"] == row["contact_id"]
