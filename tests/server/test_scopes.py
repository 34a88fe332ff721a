"""Scopes: a rep reads and writes only their own book, a manager their team's, finance and
admin everything; a record that leaves a book is evicted from its old readers."""
from __future__ import annotations

import threading
import time

from tests.server.conftest import company, create, delete, new_id, update


def _book(api, count_children: bool = True):
    customer = create("customer", {"name": company()})
    contact = create("contact", {"name": "Wang Wu", "customer_id": customer["record_id"]})
    deal = create("deal", {"name": "Deal", "stage": "prospecting", "customer_id": customer["record_id"]})
    lead = create("lead", {"company_name": "Lead " + new_id()})
    results = api.push(customer, contact, deal, lead)
    assert all(r["status"] == "applied" for r in results), results
    return {m["entity"]: (m["record_id"], r["version"]) for m, r in zip((customer, contact, deal, lead), results)}


def test_a_rep_pulls_only_their_own_book_and_the_reference_data(server):
    a, b = server.client("rep"), server.client("rep")
    mine, theirs = _book(a), _book(b)
    held = a.records()
    assert {rid for rid, _ in mine.values()} <= set(held)
    assert not {rid for rid, _ in theirs.values()} & set(held)
    entities = {c["entity"] for c in held.values()}
    assert {"user", "dictionary_entry"} <= entities


def test_a_rep_cannot_write_another_reps_records(server):
    a, b = server.client("rep"), server.client("rep")
    theirs = _book(b)
    customer_id, v = theirs["customer"]
    results = a.push(
        update("customer", customer_id, v, {"notes": None}, {"notes": "mine now"}),
        delete("contact", *theirs["contact"]),
        create("contact", {"name": "Sneaky", "customer_id": customer_id}),
        create("customer", {"name": company(), "owner_id": b.id}),
        update("lead", theirs["lead"][0], theirs["lead"][1], {}, {"company_name": "taken"}))
    assert [r["status"] for r in results] == ["rejected"] * 5
    assert {r["error"]["code"] for r in results} == {"permission_denied"}
    assert b.records()[customer_id]["data"]["notes"] is None


def test_a_rep_cannot_see_another_reps_conflicts_or_wake_on_their_changes(server):
    a, b = server.client("rep"), server.client("rep")
    _, cursor = a.pull_all()
    started = time.monotonic()
    woke = {}

    def wait():
        woke["reply"] = a.get("/sync/wait", cursor=cursor, timeout=1.5).json()

    t = threading.Thread(target=wait)
    t.start()
    _book(b)
    t.join()
    assert woke["reply"]["changed"] is False and time.monotonic() - started >= 1.4


def test_a_manager_reads_and_writes_the_team_but_not_other_teams(server):
    manager = server.user("manager")
    boss = server.login(manager)
    a = server.client("rep", manager=manager)
    outsider = server.client("rep")
    team_book, other_book = _book(a), _book(outsider)
    held = boss.records()
    assert {rid for rid, _ in team_book.values()} <= set(held)
    assert not {rid for rid, _ in other_book.values()} & set(held)
    customer_id, v = team_book["customer"]
    assert boss.push_one(update("customer", customer_id, v, {"notes": None}, {"notes": "coaching"}))["status"] == "applied"
    refused = boss.push_one(update("customer", other_book["customer"][0], other_book["customer"][1], {}, {"notes": "x"}))
    assert refused["error"]["code"] == "permission_denied"


def test_finance_and_admin_see_everything(server, finance, admin):
    a = server.client("rep")
    book = _book(a)
    for api in (finance, admin):
        held = api.records()
        assert {rid for rid, _ in book.values()} <= set(held)


def test_finance_only_writes_are_refused_for_reps(server, finance):
    a = server.client("rep")
    book = _book(a)
    customer_id, v = book["customer"]
    payment = create("payment", {"customer_id": customer_id, "amount_minor": 1000, "currency": "CNY"})
    limit = update("customer", customer_id, v, {"credit_limit_minor": None}, {"credit_limit_minor": 500000})
    refused = a.push(payment, limit)
    assert [r["error"]["code"] for r in refused] == ["permission_denied", "permission_denied"]
    # The same mutation ids are the rep's; another user's replay of them is refused.
    assert {r["error"]["code"] for r in finance.push(payment, limit)} == {"mutation_id_taken"}
    payment["mutation_id"], limit["mutation_id"] = new_id(), new_id()
    assert [r["status"] for r in finance.push(payment, limit)] == ["applied", "applied"]


