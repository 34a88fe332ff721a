"""List queries: ordering and filtering in SQL, saved filters, the board's totals, CSV export."""
from __future__ import annotations

import csv
import datetime as dt

from app import clock
from app.queries import activities, customers, dashboard, deals, export, listing, sync_status
from app.services import activities as activity_services
from app.services import customers as customer_services
from app.services import deals as deal_services


def params(store):
    return listing.filter_params(store.actor().id)


def test_customer_list_is_ordered_in_sql_and_quick_filtered(store):
    for name in ("乙公司", "Alpha Ltd", "甲公司", "beta gmbh"):
        store.run(customer_services.create_customer, {"name": name}, allow_duplicate=True)
    with store.read() as s:
        ids = listing.list_ids(s, customers.LIST, params=params(store))
        rows = listing.fetch_rows(s, customers.LIST, ids)
        names = [rows[i][0] for i in ids]
        assert names == sorted(names)
        desc = listing.list_ids(s, customers.LIST, params=params(store), descending=True)
        assert desc == ids[::-1]
        only = listing.list_ids(s, customers.LIST, params=params(store), quick="公司")
        assert {rows[i][0] for i in only} == {"乙公司", "甲公司"}
        total, first, first_rows = listing.first_page(s, customers.LIST, params=params(store), size=2)
        assert (total, first) == (4, ids[:2]) and set(first_rows) == set(ids[:2])


def test_no_activity_in_90_days_filter(store):
    quiet = store.run(customer_services.create_customer, {"name": "安静公司"})
    busy = store.run(customer_services.create_customer, {"name": "活跃公司"})
    store.run(activity_services.log_activity, "call", "回访", customer_id=busy["id"])
    old = (clock.now() - dt.timedelta(days=120)).strftime("%Y-%m-%dT%H:%M:%SZ")
    store.run(activity_services.log_activity, "call", "很久以前", customer_id=quiet["id"], done_at=old)
    with store.read() as s:
        ids = listing.list_ids(s, customers.LIST, params=params(store), filter_key="no_activity_90")
    assert ids == [quiet["id"]]


def test_tasks_due_this_week_and_my_open_deals(store):
    c = store.run(customer_services.create_customer, {"name": "任务公司"})
    soon = clock.now() + dt.timedelta(hours=1)
    later = clock.now() + dt.timedelta(days=30)
    due = store.run(activity_services.create_task, "明天回电", soon, customer_id=c["id"])
    store.run(activity_services.create_task, "下月拜访", later, customer_id=c["id"])
    open_deal = store.run(deal_services.create_deal, {"customer_id": c["id"], "name": "开放"})
    won = store.run(deal_services.create_deal, {"customer_id": c["id"], "name": "赢单", "stage": "won",
                                                "amount_minor": 100, "expected_close": "2026-01-01"})
    with store.read() as s:
        assert listing.list_ids(s, activities.LIST, params=params(store), filter_key="tasks_due_week") == [due["id"]]
        my_open = listing.list_ids(s, deals.LIST, params=params(store), filter_key="my_open")
    assert open_deal["id"] in my_open and won["id"] not in my_open


def test_board_counts_totals_and_weights_each_stage(store):
    c = store.run(customer_services.create_customer, {"name": "看板公司"})
    for amount in (100_00, 300_00):
        store.run(deal_services.create_deal, {"customer_id": c["id"], "name": f"提案{amount}", "stage": "proposal",
                                               "amount_minor": amount, "expected_close": "2026-12-31"})
    store.run(deal_services.create_deal, {"customer_id": c["id"], "name": "初步"})
    with store.read() as s:
        board = deals.board(s, me=store.actor().id)
    proposal = board["proposal"]
    assert proposal["count"] == 2
    assert proposal["totals"] == {"CNY": 400_00}
    assert proposal["weighted"] == {"CNY": 200_00}  # the dictionary's 50% for proposal
    assert [card["amount_minor"] for card in proposal["cards"]] == [300_00, 100_00]
    assert board["prospecting"]["count"] == 1


def test_dashboard_summary_counts_my_deals_and_overdue_tasks(store):
    c = store.run(customer_services.create_customer, {"name": "首页公司"})
    store.run(deal_services.create_deal, {"customer_id": c["id"], "name": "我的", "amount_minor": 5_00})
    store.run(activity_services.create_task, "过期", clock.now() - dt.timedelta(days=1), customer_id=c["id"])
    p = params(store)
    with store.read() as s:
        summary = dashboard.summary(s, me=store.actor().id, now=p["now"], week_end=p["week_end"])
    assert summary["my_open_deals"] == {"count": 1, "totals": {"CNY": 5_00}}
    assert summary["tasks"]["overdue"] == 1


def test_export_writes_the_chosen_rows_with_money_as_decimals(store, tmp_path):
    c = store.run(customer_services.create_customer, {"name": "导出公司"})
    d = store.run(deal_services.create_deal, {"customer_id": c["id"], "name": "导出商机", "amount_minor": 1234_56})
    path = tmp_path / "out.csv"
    with store.read() as s:
        n = export.export_csv(s, deals.LIST, [d["id"]], path, columns=["name", "amount"])
    assert n == 1
    with open(path, encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert rows == [["Deal", "Amount", "Currency"], ["导出商机", "1234.56", "CNY"]]


def test_sync_counts_and_problems_come_from_the_outbox_and_flags(store):
    c = store.run(customer_services.create_customer, {"name": "同步公司"})
    with store.write() as s:
        from sqlalchemy import text

        s.execute(text("INSERT INTO sync_flags (entity, record_id, kind, message, details, created_at) VALUES "
                       "('customer', :id, 'conflict', 'phone changed on both sides', :d, '2026-01-01T00:00:00Z')"),
                  {"id": c["id"], "d": '{"fields": {"phone": {"server": "+8613800000001", "client": "+8613800000002"}}}'})
    with store.read() as s:
        counts = sync_status.counts(s)
        problems = sync_status.problems(s, "customer", c["id"])
        rows = listing.fetch_rows(s, customers.LIST, [c["id"]])
    assert counts["pending"] == 1 and counts["conflicts"] == 1
    assert problems[0]["details"]["fields"]["phone"]["client"] == "+8613800000002"
    assert rows[c["id"]][-1] == "conflict"
