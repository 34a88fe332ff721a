"""The import engine: decisions, commit modes, updates by key, cancel, progress, the log."""
from __future__ import annotations

import csv
import threading

import pytest
from sqlalchemy import func, select

from app.imports import ImportSource, log, parse_answers, plan_import, run_import
from app.imports.mapping import parse_mapping, save, saved
from app.models import ENTITIES, AuditEvent, Customer, Deal, DealStageEvent, OutboxMutation, Product
from tests.conftest import as_role

ACCOUNTS = parse_mapping({
    "entity": "customer", "match": "external_ref",
    "fields": {"name": "account", "external_ref": {"template": "crm:{account}"}, "industry": "sector",
               "parent_id": "parent", "phone": "phone"}})
DEALS = parse_mapping({
    "entity": "deal", "match": "external_ref",
    "history": {"opened": "opened", "opened_stage": "qualification"},
    "fields": {"external_ref": {"template": "crm:deal:{id}"}, "name": {"template": "{product} ({id})"},
               "customer_id": "account", "product_id": "product",
               "stage": {"column": "stage", "values": {"Open": "qualification", "Won": "won", "Lost": "lost"}},
               "amount_minor": {"column": "value", "unit": "major"}, "currency": {"value": "USD"},
               "closed_on": "closed", "expected_close": "closed",
               "lost_reason": {"ask_when_missing": {"default": "other"}}}})


def write(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    return path


def rows_of(store, model, *columns):
    with store.read() as s:
        found = [tuple(r) for r in s.execute(select(*[getattr(model, c) for c in columns]))]
    return sorted(found, key=lambda r: tuple("" if v is None else str(v) for v in r))


def count(store, model) -> int:
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(model.__table__))


@pytest.fixture
def accounts(tmp_path):
    return write(tmp_path / "accounts.csv", ["account", "sector", "parent", "phone"], [
        ["Acme", "technolgy", "", "13800138000"],
        ["Acme Kids", "retail", "Acme", ""],
        ["Globex", "Finance", "", ""],
    ])


def test_an_unknown_vocabulary_value_waits_for_a_decision_and_nothing_is_written(store, accounts):
    result = run_import(store, ImportSource.for_file("customer", accounts, ACCOUNTS))
    assert result.status == "needs_decisions"
    [decision] = result.open_decisions
    assert (decision.key, decision.rows, decision.lines) == ("accounts/industry/unknown_value/technolgy", 1, [2])
    assert decision.suggestion == {"action": "map", "value": "technology"}
    assert "unknown industry “technolgy”" in decision.question()
    assert count(store, Customer) == 0 and count(store, OutboxMutation) == 0
    # A label in any case is understood without asking: "Finance" is the finance code.
    assert result.steps[0]["plan"] == {"create": 2, "update": 0, "unchanged": 0, "reject": 0, "skip": 0,
                                       "undecided": 1}


@pytest.mark.parametrize("answer, industry, created", [
    ("map:technology", "technology", 3), ("empty", None, 3), ("reject", "-", 1)])
def test_each_answer_to_a_value_decision_does_what_it_says(store, accounts, answer, industry, created):
    answers = parse_answers({"accounts/industry/unknown_value/technolgy": answer})
    result = run_import(store, ImportSource.for_file("customer", accounts, ACCOUNTS), answers, mode="valid_rows")
    assert result.status == "committed", result.message
    found = dict(rows_of(store, Customer, "name", "industry"))
    assert len(found) == created
    assert found.get("Acme", "-") == industry
    if answer == "reject":
        # Its subsidiary names a parent that was not imported: rejected with that reason, not asked about.
        assert "Acme Kids" not in found
        reasons = list(csv.DictReader(open(f"{result.rejected_dir}/accounts-rejected.csv", encoding="utf-8-sig")))
        assert {r["account"]: r["status"] for r in reasons} == {"Acme": "skipped", "Acme Kids": "rejected"}
        assert "is not imported" in [r for r in reasons if r["account"] == "Acme Kids"][0]["reason"]
    else:
        parent = dict(rows_of(store, Customer, "name", "id"))["Acme"]
        assert dict(rows_of(store, Customer, "name", "parent_id"))["Acme Kids"] == parent


