"""Reports: the standard LTC metrics as charts over the local copy, offline.

The filter bar starts from the role's defaults (a rep their own deals, a manager the
team, finance everything with receivables first); every metric is computed in one
background call (app.reports.compute_store, the same call `report kpis` makes), so the
charts and the command agree. Clicking a bar opens the list of the records it counted.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QStackedWidget, QVBoxLayout, QWidget,
)

from app.errors import DomainError
from app.queries import report_filters
from app.reports import FOCUS, METRICS, ReportFilter, compute_store, default_filter
from ui import formatting
from ui.reports import metric_text
from ui.reports.chart_card import ChartCard
from ui.reports.drill_list import DrillList
from ui.reports.filter_bar import FilterBar
from ui.roles import is_approver

COLUMNS = 2
RECOMPUTE_AFTER_MS = 1000
# Changes that move a figure on the dashboard.
WATCHED = {"deal", "activity", "lead", "quote", "order", "invoice", "payment", "payment_allocation", "quota",
           "user", "product", "customer", "sync"}


def first_report(store, actor) -> tuple[ReportFilter, dict]:
    """The role's default filter and its report (runs in the background)."""
    with store.read() as session:
        f = default_filter(session, actor)
    return f, compute_store(store, f)


def metric_order(role: str) -> list[str]:
    """The role's metrics first, in its order, then the rest."""
    focus = list(FOCUS.get(role, FOCUS["admin"]))
    return focus + [k for k in METRICS if k not in focus]


