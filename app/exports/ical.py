"""Activities and tasks as iCalendar (RFC 5545), so calendar apps show visits and calls.

A task is a VTODO (due date, completed or not); any other activity with a time is a
VEVENT starting when it is due (or when it was done) and lasting a usual time for its
kind. UIDs are stable (`<id>@ltc-desk`), so a calendar that imports the file again
updates its events instead of duplicating them. Activities with no time at all are
left out (the count says how many).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import icalendar
from sqlalchemy import select

from app import clock
from app.models import Activity, Customer

DURATION = {"visit": dt.timedelta(hours=1), "meeting": dt.timedelta(hours=1),
            "call": dt.timedelta(minutes=15), "email": dt.timedelta(minutes=15),
            "note": dt.timedelta(minutes=15), "reminder": dt.timedelta(minutes=15)}
UID_DOMAIN = "ltc-desk"


@dataclass(frozen=True)
class CalendarExport:
    path: Path
    events: int
    todos: int
    skipped: int


def _time(text: str | None) -> dt.datetime | None:
    return clock.parse_datetime(text) if text else None


def activity_component(activity: dict, customer: dict | None, *, stamp: dt.datetime):
    """One activity as a VEVENT or VTODO; None when it has no time to show."""
    title = activity["subject"] + (f" ({customer['name']})" if customer else "")
    if activity["kind"] == "task":
        comp = icalendar.Todo()
        due = _time(activity["due_at"])
        if due:
            comp.add("due", due)
        done = _time(activity["done_at"])
        comp.add("status", "COMPLETED" if done else "NEEDS-ACTION")
        if done:
            comp.add("completed", done)
    else:
        start = _time(activity["due_at"]) or _time(activity["done_at"])
        if start is None:
            return None
        comp = icalendar.Event()
        comp.add("dtstart", start)
        comp.add("dtend", start + DURATION.get(activity["kind"], dt.timedelta(minutes=30)))
        comp.add("status", "CONFIRMED")
        if activity["kind"] == "visit" and customer and customer.get("address"):
            comp.add("location", customer["address"])
    comp.add("uid", f"{activity['id']}@{UID_DOMAIN}")
    comp.add("dtstamp", stamp)
    comp.add("summary", title)
    comp.add("categories", [activity["kind"].upper()])
    if activity.get("notes"):
        comp.add("description", activity["notes"])
    if activity.get("updated_at"):
        comp.add("last-modified", _time(activity["updated_at"]))
    return comp


def export_calendar(session, path: Path | str, *, ids: list[str] | None = None, owner_id: str | None = None,
                    since: str | None = None, customer_id: str | None = None) -> CalendarExport:
    """Write activities (all live ones, or `ids`; optionally one owner's, one customer's,
    or those due or done since a date) to an .ics file."""
    a, c = Activity.__table__.c, Customer.__table__
    stmt = select(Activity.__table__).where(a.deleted_at.is_(None))
    if customer_id:
        stmt = stmt.where(a.customer_id == customer_id)
    if owner_id:
        stmt = stmt.where(a.owner_id == owner_id)
    if since:
        stmt = stmt.where((a.due_at >= since) | (a.done_at >= since))
    if ids is None:
        activities = [dict(r) for r in session.execute(stmt.order_by(a.due_at, a.done_at, a.id)).mappings()]
    else:  # in chunks: a whole list's ids are more than SQLite takes as parameters
        activities = sorted((dict(r) for start in range(0, len(ids), 500) for r in session.execute(
            stmt.where(a.id.in_(ids[start:start + 500]))).mappings()),
            key=lambda r: (r["due_at"] is not None, r["due_at"] or "", r["done_at"] is not None,
                           r["done_at"] or "", r["id"]))
    customer_ids = sorted({x["customer_id"] for x in activities if x["customer_id"]})
    customers = {}
    for start in range(0, len(customer_ids), 500):
        for r in session.execute(select(c.c.id, c.c.name, c.c.address).where(
                c.c.id.in_(customer_ids[start:start + 500]))).mappings():
            customers[r["id"]] = dict(r)
    cal = icalendar.Calendar()
    cal.add("prodid", "-//LTC Desk//Activities//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "LTC Desk")
    stamp = clock.now()
    events = todos = skipped = 0
    for activity in activities:
        comp = activity_component(activity, customers.get(activity["customer_id"]), stamp=stamp)
        if comp is None:
            skipped += 1
            continue
        cal.add_component(comp)
        if isinstance(comp, icalendar.Todo):
            todos += 1
        else:
            events += 1
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(cal.to_ical())
    tmp.replace(path)
    return CalendarExport(path, events, todos, skipped)
