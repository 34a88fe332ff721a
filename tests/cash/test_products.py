"""Products and the price list: admins edit, everyone reads, quotes take their defaults."""
from __future__ import annotations

import pytest

from app.errors import Immutable, PermissionDenied, ValidationError
from app.services import products, quotes
from tests.conftest import as_role
from tests.foundation import chain


@pytest.fixture
def catalogue(store):
    as_role(store, "admin")
    made = [store.run(products.create_product, values) for values in (
        {"code": "LX-200", "name": "工业传感器 LX-200", "series": "传感器", "unit": "台",
         "unit_price_minor": 1_234_500, "tax_rate_bp": 1300},
        {"code": "SVC-1", "name": "安装调试服务", "series": "服务", "unit": "次", "unit_price_minor": 80_000,
         "tax_rate_bp": 600},
        {"code": "USD-9", "name": "Export kit", "series": "服务", "unit_price_minor": 9_900, "currency": "USD"},
        {"code": "OLD-1", "name": "停产型号", "series": "传感器", "unit_price_minor": 1, "active": False},
    )]
    return {p["code"]: p for p in made}


@pytest.mark.parametrize("role", ["rep", "manager", "finance"])
def test_only_an_admin_adds_changes_or_deletes_a_product(store, catalogue, role):
    as_role(store, role)
    before = chain.counts(store)
    with pytest.raises(PermissionDenied):
        store.run(products.create_product, {"name": "X"})
    with pytest.raises(PermissionDenied):
        store.run(products.update_product, catalogue["LX-200"]["id"], {"unit_price_minor": 1})
    with pytest.raises(PermissionDenied):
        store.run(products.delete_product, catalogue["SVC-1"]["id"])
    assert chain.counts(store) == before
    # ...and reads the whole catalogue, from the local copy.
    assert {p["code"] for p in store.run(products.list_products)} == {"LX-200", "SVC-1", "USD-9"}


def test_the_price_list_groups_active_products_by_series_with_prices_including_tax(store, catalogue):
    as_role(store, "rep")
    price_list = store.run(products.price_list, currency="CNY")
    assert [g["series"] for g in price_list] == ["传感器", "服务"]
    sensor = price_list[0]["products"][0]
    assert (sensor["code"], sensor["unit"], sensor["unit_price_minor"]) == ("LX-200", "台", 1_234_500)
    assert (sensor["tax_minor"], sensor["price_with_tax_minor"]) == (160_485, 1_394_985)
    assert [p["code"] for g in store.run(products.price_list) for p in g["products"]] == ["LX-200", "SVC-1", "USD-9"]


def test_product_codes_are_unique_and_fields_are_checked(store, catalogue):
    before = chain.counts(store)
    with pytest.raises(ValidationError) as err:
        store.run(products.create_product, {"code": "lx-200", "name": "重复"})
    assert "code" in err.value.fields
    with pytest.raises(ValidationError):
        store.run(products.update_product, catalogue["SVC-1"]["id"], {"code": "LX-200"})
    with pytest.raises(ValidationError):
        store.run(products.create_product, {"name": "负价", "unit_price_minor": -1})
    with pytest.raises(ValidationError):
        store.run(products.create_product, {"name": "x", "version": 3})
    assert chain.counts(store) == before
    assert store.run(products.update_product, catalogue["SVC-1"]["id"], {"code": "SVC-1"})["code"] == "SVC-1"


def test_search_and_inactive_products(store, catalogue):
    assert [p["code"] for p in store.run(products.list_products, search="传感")] == ["LX-200"]
    assert {p["code"] for p in store.run(products.list_products, search="传感", include_inactive=True)} \
        == {"LX-200", "OLD-1"}
    assert [p["code"] for p in store.run(products.list_products, series="服务")] == ["SVC-1", "USD-9"]


def test_a_quote_line_takes_the_products_price_and_a_product_in_use_is_kept(store, catalogue):
    c = chain.customer(store)
    d = chain.deal(store, c["id"])
    q = store.run(quotes.create_quote, {"deal_id": d["id"]},
                  lines=[{"product_id": catalogue["LX-200"]["id"], "quantity_milli": 2000}])
    [line] = quotes_lines(store, q["id"])
    assert (line["description"], line["unit_price_minor"], line["tax_rate_bp"]) == ("工业传感器 LX-200", 1_234_500, 1300)
    store.run(products.update_product, catalogue["LX-200"]["id"], {"unit_price_minor": 1_500_000})
    assert quotes_lines(store, q["id"])[0]["unit_price_minor"] == 1_234_500  # the quote keeps its price
    with pytest.raises(Immutable):
        store.run(products.delete_product, catalogue["LX-200"]["id"])
    store.run(products.delete_product, catalogue["OLD-1"]["id"])
    assert chain.get(store, "product", catalogue["OLD-1"]["id"])["deleted_at"] is not None


def quotes_lines(store, quote_id):
    with store.unit() as uow:
        return quotes.quote_lines(uow, quote_id)
