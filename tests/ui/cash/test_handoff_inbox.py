"""The sales-to-finance hand-off in the inbox: finance sees a won deal with everything
needed (customer, accepted quote, billing plan, credit, contacts), accepts it or returns
it with a comment; the sender sees it returned and hands it over again; an item older
than its step's target is highlighted as overdue."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMessageBox

from app import clock
from app.services import customers, deals, orders
from tests.foundation import chain
from tests.ui.cash.test_approvals_inbox import inbox_page
from tests.ui.conftest import settle


def won_deal(store, workspace_as) -> dict:
    """A rep's deal with an accepted quote, an order on a 30/70 plan and a contact, won."""
    workspace_as("rep", "张伟")
    customer = chain.customer(store, name="苏州精工机械有限公司")
    store.run(customers.create_contact, {"customer_id": customer["id"], "name": "周敏", "title": "采购总监",
                                         "phone": "13912345678", "is_primary": True})
    quote = chain.accepted_quote(store, [chain.line(1_000_000, tax_rate_bp=1300, description="数控产线改造")],
                                 customer_id=customer["id"])
    store.run(orders.create_order, {"quote_id": quote["id"], "number": "SO-2026-018"}, milestones=[
        {"label": "预付款", "percent_bp": 3000, "due_on": "2026-12-01"},
        {"label": "验收款", "percent_bp": 7000, "due_on": "2027-03-01"}])
    deal = store.run(deals.win, quote["deal_id"])
    [handoff] = chain.rows(store, "handoff", deal_id=deal["id"])
    return {"customer": customer, "deal": deal, "handoff": handoff}


def test_finance_accepts_a_won_deal_seeing_everything_it_needs(store, workspace_as, qtbot, comments):
    won = won_deal(store, workspace_as)
    finance = workspace_as("finance", "财务小陈")
    page = inbox_page(finance, qtbot)
    [item] = page.model.rows
    assert (item["kind"], item["step"], item["id"]) == ("handoff", "order_acceptance", won["handoff"]["id"])
    text = page.page.toPlainText()
    for needed in ("苏州精工机械有限公司", "数控产线改造", "SO-2026-018", "预付款", "¥3,390.00", "验收款", "¥7,910.00",
                   "周敏", "采购总监", "Passed"):
        assert needed in text, needed
    assert "Missing" not in text
    assert page.buttons["accept"].isVisible() and page.buttons["return"].isVisible()
    assert not page.buttons["approve"].isVisible()

    comments.push("资料齐全，已受理")
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        page.buttons["accept"].click()
    settle(qtbot, finance)
    handoff = chain.get(store, "handoff", won["handoff"]["id"])
    assert (handoff["status"], handoff["comment"]) == ("accepted", "资料齐全，已受理")
    assert all(i["id"] != handoff["id"] for i in page.model.rows)


def test_a_returned_hand_off_goes_back_to_the_sender_who_hands_it_over_again(store, workspace_as, qtbot, comments,
                                                                             monkeypatch):
    won = won_deal(store, workspace_as)
    rep_actor = store.actor()
    finance = workspace_as("finance")
    page = inbox_page(finance, qtbot)
    notices = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: notices.append(a[2]))
    comments.push("", "缺少盖章合同扫描件")  # an empty comment is refused and asked again
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        page.buttons["return"].click()
    settle(qtbot, finance)
    assert notices and comments.asked == ["Return the hand-off", "Return the hand-off"]
    handoff = chain.get(store, "handoff", won["handoff"]["id"])
    assert (handoff["status"], handoff["comment"]) == ("returned", "缺少盖章合同扫描件")

    # The sender (the rep who won the deal) finds it returned, with the comment, and fixes it.
    from ui.workspace import Workspace

    store.set_actor(rep_actor)
    rep = Workspace(store)
    rep_page = inbox_page(rep, qtbot)
    [item] = rep_page.model.rows
    assert item["id"] == handoff["id"] and item["note"] == "缺少盖章合同扫描件"
    assert rep_page.model.text(0, "state") == "Returned to you"
    assert rep_page.buttons["resubmit"].isVisible() and not rep_page.buttons["accept"].isVisible()
    comments.push("已补充合同扫描件")
    with qtbot.waitSignal(rep_page.sig_loaded, timeout=10000):
        rep_page.buttons["resubmit"].click()
    settle(qtbot, rep)
    rep.ops.wait()
    assert chain.get(store, "handoff", handoff["id"])["status"] == "open"


def test_an_item_older_than_its_target_is_highlighted_as_overdue(store, workspace_as, qtbot):
    won = won_deal(store, workspace_as)
    two_days_ago = clock.format_datetime(clock.now() - dt.timedelta(hours=49))
    t = chain.ENTITIES["handoff"].__table__
    with store.write() as s:  # as a sync would bring an old hand-off
        s.execute(t.update().where(t.c.id == won["handoff"]["id"]).values(requested_at=two_days_ago))
    finance = workspace_as("finance")
    page = inbox_page(finance, qtbot)
    [item] = page.model.rows
    assert item["overdue"] and item["target_hours"] == 24
    assert page.model.data(page.model.index(0, 2), Qt.ItemDataRole.ForegroundRole) == QColor("#c62828")
    assert page.model.text(0, "state") == "Overdue" and page.model.text(0, "age_hours") == "2 d 1 h"
    assert "1 overdue" in page.summary.text()
    assert "overdue" in page.page.toPlainText()
