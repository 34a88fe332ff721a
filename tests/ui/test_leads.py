"""The lead flow: qualify, disqualify with a reason, convert into customer + contact + deal."""
from __future__ import annotations

from PySide6.QtWidgets import QInputDialog

from app.services import customers as customer_services
from app.services import leads as lead_services
from tests.ui.conftest import settle


def select_row(page, row: int = 0) -> None:
    page.list.table.selectRow(row)
    page.list.table.setCurrentIndex(page.list.model.index(row, 0))


def open_page(ws, qtbot):
    from ui.leads.page import LeadsPage

    page = LeadsPage(ws)
    qtbot.addWidget(page)
    page.show()
    page.start()
    settle(qtbot, ws)
    return page


def test_converting_a_lead_creates_customer_contact_and_deal(store, ws, qtbot):
    lead = store.run(lead_services.create_lead, {"company_name": "杭州云海科技", "contact_name": "孙七",
                                                 "phone": "13911112222"})
    store.run(lead_services.qualify, lead["id"])
    page = open_page(ws, qtbot)
    select_row(page)
    opened = []
    page.sig_open.connect(lambda entity, rid: opened.append((entity, rid)))
    page.convert()
    settle(qtbot, ws)
    dialog = page.convert_dialog
    assert dialog.new_radio.isChecked()  # nothing similar exists
    dialog.amount.setText("12,000")
    with qtbot.waitSignal(dialog.sig_converted) as blocker:
        dialog.convert()
    settle(qtbot, ws)
    result = blocker.args[0]
    assert result["customer"]["name"] == "杭州云海科技"
    assert result["contact"]["name"] == "孙七" and result["contact"]["customer_id"] == result["customer"]["id"]
    assert result["deal"]["customer_id"] == result["customer"]["id"] and result["deal"]["amount_minor"] == 12_000_00
    with store.read() as s:
        from sqlalchemy import text

        status = s.execute(text("SELECT status FROM leads WHERE id = :id"), {"id": lead["id"]}).scalar()
    assert status == "converted"
    assert opened == [("customer", result["customer"]["id"])]


def test_conversion_offers_the_existing_customer_first(store, ws, qtbot):
    existing = store.run(customer_services.create_customer, {"name": "杭州云海科技有限公司", "phone": "13911112222"})
    lead = store.run(lead_services.create_lead, {"company_name": "杭州云海科技", "contact_name": "孙七",
                                                 "phone": "139 1111 2222"})
    store.run(lead_services.qualify, lead["id"])
    page = open_page(ws, qtbot)
    select_row(page)
    page.convert()
    settle(qtbot, ws)
    dialog = page.convert_dialog
    assert dialog.existing_radio.isChecked()
    assert dialog.matches.count() == 1
    with qtbot.waitSignal(dialog.sig_converted) as blocker:
        dialog.convert()
    settle(qtbot, ws)
    assert blocker.args[0]["customer"]["id"] == existing["id"]


def test_disqualify_asks_the_reason_and_qualify_moves_the_lead(store, ws, qtbot, monkeypatch):
    store.run(lead_services.create_lead, {"company_name": "无效线索"})
    page = open_page(ws, qtbot)
    select_row(page)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("没有预算", True))
    page.disqualify()
    settle(qtbot, ws)
    with store.read() as s:
        from sqlalchemy import text

        row = s.execute(text("SELECT status, disqualify_reason FROM leads")).one()
    assert tuple(row) == ("disqualified", "没有预算")
