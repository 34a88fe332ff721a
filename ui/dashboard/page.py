"""The start page: what is waiting on me, what customers owe, my tasks, my open deals and
the pipeline; each tile opens the list behind it. Finance owns no deals, so its page
lists the most overdue invoices where a salesperson's lists the deals closing next."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from app.queries import dashboard, listing
from app.queries.read_unit import read
from app.services import handoffs
from ui import formatting
from ui.records.rows_model import OVERDUE

ID_ROLE = 256
WATCHED = {"deal", "activity", "customer", "invoice", "payment", "payment_allocation", "handoff", "approval", "quote",
           "order", "billing_milestone", "responsibility", "sync"}


class DashboardPage(QWidget):
    """`sig_show(view, filter_key)` opens a list with a saved filter; `sig_open(entity, id)`."""

    sig_show = Signal(str, str)
    sig_open = Signal(str, str)
    sig_loaded = Signal()

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.sells = workspace.actor.role != "finance"
        self._dirty = True
        self._parts: dict = {}
        self._expected: set[str] = set()
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Good day, %1").replace("%1", workspace.actor.display_name or workspace.actor.username),
                       self)
        title.setStyleSheet("font-size: 20px; font-weight: bold;")
        layout.addWidget(title)
        grid = QGridLayout()
        layout.addLayout(grid)
        tiles = [self._tile("waiting", self.tr("Waiting on me"), self.tr("Open the inbox"), ("inbox", "")),
                 self._tile("owed", self.tr("Customers owe"), self.tr("Collections"), ("invoices", "collections")),
                 self._tile("tasks", self.tr("My tasks"), self.tr("Due this week"), ("activities", "tasks_due_week"))]
        if self.sells:
            tiles += [self._tile("deals", self.tr("My open deals"), self.tr("Show them"), ("deals", "my_open")),
                      self._tile("pipeline", self.tr("Pipeline you can see"), self.tr("Open the board"), ("board", ""))]
        for i, box in enumerate(tiles):
            grid.addWidget(box, i // 3, i % 3)
        lists = QGridLayout()
        layout.addLayout(lists, 1)
        self.due_list = QListWidget(self)
        self.top_list = QListWidget(self)
        lists.addWidget(QLabel(self.tr("Tasks due"), self), 0, 0)
        lists.addWidget(QLabel(self.tr("My deals closing next") if self.sells else self.tr("Most overdue invoices"),
                               self), 0, 1)
        lists.addWidget(self.due_list, 1, 0)
        lists.addWidget(self.top_list, 1, 1)
        entity = "deal" if self.sells else "invoice"
        self.top_list.itemDoubleClicked.connect(lambda item: self.sig_open.emit(entity, item.data(ID_ROLE)))
        workspace.events.sig_changed.connect(self._changed)

    def _tile(self, key: str, title: str, button_text: str, target: tuple[str, str]) -> QGroupBox:
        """A tile: a title, a label (`self.<key>_label`) and a button that opens `target`."""
        box = QGroupBox(title, self)
        box.setObjectName(key)
        inner = QVBoxLayout(box)
        label = QLabel(box)
        label.setStyleSheet("font-size: 15px;")
        label.setWordWrap(True)
        button = QPushButton(button_text, box)
        button.clicked.connect(lambda: self.sig_show.emit(*target))
        inner.addWidget(label)
        inner.addWidget(button)
        setattr(self, f"{key}_label", label)
        return box

    def start(self, _filter_key: str | None = None) -> None:
        if self._dirty:
            self._dirty = False
            self.reload()

    def reload(self) -> None:
        # Independent reads side by side (the read pool runs them in parallel).
        params = listing.filter_params(self.ws.actor.id)
        self._parts = {}
        self._expected = {"tasks", "owed", "waiting"} | ({"pipeline"} if self.sells else set())
        if self.sells:
            self.ws.ops.query(dashboard.pipeline_summary, me=self.ws.actor.id, on_done=self._part,
                              latest=(self, "pipeline"))
        self.ws.ops.query(dashboard.my_work, me=self.ws.actor.id, now=params["now"],
                          week_end=params["week_end"], on_done=self._part, latest=(self, "work"))
        self.ws.ops.query(dashboard.money_owed, on_done=self._part, latest=(self, "owed"))
        self.ws.ops.submit(read, self.ws.store, handoffs.inbox, on_done=lambda items: self._part({"waiting": items}),
                           latest=(self, "waiting"))

    def _part(self, part: dict) -> None:
        self._parts.update(part)
        if self._expected <= self._parts.keys():
            self._arrived(self._parts)

    def _changed(self, names: set) -> None:
        if names & WATCHED:
            if self.isVisible():
                self.reload()
            else:
                self._dirty = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self._dirty = False
            self.reload()

    @staticmethod
    def _alarm(label: QLabel, on: bool) -> None:
        label.setStyleSheet("font-size: 15px;" + (f" color: {OVERDUE};" if on else ""))

    def _arrived(self, data: dict) -> None:
        waiting = data["waiting"]
        late = sum(1 for item in waiting if item["overdue"])
        self.waiting_label.setText(self.tr("%n item(s)", "", len(waiting)) + "\n" + self.tr("%n overdue", "", late))
        self._alarm(self.waiting_label, late > 0)
        owed = data["owed"]
        self.owed_label.setText(
            self.tr("Overdue: %1").replace("%1", formatting.totals(owed["overdue"])) + "\n"
            + self.tr("%n late invoice(s)", "", owed["overdue_count"]) + " · "
            + self.tr("%n customer(s)", "", owed["customers_late"]) + "\n"
            + self.tr("Open in all: %1").replace("%1", formatting.totals(owed["open"])))
        self._alarm(self.owed_label, owed["overdue_count"] > 0)
        t = data["tasks"]
        self.tasks_label.setText(self.tr("%n overdue", "", t["overdue"]) + "\n"
                                 + self.tr("%n due this week", "", t["due_this_week"]))
        self._alarm(self.tasks_label, t["overdue"] > 0)
        now = self.ws.now_iso()
        self.due_list.clear()
        for task in data["due_tasks"]:
            overdue = task["due_at"] < now
            self.due_list.addItem(f"{'⚠ ' if overdue else ''}{formatting.local_datetime(task['due_at'])}  "
                                  f"{task['subject']}  {task.get('customer_name') or ''}")
        self.top_list.clear()
        if self.sells:
            my = data["my_open_deals"]
            self.deals_label.setText(self.tr("%n open deal(s)", "", my["count"]) + "\n"
                                     + formatting.totals(my["totals"]))
            self.pipeline_label.setText("\n".join(
                f"{formatting.stage(s['stage'])}: {s['count']} · {formatting.totals(s['totals'])}"
                for s in data["pipeline"]))
            for deal in data["top_deals"]:
                self._listed(deal["id"], f"{formatting.date(deal.get('expected_close')) or '—'}  {deal['name']}  "
                                         f"{formatting.money(deal.get('amount_minor'), deal.get('currency'))}")
        else:
            for inv in data["overdue_invoices"]:
                self._listed(inv["id"], self.tr("%n day(s) late", "", inv["days_past_due"])
                             + f"  {inv['number'] or ''}  {inv['customer_name'] or ''}  "
                             f"{formatting.money(inv['open_minor'], inv['currency'])}")
        self.sig_loaded.emit()

    def _listed(self, record_id: str, text: str) -> None:
        self.top_list.addItem(text)
        self.top_list.item(self.top_list.count() - 1).setData(ID_ROLE, record_id)
