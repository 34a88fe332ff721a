"""Invoices are numbered by the server (gapless, unique, even under concurrent requests);
issued invoices and recorded payments never change."""
from __future__ import annotations

import datetime as dt
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.server.conftest import company, create, update


def _draft(api, customer_id: str, series: str, **extra) -> tuple[str, int]:
    m = create("invoice", {"customer_id": customer_id, "total_minor": 10000, "currency": "CNY",
                           "series": series, **extra})
    result = api.push_one(m)
    assert result["status"] == "applied", result
    return m["record_id"], result["version"]


@pytest.fixture
def customer(finance) -> str:
    m = create("customer", {"name": company()})
    finance.push_one(m)
    return m["record_id"]


def _series() -> str:
    return "T" + uuid.uuid4().hex[:6].upper()


def test_finance_issues_the_next_number_of_the_series(finance, customer):
    series = _series()
    first, _ = _draft(finance, customer, series)
    second, _ = _draft(finance, customer, series, due_on="2099-01-31")
    year = dt.date.today().year
    a = finance.post(f"/invoices/{first}/issue").json()
    b = finance.post(f"/invoices/{second}/issue").json()
    assert (a["number"], b["number"]) == (f"{series}-{year}-000001", f"{series}-{year}-000002")
    assert a["status"] == "issued" and a["issued_on"] == dt.date.today().isoformat()
    assert a["due_on"] == (dt.date.today() + dt.timedelta(days=30)).isoformat()
    assert b["due_on"] == "2099-01-31"
    held = finance.records()[first]
    assert held["version"] == a["version"] and held["data"]["number"] == a["number"]
    again = finance.post(f"/invoices/{first}/issue").json()
    assert again["number"] == a["number"] and again["already_issued"] is True


def test_only_the_server_issues_and_an_issued_invoice_never_changes(finance, customer):
    invoice_id, v = _draft(finance, customer, _series())
    by_push = finance.push(
        update("invoice", invoice_id, v, {"status": "draft"}, {"status": "issued"}),
        update("invoice", invoice_id, v, {"number": None}, {"number": "FAKE-1"}))
    assert [r["error"]["code"] for r in by_push] == ["invalid_transition", "permission_denied"]
    issued = finance.post(f"/invoices/{invoice_id}/issue").json()
    edit = finance.push_one(update("invoice", invoice_id, issued["version"], {"total_minor": 10000},
                                   {"total_minor": 1}))
    assert edit["status"] == "rejected" and edit["error"]["code"] == "immutable"


def test_a_rep_may_draft_but_not_issue(server, finance):
    rep = server.client("rep")
    m = create("customer", {"name": company()})
    rep.push_one(m)
    invoice_id, _ = _draft(rep, m["record_id"], _series())
    r = rep.post(f"/invoices/{invoice_id}/issue")
    assert r.status_code == 403 and r.json()["error"]["code"] == "permission_denied"
    assert finance.post("/invoices/no-such-invoice/issue").status_code == 404


def test_a_recorded_payment_is_immutable(finance, customer):
    payment = create("payment", {"customer_id": customer, "amount_minor": 5000, "currency": "CNY",
                                 "method": "bank_transfer"})
    v = finance.push_one(payment)["version"]
    result = finance.push_one(update("payment", payment["record_id"], v, {"amount_minor": 5000},
                                     {"amount_minor": 6000}))
    assert result["error"]["code"] == "immutable"


def test_twenty_concurrent_issues_get_twenty_consecutive_numbers(server, finance, customer):
    series = _series()
    drafts = [_draft(finance, customer, series)[0] for _ in range(20)]
    others = [server.client("finance") for _ in range(3)]

    def issue(i):
        api = (finance, *others)[i % 4]
        r = api.post(f"/invoices/{drafts[i]}/issue")
        assert r.status_code == 200, r.text
        return r.json()["number"]

    with ThreadPoolExecutor(20) as pool:
        numbers = list(pool.map(issue, range(20)))
    year = dt.date.today().year
    assert sorted(numbers) == [f"{series}-{year}-{n:06d}" for n in range(1, 21)]
