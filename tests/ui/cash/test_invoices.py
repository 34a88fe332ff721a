"""Invoices on screen: a draft is voided with a reason; an issued invoice is read-only and
corrected by a credit note; finance records a payment from it and allocates it; a
reminder is logged from it."""
from __future__ import annotations

from tests.foundation import chain
from tests.ui.cash.test_finance_actions import draft_invoice, open_invoice
from tests.ui.conftest import settle


def test_a_draft_is_voided_with_a_reason_and_then_nothing_more_is_offered(store, workspace_as, qtbot, comments):
    rep = workspace_as("rep")
    customer = chain.customer(store)
    invoice = draft_invoice(store, customer["id"])
    view = open_invoice(rep, qtbot, invoice["id"])
    view.due_on.setText("2027-01-15")
    view.due_on.textEdited.emit("2027-01-15")
    assert view.buttons["save"].isEnabled()
    with qtbot.waitSignal(view.sig_loaded, timeout=10000):
        view.buttons["save"].click()
    settle(qtbot, rep)
    assert chain.get(store, "invoice", invoice["id"])["due_on"] == "2027-01-15"
    comments.push("客户取消了服务")
    with qtbot.waitSignal(view.sig_loaded, timeout=10000):
        view.buttons["void"].click()
    settle(qtbot, rep)
    voided = chain.get(store, "invoice", invoice["id"])
    assert voided["status"] == "void" and "客户取消了服务" in voided["notes"]
    assert view.status.text() == "Void"
    assert not any(b.isEnabled() for key, b in view.buttons.items() if key not in ("pdf", "close"))


def test_finance_corrects_an_issued_invoice_with_a_credit_note_and_records_a_payment(store, workspace_as, qtbot):
    finance = workspace_as("finance")
    customer = chain.customer(store, name="宁波港口机械有限公司")
    invoice = chain.issued_invoice(store, customer["id"], 113_000, due_on="2026-01-31", number="INV-2026-000777")
    view = open_invoice(finance, qtbot, invoice["id"])
    assert view.due_on.isReadOnly() and not view.buttons["save"].isEnabled()
    assert "overdue" in view.status.text() and view.buttons["reminder"].isEnabled()
    opened = []
    view.sig_open.connect(lambda entity, rid: opened.append((entity, rid)))

    credit = view.credit_note()
    qtbot.addWidget(credit)
    credit.amount.setText("200")
    credit.reason.setPlainText("部分设备未交付")
    with qtbot.waitSignal(credit.sig_created, timeout=10000) as created:
        credit.submit()
    settle(qtbot, finance)
    note = created.args[0]
    assert (note["kind"], note["total_minor"], note["credited_invoice_id"]) == ("credit_note", -20_000, invoice["id"])
    assert opened[-1] == ("invoice", note["id"])
    # A draft credit note already holds its amount: only ¥930.00 is left to credit or collect.
    qtbot.waitUntil(lambda: view.facts["open"].text() == "¥930.00", timeout=10000)

    editor = view.record_payment()
    qtbot.addWidget(editor)
    assert "customer_id" not in editor.widgets  # the invoice's customer
    editor.widgets["amount_minor"].setText("500.00")
    editor.widgets["reference"].setText("宁波-0101")
    with qtbot.waitSignal(editor.sig_saved, timeout=10000) as saved:
        editor.save()
    settle(qtbot, finance)
    payment = saved.args[0]
    assert (payment["amount_minor"], payment["customer_id"], payment["method"]) == (50_000, customer["id"],
                                                                                   "bank_transfer")
    assert opened[-1] == ("payment", payment["id"])  # the window opens it to allocate

    with qtbot.waitSignal(view.sig_loaded, timeout=10000):
        view.buttons["reminder"].click()
    settle(qtbot, finance)
    assert len(view.reminders.rows) == 1 and "INV-2026-000777" in view.reminders.rows[0]["subject"]
