"""Builders of each kind of conflict between real clients of the real server: a rep and
their manager working on the same book, one of them offline."""
from __future__ import annotations

import uuid

from app.services import customers, deals


def team(server, clients):
    """(rep engine, manager engine), both signed in and synced."""
    manager = server.user("manager")
    rep, boss = clients(server.user("rep", manager=manager)), clients(manager)
    return rep, boss


def shared_customer(rep, boss, **values) -> dict:
    c = rep.store.run(customers.create_customer, {"name": f"冲突客户 {uuid.uuid4().hex}", **values},
                      allow_duplicate=True)
    rep.sync()
    boss.sync()
    return c


def field_conflict(server, clients, mine: dict, theirs: dict | None = None):
    """The manager and the rep change the same fields differently; the rep's push
    conflicts. Returns (rep, boss, customer)."""
    rep, boss = team(server, clients)
    c = shared_customer(rep, boss, **{k: "开始" for k in mine})
    boss.store.run(customers.update_customer, c["id"], theirs or {k: "经理改的" for k in mine})
    boss.sync()
    rep.store.run(customers.update_customer, c["id"], mine)
    assert rep.sync().conflicts == 1
    return rep, boss, c


def edit_delete(server, clients):
    """The manager deletes a customer the rep edits offline."""
    rep, boss = team(server, clients)
    c = shared_customer(rep, boss, notes="开始")
    boss.store.run(customers.delete_customer, c["id"])
    boss.sync()
    rep.store.run(customers.update_customer, c["id"], {"notes": "离线时补充的重要信息"})
    assert rep.sync().conflicts == 1
    return rep, boss, c


def delete_edit(server, clients):
    """The rep deletes a customer offline the manager has edited meanwhile."""
    rep, boss = team(server, clients)
    c = shared_customer(rep, boss, notes="开始")
    boss.store.run(customers.update_customer, c["id"], {"notes": "经理刚更新"})
    boss.sync()
    rep.store.run(customers.delete_customer, c["id"])
    assert rep.sync().conflicts == 1
    return rep, boss, c


def orphan(server, clients):
    """The rep adds a contact offline under a customer the manager deleted; a second
    customer is there to move it to. Returns (rep, boss, gone, home, contact)."""
    rep, boss = team(server, clients)
    gone = shared_customer(rep, boss)
    home = shared_customer(rep, boss)
    boss.store.run(customers.delete_customer, gone["id"])
    boss.sync()
    contact = rep.store.run(customers.create_contact, {"name": "孤儿联系人", "customer_id": gone["id"]})
    assert rep.sync().conflicts == 1
    return rep, boss, gone, home, contact


def duplicate(server, clients):
    """A customer exists; a second rep of the same manager adds the same company (same
    phone) offline, with a contact and a deal. Returns (first rep, second rep, boss,
    existing, new, contact, deal)."""
    manager = server.user("manager")
    first, second = clients(server.user("rep", manager=manager)), clients(server.user("rep", manager=manager))
    boss = clients(manager)
    phone = f"+86139{uuid.uuid4().int % 10**8:08d}"
    tag = uuid.uuid4().hex[:6]
    existing = first.store.run(customers.create_customer, {"name": f"杭州{tag}电子有限公司", "phone": phone,
                                                           "address": "杭州市滨江区"}, allow_duplicate=True)
    first.sync()
    new = second.store.run(customers.create_customer, {"name": f"Hangzhou {tag} Electronics", "phone": phone,
                                                       "email": f"sales.{tag}@example.com"}, allow_duplicate=True)
    contact = second.store.run(customers.create_contact, {"name": "赵敏", "customer_id": new["id"]})
    deal = second.store.run(deals.create_deal, {"customer_id": new["id"], "name": "传感器采购",
                                                "stage": "prospecting"})
    assert second.sync().conflicts == 1
    boss.sync()
    return first, second, boss, existing, new, contact, deal
