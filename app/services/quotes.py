"""Quotes: priced lines for a deal, in revisions, approved and sent.

draft -> pending_approval -> approved -> sent -> accepted | rejected; `revise_quote`
makes revision n+1 and supersedes the old one. This module recomputes every line's
amounts, the quote's totals and its content hash after each line change (rounding as
app/rules/money.py states it). An approval is bound to the hash it approved: a change of
lines, prices or discounts after approval voids it and returns the quote to draft.
"""
from __future__ import annotations

from app import clock
from app.errors import Immutable, InvalidTransition, ValidationError
from app.rules import money
from app.rules.states import QUOTE_TRANSITIONS, can_move
from app.services import approvals

# States whose lines may still change (an approved or pending quote falls back to
# draft); from `sent` on the customer holds the document, so a change is a new revision.
LINE_EDITABLE = ("draft", "pending_approval", "approved")
HEADER_FIELDS = ("valid_until", "notes", "owner_id")
LINE_FIELDS = ("product_id", "description", "quantity_milli", "unit_price_minor", "discount_bp",
               "tax_rate_bp", "position")


# -- header ------------------------------------------------------------------------------

def create_quote(uow, values: dict, *, lines: list[dict] | None = None) -> dict:
    """Create revision 1 of a quote for `values["deal_id"]` in draft, its customer and
    currency taken from the deal, with optional `lines` (see `add_line`). Returns the
    quote with its computed totals."""
    values = dict(values)
    if not values.get("deal_id"):
        raise ValidationError({"deal_id": "is required"})
    deal = uow.require("deal", values["deal_id"])
    if deal["stage"] == "lost":
        raise ValidationError({"deal_id": "the deal is lost; reopen it before quoting"})
    for name in ("customer_id", "currency"):
        if values.get(name) not in (None, deal[name]):
            raise ValidationError({name: f"comes from the deal ({deal[name]})"})
    values.update(customer_id=deal["customer_id"], currency=deal["currency"])
    quote = uow.create("quote", values)
    for position, line in enumerate(lines or [], start=1):
        _insert_line(uow, quote, {"position": position, **line})
    return _recompute(uow, quote["id"])


def update_quote(uow, quote_id: str, changes: dict) -> dict:
    """Edit `valid_until`, `notes` or `owner_id`; a `status` among the changes goes through
    its transition (pending_approval, sent, accepted, rejected). The validity date is
    frozen once the quote is sent."""
    changes = dict(changes)
    status = changes.pop("status", None)
    quote = uow.require("quote", quote_id)
    fixed = {k: "comes from the deal" if k in ("deal_id", "customer_id", "currency") else
             "is kept by the quote service" for k in changes if k not in HEADER_FIELDS}
    if fixed:
        raise ValidationError(fixed)
    if "valid_until" in changes and quote["status"] not in LINE_EDITABLE:
        raise Immutable(f"a {quote['status']} quote keeps its validity date; make a new revision")
    if changes:
        quote = uow.update("quote", quote_id, changes)
    if status is None or status == quote["status"]:
        return quote
    moves = {"pending_approval": lambda: request_approval(uow, quote_id)["quote"],
             "sent": lambda: send_quote(uow, quote_id), "accepted": lambda: accept_quote(uow, quote_id),
             "rejected": lambda: reject_quote(uow, quote_id)}
    if status not in moves:
        raise InvalidTransition({"status": f"a quote becomes {status} through its own action "
                                           "(approval decision, revision or line edit)"})
    return moves[status]()


def delete_quote(uow, quote_id: str) -> dict:
    """Delete a draft quote that supersedes nothing (a later revision is edited instead,
    so the deal never loses its live quote). Its lines and open approvals go with it."""
    quote = uow.require("quote", quote_id)
    if quote["status"] != "draft" or quote["supersedes_id"]:
        raise Immutable("only a draft first revision can be deleted")
    approvals.void_for(uow, "quote", quote_id, "quote", "quote deleted")
    for line in quote_lines(uow, quote_id):
        uow.delete("quote_line", line["id"])
    return uow.delete("quote", quote_id)


def quote_lines(uow, quote_id: str) -> list[dict]:
    c = uow.c("quote_line")
    return uow.select("quote_line", c.quote_id == quote_id, order_by=[c.position, c.created_at, c.id])


def latest_quote(uow, deal_id: str) -> dict | None:
    """The deal's current quote: the highest revision not superseded."""
    c = uow.c("quote")
    rows = uow.select("quote", c.deal_id == deal_id, c.status != "superseded",
                      order_by=[c.revision.desc(), c.created_at.desc()])
    return rows[0] if rows else None


# -- lines -------------------------------------------------------------------------------

def add_line(uow, values: dict) -> dict:
    """Add a line to `values["quote_id"]`: description, quantity_milli, unit_price_minor,
    discount_bp, tax_rate_bp, or a product_id whose name, price and tax rate fill what is
    not given. Returns the line with its amounts."""
    values = dict(values)
    if not values.get("quote_id"):
        raise ValidationError({"quote_id": "is required"})
    quote = uow.require("quote", values.pop("quote_id"))
    _check_line_editable(quote)
    if values.get("position") is None:
        values["position"] = max((l["position"] for l in quote_lines(uow, quote["id"])), default=0) + 1
    line = _insert_line(uow, quote, values)
    _after_line_change(uow, quote)
    return uow.require("quote_line", line["id"])


