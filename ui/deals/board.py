"""The pipeline board: a column per stage with count, total and weighted total; drag a
card to another stage to move the deal (the stage's required fields are asked for, lost
asks the reason)."""
from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QByteArray, QMimeData, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QFrame, QHBoxLayout, QLabel, QListView, QPushButton, QScrollArea, QVBoxLayout,
    QWidget,
)

from app.queries import deals as deal_queries
from app.rules.states import DEAL_STAGES, DEAL_TRANSITIONS, can_move
from app.services import deals as deal_services
from ui import formatting
from ui.deals.editor import missing_for, stage_dialog

MIME = "application/x-ltc-deal"
ID_ROLE = Qt.ItemDataRole.UserRole


class StageCardsModel(QAbstractListModel):
    """The cards of one stage. Dragging out carries the deal id; a drop of another
    stage's card emits `sig_dropped(deal_id, from_stage, to_stage)` (the move itself is
    a service call; the board re-reads when it is done)."""

    sig_dropped = Signal(str, str, str)

    def __init__(self, stage: str, parent=None):
        super().__init__(parent)
        self.stage = stage
        self.cards: list[dict] = []

    def set_cards(self, cards: list[dict]) -> None:
        self.beginResetModel()
        self.cards = list(cards)
        self.endResetModel()

    def card(self, row: int) -> dict:
        return self.cards[row] if 0 <= row < len(self.cards) else {}

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.cards)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.cards):
            return None
        card = self.cards[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            amount = formatting.money(card.get("amount_minor"), card.get("currency")) or "—"
            close = formatting.date(card.get("expected_close"))
            return f"{card['name']}\n{card.get('customer_name') or ''}\n{amount}   {close}".rstrip()
        if role == Qt.ItemDataRole.ToolTipRole:
            return card["name"]
        if role == ID_ROLE:
            return card["id"]
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    def supportedDropActions(self):
        return Qt.DropAction.MoveAction

    def supportedDragActions(self):
        return Qt.DropAction.MoveAction

    def mimeTypes(self):
        return [MIME]

    def mimeData(self, indexes):
        mime = QMimeData()
        rows = [i.row() for i in indexes if i.isValid()]
        if rows:
            card = self.cards[rows[0]]
            mime.setData(MIME, QByteArray(f"{card['id']}\n{self.stage}".encode()))
        return mime

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        if not data.hasFormat(MIME):
            return False
        _, from_stage = bytes(data.data(MIME)).decode().split("\n")
        return from_stage != self.stage and can_move(DEAL_TRANSITIONS, from_stage, self.stage)

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        deal_id, from_stage = bytes(data.data(MIME)).decode().split("\n")
        self.sig_dropped.emit(deal_id, from_stage, self.stage)
        # The card moves when the board re-reads after the service call: returning False
        # keeps the source view from deleting its row now.
        return False


class StageColumn(QFrame):
    def __init__(self, stage: str, parent=None):
        super().__init__(parent)
        self.stage = stage
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(210)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.header = QLabel(self)
        self.header.setWordWrap(True)
        self.header.setObjectName(f"stage_header_{stage}")
        layout.addWidget(self.header)
        self.model = StageCardsModel(stage, self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setSpacing(3)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.setUniformItemSizes(True)
        layout.addWidget(self.view)

    def show_totals(self, column: dict, shown: int) -> None:
        title = formatting.stage(self.stage)
        weighted = self.tr("weighted")  # outside the f-string, where lupdate can see it
        text = (f"<b>{title}</b> ({column['count']})<br>{formatting.totals(column['totals'])}"
                f"<br><span style='color:#555'>{weighted} {formatting.totals(column['weighted'])}</span>")
        if column["count"] > shown:
            biggest = self.tr("showing the %n biggest", "", shown)
            text += f"<br><span style='color:#777'>{biggest}</span>"
        self.header.setText(text)


class PipelineBoard(QWidget):
    """`sig_open(deal_id)` on double-click; `sig_moved(deal_id, stage)` after a move is saved."""

    sig_open = Signal(str)
    sig_moved = Signal(str, str)

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.data: dict = {}
        self._dirty = False
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.mine = QCheckBox(self.tr("Only my deals"), self)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        bar.addWidget(self.mine)
        bar.addStretch(1)
        bar.addWidget(self.refresh_button)
        layout.addLayout(bar)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        inner = QWidget(scroll)
        row = QHBoxLayout(inner)
        self.columns: dict[str, StageColumn] = {}
        for stage in DEAL_STAGES:
            column = StageColumn(stage, inner)
            column.model.sig_dropped.connect(self.move)
            column.view.doubleClicked.connect(lambda i, c=column: self.sig_open.emit(c.model.card(i.row())["id"]))
            row.addWidget(column)
            self.columns[stage] = column
        scroll.setWidget(inner)
        layout.addWidget(scroll)
        self.mine.toggled.connect(lambda _on: self.reload())
        self.refresh_button.clicked.connect(self.reload)
        workspace.events.sig_changed.connect(self._changed)

    def reload(self) -> None:
        probabilities = {s: self.ws.dictionary.stage_probability(s) for s in DEAL_STAGES}
        self.ws.ops.query(deal_queries.board, me=self.ws.actor.id, mine=self.mine.isChecked(),
                          default_probability=probabilities, on_done=self._arrived, latest=(self, "_arrived"))

    def _changed(self, names: set) -> None:
        if names & {"deal", "customer", "sync"}:
            if self.isVisible():
                self.reload()
            else:
                self._dirty = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty or not self.data:
            self._dirty = False
            self.reload()

    def _arrived(self, data: dict) -> None:
        self.data = data
        for stage, column in self.columns.items():
            column.model.set_cards(data[stage]["cards"])
            column.show_totals(data[stage], len(data[stage]["cards"]))

    def card(self, deal_id: str) -> dict:
        for column in self.data.values():
            for card in column["cards"]:
                if card["id"] == deal_id:
                    return card
        return {"id": deal_id}

    def move(self, deal_id: str, from_stage: str, to_stage: str) -> None:
        """Move a deal, asking first for what the target stage requires."""
        self.ws.ops.query(deal_queries.deal, deal_id, on_done=lambda deal: self._ask(deal, to_stage))

    def _ask(self, deal: dict | None, stage: str) -> None:
        if deal is None:
            return
        if missing_for(stage, deal) or stage == "lost":
            dialog = stage_dialog(self.ws, deal, stage, self)
            dialog.sig_saved.connect(lambda d: self.sig_moved.emit(d["id"], stage))
            dialog.open()
            return
        self.ws.ops.service(deal_services.move_stage, deal["id"], stage,
                            on_done=lambda d: self.sig_moved.emit(d["id"], stage))
