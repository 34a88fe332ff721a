"""The devices that sync: who, which app version, how many changes they still hold."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite

from server.tables import devices


def report(changes, viewer, body) -> None:
    """Stage what a push tells about its device (client id, name, version, pending count)."""
    values = {"client_id": body.client_id, "user_id": viewer.id,
              "device_name": body.device_name or viewer.device_name, "app_version": body.app_version,
              "pending": body.pending, "last_push_at": changes.now}
    dialect = postgresql if changes.conn.dialect.name == "postgresql" else sqlite
    stmt = dialect.insert(devices).values(**values)
    stmt = stmt.on_conflict_do_update(index_elements=[devices.c.client_id],
                                      set_={k: stmt.excluded[k] for k in values if k != "client_id"})
    changes.execute(stmt)


def list_devices(conn, user_id: str | None = None) -> list[dict]:
    stmt = select(devices).order_by(devices.c.last_push_at.desc())
    if user_id:
        stmt = stmt.where(devices.c.user_id == user_id)
    return [dict(r) for r in conn.execute(stmt).mappings()]
