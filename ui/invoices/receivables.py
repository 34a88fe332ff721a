"""Receivables: what customers owe and how late it is, overall and per customer, in the
aging buckets (not yet due, 1-30, 31-60, 61-90, over 90 days); overdue amounts in red,
money received but not yet allocated beside them."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QSplitter, QVBoxLayout, QWidget

from app import clock
from app.queries import receivables
from ui import formatting
from ui.records.dict_view import small_table
from ui.records.rows_model import MUTED, OVERDUE, Col, RowsModel

OVERDUE_BUCKETS = ("1_30", "31_60", "61_90", "over_90")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Receivables", text)


def bucket_label(bucket: str) -> str:
    return {"current": _tr("Not yet due"), "1_30": _tr("1-30 days"), "31_60": _tr("31-60 days"),
            "61_90": _tr("61-90 days"), "over_90": _tr("Over 90 days")}.get(bucket, bucket)


def _bucket_columns(first: Col) -> list[Col]:
    money = lambda key: (lambda r: formatting.money(r[key], r["currency"]) if r[key] else "")  # noqa: E731
    cols = [first]
    for bucket in receivables.BUCKETS:
        cols.append(Col(bucket, bucket_label(bucket), money(bucket), right=True,
                        colour=(lambda r, b=bucket: OVERDUE if r[b] else "") if bucket in OVERDUE_BUCKETS else None))
    cols.append(Col("total", _tr("Total"), money("total"), right=True))
    cols.append(Col("overdue", _tr("Overdue"), money("overdue"), right=True,
                    colour=lambda r: OVERDUE if r["overdue"] else ""))
    return cols


class ReceivablesView(QWidget):
    """`sig_open(entity, id)` for a customer (its 360) or an invoice; `sig_loaded()`."""

    sig_open = Signal(str, str)
    sig_loaded = Signal()

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.aging: dict = {}
        self._dirty = True
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("As of"), self))
        self.as_of = QLineEdit(clock.today().isoformat(), self)
        self.as_of.setMaximumWidth(120)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.summary = QLabel(self)
        self.summary.setObjectName("receivablesSummary")
        top.addWidget(self.as_of)
        top.addWidget(self.refresh_button)
        top.addSpacing(20)
        top.addWidget(self.summary, 1)
        layout.addLayout(top)
        currency_col = Col("currency", self.tr("Currency"))
        self.totals = RowsModel(_bucket_columns(currency_col), self, row_bold=lambda r: True)
        self.totals_view = small_table(self.totals, self)
        layout.addWidget(self.totals_view)
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.customers = RowsModel(_bucket_columns(Col("customer_name", self.tr("Customer"))) + [
            Col("unallocated_minor", self.tr("Unallocated"), lambda r: formatting.money(r["unallocated_minor"],
                                                                                        r["currency"])
                if r["unallocated_minor"] else "", right=True, colour=lambda r: MUTED,
                tip=lambda r: self.tr("Received but not yet allocated to an invoice")),
            Col("oldest_days_past_due", self.tr("Days late"), lambda r: str(r["oldest_days_past_due"])
                if r["oldest_days_past_due"] > 0 else "", right=True,
                colour=lambda r: OVERDUE if r["oldest_days_past_due"] > 0 else "",
                tip=lambda r: self.tr("Days past due of the oldest open invoice")),
        ], self)
        self.customers_view = small_table(self.customers, split)
        self.customers_view.setColumnWidth(0, 240)
        split.addWidget(self.customers_view)
        lower = QWidget(split)
        ll = QVBoxLayout(lower)
        ll.setContentsMargins(0, 0, 0, 0)
        self.items_title = QLabel(self.tr("Select a customer to see its open invoices."), lower)
        ll.addWidget(self.items_title)
        money = lambda key: (lambda r: formatting.money(r[key], r["currency"]))  # noqa: E731
        self.items = RowsModel([
            Col("number", self.tr("Invoice")), Col("issued_on", self.tr("Issued")), Col("due_on", self.tr("Due")),
            Col("days_past_due", self.tr("Days late"), lambda r: str(r["days_past_due"]) if r["overdue"] else "",
                right=True),
            Col("bucket", self.tr("Bucket"), lambda r: bucket_label(r["bucket"])),
            Col("total_minor", self.tr("Total"), money("total_minor"), right=True),
            Col("open_minor", self.tr("Open"), money("open_minor"), right=True),
        ], self, row_colour=lambda r: OVERDUE if r["overdue"] else "")
        self.items_view = small_table(self.items, lower)
        ll.addWidget(self.items_view)
        split.addWidget(lower)
        layout.addWidget(split, 1)
        self.refresh_button.clicked.connect(self.refresh)
        self.as_of.returnPressed.connect(self.refresh)
        self.customers_view.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._customer(cur.row()))
        self.customers_view.doubleClicked.connect(
            lambda i: self.sig_open.emit("customer", self.customers.row(i.row())["customer_id"]))
        self.items_view.doubleClicked.connect(lambda i: self.sig_open.emit("invoice", self.items.row(i.row())["id"]))
        workspace.events.sig_changed.connect(self._changed)

    def day(self) -> str:
        try:
            return clock.parse_date(self.as_of.text()).isoformat()
        except ValueError:
            self.as_of.setText(clock.today().isoformat())
            return self.as_of.text()

    def start(self) -> None:
        if self._dirty:
            self.refresh()

    def _changed(self, names: set) -> None:
        if names & {"invoice", "payment", "payment_allocation", "customer", "sync"}:
            self._dirty = True
            if self.isVisible():
                self.refresh()

    def refresh(self) -> None:
        self._dirty = False
        self.ws.ops.query(receivables.aging, self.day(), on_done=self._arrived, latest=(self, "_arrived"))

    def _arrived(self, aging: dict) -> None:
        self.aging = aging
        self.totals.set_rows([{"currency": cur, **t} for cur, t in sorted(aging["totals"].items(),
                                                                        key=lambda kv: (kv[0] != "CNY", kv[0]))])
        self.customers.set_rows(aging["customers"])
        self._fit(self.customers_view)
        self._fit(self.totals_view)
        # The totals line up with the customers' columns (the wider of the two wins).
        for i in range(len(self.totals.columns) - 1):
            width = max(self.totals_view.columnWidth(i), self.customers_view.columnWidth(i))
            self.totals_view.setColumnWidth(i, width)
            self.customers_view.setColumnWidth(i, width)
        # One row per currency: the totals take no more room than they need.
        header = self.totals_view.horizontalHeader().height()
        rows = self.totals_view.verticalHeader().defaultSectionSize() * max(len(self.totals.rows), 1)
        self.totals_view.setFixedHeight(header + rows + 2 * self.totals_view.frameWidth() + 2)
        overdue = formatting.totals({c: t["overdue"] for c, t in aging["totals"].items()})
        total = formatting.totals({c: t["total"] for c, t in aging["totals"].items()})
        late = sum(1 for c in aging["customers"] if c["overdue"])
        self.summary.setText(self.tr("Open %1 · overdue %2 · %3 customer(s) late").replace("%1", total)
                             .replace("%2", overdue).replace("%3", str(late)))
        self.items.set_rows([])
        self.items_title.setText(self.tr("Select a customer to see its open invoices."))
        self.sig_loaded.emit()

    def _customer(self, row: int) -> None:
        customer = self.customers.row(row)
        if not customer:
            return
        self.items_title.setText(self.tr("Open invoices of %1").replace("%1", customer["customer_name"] or ""))
        self.ws.ops.query(receivables.open_items, self.day(), customer_id=customer["customer_id"],
                          currency=customer["currency"], on_done=self._items, latest=(self, "_items"))

    def _items(self, rows: list[dict]) -> None:
        self.items.set_rows(rows)
        self._fit(self.items_view)

    @staticmethod
    def _fit(view) -> None:
        """Columns as wide as their texts (amounts are never cut), with a little air."""
        view.resizeColumnsToContents()
        header = view.horizontalHeader()
        for i in range(header.count() - 1):
            header.resizeSection(i, header.sectionSize(i) + 16)
