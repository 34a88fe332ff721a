"""What an inbox item carries, as a page of rich text: the hand-off's customer, deal,
accepted quote, order with its billing plan, credit check and contacts (and what is
missing); an approval's quote lines and comparison, order and credit, or change impact."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from ui import amounts, formatting

RED, GREEN, GREY = "#c62828", "#2e7d32", "#616e7c"


def _tr(text: str) -> str:
    return QCoreApplication.translate("InboxDetail", text)


def missing_text(code: str) -> str:
    """What a complete hand-off would have and this one lacks, in words."""
    return {"accepted_quote": _tr("an accepted quote"), "order": _tr("an order with its billing plan"),
            "contact": _tr("a contact to talk to")}.get(code, code)


def _e(value) -> str:
    return escape("" if value is None else str(value))


def _table(headers: list[tuple[str, bool]], rows: list[list[str]]) -> str:
    """An HTML table; headers are (label, right-aligned)."""
    head = "".join(f"<th align='{'right' if right else 'left'}'>{_e(h)}</th>" for h, right in headers)
    body = "".join("<tr>" + "".join(f"<td align='{'right' if headers[i][1] else 'left'}'>{cell}</td>"
                                    for i, cell in enumerate(row)) + "</tr>" for row in rows)
    return f"<table cellspacing='0' cellpadding='3' width='100%'><tr style='background:#eef2f6'>{head}</tr>{body}</table>"


def _facts(pairs: list[tuple[str, str]]) -> str:
    rows = "".join(f"<tr><td style='color:{GREY}'>{_e(k)}</td><td>{v}</td></tr>" for k, v in pairs if v)
    return f"<table cellspacing='0' cellpadding='2'>{rows}</table>"


def _money(minor, currency) -> str:
    return _e(formatting.money(minor, currency or "CNY"))


def timing(item: dict) -> str:
    """"waiting 30.5 h of 24 h — overdue" for an item's age against its target."""
    if item.get("age_hours") is None:
        return ""
    text = _tr("waiting %1 h").replace("%1", f"{item['age_hours']:g}")
    if item.get("target_hours") is not None:
        text += " " + _tr("of %1 h").replace("%1", str(item["target_hours"]))
    if item.get("overdue"):
        return f"<span style='color:{RED}; font-weight:bold'>{_e(text)} — {_e(_tr('overdue'))}</span>"
    return _e(text)


def quote_lines(lines: list[dict], currency: str) -> str:
    return _table([(_tr("Line"), False), (_tr("Qty"), True), (_tr("Unit price"), True), (_tr("Disc."), True),
                   (_tr("Total"), True)],
                  [[_e(l["description"]), _e(amounts.quantity(l["quantity_milli"])),
                    _money(l["unit_price_minor"], currency), _e(amounts.percent(l["discount_bp"])),
                    _money(l["total_minor"], currency)] for l in lines])


def billing_plan(plan: list[dict], currency: str) -> str:
    return _table([(_tr("Milestone"), False), (_tr("Share"), True), (_tr("Amount"), True), (_tr("Due"), False)],
                  [[_e(m["label"]), _e(amounts.percent(m["percent_bp"])), _money(m["amount_minor"], currency),
                    _e(m["due_on"])] for m in plan])


def credit(check: dict | None) -> str:
    if not check:
        return ""
    cur = check.get("currency")
    limit = _e(_tr("none set")) if check["credit_limit_minor"] is None else _money(check["credit_limit_minor"], cur)
    verdict = f"<span style='color:{GREEN if check['passed'] else RED}; font-weight:bold'>" \
              f"{_e(_tr('Passed') if check['passed'] else _tr('Over the limit'))}</span> — {_e(check.get('reason'))}"
    return _facts([(_tr("Credit limit"), limit), (_tr("Open receivables"), _money(check["open_receivables_minor"], cur)),
                   (_tr("This order"), _money(check["order_minor"], cur)),
                   (_tr("Exposure"), _money(check["exposure_minor"], cur)), (_tr("Credit check"), verdict)])


def handoff_page(detail: dict) -> str:
    """A hand-off (handoffs.handoff_detail) as HTML."""
    h, customer, deal = detail["handoff"], detail["customer"], detail["deal"] or {}
    parts = [f"<h3>{_e(h['title'])}</h3>",
             _facts([(_tr("Customer"), _e(customer["name"])), (_tr("Deal"), _e(deal.get("name"))),
                     (_tr("Status"), _e(formatting.status(h["status"]))), (_tr("Age"), timing(h)),
                     (_tr("Note"), _e(h.get("comment")))])]
    if detail["missing"]:
        parts.append(f"<p style='color:{RED}; font-weight:bold'>{_e(_tr('Missing:'))} "
                     + _e(", ".join(missing_text(m) for m in detail["missing"])) + "</p>")
    quote = detail["quote"]
    if quote:
        parts.append(f"<h4>{_e(_tr('Quote r%1 (%2)').replace('%1', str(quote['revision'])).replace('%2', formatting.status(quote['status'])))}"
                     f" · {_money(quote['total_minor'], quote['currency'])}</h4>")
        parts.append(quote_lines(quote["lines"], quote["currency"]))
    order = detail["order"]
    if order:
        parts.append(f"<h4>{_e(_tr('Order %1 (%2)').replace('%1', order['number'] or '').replace('%2', formatting.status(order['status'])))}"
                     f" · {_money(order['total_minor'], order['currency'])}</h4>")
        parts.append(billing_plan(order["billing_plan"], order["currency"]))
    parts.append(f"<h4>{_e(_tr('Credit'))}</h4>" + credit(detail["credit_check"]))
    contacts = detail["contacts"]
    parts.append(f"<h4>{_e(_tr('Contacts'))}</h4>")
    parts.append(_table([(_tr("Name"), False), (_tr("Title"), False), (_tr("Phone"), False), (_tr("E-mail"), False)],
                        [[_e(c["name"]) + (" ★" if c.get("is_primary") else ""), _e(c.get("title")), _e(c.get("phone")),
                          _e(c.get("email"))] for c in contacts]) if contacts else
                 f"<p style='color:{RED}'>{_e(_tr('No contact yet.'))}</p>")
    return "".join(parts)


