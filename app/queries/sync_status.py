"""What the status bar and the badges show about the sync, read from the local tables."""
from __future__ import annotations

import json

from sqlalchemy import text

LAST_SYNC_KEY = "last_sync"  # profile setting the sync engine writes after a successful sync: {"at", "summary"}


def counts(session) -> dict:
    """{"pending": queued changes not yet accepted, "conflicts": open conflict flags,
    "rejected": rejected changes and other flags, "last_sync_at": str | None}."""
    pending = session.execute(text("SELECT count(*) FROM outbox WHERE state IN ('pending', 'sent')")).scalar()
    rejected_outbox = session.execute(text("SELECT count(*) FROM outbox WHERE state = 'rejected'")).scalar()
    conflicts = session.execute(text(
        "SELECT count(DISTINCT coalesce(conflict_id, record_id)) FROM sync_flags WHERE kind = 'conflict'")).scalar()
    last = session.execute(text("SELECT value FROM profile_settings WHERE key = :k"), {"k": LAST_SYNC_KEY}).scalar()
    last = json.loads(last) if last else None
    if isinstance(last, dict):
        last = last.get("at")
    flagged_rejections = session.execute(text(
        "SELECT count(*) FROM sync_flags f WHERE f.kind != 'conflict' AND NOT EXISTS (SELECT 1 FROM outbox o "
        "WHERE o.mutation_id = f.mutation_id AND o.state = 'rejected')")).scalar()
    return {"pending": pending, "conflicts": conflicts, "rejected": rejected_outbox + flagged_rejections,
            "last_sync_at": last}


def problems(session, entity: str, record_id: str) -> list[dict]:
    """The reasons a record carries a badge: conflicts and rejections with the values
    involved ({"kind", "message", "details"})."""
    out = [{"kind": r["kind"], "message": r["message"] or "", "details": _json(r["details"])} for r in session.execute(text(
        "SELECT kind, message, details FROM sync_flags WHERE entity = :e AND record_id = :id ORDER BY id"),
        {"e": entity, "id": record_id}).mappings()]
    for r in session.execute(text(
            "SELECT error, changes FROM outbox WHERE entity = :e AND record_id = :id AND state = 'rejected' "
            "ORDER BY seq"), {"e": entity, "id": record_id}).mappings():
        error = _json(r["error"]) or {}
        out.append({"kind": "rejected", "message": error.get("message", "") if isinstance(error, dict) else str(error),
                    "details": {"error": error, "changes": _json(r["changes"])}})
    return out


def _json(value):
    return json.loads(value) if isinstance(value, str) else value
