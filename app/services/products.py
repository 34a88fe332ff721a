"""Products and the price list: admins edit them, everyone reads them (offline too, from
the local copy every client syncs). A product's list price is tax-exclusive, in minor
units of its currency, with its VAT rate; a quote line takes both as its defaults."""
from __future__ import annotations

from sqlalchemy import func, or_

from app.errors import Immutable, ValidationError
from app.rules import money
from app.rules.permissions import require_role

ADMINS = ("admin",)
EDITABLE = ("code", "name", "series", "description", "unit", "unit_price_minor", "currency", "tax_rate_bp",
            "active", "external_ref")


def create_product(uow, values: dict) -> dict:
    """Add a product (admin only). `code`, when given, is unique among live products
    (case-insensitive). Returns the product."""
    require_role(uow.actor.role, ADMINS, "add a product")
    values = dict(values)
    _check_fields(values)
    _check_code(uow, values.get("code"))
    return uow.create("product", values)


def update_product(uow, product_id: str, changes: dict) -> dict:
    """Change a product (admin only): name, code, series, description, unit, price,
    currency, tax rate, `active` (an inactive product stays on old quotes but is not
    offered for new lines). Quotes already made keep the prices they were made with."""
    require_role(uow.actor.role, ADMINS, "change a product")
    _check_fields(changes)
    uow.require("product", product_id)
    if "code" in changes:
        _check_code(uow, changes["code"], exclude=product_id)
    return uow.update("product", product_id, changes)


def delete_product(uow, product_id: str) -> dict:
    """Delete a product no quote line or deal names (admin only); one in use is kept for
    its history (Immutable: deactivate it instead)."""
    require_role(uow.actor.role, ADMINS, "delete a product")
    uow.require("product", product_id)
    used = uow.select("quote_line", uow.c("quote_line").product_id == product_id) \
        or uow.select("deal", uow.c("deal").product_id == product_id)
    if used:
        raise Immutable("the product is used on quotes or deals; deactivate it instead",
                        details={"product_id": product_id})
    return uow.delete("product", product_id)


def list_products(uow, *, search: str | None = None, series: str | None = None,
                  include_inactive: bool = False) -> list[dict]:
    """Products by series then code and name; `search` matches code, name, series or
    description (substring, case-insensitive), `series` one series."""
    c = uow.c("product")
    conditions = []
    if not include_inactive:
        conditions.append(c.active.is_(True))
    if series is not None:
        conditions.append(c.series == series)
    if search and search.strip():
        pattern = f"%{search.strip().lower()}%"
        conditions.append(or_(*(func.lower(column).like(pattern)
                                for column in (c.code, c.name, c.series, c.description))))
    return uow.select("product", *conditions, order_by=[c.series, c.code, c.name, c.id])


def price_list(uow, *, currency: str | None = None) -> list[dict]:
    """The active price list grouped by series: [{"series", "products": [{id, code, name,
    unit, currency, unit_price_minor, tax_rate_bp, tax_minor, price_with_tax_minor}]}],
    one currency only when `currency` is given. Prices with tax are rounded per unit as
    a quote line of quantity one would be."""
    groups: dict[str | None, list[dict]] = {}
    for p in list_products(uow):
        if currency and p["currency"] != currency:
            continue
        a = money.line_amounts(1000, p["unit_price_minor"], 0, p["tax_rate_bp"])
        groups.setdefault(p["series"], []).append({
            "id": p["id"], "code": p["code"], "name": p["name"], "unit": p["unit"], "currency": p["currency"],
            "unit_price_minor": p["unit_price_minor"], "tax_rate_bp": p["tax_rate_bp"],
            "tax_minor": a.tax_minor, "price_with_tax_minor": a.total_minor})
    return [{"series": series, "products": items} for series, items in groups.items()]


def _check_fields(values: dict) -> None:
    bad = {k: "is not a product field that can be set" for k in values if k not in EDITABLE}
    if bad:
        raise ValidationError(bad)


def _check_code(uow, code, exclude: str | None = None) -> None:
    if not isinstance(code, str) or not code.strip():
        return
    c = uow.c("product")
    clash = [p for p in uow.select("product", func.lower(c.code) == code.strip().lower()) if p["id"] != exclude]
    if clash:
        raise ValidationError({"code": f"is already used by {clash[0]['name']}"})