def approval_page(detail: dict) -> str:
    """An approval (handoffs.approval_detail) as HTML."""
    a, customer, subject = detail["approval"], detail["customer"] or {}, detail.get("subject")
    kind = {"quote": _tr("Quote approval"), "credit": _tr("Credit release"),
            "change_request": _tr("Change request")}.get(a["kind"], a["kind"])
    parts = [f"<h3>{_e(kind)} · {_e(customer.get('name'))}</h3>",
             _facts([(_tr("Why"), _e(a.get("reason"))), (_tr("Requested"), _e(formatting.local_datetime(a["requested_at"]))),
                     (_tr("Age"), timing(a)), (_tr("Note"), _e(a.get("comment")))])]
    if subject is None:
        return "".join(parts) + f"<p style='color:{RED}'>{_e(_tr('The record it is about is gone.'))}</p>"
    if a["kind"] == "quote":
        cur = subject["currency"]
        parts.append(f"<h4>{_e(_tr('Quote r%1').replace('%1', str(subject['revision'])))} · "
                     f"{_money(subject['total_minor'], cur)}</h4>")
        parts.append(quote_lines(subject["lines"], cur))
        parts.append(_facts([(_tr("Subtotal"), _money(subject["subtotal_minor"], cur)),
                             (_tr("Discount"), _money(-subject["discount_minor"], cur)),
                             (_tr("VAT"), _money(subject["tax_minor"], cur)),
                             (_tr("Total"), f"<b>{_money(subject['total_minor'], cur)}</b>"),
                             (_tr("Largest discount"), _e(amounts.percent(subject["max_discount_bp"])))]))
        comparison = detail.get("comparison")
        if comparison:
            t = comparison["totals"]["total_minor"]
            c = comparison["counts"]
            parts.append("<p>" + _e(_tr("Against revision %1: %2 changed, %3 added, %4 removed; total %5 → %6.")
                                    .replace("%1", str(comparison["a"]["revision"])).replace("%2", str(c["changed"]))
                                    .replace("%3", str(c["added"])).replace("%4", str(c["removed"]))
                                    .replace("%5", formatting.money(t["a"], cur))
                                    .replace("%6", formatting.money(t["b"], cur))) + "</p>")
    elif a["kind"] == "credit":
        cur = subject["currency"]
        parts.append(f"<h4>{_e(_tr('Order %1').replace('%1', subject.get('number') or ''))} · "
                     f"{_money(subject['total_minor'], cur)}</h4>")
        parts.append(billing_plan(subject["billing_plan"], cur))
        parts.append(f"<h4>{_e(_tr('Credit'))}</h4>" + credit(detail.get("credit_check")))
    else:
        impact = subject["impact"]
        cur = (customer or {}).get("currency") or "CNY"
        parts.append(f"<h4>{_e(subject['description'])}</h4>")
        parts.append(_facts([
            (_tr("Current total"), _money(impact["current_total_minor"], cur)),
            (_tr("Change"), ("+" if impact["amount_delta_minor"] > 0 else "") + _money(impact["amount_delta_minor"], cur)),
            (_tr("New total"), f"<b>{_money(impact['new_total_minor'], cur)}</b>"),
            (_tr("Already invoiced"), _money(impact["invoiced_minor"], cur)),
            (_tr("Dates move by"), _e(f"{impact['date_delta_days']:+d}") if impact["date_delta_days"] else "—")]))
        if "remaining_plan" in impact:
            parts.append(f"<h4>{_e(_tr('Plan still to invoice'))} · {_money(impact['remaining_minor'], cur)}</h4>")
            parts.append(billing_plan(impact["remaining_plan"], cur))
    return "".join(parts)


def item_page(item: dict) -> str:
    """An invoice waiting to be issued or a milestone due for invoicing."""
    return (f"<h3>{_e(item['title'])}</h3>" + _facts([
        (_tr("Customer"), _e(item.get("customer_name"))), (_tr("Amount"), _money(item["amount_minor"], item["currency"])),
        (_tr("Since"), _e(formatting.local_datetime(item["since"]))), (_tr("Age"), timing(item)),
        (_tr("Note"), _e(item.get("note")))]))
