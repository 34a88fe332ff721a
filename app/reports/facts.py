"""The aggregates several metrics share, each computed by one pass of SQL and kept for
the rest of one report: open deals (funnel, forecast, aging, coverage) and closed deals
(funnel, win rate, coverage). A dashboard over 200,000 deals reads each table once."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from sqlalchemy import text

from app import clock
from app.reports.filters import OPEN_SQL, Scope
from app.rules.states import DEAL_STAGES

HISTORY_STAGES = tuple(st for st in DEAL_STAGES if st != "won")
HEAVY = ("open_rows", "closed_rows", "won_history", "stuck")
# Upper bounds (days in the current stage) of the aging buckets; the last is open-ended.
AGE_BUCKETS = (7, 30, 60, 90)
AGE_LABELS = ("0-7", "8-30", "31-60", "61-90", "90+")


@dataclass(frozen=True)
class OpenRow:
    stage: str
    month: str | None      # of expected_close
    bucket: int            # index into AGE_LABELS
    owner_id: str | None
    count: int
    amount: int
    weighted: float        # amount x probability / 100


@dataclass(frozen=True)
class ClosedRow:
    month: str             # of closed_on
    owner_id: str | None
    product_id: str | None
    stage: str             # won | lost
    count: int
    amount: int


class Facts:
    def __init__(self, session, scope: Scope, dictionary):
        self.session = session
        self.scope = scope
        self.dictionary = dictionary

    def cutoff(self, days: int) -> str:
        """The date `days` before the as-of date (YYYY-MM-DD)."""
        return (clock.parse_date(self.scope.as_of) - dt.timedelta(days=days)).isoformat()

    def _open_deals(self) -> str:
        """Most deals are open: without an owner or product filter (which have indexes of
        their own) the table is read straight through, not row by row through an index."""
        f = self.scope.filter
        return "deals d" if (f.rep or f.team or f.manager or f.product_id) else "deals d NOT INDEXED"

    @cached_property
    def open_rows(self) -> list[OpenRow]:
        s = self.scope
        probability = " ".join(f"WHEN '{st}' THEN {int(self.dictionary.stage_probability(st))}" for st in DEAL_STAGES)
        # Age in the stage from the day it was entered (a timestamp sorts after its own
        # day, so comparing it with the cutoff day compares the days).
        bucket = "CASE " + " ".join(
            f"WHEN coalesce(d.stage_changed_at, d.created_at) >= '{self.cutoff(limit)}' THEN {i}"
            for i, limit in enumerate(AGE_BUCKETS)) + f" ELSE {len(AGE_BUCKETS)} END"
        sql = (f"SELECT d.stage, substr(d.expected_close, 1, 7), {bucket}, d.owner_id, count(*), "
               f"coalesce(sum(d.amount_minor), 0), "
               f"coalesce(sum(d.amount_minor * coalesce(d.probability, CASE d.stage {probability} END)), 0) "
               f"FROM {self._open_deals()} WHERE +d.stage IN {OPEN_SQL} AND {s.deals('d')} GROUP BY 1, 2, 3, 4")
        return [OpenRow(stage, month, b, owner, n, amount, weighted / 100)
                for stage, month, b, owner, n, amount, weighted in self.session.execute(text(sql), s.params)]

    @cached_property
    def closed_rows(self) -> list[ClosedRow]:
        s = self.scope
        # Read from the (stage, closed_on, ...) index alone, never the table.
        sql = (f"SELECT substr(d.closed_on, 1, 7), d.owner_id, d.product_id, d.stage, count(*), "
               f"coalesce(sum(d.amount_minor), 0) FROM deals d WHERE d.stage IN ('won', 'lost') "
               f"AND {s.deals('d')}{s.period('d.closed_on')} GROUP BY 1, 2, 3, 4")
        return [ClosedRow(*row) for row in self.session.execute(text(sql), s.params)]

    @cached_property
    def won_history(self) -> tuple:
        """Over the won deals of the period: (deals with a first stage event, the sum of
        their days from first event to close), then per stage not won (deals that left
        it, the days they spent in it: exit times minus entry times, in Julian days)."""
        s = self.scope
        # One pass over the won deals' stage events, no sort or window: the days spent in
        # a stage are the sum of its exit times minus the sum of its entry times (every
        # stage a won deal entered, it left).
        parts = ["count(CASE WHEN e.from_stage IS NULL THEN 1 END)",
                 "sum(CASE WHEN e.from_stage IS NULL THEN julianday(d.closed_on) - julianday(e.changed_at) END)"]
        for st in HISTORY_STAGES:
            parts += [f"count(CASE WHEN e.from_stage = '{st}' THEN 1 END)",
                      f"sum(CASE WHEN e.from_stage = '{st}' THEN julianday(e.changed_at) "
                      f"WHEN e.to_stage = '{st}' THEN -julianday(e.changed_at) END)"]
        return tuple(self.session.execute(text(
            f"SELECT {', '.join(parts)} FROM deals d JOIN deal_stage_events e ON e.deal_id = d.id "
            f"WHERE d.stage = 'won' AND {s.deals('d')}{s.period('d.closed_on')}"), s.params).one())

    @cached_property
    def stuck(self) -> list[tuple]:
        """(id, owner_id, amount_minor, in stage since) of the open deals with no stage
        change and no activity done or scheduled in the last `stuck_days` days."""
        s = self.scope
        cutoff = self.cutoff(s.filter.stuck_days)
        return [tuple(r) for r in self.session.execute(text(
            f"SELECT d.id, d.owner_id, d.amount_minor, substr(coalesce(d.stage_changed_at, d.created_at), 1, 10) "
            f"FROM {self._open_deals()} WHERE +d.stage IN {OPEN_SQL} AND {s.deals('d')} "
            f"AND coalesce(d.stage_changed_at, d.created_at) < :cutoff "
            f"AND NOT EXISTS (SELECT 1 FROM activities a WHERE a.deal_id = d.id AND a.deleted_at IS NULL "
            f"AND (a.done_at >= :cutoff OR (a.done_at IS NULL AND a.due_at >= :cutoff)))"),
            {**s.params, "cutoff": cutoff})]

    @cached_property
    def users(self) -> dict[str, dict]:
        rows = self.session.execute(text("SELECT id, username, display_name, team, manager_id FROM users"))
        return {r[0]: {"username": r[1], "name": r[2] or r[1], "team": r[3], "manager_id": r[4]} for r in rows}

    @cached_property
    def products(self) -> dict[str, str]:
        return dict(self.session.execute(text("SELECT id, name FROM products")).all())

    def user_name(self, user_id: str | None) -> str:
        if not user_id:
            return "(nobody)"
        user = self.users.get(user_id)
        return user["name"] if user else user_id

    def team_of(self, user_id: str | None) -> str:
        user = self.users.get(user_id) if user_id else None
        return (user or {}).get("team") or "(no team)"