def test_reimporting_the_same_file_changes_nothing_and_a_changed_row_updates_in_place(store, accounts, tmp_path):
    answers = parse_answers({"accounts/industry/unknown_value/technolgy": "map:technology"})
    run_import(store, ImportSource.for_file("customer", accounts, ACCOUNTS), answers)
    outbox, audit = count(store, OutboxMutation), count(store, AuditEvent)
    again = run_import(store, ImportSource.for_file("customer", accounts, ACCOUNTS), answers)
    assert again.status == "committed"
    assert again.steps[0]["plan"]["unchanged"] == 3 and again.steps[0]["created"] == 0
    assert (count(store, OutboxMutation), count(store, AuditEvent)) == (outbox, audit)
    changed = write(tmp_path / "accounts.csv", ["account", "sector", "parent", "phone"], [
        ["Acme", "technolgy", "", "13900139000"], ["Acme Kids", "retail", "Globex", ""], ["Globex", "Finance", "", ""]])
    third = run_import(store, ImportSource.for_file("customer", changed, ACCOUNTS), answers)
    assert third.steps[0]["plan"] == {"create": 0, "update": 2, "unchanged": 1, "reject": 0, "skip": 0,
                                      "undecided": 0}
    by_name = {r[0]: r[1:] for r in rows_of(store, Customer, "name", "phone", "parent_id", "id")}
    assert by_name["Acme"][0] == "+8613900139000"
    assert by_name["Acme Kids"][1] == by_name["Globex"][2]
    assert count(store, Customer) == 3


def test_all_or_nothing_refuses_a_file_with_a_bad_row_and_valid_rows_imports_the_rest(store, tmp_path):
    path = write(tmp_path / "people.csv", ["name", "phone"], [["甲公司", "13800138000"], ["乙公司", "123"],
                                                              ["丙公司", ""]])
    whole = run_import(store, ImportSource.for_file("customer", path))
    assert whole.status == "failed" and count(store, Customer) == 0
    valid = run_import(store, ImportSource.for_file("customer", path), mode="valid_rows")
    assert valid.status == "committed"
    assert [r[0] for r in rows_of(store, Customer, "name")] == ["丙公司", "甲公司"]
    [bad] = list(csv.DictReader(open(f"{valid.rejected_dir}/people-rejected.csv", encoding="utf-8-sig")))
    assert (bad["name"], bad["line"], bad["status"]) == ("乙公司", "3", "rejected")
    assert "phone" in bad["reason"] and "not a valid phone number" in bad["reason"]


def test_deals_get_their_history_dated_from_the_file_and_a_closed_deal_opens_no_handoff(store, tmp_path):
    store.run(lambda uow: uow.create("customer", {"name": "Acme"}))
    store.run(lambda uow: uow.create("product", {"name": "GTX Pro"}))
    path = write(tmp_path / "deals.csv", ["id", "account", "product", "stage", "opened", "closed", "value"], [
        ["D1", "Acme", "GTX Pro", "Won", "2017-01-10", "2017-03-01", "1054.5"],
        ["D2", "Acme", "GTX Pro", "Open", "2017-02-01", "", ""],
        ["D3", "Acme", "GTX Pro", "Lost", "2017-01-05", "2017-02-01", "0"],
    ])
    answers = parse_answers({"deals/lost_reason/missing_value": "set:price"})
    result = run_import(store, ImportSource.for_file("deal", path, DEALS), answers)
    assert result.status == "committed", result.message
    deals = {r[0]: r[1:] for r in rows_of(store, Deal, "name", "stage", "amount_minor", "closed_on", "lost_reason",
                                           "stage_changed_at", "currency")}
    assert deals["GTX Pro (D1)"] == ("won", 105450, "2017-03-01", None, "2017-03-01T00:00:00Z", "USD")
    assert deals["GTX Pro (D2)"][:2] == ("qualification", None)
    assert deals["GTX Pro (D3)"][3] == "price"
    events = rows_of(store, DealStageEvent, "changed_at", "from_stage", "to_stage")
    assert ("2017-01-10T00:00:00Z", None, "qualification") in events
    assert ("2017-03-01T00:00:00Z", "qualification", "won") in events
    with store.read() as s:
        assert s.execute(select(func.count()).select_from(ENTITIES["handoff"].__table__)).scalar() == 0


