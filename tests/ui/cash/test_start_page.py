"""The start page follows the role: everyone sees what waits on them and what customers
owe; a salesperson also sees their deals and the pipeline, finance sees the most overdue
invoices instead of deals it does not own. Every tile opens the list behind it."""
from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QPushButton

from app.queries.read_unit import read
from app.services import handoffs
from tests.foundation import chain
from tests.ui.cash.test_handoff_inbox import won_deal
from tests.ui.cash.test_receivables import receivables_book
from tests.ui.conftest import settle


def start_page(ws, qtbot):
    from ui.dashboard.page import DashboardPage

    page = DashboardPage(ws)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        page.show()
    return page


def tiles(page) -> dict[str, QGroupBox]:
    return {box.objectName(): box for box in page.findChildren(QGroupBox)}


def test_finance_sees_the_hand_off_waiting_and_the_late_money_not_deals(store, workspace_as, qtbot):
    won = won_deal(store, workspace_as)
    late, _early = receivables_book(store)
    finance = workspace_as("finance", "财务小陈")
    page = start_page(finance, qtbot)
    assert set(tiles(page)) == {"waiting", "owed", "tasks"}
    waiting = read(store, handoffs.inbox)
    assert won["handoff"]["id"] in {item["id"] for item in waiting}
    assert page.waiting_label.text().splitlines()[0] == f"{len(waiting)} item(s)"
    # INV-A-1 (10 days late, ¥1,000) and INV-A-2 (45 days late, ¥2,000); the others are not yet due.
    lines = page.owed_label.text().splitlines()
    assert lines[0] == "Overdue: ¥3,000.00"
    assert lines[1] == "2 late invoice(s) · 1 customer(s)"
    assert lines[2] == "Open in all: ¥4,200.00"
    assert "#c62828" in page.owed_label.styleSheet()
    listed = [page.top_list.item(i).text() for i in range(page.top_list.count())]
    assert [text.split("  ")[:2] for text in listed] == [["45 day(s) late", "INV-A-2"], ["10 day(s) late", "INV-A-1"]]
    assert all("广州拖欠有限公司" in text for text in listed)
    with qtbot.waitSignal(page.sig_open) as opened:
        page.top_list.itemDoubleClicked.emit(page.top_list.item(0))
    [oldest] = chain.rows(store, "invoice", number="INV-A-2")
    assert opened.args == ["invoice", oldest["id"]]
    assert oldest["customer_id"] == late["id"]
    with qtbot.waitSignal(page.sig_show) as shown:
        tiles(page)["owed"].findChild(QPushButton).click()
    assert shown.args == ["invoices", "collections"]


def test_a_rep_sees_deals_and_pipeline_and_an_empty_receivable_is_not_red(store, workspace_as, qtbot):
    rep = workspace_as("rep", "王芳")
    customer = chain.customer(store, name="杭州云帆科技有限公司")
    chain.deal(store, customer["id"], name="云帆 ERP 升级", amount_minor=5_000_000, expected_close="2026-12-20",
               stage="qualification")
    page = start_page(rep, qtbot)
    assert set(tiles(page)) == {"waiting", "owed", "tasks", "deals", "pipeline"}
    assert page.deals_label.text().splitlines() == ["1 open deal(s)", "¥50,000.00"]
    assert page.owed_label.text().splitlines()[0] == "Overdue: ¥0.00"
    assert "#c62828" not in page.owed_label.styleSheet()
    assert "云帆 ERP 升级" in page.top_list.item(0).text()
    with qtbot.waitSignal(page.sig_show) as shown:
        tiles(page)["deals"].findChild(QPushButton).click()
    assert shown.args == ["deals", "my_open"]


def test_the_page_follows_a_payment_recorded_elsewhere(store, workspace_as, qtbot):
    finance = workspace_as("finance")
    late, _early = receivables_book(store)
    page = start_page(finance, qtbot)
    assert page.owed_label.text().splitlines()[1] == "2 late invoice(s) · 1 customer(s)"
    [newer] = chain.rows(store, "invoice", number="INV-A-1")
    from app.services import payments

    def pay(uow):
        payment = payments.record_payment(uow, {"customer_id": late["id"], "amount_minor": 100_000})
        return payments.allocate_payment(uow, payment["id"], [(newer["id"], 100_000)])

    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        finance.ops.service(pay)
    assert page.owed_label.text().splitlines()[:2] == ["Overdue: ¥2,000.00", "1 late invoice(s) · 1 customer(s)"]
    settle(qtbot, finance)
