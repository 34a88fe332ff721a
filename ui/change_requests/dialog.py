"""Change requests: raising one on a deal or an order (description, amount and date
deltas, the impact shown while typing), and one request's impact with the manager's
approve or reject."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSpinBox,
    QVBoxLayout,
)

from app.errors import DomainError, ValidationError
from app.queries import change_requests as change_queries
from app.queries.read_unit import read
from app.services import approvals, change_requests
from ui import formatting
from ui.change_requests.impact import ImpactBox
from ui.comment_prompt import ask_comment
from ui.records.rows_model import GOOD, OVERDUE, WARNING
from ui.roles import is_approver


def _error_text(exc) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(exc.fields.values())
    return exc.message if isinstance(exc, DomainError) else str(exc)


class ChangeRequestDialog(QDialog):
    """Raise a change on `subject_entity` ("deal" or "order") `subject_id`.
    `sig_loaded()` once the current figures are here; `sig_created(request)`."""

    sig_loaded = Signal()
    sig_created = Signal(dict)

    def __init__(self, workspace, subject_entity: str, subject_id: str, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.subject_entity, self.subject_id = subject_entity, subject_id
        self.preview: dict = {}
        self.setWindowTitle(self.tr("New change request"))
        self.resize(620, 560)
        layout = QVBoxLayout(self)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        form = QFormLayout()
        self.description = QPlainTextEdit(self)
        self.description.setMaximumHeight(90)
        self.description.setPlaceholderText(self.tr("What does the customer want changed?"))
        self.amount = QLineEdit(self)
        self.amount.setPlaceholderText(self.tr("e.g. 12,000.00 or -5,000.00"))
        self.days = QSpinBox(self)
        self.days.setRange(-3650, 3650)
        self.days.setSuffix(self.tr(" day(s)"))
        form.addRow(self.tr("Description *"), self.description)
        form.addRow(self.tr("Amount change"), self.amount)
        form.addRow(self.tr("Dates move by"), self.days)
        layout.addLayout(form)
        self.impact = ImpactBox(self)
        layout.addWidget(self.impact)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {OVERDUE};")
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.raise_button = self.buttons.addButton(self.tr("Raise change request"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.amount.textEdited.connect(lambda _t: self._show_impact())
        self.days.valueChanged.connect(lambda _v: self._show_impact())
        workspace.ops.submit(read, workspace.store, change_queries.preview_impact, subject_entity, subject_id,
                             on_done=self._arrived)

    def _arrived(self, preview: dict) -> None:
        self.preview = preview
        kind = self.tr("deal") if self.subject_entity == "deal" else self.tr("order")
        self.title.setText(self.tr("Change on %1 %2").replace("%1", kind).replace("%2", preview["subject_name"] or ""))
        if preview["problem"]:
            self.message.setText(preview["problem"])
            self.raise_button.setEnabled(False)
        self._show_impact()
        self.sig_loaded.emit()

    def delta(self) -> int:
        """The amount change typed (0 when empty); ValueError for text that is no amount."""
        return formatting.parse_money(self.amount.text(), self.preview.get("currency") or "CNY") or 0

    def _show_impact(self) -> None:
        if not self.preview:
            return
        try:
            delta = self.delta()
        except ValueError as exc:
            self.message.setText(self.tr("Amount change: %1").replace("%1", str(exc)))
            return
        if not self.preview["problem"]:
            self.message.clear()
        current = self.preview["current_total_minor"]
        self.impact.set_impact({"current_total_minor": current, "amount_delta_minor": delta,
                                "new_total_minor": current + delta, "invoiced_minor": self.preview["invoiced_minor"],
                                "date_delta_days": self.days.value()}, self.preview["currency"])

    def submit(self) -> None:
        try:
            delta = self.delta()
        except ValueError as exc:
            self.message.setText(self.tr("Amount change: %1").replace("%1", str(exc)))
            return
        values = {"subject_entity": self.subject_entity, "subject_id": self.subject_id,
                  "description": self.description.toPlainText().strip(), "amount_delta_minor": delta,
                  "date_delta_days": self.days.value()}
        if not values["description"]:
            self.message.setText(self.tr("Description: say what changes."))
            return
        self.raise_button.setEnabled(False)
        self.ws.ops.service(change_requests.open_change_request, values, on_done=self._created,
                            on_error=self._failed)

    def _created(self, request: dict) -> None:
        self.sig_created.emit(request)
        self.accept()

    def _failed(self, exc) -> None:
        self.raise_button.setEnabled(True)
        self.message.setText(self.tr("Nothing was saved: %1").replace("%1", _error_text(exc)))


class ChangeRequestView(QDialog):
    """One change request: what it asks, its impact, and (for a manager) approve or
    reject. `sig_loaded()` after each load; `sig_open(entity, id)` for the new quote."""

    sig_loaded = Signal()
    sig_open = Signal(str, str)

    def __init__(self, workspace, request_id: str, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.request_id = request_id
        self.data: dict = {}
        self.busy = False
        self.setWindowTitle(self.tr("Change request"))
        self.resize(620, 560)
        layout = QVBoxLayout(self)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.title.setWordWrap(True)
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.state)
        layout.addWidget(self.description)
        self.impact = ImpactBox(self)
        layout.addWidget(self.impact)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.approve_button = QPushButton(self.tr("Approve…"), self)
        self.reject_button = QPushButton(self.tr("Reject…"), self)
        self.quote_button = QPushButton(self.tr("Open the new quote revision"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        for b in (self.approve_button, self.reject_button, self.quote_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        self.approve_button.setVisible(is_approver(workspace))
        self.reject_button.setVisible(is_approver(workspace))
        self.approve_button.clicked.connect(self.approve)
        self.reject_button.clicked.connect(self.reject_request)
        self.quote_button.clicked.connect(lambda: self.sig_open.emit("quote", self.data["result_quote_id"]))
        self.close_button.clicked.connect(self.reject)
        self.load()

    def load(self) -> None:
        self.ws.ops.submit(read, self.ws.store, change_queries.change_request_view, self.request_id,
                           on_done=self._arrived, latest=(self, "_arrived"))

    def _arrived(self, data: dict) -> None:
        self.data = data
        kind = self.tr("deal") if data["subject_entity"] == "deal" else self.tr("order")
        self.title.setText(self.tr("Change on %1 %2 · %3").replace("%1", kind).replace("%2", data["subject_name"] or "")
                           .replace("%3", (data["customer"] or {}).get("name", "")))
        status = data["status"]
        text = self.tr("%1, raised by %2 on %3").replace("%1", formatting.status(status)).replace(
            "%2", data["requested_by_name"] or "").replace("%3", formatting.local_datetime(data["requested_at"]))
        if status != "open":
            text += " · " + self.tr("decided by %1").replace("%1", data["decided_by_name"] or "")
        if data.get("reject_reason"):
            text += "\n" + self.tr("Reason: %1").replace("%1", data["reject_reason"])
        self.state.setText(text)
        self.state.setStyleSheet(f"color: {GOOD if status == 'approved' else OVERDUE if status == 'rejected' else WARNING};"
                                 " font-weight: bold;")
        self.description.setText(data["description"])
        self.impact.set_impact(data["impact"], data["currency"])
        self.approve_button.setEnabled(status == "open" and not self.busy)
        self.reject_button.setEnabled(status == "open" and not self.busy)
        self.quote_button.setVisible(bool(data.get("result_quote_id")))
        self.sig_loaded.emit()

    def approve(self) -> None:
        comment = ask_comment(self, self.tr("Approve the change"), self.tr("Comment (optional):"))
        if comment is not None:
            self._decide("approved", comment)

    def reject_request(self) -> None:
        reason = ask_comment(self, self.tr("Reject the change"), self.tr("Why is it rejected?"), required=True)
        if reason:
            self._decide("rejected", reason)

    def _decide(self, decision: str, comment: str) -> None:
        self.busy = True
        self.approve_button.setEnabled(False)
        self.reject_button.setEnabled(False)
        if self.data.get("approval_id"):
            call = (approvals.decide_approval, self.data["approval_id"], decision, comment or None)
        elif decision == "approved":
            call = (change_requests.approve_change_request, self.request_id, comment or None)
        else:
            call = (change_requests.reject_change_request, self.request_id, comment)
        self.ws.ops.service(*call, on_done=self._decided, on_error=self._failed)

    def _decided(self, _result) -> None:
        self.busy = False
        self.message.setStyleSheet(f"color: {GOOD};")
        self.message.setText(self.tr("Decided."))
        self.load()

    def _failed(self, exc) -> None:
        self.busy = False
        self.message.setStyleSheet(f"color: {OVERDUE};")
        self.message.setText(self.tr("Nothing was saved: %1").replace("%1", _error_text(exc)))
        self.load()
