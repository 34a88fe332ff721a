"""The awkward cases are conflicts, kept with both sides, listed and resolved by an admin;
each resolution is a new version every client pulls."""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from app.rules.standards import credit_code_check_char
from server.tables import audit
from tests.server.conftest import company, create, delete, new_id, phone, update


def credit_code() -> str:
    import random

    body = "91" + "".join(random.choice("0123456789") for _ in range(15))
    return body + credit_code_check_char(body)


@pytest.fixture
def team(server):
    """A manager and their rep, both signed in: two people editing the same book."""
    manager = server.user("manager")
    return server.client("rep", manager=manager), server.login(manager)


def _conflict(api, conflict_id):
    found = [c for c in api.get("/conflicts").json() if c["id"] == conflict_id]
    assert found, conflict_id
    return found[0]


def test_editing_a_record_deleted_on_the_server_is_an_edit_delete_conflict(team):
    rep, manager = team
    m = create("customer", {"name": company(), "notes": "x"})
    v = rep.push_one(m)["version"]
    assert manager.push_one(delete("customer", m["record_id"], v))["status"] == "applied"
    result = rep.push_one(update("customer", m["record_id"], v, {"notes": "x"}, {"notes": "offline edit"}))
    assert result["status"] == "conflict" and result["conflict_fields"] == ["notes"]
    conflict = _conflict(rep, result["conflict_id"])
    assert conflict["kind"] == "edit_delete"
    assert conflict["fields"]["notes"] == {"base": "x", "server": None, "client": "offline edit"}


def test_deleting_a_record_edited_on_the_server_is_a_delete_edit_conflict_and_keeps_it(team):
    rep, manager = team
    m = create("customer", {"name": company(), "notes": "x"})
    v = rep.push_one(m)["version"]
    manager.push_one(update("customer", m["record_id"], v, {"notes": "x"}, {"notes": "manager"}))
    result = rep.push_one(delete("customer", m["record_id"], v))
    assert result["status"] == "conflict"
    assert _conflict(rep, result["conflict_id"])["kind"] == "delete_edit"
    held = rep.records()[m["record_id"]]
    assert held["op"] == "upsert" and held["data"]["notes"] == "manager"
    assert held["conflict_ids"] == [result["conflict_id"]]


def test_a_delete_without_competing_edits_is_a_tombstone(rep):
    m = create("customer", {"name": company()})
    v = rep.push_one(m)["version"]
    cursor = rep.pull_all()[1]
    result = rep.push_one(delete("customer", m["record_id"], v))
    assert result["status"] == "applied"
    changes = rep.pull_all(cursor)[0]
    assert [(c["op"], c["version"]) for c in changes if c["record_id"] == m["record_id"]] == \
        [("delete", result["version"])]
    again = rep.push_one(delete("customer", m["record_id"], v))
    assert again["status"] == "applied" and again["version"] == result["version"]


@pytest.mark.parametrize("key", ["credit_code", "phone", "email", "chinese_name", "latin_name"])
def test_a_new_customer_matching_an_existing_one_is_kept_and_flagged_duplicate(server, key):
    a = server.client("rep")
    b = server.client("rep")
    tag = new_id()[:8]
    values = {"credit_code": credit_code(), "phone": phone(), "email": f"buyer.{tag}@example.com"}
    if key == "chinese_name":
        original, offline = {"name": f"深圳市腾飞{tag}科技有限公司"}, {"name": f"深圳市腾飞{tag}科技公司"}
    elif key == "latin_name":
        original, offline = {"name": f"Northwind {tag} Traders Co., Ltd."}, {"name": f"Northwind {tag} Traders Ltd"}
    else:
        original, offline = {"name": company(), key: values[key]}, {"name": company("Other"), key: values[key]}
    first = create("customer", original)
    assert a.push_one(first)["status"] == "applied"
    m = create("customer", offline)
    result = b.push_one(m)
    assert result["status"] == "conflict" and result["version"]
    conflict = _conflict(b, result["conflict_id"])
    assert conflict["kind"] == "duplicate"
    reason = "name" if key.endswith("name") else key
    assert [(c["id"], reason in c["reasons"]) for c in conflict["candidates"]][:1] == [(first["record_id"], True)]
    # Kept, not lost: the new customer is stored and flagged.
    assert b.records()[m["record_id"]]["conflict_ids"] == [result["conflict_id"]]


