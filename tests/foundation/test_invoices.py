"""Invoices: drafted from milestones or free-standing, issued only through finance and the
server, immutable once issued, corrected by credit notes with negative amounts."""
from __future__ import annotations

import datetime as dt

import pytest

from app import clock
from app.errors import Immutable, InvalidTransition, PermissionDenied, ValidationError
from app.services import invoices, orders, records
from tests.conftest import as_role
from tests.foundation import chain


@pytest.fixture
def taxed_order(store):
    """An order of 113.00 (100.00 + 13% tax) billed 30/70."""
    q = chain.accepted_quote(store, [chain.line(10_000, tax_rate_bp=1300)])
    return store.run(orders.create_order, {"quote_id": q["id"], "number": "SO-7"}, milestones=[
        {"label": "Deposit", "percent_bp": 3000}, {"label": "Acceptance", "percent_bp": 7000}])


def lines_of(store, invoice_id):
    return store.run(invoices.invoice_lines, invoice_id)


def test_a_milestone_invoice_carries_the_milestone_amount_its_tax_share_and_the_payment_terms(store, taxed_order):
    deposit, acceptance = store.run(orders.billing_plan, taxed_order["id"])
    inv = store.run(invoices.draft_invoice_from_milestone, deposit["id"])
    # 30% of 113.00 = 33.90, of which tax 33.90 x 13.00 / 113.00 = 3.90
    assert (inv["total_minor"], inv["tax_minor"], inv["status"], inv["kind"]) == (3390, 390, "draft", "invoice")
    assert (inv["customer_id"], inv["order_id"], inv["milestone_id"], inv["currency"]) == \
        (taxed_order["customer_id"], taxed_order["id"], deposit["id"], "CNY")
    terms = store.dictionary().number("payment_terms_days", "default")
    assert inv["due_on"] == (clock.today() + dt.timedelta(days=terms)).isoformat()
    [line] = lines_of(store, inv["id"])
    assert (line["description"], line["unit_price_minor"], line["tax_rate_bp"], line["net_minor"],
            line["tax_minor"], line["total_minor"]) == ("SO-7: Deposit", 3000, 1300, 3000, 390, 3390)
    assert chain.get(store, "billing_milestone", deposit["id"])["invoice_id"] == inv["id"]
    second = store.run(invoices.draft_invoice_from_milestone, acceptance["id"], due_on="2027-03-31")
    assert (second["total_minor"], second["tax_minor"], second["due_on"]) == (7910, 910, "2027-03-31")
    before = chain.counts(store)
    with pytest.raises(ValidationError):
        store.run(invoices.draft_invoice_from_milestone, deposit["id"])
    assert chain.counts(store) == before


def test_a_free_standing_invoice_totals_its_lines(store):
    c = chain.customer(store)
    as_role(store, "rep")  # reps may draft
    inv = store.run(invoices.create_invoice, {"customer_id": c["id"]}, lines=[
        # 2 x 150.00 = 300.00, 6% tax 18.00; 99.99 untaxed
        {"description": "On-site training", "quantity_milli": 2000, "unit_price_minor": 15_000, "tax_rate_bp": 600},
        {"description": "Travel", "unit_price_minor": 9_999}])
    assert (inv["total_minor"], inv["tax_minor"], inv["currency"], inv["order_id"]) == (41_799, 1_800, "CNY", None)
    assert [l["total_minor"] for l in lines_of(store, inv["id"])] == [31_800, 9_999]
    fee = store.run(invoices.create_invoice, {"customer_id": c["id"], "total_minor": 5_000})
    assert [(l["description"], l["total_minor"]) for l in lines_of(store, fee["id"])] == [("Service fee", 5_000)]
    line = store.run(invoices.add_invoice_line, {"invoice_id": fee["id"], "description": "Extra", "unit_price_minor": 1})
    assert chain.get(store, "invoice", fee["id"])["total_minor"] == 5_001
    store.run(invoices.update_invoice_line, line["id"], {"unit_price_minor": 250})
    assert chain.get(store, "invoice", fee["id"])["total_minor"] == 5_250
    before = chain.counts(store)
    for bad in ({"customer_id": c["id"], "total_minor": -1}, {"customer_id": c["id"]},
                {"customer_id": c["id"], "total_minor": 100, "kind": "credit_note"}):
        with pytest.raises(ValidationError):
            store.run(invoices.create_invoice, bad)
    assert chain.counts(store) == before


