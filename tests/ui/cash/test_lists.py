"""The cash lists (quotes, orders, invoices, payments, products) are lists over ids like
every other: they pass the model tester, sort by every column and apply every saved
filter in SQL."""
from __future__ import annotations

from app.queries import invoices, listing, orders, payments, products, quotes
from app.services import payments as payment_services
from app.services import products as product_services
from tests.conftest import as_role
from tests.foundation import chain
from tests.ui.conftest import settle

SPECS = (quotes.LIST, orders.LIST, invoices.LIST, payments.LIST, products.LIST)


def test_every_cash_list_loads_sorts_and_filters(store, ws, qtbot, qtmodeltester):
    from ui.records.table_model import RecordTableModel

    as_role(store, "admin")
    store.run(product_services.create_product, {"code": "P-1", "name": "伺服电机", "unit_price_minor": 120_000})
    order = chain.confirmed_order(store, 300_000)
    as_role(store, "finance")
    chain.issued_invoice(store, order["customer_id"], 50_000, due_on="2026-01-31", number="INV-L-1")
    store.run(payment_services.record_payment, {"customer_id": order["customer_id"], "amount_minor": 20_000,
                                                "reference": "L-1"})
    for spec in SPECS:
        model = RecordTableModel(ws, spec)
        with qtbot.waitSignal(model.sig_loaded, timeout=10000):
            model.reload()
        settle(qtbot, ws)
        assert model.rowCount() >= 1, spec.entity
        qtmodeltester.check(model, force_py=True)
        settle(qtbot, ws)
        params = listing.filter_params(store.actor().id)
        with store.read() as session:
            for column in spec.columns:
                for descending in (False, True):
                    ids = listing.list_ids(session, spec, params=params, sort=column.key, descending=descending)
                    assert len(ids) == model.rowCount(), (spec.entity, column.key)
            for saved in spec.filters:
                listing.count(session, spec, params=params, filter_key=saved.key)
    with store.read() as session:
        params = listing.filter_params(store.actor().id)
        assert listing.count(session, invoices.LIST, params=params, filter_key="overdue") == 1
        assert listing.count(session, payments.LIST, params=params, filter_key="unallocated") == 1
        assert listing.count(session, quotes.LIST, params=params, filter_key="accepted") == 1
        assert listing.count(session, products.LIST, params=params, filter_key="active") == 1
        rows = listing.fetch_rows(session, payments.LIST, listing.list_ids(session, payments.LIST, params=params))
    [values] = rows.values()
    columns = [c for c in payments.LIST.columns]
    at = sum(2 if c.kind == "money" else 1 for c in columns[:[c.key for c in columns].index("unallocated")])
    assert values[at:at + 2] == (20_000, "CNY")