def test_a_child_of_a_deleted_parent_is_an_orphan_conflict(team):
    rep, manager = team
    parent = create("customer", {"name": company()})
    v = rep.push_one(parent)["version"]
    manager.push_one(delete("customer", parent["record_id"], v))
    child = create("contact", {"name": "Orphan Ann", "customer_id": parent["record_id"]})
    result = rep.push_one(child)
    assert result["status"] == "conflict" and result["conflict_fields"] == ["customer_id"]
    conflict = _conflict(rep, result["conflict_id"])
    assert conflict["kind"] == "orphan"
    assert conflict["details"]["parent_id"] == parent["record_id"]
    assert child["record_id"] in rep.records()


def test_only_an_admin_resolves_and_others_see_only_their_own_conflicts(server, team, admin):
    rep, manager = team
    m = create("customer", {"name": company(), "notes": "b"})
    v = rep.push_one(m)["version"]
    manager.push_one(update("customer", m["record_id"], v, {"notes": "b"}, {"notes": "s"}))
    result = rep.push_one(update("customer", m["record_id"], v, {"notes": "b"}, {"notes": "c"}))
    assert result["conflict_id"] not in [c["id"] for c in manager.get("/conflicts").json()]
    assert result["conflict_id"] in [c["id"] for c in admin.get("/conflicts").json()]
    refused = rep.post(f"/conflicts/{result['conflict_id']}/resolve", {"fields": {"notes": {"take": "client"}}})
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "permission_denied"
    assert admin.post(f"/conflicts/{new_id()}/resolve", {"keep_both": True}).status_code == 404


@pytest.mark.parametrize("choice,expected", [({"take": "server"}, "s"), ({"take": "client"}, "c"),
                                             ({"value": "typed"}, "typed")])
def test_a_field_conflict_is_resolved_per_field_as_a_new_version_everyone_pulls(server, team, admin, choice,
                                                                                  expected):
    rep, manager = team
    m = create("customer", {"name": company(), "notes": "b"})
    v = rep.push_one(m)["version"]
    manager.push_one(update("customer", m["record_id"], v, {"notes": "b"}, {"notes": "s"}))
    conflict_id = rep.push_one(update("customer", m["record_id"], v, {"notes": "b"}, {"notes": "c"}))["conflict_id"]
    _, cursor = manager.pull_all()
    r = admin.post(f"/conflicts/{conflict_id}/resolve", {"fields": {"notes": choice}, "note": "checked"})
    assert r.status_code == 200, r.text
    version = r.json()["version"]
    pulled = [c for c in manager.pull_all(cursor)[0] if c["record_id"] == m["record_id"]]
    assert pulled[-1]["version"] == version
    assert pulled[-1]["data"]["notes"] == expected and pulled[-1]["conflict_ids"] == []
    resolved = [c for c in admin.get("/conflicts", status="resolved").json() if c["id"] == conflict_id][0]
    assert resolved["note"] == "checked" and resolved["status"] == "resolved"
    again = admin.post(f"/conflicts/{conflict_id}/resolve", {"fields": {"notes": {"take": "client"}}})
    assert again.status_code == 409
    with server.db.read() as conn:
        audited = conn.execute(sa.select(audit.c.action, audit.c.origin, audit.c.user_id)
                               .where(audit.c.seq == version)).all()
    assert ("resolve", "resolution", admin.id) in audited


def test_a_resolution_that_breaks_the_rules_is_refused_and_changes_nothing(team, admin):
    rep, manager = team
    m = create("customer", {"name": company(), "email": None, "notes": "b"})
    v = rep.push_one(m)["version"]
    manager.push_one(update("customer", m["record_id"], v, {"notes": "b"}, {"notes": "s"}))
    conflict_id = rep.push_one(update("customer", m["record_id"], v, {"notes": "b"}, {"notes": "c"}))["conflict_id"]
    bad = admin.post(f"/conflicts/{conflict_id}/resolve", {"fields": {"notes": {"value": 42}}})
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "validation_failed"
    wrong_kind = admin.post(f"/conflicts/{conflict_id}/resolve", {"keep_both": True})
    assert wrong_kind.status_code == 422
    assert _conflict(admin, conflict_id)["status"] == "open"


