"""Fill a profile with a realistic cash side, through the services, for screenshots: a
price list, customers with contacts, deals quoted in revisions, approvals, orders with
billing plans, hand-offs of won deals, invoices over every aging bucket, payments part
allocated, a credit hold and a change request. Time is moved back while filling so
ages, due dates and buckets are real.

    .venv/bin/python docs/screenshots/cash_profile.py PROFILE
"""
from __future__ import annotations

import datetime as dt
import sys
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app import clock  # noqa: E402
from app.models import ENTITIES  # noqa: E402
from app.services import (  # noqa: E402
    approvals, change_requests, customers, deals, invoices, orders, payments, products, quotes,
)
from app.store import Actor, Store  # noqa: E402

_real_now = clock.now
PEOPLE = {"rep": ("zhangwei", "张伟"), "rep2": ("lina", "李娜"), "manager": ("wangjh", "王建华"),
          "finance": ("chenjing", "陈静")}


@contextmanager
def days_ago(days: float):
    """Everything done inside happens `days` days ago (as the services see the clock)."""
    moment = _real_now() - dt.timedelta(days=days)
    clock.now = lambda: moment
    try:
        yield
    finally:
        clock.now = _real_now


def day(offset: int) -> str:
    return (clock.today() + dt.timedelta(days=offset)).isoformat()


class Filler:
    def __init__(self, store: Store):
        self.store = store
        self.admin = store.actor()
        self.actors: dict[str, Actor] = {}
        for key, (username, name) in PEOPLE.items():
            role = "rep" if key.startswith("rep") else key
            user = store.run(lambda uow, u=username, n=name, r=role: uow.create(
                "user", {"username": u, "display_name": n, "role": r, "active": True}))
            self.actors[key] = Actor(user["id"], username, role, name)
        self.numbers = 0

    def as_(self, who: str, fn, *args, **kwargs):
        return self.store.run(fn, *args, actor=self.actors.get(who, self.admin), **kwargs)

    def issue(self, invoice_id: str, issued_on: str) -> None:
        """What the pull brings once the server has issued the invoice: number and date."""
        self.numbers += 1
        t = ENTITIES["invoice"].__table__
        number = f"INV-{issued_on[:4]}-{self.numbers:06d}"
        with self.store.write() as s:
            s.execute(t.update().where(t.c.id == invoice_id).values(status="issued", number=number,
                                                                    issued_on=issued_on, version=self.numbers))

    # -- the book -----------------------------------------------------------------------
    def price_list(self) -> dict:
        items = [("CNC-5X", "五轴数控加工中心", "机床", "台", 128_000_000, 1300),
                 ("LATHE-CK", "数控车床 CK6150", "机床", "台", 26_800_000, 1300),
                 ("ROBOT-6", "六轴焊接机器人", "自动化", "台", 35_600_000, 1300),
                 ("PLC-S7", "PLC 控制柜", "自动化", "套", 4_850_000, 1300),
                 ("SRV-INST", "安装调试服务", "服务", "人天", 1_800_000, 600),
                 ("SRV-TRAIN", "操作培训", "服务", "人天", 280_000, 600),
                 ("SPARE-KIT", "易损备件包", "备件", "套", 1_260_000, 1300),
                 ("MAINT-Y", "年度维保合同", "服务", "年", 9_600_000, 600)]
        return {code: self.as_("admin", products.create_product, {
            "code": code, "name": name, "series": series, "unit": unit, "unit_price_minor": price,
            "tax_rate_bp": tax}) for code, name, series, unit, price, tax in items}

    def customer(self, name: str, contact: tuple, *, limit: int | None = None, owner: str = "rep") -> dict:
        c = self.as_(owner, customers.create_customer, {"name": name, "industry": "manufacturing",
                                                         "owner_id": self.actors[owner].id}, allow_duplicate=True)
        if limit is not None:
            self.as_("finance", customers.update_customer, c["id"], {"credit_limit_minor": limit})
        self.as_(owner, customers.create_contact, {"customer_id": c["id"], "name": contact[0], "title": contact[1],
                                                   "phone": contact[2], "is_primary": True})
        return c

    def quoted_deal(self, customer: dict, name: str, lines: list[dict], *, owner: str = "rep") -> tuple[dict, dict]:
        deal = self.as_(owner, deals.create_deal, {"customer_id": customer["id"], "name": name, "stage": "proposal",
                                                   "amount_minor": 100_000_00, "expected_close": day(45)})
        quote = self.as_(owner, quotes.create_quote, {"deal_id": deal["id"], "valid_until": day(30)}, lines=lines)
        return deal, quote

    def approved(self, quote: dict, note: str, comment: str) -> dict:
        if self.as_("rep", quotes.approval_reasons, quote["id"]):
            request = self.as_("rep", quotes.request_approval, quote["id"], note)
            self.as_("manager", approvals.decide_approval, request["approval"]["id"], "approved", comment)
        return quote

    def won_with_order(self, quote: dict, number: str, plan: list[dict], *, handoff_days: float) -> dict:
        self.approved(quote, "大额订单", "同意")
        self.as_("rep", quotes.send_quote, quote["id"])
        self.as_("rep", quotes.accept_quote, quote["id"])
        order = self.as_("rep", orders.create_order, {"quote_id": quote["id"], "number": number,
                                                      "signed_on": clock.today().isoformat()}, milestones=plan)
        with days_ago(handoff_days):
            self.as_("rep", deals.win, quote["deal_id"])
        return order


