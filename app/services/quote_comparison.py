"""Two quotes side by side (usually two revisions of one deal's quote): which lines were
added, removed or changed, and how every total moved."""
from __future__ import annotations

from app.errors import ValidationError
from app.services.quotes import quote_lines

COMPARED = ("product_id", "description", "quantity_milli", "unit_price_minor", "discount_bp", "tax_rate_bp",
            "net_minor", "tax_minor", "total_minor")
TOTALS = ("subtotal_minor", "discount_minor", "tax_minor", "total_minor", "max_discount_bp")
HEADER = ("id", "revision", "status", "currency", "valid_until", "sent_on", "deal_id", *TOTALS)


def compare_quotes(uow, a_id: str, b_id: str) -> dict:
    """Compare quote `a` (the older, say) with quote `b`. Lines are paired by the same
    product and description, then by product, then by position; what is left is removed
    (only in a) or added (only in b). Returns {"a", "b" (headers), "same_deal",
    "lines": [{"status": same|changed|added|removed, "a", "b", "changes": {field: {"a",
    "b"}}, "delta_total_minor"}] in b's order with removed lines where they stood in a,
    "totals": {field: {"a", "b", "delta"}}, "counts": {status: n}}. Quotes in different
    currencies are not compared (ValidationError)."""
    a, b = uow.require("quote", a_id), uow.require("quote", b_id)
    if a["currency"] != b["currency"]:
        raise ValidationError({"b_id": f"the quotes are in {a['currency']} and {b['currency']}; "
                                       "only quotes in one currency compare"})
    pairs = _pair(quote_lines(uow, a_id), quote_lines(uow, b_id))
    lines = [_line_diff(la, lb) for la, lb in pairs]
    counts = {s: sum(1 for l in lines if l["status"] == s) for s in ("same", "changed", "added", "removed")}
    return {
        "a": {k: a[k] for k in HEADER}, "b": {k: b[k] for k in HEADER},
        "same_deal": a["deal_id"] == b["deal_id"], "lines": lines,
        "totals": {k: {"a": a[k], "b": b[k], "delta": b[k] - a[k]} for k in TOTALS}, "counts": counts,
    }


def _pair(a_lines: list[dict], b_lines: list[dict]) -> list[tuple[dict | None, dict | None]]:
    """(a line, b line) pairs, None for a missing side, ordered for display."""
    matched: dict[str, dict] = {}  # b line id -> a line
    free_a = list(a_lines)
    keys = (lambda l: (l["product_id"], l["description"]),
            lambda l: l["product_id"] if l["product_id"] else None,
            lambda l: l["position"])
    for key in keys:
        for lb in b_lines:
            if lb["id"] in matched or key(lb) is None:
                continue
            la = next((l for l in free_a if key(l) == key(lb)), None)
            if la is not None:
                matched[lb["id"]] = la
                free_a.remove(la)
    out: list[tuple[dict | None, dict | None]] = [(matched.get(lb["id"]), lb) for lb in b_lines]
    # A removed line goes after the b line that follows its a-neighbour, so the
    # side-by-side view keeps a's order where it can.
    for la in sorted(free_a, key=lambda l: l["position"]):
        index = next((i for i, (pa, pb) in enumerate(out) if pa is not None and pa["position"] > la["position"]),
                     len(out))
        out.insert(index, (la, None))
    return out


def _line_diff(la: dict | None, lb: dict | None) -> dict:
    if la is None:
        return {"status": "added", "a": None, "b": lb, "changes": {}, "delta_total_minor": lb["total_minor"]}
    if lb is None:
        return {"status": "removed", "a": la, "b": None, "changes": {}, "delta_total_minor": -la["total_minor"]}
    changes = {k: {"a": la[k], "b": lb[k]} for k in COMPARED if la[k] != lb[k]}
    return {"status": "changed" if changes else "same", "a": la, "b": lb, "changes": changes,
            "delta_total_minor": lb["total_minor"] - la["total_minor"]}
