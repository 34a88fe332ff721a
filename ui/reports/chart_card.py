"""One metric on the dashboard: its title (the definition on hover), the headline
figures, a QtCharts bar chart whose bars open their list, the data as a table, and
exports of the chart (PNG) and of its data (CSV, XLSX)."""
from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QHorizontalBarSeries, QStackedBarSeries, QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFileDialog, QFrame, QHBoxLayout, QLabel, QMenu, QSizePolicy, QTableView,
    QToolButton, QToolTip, QVBoxLayout,
)

from app.reports import kpis
from ui import formatting
from ui.records.dict_model import DictTableModel
from ui.reports import chart_data, metric_text

MAX_BARS = {"hbar": 15, "bar": 12, "stacked": 12}   # categories drawn; the table and exports hold all
CHART_HEIGHT = 270
LABEL_CHARS = 18       # a category's name on the axis is cut here (whole in the tooltip)
translate = QCoreApplication.translate
COLOURS = ("#1e88e5", "#43a047", "#fb8c00", "#8e24aa", "#e53935", "#00897b")


class ChartCard(QFrame):
    """`sig_drill(metric_key, drill)` when a bar that stands for records is clicked;
    `sig_exported(message)` after an export was written."""

    sig_drill = Signal(str, dict)
    sig_exported = Signal(str)

    def __init__(self, workspace, key: str, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.key = key
        self.figures: dict | None = None
        self.report: dict | None = None
        self.data: chart_data.ChartData | None = None
        self.scale = 1.0
        self._sets: list[QBarSet] = []
        self._order: list[int] = []   # the data's category index of each bar drawn
        self.setObjectName(f"card_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        head = QHBoxLayout()
        self.title = QLabel(metric_text.title(key) + "  ⓘ", self)
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.title.setToolTip(_wrap(metric_text.definition(key)))
        head.addWidget(self.title)
        head.addStretch(1)
        self.measure = QComboBox(self)
        for code, label in chart_data.measures(key):
            self.measure.addItem(metric_text.translated(label), code)
        self.measure.setVisible(self.measure.count() > 1)
        self.measure.currentIndexChanged.connect(lambda _i: self.redraw())
        head.addWidget(self.measure)
        self.table_button = QToolButton(self)
        self.table_button.setText(self.tr("Table"))
        self.table_button.setCheckable(True)
        self.table_button.setToolTip(self.tr("Show the figures as a table"))
        head.addWidget(self.table_button)
        self.export_button = QToolButton(self)
        self.export_button.setText(self.tr("Export"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self)
        menu.addAction(self.tr("Chart as PNG image…"), lambda: self.choose_export("png"))
        menu.addAction(self.tr("Data as CSV…"), lambda: self.choose_export("csv"))
        menu.addAction(self.tr("Data as Excel workbook (XLSX)…"), lambda: self.choose_export("xlsx"))
        self.export_button.setMenu(menu)
        head.addWidget(self.export_button)
        layout.addLayout(head)
        self.headline = QLabel(self.tr("Loading…"), self)
        self.headline.setWordWrap(True)
        self.headline.setMinimumHeight(self.headline.fontMetrics().lineSpacing() * 2 + 4)
        self.headline.setToolTip(self.title.toolTip())
        self.headline.setStyleSheet("font-size: 13px; color: palette(text);")
        layout.addWidget(self.headline)

        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.setMargins(QMargins(2, 2, 2, 2))
        self.chart.setBackgroundRoundness(0)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.view = QChartView(self.chart, self)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        # A chart view asks for the size its chart last had: fixed bounds keep the rows even.
        self.view.setFixedHeight(CHART_HEIGHT)
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout.addWidget(self.view)
        self.table_model = DictTableModel([], self)
        self.table = QTableView(self)
        self.table.setModel(self.table_model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setFixedHeight(CHART_HEIGHT)
        self.table.hide()
        layout.addWidget(self.table)
        self.table_button.toggled.connect(self._show_table)

    # -- data --------------------------------------------------------------------------
    def set_metric(self, metric: dict, report: dict) -> None:
        """Show `metric` of `report` (app.reports.compute's result)."""
        self.figures, self.report = metric, report
        self.redraw()

    def current_measure(self) -> str | None:
        return self.measure.currentData()

    def redraw(self) -> None:
        if self.figures is None:
            return
        self.data = data = chart_data.chart(self.figures, self.report, self.current_measure())
        self.headline.setText(data.headline)
        self._fill_table(data)
        self._draw(data)

    def _fill_table(self, data) -> None:
        currency = data.currency or self.figures.get("currency")
        columns = [(c, chart_data.column_title(c, currency),
                    lambda r, c=c: chart_data.cell_text(c, r.get(c), currency)) for c in data.columns]
        self.table_model.columns = columns
        self.table_model.set_rows(data.rows)

    def _draw(self, data) -> None:
        chart = self.chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        shown = min(len(data.categories), MAX_BARS[data.kind])
        horizontal = data.kind == "hbar"
        order = list(range(len(data.categories) - shown, len(data.categories))) if data.latest else list(range(shown))
        if horizontal:  # drawn bottom-up: reversed, the first row is on top
            order = order[::-1]
        peak = max([abs(s.values[i]) for s in data.series for i in order] or [0])
        self.scale, unit_word = _scale(peak) if data.unit == "money" else (1.0, "")
        series = QHorizontalBarSeries() if horizontal else QStackedBarSeries() if data.kind == "stacked" \
            else QBarSeries()
        self._sets = []
        for n, s in enumerate(data.series):
            bar_set = QBarSet(s.name)
            bar_set.setColor(QColor(COLOURS[n % len(COLOURS)]))
            bar_set.append([s.values[i] / self.scale for i in order])
            bar_set.clicked.connect(lambda index, n=n, order=order: self._clicked(n, order[index]))
            bar_set.hovered.connect(lambda status, index, n=n, order=order: self._hovered(status, n, order[index]))
            series.append(bar_set)
            self._sets.append(bar_set)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([_cut(data.categories[i]) for i in order])
        values = QValueAxis()
        values.setLabelFormat(_label_format(data.unit))
        values.setMin(0)
        values.setMax(max(peak / self.scale * 1.1, 1) if data.kind != "stacked" else
                      max(_stack_peak(data, order) / self.scale * 1.1, 1))
        if data.unit == "percent":
            values.setMax(100)
        values.applyNiceNumbers()
        values.setTitleText(_unit_title(data, unit_word))
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
        categories.setLabelsFont(font)
        values.setLabelsFont(font)
        if not horizontal and shown > 7:
            categories.setLabelsAngle(-90)  # many months side by side: upright, they stay whole
        if horizontal:
            chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
            chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        else:
            chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(values)
        chart.legend().setVisible(len(data.series) > 1)
        if not data.categories:
            self.headline.setText(data.headline + "\n" + self.tr("Nothing to show for this filter."))
        elif len(data.categories) > shown:
            more = self.tr("The last %1 of %2 shown; the table has them all.") if data.latest else \
                self.tr("The first %1 of %2 shown; the table has them all.")
            self.headline.setText(data.headline + "\n" + more.replace("%1", str(shown))
                                  .replace("%2", str(len(data.categories))))
        self._order = order

    def bar_values(self) -> list[list[float]]:
        """The values drawn, per series, in the data's order (in the data's units)."""
        out = []
        for bar_set in self._sets:
            by_index = {i: bar_set.at(n) * self.scale for n, i in enumerate(self._order)}
            out.append([by_index[i] for i in sorted(by_index)])
        return out

    # -- interaction -------------------------------------------------------------------
    def _clicked(self, series: int, index: int) -> None:
        drill = self.data.drill(series, index) if self.data else None
        if drill:
            self.sig_drill.emit(self.key, drill)

    def click_bar(self, series: int, index: int) -> None:
        """What clicking the bar of `series` at category `index` (the data's order) does."""
        self._clicked(series, index)

    def _hovered(self, status: bool, series: int, index: int) -> None:
        if not status or self.data is None:
            QToolTip.hideText()
            return
        QToolTip.showText(QCursor.pos(), self.bar_text(series, index), self.view)

    def bar_text(self, series: int, index: int) -> str:
        data = self.data
        s = data.series[series]
        value = s.values[index]
        if data.unit == "money":
            shown = formatting.money(round(value * 10 ** chart_data.exponent(data.currency)), data.currency)
        elif data.unit == "percent":
            shown = f"{value:.1f}%"
        elif data.unit == "days":
            shown = self.tr("%1 days").replace("%1", f"{value:,.1f}")
        else:
            shown = f"{value:,.0f}"
        text = f"{data.categories[index]}\n{s.name}: {shown}"
        if data.drill(series, index):
            text += "\n" + self.tr("Click to open the list")
        return text

    def _show_table(self, on: bool) -> None:
        self.table.setVisible(on)
        self.view.setVisible(not on)

    # -- export ------------------------------------------------------------------------
    def choose_export(self, fmt: str) -> None:
        name = {"png": "png", "csv": "csv", "xlsx": "xlsx"}[fmt]
        filters = {"png": self.tr("PNG images (*.png)"), "csv": self.tr("CSV files (*.csv)"),
                   "xlsx": self.tr("Excel workbooks (*.xlsx)")}
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export"), f"{self.key}.{name}", filters[fmt])
        if path:
            if not path.lower().endswith("." + name):
                path += "." + name
            self.export_png(path) if fmt == "png" else self.export_data(path)

    def export_png(self, path: str) -> bool:
        """Save the chart as drawn now to a PNG file; True when written."""
        ok = self.view.grab().save(path, "PNG")
        self.sig_exported.emit(self.tr("Chart saved to %1").replace("%1", path) if ok
                               else self.tr("The chart could not be saved to %1").replace("%1", path))
        return ok

    def export_data(self, path: str):
        """Write the figures shown (the chosen view of the metric) to CSV or XLSX, in the
        background; returns the task."""
        shown = {**self.figures, "title": metric_text.title(self.key), "columns": self.data.columns,
                 "rows": self.data.rows}
        return self.ws.ops.submit(kpis.export, shown, path, on_done=lambda n: self.sig_exported.emit(
            self.tr("%n row(s) exported to %1", "", n).replace("%1", path)))


def _stack_peak(data, order: list[int]) -> float:
    return max([sum(s.values[i] for s in data.series) for i in order] or [0])


def _scale(peak: float) -> tuple[float, str]:
    """Big amounts are drawn in thousands or millions (ten-thousands and hundred-millions
    in Chinese), so the axis labels stay short."""
    steps = ((1e8, "亿"), (1e4, "万")) if formatting.language() == "zh" else \
        ((1e9, "billions"), (1e6, "millions"), (1e3, "thousands"))
    for size, word in steps:
        if peak >= size * 10:
            return size, word
    return 1.0, ""


def _unit_title(data, unit_word: str) -> str:
    if data.unit == "money":
        words = {"thousands": translate("ChartCard", "thousands"), "millions": translate("ChartCard", "millions"),
                 "billions": translate("ChartCard", "billions")}
        scale = words.get(unit_word, unit_word)
        return metric_text.currency(data.currency) + (f" ({scale})" if scale else "")
    return {"count": translate("Metrics", "Count"), "percent": "%", "days": translate("Metrics", "Days")}.get(data.unit, "")


def _label_format(unit: str) -> str:
    return {"percent": "%.0f%%", "days": "%.0f", "count": "%.0f"}.get(unit, "%.0f")


def _cut(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[:LABEL_CHARS - 1] + "…"


def _wrap(text: str) -> str:
    """A definition as rich text, so the tooltip wraps instead of running off the screen."""
    return f"<p style='white-space: normal; width: 420px'>{text}</p>"
