"""Activities and tasks: the list, what is due, and what just fell due."""
from __future__ import annotations

from sqlalchemy import text

from app.queries.listing import Column, ListSpec, SavedFilter, sync_column

LIST = ListSpec(
    entity="activity",
    from_sql="activities a LEFT JOIN customers c ON c.id = a.customer_id LEFT JOIN deals d ON d.id = a.deal_id",
    id_sql="a.id",
    where="a.deleted_at IS NULL",
    default_sort="when",
    descending=True,
    columns=(
        Column("kind", "Kind", "a.kind", kind="kind"),
        Column("subject", "Subject", "a.subject"),
        Column("customer", "Customer", "c.name"),
        Column("deal", "Deal", "d.name"),
        Column("due", "Due", "a.due_at", kind="due"),
        Column("done", "Done", "a.done_at", kind="datetime"),
        Column("when", "When", "coalesce(a.done_at, a.due_at, a.created_at)", kind="datetime", visible=False),
        sync_column("activity", "a.id"),
    ),
    search_sql=("a.subject", "c.name"),
    filters=(
        SavedFilter("tasks_due_week", "Tasks due this week",
                    "a.kind = 'task' AND a.done_at IS NULL AND a.due_at <= :week_end AND a.owner_id = :me"),
        SavedFilter("overdue", "Overdue tasks", "a.kind = 'task' AND a.done_at IS NULL AND a.due_at < :now"),
        SavedFilter("open_tasks", "Open tasks", "a.kind = 'task' AND a.done_at IS NULL"),
        SavedFilter("logged", "Calls, visits and meetings", "a.kind IN ('call', 'visit', 'meeting')"),
    ),
    extra={"conditions": {"customer_id": "a.customer_id", "deal_id": "a.deal_id"}},
)


def due_between(session, me: str, after: str, until: str) -> list[dict]:
    """Open tasks of `me` whose due time is in (after, until]: the reminders to show."""
    return [dict(r) for r in session.execute(text(
        "SELECT a.id, a.subject, a.due_at, c.name AS customer_name FROM activities a "
        "LEFT JOIN customers c ON c.id = a.customer_id WHERE a.deleted_at IS NULL AND a.kind = 'task' "
        "AND a.done_at IS NULL AND a.owner_id = :me AND a.due_at > :after AND a.due_at <= :until "
        "ORDER BY a.due_at"), {"me": me, "after": after, "until": until}).mappings()]


def activity(session, activity_id: str) -> dict | None:
    row = session.execute(text("SELECT * FROM activities WHERE id = :id AND deleted_at IS NULL"),
                          {"id": activity_id}).mappings().first()
    return dict(row) if row else None
