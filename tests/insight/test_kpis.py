"""Each metric on a small data set whose figures are worked out by hand in the comments.

As of 2026-06-30, period Q2 (2026-04-01 to 2026-06-30), reps Ann (team East) and Bob
(team West), one product P1, amounts in CNY minor units:

  d1 Ann P1  prospecting 03-01 -> qualification 03-11 -> proposal 04-01 -> won 04-21   1,000.00
  d2 Bob     qualification 05-01 -> won 06-10                                         3,000.00
  d3 Ann P1  prospecting 04-05 -> lost 05-05 (price)                                     500.00
  d4 Bob     prospecting 03-01 -> lost 03-15 (outside the period)                        700.00
  d5 Ann     proposal since 06-25, expects 06-20 (50%)                                 2,000.00
  d6 Bob     negotiation since 05-01, expects 08-10 (75%), a call done 06-20           4,000.00
  d7 Ann     qualification since 04-01, nothing since                                  no amount
  d8 Ann     prospecting since 01-10, a visit done 05-01 (too long ago)                no amount
  d9 Ann     prospecting since 02-01, a task due 07-05 (scheduled: not stuck)          no amount
"""
from __future__ import annotations

import datetime as dt

import pytest

from app import clock
from app.reports import ReportFilter, compute, compute_store, export
from app.reports.drill import record_ids
from app.services import activities, deals, leads, quotas
from tests.conftest import as_role

Q2 = ReportFilter(date_from="2026-04-01", date_to="2026-06-30")


def ts(day: str) -> str:
    return f"{day}T00:00:00Z"


@pytest.fixture
def book(store):
    """The data set above; returns names -> ids."""
    ids = {}
    with store.unit() as uow:
        for name, team in (("ann", "East"), ("bob", "West")):
            ids[name] = uow.create("user", {"username": name, "display_name": name.title(), "role": "rep",
                                            "team": team})["id"]
        ids["c1"] = uow.create("customer", {"name": "甲公司", "owner_id": ids["ann"]})["id"]
        ids["p1"] = uow.create("product", {"name": "P1"})["id"]

    def deal(key, owner, path, amount=None, product=None, expected=None, **outcome):
        (first_stage, first_day), *moves = path
        values = {"customer_id": ids["c1"], "name": key, "owner_id": ids[owner], "stage": first_stage,
                  "amount_minor": amount, "product_id": product and ids[product], "expected_close": expected}
        with store.unit() as uow:
            d = deals.create_deal(uow, {k: v for k, v in values.items() if v is not None}, at=ts(first_day))
            for stage, day in moves:
                extra = {"closed_on": day, **outcome} if stage in ("won", "lost") else {}
                if stage in ("proposal", "won") and not expected:
                    extra["expected_close"] = day
                deals.move_stage(uow, d["id"], stage, at=ts(day), **extra)
        ids[key] = d["id"]

    deal("d1", "ann", [("prospecting", "2026-03-01"), ("qualification", "2026-03-11"), ("proposal", "2026-04-01"),
                       ("won", "2026-04-21")], 100_000, "p1")
    deal("d2", "bob", [("qualification", "2026-05-01"), ("won", "2026-06-10")], 300_000)
    deal("d3", "ann", [("prospecting", "2026-04-05"), ("lost", "2026-05-05")], 50_000, "p1", lost_reason="price")
    deal("d4", "bob", [("prospecting", "2026-03-01"), ("lost", "2026-03-15")], 70_000, lost_reason="price")
    deal("d5", "ann", [("proposal", "2026-06-25")], 200_000, expected="2026-06-20")
    deal("d6", "bob", [("negotiation", "2026-05-01")], 400_000, expected="2026-08-10")
    deal("d7", "ann", [("qualification", "2026-04-01")])
    deal("d8", "ann", [("prospecting", "2026-01-10")])
    deal("d9", "ann", [("prospecting", "2026-02-01")])
    with store.unit() as uow:
        activities.log_activity(uow, "call", "跟进", deal_id=ids["d6"], done_at=ts("2026-06-20"))
        activities.log_activity(uow, "visit", "拜访", deal_id=ids["d8"], done_at=ts("2026-05-01"))
        activities.create_task(uow, "准备方案", ts("2026-07-05"), deal_id=ids["d9"])
        for month in ("2026-04", "2026-05", "2026-06"):
            quotas.set_quota(uow, {"user_id": ids["ann"], "period": month, "amount_minor": 100_000})
        quotas.set_quota(uow, {"user_id": ids["bob"], "period": "2026-06", "amount_minor": 500_000})
    return ids


