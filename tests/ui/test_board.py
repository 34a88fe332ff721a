"""The pipeline board: a column per stage with totals; dragging a card moves the deal
(asking for what the stage requires) and records the stage history."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from app.services import customers as customer_services
from app.services import deals as deal_services
from tests.ui.conftest import settle


def drag(board, deal_id: str, from_stage: str, to_stage: str) -> bool:
    source = board.columns[from_stage].model
    row = next(i for i, c in enumerate(source.cards) if c["id"] == deal_id)
    mime = source.mimeData([source.index(row)])
    return board.columns[to_stage].model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, QModelIndex())


def open_board(ws, qtbot):
    from ui.deals.board import PipelineBoard

    board = PipelineBoard(ws)
    qtbot.addWidget(board)
    board.show()
    settle(qtbot, ws)
    return board


def history(store, deal_id):
    with store.read() as s:
        from app.queries import deals

        return [(e["from_stage"], e["to_stage"]) for e in deals.stage_history(s, deal_id)]


def test_dragging_a_deal_changes_its_stage_and_history(store, ws, qtbot):
    c = store.run(customer_services.create_customer, {"name": "看板客户"})
    deal = store.run(deal_services.create_deal, {"customer_id": c["id"], "name": "拖拽商机", "amount_minor": 10_00})
    board = open_board(ws, qtbot)
    assert board.columns["prospecting"].model.rowCount() == 1
    with qtbot.waitSignal(board.sig_moved):
        drag(board, deal["id"], "prospecting", "qualification")
    settle(qtbot, ws)
    assert board.columns["qualification"].model.rowCount() == 1
    assert board.columns["prospecting"].model.rowCount() == 0
    assert "(1)" in board.columns["qualification"].header.text()
    assert history(store, deal["id"]) == [(None, "prospecting"), ("prospecting", "qualification")]


def test_a_stage_that_needs_fields_asks_for_them_before_moving(store, ws, qtbot):
    c = store.run(customer_services.create_customer, {"name": "提案客户"})
    deal = store.run(deal_services.create_deal, {"customer_id": c["id"], "name": "缺字段商机"})
    board = open_board(ws, qtbot)
    drag(board, deal["id"], "prospecting", "proposal")
    settle(qtbot, ws)
    dialog = _open_editor(board)
    assert set(dialog.widgets) == {"amount_minor", "expected_close"}
    dialog.save()
    settle(qtbot, ws)
    assert dialog.isVisible() and dialog.errors["amount_minor"].isVisible()
    assert history(store, deal["id"]) == [(None, "prospecting")]
    dialog.widgets["amount_minor"].setText("50000")
    dialog.widgets["expected_close"].setText("2026-12-31")
    with qtbot.waitSignal(board.sig_moved):
        dialog.save()
    settle(qtbot, ws)
    assert history(store, deal["id"])[-1] == ("prospecting", "proposal")
    assert board.columns["proposal"].model.cards[0]["amount_minor"] == 50_000_00


def test_moving_to_lost_asks_the_reason(store, ws, qtbot):
    c = store.run(customer_services.create_customer, {"name": "输单客户"})
    deal = store.run(deal_services.create_deal, {"customer_id": c["id"], "name": "输单商机"})
    board = open_board(ws, qtbot)
    drag(board, deal["id"], "prospecting", "lost")
    settle(qtbot, ws)
    dialog = _open_editor(board)
    assert "lost_reason" in dialog.widgets
    combo = dialog.widgets["lost_reason"]
    combo.setCurrentIndex(combo.findData("competitor"))
    with qtbot.waitSignal(board.sig_moved):
        dialog.save()
    settle(qtbot, ws)
    with store.read() as s:
        from app.queries import deals

        assert deals.deal(s, deal["id"])["lost_reason"] == "competitor"


def test_a_won_deal_cannot_be_dropped_back(store, ws, qtbot):
    c = store.run(customer_services.create_customer, {"name": "赢单客户"})
    deal = store.run(deal_services.create_deal, {"customer_id": c["id"], "name": "已赢", "stage": "won",
                                                 "amount_minor": 1, "expected_close": "2026-01-01"})
    board = open_board(ws, qtbot)
    source = board.columns["won"].model
    mime = source.mimeData([source.index(0)])
    assert not board.columns["prospecting"].model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1,
                                                                   QModelIndex())
    assert history(store, deal["id"]) == [(None, "won")]


def _open_editor(board):
    from ui.editors.record_editor import RecordEditor

    dialogs = [d for d in board.findChildren(RecordEditor) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]
