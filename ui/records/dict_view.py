"""The table view for short lists (a quote's lines, a billing plan, an inbox): rows
selected whole, alternating colours, no row numbers, the last column stretched."""
from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def small_table(model, parent=None, *, editable: bool = False) -> QTableView:
    """A QTableView over `model` (may be None, set later); `editable` lets a person type
    into the cells the model allows (on a double-click, a key press or a selected cell's click)."""
    view = QTableView(parent)
    if model is not None:
        view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.horizontalHeader().setStretchLastSection(True)
    if editable:
        view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.SelectedClicked
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
    else:
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    return view
