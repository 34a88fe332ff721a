"""A record's history from the audit trail."""
from __future__ import annotations

from sqlalchemy import text


def record_history(session, entity: str, record_id: str, limit: int = 300) -> list[dict]:
    """Audit events of one record, newest first: {at, who, action, field, old, new, origin}
    with old/new as their stored JSON text."""
    return [dict(r) for r in session.execute(text(
        "SELECT e.at, coalesce(u.display_name, u.username, e.actor_id) AS who, e.action, e.field, e.old, e.new, "
        "e.origin FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id "
        "WHERE e.entity = :e AND e.record_id = :id ORDER BY e.id DESC LIMIT :limit"),
        {"e": entity, "id": record_id, "limit": limit}).mappings()]
