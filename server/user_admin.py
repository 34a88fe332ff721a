"""User administration from the admin's client: accounts with their books, edits of
role, manager, team and active (through the `user` record, so every client pulls them
and the account follows), passwords, and moving one rep's book to another.

A reassignment changes the owner of every live customer and lead of one user (and of
the deals on those customers the user owned): the records' books move, so the old
owner's devices get evictions and the new owner's get the records on their next sync.
"""
from __future__ import annotations

from sqlalchemy import func, select

from app.errors import NotFound, ValidationError
from app.rules import permissions
from app.rules.validation import validate_record
from server import users as accounts
from server.scopes import BOOK_ROLES, Viewer
from server.tables import records, users
from server.writer import Writer

ADMIN = ("admin",)


def _require_admin(viewer: Viewer, action: str) -> None:
    permissions.require_role(viewer.role, ADMIN, action)


def list_accounts(db, viewer: Viewer) -> list[dict]:
    """Every account (no secrets) with its manager's name and the size of its book."""
    _require_admin(viewer, "list accounts")
    with db.read() as conn:
        rows = conn.execute(select(users).order_by(users.c.username)).mappings().all()
        sizes = {}
        for entity in ("customer", "lead"):
            stmt = (select(records.c.book_owner_id, func.count()).where(
                records.c.entity == entity, records.c.deleted.is_(False)).group_by(records.c.book_owner_id))
            sizes[entity] = dict(conn.execute(stmt).all())
    names = {r["id"]: r["username"] for r in rows}
    return [{"id": r["id"], "username": r["username"], "display_name": r["display_name"], "role": r["role"],
             "manager_id": r["manager_id"], "manager": names.get(r["manager_id"]), "team": r["team"],
             "active": bool(r["active"]), "customers": sizes["customer"].get(r["id"], 0),
             "leads": sizes["lead"].get(r["id"], 0)} for r in rows]


def _account(conn, user_id: str) -> dict:
    row = conn.execute(select(users).where(users.c.id == user_id)).mappings().first()
    if row is None:
        raise NotFound(f"no user with id {user_id}", details={"id": user_id})
    return dict(row)


def _check_manager(conn, manager_id: str | None, user_id: str | None = None) -> None:
    if manager_id is None:
        return
    if manager_id == user_id:
        raise ValidationError({"manager_id": "a user cannot be their own manager"})
    row = conn.execute(select(users.c.role, users.c.active).where(users.c.id == manager_id)).first()
    if row is None:
        raise ValidationError({"manager_id": f"no user with id {manager_id}"})
    if row.role != "manager" or not row.active:
        raise ValidationError({"manager_id": "must be an active manager"})


def create_account(db, viewer: Viewer, body) -> dict:
    """Create an account with an initial password (an AccountCreate); returns it as listed."""
    _require_admin(viewer, "create accounts")
    manager = None
    if body.manager_id:
        with db.read() as conn:
            _check_manager(conn, body.manager_id)
            manager = _account(conn, body.manager_id)["username"]
    record = accounts.create_user(db, body.username, role=body.role, password=body.password,
                                  display_name=body.display_name, manager=manager, team=body.team)
    return next(a for a in list_accounts(db, viewer) if a["id"] == record["id"])


def update_account(db, viewer: Viewer, user_id: str, body) -> dict:
    """Change the fields given in `body` (an AccountUpdate) of a user's record; the
    account follows (a disabled user's tokens stop working, a new role or manager
    changes what people see). An admin cannot lock themselves out."""
    _require_admin(viewer, "change accounts")
    changes = {name: getattr(body, name) for name in body.model_fields_set}
    if viewer.id == user_id and (changes.get("active") is False or changes.get("role", "admin") != "admin"):
        raise ValidationError({"role" if "role" in changes else "active":
                               "you cannot disable or demote yourself; ask another admin"})
    if "role" in changes and changes["role"] is None:
        raise ValidationError({"role": "is required"})
    if "active" in changes and changes["active"] is None:
        raise ValidationError({"active": "must be true or false"})
    db.run_write(_update, db, viewer, user_id, changes)
    return next(a for a in list_accounts(db, viewer) if a["id"] == user_id)


def _update(conn, db, viewer: Viewer, user_id: str, changes: dict) -> None:
    _account(conn, user_id)
    if "manager_id" in changes:
        _check_manager(conn, changes["manager_id"], user_id)
    writer = Writer(conn, viewer, origin="admin", lock=db.is_postgres)
    row = writer.get(user_id)
    if row is None or row.entity != "user":
        raise NotFound(f"no user record with id {user_id}")
    after = validate_record("user", {**row.data, **changes}, dictionary=writer.dictionary, changed=list(changes))
    fields = [k for k in changes if after.get(k) != row.data.get(k)]
    if not fields:
        return
    if "role" in fields and after["role"] != "manager":
        reports = conn.execute(select(func.count()).select_from(users).where(
            users.c.manager_id == user_id, users.c.active.is_(True))).scalar()
        if reports:
            raise ValidationError({"role": f"{reports} active user(s) report to this manager; "
                                           "give them another manager first"})
    writer.save(row, after, fields)
    writer.changes.commit()


def set_password(db, viewer: Viewer, user_id: str, password: str) -> None:
    _require_admin(viewer, "set passwords")
    with db.read() as conn:
        username = _account(conn, user_id)["username"]
    accounts.set_password(db, username, password)


def reassign_book(db, viewer: Viewer, from_user_id: str, to_user_id: str) -> dict:
    """Give every live customer and lead of one user (and the deals they owned on those
    customers) to another. Returns the counts and the last version written."""
    _require_admin(viewer, "reassign books")
    if from_user_id == to_user_id:
        raise ValidationError({"to_user_id": "must differ from from_user_id"})
    return db.run_write(_reassign, db, viewer, from_user_id, to_user_id)


def _reassign(conn, db, viewer: Viewer, from_id: str, to_id: str) -> dict:
    _account(conn, from_id)
    target = _account(conn, to_id)
    if not target["active"] or target["role"] not in BOOK_ROLES:
        raise ValidationError({"to_user_id": "must be an active rep or manager (someone with a book)"})
    writer = Writer(conn, viewer, origin="admin", lock=db.is_postgres)
    moved = {"customer": [], "lead": [], "deal": []}
    for entity in ("customer", "lead"):
        ids = conn.execute(select(records.c.id).where(
            records.c.entity == entity, records.c.deleted.is_(False),
            records.c.book_owner_id == from_id)).scalars().all()
        writer.changes.load(ids)
        for rid in ids:
            row = writer.get(rid)
            if row.data.get("owner_id") == from_id:
                writer.save(row, {**row.data, "owner_id": to_id}, ["owner_id"])
                moved[entity].append(rid)
    if moved["customer"]:
        ids = []
        for start in range(0, len(moved["customer"]), 500):
            ids += conn.execute(select(records.c.id).where(
                records.c.entity == "deal", records.c.deleted.is_(False),
                records.c.root_id.in_(moved["customer"][start:start + 500]))).scalars().all()
        writer.changes.load(ids)
        for rid in ids:
            row = writer.get(rid)
            if row.data.get("owner_id") == from_id:
                writer.save(row, {**row.data, "owner_id": to_id}, ["owner_id"])
                moved["deal"].append(rid)
    last = None
    if writer.changes.has_changes():
        writer.changes.commit()
        last = max(writer.get(rid).version for ids in moved.values() for rid in ids)
    return {"customers": len(moved["customer"]), "leads": len(moved["lead"]), "deals": len(moved["deal"]),
            "version": last}
