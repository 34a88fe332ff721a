"""Payments: recorded by finance, allocated oldest first or explicitly, partial or full,
never beyond what is open or unallocated; the remainder stays visible."""
from __future__ import annotations

import pytest

from app.errors import Immutable, PermissionDenied, ValidationError
from app.services import invoices, payments, records
from tests.conftest import as_role
from tests.foundation import chain


@pytest.fixture
def book(store):
    """A customer with three issued invoices: 100.00 due Dec 1, 50.00 due Nov 15, 80.00 due Jan 10."""
    c = chain.customer(store)
    docs = {
        "dec": chain.issued_invoice(store, c["id"], 10_000, due_on="2026-12-01", number="INV-1"),
        "nov": chain.issued_invoice(store, c["id"], 5_000, due_on="2026-11-15", number="INV-2"),
        "jan": chain.issued_invoice(store, c["id"], 8_000, due_on="2027-01-10", number="INV-3"),
    }
    as_role(store, "finance")
    return {"customer": c, **docs}


def pay(store, customer_id, amount, **values):
    return store.run(payments.record_payment, {"customer_id": customer_id, "amount_minor": amount,
                                               "method": "bank_transfer", "reference": "回单 0001", **values})


def invoice(store, record):
    return chain.get(store, "invoice", record["id"])


def test_a_rep_cannot_record_a_payment(store, book):
    as_role(store, "rep")
    before = chain.counts(store)
    with pytest.raises(PermissionDenied):
        pay(store, book["customer"]["id"], 1_000)
    with pytest.raises(PermissionDenied):  # nor through the records door or the unit of work
        store.run(lambda uow: uow.create("payment", {"customer_id": book["customer"]["id"], "amount_minor": 1,
                                                     "currency": "CNY"}))
    assert chain.counts(store) == before


def test_a_payment_is_recorded_with_defaults_and_a_checked_method(store, book):
    p = pay(store, book["customer"]["id"], 1_000)
    assert (p["currency"], p["allocated_minor"], p["method"]) == ("CNY", 0, "bank_transfer")
    assert p["received_on"]
    before = chain.counts(store)
    for bad in ({"method": "barter"}, {"amount_minor": 0}, {"currency": "XXX1"}):
        with pytest.raises(ValidationError):
            pay(store, book["customer"]["id"], 1_000, **bad)
    assert chain.counts(store) == before
    assert [m["op"] for m in chain.outbox(store, "payment", p["id"])] == ["create"]


def test_allocation_oldest_due_first_pays_in_full_then_partly(store, book):
    p = pay(store, book["customer"]["id"], 12_000)
    result = store.run(payments.allocate_payment, p["id"])
    # oldest due first: 50.00 (Nov 15) in full, then 70.00 of the 100.00 due Dec 1
    assert [(a["invoice_id"], a["amount_minor"]) for a in result["allocations"]] == \
        [(book["nov"]["id"], 5_000), (book["dec"]["id"], 7_000)]
    assert (result["payment"]["allocated_minor"], result["unallocated_minor"]) == (12_000, 0)
    assert (invoice(store, book["nov"])["status"], invoice(store, book["nov"])["paid_minor"]) == ("paid", 5_000)
    assert (invoice(store, book["dec"])["status"], invoice(store, book["dec"])["paid_minor"]) == \
        ("partially_paid", 7_000)
    assert invoice(store, book["jan"])["status"] == "issued"
    trail = chain.audit(store, "invoice", book["nov"]["id"])
    assert [(a["field"], a["new"]) for a in trail if a["action"] == "update"][-2:] == \
        [("paid_minor", 5_000), ("status", "paid")]