def test_a_reassigned_customer_moves_with_its_book_and_is_evicted_from_the_old_owner(server, admin):
    manager_a, manager_b = server.user("manager"), server.user("manager")
    boss_a = server.login(manager_a)
    a = server.client("rep", manager=manager_a)
    b = server.client("rep", manager=manager_b)
    book = _book(a)
    customer_id, v = book["customer"]
    _, a_cursor = a.pull_all()
    _, boss_cursor = boss_a.pull_all()
    _, b_cursor = b.pull_all()
    result = admin.push_one(update("customer", customer_id, v, {"owner_id": a.id}, {"owner_id": b.id}))
    assert result["status"] == "applied"
    moved = {customer_id, book["contact"][0], book["deal"][0]}
    for api, cursor in ((a, a_cursor), (boss_a, boss_cursor)):
        changes = api.pull_all(cursor)[0]
        assert {c["record_id"] for c in changes if c["op"] == "evict"} >= moved
        assert not {c["record_id"] for c in changes if c["op"] == "upsert"} & moved
        assert not moved & set(api.records())
    arrived = {c["record_id"]: c for c in b.pull_all(b_cursor)[0]}
    assert moved <= set(arrived)
    assert all(arrived[r]["op"] == "upsert" for r in moved)
    # The lead stays with its own owner.
    assert book["lead"][0] in a.records()
    # The new owner may now write what they were given; the old one may not.
    contact_id = book["contact"][0]
    assert b.push_one(update("contact", contact_id, arrived[contact_id]["version"], {}, {"title": "CEO"}))["status"] == "applied"
    assert a.push_one(update("contact", contact_id, arrived[contact_id]["version"], {}, {"title": "x"}))["error"]["code"] \
        == "permission_denied"


def test_a_rep_may_not_give_away_a_customer(server):
    a, b = server.client("rep"), server.client("rep")
    customer_id, v = _book(a)["customer"]
    refused = a.push_one(update("customer", customer_id, v, {"owner_id": a.id}, {"owner_id": b.id}))
    assert refused["error"]["code"] == "permission_denied"


def test_other_endpoints_do_not_leak_another_book(server):
    a, b = server.client("rep"), server.client("rep")
    _book(b)
    conflicts = a.get("/conflicts").json()
    assert all(c["user_id"] == a.id for c in conflicts)
    assert a.post(f"/invoices/{new_id()}/issue").status_code == 403


def test_a_reassigned_lead_takes_its_activities_along(server, admin):
    a, b = server.client("rep"), server.client("rep")
    lead = create("lead", {"company_name": "Moving Lead " + new_id()})
    call = create("activity", {"kind": "call", "subject": "First call", "lead_id": lead["record_id"]})
    v = a.push(lead, call)[0]["version"]
    _, a_cursor = a.pull_all()
    admin.push_one(update("lead", lead["record_id"], v, {"owner_id": a.id}, {"owner_id": b.id}))
    evicted = {c["record_id"] for c in a.pull_all(a_cursor)[0] if c["op"] == "evict"}
    assert {lead["record_id"], call["record_id"]} <= evicted
    assert {lead["record_id"], call["record_id"]} <= set(b.records())


def test_an_admins_edit_of_a_user_changes_the_account_and_restarts_their_pulls(server, admin):
    from server.tables import users as accounts
    import sqlalchemy as sa

    name = server.user("rep")
    rep = server.login(name)
    _, cursor = rep.pull_all()
    user = admin.records()[rep.id]
    refused = rep.push_one(update("user", rep.id, user["version"], {"role": "rep"}, {"role": "admin"}))
    assert refused["error"]["code"] == "permission_denied"
    result = admin.push_one(update("user", rep.id, user["version"], {"role": "rep"}, {"role": "finance"}))
    assert result["status"] == "applied"
    with server.db.read() as conn:
        assert conn.execute(sa.select(accounts.c.role).where(accounts.c.id == rep.id)).scalar_one() == "finance"
    stale = rep.get("/sync/pull", cursor=cursor)
    assert stale.status_code == 410 and stale.json()["error"]["code"] == "resync_required"
    assert rep.get("/me").json()["role"] == "finance"
    assert rep.get("/sync/pull").status_code == 200