def update_line(uow, line_id: str, changes: dict) -> dict:
    """Change a line's product, description, quantity, price, discount, tax rate or
    position; the quote's totals follow, and an approval the change invalidates is voided."""
    line = uow.require("quote_line", line_id)
    quote = uow.require("quote", line["quote_id"])
    _check_line_editable(quote)
    bad = {k: "is computed or fixed" for k in changes if k not in LINE_FIELDS}
    if bad:
        raise ValidationError(bad)
    uow.update("quote_line", line_id, changes)
    _after_line_change(uow, quote)
    return uow.require("quote_line", line_id)


def remove_line(uow, line_id: str) -> dict:
    line = uow.require("quote_line", line_id)
    quote = uow.require("quote", line["quote_id"])
    _check_line_editable(quote)
    uow.delete("quote_line", line_id)
    _after_line_change(uow, quote)
    return line


def _check_line_editable(quote: dict) -> None:
    if quote["status"] not in LINE_EDITABLE:
        raise Immutable(f"a {quote['status']} quote cannot change; make a new revision (revise_quote)",
                        details={"status": quote["status"]})


def _insert_line(uow, quote: dict, values: dict) -> dict:
    values = {k: v for k, v in values.items() if k != "quote_id"}
    if values.get("product_id"):
        product = uow.require("product", values["product_id"])
        if values.get("unit_price_minor") is None:
            if product["currency"] != quote["currency"]:
                raise ValidationError({"unit_price_minor": f"the product is priced in {product['currency']}, "
                                                           f"the quote in {quote['currency']}: give a price"})
            values["unit_price_minor"] = product["unit_price_minor"]
        if values.get("tax_rate_bp") is None:
            values["tax_rate_bp"] = product["tax_rate_bp"]
        if not values.get("description"):
            values["description"] = product["name"]
    return uow.create("quote_line", {**values, "quote_id": quote["id"]})


def _after_line_change(uow, quote: dict) -> dict:
    """Recompute; if the content no longer matches what was approved or is awaiting
    approval, void that approval and return the quote to draft."""
    updated = _recompute(uow, quote["id"])
    if quote["status"] in ("pending_approval", "approved") and updated["content_hash"] != quote["content_hash"]:
        approvals.void_for(uow, "quote", quote["id"], "quote", "the quote's lines changed after the request")
        updated = uow.update("quote", quote["id"], {"status": "draft", "approved_hash": None}, transition=True)
    return updated


def _recompute(uow, quote_id: str) -> dict:
    lines = quote_lines(uow, quote_id)
    for line in lines:
        a = money.line_amounts(line["quantity_milli"], line["unit_price_minor"], line["discount_bp"],
                               line["tax_rate_bp"])
        uow.update("quote_line", line["id"], {"net_minor": a.net_minor, "tax_minor": a.tax_minor,
                                              "total_minor": a.total_minor}, transition=True)
    quote = uow.require("quote", quote_id)
    t = money.document_totals(lines)
    return uow.update("quote", quote_id, {
        "subtotal_minor": t.subtotal_minor, "discount_minor": t.discount_minor, "tax_minor": t.tax_minor,
        "total_minor": t.total_minor, "max_discount_bp": t.max_discount_bp,
        "content_hash": money.content_hash(quote, lines)}, transition=True)


# -- approval ----------------------------------------------------------------------------

def approval_reasons(uow, quote_id: str) -> list[str]:
    """Why the quote needs a manager's approval (empty: it does not): a line discount above
    the `quote_discount_bp` threshold, a total above `quote_total_minor`, or a negative
    adjustment line (a price cut by another name)."""
    quote = uow.require("quote", quote_id)
    d = uow.dictionary
    reasons = []
    limit = d.number("approval_threshold", "quote_discount_bp")
    if limit is not None and quote["max_discount_bp"] > limit:
        reasons.append(f"discount {_percent(quote['max_discount_bp'])} is above the "
                       f"{_percent(limit)} threshold (quote_discount_bp)")
    limit = d.number("approval_threshold", "quote_total_minor")
    if limit is not None and quote["total_minor"] > limit:
        reasons.append(f"total {quote['total_minor']} is above the {limit} threshold "
                       f"(quote_total_minor, minor units of {quote['currency']})")
    if any(l["unit_price_minor"] < 0 for l in quote_lines(uow, quote_id)):
        reasons.append("it has a negative adjustment line")
    return reasons


def has_valid_approval(quote: dict) -> bool:
    return quote["status"] == "approved" and bool(quote["approved_hash"]) \
        and quote["approved_hash"] == quote["content_hash"]


