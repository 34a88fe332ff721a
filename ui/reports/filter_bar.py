"""The dashboard's filters: period, team, rep, product, currency and when a deal counts
as stuck. Emits a ReportFilter; starts from the role's defaults (app.reports.default_filter)."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QSpinBox, QWidget

from app import clock
from app.reports import ReportFilter
from app.reports.filters import DEFAULT_STUCK_DAYS
from ui import formatting
from ui.reports import metric_text
from ui.reports.flow_layout import FlowLayout

PERIODS = ("all", "this_month", "this_quarter", "last_quarter", "this_year", "last_12_months", "custom")
MINE = "__my_reports__"


def period_dates(code: str, today: dt.date) -> tuple[str | None, str | None]:
    """The first and last day of a named period around `today` (None, None for all time)."""
    if code == "this_month":
        return today.replace(day=1).isoformat(), today.isoformat()
    quarter_start = dt.date(today.year, (today.month - 1) // 3 * 3 + 1, 1)
    if code == "this_quarter":
        return quarter_start.isoformat(), today.isoformat()
    if code == "last_quarter":
        end = quarter_start - dt.timedelta(days=1)
        return dt.date(end.year, (end.month - 1) // 3 * 3 + 1, 1).isoformat(), end.isoformat()
    if code == "this_year":
        return dt.date(today.year, 1, 1).isoformat(), today.isoformat()
    if code == "last_12_months":
        return (today - dt.timedelta(days=364)).isoformat(), today.isoformat()
    return None, None


class FilterBar(QWidget):
    """`sig_changed(ReportFilter)` whenever the user changes a filter."""

    sig_changed = Signal(object)

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self._quiet = False
        layout = FlowLayout(self, spacing=12)
        self.period = QComboBox(self)
        names = {"all": self.tr("All time"), "this_month": self.tr("This month"), "this_quarter": self.tr("This quarter"),
                 "last_quarter": self.tr("Last quarter"), "this_year": self.tr("This year"),
                 "last_12_months": self.tr("Last 12 months"), "custom": self.tr("Dates…")}
        for code in PERIODS:
            self.period.addItem(names[code], code)
        self.date_from = QDateEdit(self)
        self.date_to = QDateEdit(self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(formatting.date_format())
            edit.setDate(QDate.currentDate())
        self.team = QComboBox(self)
        self.rep = QComboBox(self)
        self.product = QComboBox(self)
        self.currency = QComboBox(self)
        self.stuck = QSpinBox(self)
        self.stuck.setRange(1, 365)
        self.stuck.setValue(DEFAULT_STUCK_DAYS)
        self.stuck.setSuffix(self.tr(" days"))
        self.stuck.setToolTip(self.tr("A deal is stuck when its stage has not changed, and nothing was done or "
                                      "scheduled, for this many days"))
        for combo in (self.team, self.rep, self.product):
            combo.setMinimumContentsLength(10)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.set_options({"teams": [], "people": [], "products": [], "currencies": []})
        # Each label stays with its field; the groups wrap onto a second line when narrow.
        for label, widgets in ((self.tr("Period"), (self.period, self.date_from, self.date_to)),
                               (self.tr("Team"), (self.team,)), (self.tr("Rep"), (self.rep,)),
                               (self.tr("Product"), (self.product,)), (self.tr("Currency"), (self.currency,)),
                               (self.tr("Stuck after"), (self.stuck,))):
            group = QWidget(self)
            row = QHBoxLayout(group)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(QLabel(label, group))
            for widget in widgets:
                widget.setParent(group)
                row.addWidget(widget)
            layout.addWidget(group)
        self._show_dates()
        self.period.currentIndexChanged.connect(lambda _i: (self._show_dates(), self._emit()))
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _d: self._emit())
        for combo in (self.team, self.rep, self.product, self.currency):
            combo.currentIndexChanged.connect(lambda _i: self._emit())
        self.stuck.editingFinished.connect(self._emit)

    # -- options and values ----------------------------------------------------------
    def set_options(self, options: dict) -> None:
        """Fill the choices (app.queries.report_filters.options), keeping what is chosen."""
        self._quiet = True
        try:
            self._fill(self.team, [("", self.tr("All teams"))]
                       + ([(MINE, self.tr("My reports"))] if self.ws.actor.role == "manager" else [])
                       + [(t, t) for t in options["teams"]])
            self._fill(self.rep, [("", self.tr("Everyone"))] + [(p["id"], p["name"]) for p in options["people"]])
            self._fill(self.product, [("", self.tr("All products"))]
                       + [(p["id"], p["name"]) for p in options["products"]])
            self._fill(self.currency, [("", self.tr("Main currency"))]
                       + [(c, metric_text.currency(c)) for c in options["currencies"]])
        finally:
            self._quiet = False

    @staticmethod
    def _fill(combo: QComboBox, items: list[tuple[str, str]]) -> None:
        chosen = combo.currentData()
        combo.clear()
        for value, text in items:
            combo.addItem(text, value)
        if chosen and combo.findData(chosen) < 0:
            combo.addItem(str(chosen), chosen)  # a default from the role, not (yet) among the options
        combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen else 0)

    def set_filter(self, f: ReportFilter) -> None:
        """Show `f` (the role's default filter) without emitting."""
        self._quiet = True
        try:
            self.period.setCurrentIndex(self.period.findData("custom" if f.date_from or f.date_to else "all"))
            if f.date_from:
                self.date_from.setDate(QDate.fromString(f.date_from, "yyyy-MM-dd"))
            if f.date_to:
                self.date_to.setDate(QDate.fromString(f.date_to, "yyyy-MM-dd"))
            self._choose(self.team, MINE if f.manager else f.team)
            self._choose(self.rep, f.rep)
            self._choose(self.product, f.product_id)
            self._choose(self.currency, f.currency)
            self.stuck.setValue(f.stuck_days)
            self._show_dates()
        finally:
            self._quiet = False

    @staticmethod
    def _choose(combo: QComboBox, value: str | None) -> None:
        if value and combo.findData(value) < 0:
            combo.addItem(str(value), value)
        combo.setCurrentIndex(combo.findData(value) if value else 0)

    def current(self) -> ReportFilter:
        """The filter as chosen now."""
        code = self.period.currentData()
        if code == "custom":
            first = self.date_from.date().toString("yyyy-MM-dd")
            last = self.date_to.date().toString("yyyy-MM-dd")
            first, last = min(first, last), max(first, last)
        else:
            first, last = period_dates(code, clock.today())
        team = self.team.currentData() or None
        return ReportFilter(date_from=first, date_to=last, rep=self.rep.currentData() or None,
                            team=team if team != MINE else None, manager=self.ws.actor.id if team == MINE else None,
                            product_id=self.product.currentData() or None, currency=self.currency.currentData() or None,
                            stuck_days=self.stuck.value())

    def _show_dates(self) -> None:
        custom = self.period.currentData() == "custom"
        self.date_from.setVisible(custom)
        self.date_to.setVisible(custom)

    def _emit(self) -> None:
        if not self._quiet:
            self.sig_changed.emit(self.current())
