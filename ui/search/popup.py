"""Global search (Ctrl+K): one box over customers, contacts, leads and deals."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractListModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListView, QVBoxLayout

from app import search

ENTITY_NAMES = {"customer": QT_TRANSLATE_NOOP("SearchPopup", "Customer"),
                "contact": QT_TRANSLATE_NOOP("SearchPopup", "Contact"),
                "lead": QT_TRANSLATE_NOOP("SearchPopup", "Lead"), "deal": QT_TRANSLATE_NOOP("SearchPopup", "Deal")}


def find(conn, text: str, limit: int = 8) -> list[dict]:
    """Bring the index up to date (a few rows after an edit), then search."""
    if search.pending(conn):
        search.refresh(conn, limit=5000)
    return [h.as_dict() for h in search.search(conn, text, limit_per_entity=limit)]


class HitsModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.hits: list[dict] = []

    def set_hits(self, hits: list[dict]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        hit = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            kind = self.tr(ENTITY_NAMES.get(hit["entity"], hit["entity"]))
            return f"{kind}  ·  {hit['title']}" + (f"   —  {hit['subtitle']}" if hit["subtitle"] else "")
        if role == Qt.ItemDataRole.UserRole:
            return f"{hit['entity']}:{hit['id']}"
        return None


class SearchPopup(QDialog):
    """`sig_open(entity, id)` when a result is chosen."""

    sig_open = Signal(str, str)
    sig_results = Signal(list)

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.setWindowTitle(self.tr("Search"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        self.box = QLineEdit(self)
        self.box.setPlaceholderText(self.tr("Name, phone, e-mail, credit code or pinyin initials (zs → 张三)"))
        self.box.setClearButtonEnabled(True)
        layout.addWidget(self.box)
        self.status = QLabel(self)
        layout.addWidget(self.status)
        self.model = HitsModel(self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        layout.addWidget(self.view)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.run)
        self._latest = 0
        self.box.textChanged.connect(lambda _t: self._timer.start())
        self.box.returnPressed.connect(self._open_first)
        self.view.activated.connect(self._open)

    def start(self) -> None:
        self.box.selectAll()
        self.box.setFocus()
        self.show()
        self.raise_()
        self.activateWindow()

    def run(self) -> None:
        text = self.box.text()
        self._latest += 1
        ticket = self._latest
        if not text.strip():
            self.model.set_hits([])
            self.status.setText("")
            return
        # Searching may first index a few fresh rows: a write, so it queues behind other writes.
        self.ws.ops.raw_write(find, text, on_done=lambda hits: self._arrived(ticket, hits))

    def _arrived(self, ticket: int, hits: list[dict]) -> None:
        if ticket != self._latest:
            return
        self.model.set_hits(hits)
        self.status.setText(self.tr("%n result(s)", "", len(hits)) if hits else self.tr("Nothing found"))
        if hits:
            self.view.setCurrentIndex(self.model.index(0))
        self.sig_results.emit(hits)

    def _open_first(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self._open(index)

    def _open(self, index) -> None:
        entity, rid = self.model.data(index, Qt.ItemDataRole.UserRole).split(":", 1)
        self.hide()
        self.sig_open.emit(entity, rid)
