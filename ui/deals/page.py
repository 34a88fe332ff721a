"""Deals: the list and the pipeline board, in two tabs."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QInputDialog, QTabWidget, QVBoxLayout, QWidget

from app.queries import deals as deal_queries
from app.rules.states import DEAL_STAGES
from ui import formatting
from ui.activities.log_dialog import log_activity_dialog
from ui.deals.board import PipelineBoard
from ui.deals.editor import deal_editor
from ui.records.page import ListPage


class DealsPage(QWidget):
    sig_open = Signal(str, str)

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ws = workspace
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget(self)
        self.list_page = ListPage(workspace, deal_queries.LIST, self.tr("Deals"), self)
        self.list_page.add_button(self.tr("New deal"), self.new_deal)
        self.list_page.add_button(self.tr("Move stage…"), self.move_selected, needs_selection=True)
        self.list_page.add_button(self.tr("Log activity"), self.log_selected, needs_selection=True)
        self.board = PipelineBoard(workspace, self)
        self.tabs.addTab(self.list_page, self.tr("List"))
        self.tabs.addTab(self.board, self.tr("Pipeline board"))
        layout.addWidget(self.tabs)
        self.list_page.list.sig_open.connect(self.edit)
        self.board.sig_open.connect(self.edit)

    def start(self, filter_key: str | None = None) -> None:
        self.list_page.start(filter_key)

    def show_board(self) -> None:
        self.tabs.setCurrentWidget(self.board)

    def new_deal(self):
        dialog = deal_editor(self.ws, self)
        dialog.open()
        return dialog

    def edit(self, deal_id: str) -> None:
        self.ws.ops.query(deal_queries.deal, deal_id, on_done=lambda d: d and deal_editor(self.ws, self, d).open())

    def move_selected(self) -> None:
        deal_id = self.list_page.list.current_id()
        if not deal_id:
            return
        names = [formatting.stage(s) for s in DEAL_STAGES]
        choice, ok = QInputDialog.getItem(self, self.tr("Move stage"), self.tr("Move the deal to:"), names, 0, False)
        if ok:
            stage = DEAL_STAGES[names.index(choice)]
            self.ws.ops.query(deal_queries.deal, deal_id, on_done=lambda d: self.board._ask(d, stage))

    def log_selected(self) -> None:
        deal_id = self.list_page.list.current_id()
        if deal_id:
            self.ws.ops.query(deal_queries.deal, deal_id, on_done=lambda d: d and log_activity_dialog(
                self.ws, self, deal_id=d["id"], customer_id=d["customer_id"], about=d["name"]).open())
