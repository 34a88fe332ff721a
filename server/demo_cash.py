"""The demo's cash side, played the way the people would: an admin's price list, rep1
quoting and winning a few deals (one quote over the discount threshold waits in the
manager's inbox), finance taking over the hand-offs, issuing invoices online and recording a
partial payment. Each role works in its own client profile and syncs, so everything
goes through the services, the outbox and the server like real work."""
from __future__ import annotations

from pathlib import Path

from app.services import deals, handoffs, invoices, orders, payments, products, quotes
from app.store import Store
from sync import admin as server_calls
from sync.engine import SyncEngine

PRICE_LIST = (
    ("LTC-ERP", "企业资源计划 ERP 年度订阅", 120_000_00, 600),
    ("LTC-IMPL", "实施与数据迁移服务", 60_000_00, 600),
    ("LTC-TRAIN", "用户培训（每天）", 4_000_00, 600),
    ("LTC-SRV", "服务器与网络设备", 36_000_00, 1300),
)


def play(url: str, password: str, folder: Path, say) -> None:
    engines = {}
    try:
        for user in ("admin", "rep1", "manager", "finance"):
            engine = SyncEngine(Store.open(folder / f"cash-{user}"), device_name=f"demo {user}")
            engine.login(url, user, password)
            engine.sync()
            engines[user] = engine
        say("setting up the price list and quoting")
        admin = engines["admin"].store
        catalogue = [admin.run(products.create_product, {
            "code": code, "name": name, "unit_price_minor": price, "currency": "CNY", "tax_rate_bp": tax})
            for code, name, price, tax in PRICE_LIST]
        engines["admin"].sync()
        rep = engines["rep1"]
        rep.sync()
        won = _quote_and_win(rep.store, catalogue)
        rep.sync()
        say("finance takes over the won deals and issues invoices")
        _finance(engines["finance"], won)
    finally:
        for engine in engines.values():
            engine.store.close()


def _quote_and_win(store, catalogue) -> list[str]:
    """Quotes on rep1's most advanced deals: two won with an order each, one sent, one
    over the discount threshold waiting for approval. Returns the won quotes' ids."""
    with store.unit() as uow:
        c = uow.c("deal")
        open_deals = uow.select("deal", c.stage.in_(("proposal", "negotiation")), c.currency == "CNY",
                                order_by=[c.amount_minor.desc()])[:5]
    erp, impl, train, hw = catalogue
    won = []
    for n, deal in enumerate(open_deals):
        lines = [{"product_id": erp["id"], "quantity_milli": 1000},
                 {"product_id": impl["id"], "quantity_milli": 1000 + 500 * n, "discount_bp": 500},
                 {"product_id": train["id"], "quantity_milli": 5000}]
        if n == 3:
            lines.append({"product_id": hw["id"], "quantity_milli": 4000, "discount_bp": 2500})
        quote = store.run(quotes.create_quote, {"deal_id": deal["id"], "valid_until": None}, lines=lines)
        if n == 3:
            store.run(quotes.request_approval, quote["id"], "大客户首单，硬件给到七五折")
            continue
        store.run(quotes.send_quote, quote["id"])
        if n >= 2:
            continue
        store.run(quotes.accept_quote, quote["id"])
        store.run(deals.win, deal["id"])
        won.append(quote["id"])
    return won


def _finance(engine: SyncEngine, won: list[str]) -> None:
    store = engine.store
    engine.sync()
    for item in store.run(lambda uow: handoffs.inbox(uow, "finance")):
        if item.get("kind") == "handoff":
            store.run(handoffs.accept_handoff, item["id"], "资料齐全，已受理")
            break
    issued = []
    for n, quote_id in enumerate(won):
        order = store.run(orders.create_order, {"quote_id": quote_id}, milestones=[
            {"label": "预付款", "percent_bp": 3000}, {"label": "验收款", "percent_bp": 7000}])
        first = store.run(orders.billing_plan, order["id"])[0]
        invoice = store.run(invoices.draft_invoice_from_milestone, first["id"])
        store.run(invoices.request_issue, invoice["id"])
        issued.append(invoice)
    engine.sync()
    for invoice in issued:
        server_calls.issue_invoice(engine, invoice["id"])
    engine.sync()
    if issued:
        first = store.run(lambda uow: uow.require("invoice", issued[0]["id"]))
        payment = store.run(payments.record_payment, {
            "customer_id": first["customer_id"], "amount_minor": first["total_minor"] // 2,
            "method": "bank_transfer", "reference": "电汇 20261127-001"})
        store.run(payments.allocate_payment, payment["id"])
    engine.sync()
