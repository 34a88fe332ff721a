"""Deals: the list, the pipeline board (per-stage count, total and weighted total) and
a deal's stage history."""
from __future__ import annotations

from sqlalchemy import text

from app.queries.listing import Column, ListSpec, SavedFilter, sync_column
from app.rules.states import DEAL_STAGES

LIST = ListSpec(
    entity="deal",
    from_sql="deals d LEFT JOIN customers c ON c.id = d.customer_id LEFT JOIN users u ON u.id = d.owner_id",
    id_sql="d.id",
    where="d.deleted_at IS NULL",
    default_sort="expected_close",
    columns=(
        Column("name", "Deal", "d.name"),
        Column("customer", "Customer", "c.name"),
        Column("stage", "Stage", "d.stage", kind="stage"),
        Column("amount", "Amount", "d.amount_minor", kind="money", currency_sql="d.currency"),
        Column("probability", "Probability", "d.probability", kind="percent"),
        Column("expected_close", "Expected close", "d.expected_close", kind="date"),
        Column("owner", "Owner", "coalesce(u.display_name, u.username)"),
        Column("closed_on", "Closed", "d.closed_on", kind="date", visible=False),
        Column("stage_age", "In stage since", "d.stage_changed_at", kind="datetime", visible=False),
        sync_column("deal", "d.id"),
    ),
    search_sql=("d.name", "c.name"),
    filters=(
        SavedFilter("my_open", "My open deals", "d.owner_id = :me AND d.stage NOT IN ('won', 'lost')"),
        SavedFilter("open", "Open deals", "d.stage NOT IN ('won', 'lost')"),
        SavedFilter("closing_this_week", "Closing this week",
                    "d.stage NOT IN ('won', 'lost') AND d.expected_close <= substr(:week_end, 1, 10)"),
        SavedFilter("won", "Won", "d.stage = 'won'"),
    ),
    extra={"conditions": {"customer_id": "d.customer_id"}},
)

CARD_LIMIT = 100


def _scope(mine: bool) -> str:
    return " AND d.owner_id = :me" if mine else ""


def board(session, *, me: str, mine: bool = False, default_probability: dict | None = None,
          card_limit: int = CARD_LIMIT) -> dict:
    """The pipeline board: {stage: {"count", "totals": {currency: minor}, "weighted":
    {currency: minor}, "cards": [deal dicts, biggest first, at most card_limit]}}.
    Weighted totals use each deal's probability, else the stage's default."""
    default_probability = default_probability or {}
    out = {stage: {"count": 0, "totals": {}, "weighted": {}, "cards": []} for stage in DEAL_STAGES}
    rows = session.execute(text(
        "SELECT d.stage, d.currency, count(*), sum(coalesce(d.amount_minor, 0)), "
        "sum(coalesce(d.amount_minor, 0) * d.probability), "
        "sum(CASE WHEN d.probability IS NULL THEN coalesce(d.amount_minor, 0) ELSE 0 END) "
        f"FROM deals d WHERE d.deleted_at IS NULL{_scope(mine)} GROUP BY d.stage, d.currency"), {"me": me})
    for stage, currency, n, total, weighted_sum, unweighted in rows:
        if stage not in out:
            continue
        col = out[stage]
        col["count"] += n
        col["totals"][currency] = col["totals"].get(currency, 0) + total
        weighted = (weighted_sum or 0) + unweighted * default_probability.get(stage, 0)
        col["weighted"][currency] = col["weighted"].get(currency, 0) + round(weighted / 100)
    for stage in DEAL_STAGES:
        out[stage]["cards"] = [dict(r) for r in session.execute(text(
            "SELECT d.id, d.name, d.stage, d.amount_minor, d.currency, d.expected_close, d.probability, "
            "c.name AS customer_name FROM deals d LEFT JOIN customers c ON c.id = d.customer_id "
            f"WHERE d.deleted_at IS NULL AND d.stage = :stage{_scope(mine)} "
            "ORDER BY coalesce(d.amount_minor, 0) DESC, d.id LIMIT :limit"),
            {"stage": stage, "me": me, "limit": card_limit}).mappings()]
    return out


def deal(session, deal_id: str) -> dict | None:
    row = session.execute(text(
        "SELECT d.*, c.name AS customer_name FROM deals d LEFT JOIN customers c ON c.id = d.customer_id "
        "WHERE d.id = :id AND d.deleted_at IS NULL"), {"id": deal_id}).mappings().first()
    return dict(row) if row else None


def stage_history(session, deal_id: str) -> list[dict]:
    return [dict(r) for r in session.execute(text(
        "SELECT e.from_stage, e.to_stage, e.changed_at, coalesce(u.display_name, u.username) AS changed_by "
        "FROM deal_stage_events e LEFT JOIN users u ON u.id = e.changed_by "
        "WHERE e.deal_id = :id AND e.deleted_at IS NULL ORDER BY e.changed_at, e.created_at"), {"id": deal_id}).mappings()]
