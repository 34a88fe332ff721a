"""Saving what the quote editor shows: a header and a whole list of lines, applied to the
stored quote as the line operations of app/services/quotes.py, in one transaction.

The editor lets a person change several lines before saving; this turns the edited list
into removals, updates and additions, so every rule of the quote service still applies
(totals recomputed, content hash, an approval voided by a change of content).
"""
from __future__ import annotations

from app.errors import ValidationError
from app.services import quotes

LINE_INPUT = ("product_id", "description", "quantity_milli", "unit_price_minor", "discount_bp", "tax_rate_bp")
HEADER_INPUT = ("valid_until", "notes")


def save_quote(uow, quote_id: str | None, header: dict, lines: list[dict], *, deal_id: str | None = None) -> dict:
    """Create (quote_id None: a first revision for `deal_id`) or update a quote so that its
    header (valid_until, notes) and lines are the ones given, in that order. A line with
    an `id` updates that stored line; one without is added; stored lines not given are
    removed. Returns the quote after the change plus `approval_voided`: True when the
    change voided an approval requested or given (the quote is back in draft)."""
    header = {k: v for k, v in header.items() if k in HEADER_INPUT}
    rows = [_line_input(line, i) for i, line in enumerate(lines)]
    if quote_id is None:
        if not deal_id:
            raise ValidationError({"deal_id": "is required"})
        quote = quotes.create_quote(uow, {"deal_id": deal_id, **header}, lines=[
            {k: v for k, v in r.items() if k != "id"} for r in rows])
        return {**quote, "approval_voided": False}
    before = uow.require("quote", quote_id)
    changed_header = {k: v for k, v in header.items() if v != before.get(k)}
    if changed_header:
        quotes.update_quote(uow, quote_id, changed_header)
    stored = {l["id"]: l for l in quotes.quote_lines(uow, quote_id)}
    given = {r["id"] for r in rows if r.get("id")}
    unknown = given - set(stored)
    if unknown:
        raise ValidationError({"lines": "a line is no longer on the quote; reload it and edit again"})
    for line_id in stored.keys() - given:
        quotes.remove_line(uow, line_id)
    for position, row in enumerate(rows, start=1):
        values = {k: v for k, v in row.items() if k != "id"} | {"position": position}
        if row.get("id"):
            old = stored[row["id"]]
            changes = {k: v for k, v in values.items() if v != old.get(k)}
            if changes:
                quotes.update_line(uow, row["id"], changes)
        else:
            quotes.add_line(uow, {"quote_id": quote_id, **values})
    after = uow.require("quote", quote_id)
    voided = before["status"] in ("pending_approval", "approved") and after["status"] == "draft"
    return {**after, "approval_voided": voided}


def _line_input(line: dict, index: int) -> dict:
    unknown = [k for k in line if k not in LINE_INPUT + ("id",)]
    if unknown:
        raise ValidationError({f"lines[{index}]": f"unknown field(s) {', '.join(unknown)}"})
    row = {k: line.get(k) for k in LINE_INPUT}
    row["discount_bp"] = row["discount_bp"] or 0
    if line.get("id"):
        row["id"] = line["id"]
    return row
