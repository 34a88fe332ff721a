"""A small book for the dashboard tests, with its figures worked out by hand:

  reps Ann (team East) and Bob (team West), both reporting to the manager Mia
  d1 Ann  proposal     1,000.00  expected 2026-12-15
  d2 Ann  prospecting    500.00  expected 2027-01-10
  d3 Bob  proposal     2,000.00  expected 2026-12-20
  d4 Bob  negotiation  3,000.00  expected 2027-01-31
  d5 Ann  won            800.00  closed 2026-10-05
  d6 Bob  lost           400.00  closed 2026-10-20 (price)
  d7 Ann  won          1,200.00  closed 2026-11-02
  invoices: 甲公司 (Ann's) 1,000.00 due 2026-10-01, issued 2026-10-01; 乙公司 (Bob's) 300.00 due 2099-01-01

Funnel (all time): prospecting 1, qualification 0, proposal 2, negotiation 1, won 2, lost 1.
"""
from __future__ import annotations

import pytest

from app.services import deals, leads
from tests.foundation import chain


def _ts(day: str) -> str:
    return f"{day}T00:00:00Z"


@pytest.fixture
def book(store):
    ids = {}
    with store.unit() as uow:
        ids["mia"] = uow.create("user", {"username": "mia", "display_name": "Mia", "role": "manager",
                                         "team": "East"})["id"]
        for name, team in (("ann", "East"), ("bob", "West")):
            ids[name] = uow.create("user", {"username": name, "display_name": name.title(), "role": "rep",
                                            "team": team, "manager_id": ids["mia"]})["id"]
        ids["c_ann"] = uow.create("customer", {"name": "甲公司", "owner_id": ids["ann"]})["id"]
        ids["c_bob"] = uow.create("customer", {"name": "乙公司", "owner_id": ids["bob"]})["id"]

    def deal(key, owner, stage, amount, day, expected=None, closed=None, **outcome):
        customer = ids["c_ann"] if owner == "ann" else ids["c_bob"]
        with store.unit() as uow:
            first = "prospecting" if stage in ("won", "lost") else stage
            d = deals.create_deal(uow, {"customer_id": customer, "name": key, "owner_id": ids[owner],
                                        "stage": first, "amount_minor": amount,
                                        "expected_close": expected or closed}, at=_ts(day))
            if closed:
                deals.move_stage(uow, d["id"], stage, at=_ts(closed), closed_on=closed, **outcome)
        ids[key] = d["id"]

    deal("d1", "ann", "proposal", 100_000, "2026-09-01", "2026-12-15")
    deal("d2", "ann", "prospecting", 50_000, "2026-09-10", "2027-01-10")
    deal("d3", "bob", "proposal", 200_000, "2026-09-15", "2026-12-20")
    deal("d4", "bob", "negotiation", 300_000, "2026-08-01", "2027-01-31")
    deal("d5", "ann", "won", 80_000, "2026-09-01", closed="2026-10-05")
    deal("d6", "bob", "lost", 40_000, "2026-09-01", closed="2026-10-20", lost_reason="price")
    deal("d7", "ann", "won", 120_000, "2026-10-01", closed="2026-11-02")
    with store.unit() as uow:
        made = [leads.create_lead(uow, {"company_name": f"线索{i}", "source": "website"})["id"] for i in range(2)]
        leads.disqualify(uow, made[1], "没有预算")
    ids["i_ann"] = chain.issued_invoice(store, ids["c_ann"], 100_000, due_on="2026-10-01", number="INV-1")["id"]
    ids["i_bob"] = chain.issued_invoice(store, ids["c_bob"], 30_000, due_on="2099-01-01", number="INV-2")["id"]
    return ids
