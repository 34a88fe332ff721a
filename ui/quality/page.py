"""The data-quality view: a count per check (deals missing what their stage requires,
stale deals, invalid phones and e-mails, customers without an owner, likely duplicate
customers, open duplicate conflicts on the server); each count opens the list of exactly
those records, from which a record opens as usual."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QSpinBox, QSplitter, QStackedWidget,
    QVBoxLayout, QWidget,
)

from app.queries import quality
from sync import admin_conflicts
from ui import remote
from ui.records.list_view import RecordListView

KEY_ROLE = Qt.ItemDataRole.UserRole
QUEUE = "__duplicate_conflicts"


def _t(text: str) -> str:
    return QCoreApplication.translate("Quality", text)


def texts(key: str, days: int) -> tuple[str, str]:
    """(what a check counts, what to do about it)."""
    if key == "deal_stage":
        return (_t("Deals missing what their stage requires"),
                _t("Open each deal and fill in what is missing: amount and expected close from the proposal on, "
                   "the close date once won or lost, a lost reason."))
    if key == "stale_deals":
        return (_t("Open deals with no activity for %1 days").replace("%1", str(days)),
                _t("Log a call or a visit, move the deal on, or close it."))
    if key in ("customer_contact_data", "contact_contact_data", "lead_contact_data"):
        label = {"customer_contact_data": _t("Customers with an invalid phone or e-mail"),
                 "contact_contact_data": _t("Contacts with an invalid phone or e-mail"),
                 "lead_contact_data": _t("Leads with an invalid phone or e-mail")}[key]
        return label, _t("Correct the phone (any common notation is fine) or the e-mail, or clear it.")
    if key == "no_owner":
        return (_t("Customers without an active owner"),
                _t("Give each customer an owner; an administrator can move a whole book at once."))
    if key == "duplicates":
        return (_t("Customers sharing a credit code, phone or e-mail with another"),
                _t("Merge the ones that are the same company (Administration → Duplicates), or leave them."))
    return key, ""


class QualityPage(QWidget):
    """`sig_open(entity, id)` to show a record; `sig_show(view)` to show another view."""

    sig_open = Signal(str, str)
    sig_show = Signal(str)
    sig_counted = Signal()

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.counts: dict[str, int] = {}
        self.lists: dict[str, RecordListView] = {}
        self.checks = {c.key: c for c in quality.checks()}
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        title = QLabel(self.tr("Data quality"), self)
        title.setStyleSheet("font-size: 18px; font-weight: bold;")
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(QLabel(self.tr("A deal is stale after"), self))
        self.days = QSpinBox(self)
        self.days.setRange(1, 365)
        self.days.setValue(quality.STALE_DAYS)
        self.days.setSuffix(self.tr(" days"))
        self.days.valueChanged.connect(lambda _v: self.refresh())
        head.addWidget(self.days)
        refresh = QPushButton(self.tr("Count again"), self)
        refresh.clicked.connect(self.refresh)
        head.addWidget(refresh)
        layout.addLayout(head)
        splitter = QSplitter(self)
        self.list = QListWidget(self)
        self.list.setObjectName("checks")
        self.list.setMinimumWidth(340)
        self.list.setWordWrap(True)
        self.list.currentItemChanged.connect(lambda item, _p: item and self.show_check(item.data(KEY_ROLE)))
        splitter.addWidget(self.list)
        right = QWidget(self)
        box = QVBoxLayout(right)
        self.hint = QLabel(self.tr("Pick a check to see its records."), right)
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        box.addWidget(self.hint)
        self.stack = QStackedWidget(right)
        box.addWidget(self.stack, 1)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)

    def start(self, _filter_key: str | None = None) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Count every check (in the background) and the server's open duplicates."""
        self.checks = {c.key: c for c in quality.checks(self.days.value())}
        self.lists.clear()
        while self.stack.count():
            widget = self.stack.widget(0)
            self.stack.removeWidget(widget)
            widget.deleteLater()
        params = self.ws.filter_params()
        self.ws.ops.query(quality.counts, params, self.days.value(), on_done=self._counted, latest=(self, "_counted"))
        if self.ws.actor.role == "admin" and remote.connected(self.ws):
            remote.call(self.ws, admin_conflicts.conflict_counts, on_done=self._queue_counted,
                        on_error=lambda _exc: None, owner=self)

    def _counted(self, counts: dict[str, int]) -> None:
        self.counts.update(counts)
        self._show_counts()
        self.sig_counted.emit()

    def _queue_counted(self, counts: dict) -> None:
        self.counts[QUEUE] = counts["by_kind"].get("duplicate", 0)
        self._show_counts()

    def _show_counts(self) -> None:
        current = self.list.currentItem().data(KEY_ROLE) if self.list.currentItem() else None
        self.list.blockSignals(True)
        self.list.clear()
        for key in self.checks:
            if key in self.counts:
                self._add(key, self.counts[key], texts(key, self.days.value())[0])
        if QUEUE in self.counts:
            self._add(QUEUE, self.counts[QUEUE], self.tr("Duplicate conflicts waiting in the queue"))
        self.list.blockSignals(False)
        for i in range(self.list.count()):
            if self.list.item(i).data(KEY_ROLE) == current:
                self.list.setCurrentRow(i)

    def _add(self, key: str, count: int, label: str) -> None:
        item = QListWidgetItem(f"{count:>6,}   {label}")
        item.setData(KEY_ROLE, key)
        if count:
            item.setForeground(Qt.GlobalColor.darkRed)
        self.list.addItem(item)

    def show_check(self, key: str) -> RecordListView | None:
        """Open the list of the records a check counts."""
        if key == QUEUE:
            self.sig_show.emit("conflicts")
            return None
        check = self.checks[key]
        self.hint.setText(texts(key, self.days.value())[1])
        view = self.lists.get(key)
        if view is None:
            view = RecordListView(self.ws, check.spec, self)
            view.setObjectName(f"list_{key}")
            view.sig_open.connect(lambda rid, entity=check.entity: self.sig_open.emit(entity, rid))
            self.lists[key] = view
            self.stack.addWidget(view)
            view.start()
        self.stack.setCurrentWidget(view)
        return view