def test_explicit_allocation_and_the_unallocated_remainder(store, book):
    p = pay(store, book["customer"]["id"], 10_000)
    result = store.run(payments.allocate_payment, p["id"], [(book["jan"]["id"], 3_000),
                                                            {"invoice_id": book["jan"]["id"], "amount_minor": 1_000}])
    assert result["unallocated_minor"] == 6_000
    assert (invoice(store, book["jan"])["status"], invoice(store, book["jan"])["paid_minor"]) == \
        ("partially_paid", 4_000)
    assert store.run(payments.customer_unallocated, book["customer"]["id"]) == {"CNY": 6_000}
    store.run(payments.allocate_payment, p["id"], [(book["jan"]["id"], 4_000)])
    assert invoice(store, book["jan"])["status"] == "paid"
    assert store.run(payments.customer_unallocated, book["customer"]["id"]) == {"CNY": 2_000}


def test_over_allocation_is_refused_and_changes_nothing(store, book):
    p = pay(store, book["customer"]["id"], 6_000)
    other = chain.customer(store, name="另一家公司")
    foreign = chain.issued_invoice(store, other["id"], 1_000, due_on="2026-12-01", number="INV-9")
    usd = chain.issued_invoice(store, book["customer"]["id"], 1_000, due_on="2026-12-01", number="INV-10",
                               currency="USD")
    draft = store.run(invoices.create_invoice, {"customer_id": book["customer"]["id"], "total_minor": 500})
    before = chain.counts(store)
    for bad in ([(book["nov"]["id"], 5_001)],                                  # beyond the invoice's open amount
                [(book["dec"]["id"], 4_000), (book["jan"]["id"], 2_001)],      # beyond the payment
                [(book["nov"]["id"], 3_000), (book["nov"]["id"], 2_001)],      # the same invoice twice, too much
                [(foreign["id"], 100)], [(usd["id"], 100)], [(draft["id"], 100)],
                [(book["nov"]["id"], 0)], [("no-such-invoice", 100)]):
        with pytest.raises(ValidationError):
            store.run(payments.allocate_payment, p["id"], bad)
    assert chain.counts(store) == before
    assert invoice(store, book["nov"])["paid_minor"] == 0


def test_unallocating_moves_the_invoice_back(store, book):
    p = pay(store, book["customer"]["id"], 5_000)
    [allocation] = store.run(payments.allocate_payment, p["id"], [(book["nov"]["id"], 5_000)])["allocations"]
    assert invoice(store, book["nov"])["status"] == "paid"
    with pytest.raises(Immutable):
        store.run(payments.delete_payment, p["id"])
    store.run(payments.unallocate, allocation["id"])
    assert (invoice(store, book["nov"])["status"], invoice(store, book["nov"])["paid_minor"]) == ("issued", 0)
    assert chain.get(store, "payment", p["id"])["allocated_minor"] == 0
    assert chain.get(store, "payment_allocation", allocation["id"])["deleted_at"] is not None
    # the allocation never reached the server: its create and delete cancel out
    assert chain.outbox(store, "payment_allocation", allocation["id"]) == []
    store.run(payments.delete_payment, p["id"])


def test_a_credit_note_counts_toward_settling_an_invoice(store, book):
    note = store.run(invoices.create_credit_note, book["dec"]["id"], amount_minor=2_000, reason="discount agreed")
    store.run(invoices.request_issue, note["id"])
    chain.server_issues(store, note["id"], "CN-1")
    p = pay(store, book["customer"]["id"], 8_000)
    store.run(payments.allocate_payment, p["id"], [(book["dec"]["id"], 8_000)])
    assert invoice(store, book["dec"])["status"] == "paid"
    with pytest.raises(ValidationError):  # nothing is open any more
        store.run(payments.allocate_payment, pay(store, book["customer"]["id"], 1)["id"], [(book["dec"]["id"], 1)])


def test_the_records_door_allocates_and_unallocates(store, book):
    p = pay(store, book["customer"]["id"], 5_000)
    with store.unit() as uow:
        allocation = records.add(uow, "payment_allocation", {"payment_id": p["id"], "invoice_id": book["nov"]["id"],
                                                            "amount_minor": 2_500})
        assert uow.get("invoice", book["nov"]["id"])["status"] == "partially_paid"
        records.remove(uow, "payment_allocation", allocation["id"])
        assert uow.get("invoice", book["nov"]["id"])["status"] == "issued"
