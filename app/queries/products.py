"""Products and the price list as a screen lists them."""
from __future__ import annotations

from app.queries.listing import Column, ListSpec, SavedFilter, sync_column

# A rate in basis points as a percentage without trailing zeros: 1300 -> "13", 650 -> "6.5".
_RATE = "rtrim(rtrim(printf('%.2f', p.tax_rate_bp / 100.0), '0'), '.') || '%'"

LIST = ListSpec(
    entity="product",
    from_sql="products p",
    id_sql="p.id",
    where="p.deleted_at IS NULL",
    default_sort="series",
    columns=(
        Column("code", "Code", "p.code"),
        Column("name", "Name", "p.name"),
        Column("series", "Series", "p.series"),
        Column("unit", "Unit", "p.unit"),
        Column("price", "List price (excl. tax)", "p.unit_price_minor", kind="money", currency_sql="p.currency"),
        Column("tax_rate", "VAT", _RATE),
        Column("active", "Active", "p.active", kind="bool"),
        Column("description", "Description", "p.description", visible=False),
        sync_column("product", "p.id"),
    ),
    search_sql=("p.code", "p.name", "p.series", "p.description"),
    filters=(
        SavedFilter("active", "Active (offered on new quotes)", "p.active = 1"),
        SavedFilter("inactive", "Inactive", "p.active = 0"),
    ),
)
