"""Sales quotas as the manager's grid shows them: the people a manager sets quotas for,
by month, with the amounts already set."""
from __future__ import annotations

from sqlalchemy import text

from app.rules.standards import normalise_month


def months(first: str, last: str) -> list[str]:
    """The months from `first` to `last` (YYYY-MM, inclusive); ValueError if reversed."""
    first, last = normalise_month(first), normalise_month(last)
    if last < first:
        raise ValueError(f"{last} is before {first}")
    out, (year, month) = [], (int(first[:4]), int(first[5:]))
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def grid(session, actor, first: str, last: str, currency: str = "CNY") -> dict:
    """{"months": [...], "people": [{id, name, team}], "amounts": {user_id: {month: minor}}}
    for `actor`: a manager sees the reps of their team and those reporting to them (and
    themself), an admin every rep and manager. Quotas in another currency are left out."""
    span = months(first, last)
    where = "u.role IN ('rep', 'manager')"
    params = {"me": actor.id, "first": span[0], "last": span[-1], "currency": currency}
    if actor.role != "admin":
        where += (" AND (u.id = :me OR u.manager_id = :me OR (u.team IS NOT NULL AND u.team = "
                  "(SELECT team FROM users WHERE id = :me)))")
    people = [dict(r) for r in session.execute(text(
        f"SELECT u.id, coalesce(u.display_name, u.username) AS name, u.team FROM users u "
        f"WHERE u.deleted_at IS NULL AND coalesce(u.active, 1) AND {where} ORDER BY 2, u.id"), params).mappings()]
    amounts: dict[str, dict[str, int]] = {p["id"]: {} for p in people}
    for user_id, period, amount in session.execute(text(
            "SELECT user_id, period, amount_minor FROM quotas WHERE deleted_at IS NULL AND period >= :first "
            "AND period <= :last AND currency = :currency"), params):
        if user_id in amounts:
            amounts[user_id][period] = amount
    return {"months": span, "people": people, "amounts": amounts, "currency": currency}
