"""A table model over record ids with a page cache.

Sorting and filtering happen in SQL (app/queries/listing.py). Loading is two-phase so a
big list paints at once: first the count and the first page (a top-N query), then the
full ordered id list; rows are fetched by id a page at a time, in the background, when
the view first asks for them. The GUI thread never waits on the database: a row not yet
fetched shows a placeholder until its page arrives.
"""
from __future__ import annotations

import time
from collections import OrderedDict

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from app.queries import listing
from ui import formatting

PAGE = 200
PAGES_KEPT = 60
PLACEHOLDER = "…"
ID_ROLE = Qt.ItemDataRole.UserRole
SYNC_COLORS = {"conflict": "#c62828", "rejected": "#e65100", "pending": "#1565c0"}
# data() runs thousands of times a second while scrolling: roles and flags as plain ints
# (PySide enum arithmetic costs microseconds a call), texts formatted once per row.
DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
ALIGN = int(Qt.ItemDataRole.TextAlignmentRole.value)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
USER = int(ID_ROLE.value)
LEFT = int((Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter).value)
RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
NO_FLAGS = Qt.ItemFlag.NoItemFlags


class RecordTableModel(QAbstractTableModel):
    """Rows of one ListSpec. `sig_loaded(count, seconds)` after each (re)load's first page."""

    sig_loaded = Signal(int, float)

    def __init__(self, workspace, spec: listing.ListSpec, parent=None, *, conditions: dict | None = None,
                 params: dict | None = None):
        super().__init__(parent)
        self.ws = workspace
        self.spec = spec
        self.columns = spec.columns
        self.conditions = dict(conditions or {})
        # Values a spec's own conditions use besides the saved filters' (a report's drill-down ids).
        self.params = dict(params or {})
        self.filter_key: str | None = None
        self.quick: str = ""
        self.sort_key = spec.default_sort
        self.descending = spec.descending
        self._ids: list[str | None] = []
        self._rows: dict[str, tuple] = {}
        self._pages: OrderedDict[int, list[str]] = OrderedDict()
        self._requested: set[int] = set()
        self._generation = 0
        self._started = 0.0
        self.loading = False
        self.started = False
        self._texts: dict[str, tuple[str, ...]] = {}
        # Where each column's values start in a fetched row (money columns carry a currency).
        self._offsets = []
        offset = 0
        for c in self.columns:
            self._offsets.append(offset)
            offset += 2 if c.kind == "money" else 1
        self._align = [RIGHT if c.kind in ("money", "percent") else LEFT for c in self.columns]
        self._colour_columns = {i for i, c in enumerate(self.columns) if c.kind in ("sync", "due")}

    # -- loading --------------------------------------------------------------------
    def options(self) -> dict:
        return {"filter_key": self.filter_key, "quick": self.quick or None, "sort": self.sort_key,
                "descending": self.descending, "conditions": self.conditions or None}

    def _params(self) -> dict:
        return {**self.ws.filter_params(), **self.params}

    def reload(self) -> None:
        """Start again from the first page (a new filter, sort or quick search)."""
        self._generation += 1
        generation = self._generation
        self.started = True
        self._started = time.perf_counter()
        self.loading = True
        params = self._params()
        options = self.options()
        self.ws.ops.query(listing.first_page, self.spec, params=params, size=PAGE, **options,
                          on_done=lambda r: self._first_page(generation, r))

    def refresh(self) -> None:
        """Re-read after a change elsewhere, keeping the rows in place when the order is unchanged."""
        generation = self._generation
        params = self._params()
        self.ws.ops.query(listing.list_ids, self.spec, params=params, **self.options(),
                          on_done=lambda ids: self._all_ids(generation, ids, refresh=True))

    def _first_page(self, generation: int, result) -> None:
        if generation != self._generation:
            return
        total, ids, rows = result
        self.beginResetModel()
        self._ids = ids + [None] * (total - len(ids))
        self._rows = dict(rows)
        self._texts.clear()
        self._pages.clear()
        self._requested.clear()
        if ids:
            self._pages[0] = ids
        self.endResetModel()
        self.sig_loaded.emit(total, time.perf_counter() - self._started)
        if total > len(ids):
            self.ws.ops.query(listing.list_ids, self.spec, params=self._params(), **self.options(),
                              on_done=lambda all_ids: self._all_ids(generation, all_ids))
        else:
            self.loading = False

    def _all_ids(self, generation: int, ids: list[str], refresh: bool = False) -> None:
        if generation != self._generation:
            return
        self.loading = False
        if len(ids) != len(self._ids) or (refresh and ids != self._ids):
            self.beginResetModel()
            self._ids = list(ids)
            self._rows.clear()
            self._texts.clear()
            self._pages.clear()
            self._requested.clear()
            self.endResetModel()
            return
        self._ids = list(ids)
        if refresh:
            self._rows.clear()
            self._texts.clear()
            self._pages.clear()
            self._requested.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(self.columns) - 1))

    def _want(self, page: int) -> None:
        if page in self._requested:
            return
        ids = [i for i in self._ids[page * PAGE:(page + 1) * PAGE] if i is not None]
        if not ids:
            return
        self._requested.add(page)
        generation = self._generation
        self.ws.ops.query(listing.fetch_rows, self.spec, ids,
                          on_done=lambda rows: self._page_arrived(generation, page, ids, rows))

    def _page_arrived(self, generation: int, page: int, ids: list[str], rows: dict) -> None:
        self._requested.discard(page)
        if generation != self._generation:
            return
        self._rows.update(rows)
        # Rows that vanished meanwhile show empty rather than asking again forever.
        for rid in ids:
            self._rows.setdefault(rid, ())
        self._pages[page] = ids
        self._pages.move_to_end(page)
        while len(self._pages) > PAGES_KEPT:
            _, old = self._pages.popitem(last=False)
            for rid in old:
                self._rows.pop(rid, None)
                self._texts.pop(rid, None)
        first, last = page * PAGE, min(len(self._ids), (page + 1) * PAGE) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))

    # -- settings from the view -------------------------------------------------------
    def set_filter(self, key: str | None) -> None:
        self.filter_key = key or None
        self.reload()

    def set_quick(self, text: str) -> None:
        self.quick = text.strip()
        self.reload()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.sort_key = self.columns[column].key
        self.descending = order == Qt.SortOrder.DescendingOrder
        # The view sorts once when sorting is switched on; the list loads when shown.
        if self.started:
            self.reload()

    # -- model ---------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return formatting.label(self.columns[section].label)
        elif orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index):
        return ROW_FLAGS if index.isValid() else NO_FLAGS

    def record_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def value(self, row: int, column: int):
        """The raw value of a cell, or None when its page is not here yet."""
        rid = self.record_id(row)
        values = self._rows.get(rid) if rid else None
        if not values:
            return None
        return values[self._offsets[column]]

    def _row_texts(self, rid: str, values: tuple) -> tuple[str, ...]:
        texts = []
        for i, col in enumerate(self.columns):
            at = self._offsets[i]
            texts.append(self.ws.display(col.kind, values[at], values[at + 1] if col.kind == "money" else None)
                         if values else "")
        out = self._texts[rid] = tuple(texts)
        return out

    def cell_text(self, row: int, column: int) -> str:
        rid = self._ids[row] if 0 <= row < len(self._ids) else None
        if rid is None:
            return PLACEHOLDER
        texts = self._texts.get(rid)
        if texts is not None:
            return texts[column]
        values = self._rows.get(rid)
        if values is None:
            self._want(row // PAGE)
            return PLACEHOLDER
        return self._row_texts(rid, values)[column]

    def data(self, index, role=DISPLAY):
        # Text roles answer "" rather than None for a NULL value (see formatting of cells).
        if not index.isValid():
            return None
        role = int(role)
        if role == DISPLAY:
            return self.cell_text(index.row(), index.column())
        if role == ALIGN:
            return self._align[index.column()]
        column = index.column()
        if role == FOREGROUND:
            if column not in self._colour_columns:
                return None
            row = index.row()
            col = self.columns[column]
            raw = self.value(row, column)
            if col.kind == "sync" and raw in SYNC_COLORS:
                return QColor(SYNC_COLORS[raw])
            if col.kind == "due" and raw and raw < self.ws.now_iso() and self._open_task(row):
                return QColor("#c62828")
            return None
        if role == USER:
            return self.record_id(index.row()) or ""
        if role == TOOLTIP:
            col = self.columns[column]
            if col.kind == "sync":
                return self.ws.sync_badge_tooltip(self.value(index.row(), column) or "")
            return ""
        return None

    def _open_task(self, row: int) -> bool:
        for i, c in enumerate(self.columns):
            if c.key == "done":
                return not self.value(row, i)
        return True

    # -- export ----------------------------------------------------------------------
    def known_ids(self) -> list[str]:
        return [i for i in self._ids if i is not None]