class ReportsPage(QWidget):
    """`sig_open(entity, id)` opens a record; `sig_loaded(seconds)` when every chart shows
    the figures just asked for (from the request to the last chart drawn)."""

    sig_open = Signal(str, str)
    sig_loaded = Signal(float)

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.filter: ReportFilter | None = None
        self.report: dict | None = None
        self._generation = 0
        self._started = False
        self._dirty = False
        self._asked = 0.0
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        title = QLabel(self.tr("Reports"), self)
        title.setStyleSheet("font-size: 18px; font-weight: bold;")
        head.addWidget(title)
        self.status = QLabel(self)
        self.status.setStyleSheet("color: palette(mid);")
        self.status.setWordWrap(True)  # long in some languages: it wraps rather than widen the window
        head.addWidget(self.status, 1)
        self.quota_button = QPushButton(self.tr("Sales quotas…"), self)
        self.quota_button.setVisible(is_approver(workspace))
        self.quota_button.clicked.connect(self.edit_quotas)
        head.addWidget(self.quota_button)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(lambda: self.load())
        head.addWidget(self.refresh_button)
        layout.addLayout(head)
        self.filters = FilterBar(workspace, self)
        self.filters.sig_changed.connect(self.load)
        layout.addWidget(self.filters)

        self.stack = QStackedWidget(self)
        layout.addWidget(self.stack, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        board = QWidget(scroll)
        self.grid = QGridLayout(board)
        self.grid.setContentsMargins(0, 0, 0, 0)
        for c in range(COLUMNS):
            self.grid.setColumnStretch(c, 1)
        # The charts are built the first time the page is shown (start), while the first
        # report is computed: a window that never shows Reports never builds them.
        self.cards: dict[str, ChartCard] = {}
        scroll.setWidget(board)
        self.board = scroll
        self.stack.addWidget(scroll)
        self.drill = DrillList(workspace, self)
        self.drill.sig_back.connect(lambda: self.stack.setCurrentWidget(self.board))
        self.drill.sig_open.connect(self.sig_open)
        self.stack.addWidget(self.drill)
        self._again = QTimer(self)
        self._again.setSingleShot(True)
        self._again.setInterval(RECOMPUTE_AFTER_MS)
        self._again.timeout.connect(lambda: self.load(self.filter))
        workspace.events.sig_changed.connect(self._changed)

    # -- loading ------------------------------------------------------------------------
    def start(self, _filter_key: str | None = None) -> None:
        """The first time the page is shown: the role's defaults, then the filter choices."""
        self.stack.setCurrentWidget(self.board)
        if not self._started:
            self._started = True
            self._generation += 1
            generation = self._generation
            self._asked = time.perf_counter()
            self.status.setText(self.tr("Computing…"))
            self.ws.ops.submit(first_report, self.ws.store, self.ws.actor,
                               on_done=lambda result: self._first(generation, *result), on_error=self._failed)
            self._build_cards()
        elif self._dirty:
            self.load()

    def _build_cards(self) -> None:
        board = self.grid.parentWidget()
        for n, key in enumerate(metric_order(self.ws.actor.role)):
            card = ChartCard(self.ws, key, board)
            card.sig_drill.connect(self.open_drill)
            card.sig_exported.connect(self._notice)
            self.grid.addWidget(card, n // COLUMNS, n % COLUMNS)
            self.cards[key] = card

    def _first(self, generation: int, f: ReportFilter, report: dict) -> None:
        self.filter = f
        self.filters.set_filter(f)
        self._arrived(generation, report)
        self.ws.ops.query(report_filters.options, on_done=self.filters.set_options)

    def load(self, f: ReportFilter | None = None):
        """Compute every metric for `f` (default: the filter bar's) in the background."""
        self.filter = f or self.filters.current()
        self._dirty = False
        self._generation += 1
        generation = self._generation
        self._asked = time.perf_counter()
        self.status.setText(self.tr("Computing…"))
        return self.ws.ops.submit(compute_store, self.ws.store, self.filter,
                                  on_done=lambda report: self._arrived(generation, report), on_error=self._failed)

    def _arrived(self, generation: int, report: dict) -> None:
        if generation != self._generation:
            return  # a newer filter was asked for meanwhile
        self.report = report
        for key, card in self.cards.items():
            card.set_metric(report["metrics"][key], report)
        period = report["period"]
        when = (self.tr("%1 to %2").replace("%1", formatting.date(period["from"]) or "…")
                .replace("%2", formatting.date(period["to"]) or "…")) if period["from"] or period["to"] \
            else self.tr("all time")
        self.status.setText(self.tr("%1 · as of %2 · amounts in %3 · computed in %4 ms")
                            .replace("%1", when).replace("%2", formatting.date(report["as_of"]))
                            .replace("%3", metric_text.currency(report["currency"])).replace("%4", f"{report['elapsed_ms']:.0f}"))
        self.sig_loaded.emit(time.perf_counter() - self._asked)

    def _failed(self, exc) -> None:
        self.status.setText(exc.message if isinstance(exc, DomainError) else self.tr("The report failed: %1")
                            .replace("%1", str(exc)))

    def _changed(self, names: set) -> None:
        if self._started and names & WATCHED:
            if self.isVisible() and self.stack.currentWidget() is self.board:
                self._again.start()  # a burst of changes (a sync, an import) recomputes once
            else:
                self._dirty = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty and self._started:
            self.load(self.filter)

    # -- drilling, quotas, notices --------------------------------------------------------
    def open_drill(self, key: str, drill: dict):
        """Show the list of the records a bar of metric `key` counted."""
        card = self.cards[key]
        self.stack.setCurrentWidget(self.drill)
        return self.drill.show_drill(metric_text.title(key) + " — " + _drill_words(card, drill), drill)

    def edit_quotas(self):
        from ui.reports.quota_editor import QuotaDialog

        currency = (self.report or {}).get("currency", "CNY")
        dialog = QuotaDialog(self.ws, self, currency=currency)
        dialog.sig_saved.connect(lambda n: self._notice(self.tr("%n quota(s) saved", "", n)))
        dialog.open()
        return dialog

    def _notice(self, text: str) -> None:
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(text, 8000)


def _drill_words(card: ChartCard, drill: dict) -> str:
    """What a drilled bar stands for, in the chart's own words (its category)."""
    data = card.data
    if data is not None:
        for s in data.series:
            for i, d in enumerate(s.drills):
                if d == drill:
                    return data.categories[i]
    return ""
