"""Accounts: server-side users (argon2 password hashes, role, manager, active), each
published as a `user` record without secrets so every client can show who is who."""
from __future__ import annotations

import uuid

from sqlalchemy import bindparam, select, update

from app import clock
from app.errors import NotFound, ValidationError
from app.rules.states import ROLES
from app.rules.validation import validate_record
from server import auth
from server.changes import ChangeSet
from server.dictionary import current as current_dictionary
from server.records import Row
from server.tables import GLOBAL_BOOK, tokens, users

# user record fields the server mirrors into the account
MIRRORED = ("display_name", "role", "manager_id", "team", "active")


def _record(row) -> dict:
    return {"id": row["id"], "username": row["username"], "display_name": row["display_name"],
            "role": row["role"], "manager_id": row["manager_id"], "team": row["team"],
            "active": bool(row["active"])}


def create_user(db, username: str, *, role: str, password: str, display_name: str | None = None,
                manager: str | None = None, team: str | None = None) -> dict:
    """Create an account and its `user` record; returns the record. Raises
    ValidationError for a bad role, a taken user name, an unknown manager or an empty password."""
    username = (username or "").strip()
    errors = {}
    if not username or len(username) > 64:
        errors["username"] = "must be 1 to 64 characters"
    if role not in ROLES:
        errors["role"] = f"must be one of {', '.join(ROLES)}"
    if not password:
        errors["password"] = "must not be empty"
    if errors:
        raise ValidationError(errors)
    password_hash = auth.hash_password(password)

    def create(conn) -> dict:
        if conn.execute(select(users.c.id).where(users.c.username == username)).first():
            raise ValidationError({"username": f"{username} already exists"})
        manager_id = None
        if manager:
            found = conn.execute(select(users.c.id).where(users.c.username == manager)).first()
            if found is None:
                raise ValidationError({"manager": f"no user named {manager}"})
            manager_id = found.id
        now = clock.now_iso()
        row = {"id": str(uuid.uuid4()), "username": username, "display_name": display_name or username,
               "role": role, "manager_id": manager_id, "team": team, "active": True}
        record = validate_record("user", row, dictionary=current_dictionary(conn))
        conn.execute(users.insert().values(**row, password_hash=password_hash, scope_seq=0,
                                           created_at=now, updated_at=now))
        changes = ChangeSet(conn, now=now, user_id=None, origin="system", lock=db.is_postgres)
        changes.put(Row(row["id"], "user", {**record, "created_at": now, "updated_at": now}, None, False,
                        GLOBAL_BOOK, None, {}), [k for k in record if k != "id"], action="create")
        changes.commit()
        return record
    return db.run_write(create)


def set_password(db, username: str, password: str) -> None:
    if not password:
        raise ValidationError({"password": "must not be empty"})
    password_hash = auth.hash_password(password)

    def change(conn):
        done = conn.execute(update(users).where(users.c.username == username)
                            .values(password_hash=password_hash, updated_at=clock.now_iso()))
        if done.rowcount == 0:
            raise NotFound(f"no user named {username}")
    db.run_write(change)


def disable_user(db, username: str) -> dict:
    """Disable an account: its tokens stop working and its `user` record says inactive."""
    def disable(conn) -> dict:
        found = conn.execute(select(users).where(users.c.username == username)).mappings().first()
        if found is None:
            raise NotFound(f"no user named {username}")
        now = clock.now_iso()
        conn.execute(update(users).where(users.c.id == found["id"]).values(active=False, updated_at=now))
        auth.revoke_all(conn, found["id"])
        changes = ChangeSet(conn, now=now, user_id=None, origin="system", lock=db.is_postgres)
        row = changes.get(found["id"])
        if row is not None and row.data.get("active") is not False:
            changes.put(row.but(data={**row.data, "active": False}), ["active"],
                        audit_fields={"active": (True, False)})
            changes.commit()
        return {**_record(found), "active": False}
    return db.run_write(disable)


def list_users(db) -> list[dict]:
    with db.read() as conn:
        rows = conn.execute(select(users).order_by(users.c.username)).mappings().all()
        names = {r["id"]: r["username"] for r in rows}
        return [{**_record(r), "manager": names.get(r["manager_id"])} for r in rows]


def mirror(changes: ChangeSet, before: dict, after: dict, change) -> None:
    """Stage the account side of an admin's edit of a `user` record (`change` is that
    edit). A change of role or manager changes what people may see: pull cursors from
    before it are refused (the clients start over), for the user and for the managers
    whose team changed."""
    values = {k: after.get(k) for k in MIRRORED if after.get(k) != before.get(k)}
    if not values:
        return
    values["updated_at"] = changes.now
    changes.execute(update(users).where(users.c.id == after["id"]).values(**values))
    if "active" in values and not values["active"]:
        changes.execute(update(tokens).where(tokens.c.user_id == after["id"], tokens.c.revoked_at.is_(None))
                        .values(revoked_at=changes.now))
    if "role" in values or "manager_id" in values:
        affected = sorted({after["id"], before.get("manager_id"), after.get("manager_id")} - {None})
        changes.execute(update(users).where(users.c.id.in_(affected)).values(scope_seq=bindparam("mark")),
                        {"mark": change})