def report(store, f=Q2, **kwargs):
    with store.read() as s:
        return compute(s, f, dictionary=store.dictionary(), **kwargs)["metrics"]


def by(rows, key):
    return {r[key]: r for r in rows}


def test_funnel_counts_open_deals_now_and_deals_closed_in_the_period(store, book):
    funnel = by(report(store)["pipeline_funnel"]["rows"], "stage")
    counts = {st: (r["count"], r["amount_minor"]) for st, r in funnel.items()}
    assert counts == {"prospecting": (2, 0), "qualification": (1, 0), "proposal": (1, 200_000),
                      "negotiation": (1, 400_000), "won": (2, 400_000), "lost": (1, 50_000)}  # d4 closed in March


def test_forecast_weights_each_month_by_probability(store, book):
    forecast = report(store, ReportFilter(as_of="2026-06-30"))["weighted_forecast"]
    assert [(r["month"], r["count"], r["amount_minor"], r["weighted_minor"]) for r in forecast["rows"]] == [
        ("2026-06", 1, 200_000, 100_000),   # 50% of d5
        ("2026-08", 1, 400_000, 300_000)]   # 75% of d6
    assert forecast["undated"] == {"count": 3, "amount_minor": 0, "weighted_minor": 0}
    assert forecast["total_weighted_minor"] == 400_000
    # With the period, only June is in it.
    assert [r["month"] for r in report(store)["weighted_forecast"]["rows"]] == ["2026-06"]


def test_win_rate_by_count_and_value_overall_and_by_rep_team_product_and_month(store, book):
    win = report(store)["win_rate"]
    assert (win["won"], win["lost"], win["win_rate_count"], win["win_rate_value"]) == (2, 1, 0.6667, 0.8889)
    reps = by(win["by"]["rep"], "rep")
    assert (reps["Ann"]["win_rate_count"], reps["Ann"]["win_rate_value"]) == (0.5, 0.6667)  # 1,000 / 1,500
    assert (reps["Bob"]["won"], reps["Bob"]["lost"], reps["Bob"]["win_rate_count"]) == (1, 0, 1.0)
    assert by(win["by"]["team"], "team")["East"]["lost"] == 1 and by(win["by"]["team"], "team")["West"]["won"] == 1
    products = by(win["by"]["product"], "product")
    assert (products["P1"]["won"], products["P1"]["lost"]) == (1, 1) and products["(no product)"]["won"] == 1
    assert [(m["month"], m["won"], m["lost"]) for m in win["by"]["month"]] == [
        ("2026-04", 1, 0), ("2026-05", 0, 1), ("2026-06", 1, 0)]


def test_sales_cycle_from_opening_to_won_and_days_per_stage(store, book):
    cycle = report(store)["sales_cycle"]
    assert (cycle["won_deals"], cycle["average_days"]) == (2, 45.5)  # d1 51 days, d2 40 days
    assert {r["stage"]: (r["deals"], r["average_days"]) for r in cycle["rows"]} == {
        "prospecting": (1, 10.0), "qualification": (2, 30.5), "proposal": (1, 20.0)}  # (21 + 40) / 2


def test_stage_aging_buckets_open_deals_by_days_in_their_stage(store, book):
    aging = report(store)["stage_aging"]
    filled = {(r["stage"], r["age_days"]): r["count"] for r in aging["rows"] if r["count"]}
    # d5 5 days, d6 60 days, d7 90 days, d8 171 and d9 149 days.
    assert filled == {("proposal", "0-7"): 1, ("negotiation", "31-60"): 1, ("qualification", "61-90"): 1,
                      ("prospecting", "90+"): 2}


