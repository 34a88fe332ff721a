"""The quote editor: typing lines updates the totals exactly as the quote service computes
them; a quote over the thresholds asks for approval (queued while offline); revisions
compare side by side; the PDF is written where the person chose and opened."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from app.services import products, quotes
from tests.foundation import chain
from tests.ui.cash.conftest import check_model
from tests.ui.conftest import settle
from ui import formatting


def open_editor(ws, qtbot, quote_id=None, deal_id=None):
    from ui.quotes.editor import QuoteEditor

    editor = QuoteEditor(ws, quote_id, deal_id=deal_id)
    qtbot.addWidget(editor)
    with qtbot.waitSignal(editor.sig_loaded):
        editor.show()
    return editor


def type_cell(model, row: int, key: str, text: str) -> bool:
    return model.setData(model.index(row, model.column_of(key)), text, Qt.ItemDataRole.EditRole)


def save(editor, qtbot, ws, action=None):
    with qtbot.waitSignal(editor.sig_loaded, timeout=10000):
        editor.run(action)
    settle(qtbot, ws)


def stored(store, quote_id):
    with store.unit() as uow:
        return uow.require("quote", quote_id), quotes.quote_lines(uow, quote_id)


def test_typing_lines_updates_the_totals_as_the_quote_service_computes_them(store, ws, qtbot):
    customer = chain.customer(store)
    deal = chain.deal(store, customer["id"])
    machine = store.run(products.create_product, {"code": "CNC-5X", "name": "五轴数控加工中心",
                                                  "unit_price_minor": 1_234_567, "tax_rate_bp": 1300})
    editor = open_editor(ws, qtbot, deal_id=deal["id"])
    lines = editor.lines
    editor.product_box.activated.emit(editor.product_box.findData(machine["id"]))
    assert lines.row(0)["description"] == "五轴数控加工中心" and lines.row(0)["unit_price_minor"] == 1_234_567
    assert type_cell(lines, 0, "quantity_milli", "3")
    assert type_cell(lines, 0, "discount_bp", "12.5%")
    row = lines.add_line()
    assert type_cell(lines, row, "description", "安装调试服务")
    assert type_cell(lines, row, "unit_price_minor", "1,999.99")
    assert type_cell(lines, row, "tax_rate_bp", "6")
    assert type_cell(lines, row, "quantity_milli", "2.5")
    assert not type_cell(lines, row, "discount_bp", "abc")  # refused, the line keeps its value
    shown = {k: editor.total_labels[k].text() for k in ("subtotal", "discount", "tax", "total")}
    line_totals = [lines.text(r, "total_minor") for r in range(2)]
    assert editor.dirty and editor.buttons["save"].isEnabled()

    save(editor, qtbot, ws)
    quote, saved_lines = stored(store, editor.quote_id)
    currency = quote["currency"]
    assert shown == {"subtotal": formatting.money(quote["subtotal_minor"], currency),
                     "discount": formatting.money(-quote["discount_minor"], currency),
                     "tax": formatting.money(quote["tax_minor"], currency),
                     "total": formatting.money(quote["total_minor"], currency)}
    assert line_totals == [formatting.money(l["total_minor"], currency) for l in saved_lines]
    assert [l["quantity_milli"] for l in saved_lines] == [3000, 2500]
    assert saved_lines[0]["discount_bp"] == 1250 and saved_lines[1]["tax_rate_bp"] == 600
    assert saved_lines[0]["product_id"] == machine["id"]
    # The totals are money, right-aligned, in yuan.
    assert editor.total_labels["total"].text().startswith("¥")
    assert editor.total_labels["total"].alignment() & Qt.AlignmentFlag.AlignRight
    assert lines.data(lines.index(0, lines.column_of("total_minor")), Qt.ItemDataRole.TextAlignmentRole) \
        == int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)

    # Removing a line and saving again: the stored quote follows the editor.
    editor.table.setCurrentIndex(lines.index(1, 1))
    editor.remove_button.click()
    assert editor.total_labels["total"].text() == formatting.money(saved_lines[0]["total_minor"], currency)
    save(editor, qtbot, ws)
    quote, saved_lines = stored(store, editor.quote_id)
    assert len(saved_lines) == 1 and quote["total_minor"] == saved_lines[0]["total_minor"]


def test_a_quote_over_the_threshold_needs_approval_and_the_request_is_queued_offline(store, ws, qtbot, comments):
    customer = chain.customer(store)
    deal = chain.deal(store, customer["id"])
    editor = open_editor(ws, qtbot, deal_id=deal["id"])
    row = editor.lines.add_line()
    type_cell(editor.lines, row, "description", "年度维保")
    type_cell(editor.lines, row, "unit_price_minor", "100,000")
    type_cell(editor.lines, row, "discount_bp", "20")
    save(editor, qtbot, ws)
    assert "Needs a manager's approval" in editor.approval.text() and "20.00%" in editor.approval.text()
    assert not editor.buttons["send"].isEnabled()  # the service would refuse it
    comments.push("客户是战略客户")
    editor.buttons["request_approval"].click()
    qtbot.waitUntil(lambda: editor.data["quote"]["status"] == "pending_approval", timeout=10000)
    settle(qtbot, ws)
    assert "queued" in editor.message.text()  # a local-only profile is offline
    assert editor.status.text() == "Waiting for approval"
    assert not editor.buttons["request_approval"].isEnabled()
    [approval] = chain.rows(store, "approval", subject_id=editor.quote_id)
    assert approval["status"] == "pending" and approval["comment"] == "客户是战略客户"
    assert [m["op"] for m in chain.outbox(store, "approval", approval["id"])] == ["create"]


def test_revisions_compare_side_by_side(store, ws, qtbot, qtmodeltester):
    customer = chain.customer(store)
    deal = chain.deal(store, customer["id"])
    first = chain.quote(store, deal["id"], [chain.line(50_000, description="主机"),
                                            chain.line(8_000, description="培训")])
    store.run(quotes.send_quote, first["id"])
    editor = open_editor(ws, qtbot, first["id"])
    assert editor.lines.read_only and not editor.add_button.isEnabled()  # a sent quote is a document
    with qtbot.waitSignal(editor.sig_loaded, timeout=10000):
        editor.buttons["revise"].click()
    settle(qtbot, ws)
    assert editor.quote_id != first["id"] and editor.data["quote"]["revision"] == 2
    assert not editor.lines.read_only
    type_cell(editor.lines, 0, "unit_price_minor", "450")
    row = editor.lines.add_line()
    type_cell(editor.lines, row, "description", "备件包")
    type_cell(editor.lines, row, "unit_price_minor", "30")
    type_cell(editor.lines, row, "tax_rate_bp", "0")
    save(editor, qtbot, ws)
    editor.revisions.setCurrentIndex(editor.revisions.findData(first["id"]))
    assert editor.compare_button.isEnabled()
    dialog = editor.compare()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.lines is not None, timeout=10000)
    statuses = [r["status"] for r in dialog.lines.rows]
    assert sorted(statuses) == ["added", "changed", "same"]
    changed = dialog.lines.rows[statuses.index("changed")]
    assert set(changed["changes"]) >= {"unit_price_minor", "total_minor"}
    assert "1 changed, 1 added, 0 removed" in dialog.summary.text()
    totals = {r["key"]: r for r in dialog.totals.rows}
    assert totals["total_minor"]["delta"] == (45_000 + 3_000) - 50_000  # 主机 cheaper, 备件包 added
    check_model(qtmodeltester, dialog.lines)
    check_model(qtmodeltester, dialog.totals)
    check_model(qtmodeltester, editor.lines)


def test_the_pdf_is_written_where_the_person_chose_and_opened(store, ws, qtbot, tmp_path, monkeypatch):
    customer = chain.customer(store)
    deal = chain.deal(store, customer["id"])
    quote = chain.quote(store, deal["id"], [chain.line(12_345, description="测试服务")])
    target = tmp_path / "报价单.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF files (*.pdf)"))
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    editor = open_editor(ws, qtbot, quote["id"])
    task = editor.export_pdf()
    assert task is not None
    qtbot.waitUntil(lambda: bool(opened), timeout=20000)
    assert opened == [str(target)] and target.read_bytes().startswith(b"%PDF")
