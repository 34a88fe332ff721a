"""Screenshots of the conflict desk: an embedded server with a small sales team, one
conflict of each kind between their clients, and an admin's client on it showing the
Conflicts view:

    ../shared/tools/shot docs/screenshots/conflict-queue.png --wait 14 -- \\
        .venv/bin/python docs/screenshots/shoot_conflicts.py queue
    (views: queue, field, merge)
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QTimer  # noqa: E402

from app.services import customers, deals  # noqa: E402
from app.store import Store  # noqa: E402
from server.embedded import start_embedded  # noqa: E402
from sync.engine import SyncEngine  # noqa: E402
from ui.app import application, open_window  # noqa: E402

PASSWORD = "screenshot"


def client(server, folder: Path, username: str, device: str) -> SyncEngine:
    engine = SyncEngine(Store.open(folder / username), device_name=device)
    engine.login(server.url, username, PASSWORD)
    engine.sync()
    return engine


def build(server, folder: Path) -> SyncEngine:
    """The team, their conflicts, and the admin's signed-in profile."""
    server.add_user("admin", "admin", PASSWORD, display_name="系统管理员")
    server.add_user("wang.fang", "manager", PASSWORD, display_name="王芳")
    server.add_user("li.na", "rep", PASSWORD, manager="wang.fang", display_name="李娜")
    server.add_user("zhang.wei", "rep", PASSWORD, manager="wang.fang", display_name="张伟")
    li = client(server, folder, "li.na", "李娜的笔记本")
    zhang = client(server, folder, "zhang.wei", "张伟-ThinkPad")
    boss = client(server, folder, "wang.fang", "王芳-办公室")

    def create(engine, values, **extra):
        return engine.store.run(customers.create_customer, values, allow_duplicate=True, **extra)

    # Same fields changed on both sides.
    pujiang = create(li, {"name": "上海浦江精密机械有限公司", "phone": "021-5888 1234", "industry": "manufacturing",
                          "address": "上海市闵行区江川路 88 号", "notes": "年度框架协议洽谈中"})
    li.sync()
    boss.sync()
    boss.store.run(customers.update_customer, pujiang["id"], {
        "phone": "021-5888 6000", "notes": "已签年度框架协议，价格锁定到年底", "address": "上海市闵行区江川路 88 号 3 号楼"})
    boss.sync()
    li.store.run(customers.update_customer, pujiang["id"], {
        "phone": "139 1234 5678", "notes": "采购经理换人，需要重新报价"})
    # A duplicate made offline, with a contact and a deal on it.
    create(li, {"name": "杭州云栖电子科技有限公司", "phone": "0571-8702 3456", "industry": "technology",
                        "address": "杭州市西湖区云栖小镇"})
    li.sync()
    dup = create(zhang, {"name": "Hangzhou Yunqi Electronics", "phone": "0571 8702 3456",
                         "email": "purchasing@yunqi-elec.cn"})
    zhang.store.run(customers.create_contact, {"name": "赵敏", "title": "采购主管", "customer_id": dup["id"]})
    zhang.store.run(deals.create_deal, {"customer_id": dup["id"], "name": "传感器模组年度采购",
                                        "stage": "prospecting"})
    # An orphan: a contact added under a customer the manager deleted.
    suzhou = create(li, {"name": "苏州工业园区恒达物流有限公司", "industry": "logistics"})
    # Edit against delete.
    chengdu = create(zhang, {"name": "成都蓉城文旅发展有限公司", "notes": "待确认预算"})
    li.sync()
    zhang.sync()
    boss.sync()
    boss.store.run(customers.delete_customer, suzhou["id"])
    boss.store.run(customers.delete_customer, chengdu["id"])
    boss.sync()
    li.store.run(customers.create_contact, {"name": "陈静", "title": "物流经理", "customer_id": suzhou["id"]})
    zhang.store.run(customers.update_customer, chengdu["id"], {"notes": "预算已批：80 万元，下月招标"})
    for engine in (li, zhang):
        engine.sync()
    admin = client(server, folder, "admin", "管理员工作站")
    for engine in (li, zhang, boss):
        engine.store.close()
    return admin


def main(view: str = "queue") -> int:
    from ui.sync_adapter import EngineSyncAdapter

    app = application()
    folder = Path(tempfile.mkdtemp(prefix="ltc-shot-"))
    server = start_embedded()
    admin = build(server, folder)
    sync = EngineSyncAdapter(admin)
    window = open_window(admin.store, sync=sync)
    sync.attach(window.ws.events)
    window.resize(1440, 880)
    window.move(0, 0)
    window.show()
    window.show_view("conflicts")
    queue = window.conflicts.queue
    kind = {"queue": "field", "field": "field", "merge": "duplicate"}[view]

    def pick() -> None:
        rows = [c["kind"] for c in queue.conflicts]
        if kind in rows:
            queue.view.selectRow(rows.index(kind))
        if view in ("field", "merge"):
            queue.view.parentWidget().setSizes([150, 720])

    queue.sig_loaded.connect(lambda: QTimer.singleShot(100, pick))
    code = app.exec()
    server.stop()
    return code


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
