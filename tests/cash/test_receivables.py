"""Receivables on hand-worked dates: aging buckets, per customer and overall, unallocated
money, the oldest-first allocation proposal, and the collections list with its reminders."""
from __future__ import annotations

import datetime as dt

import pytest

from app import clock
from app.errors import ValidationError
from app.queries import collections as collection_list
from app.queries import receivables
from app.services import collections, customers, invoices, payments
from tests.conftest import as_role
from tests.foundation import chain

AS_OF = "2026-12-31"
# due date -> (amount, bucket as of AS_OF), worked out by hand
DUE = {
    "2027-01-10": (1_00, "current"),   # due in 10 days
    "2026-12-31": (2_00, "current"),   # due today is not late
    "2026-12-30": (4_00, "1_30"),      # 1 day late
    "2026-12-01": (8_00, "1_30"),      # 30 days
    "2026-11-30": (16_00, "31_60"),    # 31 days
    "2026-11-01": (32_00, "31_60"),    # 60 days
    "2026-10-31": (64_00, "61_90"),    # 61 days
    "2026-10-02": (128_00, "61_90"),   # 90 days
    "2026-10-01": (256_00, "over_90"),  # 91 days
}


@pytest.fixture
def book(store):
    """One customer with an invoice per due date above, one paid off, one half paid, one
    partly credited; another customer in USD; a draft that must not count."""
    a = chain.customer(store, name="甲公司")
    b = chain.customer(store, name="乙公司", currency="USD")
    made = {}
    for n, (due, (amount, _)) in enumerate(DUE.items(), start=1):
        made[due] = chain.issued_invoice(store, a["id"], amount, due_on=due, number=f"INV-{n}")
    paid = chain.issued_invoice(store, a["id"], 999_00, due_on="2026-09-01", number="INV-PAID")
    usd = chain.issued_invoice(store, b["id"], 50_00, due_on="2026-12-15", number="INV-USD", currency="USD")
    as_role(store, "finance")
    store.run(invoices.create_invoice, {"customer_id": a["id"], "due_on": "2026-01-01"},
              lines=[{"description": "draft", "unit_price_minor": 7_777_00}])
    p = store.run(payments.record_payment, {"customer_id": a["id"], "amount_minor": 999_00 + 64_00,
                                            "received_on": "2026-12-01"})
    store.run(payments.allocate_payment, p["id"], [(paid["id"], 999_00), (made["2026-10-02"]["id"], 64_00)])
    note = store.run(invoices.create_credit_note, made["2026-10-01"]["id"], amount_minor=56_00, reason="折让")
    chain.server_issues(store, note["id"], "CN-1")
    extra = store.run(payments.record_payment, {"customer_id": a["id"], "amount_minor": 30_00})
    as_role(store, "rep")
    return {"a": a, "b": b, "invoices": made, "usd": usd, "unallocated_payment": extra}


@pytest.mark.parametrize(("days", "bucket"), [(-5, "current"), (0, "current"), (1, "1_30"), (30, "1_30"),
                                              (31, "31_60"), (60, "31_60"), (61, "61_90"), (90, "61_90"),
                                              (91, "over_90"), (400, "over_90")])
def test_days_past_due_fall_in_their_bucket(days, bucket):
    assert receivables.bucket_of(days) == bucket


def test_each_open_invoice_ages_into_its_bucket_as_of_a_date(store, book):
    with store.read() as s:
        items = {i["number"]: i for i in receivables.open_items(s, AS_OF, customer_id=book["a"]["id"])}
    assert "INV-PAID" not in items and len(items) == len(DUE)
    for n, (due, (amount, bucket)) in enumerate(DUE.items(), start=1):
        item = items[f"INV-{n}"]
        assert item["bucket"] == bucket, due
        assert item["days_past_due"] == (dt.date(2026, 12, 31) - dt.date.fromisoformat(due)).days
        assert item["overdue"] == (bucket != "current")
    assert items["INV-8"]["open_minor"] == 128_00 - 64_00  # half paid
    assert items["INV-9"]["open_minor"] == 256_00 - 56_00  # partly credited


def test_aging_sums_per_bucket_per_customer_and_overall_never_across_currencies(store, book):
    with store.read() as s:
        report = receivables.aging(s, AS_OF)
    cny = report["totals"]["CNY"]
    assert cny == {"current": 3_00, "1_30": 12_00, "31_60": 48_00, "61_90": 64_00 + 64_00, "over_90": 200_00,
                   "total": 3_00 + 12_00 + 48_00 + 128_00 + 200_00, "overdue": 12_00 + 48_00 + 128_00 + 200_00}
    assert report["totals"]["USD"]["1_30"] == 50_00 and report["totals"]["USD"]["total"] == 50_00
    first = report["customers"][0]
    assert (first["customer_name"], first["currency"], first["oldest_days_past_due"]) == ("甲公司", "CNY", 91)
    assert first["unallocated_minor"] == 30_00
    assert [r["customer_name"] for r in report["customers"]] == ["甲公司", "乙公司"]