def fill(profile: str) -> None:
    store = Store.open(profile)
    f = Filler(store)
    p = f.price_list()

    def line(code, qty=1, discount=0, **more):
        return {"product_id": p[code]["id"], "quantity_milli": int(qty * 1000), "discount_bp": discount, **more}

    suzhou = f.customer("苏州精工机械有限公司", ("周敏", "采购总监", "13912345678"))
    huadong = f.customer("华东精密制造有限公司", ("刘强", "设备部经理", "13801012345"), limit=300_000_000)
    guangzhou = f.customer("广州粤海汽车零部件有限公司", ("黄丽", "财务经理", "13600001111"))
    beijing = f.customer("北京中关村智能装备有限公司", ("赵磊", "总经理", "13901234567"), owner="rep2")
    hangzhou = f.customer("杭州远景贸易有限公司", ("孙倩", "出纳", "13588889999"), owner="rep2")
    chengdu = f.customer("成都天府重工集团", ("马超", "采购经理", "13982223333"), limit=150_000_000)
    shenzhen = f.customer("深圳前海新能源科技有限公司", ("林峰", "项目经理", "13728886666"))
    qingdao = f.customer("青岛海洋装备制造有限公司", ("高远", "技术总监", "13506390000"), owner="rep2")

    # The quote of the screenshot: revision 2 of 苏州精工's line, approved by the manager.
    with days_ago(6):
        _deal, first = f.quoted_deal(suzhou, "数控产线改造二期", [
            line("CNC-5X", 2, 500), line("ROBOT-6", 1), line("PLC-S7", 2), line("SRV-INST", 3)])
        f.approved(first, "首期报价", "同意")
        f.as_("rep", quotes.send_quote, first["id"])
    with days_ago(2):
        second = f.as_("rep", quotes.revise_quote, first["id"])
        lines = {l["description"]: l for l in f.as_("rep", quotes.quote_lines, second["id"])}
        f.as_("rep", quotes.update_line, lines["五轴数控加工中心"]["id"], {"discount_bp": 800})
        f.as_("rep", quotes.update_line, lines["六轴焊接机器人"]["id"], {"quantity_milli": 2000, "discount_bp": 500})
        f.as_("rep", quotes.add_line, {"quote_id": second["id"], **line("SRV-TRAIN", 10)})
        f.as_("rep", quotes.add_line, {"quote_id": second["id"], **line("SPARE-KIT", 2, 1000)})
        f.as_("rep", quotes.add_line, {"quote_id": second["id"], **line("MAINT-Y", 1, 1000)})
        f.as_("rep", quotes.update_quote, second["id"], {"notes": "含运输及现场安装；质保 12 个月。"})
    with days_ago(1):
        f.approved(second, "二期批量采购，客户要求整体优惠", "同意，付款方式须 30/60/10")

    # Won deals handed to finance: one waiting two days (late), one since this morning.
    _d, q = f.quoted_deal(huadong, "精密磨床产线", [line("LATHE-CK", 4, 300), line("SRV-INST", 4)])
    f.won_with_order(q, "SO-2026-031", [{"label": "预付款", "percent_bp": 3000, "due_on": day(-3)},
                                        {"label": "到货款", "percent_bp": 6000, "due_on": day(40)},
                                        {"label": "质保金", "percent_bp": 1000, "due_on": day(365)}], handoff_days=2.2)
    _d, q = f.quoted_deal(shenzhen, "电池壳体焊接工作站", [line("ROBOT-6", 2), line("PLC-S7", 1),
                                                          line("SRV-TRAIN", 5)])
    f.won_with_order(q, "SO-2026-034", [{"label": "预付款", "percent_bp": 5000, "due_on": day(7)},
                                        {"label": "验收款", "percent_bp": 5000, "due_on": day(60)}], handoff_days=0.2)
    # An order over the customer's credit limit waits for finance's release.
    with days_ago(1.5):
        _d, q = f.quoted_deal(chengdu, "重型龙门加工中心", [line("CNC-5X", 1), line("SRV-INST", 5)])
        f.approved(q, "大额订单", "同意")
        f.as_("rep", quotes.send_quote, q["id"])
        f.as_("rep", quotes.accept_quote, q["id"])
        f.as_("rep", orders.create_order, {"quote_id": q["id"], "number": "SO-2026-029"})
    # A change on an order, waiting for the manager.
    _d, q = f.quoted_deal(qingdao, "海工焊接自动化", [line("ROBOT-6", 1), line("SRV-INST", 2)], owner="rep2")
    order = f.won_with_order(q, "SO-2026-027", [{"label": "全款", "percent_bp": 10_000, "due_on": day(20)}],
                             handoff_days=5)
    f.as_("rep2", change_requests.open_change_request, {
        "subject_entity": "order", "subject_id": order["id"], "description": "增加一套 PLC 控制柜",
        "amount_delta_minor": 5_480_500, "date_delta_days": 10})

    # Invoices over every bucket, some paid in part; two waiting to be issued.
    def issued(customer, amount, tax_bp, due, issued_days_ago, text):
        inv = f.as_("finance", invoices.create_invoice, {"customer_id": customer["id"], "due_on": day(due)},
                    lines=[{"description": text, "unit_price_minor": amount, "tax_rate_bp": tax_bp}])
        f.as_("finance", invoices.request_issue, inv["id"])
        f.issue(inv["id"], day(-issued_days_ago))
        return inv

    g1 = issued(guangzhou, 42_000_000, 1300, -98, 128, "模具钢材加工设备")
    issued(guangzhou, 18_600_000, 1300, -47, 77, "自动上下料单元")
    issued(guangzhou, 3_200_000, 600, 12, 18, "年度维保服务（第一季度）")
    b1 = issued(beijing, 26_500_000, 1300, -71, 101, "智能仓储输送线")
    issued(beijing, 8_800_000, 600, -9, 39, "系统集成服务")
    issued(hangzhou, 5_460_000, 1300, -26, 56, "备件及耗材")
    issued(hangzhou, 2_000_000, 600, 20, 10, "操作培训")
    h1 = issued(huadong, 61_000_000, 1300, -15, 45, "数控车床 CK6150 ×2")
    issued(suzhou, 12_000_000, 1300, 25, 5, "安装调试服务")
    with days_ago(20):
        pay = f.as_("finance", payments.record_payment, {"customer_id": guangzhou["id"], "amount_minor": 30_000_000,
                                                         "method": "bank_transfer", "reference": "粤海-0312"})
        f.as_("finance", payments.allocate_payment, pay["id"], [(g1["id"], 30_000_000)])
    with days_ago(12):
        pay = f.as_("finance", payments.record_payment, {"customer_id": beijing["id"], "amount_minor": 20_000_000,
                                                         "method": "acceptance_bill", "reference": "中关村-承兑-88"})
        f.as_("finance", payments.allocate_payment, pay["id"], [(b1["id"], 15_000_000)])
    with days_ago(3):
        pay = f.as_("finance", payments.record_payment, {"customer_id": huadong["id"], "amount_minor": 25_000_000,
                                                         "method": "bank_transfer", "reference": "华东-0925"})
        f.as_("finance", payments.allocate_payment, pay["id"], [(h1["id"], 25_000_000)])
    with days_ago(1):
        for customer, amount, text in ((shenzhen, 3_600_000, "技术咨询服务"), (qingdao, 1_590_000, "现场勘测")):
            inv = f.as_("rep", invoices.create_invoice, {"customer_id": customer["id"]},
                        lines=[{"description": text, "unit_price_minor": amount, "tax_rate_bp": 600}])
            f.as_("finance", invoices.request_issue, inv["id"])
    store.close()


if __name__ == "__main__":
    fill(sys.argv[1])
