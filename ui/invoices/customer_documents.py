"""The documents area of the customer 360: what the customer owes (aging, overdue) and
has paid but not yet had allocated, its quotes, orders, invoices and payments, and
starting a quote, an invoice or (finance) a payment for it."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.queries import receivables
from ui import formatting
from ui.invoices.receivables import bucket_label
from ui.records.dict_view import small_table
from ui.records.rows_model import GOOD, OVERDUE, WARNING, Col, RowsModel
from ui.roles import is_finance

STATUS_COLOURS = {"void": "#757575", "rejected": OVERDUE, "superseded": "#757575", "cancelled": "#757575",
                  "paid": GOOD, "accepted": GOOD, "unallocated": WARNING, "pending_credit": OVERDUE}


def _tr(text: str) -> str:
    return QCoreApplication.translate("CustomerDocuments", text)


def entity_name(entity: str) -> str:
    return {"quote": _tr("Quote"), "order": _tr("Order"), "invoice": _tr("Invoice"),
            "payment": _tr("Payment")}.get(entity, entity)


def receivables_text(figures: dict) -> tuple[str, bool]:
    """The customer's receivables in a sentence per currency, and whether any is overdue."""
    parts, late = [], False
    for currency, t in sorted(figures["aging"].items(), key=lambda kv: (kv[0] != "CNY", kv[0])):
        money = lambda v: formatting.money(v, currency)  # noqa: E731
        buckets = " · ".join(f"{bucket_label(b)} {money(t[b])}" for b in receivables.BUCKETS if t[b])
        line = _tr("Open %1 (%2)").replace("%1", money(t["total"])).replace("%2", buckets)
        if t["overdue"]:
            late = True
            line += " — " + _tr("overdue %1").replace("%1", money(t["overdue"]))
        parts.append(line)
    if figures["unallocated"]:
        parts.append(_tr("Received, not yet allocated: %1").replace("%1", formatting.totals(figures["unallocated"])))
    return ("\n".join(parts) or _tr("Nothing open: no invoice waits for payment.")), late


class CustomerDocuments(QWidget):
    """`sig_open(entity, id)` to show a document; `sig_loaded()` after the figures arrive."""

    sig_open = Signal(str, str)
    sig_loaded = Signal()

    def __init__(self, workspace, customer_id: str, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.customer_id = customer_id
        self.customer_name = ""
        self.figures: dict = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.receivables = QLabel(self)
        self.receivables.setObjectName("documents_receivables")
        self.receivables.setWordWrap(True)
        layout.addWidget(self.receivables)
        row = QHBoxLayout()
        self.quote_button = QPushButton(self.tr("New quote…"), self)
        self.invoice_button = QPushButton(self.tr("New invoice…"), self)
        self.payment_button = QPushButton(self.tr("Record payment…"), self)
        self.payment_button.setVisible(is_finance(workspace))  # finance's work: not offered to a rep
        for b in (self.quote_button, self.invoice_button, self.payment_button):
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        self.note = QLabel(self.tr("Quotes, orders, invoices and payments of this customer appear here as they "
                                   "arrive."), self)
        layout.addWidget(self.note)
        self.model = RowsModel([
            Col("entity", self.tr("Document"), lambda r: entity_name(r["entity"])),
            Col("title", self.tr("Number")),
            Col("status", self.tr("Status"), lambda r: _tr("Unallocated") if r["status"] == "unallocated"
                else _tr("Allocated") if r["status"] == "allocated" else formatting.status(r["status"]),
                colour=lambda r: STATUS_COLOURS.get(r["status"], "")),
            Col("amount_minor", self.tr("Amount"), lambda r: formatting.money(r["amount_minor"], r["currency"]),
                right=True),
            Col("on_date", self.tr("Date")),
        ], self)
        self.view = small_table(self.model, self)
        for i, w in enumerate((90, 220, 170, 140)):
            self.view.setColumnWidth(i, w)
        layout.addWidget(self.view, 1)
        self.view.doubleClicked.connect(self._open)
        self.quote_button.clicked.connect(self.new_quote)
        self.invoice_button.clicked.connect(self.new_invoice)
        self.payment_button.clicked.connect(self.record_payment)

    def set_documents(self, rows: list[dict], customer_name: str) -> None:
        self.customer_name = customer_name
        self.model.set_rows(rows)
        self.note.setVisible(not rows)

    def reload(self) -> None:
        self.ws.ops.query(receivables.customer_receivables, self.customer_id, on_done=self._figures,
                          latest=(self, "_figures"))

    def _figures(self, figures: dict) -> None:
        self.figures = figures
        text, late = receivables_text(figures)
        self.receivables.setText(text)
        self.receivables.setStyleSheet(f"color: {OVERDUE}; font-weight: bold;" if late else "font-weight: bold;")
        self.sig_loaded.emit()

    def _open(self, index) -> None:
        row = self.model.row(index.row())
        if row:
            self.sig_open.emit(row["entity"], row["id"])

    def new_quote(self):
        from ui.quotes.deal_picker import DealPicker
        from ui.quotes.editor import QuoteEditor

        picker = DealPicker(self.ws, self, customer_id=self.customer_id)

        def picked(deal_id: str) -> None:
            editor = QuoteEditor(self.ws, deal_id=deal_id, parent=self)
            editor.sig_open.connect(self.sig_open)
            editor.open()

        picker.sig_picked.connect(picked)
        picker.open()
        return picker

    def new_invoice(self):
        from ui.invoices.editors import invoice_editor

        dialog = invoice_editor(self.ws, self, customer_id=self.customer_id, customer_name=self.customer_name)
        dialog.sig_saved.connect(lambda inv: self.sig_open.emit("invoice", inv["id"]))
        dialog.open()
        return dialog

    def record_payment(self):
        from ui.invoices.editors import payment_editor

        dialog = payment_editor(self.ws, self, customer_id=self.customer_id, customer_name=self.customer_name)
        dialog.sig_saved.connect(lambda payment: self.sig_open.emit("payment", payment["id"]))
        dialog.open()
        return dialog