def request_approval(uow, quote_id: str, comment: str | None = None) -> dict:
    """Ask a manager to approve a draft quote: opens an Approval (kind quote) bound to the
    quote's content hash, its reason naming the thresholds crossed, and moves the quote
    to pending_approval. Returns {"quote", "approval"}."""
    quote = uow.require("quote", quote_id)
    _require_state(quote, "pending_approval")
    _require_lines(uow, quote_id)
    reasons = approval_reasons(uow, quote_id) or ["no threshold crossed; review requested"]
    approval = approvals.open_approval(
        uow, kind="quote", subject_entity="quote", subject_id=quote_id, customer_id=quote["customer_id"],
        content_hash=quote["content_hash"], reason="; ".join(reasons))
    if comment:
        approval = uow.update("approval", approval["id"], {"comment": comment})
    quote = uow.update("quote", quote_id, {"status": "pending_approval"}, transition=True)
    return {"quote": quote, "approval": approval}


def settle_approval(uow, approval: dict, decision: str, comment: str | None) -> dict:
    """Carry out a manager's decision on a quote approval (called by decide_approval):
    approved -> the quote is approved with approved_hash = its content hash; rejected ->
    back to draft. If the quote no longer is what was asked about (a change arrived by
    sync), the request is voided instead and a pending quote returns to draft."""
    quote = uow.require("quote", approval["subject_id"])
    if quote["status"] != "pending_approval" or quote["content_hash"] != approval["content_hash"]:
        approvals.close_approval(uow, approval["id"], "void", "the quote changed since the request")
        if quote["status"] == "pending_approval":
            quote = uow.update("quote", quote["id"], {"status": "draft"}, transition=True)
        return quote
    approvals.close_approval(uow, approval["id"], decision, comment)
    if decision == "approved":
        return uow.update("quote", quote["id"], {"status": "approved", "approved_hash": quote["content_hash"]},
                          transition=True)
    return uow.update("quote", quote["id"], {"status": "draft"}, transition=True)


# -- to the customer and back ------------------------------------------------------------

def send_quote(uow, quote_id: str, sent_on: str | None = None) -> dict:
    """Mark a quote sent (sent_on defaults to today). A quote within every threshold is
    sent straight from draft; one that needs approval must be approved for exactly its
    present content (InvalidTransition otherwise)."""
    quote = uow.require("quote", quote_id)
    _require_state(quote, "sent")
    _require_lines(uow, quote_id)
    reasons = approval_reasons(uow, quote_id)
    if quote["status"] == "approved" and quote["approved_hash"] != quote["content_hash"]:
        reasons = reasons or ["the approved content changed"]
    elif quote["status"] == "approved":
        reasons = []
    if reasons:
        raise InvalidTransition({"status": "needs a valid approval before it is sent: " + "; ".join(reasons)})
    today = clock.today().isoformat()
    if quote["valid_until"] and quote["valid_until"] < (sent_on or today):
        raise ValidationError({"valid_until": "the quote has expired; extend it or revise it"})
    return uow.update("quote", quote_id, {"status": "sent", "sent_on": sent_on or today}, transition=True)


def accept_quote(uow, quote_id: str, decided_on: str | None = None) -> dict:
    """The customer accepted a sent quote. The deal is not moved by this."""
    return _decide(uow, quote_id, "accepted", decided_on)


def reject_quote(uow, quote_id: str, decided_on: str | None = None) -> dict:
    return _decide(uow, quote_id, "rejected", decided_on)


def _decide(uow, quote_id: str, status: str, decided_on: str | None) -> dict:
    quote = uow.require("quote", quote_id)
    _require_state(quote, status)
    return uow.update("quote", quote_id, {"status": status, "decided_on": decided_on or clock.today().isoformat()},
                      transition=True)


def revise_quote(uow, quote_id: str) -> dict:
    """Copy a quote's header and lines into revision n+1 (draft, `supersedes_id` set) and
    mark the old one superseded, voiding its approvals. An accepted or superseded quote
    cannot be revised. Returns the new quote."""
    old = uow.require("quote", quote_id)
    _require_state(old, "superseded")
    header = {k: old[k] for k in ("deal_id", "customer_id", "currency", "valid_until", "owner_id", "notes")}
    new = uow.create("quote", {**header, "revision": old["revision"] + 1, "supersedes_id": quote_id},
                     transition=True)
    for line in quote_lines(uow, quote_id):
        uow.create("quote_line", {k: line[k] for k in LINE_FIELDS} | {"quote_id": new["id"]})
    approvals.void_for(uow, "quote", quote_id, "quote", f"superseded by revision {new['revision']}")
    uow.update("quote", quote_id, {"status": "superseded"}, transition=True)
    return _recompute(uow, new["id"])


def _require_state(quote: dict, target: str) -> None:
    if not can_move(QUOTE_TRANSITIONS, quote["status"], target):
        raise InvalidTransition({"status": f"cannot go from {quote['status']} to {target}"})


def _require_lines(uow, quote_id: str) -> None:
    if not quote_lines(uow, quote_id):
        raise ValidationError({"lines": "a quote needs at least one line"})


def _percent(bp: int) -> str:
    return f"{bp // 100}.{bp % 100:02d}%"
