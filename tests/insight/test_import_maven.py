"""Acceptance on real data: the Maven CRM set through the shipped mapping, by the command
line, with its defects put to the user; then a re-import, and the KPIs it yields."""
from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from app.imports import ImportSource, load_answers, run_import
from app.models import AuditEvent, Customer, Deal, OutboxMutation, Product, User
from app.reports import ReportFilter, compute_store
from app.store import Store

ROOT = Path(__file__).resolve().parents[2]
# The public data set, copied unchanged (defects included) into the repository.
DATA = ROOT / "resources" / "demo" / "maven-crm"
MAPPING = ROOT / "resources" / "mappings" / "maven-crm" / "set.json"


def cli(*args, profile):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args, "--profile", str(profile)],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)


def pipeline_rows() -> list[dict]:
    with open(DATA / "sales_pipeline.csv", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """The whole set imported by the command line, decisions answered from the template."""
    profile = tmp_path_factory.mktemp("maven") / "profile"
    template = profile.parent / "decisions.json"
    first = cli("import", "--dir", str(DATA), "--mapping", str(MAPPING), "--template", str(template),
                profile=profile)
    printed = json.loads(template.read_text(encoding="utf-8"))
    filled = json.loads(template.read_text(encoding="utf-8"))
    answers = {
        "accounts/industry/unknown_value/technolgy": "map:technology",
        "opportunities/product_id/unknown_reference/gtxpro": "map:GTX Pro",
        "opportunities/customer_id/missing_reference": "reject",
    }
    for key, answer in answers.items():
        filled["decisions"][key]["answer"] = answer
    template.write_text(json.dumps(filled, ensure_ascii=False), encoding="utf-8")
    second = cli("import", "--dir", str(DATA), "--mapping", str(MAPPING), "--decisions", str(template),
                 profile=profile)
    store = Store.open(profile)
    yield {"first": first, "second": second, "template": printed, "store": store, "decisions": template}
    store.close()


def count(store, model, *where) -> int:
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(model.__table__).where(*where))


def test_without_answers_the_command_lists_the_data_defects_and_writes_nothing(imported):
    first = imported["first"]
    assert first.returncode == 1, first.stderr
    assert first.stderr.strip().splitlines() == ["error: 4 decision(s) need an answer; nothing was imported"]
    out = first.stdout
    assert "unknown industry “technolgy” in column “sector” (12 rows of accounts)" in out
    assert "unknown product “GTXPro” in column “product” (1,480 rows of opportunities)" in out
    assert "(closest: “GTX Pro”)" in out
    assert "deals without a customer (1,425 rows of opportunities, column “account” empty)" in out
    assert "no lost_reason (2,473 rows of opportunities; it is required at stage lost)" in out
    decisions = imported["template"]["decisions"]
    # The mapping leaves the choices to the user; only the lost reason has a proposed answer.
    assert decisions["opportunities/lost_reason/missing_value"]["answer"] == {"action": "set", "value": "other"}
    assert all(d["answer"] is None for k, d in decisions.items() if k != "opportunities/lost_reason/missing_value")


def test_with_answers_every_record_is_imported_or_reported_with_its_reason(imported):
    second, store = imported["second"], imported["store"]
    assert second.returncode == 0, second.stderr
    assert "opportunities: 8,800 rows of deal (csv, UTF-8): 7,375 created" in second.stdout
    assert count(store, Product) == 7
    assert count(store, User, User.role == "manager") == 6
    assert count(store, User, User.role == "rep", User.team.is_not(None)) == 35
    assert count(store, Customer) == 85 and count(store, Customer, Customer.industry == "technology") == 12
    assert count(store, Deal) == 7375
    rows = pipeline_rows()
    with_account = [r for r in rows if r["account"]]
    with store.read() as s:
        stages = dict(s.execute(select(Deal.stage, func.count()).group_by(Deal.stage)).all())
        won_usd = s.scalar(select(func.sum(Deal.amount_minor)).where(Deal.stage == "won"))
        refs = {r[0].split(":")[-1] for r in s.execute(select(Deal.external_ref))}
    expected = Counter({"Prospecting": "prospecting", "Engaging": "qualification", "Won": "won",
                        "Lost": "lost"}[r["deal_stage"]] for r in with_account)
    assert stages == dict(expected)
    assert won_usd == sum(int(r["close_value"]) * 100 for r in with_account if r["deal_stage"] == "Won")
    rejected_file = next(Path(line.split(": ", 1)[1]) for line in second.stdout.splitlines()
                         if line.startswith("rejected and skipped rows"))
    with open(rejected_file / "opportunities-rejected.csv", encoding="utf-8-sig") as f:
        rejected = list(csv.DictReader(f))
    assert len(rejected) == 1425 and all(r["reason"] == "customer_id missing: rejected by decision" for r in rejected)
    assert refs | {r["opportunity_id"] for r in rejected} == {r["opportunity_id"] for r in rows}


