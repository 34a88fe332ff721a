"""User administration and devices through the server's admin endpoints, with the
engine's token (sync/admin.py). Changes reach every client as `user` records."""
from __future__ import annotations

from sync.admin import call
from sync.engine import SyncEngine

EDITABLE = ("display_name", "role", "manager_id", "team", "active")


def list_users(engine: SyncEngine) -> list[dict]:
    """Every account: id, username, display_name, role, manager_id, manager, team,
    active, and the size of its book (customers, leads)."""
    return call(engine, "GET", "/admin/users")


def create_user(engine: SyncEngine, username: str, password: str, role: str, *, display_name: str | None = None,
                manager_id: str | None = None, team: str | None = None) -> dict:
    body = {"username": username, "password": password, "role": role}
    for key, value in (("display_name", display_name), ("manager_id", manager_id), ("team", team)):
        if value:
            body[key] = value
    return call(engine, "POST", "/admin/users", body=body, retry=False)


def update_user(engine: SyncEngine, user_id: str, **changes) -> dict:
    """Change some of display_name, role, manager_id (None removes it), team, active."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable here: {', '.join(sorted(unknown))}")
    return call(engine, "PATCH", f"/admin/users/{user_id}", body=changes, retry=False)


def set_password(engine: SyncEngine, user_id: str, password: str) -> None:
    call(engine, "POST", f"/admin/users/{user_id}/password", body={"password": password}, retry=False)


def reassign_book(engine: SyncEngine, from_user_id: str, to_user_id: str) -> dict:
    """Move one user's book to another; returns {"customers", "leads", "deals", "version"}."""
    return call(engine, "POST", "/admin/reassign", body={"from_user_id": from_user_id, "to_user_id": to_user_id},
                retry=False)


def list_devices(engine: SyncEngine) -> list[dict]:
    """Per device: user, name, app version, pending at last push, last push, rejected
    mutations and open conflicts."""
    return call(engine, "GET", "/admin/devices")