def test_a_rep_drafts_but_cannot_request_issue(store):
    c = chain.customer(store)
    as_role(store, "rep")
    inv = store.run(invoices.create_invoice, {"customer_id": c["id"], "total_minor": 5_000})
    store.run(invoices.update_invoice, inv["id"], {"notes": "PO 4711", "due_on": "2027-01-31"})
    before = chain.counts(store)
    with pytest.raises(PermissionDenied):
        store.run(invoices.request_issue, inv["id"])
    with pytest.raises(PermissionDenied):
        store.run(records.edit, "invoice", inv["id"], {"status": "pending_issue"})
    assert chain.counts(store) == before
    as_role(store, "finance")
    assert store.run(invoices.request_issue, inv["id"])["status"] == "pending_issue"
    as_role(store, "rep")
    with pytest.raises(PermissionDenied):
        store.run(invoices.void_invoice, inv["id"])  # a pending one is finance's
    with pytest.raises(Immutable):
        store.run(invoices.update_invoice, inv["id"], {"notes": "changed"})


def test_invoice_state_machine_and_immutability_once_issued(store):
    c = chain.customer(store)
    as_role(store, "finance")
    inv = store.run(invoices.create_invoice, {"customer_id": c["id"], "total_minor": 5_000})
    with pytest.raises(InvalidTransition):
        store.run(invoices.withdraw_issue_request, inv["id"])  # draft -> draft
    store.run(invoices.request_issue, inv["id"])
    assert store.run(invoices.withdraw_issue_request, inv["id"])["status"] == "draft"
    store.run(invoices.request_issue, inv["id"])
    [line] = lines_of(store, inv["id"])
    with pytest.raises(Immutable):
        store.run(invoices.update_invoice_line, line["id"], {"unit_price_minor": 1})
    chain.server_issues(store, inv["id"], "INV-2026-0001")
    before = chain.counts(store)
    for refused, error in (
        (lambda uow: invoices.update_invoice(uow, inv["id"], {"notes": "x"}), Immutable),
        (lambda uow: invoices.void_invoice(uow, inv["id"], "wrong"), Immutable),
        (lambda uow: invoices.delete_invoice(uow, inv["id"]), Immutable),
        (lambda uow: uow.update("invoice", inv["id"], {"due_on": "2030-01-01"}), Immutable),
        (lambda uow: invoices.request_issue(uow, inv["id"]), InvalidTransition),
        (lambda uow: invoices.update_invoice(uow, inv["id"], {"status": "paid"}), Immutable),
    ):
        with pytest.raises(error):
            store.run(refused)
    assert chain.counts(store) == before


def test_voiding_or_deleting_a_draft_frees_its_milestone(store, taxed_order):
    deposit, _ = store.run(orders.billing_plan, taxed_order["id"])
    first = store.run(invoices.draft_invoice_from_milestone, deposit["id"])
    voided = store.run(invoices.void_invoice, first["id"], "wrong contact")
    assert voided["status"] == "void" and "wrong contact" in voided["notes"]
    assert chain.get(store, "billing_milestone", deposit["id"])["invoice_id"] is None
    with pytest.raises(Immutable):
        store.run(invoices.update_invoice, first["id"], {"notes": "again"})
    as_role(store, "finance")
    with pytest.raises(InvalidTransition):
        store.run(invoices.request_issue, first["id"])
    second = store.run(invoices.draft_invoice_from_milestone, deposit["id"])
    store.run(invoices.delete_invoice, second["id"])
    assert chain.get(store, "invoice", second["id"])["deleted_at"] is not None
    assert all(l["deleted_at"] for l in chain.rows(store, "invoice_line", invoice_id=second["id"]))
    assert chain.get(store, "billing_milestone", deposit["id"])["invoice_id"] is None


