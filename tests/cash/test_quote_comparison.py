"""Two revisions of a quote side by side: lines added, removed and changed, totals moved."""
from __future__ import annotations

import pytest

from app.errors import ValidationError
from app.services import products, quotes
from app.services.quote_comparison import compare_quotes
from tests.foundation import chain


@pytest.fixture
def revisions(store):
    sensor = store.run(products.create_product, {"code": "LX", "name": "传感器", "unit_price_minor": 10_000,
                                                 "tax_rate_bp": 1300})
    c = chain.customer(store)
    d = chain.deal(store, c["id"])
    v1 = store.run(quotes.create_quote, {"deal_id": d["id"]}, lines=[
        {"product_id": sensor["id"], "quantity_milli": 1000},
        chain.line(80_000, description="安装调试"),
        chain.line(20_000, description="现场培训"),
        chain.line(5_000, description="运费")])
    store.run(quotes.send_quote, v1["id"])
    v2 = store.run(quotes.revise_quote, v1["id"])
    lines = {l["description"]: l for l in _lines(store, v2["id"])}
    store.run(quotes.update_line, lines["传感器"]["id"], {"quantity_milli": 3000, "discount_bp": 1000})
    store.run(quotes.remove_line, lines["现场培训"]["id"])
    store.run(quotes.update_line, lines["运费"]["id"], {"description": "运费（含保险）"})
    store.run(quotes.add_line, {"quote_id": v2["id"], **chain.line(30_000, description="备件包")})
    return chain.get(store, "quote", v1["id"]), chain.get(store, "quote", v2["id"])


def _lines(store, quote_id):
    with store.unit() as uow:
        return quotes.quote_lines(uow, quote_id)


def test_lines_are_paired_and_each_shows_what_changed(store, revisions):
    v1, v2 = revisions
    with store.unit() as uow:
        diff = compare_quotes(uow, v1["id"], v2["id"])
    by_status = {}
    for line in diff["lines"]:
        by_status.setdefault(line["status"], []).append((line["a"] or line["b"])["description"])
    assert by_status == {"changed": ["传感器", "运费"], "same": ["安装调试"], "removed": ["现场培训"],
                         "added": ["备件包"]}
    sensor = next(l for l in diff["lines"] if l["a"] and l["a"]["description"] == "传感器")
    assert sensor["changes"]["quantity_milli"] == {"a": 1000, "b": 3000}
    assert sensor["changes"]["discount_bp"] == {"a": 0, "b": 1000}
    # 3 x 100.00 less 10% = 270.00 + 13% = 305.10, was 113.00
    assert sensor["delta_total_minor"] == 30_510 - 11_300
    freight = next(l for l in diff["lines"] if l["a"] and l["a"]["description"] == "运费")
    assert set(freight["changes"]) == {"description"}
    # The removed line keeps its place between the lines that surrounded it in revision 1.
    assert [(l["a"] or l["b"])["description"] for l in diff["lines"]] == ["传感器", "安装调试", "现场培训", "运费", "备件包"]
    assert diff["counts"] == {"same": 1, "changed": 2, "added": 1, "removed": 1}


def test_totals_are_compared_field_by_field(store, revisions):
    v1, v2 = revisions
    with store.unit() as uow:
        diff = compare_quotes(uow, v1["id"], v2["id"])
    assert diff["totals"]["total_minor"] == {"a": v1["total_minor"], "b": v2["total_minor"],
                                             "delta": v2["total_minor"] - v1["total_minor"]}
    assert diff["totals"]["total_minor"]["delta"] == sum(l["delta_total_minor"] for l in diff["lines"])
    assert diff["totals"]["max_discount_bp"] == {"a": 0, "b": 1000, "delta": 1000}
    assert (diff["a"]["revision"], diff["b"]["revision"], diff["same_deal"]) == (1, 2, True)
    with store.unit() as uow:
        back = compare_quotes(uow, v2["id"], v1["id"])
    assert back["counts"]["added"] == 1 and back["counts"]["removed"] == 1
    assert back["totals"]["total_minor"]["delta"] == -diff["totals"]["total_minor"]["delta"]


def test_quotes_in_different_currencies_do_not_compare(store, revisions):
    v1, _ = revisions
    c = chain.customer(store, name="USD Buyer Ltd")
    d = chain.deal(store, c["id"], currency="USD")
    other = chain.quote(store, d["id"], [chain.line(100)])
    with store.unit() as uow, pytest.raises(ValidationError):
        compare_quotes(uow, v1["id"], other["id"])