def test_merging_a_duplicate_repoints_its_children_and_redirects_late_ones(server, admin):
    a = server.client("rep")
    b = server.client("rep")
    code = credit_code()
    survivor = create("customer", {"name": company(), "credit_code": code})
    a.push_one(survivor)
    dup = create("customer", {"name": company("Dup"), "credit_code": code})
    contact = create("contact", {"name": "Early Child", "customer_id": dup["record_id"]})
    dup_result, _ = b.push(dup, contact)
    assert dup_result["status"] == "conflict"
    r = admin.post(f"/conflicts/{dup_result['conflict_id']}/resolve", {"merge_into": survivor["record_id"]})
    assert r.status_code == 200, r.text
    held = admin.records()
    assert dup["record_id"] not in held
    assert held[contact["record_id"]]["data"]["customer_id"] == survivor["record_id"]
    # A child created offline against the merged-away customer lands on the survivor.
    late = create("deal", {"name": "Late deal", "stage": "prospecting", "customer_id": dup["record_id"]})
    result = admin.push_one(late)
    assert result["status"] == "applied"
    assert result["redirected"] == {"customer_id": survivor["record_id"]}
    assert admin.records()[late["record_id"]]["data"]["customer_id"] == survivor["record_id"]
    # The re-pointed contact moved into the survivor's book: its old owner lost it.
    assert contact["record_id"] not in b.records() and contact["record_id"] in a.records()


def test_keep_both_closes_a_duplicate_with_a_new_version(server, admin):
    a = server.client("rep")
    number = phone()
    a.push_one(create("customer", {"name": company(), "phone": number}))
    dup = create("customer", {"name": company(), "phone": number})
    result = a.push_one(dup)
    r = admin.post(f"/conflicts/{result['conflict_id']}/resolve", {"keep_both": True})
    assert r.status_code == 200 and r.json()["version"] > result["version"]
    held = a.records()[dup["record_id"]]
    assert held["conflict_ids"] == [] and held["version"] == r.json()["version"]


def test_edit_delete_is_resolved_by_restoring_the_clients_values(team, admin):
    rep, manager = team
    m = create("customer", {"name": company(), "notes": "x"})
    v = rep.push_one(m)["version"]
    manager.push_one(delete("customer", m["record_id"], v))
    conflict_id = rep.push_one(update("customer", m["record_id"], v, {"notes": "x"}, {"notes": "keep me"}))["conflict_id"]
    assert m["record_id"] not in rep.records()
    r = admin.post(f"/conflicts/{conflict_id}/resolve", {"action": "restore"})
    assert r.status_code == 200, r.text
    held = rep.records()[m["record_id"]]
    assert held["data"]["notes"] == "keep me" and held["conflict_ids"] == []


def test_delete_edit_is_resolved_by_confirming_the_delete(team, admin):
    rep, manager = team
    m = create("customer", {"name": company(), "notes": "x"})
    v = rep.push_one(m)["version"]
    manager.push_one(update("customer", m["record_id"], v, {"notes": "x"}, {"notes": "edited"}))
    conflict_id = rep.push_one(delete("customer", m["record_id"], v))["conflict_id"]
    r = admin.post(f"/conflicts/{conflict_id}/resolve", {"action": "confirm_delete"})
    assert r.status_code == 200, r.text
    assert m["record_id"] not in rep.records()


def test_an_orphan_is_resolved_by_reparenting_it(team, admin):
    rep, manager = team
    gone = create("customer", {"name": company()})
    home = create("customer", {"name": company()})
    v = rep.push(gone, home)[0]["version"]
    manager.push_one(delete("customer", gone["record_id"], v))
    child = create("contact", {"name": "Lost Child", "customer_id": gone["record_id"]})
    conflict_id = rep.push_one(child)["conflict_id"]
    r = admin.post(f"/conflicts/{conflict_id}/resolve", {"action": "reparent", "parent_id": home["record_id"]})
    assert r.status_code == 200, r.text
    held = rep.records()[child["record_id"]]
    assert held["data"]["customer_id"] == home["record_id"] and held["conflict_ids"] == []