def test_parent_links_agents_and_products_are_resolved_by_name(imported):
    store = imported["store"]
    with store.read() as s:
        customers = {r.name: r for r in s.execute(select(Customer.__table__)).mappings().all()}
        users = {r.display_name: r for r in s.execute(select(User.__table__)).mappings().all()}
        products = {r.name: r for r in s.execute(select(Product.__table__)).mappings().all()}
        gtx_pro = s.scalar(select(func.count()).select_from(Deal.__table__).where(
            Deal.product_id == products["GTX Pro"]["id"]))
    with open(DATA / "accounts.csv", encoding="utf-8") as f:
        parents = {r["account"]: r["subsidiary_of"] for r in csv.DictReader(f) if r["subsidiary_of"]}
    assert len(parents) == 15
    for child, parent in parents.items():
        assert customers[child]["parent_id"] == customers[parent]["id"]
    assert users["Anna Snelling"]["manager_id"] == users["Dustin Brinkmann"]["id"]
    assert users["Anna Snelling"]["username"] == "anna.snelling" and users["Anna Snelling"]["team"] == "Central"
    assert (products["GTX Pro"]["unit_price_minor"], products["GTX Pro"]["currency"]) == (482100, "USD")
    named = [r for r in pipeline_rows() if r["account"] and r["product"] in ("GTX Pro", "GTXPro")]
    assert gtx_pro == len(named)


def test_history_is_dated_from_the_data_and_everything_is_queued_for_sync(imported):
    store = imported["store"]
    with store.read() as s:
        history = s.execute(text(
            "SELECT e.from_stage, e.to_stage, e.changed_at FROM deal_stage_events e JOIN deals d ON d.id = e.deal_id "
            "WHERE d.external_ref = 'maven-crm:opportunity:1C1I7A6R' ORDER BY e.changed_at")).all()
        queued = dict(s.execute(select(OutboxMutation.entity, func.count()).where(OutboxMutation.op == "create")
                                .group_by(OutboxMutation.entity)).all())
    assert [tuple(h) for h in history] == [(None, "qualification", "2016-10-20T00:00:00Z"),
                                           ("qualification", "won", "2017-03-01T00:00:00Z")]
    assert queued["deal"] == 7375 and queued["customer"] == 85 and queued["product"] == 7


def test_a_second_import_of_the_same_set_updates_nothing_and_duplicates_nothing(imported):
    store = imported["store"]
    before = (count(store, OutboxMutation), count(store, AuditEvent), count(store, Deal), count(store, Customer))
    result = run_import(store, ImportSource.for_directory(DATA, MAPPING), load_answers(imported["decisions"]))
    assert result.status == "committed", result.message
    plans = {s["name"]: s["plan"] for s in result.steps}
    assert plans["opportunities"] == {"create": 0, "update": 0, "unchanged": 7375, "reject": 0, "skip": 1425,
                                      "undecided": 0}
    assert plans["accounts"]["unchanged"] == 85 and plans["agents"]["unchanged"] == 35
    after = (count(store, OutboxMutation), count(store, AuditEvent), count(store, Deal), count(store, Customer))
    assert after == before


def test_report_kpis_prints_what_the_dashboard_computes(imported):
    store = imported["store"]
    done = cli("report", "kpis", "--from", "2016-10-01", "--to", "2017-12-31", "--json", profile=store.profile_dir)
    assert done.returncode == 0, done.stderr
    printed = json.loads(done.stdout)
    dashboard = compute_store(store, ReportFilter(date_from="2016-10-01", date_to="2017-12-31"))
    assert printed["metrics"] == json.loads(json.dumps(dashboard["metrics"]))
    rows = [r for r in pipeline_rows() if r["account"]]
    won = sum(r["deal_stage"] == "Won" for r in rows)
    lost = sum(r["deal_stage"] == "Lost" for r in rows)
    win = printed["metrics"]["win_rate"]
    assert (win["won"], win["lost"], win["win_rate_count"]) == (won, lost, round(won / (won + lost), 4))
    assert printed["currency"] == "USD"
    human = cli("report", "kpis", "--from", "2016-10-01", "--to", "2017-12-31", profile=store.profile_dir)
    assert human.returncode == 0 and "== Win rate" in human.stdout and f"won {won:,}, lost {lost:,}" in human.stdout
