"""The devices that sync: who, which app version, how many changes they still hold."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite

from app import clock
from server.tables import devices


def _upsert(conn, values: dict):
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    stmt = dialect.insert(devices).values(**values)
    return stmt.on_conflict_do_update(index_elements=[devices.c.client_id],
                                      set_={k: stmt.excluded[k] for k in values if k != "client_id"})


# A finished pull is written down at most this often per device: "last sync" to the
# minute, without a write transaction on every sync of every client.
PULL_NOTE_SECONDS = 60


def saw_pull(db, viewer) -> None:
    """Record that the viewer's device finished a pull (its token names the device): a
    device with nothing to send still shows when it last synced."""
    if not viewer.client_id:
        return
    now = clock.now()
    with db.read() as conn:
        known = conn.execute(select(devices.c.user_id, devices.c.last_pull_at)
                             .where(devices.c.client_id == viewer.client_id)).first()
    recent = clock.format_datetime(now - dt.timedelta(seconds=PULL_NOTE_SECONDS))
    if known is not None and known.user_id == viewer.id and (known.last_pull_at or "") > recent:
        return
    values = {"client_id": viewer.client_id, "user_id": viewer.id, "last_pull_at": clock.format_datetime(now)}
    if viewer.device_name:
        values["device_name"] = viewer.device_name
    with db.write() as conn:
        conn.execute(_upsert(conn, values))


def report(changes, viewer, body) -> None:
    """Stage what a push tells about its device (client id, name, version, pending count)."""
    values = {"client_id": body.client_id, "user_id": viewer.id,
              "device_name": body.device_name or viewer.device_name, "app_version": body.app_version,
              "pending": body.pending, "last_push_at": changes.now}
    changes.execute(_upsert(changes.conn, values))


def overview(conn) -> list[dict]:
    """Every device that has synced: its user, app version, what it still held at its
    last push, its last sync (the later of its last push and its last finished pull),
    and how many of its mutations were rejected and how many of its conflicts are still
    open. Most recent sync first."""
    from sqlalchemy import func

    from server.tables import conflicts, mutation_results, users

    # Results are stored as compact JSON; a rejection is the only result with this text.
    rejected = dict(conn.execute(
        select(mutation_results.c.client_id, func.count())
        .where(mutation_results.c.result.like('%"status":"rejected"%'))
        .group_by(mutation_results.c.client_id)).all())
    open_conflicts = dict(conn.execute(
        select(conflicts.c.client_id, func.count()).where(conflicts.c.status == "open")
        .group_by(conflicts.c.client_id)).all())
    stmt = select(devices, users.c.username).select_from(devices.outerjoin(users, users.c.id == devices.c.user_id))
    out = [{**{k: r[k] for k in ("client_id", "user_id", "username", "device_name", "app_version", "pending",
                                 "last_push_at", "last_pull_at")},
            "last_sync_at": max(r["last_push_at"] or "", r["last_pull_at"] or "") or None,
            "rejected": rejected.get(r["client_id"], 0), "open_conflicts": open_conflicts.get(r["client_id"], 0)}
           for r in conn.execute(stmt).mappings()]
    return sorted(out, key=lambda d: (d["last_sync_at"] or "", d["client_id"]), reverse=True)
