"""Push: every status, the three-way merge, validation, permissions and exactly-once replays."""
from __future__ import annotations

import sqlalchemy as sa

from server.tables import audit, mutation_results, records
from tests.server.conftest import company, create, new_id, phone, update


def test_a_new_record_is_applied_with_a_fresh_version(rep):
    first, second = rep.push(create("customer", {"name": company()}), create("lead", {"company_name": "Lead Co"}))
    assert first["status"] == second["status"] == "applied"
    assert second["version"] > first["version"] > 0
    assert first["error"] is None and first["conflict_id"] is None


def test_an_edit_based_on_the_current_version_is_applied(rep):
    m = create("customer", {"name": company(), "notes": "old"})
    v = rep.push_one(m)["version"]
    result = rep.push_one(update("customer", m["record_id"], v, {"notes": "old"}, {"notes": "new"}))
    assert result["status"] == "applied" and result["version"] > v
    held = rep.records()[m["record_id"]]
    assert held["data"]["notes"] == "new" and held["version"] == result["version"]


def test_different_fields_changed_on_both_sides_merge(server):
    manager = server.user("manager")
    a = server.client("rep", manager=manager)
    b = server.login(manager)
    old, new = phone(), phone()
    m = create("customer", {"name": company(), "phone": old, "notes": "n0"})
    v = a.push_one(m)["version"]
    assert b.push_one(update("customer", m["record_id"], v, {"notes": "n0"}, {"notes": "manager note"}))["status"] == "applied"
    result = a.push_one(update("customer", m["record_id"], v, {"phone": old}, {"phone": new}))
    assert result["status"] == "merged"
    assert result["merged_fields"] == ["notes"]
    data = a.records()[m["record_id"]]["data"]
    assert data["phone"] == new and data["notes"] == "manager note"


def test_the_same_field_changed_on_both_sides_to_different_values_is_a_conflict(server):
    manager = server.user("manager")
    a = server.client("rep", manager=manager)
    b = server.login(manager)
    m = create("customer", {"name": company(), "notes": "base", "address": "old street"})
    v = a.push_one(m)["version"]
    b.push_one(update("customer", m["record_id"], v, {"notes": "base"}, {"notes": "server side"}))
    result = a.push_one(update("customer", m["record_id"], v, {"notes": "base", "address": "old street"},
                               {"notes": "client side", "address": "new street"}))
    assert result["status"] == "conflict"
    assert result["conflict_fields"] == ["notes"] and result["conflict_id"]
    held = a.records()[m["record_id"]]
    # The server value stays in force; the non-conflicting field is applied.
    assert held["data"]["notes"] == "server side" and held["data"]["address"] == "new street"
    assert held["conflict_ids"] == [result["conflict_id"]]
    mine = {c["id"]: c for c in a.get("/conflicts").json()}
    assert mine[result["conflict_id"]]["fields"] == {"notes": {"base": "base", "server": "server side",
                                                               "client": "client side"}}
    assert mine[result["conflict_id"]]["kind"] == "field"
    assert mine[result["conflict_id"]]["device_name"] == "test-device"


def test_the_same_value_set_on_both_sides_is_no_conflict(server):
    manager = server.user("manager")
    a = server.client("rep", manager=manager)
    b = server.login(manager)
    m = create("customer", {"name": company(), "notes": "base"})
    v = a.push_one(m)["version"]
    b.push_one(update("customer", m["record_id"], v, {"notes": "base"}, {"notes": "same"}))
    result = a.push_one(update("customer", m["record_id"], v, {"notes": "base"}, {"notes": "same"}))
    assert result["status"] != "conflict" and result["conflict_id"] is None


def test_an_invalid_mutation_is_rejected_with_field_messages_and_the_batch_goes_on(rep):
    good_before = create("customer", {"name": company()})
    bad = create("customer", {"name": company(), "email": "not an address", "credit_code": "123"})
    good_after = create("contact", {"name": "Li Lei", "customer_id": good_before["record_id"]})
    results = rep.push(good_before, bad, good_after)
    assert [r["status"] for r in results] == ["applied", "rejected", "applied"]
    error = results[1]["error"]
    assert error["code"] == "validation_failed"
    assert set(error["fields"]) == {"email", "credit_code"}
    held = rep.records()
    assert bad["record_id"] not in held and good_after["record_id"] in held


def test_unknown_entities_and_fields_are_rejected(rep):
    unknown_entity, unknown_field, system_field = rep.push(
        create("spaceship", {"name": "x"}),
        create("customer", {"name": company(), "colour": "red"}),
        create("customer", {"name": company(), "version": 5}))
    assert unknown_entity["error"]["code"] == "unknown_entity"
    assert unknown_field["error"]["code"] == "validation_failed" and "colour" in unknown_field["error"]["fields"]
    assert "version" in system_field["error"]["fields"]


def test_a_create_of_an_existing_id_and_an_update_of_a_missing_record_are_rejected(rep):
    m = create("customer", {"name": company()})
    rep.push_one(m)
    again = create("customer", {"name": company()}, record_id=m["record_id"])
    missing = update("customer", new_id(), 1, {}, {"notes": "x"})
    r1, r2 = rep.push(again, missing)
    assert r1["error"]["code"] == "already_exists"
    assert r2["error"]["code"] == "not_found"