def test_a_deal_that_closes_before_it_opens_is_rejected_with_both_dates(store, tmp_path):
    store.run(lambda uow: uow.create("customer", {"name": "Acme"}))
    path = write(tmp_path / "deals.csv", ["id", "account", "product", "stage", "opened", "closed", "value"], [
        ["D9", "Acme", "", "Won", "2017-05-01", "2017-03-01", "10"]])
    result = run_import(store, ImportSource.for_file("deal", path, DEALS), mode="valid_rows")
    assert result.steps[0]["plan"]["reject"] == 1 and count(store, Deal) == 0
    [row] = list(csv.DictReader(open(f"{result.rejected_dir}/deals-rejected.csv", encoding="utf-8-sig")))
    assert "closes (2017-03-01) before it opens (2017-05-01)" in row["reason"]


def test_unknown_and_missing_references_are_decisions_with_create_and_placeholder_answers(store, tmp_path):
    store.run(lambda uow: uow.create("customer", {"name": "Acme"}))
    store.run(lambda uow: uow.create("product", {"name": "GTX Pro"}))
    path = write(tmp_path / "deals.csv", ["id", "account", "product", "stage", "opened", "closed", "value"], [
        ["D1", "Acme", "GTXPro", "Open", "", "", ""],
        ["D2", "", "GTX Pro", "Open", "", "", ""],
        ["D3", "", "GTXPro", "Open", "", "", ""],
    ])
    source = ImportSource.for_file("deal", path, DEALS)
    plan = plan_import(store, source)
    keys = {d.key: d for d in plan.decisions}
    product = keys["deals/product_id/unknown_reference/gtxpro"]
    assert (product.rows, product.options) == (2, ("map", "create", "empty", "reject"))
    assert product.suggestion == {"action": "map", "value": "GTX Pro"}
    missing = keys["deals/customer_id/missing_reference"]
    assert (missing.rows, missing.options) == (2, ("reject", "map", "placeholder"))
    answers = parse_answers({product.key: "create", missing.key: "placeholder:Unassigned (import)"})
    result = run_import(store, source, answers)
    assert result.status == "committed", result.message
    assert [r[0] for r in rows_of(store, Product, "name")] == ["GTX Pro", "GTXPro"]
    customers = dict(rows_of(store, Customer, "name", "id"))
    assert set(customers) == {"Acme", "Unassigned (import)"}
    by_deal = {r[0]: r[1] for r in rows_of(store, Deal, "name", "customer_id")}
    assert by_deal["GTX Pro (D2)"] == by_deal["GTXPro (D3)"] == customers["Unassigned (import)"]
    assert {e["label"] for e in result.extras} == {"new product “GTXPro”", "new customer “Unassigned (import)”"}


def test_an_answer_that_names_nothing_is_reported_and_nothing_is_written(store, tmp_path):
    store.run(lambda uow: uow.create("customer", {"name": "Acme"}))
    path = write(tmp_path / "deals.csv", ["id", "account", "product", "stage", "opened", "closed", "value"], [
        ["D1", "Acme", "GTXPro", "Open", "", "", ""]])
    answers = parse_answers({"deals/product_id/unknown_reference/gtxpro": "map:No Such Product",
                             "stale/key": "reject"})
    result = run_import(store, ImportSource.for_file("deal", path, DEALS), answers)
    assert result.status == "needs_decisions"
    assert "no single product is named “No Such Product”" in result.bad_answers[
        "deals/product_id/unknown_reference/gtxpro"]
    assert result.plan.unused_answers == ["stale/key"]
    assert count(store, Deal) == 0


def test_a_new_customer_like_an_existing_one_is_asked_about_and_link_updates_the_existing(store, tmp_path):
    existing = store.run(lambda uow: uow.create("customer", {"name": "深圳市腾讯计算机系统有限公司"}))
    path = write(tmp_path / "c.csv", ["name", "phone"], [["深圳市腾讯计算机系统有限公司 ", "0755-86013388"]])
    plan = plan_import(store, ImportSource.for_file("customer", path))
    [dup] = plan.decisions
    assert dup.kind == "duplicate" and "same name" in dup.question()
    result = run_import(store, ImportSource.for_file("customer", path), parse_answers({dup.key: "link"}))
    assert result.status == "committed"
    assert rows_of(store, Customer, "id", "phone") == [(existing["id"], "+8675586013388")]


