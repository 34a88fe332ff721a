"""The inbox: the work waiting on the user's role (the RACI matrix says which steps are
theirs): won deals handed over for order acceptance, approvals (quotes, credit, changes),
invoices to issue and milestones to invoice, each with its age against the step's
target time, the overdue ones in red. An item opens with everything needed to decide it."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QPushButton, QSplitter, QTextBrowser, QVBoxLayout, QWidget,
)

from app.errors import ValidationError
from app.queries.read_unit import read
from app.services import approvals, handoffs, invoices
from ui import formatting
from ui.comment_prompt import ask_comment
from ui.inbox import detail_html
from ui.invoices.issuing import can_issue_online, engine_of, issue_online
from ui.records.dict_view import small_table
from ui.records.rows_model import GOOD, OVERDUE, WARNING, Col, RowsModel

WATCHED = {"handoff", "approval", "quote", "order", "billing_milestone", "invoice", "change_request",
           "responsibility", "sync"}


def _milestone_order(uow, milestone_id: str) -> str:
    return uow.require("billing_milestone", milestone_id)["order_id"]


def _what(item: dict) -> str:
    """The item's title without the customer's name in front (it has its own column)."""
    title, name = item["title"] or "", item.get("customer_name") or ""
    return title[len(name) + 3:] if name and title.startswith(f"{name} — ") else title


def _tr(text: str) -> str:
    return QCoreApplication.translate("Inbox", text)


def age_text(hours) -> str:
    """3.5 -> "3.5 h", 50 -> "2 d 2 h"."""
    if hours is None:
        return ""
    if hours < 48:
        return _tr("%1 h").replace("%1", f"{hours:g}")
    days, rest = divmod(int(round(hours)), 24)
    if not rest:
        return _tr("%1 d").replace("%1", str(days))
    return _tr("%1 d %2 h").replace("%1", str(days)).replace("%2", str(rest))


class InboxModel(RowsModel):
    def __init__(self, workspace, parent=None):
        super().__init__([], parent, row_colour=lambda r: OVERDUE if r["overdue"] else "",
                         row_bold=lambda r: r["overdue"])
        self.ws = workspace
        kinds = {"handoff": self.tr("Hand-off"), "approval": self.tr("Approval"), "invoice": self.tr("To issue"),
                 "milestone": self.tr("To invoice")}
        self.columns = [
            Col("step", self.tr("Step"), lambda r: workspace.label("handoff_target_hours", r["step"])),
            Col("kind", self.tr("Item"), lambda r: kinds.get(r["kind"], r["kind"])),
            Col("title", self.tr("What"), _what, tip=lambda r: r["note"] or ""),
            Col("customer_name", self.tr("Customer")),
            Col("amount_minor", self.tr("Amount"), lambda r: formatting.money(r["amount_minor"], r["currency"])
                if r["amount_minor"] is not None else "", right=True),
            Col("age_hours", self.tr("Waiting"), lambda r: age_text(r["age_hours"]), right=True),
            Col("target_hours", self.tr("Target"), lambda r: age_text(r["target_hours"]), right=True),
            Col("state", self.tr("State"), self._state),
        ]

    def _state(self, r: dict) -> str:
        if r["overdue"]:
            return self.tr("Overdue")
        if r["kind"] == "handoff" and r["status"] == "returned":
            return self.tr("Returned to you")
        return self.tr("Due %1").replace("%1", formatting.local_datetime(r["due_at"])) if r["due_at"] else ""


class InboxPage(QWidget):
    """`sig_open(entity, id)` to show the record an item is about; `sig_loaded()` after
    the list loads, `sig_detail()` after an item's detail arrives."""

    sig_open = Signal(str, str)
    sig_loaded = Signal()
    sig_detail = Signal()

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.items: list[dict] = []
        self.current: dict = {}
        self.detail: dict = {}
        self.busy = False
        self._dirty = True
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        title = QLabel(self.tr("Inbox"), self)
        title.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.summary = QLabel(self)
        self.summary.setObjectName("inboxSummary")
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        head.addWidget(title)
        head.addSpacing(16)
        head.addWidget(self.summary, 1)
        head.addWidget(self.refresh_button)
        layout.addLayout(head)
        # The list above, the item's page below: both get the whole width (long Chinese
        # names, amounts), and the list stays short (an inbox is worked down).
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.model = InboxModel(workspace, self)
        self.view = small_table(self.model, split)
        for i, w in enumerate((130, 80, 260, 230, 125, 70, 60)):
            self.view.setColumnWidth(i, w)
        split.addWidget(self.view)
        right = QWidget(split)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 6, 0, 0)
        self.page = QTextBrowser(right)
        self.page.setOpenLinks(False)
        rl.addWidget(self.page, 1)
        self.message = QLabel(right)
        self.message.setWordWrap(True)
        rl.addWidget(self.message)
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text in (("accept", self.tr("Accept…")), ("return", self.tr("Return…")),
                          ("resubmit", self.tr("Hand over again…")), ("approve", self.tr("Approve…")),
                          ("reject", self.tr("Reject…")), ("issue", self.tr("Issue now (online)")),
                          ("draft", self.tr("Draft the invoice")), ("open", self.tr("Open"))):
            button = QPushButton(text, right)
            button.setObjectName(f"inbox_{key}")
            row.addWidget(button)
            self.buttons[key] = button
        row.addStretch(1)
        rl.addLayout(row)
        split.addWidget(right)
        # The action row holds every kind's buttons (most hidden): it must not set the
        # window's minimum width.
        right.setMinimumWidth(240)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([250, 450])
        layout.addWidget(split, 1)
        b = self.buttons
        b["accept"].clicked.connect(self.accept_item)
        b["return"].clicked.connect(self.return_item)
        b["resubmit"].clicked.connect(self.resubmit_item)
        b["approve"].clicked.connect(lambda: self.decide("approved"))
        b["reject"].clicked.connect(lambda: self.decide("rejected"))
        b["issue"].clicked.connect(self.issue)
        b["draft"].clicked.connect(self.draft_invoice)
        b["open"].clicked.connect(self.open_subject)
        self.refresh_button.clicked.connect(self.refresh)
        self.view.selectionModel().currentRowChanged.connect(lambda cur, _prev: self.select(cur.row()))
        self.view.doubleClicked.connect(lambda _i: self.open_subject())
        workspace.events.sig_changed.connect(self._changed)
        self._update_actions()

    # -- loading ------------------------------------------------------------------------
    def start(self, _filter_key: str | None = None) -> None:
        if self._dirty:
            self.refresh()

    def _changed(self, names: set) -> None:
        if names & WATCHED:
            self._dirty = True
            if self.isVisible() and not self.busy:
                self.refresh()

    def refresh(self) -> None:
        self._dirty = False
        self.ws.ops.submit(read, self.ws.store, handoffs.inbox, on_done=self._arrived, latest=(self, "_arrived"))

    def _arrived(self, items: list[dict]) -> None:
        keep = self.current.get("id")
        self.items = items
        self.model.set_rows(items)
        overdue = sum(1 for i in items if i["overdue"])
        text = self.tr("%1 item(s) waiting").replace("%1", str(len(items)))
        if overdue:
            text += " · " + self.tr("%1 overdue").replace("%1", str(overdue))
        self.summary.setText(text)
        self.summary.setStyleSheet(f"color: {OVERDUE}; font-weight: bold;" if overdue else "")
        at = next((i for i, item in enumerate(items) if item["id"] == keep), 0 if items else -1)
        if at >= 0:
            self.view.selectRow(at)
            self.select(at)
        else:
            self.current, self.detail = {}, {}
            self.page.setHtml(f"<p>{self.tr('Nothing is waiting on you.')}</p>")
            self._update_actions()
        self.sig_loaded.emit()

    def select(self, row: int) -> None:
        item = self.model.row(row)
        if not item or (item.get("id") == self.current.get("id") and self.detail):
            return
        self.current, self.detail = item, {}
        self.message.clear()
        if item["kind"] == "handoff":
            self.ws.ops.submit(read, self.ws.store, handoffs.handoff_detail, item["id"],
                               on_done=lambda d, i=item["id"]: self._detail(i, d))
        elif item["kind"] == "approval":
            self.ws.ops.submit(read, self.ws.store, handoffs.approval_detail, item["id"],
                               on_done=lambda d, i=item["id"]: self._detail(i, d))
        else:
            self._detail(item["id"], {"item": item})
        self._update_actions()

    def _detail(self, item_id: str, detail: dict) -> None:
        if item_id != self.current.get("id"):
            return
        self.detail = detail
        kind = self.current["kind"]
        if kind == "handoff":
            self.page.setHtml(detail_html.handoff_page(detail))
        elif kind == "approval":
            self.page.setHtml(detail_html.approval_page(detail))
        else:
            self.page.setHtml(detail_html.item_page(self.current))
        self._update_actions()
        self.sig_detail.emit()

    def _update_actions(self) -> None:
        item = self.current
        kind, status = item.get("kind"), item.get("status")
        ready = bool(self.detail) and not self.busy
        mine_returned = kind == "handoff" and status == "returned"
        shown = {"accept": kind == "handoff" and not mine_returned, "return": kind == "handoff" and not mine_returned,
                 "resubmit": mine_returned, "approve": kind == "approval", "reject": kind == "approval",
                 "issue": kind == "invoice", "draft": kind == "milestone", "open": bool(item)}
        for key, button in self.buttons.items():
            button.setVisible(shown[key])
            button.setEnabled(ready)
        self.buttons["issue"].setEnabled(ready and can_issue_online(self.ws))
        if kind == "approval" and item.get("subject_entity") == "order":
            self.buttons["approve"].setText(self.tr("Release credit…"))
            self.buttons["reject"].setText(self.tr("Refuse credit…"))
        else:
            self.buttons["approve"].setText(self.tr("Approve…"))
            self.buttons["reject"].setText(self.tr("Reject…"))

    # -- decisions ----------------------------------------------------------------------
    def _run(self, fn, *args, done: str, **kwargs) -> None:
        if self.busy:
            return
        self.busy = True
        self._update_actions()

        def finished(_result):
            self.busy = False
            self._say(done, GOOD)
            self.detail = {}
            self.refresh()

        self.ws.ops.service(fn, *args, **kwargs, on_done=finished, on_error=self._failed)

    def accept_item(self) -> None:
        comment = ask_comment(self, self.tr("Accept the hand-off"), self.tr("Comment (optional):"))
        if comment is not None:
            self._run(handoffs.accept_handoff, self.current["id"], comment or None,
                      done=self.tr("Accepted: the hand-off is yours now."))

    def return_item(self) -> None:
        comment = ask_comment(self, self.tr("Return the hand-off"),
                              self.tr("What is missing? The sender sees this and hands it over again."), required=True)
        if comment:
            self._run(handoffs.return_handoff, self.current["id"], comment,
                      done=self.tr("Returned to the sender with your comment."))

    def resubmit_item(self) -> None:
        comment = ask_comment(self, self.tr("Hand over again"), self.tr("What was fixed? (optional)"))
        if comment is not None:
            self._run(handoffs.resubmit_handoff, self.current["id"], comment or None,
                      done=self.tr("Handed over again."))

    def decide(self, decision: str) -> None:
        rejecting = decision == "rejected"
        title = self.tr("Reject") if rejecting else self.tr("Approve")
        comment = ask_comment(self, title, self.tr("Why? (required)") if rejecting else self.tr("Comment (optional):"),
                              required=rejecting)
        if comment is None or (rejecting and not comment):
            return
        self._run(approvals.decide_approval, self.current["id"], decision, comment or None,
                  done=self.tr("Rejected.") if rejecting else self.tr("Approved."))

    def draft_invoice(self) -> None:
        self._run(invoices.draft_invoice_from_milestone, self.current["subject_id"],
                  done=self.tr("Invoice drafted; request its issue from the invoice."))

    def issue(self) -> None:
        engine = engine_of(self.ws)
        if engine is None or self.busy:
            return
        self.busy = True
        self._update_actions()
        invoice_id = self.current["subject_id"]

        def issued(answer: dict) -> None:
            self.busy = False
            self._say(self.tr("Issued as %1; it shows after the next sync.").replace("%1", answer.get("number") or ""),
                      GOOD)
            self.ws.sync.sync_now()
            self._update_actions()

        self.ws.ops.submit(issue_online, engine, invoice_id, on_done=issued, on_error=self._failed)

    def open_subject(self) -> None:
        item = self.current
        if not item:
            return
        if item["kind"] == "handoff":
            order = (self.detail.get("order") or {}).get("id")
            if order:
                self.sig_open.emit("order", order)
            else:
                self.sig_open.emit("deal", item["subject_id"])
        elif item["kind"] == "milestone":
            self.ws.ops.submit(read, self.ws.store, _milestone_order, item["subject_id"],
                               on_done=lambda order_id: self.sig_open.emit("order", order_id))
        else:
            self.sig_open.emit(item["subject_entity"], item["subject_id"])

    def _failed(self, exc) -> None:
        self.busy = False
        if isinstance(exc, ValidationError):
            text = "; ".join(exc.fields.values())
        else:
            # Domain errors and the sync's (server unreachable, refused) carry a sentence.
            text = getattr(exc, "message", None) or str(exc)
        self._say(self.tr("Not done: %1").replace("%1", text), OVERDUE)
        self._update_actions()

    def _say(self, text: str, colour: str = WARNING) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {colour};")