def test_stuck_deals_have_no_stage_change_and_no_recent_or_scheduled_activity(store, book):
    stuck = report(store)["stuck_deals"]
    assert [(d["name"], d["days_in_stage"]) for d in stuck["oldest"]] == [("d8", 171), ("d7", 90)]
    assert (stuck["count"], stuck["rows"][0]["owner"]) == (2, "Ann")
    with store.read() as s:
        assert sorted(record_ids(s, stuck["rows"][0]["drill"], dictionary=store.dictionary())) == \
            sorted([book["d7"], book["d8"]])
    # Over 60 days d8's visit of 05-01 counts as activity: only d7 is stuck.
    longer = report(store, ReportFilter(date_to="2026-06-30", stuck_days=60))["stuck_deals"]
    assert [d["name"] for d in longer["oldest"]] == ["d7"]


def test_coverage_against_monthly_quotas_per_rep(store, book):
    cov = report(store)["pipeline_coverage"]
    reps = {r["rep"]: r for r in cov["rows"]}
    assert (reps["Ann"]["quota_minor"], reps["Ann"]["won_minor"], reps["Ann"]["open_minor"]) == (300_000, 100_000,
                                                                                                  200_000)
    assert (reps["Ann"]["coverage"], reps["Ann"]["attainment"]) == (1.0, 0.3333)  # 2,000 / (3,000 - 1,000)
    assert (reps["Bob"]["coverage"], reps["Bob"]["attainment"]) == (0.0, 0.6)
    assert (cov["total"]["coverage"], cov["total"]["attainment"]) == (0.5, 0.5)


def test_filters_narrow_every_metric_to_a_rep_a_team_or_a_product(store, book):
    ann = report(store, ReportFilter(date_from="2026-04-01", date_to="2026-06-30", rep=book["ann"]))
    assert (ann["win_rate"]["won"], ann["win_rate"]["lost"]) == (1, 1)
    assert by(ann["pipeline_funnel"]["rows"], "stage")["negotiation"]["count"] == 0
    west = report(store, ReportFilter(date_from="2026-04-01", date_to="2026-06-30", team="West"))
    assert west["sales_cycle"]["won_deals"] == 1 and west["sales_cycle"]["average_days"] == 40.0
    p1 = report(store, ReportFilter(date_from="2026-04-01", date_to="2026-06-30", product_id=book["p1"]))
    assert (p1["win_rate"]["won"], p1["win_rate"]["lost"]) == (1, 1)
    assert p1["pipeline_funnel"]["open_count"] == 0


def test_drill_down_lists_exactly_the_deals_a_bar_counts(store, book):
    metrics = report(store)
    with store.read() as s:
        for metric in ("pipeline_funnel", "stage_aging"):
            for row in metrics[metric]["rows"]:
                assert len(record_ids(s, row["drill"], dictionary=store.dictionary())) == row["count"]


def test_parallel_and_sequential_computation_agree(store, book):
    assert compute_store(store, Q2)["metrics"] == report(store)


def test_each_metric_exports_its_data_to_csv_and_xlsx(store, book, tmp_path):
    import csv

    from openpyxl import load_workbook

    win = report(store)["win_rate"]
    export(win, tmp_path / "win.csv")
    rows = list(csv.reader(open(tmp_path / "win.csv", encoding="utf-8-sig")))
    assert rows[0] == ["month", "won", "lost", "won (CNY)", "lost (CNY)", "win_rate_count", "win_rate_value"]
    assert rows[1] == ["2026-04", "1", "0", "1000.0", "0.0", "1.0", "1.0"]
    export(win, tmp_path / "win.xlsx")
    sheet = load_workbook(tmp_path / "win.xlsx").active
    assert sheet.title == "Win rate" and sheet["D2"].value == 1000.0 and sheet["A4"].value == "2026-06"


@pytest.fixture
def on_day(monkeypatch):
    """Set the clock the services stamp records with."""
    def set_day(day: str):
        moment = dt.datetime.fromisoformat(day).replace(tzinfo=dt.timezone.utc, hour=9)
        monkeypatch.setattr(clock, "now", lambda: moment)
    return set_day


