"""What a report looks at: the period, the people, the product, the currency.

A ReportFilter is plain data (the dashboard's filter bar, the `report` command's
options); `scope()` resolves it against the store into the SQL conditions every metric
shares. Money is never added across currencies: a report is in one currency, the one
asked for or else the one most deals are in, and says which.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import text

from app import clock
from app.rules.states import OPEN_STAGES

DEFAULT_STUCK_DAYS = 30
OPEN_SQL = "(" + ", ".join(f"'{s}'" for s in OPEN_STAGES) + ")"


@dataclass(frozen=True)
class ReportFilter:
    """Dates are inclusive `YYYY-MM-DD`; no dates means all time. `rep` is a user id,
    `team` a users.team name, `manager` a user id (that manager and their reports)."""

    date_from: str | None = None
    date_to: str | None = None
    rep: str | None = None
    team: str | None = None
    manager: str | None = None
    product_id: str | None = None
    currency: str | None = None
    stuck_days: int = DEFAULT_STUCK_DAYS
    as_of: str | None = None

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass
class Scope:
    """A filter resolved for SQL: `deals("d")` is the condition on a deals alias."""

    filter: ReportFilter
    as_of: str
    currency: str
    date_from: str | None
    date_to: str | None
    params: dict = field(default_factory=dict)

    def owner(self, column: str) -> str:
        f = self.filter
        if f.rep:
            return f" AND {column} = :rep"
        if f.team:
            return f" AND {column} IN (SELECT id FROM users WHERE team = :team)"
        if f.manager:
            return f" AND ({column} = :manager OR {column} IN (SELECT id FROM users WHERE manager_id = :manager))"
        return ""

    def deals(self, alias: str = "d", *, currency: bool = True) -> str:
        """Live deals of the filter's people and product (and the report's currency)."""
        sql = f"{alias}.deleted_at IS NULL" + self.owner(f"{alias}.owner_id")
        if self.filter.product_id:
            sql += f" AND {alias}.product_id = :product_id"
        if currency:
            sql += f" AND {alias}.currency = :currency"
        return sql

    def period(self, column: str) -> str:
        """The condition that a date (or timestamp) column falls in the period."""
        sql = ""
        if self.date_from:
            sql += f" AND {column} >= :date_from"
        if self.date_to:
            # A timestamp on the last day sorts after the bare date: compare with the next day.
            sql += f" AND {column} < :date_after"
        return sql

    def days_in_period(self, earliest: str | None = None) -> int:
        start = self.date_from or earliest or self.as_of
        return (clock.parse_date(self.date_to or self.as_of) - clock.parse_date(start)).days + 1


def scope(session, f: ReportFilter, *, today: dt.date | None = None) -> Scope:
    """Resolve `f`: the as-of date (its `as_of`, else the end of the period, else today)
    and the report currency (its `currency`, else the currency most live deals are in)."""
    today = today or clock.today()
    as_of = f.as_of or f.date_to or today.isoformat()
    for name in ("date_from", "date_to", "as_of"):
        value = getattr(f, name)
        if value is not None:
            clock.parse_date(value)  # ValueError for a malformed date
    currency = f.currency or reporting_currency(session)
    params = {"currency": currency, "as_of": as_of, "rep": f.rep, "team": f.team, "manager": f.manager,
              "product_id": f.product_id, "date_from": f.date_from, "date_to": f.date_to}
    if f.date_to:
        params["date_after"] = (clock.parse_date(f.date_to) + dt.timedelta(days=1)).isoformat()
    return Scope(f, as_of, currency, f.date_from, f.date_to, params)


def reporting_currency(session) -> str:
    """The currency most of the latest 5,000 deals are in (CNY for an empty store): a
    sample, so the choice costs milliseconds on any store; pass a currency to choose."""
    row = session.execute(text(
        "SELECT currency FROM (SELECT currency FROM deals WHERE deleted_at IS NULL ORDER BY rowid DESC LIMIT 5000) "
        "GROUP BY currency ORDER BY count(*) DESC, currency LIMIT 1")).first()
    return row[0] if row else "CNY"


def default_filter(session, actor, **overrides) -> ReportFilter:
    """The dashboard's starting filter for a role: a rep sees their own deals, a manager
    their team (the users.team they are in, else the people reporting to them), finance
    and admins everything (finance starts on receivables, see FOCUS)."""
    values: dict = {}
    if actor.role == "rep":
        values["rep"] = actor.id
    elif actor.role == "manager":
        team = session.execute(text("SELECT team FROM users WHERE id = :id"), {"id": actor.id}).scalar()
        if team:
            values["team"] = team
        else:
            values["manager"] = actor.id
    values.update({k: v for k, v in overrides.items() if v is not None})
    return ReportFilter(**values)


# The metrics a role sees first, in order (every role may open every metric).
FOCUS = {
    "rep": ("pipeline_funnel", "weighted_forecast", "stage_aging", "stuck_deals", "win_rate", "sales_cycle",
            "pipeline_coverage", "lead_conversion"),
    "manager": ("pipeline_coverage", "pipeline_funnel", "weighted_forecast", "win_rate", "stuck_deals",
                "stage_aging", "sales_cycle", "lead_conversion", "quote_to_cash"),
    "finance": ("receivables_aging", "dso", "quote_to_cash", "weighted_forecast", "win_rate"),
    "admin": ("pipeline_funnel", "weighted_forecast", "win_rate", "sales_cycle", "stage_aging", "stuck_deals",
              "lead_conversion", "pipeline_coverage", "quote_to_cash", "dso", "receivables_aging"),
}
