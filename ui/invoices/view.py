"""One invoice or credit note: its facts, lines, payments and reminders, and what may
be done with it now. A draft's due date and notes can change; an issued invoice is
read-only (a correction is a credit note). Issuing is finance's, online: the server
gives the number, which arrives with the next sync."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPlainTextEdit,
    QPushButton, QVBoxLayout,
)

from app import clock
from app.errors import ValidationError
from app.queries import invoices as invoice_queries
from app.queries.read_unit import read
from app.rules.states import ISSUED_STATES
from app.services import collections, invoices
from ui import amounts, formatting
from ui.comment_prompt import ask_comment
from ui.invoices.issuing import can_issue_online, engine_of, issue_online
from ui.records.dict_view import small_table
from ui.records.rows_model import GOOD, OVERDUE, WARNING, Col, RowsModel
from ui.roles import is_finance

FINANCE_ACTIONS = ("request", "withdraw", "issue", "credit", "payment")


class InvoiceView(QDialog):
    """`sig_loaded()` after each (re)load; `sig_open(entity, id)` to show the order, the
    credited invoice or a credit note; `sig_issued(answer)` when the server numbered it."""

    sig_loaded = Signal()
    sig_open = Signal(str, str)
    sig_issued = Signal(dict)

    def __init__(self, workspace, invoice_id: str, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.invoice_id = invoice_id
        self.data: dict = {}
        self.busy = False
        self.resize(1000, 720)
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 17px; font-weight: bold;")
        self.status = QLabel(self)
        self.status.setObjectName("invoiceStatus")
        head.addWidget(self.title, 1)
        head.addWidget(self.status)
        layout.addLayout(head)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)

        facts = QGroupBox(self.tr("Facts"), self)
        grid = QGridLayout(facts)
        self.facts: dict[str, QLabel] = {}
        names = (("number", self.tr("Number")), ("issued_on", self.tr("Issued on")), ("order", self.tr("Order")),
                 ("credits", self.tr("Credits invoice")), ("total", self.tr("Total")), ("tax", self.tr("of which VAT")),
                 ("paid", self.tr("Paid")), ("credited", self.tr("Credited")), ("open", self.tr("Open")))
        for i, (key, label) in enumerate(names):
            value = QLabel(facts)
            value.setObjectName(f"fact_{key}")
            if key in ("total", "tax", "paid", "credited", "open"):
                value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                value.setMinimumWidth(140)
            grid.addWidget(QLabel(label, facts), i % 5, (i // 5) * 3)
            grid.addWidget(value, i % 5, (i // 5) * 3 + 1)
            self.facts[key] = value
        # Two packed groups of label and value, the room left over between and after them.
        grid.setColumnMinimumWidth(2, 40)
        grid.setColumnStretch(5, 1)
        layout.addWidget(facts)
        draft = QFormLayout()
        self.due_on = QLineEdit(self)
        self.due_on.setPlaceholderText("YYYY-MM-DD")
        self.due_on.setMaximumWidth(160)
        self.notes = QPlainTextEdit(self)
        self.notes.setMaximumHeight(54)
        draft.addRow(self.tr("Due on"), self.due_on)
        draft.addRow(self.tr("Notes"), self.notes)
        layout.addLayout(draft)

        self.lines = RowsModel([
            Col("description", self.tr("Description")),
            Col("quantity_milli", self.tr("Quantity"), lambda r: amounts.quantity(r["quantity_milli"]), right=True),
            Col("unit_price_minor", self.tr("Unit price"), lambda r: self._money(r["unit_price_minor"]), right=True),
            Col("tax_rate_bp", self.tr("VAT"), lambda r: amounts.percent(r["tax_rate_bp"]), right=True),
            Col("net_minor", self.tr("Net"), lambda r: self._money(r["net_minor"]), right=True),
            Col("tax_minor", self.tr("Tax"), lambda r: self._money(r["tax_minor"]), right=True),
            Col("total_minor", self.tr("Total"), lambda r: self._money(r["total_minor"]), right=True),
        ], self)
        self.lines_view = small_table(self.lines, self)
        self.lines_view.setColumnWidth(0, 330)
        layout.addWidget(self.lines_view, 2)
        below = QHBoxLayout()
        self.related = RowsModel([
            Col("what", self.tr("Payments and credit notes")), Col("on", self.tr("Date")),
            Col("amount", self.tr("Amount"), lambda r: self._money(r["amount"]), right=True),
        ], self)
        self.related_view = small_table(self.related, self)
        self.related_view.setColumnWidth(0, 280)
        self.related_view.setColumnWidth(1, 110)
        self.reminders = RowsModel([
            Col("done_at", self.tr("Reminded"), lambda r: formatting.local_datetime(r["done_at"])),
            Col("subject", self.tr("Reminder")),
        ], self)
        self.reminders_view = small_table(self.reminders, self)
        self.reminders_view.setColumnWidth(0, 140)
        below.addWidget(self.related_view)
        below.addWidget(self.reminders_view)
        layout.addLayout(below, 1)

        actions = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text in (("save", self.tr("Save")), ("request", self.tr("Request issue")),
                          ("withdraw", self.tr("Withdraw request")), ("issue", self.tr("Issue now (online)")),
                          ("void", self.tr("Void…")), ("delete", self.tr("Delete draft")),
                          ("credit", self.tr("Credit note…")), ("reminder", self.tr("Log reminder")),
                          ("payment", self.tr("Record payment…")), (None, None), ("pdf", self.tr("Export PDF…")),
                          ("close", self.tr("Close"))):
            if key is None:
                actions.addStretch(1)
                continue
            button = QPushButton(text, self)
            button.setObjectName(f"invoice_{key}")
            self.buttons[key] = button
            actions.addWidget(button)
        layout.addLayout(actions)
        # Issuing, credit notes and payments are finance's: a rep is not offered them at all.
        for key in FINANCE_ACTIONS:
            self.buttons[key].setVisible(is_finance(workspace))

        b = self.buttons
        b["save"].clicked.connect(self.save)
        b["request"].clicked.connect(lambda: self._run(invoices.request_issue, self.invoice_id,
                                                       done=self.tr("Issue requested: finance issues it online.")))
        b["withdraw"].clicked.connect(lambda: self._run(invoices.withdraw_issue_request, self.invoice_id,
                                                        done=self.tr("Back to draft.")))
        b["issue"].clicked.connect(self.issue)
        b["void"].clicked.connect(self.void)
        b["delete"].clicked.connect(self.delete)
        b["credit"].clicked.connect(self.credit_note)
        b["reminder"].clicked.connect(lambda: self._run(collections.log_reminder, self.invoice_id,
                                                        done=self.tr("Reminder logged on the customer's timeline.")))
        b["payment"].clicked.connect(self.record_payment)
        b["pdf"].clicked.connect(self.export_pdf)
        b["close"].clicked.connect(self.reject)
        self.due_on.textEdited.connect(lambda _t: self._update_actions())
        self.notes.textChanged.connect(self._update_actions)
        self.related_view.doubleClicked.connect(self._open_related)
        workspace.events.sig_changed.connect(self._changed_elsewhere)
        workspace.sync.sig_state_changed.connect(lambda _s: self._update_actions())
        # The number the server gave arrives with a sync: show it when one finishes.
        workspace.sync.sig_finished.connect(lambda _r: not self.busy and self.load())
        self.load()

    # -- loading ------------------------------------------------------------------------
    def _money(self, minor) -> str:
        return formatting.money(minor, self.data.get("invoice", {}).get("currency") or "CNY")

    def load(self) -> None:
        self.ws.ops.submit(read, self.ws.store, invoice_queries.invoice_view, self.invoice_id, on_done=self._arrived,
                           latest=(self, "_arrived"),
                           on_error=lambda exc: self._say(getattr(exc, "message", str(exc)), OVERDUE))

    def _changed_elsewhere(self, names: set) -> None:
        if not self.busy and names & {"invoice", "payment_allocation", "activity", "sync"}:
            self.load()

    def _arrived(self, data: dict) -> None:
        self.data = data
        inv, customer = data["invoice"], data["customer"] or {}
        kind = self.tr("Credit note") if inv["kind"] == "credit_note" else self.tr("Invoice")
        self.title.setText(f"{kind} {inv['number'] or self.tr('(no number yet)')} · {customer.get('name', '')}")
        self.setWindowTitle(self.title.text())
        overdue = inv["status"] in ("issued", "partially_paid") and (inv["due_on"] or "9999") < clock.today().isoformat()
        status = formatting.status(inv["status"]) + (" · " + self.tr("overdue") if overdue else "")
        self.status.setText(status)
        colour = OVERDUE if overdue or inv["status"] == "void" else GOOD if inv["status"] == "paid" else WARNING
        self.status.setStyleSheet(f"font-weight: bold; font-size: 14px; color: {colour};")
        credited = -sum(n["total_minor"] for n in data["credit_notes"] if n["status"] in ISSUED_STATES)
        f = self.facts
        f["number"].setText(inv["number"] or self.tr("given by the server when issued"))
        f["issued_on"].setText(inv["issued_on"] or "")
        f["order"].setText((data["order"] or {}).get("number") or "")
        f["credits"].setText((data["credited"] or {}).get("number") or "")
        f["total"].setText(self._money(inv["total_minor"]))
        f["tax"].setText(self._money(inv["tax_minor"]))
        f["paid"].setText(self._money(inv["paid_minor"]))
        f["credited"].setText(self._money(credited))
        f["open"].setText(self._money(data["open_minor"]))
        self.due_on.setText(inv["due_on"] or "")
        self.notes.blockSignals(True)
        self.notes.setPlainText(inv["notes"] or "")
        self.notes.blockSignals(False)
        draft = inv["status"] == "draft"
        self.due_on.setReadOnly(not draft)
        self.notes.setReadOnly(not draft)
        self.lines.set_rows(data["lines"])
        related = [{"entity": "payment", "id": a["payment_id"], "what": self.tr("Payment %1").replace(
                    "%1", a.get("reference") or ""), "on": a.get("received_on"), "amount": a["amount_minor"]}
                   for a in data["allocations"]]
        related += [{"entity": "invoice", "id": n["id"], "what": self.tr("Credit note %1 (%2)").replace(
                     "%1", n["number"] or "").replace("%2", formatting.status(n["status"])),
                     "on": n["issued_on"], "amount": n["total_minor"]} for n in data["credit_notes"]]
        self.related.set_rows(related)
        self.reminders.set_rows(data["reminders"])
        self._update_actions()
        self.sig_loaded.emit()

    def _draft_changes(self) -> dict:
        inv = self.data.get("invoice") or {}
        changes = {}
        due = self.due_on.text().strip() or None
        if due != inv.get("due_on"):
            changes["due_on"] = due
        notes = self.notes.toPlainText().strip() or None
        if notes != inv.get("notes"):
            changes["notes"] = notes
        return changes

    def _update_actions(self) -> None:
        inv = self.data.get("invoice") or {}
        status, kind = inv.get("status"), inv.get("kind")
        idle = not self.busy and bool(inv)
        finance = is_finance(self.ws)
        open_money = kind == "invoice" and status in ("issued", "partially_paid") and self.data.get("open_minor", 0) > 0
        b = self.buttons
        b["save"].setEnabled(idle and status == "draft" and bool(self._draft_changes()))
        b["request"].setEnabled(idle and finance and status == "draft")
        b["withdraw"].setEnabled(idle and finance and status == "pending_issue")
        online = can_issue_online(self.ws)
        b["issue"].setEnabled(idle and finance and status in ("draft", "pending_issue") and online)
        b["issue"].setToolTip("" if online else self.tr("The server gives the number: connect to it to issue."))
        b["void"].setEnabled(idle and (status == "draft" or (finance and status == "pending_issue")))
        b["delete"].setEnabled(idle and status == "draft")
        b["credit"].setEnabled(idle and finance and kind == "invoice" and open_money)
        b["reminder"].setEnabled(idle and open_money)
        b["payment"].setEnabled(idle and finance and open_money)
        b["pdf"].setEnabled(idle)

    # -- actions ------------------------------------------------------------------------
    def _run(self, fn, *args, done: str = "", then=None, **kwargs) -> None:
        if self.busy:
            return
        self.busy = True
        self._update_actions()

        def finished(result):
            self.busy = False
            self._say(done, GOOD)
            self.load()
            if then is not None:
                then(result)

        self.ws.ops.service(fn, *args, **kwargs, on_done=finished, on_error=self._failed)

    def save(self) -> None:
        changes = self._draft_changes()
        if "due_on" in changes and changes["due_on"]:
            try:
                changes["due_on"] = clock.parse_date(changes["due_on"]).isoformat()
            except ValueError:
                self._say(self.tr("Due on: must be a date (YYYY-MM-DD)"), OVERDUE)
                return
        if changes:
            self._run(invoices.update_invoice, self.invoice_id, changes, done=self.tr("Saved."))

    def issue(self) -> None:
        """Ask the server for the number (finance, online), then sync so it shows here."""
        engine = engine_of(self.ws)
        if engine is None or self.busy:
            return
        self.busy = True
        self._update_actions()
        self._say(self.tr("Asking the server to issue the invoice…"), WARNING)
        self.ws.ops.submit(issue_online, engine, self.invoice_id, on_done=self._issued, on_error=self._failed)

    def _issued(self, answer: dict) -> None:
        self.busy = False
        self._say(self.tr("Issued as %1 on %2; the number shows here after the next sync.").replace(
            "%1", answer.get("number") or "").replace("%2", answer.get("issued_on") or ""), GOOD)
        self.sig_issued.emit(answer)
        self.ws.sync.sync_now()
        self._update_actions()

    def void(self) -> None:
        reason = ask_comment(self, self.tr("Void invoice"), self.tr("Why is it voided?"), required=True)
        if reason:
            self._run(invoices.void_invoice, self.invoice_id, reason, done=self.tr("Voided."))

    def delete(self) -> None:
        answer = QMessageBox.question(self, self.tr("Delete draft"), self.tr("Delete this draft invoice?"),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self._run(invoices.delete_invoice, self.invoice_id, then=lambda _r: self.accept())

    def credit_note(self):
        from ui.invoices.editors import CreditNoteDialog

        dialog = CreditNoteDialog(self.ws, self.data["invoice"], self.data["open_minor"], self)
        dialog.sig_created.connect(lambda note: self.sig_open.emit("invoice", note["id"]))
        dialog.open()
        return dialog

    def record_payment(self):
        from ui.invoices.editors import payment_editor

        inv, customer = self.data["invoice"], self.data["customer"] or {}
        dialog = payment_editor(self.ws, self, customer_id=inv["customer_id"], customer_name=customer.get("name", ""),
                                currency=inv["currency"])
        dialog.sig_saved.connect(lambda payment: self.sig_open.emit("payment", payment["id"]))
        dialog.open()
        return dialog

    def export_pdf(self):
        from ui.pdf_export import export_pdf

        inv, customer = self.data["invoice"], self.data["customer"] or {}
        name = inv["number"] or self.tr("draft invoice")
        return export_pdf(self.ws, self, "invoice", self.invoice_id, f"{customer.get('name', '')} {name}")

    def _open_related(self, index) -> None:
        row = self.related.row(index.row())
        if row:
            self.sig_open.emit(row["entity"], row["id"])

    def _failed(self, exc) -> None:
        self.busy = False
        if isinstance(exc, ValidationError):
            text = "; ".join(exc.fields.values())
        else:
            # Domain errors and the sync's (server unreachable, refused) carry a sentence.
            text = getattr(exc, "message", None) or str(exc)
        self._say(self.tr("Not done: %1").replace("%1", text), OVERDUE)
        self._update_actions()

    def _say(self, text: str, colour: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {colour};")
        self.message.setVisible(bool(text))
