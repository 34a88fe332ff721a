"""The start page: my open deals, tasks due, pipeline totals (the full dashboards come later)."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from app.queries import dashboard, listing
from ui import formatting


class DashboardPage(QWidget):
    """`sig_show(view, filter_key)` opens a list with a saved filter; `sig_open(entity, id)`."""

    sig_show = Signal(str, str)
    sig_open = Signal(str, str)
    sig_loaded = Signal()

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self._dirty = True
        self._parts: dict = {}
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Good day, %1").replace("%1", workspace.actor.display_name or workspace.actor.username),
                       self)
        title.setStyleSheet("font-size: 20px; font-weight: bold;")
        layout.addWidget(title)
        grid = QGridLayout()
        layout.addLayout(grid)
        self.deals_box, self.deals_label, deals_button = self._tile(self.tr("My open deals"), self.tr("Show them"))
        self.tasks_box, self.tasks_label, tasks_button = self._tile(self.tr("My tasks"), self.tr("Due this week"))
        self.pipeline_box, self.pipeline_label, board_button = self._tile(self.tr("Pipeline you can see"),
                                                                          self.tr("Open the board"))
        grid.addWidget(self.deals_box, 0, 0)
        grid.addWidget(self.tasks_box, 0, 1)
        grid.addWidget(self.pipeline_box, 0, 2)
        deals_button.clicked.connect(lambda: self.sig_show.emit("deals", "my_open"))
        tasks_button.clicked.connect(lambda: self.sig_show.emit("activities", "tasks_due_week"))
        board_button.clicked.connect(lambda: self.sig_show.emit("board", ""))
        lists = QGridLayout()
        layout.addLayout(lists)
        self.due_list = QListWidget(self)
        self.top_list = QListWidget(self)
        lists.addWidget(QLabel(self.tr("Tasks due"), self), 0, 0)
        lists.addWidget(QLabel(self.tr("My deals closing next"), self), 0, 1)
        lists.addWidget(self.due_list, 1, 0)
        lists.addWidget(self.top_list, 1, 1)
        self.top_list.itemDoubleClicked.connect(lambda item: self.sig_open.emit("deal", item.data(256)))
        workspace.events.sig_changed.connect(self._changed)

    def _tile(self, title: str, button_text: str):
        box = QGroupBox(title, self)
        inner = QVBoxLayout(box)
        label = QLabel(box)
        label.setStyleSheet("font-size: 15px;")
        label.setWordWrap(True)
        button = QPushButton(button_text, box)
        inner.addWidget(label)
        inner.addWidget(button)
        return box, label, button

    def start(self, _filter_key: str | None = None) -> None:
        if self._dirty:
            self._dirty = False
            self.reload()

    def reload(self) -> None:
        # Two reads side by side (the read pool runs them in parallel).
        params = listing.filter_params(self.ws.actor.id)
        self._parts = {}
        self.ws.ops.query(dashboard.pipeline_summary, me=self.ws.actor.id, on_done=self._part)
        self.ws.ops.query(dashboard.my_work, me=self.ws.actor.id, now=params["now"],
                          week_end=params["week_end"], on_done=self._part)

    def _part(self, part: dict) -> None:
        self._parts.update(part)
        if "pipeline" in self._parts and "tasks" in self._parts:
            self._arrived(self._parts)

    def _changed(self, names: set) -> None:
        if names & {"deal", "activity", "customer", "sync"}:
            if self.isVisible():
                self.reload()
            else:
                self._dirty = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self._dirty = False
            self.reload()

    def _arrived(self, data: dict) -> None:
        my = data["my_open_deals"]
        self.deals_label.setText(self.tr("%n open deal(s)", "", my["count"]) + "\n" + formatting.totals(my["totals"]))
        t = data["tasks"]
        self.tasks_label.setText(self.tr("%n overdue", "", t["overdue"]) + "\n"
                                 + self.tr("%n due this week", "", t["due_this_week"]))
        self.tasks_label.setStyleSheet("font-size: 15px;" + (" color: #c62828;" if t["overdue"] else ""))
        self.pipeline_label.setText("\n".join(
            f"{formatting.stage(s['stage'])}: {s['count']} · {formatting.totals(s['totals'])}" for s in data["pipeline"]))
        now = self.ws.now_iso()
        self.due_list.clear()
        for task in data["due_tasks"]:
            overdue = task["due_at"] < now
            self.due_list.addItem(f"{'⚠ ' if overdue else ''}{formatting.local_datetime(task['due_at'])}  "
                                  f"{task['subject']}  {task.get('customer_name') or ''}")
        self.top_list.clear()
        for deal in data["top_deals"]:
            self.top_list.addItem(f"{formatting.date(deal.get('expected_close')) or '—'}  {deal['name']}  "
                                  f"{formatting.money(deal.get('amount_minor'), deal.get('currency'))}")
            self.top_list.item(self.top_list.count() - 1).setData(256, deal["id"])
        self.sig_loaded.emit()