def test_lead_conversion_of_leads_created_in_the_period(store, on_day):
    on_day("2026-05-10")
    with store.unit() as uow:
        made = [leads.create_lead(uow, {"company_name": f"线索{i}", "source": source})["id"]
                for i, source in enumerate(["website", "website", "referral", "referral"])]
        leads.qualify(uow, made[0])
        leads.convert(uow, made[0])
        leads.disqualify(uow, made[1], "没有预算")
        leads.start_work(uow, made[2])
    on_day("2026-08-01")
    store.run(leads.create_lead, {"company_name": "later", "source": "website"})
    conv = report(store)["lead_conversion"]
    assert (conv["leads"], conv["converted"], conv["disqualified"], conv["open"]) == (4, 1, 1, 2)
    assert (conv["conversion_rate"], conv["decided_conversion_rate"]) == (0.25, 0.5)
    sources = by(conv["rows"], "source")
    assert (sources["website"]["conversion_rate"], sources["referral"]["conversion_rate"]) == (0.5, 0.0)


def test_cash_metrics_from_quote_to_payment(store, on_day):
    """Quote 01-02, order signed 01-05, invoice I1 (1,000.00, due 02-09) issued 01-10 and paid
    600.00 on 02-01 and 400.00 on 04-15; I2 (500.00, due 03-31) issued 03-01, credited 100.00
    on 03-20. Q1 is 90 days: sales 1,400.00; open on 03-31: 400.00 + 400.00."""
    from app.services import invoices, orders, payments, quotes
    from tests.foundation import chain

    on_day("2026-01-02")
    customer = chain.customer(store)
    deal = chain.deal(store, customer["id"])
    quote = chain.quote(store, deal["id"], [chain.line(100_000)])
    store.run(quotes.send_quote, quote["id"])
    store.run(quotes.accept_quote, quote["id"])
    on_day("2026-01-05")
    order = store.run(orders.create_order, {"quote_id": quote["id"], "number": "SO-1", "signed_on": "2026-01-05"})
    [milestone] = chain.rows(store, "billing_milestone", order_id=order["id"])
    as_role(store, "finance")
    i1 = store.run(invoices.draft_invoice_from_milestone, milestone["id"], due_on="2026-02-09")
    store.run(invoices.request_issue, i1["id"])
    chain.server_issues(store, i1["id"], "INV-1", issued_on="2026-01-10")
    i2 = store.run(invoices.create_invoice, {"customer_id": customer["id"], "due_on": "2026-03-31"},
                   lines=[{"description": "服务费", "unit_price_minor": 50_000}])
    store.run(invoices.request_issue, i2["id"])
    chain.server_issues(store, i2["id"], "INV-2", issued_on="2026-03-01")
    note = store.run(invoices.create_credit_note, i2["id"], amount_minor=10_000, reason="折让")
    store.run(invoices.request_issue, note["id"])
    chain.server_issues(store, note["id"], "CN-1", issued_on="2026-03-20")
    for amount, day in ((60_000, "2026-02-01"), (40_000, "2026-04-15")):
        pay = store.run(payments.record_payment, {"customer_id": customer["id"], "amount_minor": amount,
                                                  "received_on": day})
        store.run(payments.allocate_payment, pay["id"], [(i1["id"], amount)])
    q1 = report(store, ReportFilter(date_from="2026-01-01", date_to="2026-03-31", currency="CNY"))
    dso = q1["dso"]
    assert (dso["sales_minor"], dso["receivables_minor"], dso["days"]) == (140_000, 80_000, 90)
    assert dso["dso_days"] == 51.4  # 800 / 1,400 x 90
    aging = {r["bucket"]: (r["count"], r["amount_minor"]) for r in q1["receivables_aging"]["rows"]}
    assert aging["31-60"] == (1, 40_000) and aging["not due"] == (1, 40_000)  # I1 is 50 days late
    legs = {r["leg"]: (r["count"], r["average_days"])
            for r in report(store, ReportFilter(currency="CNY"))["quote_to_cash"]["rows"]}
    # The order is invoiced in full by I1 and settled by the payment of 04-15: 103 days from the quote.
    assert legs == {"quote_to_order": (1, 3.0), "order_to_invoice": (1, 5.0), "invoice_to_cash": (1, 95.0),
                    "quote_to_cash": (1, 103.0)}