def test_a_reference_to_a_record_that_never_existed_is_rejected(rep):
    result = rep.push_one(create("contact", {"name": "Han Meimei", "customer_id": new_id()}))
    assert result["status"] == "rejected" and "customer_id" in result["error"]["fields"]


def test_a_state_machine_refusal_is_rejected_as_invalid_transition(rep):
    lead = create("lead", {"company_name": "Stage Co"})
    v = rep.push_one(lead)["version"]
    result = rep.push_one(update("lead", lead["record_id"], v, {"status": "new"}, {"status": "converted",
                                                                                    "converted_customer_id": None}))
    assert result["status"] == "rejected"
    assert result["error"]["code"] in ("invalid_transition", "validation_failed")
    fine = rep.push_one(update("lead", lead["record_id"], v, {"status": "new"}, {"status": "working"}))
    assert fine["status"] == "applied"
    back = rep.push_one(update("lead", lead["record_id"], fine["version"], {"status": "working"}, {"status": "new"}))
    assert back["error"]["code"] == "invalid_transition"


def test_a_replayed_mutation_returns_the_stored_result_and_changes_nothing(server, rep):
    m = create("customer", {"name": company()})
    first = rep.push_one(m)
    edit = update("customer", m["record_id"], first["version"], {"notes": None}, {"notes": "once"})
    applied = rep.push_one(edit)
    rejected = create("customer", {"name": ""})
    refused = rep.push_one(rejected)
    with server.db.read() as conn:
        before = conn.execute(sa.select(sa.func.count()).select_from(audit)).scalar_one()
        version = conn.execute(sa.select(records.c.version).where(records.c.id == m["record_id"])).scalar_one()
    assert rep.push(edit, m, rejected) == [applied, first, refused]
    with server.db.read() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(audit)).scalar_one() == before
        assert conn.execute(sa.select(records.c.version).where(records.c.id == m["record_id"])).scalar_one() == version
        stored = conn.execute(sa.select(mutation_results.c.mutation_id).where(
            mutation_results.c.mutation_id.in_([m["mutation_id"], edit["mutation_id"], rejected["mutation_id"]]))).all()
    assert len(stored) == 3


def test_the_same_mutation_twice_in_one_batch_is_applied_once(rep):
    m = create("customer", {"name": company()})
    first, second = rep.push(m, m)
    assert first == second and first["status"] == "applied"


def test_edits_and_audit_trail_record_old_and_new_values(server, rep):
    m = create("customer", {"name": company(), "notes": "before"})
    v = rep.push_one(m)["version"]
    edit = update("customer", m["record_id"], v, {"notes": "before"}, {"notes": "after"})
    rep.push_one(edit)
    with server.db.read() as conn:
        row = conn.execute(sa.select(audit).where(audit.c.mutation_id == edit["mutation_id"])).mappings().one()
    assert (row["field"], row["old"], row["new"], row["origin"]) == ("notes", '"before"', '"after"', "push")
    assert row["user_id"] == rep.id


def test_values_are_normalised_by_the_shared_rules(rep):
    number = phone()
    spaced = f"{number[3:6]} {number[6:10]} {number[10:]}"
    mail = f"Sales.{new_id()[:8]}@Example.COM"
    m = create("customer", {"name": "  Spaced Name Ltd  " + new_id(), "phone": spaced, "email": mail})
    rep.push_one(m)
    data = rep.records()[m["record_id"]]["data"]
    assert data["phone"] == number and data["email"] == mail.lower()
    assert not data["name"].startswith(" ")
    assert data["owner_id"] == rep.id and data["status"] == "active"


def test_reference_data_is_written_by_admins_only_and_the_dictionary_takes_effect(server, rep, admin):
    from app.rules.dictionary import entry_id

    entry = entry_id("industry", "energy")
    held = admin.records()[entry]
    refused = rep.push_one(update("dictionary_entry", entry, held["version"], {"active": True}, {"active": False}))
    assert refused["error"]["code"] == "permission_denied"
    assert rep.push_one(create("product", {"name": "Widget"}))["error"]["code"] == "permission_denied"
    assert rep.push_one(create("customer", {"name": company(), "industry": "energy"}))["status"] == "applied"
    closed = admin.push_one(update("dictionary_entry", entry, held["version"], {"active": True}, {"active": False}))
    assert closed["status"] == "applied"
    try:
        result = rep.push_one(create("customer", {"name": company(), "industry": "energy"}))
        assert result["status"] == "rejected" and "industry" in result["error"]["fields"]
        assert "energy" not in [v["code"] for v in rep.get("/dictionary").json()["vocabularies"]["industry"]
                                if v["active"]]
    finally:
        admin.push_one(update("dictionary_entry", entry, closed["version"], {"active": False}, {"active": True}))


def test_a_push_reports_its_device(server, rep):
    from server.tables import devices

    r = rep.post("/sync/push", {"client_id": rep.client_id, "mutations": [], "device_name": "ThinkPad",
                                "app_version": "0.1.0", "pending": 12})
    assert r.status_code == 200 and r.json() == {"results": []}
    with server.db.read() as conn:
        row = conn.execute(sa.select(devices).where(devices.c.client_id == rep.client_id)).mappings().one()
    assert (row["user_id"], row["device_name"], row["app_version"], row["pending"]) == \
        (rep.id, "ThinkPad", "0.1.0", 12)
