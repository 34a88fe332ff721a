"""Small editors of the money side: a free-standing invoice (a service fee, say), a
payment received, and a credit note against an issued invoice."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout

from app import clock
from app.errors import DomainError, ValidationError
from app.services import invoices, payments
from ui import amounts, formatting
from ui.editors.fields import FieldDef
from ui.editors.record_editor import RecordEditor
from ui.records.rows_model import OVERDUE


def _t(text: str) -> str:
    return QCoreApplication.translate("InvoiceEditors", text)


def _save_invoice(uow, values: dict, record: dict, **_options) -> dict:
    values = dict(values)
    try:
        rate = amounts.parse_percent(values.pop("tax_rate", None) or "0")
    except ValueError as exc:
        raise ValidationError({"tax_rate": str(exc)}) from None
    line = {"description": values.pop("description", None), "unit_price_minor": values.pop("net_minor", None),
            "tax_rate_bp": rate}
    if record.get("customer_id") and "customer_id" not in values:
        values["customer_id"] = record["customer_id"]
    if line["unit_price_minor"] is None:
        raise ValidationError({"net_minor": _t("is required")})
    return invoices.create_invoice(uow, values, lines=[line])


def invoice_editor(workspace, parent=None, *, customer_id: str | None = None, customer_name: str = "") -> RecordEditor:
    """A draft invoice of one line (description, net amount, VAT rate) for a customer."""
    fields = [] if customer_id else [FieldDef("customer_id", "Customer", "customer", required=True)]
    fields += [FieldDef("description", "Description", required=True),
               FieldDef("net_minor", "Net amount (excl. VAT)", "money", required=True),
               FieldDef("tax_rate", "VAT rate (%)"), FieldDef("due_on", "Due on", "date"),
               FieldDef("notes", "Notes", "notes")]
    record = {"customer_id": customer_id, "customer_name": customer_name, "tax_rate": "13"}
    dialog = RecordEditor(workspace, "invoice", fields, _save_invoice, record=record, parent=parent,
                          title=_t("New invoice") + (f" · {customer_name}" if customer_name else ""))
    dialog.creating = True
    return dialog


def _save_payment(uow, values: dict, record: dict, **_options) -> dict:
    values = dict(values)
    if record.get("customer_id") and "customer_id" not in values:
        values["customer_id"] = record["customer_id"]
    return payments.record_payment(uow, values)


def payment_editor(workspace, parent=None, *, customer_id: str | None = None, customer_name: str = "",
                   currency: str = "CNY") -> RecordEditor:
    """Record money received (finance): amount, date, method and reference."""
    fields = [] if customer_id else [FieldDef("customer_id", "Customer", "customer", required=True)]
    fields += [FieldDef("amount_minor", "Amount received", "money", required=True),
               FieldDef("received_on", "Received on", "date", required=True),
               FieldDef("method", "Method", "vocab:payment_method"), FieldDef("reference", "Reference"),
               FieldDef("notes", "Notes", "notes")]
    record = {"customer_id": customer_id, "customer_name": customer_name, "currency": currency,
              "received_on": clock.today().isoformat(), "method": "bank_transfer"}
    dialog = RecordEditor(workspace, "payment", fields, _save_payment, record=record, parent=parent,
                          title=_t("Record payment") + (f" · {customer_name}" if customer_name else ""))
    dialog.creating = True
    return dialog


class CreditNoteDialog(QDialog):
    """Draft a credit note against an issued invoice: the amount credited (with its share
    of tax) and the reason. `sig_created(note)` after it is drafted."""

    sig_created = Signal(dict)

    def __init__(self, workspace, invoice: dict, open_minor: int, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.invoice = invoice
        self.setWindowTitle(self.tr("Credit note for %1").replace("%1", invoice.get("number") or ""))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("At most %1 is open on this invoice.").replace(
            "%1", formatting.money(open_minor, invoice["currency"])), self))
        form = QFormLayout()
        self.amount = QLineEdit(self)
        self.amount.setPlaceholderText("0.00")
        self.reason = QPlainTextEdit(self)
        self.reason.setMaximumHeight(80)
        form.addRow(self.tr("Amount credited (incl. VAT) *"), self.amount)
        form.addRow(self.tr("Reason *"), self.reason)
        layout.addLayout(form)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {OVERDUE};")
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.addButton(self.tr("Draft credit note"), QDialogButtonBox.ButtonRole.AcceptRole)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

    def submit(self) -> None:
        try:
            amount = formatting.parse_money(self.amount.text(), self.invoice["currency"])
        except ValueError as exc:
            self.message.setText(self.tr("Amount: %1").replace("%1", str(exc)))
            return
        if not amount:
            self.message.setText(self.tr("Amount: is required"))
            return
        self.ok.setEnabled(False)
        self.ws.ops.service(invoices.create_credit_note, self.invoice["id"], amount_minor=amount,
                            reason=self.reason.toPlainText().strip(), on_done=self._created, on_error=self._failed)

    def _created(self, note: dict) -> None:
        self.sig_created.emit(note)
        self.accept()

    def _failed(self, exc) -> None:
        self.ok.setEnabled(True)
        text = "; ".join(exc.fields.values()) if isinstance(exc, ValidationError) else \
            exc.message if isinstance(exc, DomainError) else str(exc)
        self.message.setText(self.tr("Nothing was saved: %1").replace("%1", text))
