"""Global search in the window: Chinese and Latin substrings, pinyin initials, opening a hit."""
from __future__ import annotations

from app.services import customers as customer_services
from tests.ui.conftest import settle


def test_search_finds_chinese_and_latin_substrings(store, ws, qtbot):
    from ui.search.popup import SearchPopup

    c = store.run(customer_services.create_customer, {"name": "北京华为技术有限公司"})
    store.run(customer_services.create_customer, {"name": "Acme Trading Co., Ltd."})
    store.run(customer_services.create_contact, {"customer_id": c["id"], "name": "张三"})
    popup = SearchPopup(ws)
    qtbot.addWidget(popup)
    popup.start()
    for query, title in (("华为", "北京华为技术有限公司"), ("trading", "Acme Trading Co., Ltd."), ("zs", "张三"),
                         ("华为技术", "北京华为技术有限公司")):
        with qtbot.waitSignal(popup.sig_results, timeout=5000) as blocker:
            popup.box.setText(query)
        assert title in [h["title"] for h in blocker.args[0]], query
    opened = []
    popup.sig_open.connect(lambda entity, rid: opened.append((entity, rid)))
    popup.box.returnPressed.emit()
    assert opened == [("customer", c["id"])] or opened[0][0] == "customer"
    settle(qtbot, ws)


def test_a_record_saved_a_moment_ago_is_found(store, ws, qtbot):
    from ui.search.popup import SearchPopup

    popup = SearchPopup(ws)
    qtbot.addWidget(popup)
    popup.start()
    ws.ops.service(customer_services.create_customer, {"name": "刚刚保存的公司"})
    settle(qtbot, ws)
    with qtbot.waitSignal(popup.sig_results, timeout=5000) as blocker:
        popup.box.setText("刚刚")
    assert [h["title"] for h in blocker.args[0]] == ["刚刚保存的公司"]
