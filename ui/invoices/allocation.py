"""Allocating a payment across its customer's open invoices: the oldest due first is
proposed (app/queries/receivables.suggested_allocation), a person edits the amounts, and
what is not allocated stays visible as the payment's unallocated remainder."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout,
)

from app.errors import DomainError, ValidationError
from app.queries import payments as payment_queries
from app.queries.read_unit import read
from app.services import payments
from ui import formatting
from ui.records.dict_view import small_table
from ui.records.rows_model import GOOD, OVERDUE, WARNING, Col, RowsModel
from ui.roles import is_finance


class AllocationModel(RowsModel):
    """The open invoices with the amount to allocate to each (editable). `sig_changed()`
    after an edit; `sig_refused(message)` for an amount that is no amount."""

    sig_changed = Signal()
    sig_refused = Signal(str)

    def __init__(self, parent=None):
        super().__init__([], parent)
        self.currency = "CNY"
        self.read_only = False
        money = lambda key: (lambda r: formatting.money(r.get(key), self.currency))  # noqa: E731
        self.columns = [
            Col("number", self.tr("Invoice"), lambda r: r.get("number") or ""),
            Col("issued_on", self.tr("Issued")),
            Col("due_on", self.tr("Due")),
            Col("total_minor", self.tr("Total"), money("total_minor"), right=True),
            Col("open_minor", self.tr("Open"), money("open_minor"), right=True),
            Col("amount_minor", self.tr("Allocate"), lambda r: formatting.money(r["amount_minor"], self.currency)
                if r["amount_minor"] else "", right=True, editable=True,
                colour=lambda r: OVERDUE if r["amount_minor"] > r["open_minor"] else GOOD if r["amount_minor"] else "",
                tip=lambda r: self.tr("More than is open on this invoice") if r["amount_minor"] > r["open_minor"]
                else ""),
        ]

    def set_invoices(self, rows: list[dict], currency: str) -> None:
        self.currency = currency
        self.set_rows([{**r, "amount_minor": 0 if self.read_only else r.get("suggested_minor") or 0} for r in rows])

    def suggest(self) -> None:
        """Back to the oldest-first proposal."""
        for r in self.rows:
            r["amount_minor"] = r.get("suggested_minor") or 0
        self._all_changed()

    def clear(self) -> None:
        for r in self.rows:
            r["amount_minor"] = 0
        self._all_changed()

    def allocating(self) -> int:
        return sum(r["amount_minor"] for r in self.rows)

    def pairs(self) -> list[tuple[str, int]]:
        """(invoice_id, amount) for every invoice given an amount, as allocate_payment takes them."""
        return [(r["id"], r["amount_minor"]) for r in self.rows if r["amount_minor"] > 0]

    def over_open(self) -> bool:
        return any(r["amount_minor"] > r["open_minor"] for r in self.rows)

    def can_edit(self, row: int, key: str) -> bool:
        return not self.read_only

    def edit_text(self, row: dict, col: Col) -> str:
        if col.key == "amount_minor":
            return formatting.money(row["amount_minor"], self.currency).lstrip("¥$€£") if row["amount_minor"] else ""
        return self.display(row, col)

    def edit(self, row: int, key: str, value) -> bool:
        if key != "amount_minor":
            return False
        try:
            minor = formatting.parse_money(str(value or ""), self.currency) or 0
            if minor < 0:
                raise ValueError(self.tr("must not be negative"))
        except ValueError as exc:
            self.sig_refused.emit(self.tr("Allocate: %1").replace("%1", str(exc)))
            return False
        self.rows[row]["amount_minor"] = minor
        self.sig_changed.emit()
        return True

    def _all_changed(self) -> None:
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.columns) - 1))
        self.sig_changed.emit()


class AllocationDialog(QDialog):
    """Allocate payment `payment_id` (finance). `sig_loaded()` after each load;
    `sig_allocated(result)` after an allocation (allocate_payment's answer)."""

    sig_loaded = Signal()
    sig_allocated = Signal(dict)

    def __init__(self, workspace, payment_id: str, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.payment_id = payment_id
        self.data: dict = {}
        self.busy = False
        self._warned = False
        self.setWindowTitle(self.tr("Allocate payment"))
        self.resize(900, 600)
        layout = QVBoxLayout(self)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        allocated_box = QGroupBox(self.tr("Already allocated"), self)
        dl = QVBoxLayout(allocated_box)
        self.allocated = RowsModel([
            Col("number", self.tr("Invoice"), lambda r: r.get("number") or ""),
            Col("due_on", self.tr("Due")),
            Col("amount_minor", self.tr("Amount"), lambda r: formatting.money(r["amount_minor"], self.currency()),
                right=True),
        ], self)
        self.allocated_view = small_table(self.allocated, allocated_box)
        self.allocated_view.setMaximumHeight(130)
        self.allocated_view.setColumnWidth(0, 180)
        self.allocated_view.setColumnWidth(1, 110)
        dl.addWidget(self.allocated_view)
        self.unallocate_button = QPushButton(self.tr("Remove this allocation"), allocated_box)
        dl.addWidget(self.unallocate_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(allocated_box)
        layout.addWidget(QLabel(self.tr("Open invoices, the oldest due first. Type the amount to allocate to each:"),
                                self))
        self.model = AllocationModel(self)
        self.table = small_table(self.model, self, editable=True)
        for i, w in enumerate((180, 100, 100, 140, 140)):
            self.table.setColumnWidth(i, w)
        layout.addWidget(self.table, 1)
        figures = QHBoxLayout()
        self.room = QLabel(self)
        self.room.setObjectName("allocationRoom")
        self.allocating = QLabel(self)
        self.allocating.setObjectName("allocationNow")
        self.remainder = QLabel(self)
        self.remainder.setObjectName("allocationRemainder")
        for w in (self.room, self.allocating, self.remainder):
            figures.addWidget(w)
            figures.addStretch(1)
        layout.addLayout(figures)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.suggest_button = QPushButton(self.tr("Oldest first"), self)
        self.clear_button = QPushButton(self.tr("Clear"), self)
        self.allocate_button = QPushButton(self.tr("Allocate"), self)
        self.allocate_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"), self)
        for b in (self.suggest_button, self.clear_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.allocate_button)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        # Allocating is finance's work; anyone else sees the payment and where it went.
        finance = is_finance(workspace)
        for w in (self.suggest_button, self.clear_button, self.allocate_button, self.unallocate_button):
            w.setVisible(finance)
        self.model.read_only = not finance
        self.model.sig_changed.connect(self._show_figures)
        self.model.sig_refused.connect(lambda text: self._say(text, OVERDUE))
        self.suggest_button.clicked.connect(self.model.suggest)
        self.clear_button.clicked.connect(self.model.clear)
        self.allocate_button.clicked.connect(self.allocate)
        self.unallocate_button.clicked.connect(self.unallocate)
        self.close_button.clicked.connect(self.accept)
        self.load()

    def currency(self) -> str:
        return self.data.get("payment", {}).get("currency") or "CNY"

    def load(self) -> None:
        self.ws.ops.submit(read, self.ws.store, payment_queries.allocation_view, self.payment_id,
                           on_done=self._arrived, latest=(self, "_arrived"))

    def _arrived(self, data: dict) -> None:
        self.data = data
        p = data["payment"]
        self.title.setText(self.tr("%1 received from %2 on %3 %4").replace(
            "%1", formatting.money(p["amount_minor"], p["currency"])).replace(
            "%2", (data["customer"] or {}).get("name", "")).replace("%3", p["received_on"] or "").replace(
            "%4", f"({p['reference']})" if p.get("reference") else ""))
        self.allocated.set_rows(data["allocations"])
        self.model.set_invoices(data["invoices"], p["currency"])
        self._show_figures()
        self.sig_loaded.emit()

    def remainder_minor(self) -> int:
        """What stays unallocated if the amounts shown are allocated."""
        return self.data.get("unallocated_minor", 0) - self.model.allocating()

    def _show_figures(self) -> None:
        currency = self.currency()
        room = self.data.get("unallocated_minor", 0)
        now = self.model.allocating()
        rest = room - now
        self.room.setText(self.tr("Unallocated before: %1").replace("%1", formatting.money(room, currency)))
        self.allocating.setText(self.tr("Allocating now: %1").replace("%1", formatting.money(now, currency)))
        self.remainder.setText(self.tr("Stays unallocated: %1").replace("%1", formatting.money(rest, currency)))
        self.remainder.setStyleSheet(f"font-weight: bold; color: {OVERDUE if rest < 0 else WARNING if rest else GOOD};")
        problems = []
        if rest < 0:
            problems.append(self.tr("That is more than the payment has left to allocate."))
        if self.model.over_open():
            problems.append(self.tr("An invoice is given more than is open on it."))
        if problems:
            self._say(" ".join(problems), OVERDUE)
            self._warned = True
        elif self._warned:
            self._warned = False
            self.message.clear()
        self.allocate_button.setEnabled(not self.busy and bool(self.model.pairs()) and not problems)
        self.unallocate_button.setEnabled(not self.busy and bool(self.allocated.rows))

    def allocate(self) -> None:
        pairs = self.model.pairs()
        if not pairs or self.busy:
            return
        self.busy = True
        self._show_figures()
        self.ws.ops.service(payments.allocate_payment, self.payment_id, pairs, on_done=self._allocated,
                            on_error=self._failed)

    def unallocate(self) -> None:
        index = self.allocated_view.currentIndex()
        row = self.allocated.row(index.row()) if index.isValid() else (self.allocated.rows[0] if len(self.allocated.rows) == 1 else {})
        if not row or self.busy:
            return
        self.busy = True
        self.ws.ops.service(payments.unallocate, row["id"], on_done=lambda _r: self._reloaded(
            self.tr("Allocation removed; the invoice is open again.")), on_error=self._failed)

    def _allocated(self, result: dict) -> None:
        self.sig_allocated.emit(result)
        left = formatting.money(result["unallocated_minor"], self.currency())
        text = self.tr("Allocated %1.").replace("%1", formatting.money(
            sum(a["amount_minor"] for a in result["allocations"]), self.currency()))
        if result["unallocated_minor"]:
            text += " " + self.tr("%1 stays unallocated and shows on the customer's page.").replace("%1", left)
        self._reloaded(text)

    def _reloaded(self, text: str) -> None:
        self.busy = False
        self._say(text, GOOD)
        self.load()

    def _failed(self, exc) -> None:
        self.busy = False
        text = "; ".join(exc.fields.values()) if isinstance(exc, ValidationError) else \
            exc.message if isinstance(exc, DomainError) else str(exc)
        self._say(self.tr("Nothing was allocated: %1").replace("%1", text), OVERDUE)
        self._show_figures()

    def _say(self, text: str, colour: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {colour};")
