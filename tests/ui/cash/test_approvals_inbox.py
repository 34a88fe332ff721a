"""Approvals in the inbox: a manager sees the quote waiting with its lines and why it needs
approval, approves it with a comment; a later edit of the quote's lines voids that
approval, and the quote editor says so."""
from __future__ import annotations

from PySide6.QtCore import Qt

from app.services import quotes
from tests.foundation import chain
from tests.ui.cash.conftest import check_model
from tests.ui.conftest import settle


def inbox_page(ws, qtbot):
    from ui.inbox.page import InboxPage

    page = InboxPage(ws)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.sig_detail, timeout=10000):
        page.start()
    return page


def discounted_quote_waiting(store, workspace_as):
    """A rep's quote with a 20% discount (over the 15% threshold), approval requested."""
    workspace_as("rep", "李娜")
    customer = chain.customer(store)
    deal = chain.deal(store, customer["id"])
    quote = chain.quote(store, deal["id"], [chain.line(200_000, discount_bp=2000, description="定制夹具")])
    store.run(quotes.request_approval, quote["id"], "老客户续约")
    return customer, quote


def test_a_manager_approves_in_the_inbox_and_a_later_edit_voids_the_approval(store, workspace_as, qtbot, comments,
                                                                              qtmodeltester):
    customer, quote = discounted_quote_waiting(store, workspace_as)
    manager = workspace_as("manager", "王经理")
    page = inbox_page(manager, qtbot)
    [item] = page.model.rows
    assert (item["kind"], item["step"], item["subject_id"]) == ("approval", "quote_approval", quote["id"])
    html = page.page.toPlainText()
    assert customer["name"] in html and "定制夹具" in html and "20.00%" in html and "老客户续约" in html
    assert page.buttons["approve"].isVisible() and not page.buttons["accept"].isVisible()
    check_model(qtmodeltester, page.model)

    comments.push("同意，下不为例")
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        page.buttons["approve"].click()
    settle(qtbot, manager)
    assert page.model.rows == [] and "Nothing is waiting" in page.page.toPlainText()
    assert chain.get(store, "quote", quote["id"])["status"] == "approved"
    [approval] = chain.rows(store, "approval", subject_id=quote["id"])
    assert (approval["status"], approval["comment"]) == ("approved", "同意，下不为例")

    # Back to the rep: the editor shows who approved; changing a line voids it.
    from ui.quotes.editor import QuoteEditor

    rep = workspace_as("rep", "李娜2")
    editor = QuoteEditor(rep, quote["id"])
    qtbot.addWidget(editor)
    with qtbot.waitSignal(editor.sig_loaded, timeout=10000):
        editor.show()
    assert "Approved by 王经理" in editor.approval.text() and editor.buttons["send"].isEnabled()
    lines = editor.lines
    assert lines.setData(lines.index(0, lines.column_of("quantity_milli")), "2", Qt.ItemDataRole.EditRole)
    assert "voids the approval" in editor.message.text()  # warned before saving
    with qtbot.waitSignal(editor.sig_loaded, timeout=10000):
        editor.buttons["save"].click()
    settle(qtbot, rep)
    assert "approval was voided" in editor.message.text()
    assert editor.status.text() == "Draft"
    assert "was voided" in editor.approval.text() and "Needs a manager's approval" in editor.approval.text()
    assert not editor.buttons["send"].isEnabled() and editor.buttons["request_approval"].isEnabled()
    assert chain.get(store, "approval", approval["id"])["status"] == "void"
    assert chain.get(store, "quote", quote["id"])["status"] == "draft"


def test_a_rejection_needs_a_reason_and_sends_the_quote_back_to_draft(store, workspace_as, qtbot, comments):
    _customer, quote = discounted_quote_waiting(store, workspace_as)
    manager = workspace_as("manager")
    page = inbox_page(manager, qtbot)
    comments.push(None)  # the manager thinks again: nothing happens
    page.buttons["reject"].click()
    settle(qtbot, manager)
    assert chain.get(store, "quote", quote["id"])["status"] == "pending_approval"
    comments.push("折扣太高，请控制在15%以内")
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        page.buttons["reject"].click()
    settle(qtbot, manager)
    assert chain.get(store, "quote", quote["id"])["status"] == "draft"
    [approval] = chain.rows(store, "approval", subject_id=quote["id"])
    assert (approval["status"], approval["comment"]) == ("rejected", "折扣太高，请控制在15%以内")
