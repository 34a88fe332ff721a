"""Issuing online, against the real server: finance asks for the number from the invoice
screen; the server numbers it (gapless per series) and the number shows after the sync
that follows. A rep's profile is never offered the action."""
from __future__ import annotations

import os

# Cheap argon2 for the accounts of the server process these tests start (still argon2).
os.environ.setdefault("LTC_SERVER_ARGON2", "1,1024,1")

from app import clock  # noqa: E402
from app.services import customers, invoices  # noqa: E402
from tests.support.clients import clients, server  # noqa: E402,F401  (fixtures)
from tests.ui.conftest import settle  # noqa: E402


# Kept to the end of the run, as the program keeps them until it exits (see
# tests/ui/test_sync_status.py).
LIVE: list = []


def online_workspace(engine, qtbot):
    from ui.sync_adapter import EngineSyncAdapter
    from ui.workspace import Workspace

    adapter = EngineSyncAdapter(engine, interval_s=3600, poll_timeout_s=1)
    ws = Workspace(engine.store, sync=adapter)
    with qtbot.waitSignal(adapter.sig_finished, timeout=20000) as done:
        adapter.sync_now()
    assert done.args[0]["ok"], done.args[0]
    LIVE.append((adapter, ws))
    return ws, adapter


def test_finance_issues_an_invoice_online_and_its_number_arrives_with_the_next_sync(clients, qtbot):
    from ui.invoices.view import InvoiceView

    fin = clients("fin")
    customer = fin.store.run(customers.create_customer, {"name": "线上开票测试有限公司"}, allow_duplicate=True)
    invoice = fin.store.run(invoices.create_invoice, {"customer_id": customer["id"]},
                            lines=[{"description": "实施服务", "unit_price_minor": 100_000, "tax_rate_bp": 600}])
    fin.store.run(invoices.request_issue, invoice["id"])  # queued: the server has not seen it yet
    ws, adapter = online_workspace(fin, qtbot)
    view = InvoiceView(ws, invoice["id"])
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.sig_loaded, timeout=10000):
        view.show()
    assert view.buttons["issue"].isEnabled(), view.buttons["issue"].toolTip()
    assert view.facts["number"].text() == "given by the server when issued"
    with qtbot.waitSignal(adapter.sig_finished, timeout=30000):
        with qtbot.waitSignal(view.sig_issued, timeout=30000) as issued:
            view.buttons["issue"].click()
    number = issued.args[0]["number"]
    assert number.startswith(f"INV-{clock.today().year}-")
    qtbot.waitUntil(lambda: view.data["invoice"]["number"] == number, timeout=10000)
    settle(qtbot, ws)
    assert view.facts["number"].text() == number and view.status.text().startswith("Issued")
    assert view.buttons["credit"].isEnabled() and not view.buttons["issue"].isEnabled()
    assert view.due_on.isReadOnly() and view.notes.isReadOnly()  # an issued invoice is read-only
    adapter.wait()
    ws.ops.wait()


def test_a_rep_signed_in_to_the_server_is_not_offered_issuing(clients, qtbot):
    from ui.invoices.view import InvoiceView

    rep = clients("rep1")
    customer = rep.store.run(customers.create_customer, {"name": "销售草稿客户有限公司"}, allow_duplicate=True)
    invoice = rep.store.run(invoices.create_invoice, {"customer_id": customer["id"], "total_minor": 10_000})
    ws, adapter = online_workspace(rep, qtbot)
    view = InvoiceView(ws, invoice["id"])
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.sig_loaded, timeout=10000):
        view.show()
    assert view.buttons["issue"].isHidden() and view.buttons["request"].isHidden()
    adapter.wait()
    ws.ops.wait()
