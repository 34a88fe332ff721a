"""The server's admin endpoints: the conflict queue's filters and counts, a record's
server history, the duplicate scan, merges outside the queue, accounts, books and
devices. Real server processes on SQLite and PostgreSQL."""
from __future__ import annotations

import uuid

import pytest

from tests.admin.conftest import company, create, delete, new_id, phone, update


@pytest.fixture
def team(server):
    """A manager and their rep, signed in: two people editing the same book."""
    manager = server.user("manager")
    return server.client("rep", manager=manager), server.login(manager)


def field_conflict(rep, manager, device_note="x") -> tuple[str, str]:
    m = create("customer", {"name": company(), "notes": "base"})
    v = rep.push_one(m)["version"]
    manager.push_one(update("customer", m["record_id"], v, {"notes": "base"}, {"notes": "manager"}))
    result = rep.push_one(update("customer", m["record_id"], v, {"notes": "base"}, {"notes": device_note}))
    assert result["status"] == "conflict"
    return m["record_id"], result["conflict_id"]


def ids(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [c["id"] for c in response.json()]


def test_the_queue_filters_by_kind_entity_user_device_and_age_and_counts_per_kind(server, team, admin):
    rep, manager = team
    _, field_id = field_conflict(rep, manager)
    number = phone()
    rep.push_one(create("customer", {"name": company(), "phone": number}))
    dup_id = rep.push_one(create("customer", {"name": company(), "phone": number}))["conflict_id"]
    username = rep.user["username"]
    assert ids(admin.get("/conflicts", kind="field", user=username)) == [field_id]
    assert ids(admin.get("/conflicts", kind="duplicate", user=username)) == [dup_id]
    assert set(ids(admin.get("/conflicts", user=username, device="test-device", entity="customer"))) == \
        {field_id, dup_id}
    assert ids(admin.get("/conflicts", user=username, device="another-device")) == []
    assert ids(admin.get("/conflicts", user=username, entity="contact")) == []
    assert ids(admin.get("/conflicts", user=username, min_age_hours=1)) == []
    mine = rep.get("/conflicts/counts").json()
    assert mine["total"] == 2 and mine["by_kind"]["field"] == 1 and mine["by_kind"]["duplicate"] == 1
    assert mine["by_kind"]["orphan"] == 0 and mine["by_entity"] == {"customer": 2}
    everyone = admin.get("/conflicts/counts").json()
    assert everyone["total"] >= 2 and everyone["total"] == sum(everyone["by_kind"].values())
    assert len(admin.get("/conflicts").json()) == everyone["total"]


def test_a_long_queue_comes_oldest_first_up_to_a_limit_and_the_history_newest_first(server, team, admin):
    rep, manager = team
    made = [field_conflict(rep, manager)[1] for _ in range(3)]
    username = rep.user["username"]
    listed = admin.get("/conflicts", user=username).json()
    everything = [c["id"] for c in listed]
    assert set(everything) == set(made)
    assert [c["created_at"] for c in listed] == sorted(c["created_at"] for c in listed)  # oldest first
    assert ids(admin.get("/conflicts", user=username, limit=2)) == everything[:2]
    assert ids(admin.get("/conflicts", user=username, limit=2, newest_first="true")) == everything[::-1][:2]
    for conflict_id in made[:2]:
        r = admin.post(f"/conflicts/{conflict_id}/resolve", {"fields": {"notes": {"take": "server"}}})
        assert r.status_code == 200, r.text
    decided = admin.get("/conflicts", status="resolved", user=username).json()
    assert {c["id"] for c in decided} == set(made[:2])
    assert [c["resolved_at"] for c in decided] == sorted(c["resolved_at"] for c in decided)
    latest = ids(admin.get("/conflicts", status="resolved", user=username, newest_first="true", limit=1))
    assert latest == [decided[-1]["id"]]  # the history opens on the latest decision
    assert ids(admin.get("/conflicts", user=username)) == [made[2]]
    assert admin.get("/conflicts", limit=0).status_code == 422


def test_a_records_server_history_says_who_changed_what_newest_first(server, team, admin):
    rep, manager = team
    m = create("customer", {"name": company(), "notes": "one"})
    v = rep.push_one(m)["version"]
    v = manager.push_one(update("customer", m["record_id"], v, {"notes": "one"}, {"notes": "two"}))["version"]
    manager.push_one(delete("customer", m["record_id"], v))
    r = admin.get(f"/records/customer/{m['record_id']}/history")
    assert r.status_code == 200, r.text
    history = r.json()
    assert history["deleted"] is True and history["data"]["notes"] == "two"
    events = [(e["action"], e["field"], e["username"]) for e in history["events"]]
    assert events[0] == ("delete", None, manager.user["username"])
    assert ("update", "notes", manager.user["username"]) in events
    assert events[-1] == ("create", None, rep.user["username"])
    assert [e for e in history["events"] if e["field"] == "notes"][0]["old"] == "one"
    assert rep.get(f"/records/customer/{m['record_id']}/history").status_code == 403
    assert admin.get(f"/records/customer/{new_id()}/history").status_code == 404
    assert admin.get(f"/records/nonsense/{m['record_id']}/history").status_code == 404


def test_the_duplicate_scan_opens_one_conflict_per_new_pair_and_never_asks_twice(server, admin):
    rep = server.client("rep")
    tag = uuid.uuid4().hex[:10]
    first = create("customer", {"name": f"Zephyr {tag} Instruments Co., Ltd."})
    later = create("customer", {"name": f"Unrelated {uuid.uuid4().hex}"})
    rep.push(first, later)
    # Renamed afterwards, so the push's own duplicate check never saw the pair.
    v = rep.records()[later["record_id"]]["version"]
    rep.push_one(update("customer", later["record_id"], v, {}, {"name": f"Zephyr {tag} Instruments Ltd"}))
    email = f"same.{tag}@example.com"
    contacts = [create("contact", {"name": n, "email": email, "customer_id": first["record_id"]})
                for n in ("王小明", "Wang Xiaoming")]
    number = phone()
    leads = [create("lead", {"company_name": company(n), "phone": number}) for n in ("Alpha", "Omega")]
    rep.push(*contacts, *leads)
    r = admin.post("/admin/scan-duplicates", {"entities": ["customer", "contact", "lead"]})
    assert r.status_code == 200, r.text
    result = r.json()
    assert result["scanned"]["customer"] >= 2 and result["pairs"] >= 3
    opened = [c for c in admin.get("/conflicts", kind="duplicate").json() if c["id"] in result["opened"]]

    def about(a, b):
        """The conflict opened on one of the two records naming the other (newer on older)."""
        [found] = [c for c in opened if {c["record_id"], c["candidates"][0]["id"]} == {a["record_id"], b["record_id"]}]
        return found

    assert about(first, later)["candidates"][0]["reasons"] == ["name"]
    assert "email" in about(*contacts)["details"]["reasons"]
    assert about(*leads)["candidates"][0]["reasons"] == ["phone"]
    flagged = about(first, later)
    assert rep.records()[flagged["record_id"]]["conflict_ids"] == [flagged["id"]]
    # Asked once: neither a second scan nor a decided pair opens the same question again.
    decided = flagged["id"]
    assert admin.post(f"/conflicts/{decided}/resolve", {"keep_both": True}).status_code == 200
    again = admin.post("/admin/scan-duplicates").json()
    mine = {first["record_id"], later["record_id"], *(m["record_id"] for m in contacts + leads)}
    reopened = [c for c in admin.get("/conflicts", kind="duplicate").json()
                if c["id"] in again["opened"] and c["record_id"] in mine]
    assert reopened == []
    assert rep.post("/admin/scan-duplicates").status_code == 403


def test_a_merge_outside_the_queue_repoints_children_keeps_a_redirect_and_is_audited(server, admin):
    a, b = server.client("rep"), server.client("rep")
    survivor = create("customer", {"name": company("Keep"), "phone": None})
    loser = create("customer", {"name": company("Drop"), "phone": phone(), "notes": "from the loser"})
    a.push_one(survivor)
    contact = create("contact", {"name": "Li Lei", "customer_id": loser["record_id"]})
    deal = create("deal", {"name": "Pumps", "stage": "prospecting", "customer_id": loser["record_id"]})
    task = create("activity", {"kind": "call", "subject": "Call back", "customer_id": loser["record_id"],
                               "deal_id": deal["record_id"]})
    b.push(loser, contact, deal, task)
    r = admin.post("/admin/merge", {"entity": "customer", "survivor_id": survivor["record_id"],
                                    "loser_id": loser["record_id"],
                                    "fields": {"phone": loser["changes"]["phone"], "notes": "from the loser"},
                                    "note": "same company"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["repointed"] == 3 and body["resolved_conflicts"] == []
    held = admin.records()
    assert loser["record_id"] not in held
    assert held[survivor["record_id"]]["data"]["phone"] == loser["changes"]["phone"]
    assert held[survivor["record_id"]]["version"] == body["version"]
    assert {held[x["record_id"]]["data"]["customer_id"] for x in (contact, deal, task)} == {survivor["record_id"]}
    # The survivor's owner now holds the children; the loser's owner lost them.
    assert contact["record_id"] in a.records() and contact["record_id"] not in b.records()
    late = {"name": "Late", "customer_id": loser["record_id"]}
    assert b.push_one(create("contact", late))["status"] == "rejected"  # outside b's book now
    assert a.push_one(create("contact", late))["redirected"] == {"customer_id": survivor["record_id"]}
    events = admin.get(f"/records/customer/{loser['record_id']}/history").json()["events"]
    merge = [e for e in events if e["action"] == "merge"][0]
    assert merge["new"]["merge_into"] == survivor["record_id"] and merge["new"]["note"] == "same company"
    assert merge["username"] == admin.user["username"]


def test_a_merge_decides_the_duplicate_conflict_between_the_two(server, admin):
    rep = server.client("rep")
    number = phone()
    old = create("customer", {"name": company(), "phone": number})
    rep.push_one(old)
    new = create("customer", {"name": company(), "phone": number, "address": "杭州市西湖区"})
    conflict_id = rep.push_one(new)["conflict_id"]
    # The newer record survives here (the queue's merge_into would keep the older one).
    r = admin.post("/admin/merge", {"entity": "customer", "survivor_id": new["record_id"],
                                    "loser_id": old["record_id"], "conflict_id": conflict_id})
    assert r.status_code == 200, r.text
    assert r.json()["resolved_conflicts"] == [conflict_id]
    held = rep.records()
    assert old["record_id"] not in held and held[new["record_id"]]["conflict_ids"] == []
    resolved = [c for c in admin.get("/conflicts", status="resolved").json() if c["id"] == conflict_id][0]
    assert resolved["resolution"]["merge_into"] == new["record_id"] and resolved["resolved_by"] == admin.id


def test_a_merge_that_does_not_fit_is_refused_and_changes_nothing(server, admin):
    rep = server.client("rep")
    a, b = create("customer", {"name": company()}), create("customer", {"name": company()})
    lead = create("lead", {"company_name": company()})
    rep.push(a, b, lead)
    before = admin.records()[b["record_id"]]["version"]

    def merge(**body):
        return admin.post("/admin/merge", {"entity": "customer", "survivor_id": a["record_id"],
                                           "loser_id": b["record_id"], **body})

    assert merge(loser_id=a["record_id"]).status_code == 422
    assert merge(loser_id=new_id()).status_code == 404
    assert merge(loser_id=lead["record_id"]).status_code == 404
    assert merge(fields={"phone": "12345"}).json()["error"]["details"]["fields"]["phone"]
    assert merge(fields={"version": 3}).status_code == 422
    assert merge(conflict_id=new_id()).status_code == 404
    assert rep.post("/admin/merge", {"entity": "customer", "survivor_id": a["record_id"],
                                     "loser_id": b["record_id"]}).status_code == 403
    assert admin.records()[b["record_id"]]["version"] == before


def test_an_admin_creates_edits_disables_and_resets_accounts(server, admin):
    manager = server.client("manager")
    name = f"newrep_{uuid.uuid4().hex[:6]}"
    r = admin.post("/admin/users", {"username": name, "password": "first password", "role": "rep",
                                    "display_name": "新同事", "manager_id": manager.id, "team": "华东"})
    assert r.status_code == 201, r.text
    account = r.json()
    assert (account["manager"], account["team"], account["active"]) == (manager.user["username"], "华东", True)
    signed_in = Api_login(server, name, "first password")
    assert signed_in.status_code == 200
    token = signed_in.json()["token"]
    # The user record every client pulls carries the account.
    assert admin.records()[account["id"]]["data"]["display_name"] == "新同事"
    r = admin.http.patch(f"{server.url}/api/v1/admin/users/{account['id']}", headers=admin.headers(),
                         json={"role": "finance", "manager_id": None})
    assert r.status_code == 200, r.text
    assert (r.json()["role"], r.json()["manager_id"]) == ("finance", None)
    assert admin.post(f"/admin/users/{account['id']}/password", {"password": "second"}).status_code == 204
    assert Api_login(server, name, "second").status_code == 200
    r = admin.http.patch(f"{server.url}/api/v1/admin/users/{account['id']}", headers=admin.headers(),
                         json={"active": False})
    assert r.status_code == 200 and r.json()["active"] is False
    gone = admin.http.get(f"{server.url}/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert gone.status_code == 401
    listed = {a["username"]: a for a in admin.get("/admin/users").json()}
    assert listed[name]["active"] is False and listed[name]["role"] == "finance"
    # Refusals: a taken name, an admin locking themselves out, a rep managing someone.
    assert admin.post("/admin/users", {"username": name, "password": "x", "role": "rep"}).status_code == 422
    selfish = admin.http.patch(f"{server.url}/api/v1/admin/users/{admin.id}", headers=admin.headers(),
                               json={"active": False})
    assert selfish.status_code == 422
    rep = server.client("rep")
    bad = admin.http.patch(f"{server.url}/api/v1/admin/users/{account['id']}", headers=admin.headers(),
                           json={"manager_id": rep.id})
    assert bad.status_code == 422
    assert rep.get("/admin/users").status_code == 403


def Api_login(server, username: str, password: str):
    import requests

    return requests.post(f"{server.url}/api/v1/auth/login", json={"username": username, "password": password})


def test_reassigning_a_book_evicts_it_from_one_rep_and_brings_it_to_the_other(server, admin):
    leaving, taking = server.client("rep"), server.client("rep")
    customer = create("customer", {"name": company()})
    contact = create("contact", {"name": "Han Meimei", "customer_id": customer["record_id"]})
    deal = create("deal", {"name": "Valves", "stage": "prospecting", "customer_id": customer["record_id"]})
    lead = create("lead", {"company_name": company()})
    leaving.push(customer, contact, deal, lead)
    _, leaving_cursor = leaving.pull_all()
    _, taking_cursor = taking.pull_all()
    r = admin.post("/admin/reassign", {"from_user_id": leaving.id, "to_user_id": taking.id})
    assert r.status_code == 200, r.text
    assert {k: r.json()[k] for k in ("customers", "leads", "deals")} == {"customers": 1, "leads": 1, "deals": 1}
    moved = {m["record_id"] for m in (customer, contact, deal, lead)}
    evicted = {c["record_id"] for c in leaving.pull_all(leaving_cursor)[0] if c["op"] == "evict"}
    assert moved <= evicted
    arrived = {c["record_id"]: c for c in taking.pull_all(taking_cursor)[0] if c["op"] == "upsert"}
    assert moved <= set(arrived)
    assert arrived[customer["record_id"]]["data"]["owner_id"] == taking.id
    assert arrived[deal["record_id"]]["data"]["owner_id"] == taking.id
    nothing = admin.post("/admin/reassign", {"from_user_id": leaving.id, "to_user_id": taking.id}).json()
    assert nothing == {"customers": 0, "leads": 0, "deals": 0, "version": None}
    finance = server.client("finance")
    assert admin.post("/admin/reassign", {"from_user_id": taking.id,
                                          "to_user_id": finance.id}).status_code == 422


def test_devices_show_version_pending_changes_rejections_and_open_conflicts(server, admin):
    rep = server.client("rep")
    client_id = new_id()
    body = {"client_id": client_id, "device_name": "王的笔记本", "app_version": "9.9.9", "pending": 4,
            "mutations": [create("customer", {"name": company(), "phone": "12345"}),
                          create("customer", {"name": company()})]}
    r = rep.post("/sync/push", body)
    assert [x["status"] for x in r.json()["results"]] == ["rejected", "applied"]
    [device] = [d for d in admin.get("/admin/devices").json() if d["client_id"] == client_id]
    assert (device["device_name"], device["app_version"], device["pending"]) == ("王的笔记本", "9.9.9", 4)
    assert (device["username"], device["rejected"], device["open_conflicts"]) == (rep.user["username"], 1, 0)
    assert device["last_push_at"]
    assert rep.get("/admin/devices").status_code == 403


def test_the_scan_runs_from_the_server_command_line(sqlite_server):
    import json

    from tests.support.server import run_cli

    rep = sqlite_server.client("rep")
    number = phone()
    first = create("lead", {"company_name": company("Cli"), "phone": number})
    second = create("lead", {"company_name": company("Line"), "phone": number})
    rep.push(first, second)
    out = run_cli("scan-duplicates", "--entity", "lead", "--json", database_url=sqlite_server.database_url)
    result = json.loads(out.stdout)
    assert set(result["scanned"]) == {"lead"} and result["opened"]
    held = rep.records()
    flagged = [m["record_id"] for m in (first, second) if held[m["record_id"]]["conflict_ids"]]
    assert len(flagged) == 1
    again = run_cli("scan-duplicates", "--entity", "lead", database_url=sqlite_server.database_url)
    assert "0 new duplicate conflict(s)" in again.stdout
    bad = run_cli("scan-duplicates", "--entity", "deal", database_url=sqlite_server.database_url, check=False)
    assert bad.returncode == 2