def test_a_milestone_invoice_keeps_its_amount(store, taxed_order):
    deposit, _ = store.run(orders.billing_plan, taxed_order["id"])
    inv = store.run(invoices.draft_invoice_from_milestone, deposit["id"])
    [line] = lines_of(store, inv["id"])
    with pytest.raises(ValidationError):
        store.run(invoices.update_invoice_line, line["id"], {"unit_price_minor": 1})
    assert store.run(invoices.update_invoice_line, line["id"], {"description": "首付款"})["description"] == "首付款"


def test_a_credit_note_for_an_amount_has_negative_totals_and_its_tax_share(store, taxed_order):
    deposit, _ = store.run(orders.billing_plan, taxed_order["id"])
    inv = store.run(invoices.draft_invoice_from_milestone, deposit["id"])
    as_role(store, "finance")
    store.run(invoices.request_issue, inv["id"])
    chain.server_issues(store, inv["id"], "INV-9")
    # 22.60 credited, of which tax 22.60 x 3.90 / 33.90 = 2.60
    note = store.run(invoices.create_credit_note, inv["id"], amount_minor=2_260, reason="late delivery")
    assert (note["kind"], note["series"], note["status"], note["credited_invoice_id"]) == \
        ("credit_note", "CN", "draft", inv["id"])
    assert (note["total_minor"], note["tax_minor"], note["customer_id"], note["order_id"]) == \
        (-2_260, -260, inv["customer_id"], inv["order_id"])
    [line] = lines_of(store, note["id"])
    assert (line["unit_price_minor"], line["net_minor"], line["tax_minor"], line["total_minor"]) == \
        (-2_000, -2_000, -260, -2_260)
    assert "late delivery" in line["description"]
    assert store.run(lambda uow: invoices.open_amount(uow, uow.require("invoice", inv["id"]))) == 3_390 - 2_260
    before = chain.counts(store)
    with pytest.raises(ValidationError):  # only 11.30 is left to credit
        store.run(invoices.create_credit_note, inv["id"], amount_minor=1_131, reason="more")
    with pytest.raises(ValidationError):
        store.run(invoices.create_credit_note, inv["id"], amount_minor=100, reason=" ")
    assert chain.counts(store) == before
    assert store.run(invoices.request_issue, note["id"])["status"] == "pending_issue"


def test_a_credit_note_by_lines_negates_them_with_symmetric_rounding(store):
    c = chain.customer(store)
    inv = chain.issued_invoice(store, c["id"], 10_000, due_on="2026-12-31", number="INV-3")
    as_role(store, "finance")
    note = store.run(invoices.create_credit_note, inv["id"], reason="returned parts", lines=[
        {"description": "Returned unit", "unit_price_minor": 1_000, "tax_rate_bp": 1300},
        # 0.05 at 10% tax = -0.005 -> -0.01: half away from zero, as a sale would round +0.01
        {"description": "Returned washer", "unit_price_minor": 5, "tax_rate_bp": 1000}])
    assert [(l["net_minor"], l["tax_minor"], l["total_minor"]) for l in lines_of(store, note["id"])] == \
        [(-1_000, -130, -1_130), (-5, -1, -6)]
    assert (note["total_minor"], note["tax_minor"]) == (-1_136, -131)


def test_only_finance_credits_and_only_issued_invoices(store):
    c = chain.customer(store)
    draft = store.run(invoices.create_invoice, {"customer_id": c["id"], "total_minor": 5_000})
    issued = chain.issued_invoice(store, c["id"], 5_000, due_on="2026-12-31", number="INV-4")
    as_role(store, "rep")
    with pytest.raises(PermissionDenied):
        store.run(invoices.create_credit_note, issued["id"], amount_minor=100, reason="goodwill")
    as_role(store, "finance")
    with pytest.raises(ValidationError):
        store.run(invoices.create_credit_note, draft["id"], amount_minor=100, reason="goodwill")


def test_records_add_invoice_goes_through_the_service(store):
    c = chain.customer(store)
    with store.unit() as uow:
        inv = records.add(uow, "invoice", {"customer_id": c["id"], "total_minor": 8_800, "tax_minor": 800})
        [line] = invoices.invoice_lines(uow, inv["id"])
        assert (line["net_minor"], line["tax_minor"], line["tax_rate_bp"]) == (8_000, 800, 1000)
        with pytest.raises(ValidationError):
            records.edit(uow, "invoice", inv["id"], {"total_minor": 1})
