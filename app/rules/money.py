"""Money arithmetic in integer minor units: document totals, billing plans, credit, allocation.

Rounding rule (stated once, used everywhere): prices are tax-exclusive; each line is
rounded half away from zero to the minor unit at each step (gross = quantity x unit
price, then the discount, then the tax on the discounted net); document totals are the
sums of their lines, so the lines always add up to the total printed on the document.
Quantities are in thousandths (`quantity_milli`), rates in basis points (1% = 100 bp).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

import orjson


def div_round(numerator: int, denominator: int) -> int:
    """numerator / denominator rounded half away from zero, in integers only."""
    if denominator <= 0:
        raise ValueError("denominator must be positive")
    sign = -1 if numerator < 0 else 1
    q, r = divmod(abs(numerator), denominator)
    if 2 * r >= denominator:
        q += 1
    return sign * q


@dataclass(frozen=True)
class LineAmounts:
    gross_minor: int
    discount_minor: int
    net_minor: int
    tax_minor: int
    total_minor: int


def line_amounts(quantity_milli: int, unit_price_minor: int, discount_bp: int = 0,
                 tax_rate_bp: int = 0) -> LineAmounts:
    gross = div_round(quantity_milli * unit_price_minor, 1000)
    discount = div_round(gross * discount_bp, 10_000)
    net = gross - discount
    tax = div_round(net * tax_rate_bp, 10_000)
    return LineAmounts(gross, discount, net, tax, net + tax)


@dataclass(frozen=True)
class DocumentTotals:
    subtotal_minor: int  # sum of gross
    discount_minor: int
    net_minor: int
    tax_minor: int
    total_minor: int
    max_discount_bp: int


def document_totals(lines: list[dict]) -> DocumentTotals:
    """Totals of quote or invoice lines (dicts with quantity_milli, unit_price_minor,
    discount_bp, tax_rate_bp)."""
    sums = [0, 0, 0, 0, 0]
    max_discount = 0
    for line in lines:
        a = line_amounts(line["quantity_milli"], line["unit_price_minor"],
                         line.get("discount_bp") or 0, line.get("tax_rate_bp") or 0)
        for i, v in enumerate((a.gross_minor, a.discount_minor, a.net_minor, a.tax_minor, a.total_minor)):
            sums[i] += v
        max_discount = max(max_discount, line.get("discount_bp") or 0)
    return DocumentTotals(*sums, max_discount_bp=max_discount)


def content_hash(header: dict, lines: list[dict]) -> str:
    """A digest of what an approval approves: currency, and each line's product,
    description, quantity, price, discount and tax. Any edit of those changes it."""
    keys = ("product_id", "description", "quantity_milli", "unit_price_minor", "discount_bp", "tax_rate_bp")
    payload = {
        "currency": header.get("currency"),
        "lines": [[line.get(k) for k in keys] for line in sorted(lines, key=lambda l: (l.get("position") or 0, l.get("id") or ""))],
    }
    return hashlib.sha256(orjson.dumps(payload, option=orjson.OPT_SORT_KEYS)).hexdigest()


def split_by_percent(total_minor: int, percents_bp: list[int]) -> list[int]:
    """Amounts of a billing plan given in percentages; the last milestone takes the
    rounding remainder so the plan sums exactly to the total."""
    if sum(percents_bp) != 10_000:
        raise ValueError("percentages must add up to 100%")
    amounts = [div_round(total_minor * p, 10_000) for p in percents_bp[:-1]]
    amounts.append(total_minor - sum(amounts))
    return amounts


@dataclass(frozen=True)
class CreditCheck:
    """Open receivables + this order against the credit limit. A customer with no limit
    set is not credit-managed and passes; finance sets a limit to start checking."""

    credit_limit_minor: int | None
    open_receivables_minor: int
    order_minor: int

    @property
    def exposure_minor(self) -> int:
        return self.open_receivables_minor + self.order_minor

    @property
    def passed(self) -> bool:
        return self.credit_limit_minor is None or self.exposure_minor <= self.credit_limit_minor

    def as_dict(self) -> dict:
        return {"credit_limit_minor": self.credit_limit_minor,
                "open_receivables_minor": self.open_receivables_minor,
                "order_minor": self.order_minor, "exposure_minor": self.exposure_minor,
                "passed": self.passed}


def allocate_oldest_first(amount_minor: int, open_invoices: list[dict]) -> list[tuple[str, int]]:
    """Split a payment over invoices (dicts with id, due_on, issued_on, open_minor), the
    oldest due first. Returns (invoice_id, amount) pairs; what is left stays unallocated."""
    remaining = amount_minor
    out = []
    for inv in sorted(open_invoices, key=lambda i: (i.get("due_on") or "9999", i.get("issued_on") or "9999", i["id"])):
        if remaining <= 0:
            break
        take = min(remaining, inv["open_minor"])
        if take > 0:
            out.append((inv["id"], take))
            remaining -= take
    return out