def test_one_customers_receivables_show_overdue_invoices_and_money_not_yet_allocated(store, book):
    with store.read() as s:
        mine = receivables.customer_receivables(s, book["a"]["id"], AS_OF)
        later = receivables.customer_receivables(s, book["a"]["id"], "2027-06-30")
    assert mine["aging"]["CNY"]["total"] == 391_00
    assert sorted(i["number"] for i in mine["overdue_invoices"]) == [f"INV-{n}" for n in range(3, 10)]
    assert mine["unallocated"] == {"CNY": 30_00}
    assert [p["id"] for p in mine["payments_with_remainder"]] == [book["unallocated_payment"]["id"]]
    assert later["aging"]["CNY"]["current"] == 0 and len(later["overdue_invoices"]) == 9


def test_overdue_invoices_come_most_days_late_first(store, book):
    with store.read() as s:
        late = receivables.overdue_invoices(s, AS_OF)
    assert [i["days_past_due"] for i in late] == sorted((i["days_past_due"] for i in late), reverse=True)
    assert late[0]["number"] == "INV-9" and {i["currency"] for i in late} == {"CNY", "USD"}


def test_a_payment_is_proposed_oldest_due_first_and_the_rest_stays_unallocated(store, book):
    as_role(store, "finance")
    p = store.run(payments.record_payment, {"customer_id": book["a"]["id"], "amount_minor": 250_00})
    with store.read() as s:
        proposal = receivables.suggested_allocation(s, p["id"])
    # INV-9 (due first) has 200.00 open after its credit note, INV-8 64.00 after the half payment.
    assert [(l["number"], l["amount_minor"]) for l in proposal["lines"]] == [("INV-9", 200_00), ("INV-8", 50_00)]
    assert proposal["remainder_minor"] == 0 and proposal["unallocated_minor"] == 250_00
    big = store.run(payments.record_payment, {"customer_id": book["a"]["id"], "amount_minor": 10_000_00})
    with store.read() as s:
        proposal = receivables.suggested_allocation(s, big["id"])
    assert sum(l["amount_minor"] for l in proposal["lines"]) == 391_00
    assert proposal["remainder_minor"] == 10_000_00 - 391_00
    # The proposal is what the allocation service accepts as it stands.
    result = store.run(payments.allocate_payment, big["id"],
                       [(l["invoice_id"], l["amount_minor"]) for l in proposal["lines"]])
    assert result["unallocated_minor"] == proposal["remainder_minor"]


def test_the_collections_list_names_the_contact_to_call_and_the_last_reminder(store, book):
    contact = store.run(customers.create_contact, {"customer_id": book["a"]["id"], "name": "李会计",
                                                   "phone": "13800138000", "is_primary": True})
    store.run(customers.create_contact, {"customer_id": book["a"]["id"], "name": "张三"})
    oldest = book["invoices"]["2026-10-01"]
    with store.read() as s:
        before = {i["id"]: i for i in collection_list.collections(s, AS_OF)}
    assert book["invoices"]["2027-01-10"]["id"] not in before  # not yet due: not chased
    row = before[oldest["id"]]
    assert (row["contact_name"], row["contact_phone"]) == ("李会计", "+8613800138000")
    assert row["last_reminder_at"] is None and row["reminder_due"] and row["reminders"] == 0
    reminder = store.run(collections.log_reminder, oldest["id"], note="答应下周付款")
    assert reminder["kind"] == "reminder" and reminder["invoice_id"] == oldest["id"]
    assert reminder["customer_id"] == book["a"]["id"] and reminder["contact_id"] == contact["id"]
    assert "INV-9" in reminder["subject"] and "200.00 CNY open" in reminder["subject"]
    now = clock.parse_datetime(reminder["done_at"])
    with store.read() as s:
        after = {i["id"]: i for i in collection_list.collections(s, AS_OF, now=clock.format_datetime(now))}
        a_week_on = {i["id"]: i for i in collection_list.collections(
            s, AS_OF, now=clock.format_datetime(now + dt.timedelta(hours=169)))}
    row = after[oldest["id"]]
    assert row["last_reminder_at"] == reminder["done_at"] and row["reminders"] == 1
    assert not row["reminder_due"] and after[book["invoices"]["2026-12-30"]["id"]]["reminder_due"]
    assert a_week_on[oldest["id"]]["reminder_due"]  # past the collection step's 168 h target


def test_a_reminder_is_only_logged_on_an_issued_open_invoice_and_changes_nothing_else(store, book):
    as_role(store, "finance")
    draft = store.run(invoices.create_invoice, {"customer_id": book["a"]["id"]},
                      lines=[{"description": "x", "unit_price_minor": 100}])
    before = chain.counts(store)
    with pytest.raises(ValidationError):
        store.run(collections.log_reminder, draft["id"])
    other = store.run(customers.create_contact, {"customer_id": book["b"]["id"], "name": "Bob"})
    with pytest.raises(ValidationError):
        store.run(collections.log_reminder, book["invoices"]["2026-10-01"]["id"], contact_id=other["id"])
    assert chain.counts(store)["activity"] == before["activity"]
