"""The quote editor: lines with live totals, the approval state, versions and their
comparison, and the quote's moves (request approval, send, accepted, rejected, new
revision, PDF, order). Every write is a service call in the background; the editor
shows what the services decided (an approval voided by an edit, a send refused)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox,
    QPlainTextEdit, QPushButton, QVBoxLayout,
)

from app import clock
from app.errors import DomainError, ValidationError
from app.queries import quotes as quote_queries
from app.queries.read_unit import read
from app.rules.states import QUOTE_TRANSITIONS, can_move
from app.services import quotes
from app.services.quote_editing import save_quote
from ui import formatting
from ui.quotes.lines_model import ProductDelegate, QuoteLinesModel, product_label
from ui.records.dict_view import small_table
from ui.records.rows_model import GOOD, OVERDUE, WARNING

LINE_EDITABLE = quotes.LINE_EDITABLE
STATUS_COLOURS = {"draft": "#455a64", "pending_approval": WARNING, "approved": GOOD, "sent": "#1565c0",
                  "accepted": GOOD, "rejected": OVERDUE, "superseded": "#757575"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("QuoteEditor", text)


def save_and(uow, quote_id: str | None, header: dict | None, lines: list[dict] | None, deal_id: str | None,
             action: str | None = None, comment: str | None = None) -> dict:
    """Save the editor's content (when `lines` is given), then carry out `action` on the
    quote, in one transaction: request_approval, send, accept, reject or revise.
    Returns {"quote" (the quote now shown: the new revision after revise),
    "approval_voided", "approval"}."""
    out = {"approval_voided": False, "approval": None}
    if lines is not None:
        saved = save_quote(uow, quote_id, header or {}, lines, deal_id=deal_id)
        quote_id, out["approval_voided"] = saved["id"], saved["approval_voided"]
    if action == "request_approval":
        out["approval"] = quotes.request_approval(uow, quote_id, comment or None)["approval"]
    elif action == "send":
        quotes.send_quote(uow, quote_id)
    elif action == "accept":
        quotes.accept_quote(uow, quote_id)
    elif action == "reject":
        quotes.reject_quote(uow, quote_id)
    elif action == "revise":
        quote_id = quotes.revise_quote(uow, quote_id)["id"]
    out["quote"] = uow.require("quote", quote_id)
    return out


class QuoteEditor(QDialog):
    """Edit quote `quote_id`, or a new first revision for `deal_id`. `sig_loaded()` after
    each (re)load, `sig_saved(quote)` after each write, `sig_open(entity, id)` to show
    another record (the order made from the quote)."""

    sig_loaded = Signal()
    sig_saved = Signal(dict)
    sig_open = Signal(str, str)

    def __init__(self, workspace, quote_id: str | None = None, *, deal_id: str | None = None, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.quote_id = quote_id
        self.deal_id = deal_id
        self.data: dict = {}
        self.dirty = False
        self.busy = False
        self.setWindowTitle(self.tr("Quote"))
        self.resize(1240, 780)
        layout = QVBoxLayout(self)

        head = QHBoxLayout()
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 17px; font-weight: bold;")
        self.status = QLabel(self)
        self.status.setObjectName("quoteStatus")
        head.addWidget(self.title, 1)
        head.addWidget(self.status)
        layout.addLayout(head)
        self.approval = QLabel(self)
        self.approval.setObjectName("approvalState")
        self.approval.setWordWrap(True)
        layout.addWidget(self.approval)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)

        form = QFormLayout()
        self.valid_until = QLineEdit(self)
        self.valid_until.setPlaceholderText("YYYY-MM-DD")
        self.valid_until.setMaximumWidth(160)
        self.notes = QPlainTextEdit(self)
        self.notes.setMaximumHeight(54)
        form.addRow(self.tr("Valid until"), self.valid_until)
        form.addRow(self.tr("Notes"), self.notes)
        layout.addLayout(form)

        tools = QHBoxLayout()
        self.product_box = QComboBox(self)
        self.product_box.setMinimumWidth(360)
        self.add_button = QPushButton(self.tr("Add line"), self)
        self.remove_button = QPushButton(self.tr("Remove line"), self)
        tools.addWidget(QLabel(self.tr("Lines"), self))
        tools.addWidget(self.product_box)
        tools.addWidget(self.add_button)
        tools.addWidget(self.remove_button)
        tools.addStretch(1)
        layout.addLayout(tools)

        self.lines = QuoteLinesModel(self)
        self.table = small_table(self.lines, self, editable=True)
        self.table.setItemDelegateForColumn(0, ProductDelegate(self.lines, self.table))
        widths = (230, 260, 80, 120, 80, 70, 120, 110, 120)
        for i, w in enumerate(widths):
            self.table.setColumnWidth(i, w)
        layout.addWidget(self.table, 1)

        below = QHBoxLayout()
        versions = QGroupBox(self.tr("Revisions"), self)
        vl = QHBoxLayout(versions)
        self.revisions = QComboBox(versions)
        self.revisions.setMinimumWidth(260)
        self.compare_button = QPushButton(self.tr("Compare with this one"), versions)
        self.open_revision_button = QPushButton(self.tr("Open"), versions)
        vl.addWidget(self.revisions)
        vl.addWidget(self.compare_button)
        vl.addWidget(self.open_revision_button)
        below.addWidget(versions, 0, Qt.AlignmentFlag.AlignTop)
        below.addStretch(1)
        totals = QGroupBox(self.tr("Totals"), self)
        grid = QGridLayout(totals)
        self.total_labels: dict[str, QLabel] = {}
        for row, (key, label) in enumerate((("subtotal", self.tr("Subtotal")), ("discount", self.tr("Discount")),
                                            ("net", self.tr("Net amount")), ("tax", self.tr("VAT")),
                                            ("total", self.tr("Total")))):
            name = QLabel(label, totals)
            value = QLabel(totals)
            value.setObjectName(f"total_{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setMinimumWidth(150)
            if key == "total":
                name.setStyleSheet("font-weight: bold;")
                value.setStyleSheet("font-weight: bold; font-size: 15px;")
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
            self.total_labels[key] = value
        below.addWidget(totals)
        layout.addLayout(below)

        actions = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text in (("revise", self.tr("New revision")), ("pdf", self.tr("Export PDF…")),
                          ("change", self.tr("Change request…")), (None, None),
                          ("save", self.tr("Save")), ("request_approval", self.tr("Request approval…")),
                          ("send", self.tr("Mark as sent")), ("accept", self.tr("Customer accepted")),
                          ("reject", self.tr("Customer rejected")), ("order", self.tr("Create order…")),
                          ("close", self.tr("Close"))):
            if key is None:
                actions.addStretch(1)
                continue
            button = QPushButton(text, self)
            button.setObjectName(f"quote_{key}")
            actions.addWidget(button)
            self.buttons[key] = button
        layout.addLayout(actions)

        self.lines.sig_totals.connect(self._show_totals)
        self.lines.sig_changed.connect(self._edited)
        self.lines.sig_refused.connect(lambda text: self._say(text, error=True))
        self.valid_until.textEdited.connect(lambda _t: self._edited())
        self.notes.textChanged.connect(lambda: self.notes.hasFocus() and self._edited())
        self.product_box.activated.connect(self._add_product)
        self.add_button.clicked.connect(self._add_blank)
        self.remove_button.clicked.connect(self._remove_selected)
        self.revisions.currentIndexChanged.connect(lambda _i: self.data and self._update_actions())
        self.compare_button.clicked.connect(self.compare)
        self.open_revision_button.clicked.connect(self._open_revision)
        self.buttons["save"].clicked.connect(lambda: self.run(None))
        self.buttons["request_approval"].clicked.connect(self.request_approval)
        self.buttons["send"].clicked.connect(lambda: self.run("send"))
        self.buttons["accept"].clicked.connect(lambda: self.run("accept"))
        self.buttons["reject"].clicked.connect(self._ask_reject)
        self.buttons["revise"].clicked.connect(lambda: self.run("revise"))
        self.buttons["pdf"].clicked.connect(self.export_pdf)
        self.buttons["change"].clicked.connect(self.change_request)
        self.buttons["order"].clicked.connect(self.create_order)
        self.buttons["close"].clicked.connect(self.reject)
        workspace.events.sig_changed.connect(self._changed_elsewhere)
        self._show_totals(self.lines.totals())
        self.load()

    # -- loading ------------------------------------------------------------------------
    def load(self) -> None:
        if self.quote_id:
            self.ws.ops.submit(read, self.ws.store, quote_queries.editor_data, self.quote_id, on_done=self._arrived)
        else:
            self.ws.ops.submit(read, self.ws.store, quote_queries.new_quote_data, self.deal_id, on_done=self._arrived)

    def _changed_elsewhere(self, names: set) -> None:
        # A decision taken in the inbox, or a sync, changes what this quote shows.
        if self.quote_id and not self.dirty and not self.busy and names & {"quote", "approval", "sync", "order"}:
            self.load()

    def _arrived(self, data: dict) -> None:
        self.data = data
        q, deal, customer = data["quote"], data["deal"] or {}, data["customer"] or {}
        self.title.setText(self.tr("Quote r%1 · %2 · %3").replace("%1", str(q.get("revision") or 1))
                           .replace("%2", customer.get("name", "")).replace("%3", deal.get("name", "")))
        self.setWindowTitle(self.title.text())
        status = q.get("status") or "draft"
        self.status.setText(formatting.status(status) if self.quote_id else self.tr("New (not saved yet)"))
        self.status.setStyleSheet(f"font-weight: bold; font-size: 14px; color: {STATUS_COLOURS.get(status, '#000')};")
        self.valid_until.setText(q.get("valid_until") or "")
        self.notes.setPlainText(q.get("notes") or "")
        self.lines.read_only = status not in LINE_EDITABLE
        self.lines.set_lines(data["lines"], data["products"], q.get("currency") or "CNY")
        self.product_box.clear()
        self.product_box.addItem(self.tr("Add a product from the price list…"), "")
        for p in data["products"]:
            if p.get("active", True):
                price = formatting.money(p["unit_price_minor"], p["currency"])
                self.product_box.addItem(f"{product_label(p)}  {price}", p["id"])
        self.revisions.clear()
        for r in data["revisions"]:
            self.revisions.addItem(f"r{r['revision']} · {formatting.status(r['status'])} · "
                                   f"{formatting.money(r['total_minor'], r['currency'])}", r["id"])
        at = self.revisions.findData(self.quote_id or "")
        self.revisions.setCurrentIndex(max(at, 0))
        self._show_approval()
        self.dirty = False
        self._update_actions()
        self.sig_loaded.emit()

    def _show_approval(self) -> None:
        q = self.data["quote"]
        status = q.get("status")
        last = self.data["approvals"][-1] if self.data["approvals"] else None
        text, colour = "", ""
        if status == "pending_approval" and last:
            text = self.tr("Waiting for a manager's approval since %1: %2").replace(
                "%1", formatting.local_datetime(last["requested_at"])).replace("%2", last["reason"] or "")
            colour = WARNING
        elif status in ("approved", "sent", "accepted") and last and last["status"] == "approved":
            text = self.tr("Approved by %1 on %2").replace("%1", last["decided_by_name"] or "").replace(
                "%2", formatting.local_datetime(last["decided_at"])) + (f": {last['comment']}" if last["comment"] else "")
            colour = GOOD
        elif status == "draft" and last and last["status"] == "void":
            text = self.tr("The approval requested on %1 was voided: %2. Request approval again before sending.") \
                .replace("%1", formatting.local_datetime(last["requested_at"])).replace("%2", last["comment"] or "")
            colour = WARNING
        elif status == "draft" and last and last["status"] == "rejected":
            text = self.tr("Approval refused by %1: %2").replace("%1", last["decided_by_name"] or "").replace(
                "%2", last["comment"] or "")
            colour = OVERDUE
        if status == "draft" and self.data["reasons"]:
            needs = self.tr("Needs a manager's approval before it is sent: %1").replace(
                "%1", "; ".join(self.data["reasons"]))
            text = f"{text}\n{needs}" if text else needs
            colour = colour or WARNING
        self.approval.setText(text)
        self.approval.setStyleSheet(f"color: {colour}; font-weight: bold;" if colour else "")
        self.approval.setVisible(bool(text))

    def _update_actions(self) -> None:
        q = self.data.get("quote", {})
        status = q.get("status") or "draft"
        saved = bool(self.quote_id)
        editable = status in LINE_EDITABLE
        idle = not self.busy and bool(self.data)
        has_lines = bool(self.lines.rows)
        for w in (self.product_box, self.add_button, self.remove_button, self.valid_until, self.notes):
            w.setEnabled(idle and editable)
        b = self.buttons
        b["save"].setEnabled(idle and editable and (self.dirty or not saved))
        b["request_approval"].setEnabled(idle and has_lines and can_move(QUOTE_TRANSITIONS, status, "pending_approval")
                                         and status == "draft")
        b["send"].setEnabled(idle and has_lines and status in ("draft", "approved")
                             and (self.dirty or status == "approved" or not self.data.get("reasons")))
        b["accept"].setEnabled(idle and saved and status == "sent" and not self.dirty)
        b["reject"].setEnabled(idle and saved and status == "sent" and not self.dirty)
        b["revise"].setEnabled(idle and saved and not self.dirty and can_move(QUOTE_TRANSITIONS, status, "superseded"))
        b["pdf"].setEnabled(idle and saved)
        b["change"].setEnabled(idle and saved and status not in ("accepted", "superseded"))
        b["order"].setEnabled(idle and status == "accepted" and not self.data.get("order"))
        b["order"].setToolTip(self.tr("The order exists already.") if self.data.get("order") else "")
        other = self.revisions.currentData()
        self.compare_button.setEnabled(idle and saved and bool(other) and other != self.quote_id)
        self.open_revision_button.setEnabled(idle and bool(other) and other != self.quote_id and not self.dirty)

    def _show_totals(self, totals) -> None:
        currency = self.lines.currency
        money = lambda v: formatting.money(v, currency)  # noqa: E731
        self.total_labels["subtotal"].setText(money(totals.subtotal_minor))
        self.total_labels["discount"].setText(money(-totals.discount_minor) if totals.discount_minor else money(0))
        self.total_labels["net"].setText(money(totals.net_minor))
        self.total_labels["tax"].setText(money(totals.tax_minor))
        self.total_labels["total"].setText(money(totals.total_minor))

    # -- editing ------------------------------------------------------------------------
    def _edited(self) -> None:
        self.dirty = True
        self.message.hide()
        if self.data.get("quote", {}).get("status") in ("pending_approval", "approved"):
            self._say(self.tr("Saving a change of lines voids the approval; it will need approving again."))
        self._update_actions()

    def _add_product(self, index: int) -> None:
        product_id = self.product_box.itemData(index)
        if product_id:
            row = self.lines.add_line(product_id)
            self.table.selectRow(row)
        self.product_box.setCurrentIndex(0)

    def _add_blank(self) -> None:
        row = self.lines.add_line()
        self.table.setCurrentIndex(self.lines.index(row, 1))
        self.table.edit(self.lines.index(row, 1))

    def _remove_selected(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.lines.remove_line(index.row())

    def header(self) -> dict:
        """The header as typed; ValidationError for a date that is no date."""
        text = self.valid_until.text().strip()
        if text:
            try:
                text = clock.parse_date(text).isoformat()
            except ValueError:
                raise ValidationError({"valid_until": _tr("must be a date (YYYY-MM-DD)")}) from None
        return {"valid_until": text or None, "notes": self.notes.toPlainText().strip() or None}

    # -- writing ------------------------------------------------------------------------
    def run(self, action: str | None, comment: str | None = None, then=None) -> None:
        """Save what changed (if anything) and carry out `action`, in the background."""
        if self.busy:
            return
        try:
            header = self.header()
        except ValidationError as exc:
            self._say("; ".join(f"{self.tr('Valid until')}: {m}" for m in exc.fields.values()), error=True)
            return
        content = (header, self.lines.lines()) if self.dirty or not self.quote_id else (None, None)
        self.busy = True
        self._update_actions()
        self.ws.ops.service(save_and, self.quote_id, content[0], content[1], self.deal_id, action, comment,
                            on_done=lambda result: self._done(action, result, then), on_error=self._failed)

    def request_approval(self) -> None:
        from ui.comment_prompt import ask_comment

        comment = ask_comment(self, self.tr("Request approval"),
                              self.tr("A note for the manager (optional):"))
        if comment is not None:
            self.run("request_approval", comment)

    def _ask_reject(self) -> None:
        answer = QMessageBox.question(self, self.tr("Customer rejected"),
                                      self.tr("Record that the customer rejected this quote?"),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.run("reject")

    def _done(self, action: str | None, result: dict, then) -> None:
        self.busy = False
        quote = result["quote"]
        self.quote_id = quote["id"]
        self.dirty = False
        messages = {
            None: self.tr("Saved."),
            "send": self.tr("Marked as sent to the customer."),
            "accept": self.tr("The customer accepted this quote: create the order next."),
            "reject": self.tr("Marked as rejected by the customer."),
            "revise": self.tr("Revision %1 created; the earlier one is superseded.").replace(
                "%1", str(quote["revision"])),
            "request_approval": self.tr("Approval requested. A manager decides it in the inbox; %1").replace(
                "%1", self._delivery()),
        }
        text = messages.get(action, self.tr("Saved."))
        if result["approval_voided"]:
            text = self.tr("Saved. The approval was voided because the lines changed: request approval again.")
        self._say(text, good=not result["approval_voided"])
        self.sig_saved.emit(quote)
        self.load()
        if then is not None:
            then()

    def _delivery(self) -> str:
        sync = self.ws.sync
        if sync.available() and sync.online():
            return self.tr("it goes to the server with the next sync.")
        return self.tr("this computer is offline, so the request is queued and goes out when it is back online.")

    def _failed(self, exc) -> None:
        self.busy = False
        self._update_actions()
        if isinstance(exc, ValidationError):
            self._say(self.tr("Nothing was saved: %1").replace("%1", "; ".join(
                f"{k}: {v}" for k, v in exc.fields.items())), error=True)
        elif isinstance(exc, DomainError):
            self._say(self.tr("Nothing was saved: %1").replace("%1", exc.message), error=True)
        else:
            self._say(self.tr("Could not save: %1").replace("%1", str(exc)), error=True)

    def _say(self, text: str, *, error: bool = False, good: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {OVERDUE if error else GOOD if good else WARNING};")
        self.message.setVisible(bool(text))

    # -- elsewhere ----------------------------------------------------------------------
    def compare(self) -> None:
        from ui.quotes.compare import CompareDialog

        other = self.revisions.currentData()
        if not other or other == self.quote_id:
            return
        revs = {r["id"]: r["revision"] for r in self.data["revisions"]}
        a, b = sorted((other, self.quote_id), key=lambda i: revs.get(i, 0))
        dialog = CompareDialog(self.ws, a, b, self)
        dialog.open()
        return dialog

    def _open_revision(self) -> None:
        other = self.revisions.currentData()
        if other and not self.dirty:
            self.quote_id = other
            self.message.hide()
            self.load()

    def export_pdf(self):
        from ui.pdf_export import export_pdf

        q = self.data["quote"]
        customer = (self.data.get("customer") or {}).get("name", "")
        if self.dirty:
            self.run(None, then=self.export_pdf)
            return None
        return export_pdf(self.ws, self, "quote", self.quote_id, f"{customer} quote r{q.get('revision', 1)}")

    def change_request(self):
        from ui.change_requests.dialog import ChangeRequestDialog

        dialog = ChangeRequestDialog(self.ws, "deal", self.data["quote"]["deal_id"], self)
        dialog.open()
        return dialog

    def create_order(self):
        from ui.orders.create_dialog import OrderCreateDialog

        dialog = OrderCreateDialog(self.ws, self.quote_id, self)
        dialog.sig_created.connect(lambda order: self.sig_open.emit("order", order["id"]))
        dialog.open()
        return dialog

    def reject(self) -> None:
        if self.busy:
            return
        if self.dirty:
            answer = QMessageBox.question(
                self, self.tr("Unsaved changes"), self.tr("Save your changes before closing?"),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save:
                self.run(None, then=lambda: QDialog.reject(self))
                return
        super().reject()

    def closeEvent(self, event) -> None:
        if self.busy or self.dirty:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)