def test_a_rep_skips_the_steps_only_an_admin_may_write_and_is_asked_about_unknown_people(store, tmp_path):
    from app.imports.mapping import MappingSet, Step

    teams = write(tmp_path / "teams.csv", ["agent", "manager"], [["Moses Frase", "Dustin Brinkmann"]])
    deals = write(tmp_path / "pipeline.csv", ["agent", "name", "account"], [["Moses Frase", "Deal 1", "Acme"]])
    users = parse_mapping({"entity": "user", "match": "username",
                           "fields": {"username": {"column": "agent", "transform": "username"},
                                      "display_name": "agent", "role": {"value": "rep"}}})
    pipeline = parse_mapping({"entity": "deal", "fields": {"name": "name", "owner_id": "agent",
                                                            "customer_id": "account"}})
    mapping = MappingSet("team", (Step("agents", "teams.csv", users, optional=True),
                                  Step("deals", "pipeline.csv", pipeline)))
    store.run(lambda uow: uow.create("customer", {"name": "Acme"}))
    as_role(store, "rep")
    plan = plan_import(store, ImportSource.for_directory(tmp_path, mapping))
    agents = plan.steps[0]
    assert agents.skipped and "may not create user" in agents.skipped
    assert [r.action for r in agents.rows] == ["skip"]
    [who] = plan.decisions
    assert who.key == "deals/owner_id/unknown_reference/moses frase" and "create" not in who.options
    as_role(store, "admin")
    plan = plan_import(store, ImportSource.for_directory(tmp_path, mapping))
    assert plan.decisions == [] and plan.steps[0].counts()["create"] == 1


@pytest.mark.parametrize("mode, kept", [("all_or_nothing", 0), ("valid_rows", 20)])
def test_cancel_stops_between_rows_keeping_only_committed_batches(store, tmp_path, monkeypatch, mode, kept):
    from app.imports import commit

    monkeypatch.setattr(commit, "BATCH_ROWS", 10)
    path = write(tmp_path / "many.csv", ["name"], [[f"客户{i:04d}"] for i in range(50)])
    event = threading.Event()
    seen = []

    def progress(phase, done, total):
        seen.append((phase, done, total))
        if phase == "writing" and done >= 20:
            event.set()

    result = run_import(store, ImportSource.for_file("customer", path), mode=mode, progress=progress, cancel=event)
    assert result.status == "cancelled"
    assert count(store, Customer) == kept
    assert ("writing", 10, 50) in seen and ("planning", 50, 50) in seen


def test_every_run_is_logged_with_its_decisions_and_a_saved_mapping_can_be_reused(store, accounts, profile_dir):
    run_import(store, ImportSource.for_file("customer", accounts, ACCOUNTS), dry_run=False)
    answers = parse_answers({"accounts/industry/unknown_value/technolgy": "map:technology"})
    run_import(store, ImportSource.for_file("customer", accounts, ACCOUNTS), answers, dry_run=True)
    runs = log.runs(store)
    assert [r["status"] for r in runs] == ["dry_run", "needs_decisions"]
    full = log.run(store, runs[0]["id"])
    assert full["decisions"][0]["answer"] == {"action": "map", "value": "technology"}
    assert full["counts"]["accounts"]["plan"]["create"] == 3 and full["mapping"]["entity"] == "customer"
    assert full["files"][0]["encoding"] == "utf-8"
    path = save(profile_dir, "我的客户映射", ACCOUNTS)
    assert saved(profile_dir) == [{"name": "我的客户映射", "entity": "customer", "path": str(path)}]
    again = run_import(store, ImportSource.for_file("customer", accounts, path), answers)
    assert again.status == "committed" and count(store, Customer) == 3


def test_a_match_key_is_compared_in_its_stored_form(store, tmp_path):
    existing = store.run(lambda uow: uow.create("customer", {"name": "旧名称", "phone": "13800138000"}))
    path = write(tmp_path / "by_phone.csv", ["name", "phone"], [["新名称", "138 0013 8000"]])
    mapping = parse_mapping({"entity": "customer", "match": "phone", "fields": {"name": "name", "phone": "phone"}})
    result = run_import(store, ImportSource.for_file("customer", path, mapping))
    assert result.steps[0]["plan"]["update"] == 1
    assert rows_of(store, Customer, "id", "name") == [(existing["id"], "新名称")]
