"""The responsibility matrix (RACI): for each step of the chain, what each role is. The R
of a step gets its items in the inbox. Administrators edit it; everyone reads it."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QPushButton, QStyledItemDelegate, QVBoxLayout, QWidget,
)

from app.errors import ValidationError
from app.queries.read_unit import read
from app.rules.states import RACI, ROLES
from app.services import responsibilities
from ui.records.dict_view import small_table
from ui.records.rows_model import GOOD, OVERDUE, Col, RowsModel
from ui.roles import is_admin

LETTER_COLOURS = {"R": "#1565c0", "A": GOOD}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Responsibilities", text)


def role_name(role: str) -> str:
    return {"rep": _tr("Sales rep"), "manager": _tr("Manager"), "finance": _tr("Finance"),
            "admin": _tr("Administrator")}.get(role, role)


def save_matrix(uow, rows: dict[str, dict[str, str]]) -> list[dict]:
    """Store the rows of the matrix that changed (step -> role -> letter), every step
    checked by responsibilities.set_step; nothing is stored if one is refused."""
    errors, saved = {}, []
    for step, assignments in rows.items():
        try:
            saved.append({"step": step, "roles": responsibilities.set_step(uow, step, assignments)})
        except ValidationError as exc:
            errors[step] = "; ".join(exc.fields.values())
    if errors:
        raise ValidationError(errors)
    return saved


class RaciModel(RowsModel):
    """One row per process step, one column per role (plus the target time)."""

    sig_changed = Signal()

    def __init__(self, workspace, parent=None):
        super().__init__([], parent)
        self.ws = workspace
        self.read_only = True
        self.stored: dict[str, dict[str, str]] = {}
        cols = [Col("step", self.tr("Step"), lambda r: workspace.label("handoff_target_hours", r["step"]))]
        for role in ROLES:
            cols.append(Col(role, role_name(role), lambda r, role=role: r["roles"][role], center=True,
                            editable=True, colour=lambda r, role=role: LETTER_COLOURS.get(r["roles"][role], ""),
                            tip=lambda r, role=role: self._tip(r, role)))
        cols.append(Col("target", self.tr("Target time"), lambda r: self._target(r["step"]), right=True))
        self.columns = cols

    def set_matrix(self, table: list[dict]) -> None:
        self.stored = {r["step"]: dict(r["roles"]) for r in table}
        self.set_rows([{"step": r["step"], "roles": dict(r["roles"])} for r in table])

    def changed_rows(self) -> dict[str, dict[str, str]]:
        return {r["step"]: r["roles"] for r in self.rows if r["roles"] != self.stored.get(r["step"])}

    def can_edit(self, row: int, key: str) -> bool:
        return not self.read_only

    def edit(self, row: int, key: str, value) -> bool:
        letter = str(value or "").strip().upper()
        if key not in ROLES or letter not in RACI:
            return False
        self.rows[row]["roles"][key] = letter
        self.sig_changed.emit()
        return True

    def _target(self, step: str) -> str:
        hours = self.ws.dictionary.number("handoff_target_hours", step)
        return self.tr("%1 h").replace("%1", str(hours)) if hours is not None else ""

    def _tip(self, row: dict, role: str) -> str:
        return {"R": _tr("Responsible: does the work; the step's items land in this role's inbox"),
                "A": _tr("Accountable: answers for the outcome"), "C": _tr("Consulted before the decision"),
                "I": _tr("Informed of the outcome")}.get(row["roles"][role], "")


class LetterDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):
        box = QComboBox(parent)
        box.addItems(list(RACI))
        return box

    def setEditorData(self, editor, index):
        editor.setCurrentText(index.data())

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentText())


class ResponsibilitiesPage(QWidget):
    """`sig_loaded()` after the matrix loads."""

    sig_loaded = Signal()

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self._dirty = True
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Responsibilities (RACI)"), self)
        title.setStyleSheet("font-size: 18px; font-weight: bold;")
        layout.addWidget(title)
        legend = QLabel(self.tr("R: responsible, does the work (the step's items land in that role's inbox) · "
                                "A: accountable for the outcome · C: consulted · I: informed. "
                                "Each step has exactly one R and at most one A."), self)
        legend.setWordWrap(True)
        layout.addWidget(legend)
        self.model = RaciModel(workspace, self)
        self.model.read_only = not is_admin(workspace)
        self.view = small_table(self.model, self, editable=not self.model.read_only)
        delegate = LetterDelegate(self.view)
        for i in range(1, len(ROLES) + 1):
            self.view.setItemDelegateForColumn(i, delegate)
            self.view.setColumnWidth(i, 120)
        self.view.setColumnWidth(0, 200)
        layout.addWidget(self.view, 1)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save matrix"), self)
        self.revert_button = QPushButton(self.tr("Undo changes"), self)
        row.addStretch(1)
        row.addWidget(self.revert_button)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        if self.model.read_only:
            self.save_button.hide()
            self.revert_button.hide()
            self.message.setText(self.tr("Only an administrator changes the matrix."))
        self.model.sig_changed.connect(self._update)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.refresh)
        workspace.events.sig_changed.connect(self._changed)
        self._update()

    def start(self, _filter_key: str | None = None) -> None:
        if self._dirty:
            self.refresh()

    def _changed(self, names: set) -> None:
        if names & {"responsibility", "dictionary_entry", "sync"} and not self.model.changed_rows():
            self._dirty = True
            if self.isVisible():
                self.refresh()

    def refresh(self) -> None:
        self._dirty = False
        self.ws.ops.submit(read, self.ws.store, responsibilities.table, on_done=self._arrived,
                           latest=(self, "_arrived"))

    def _arrived(self, table: list[dict]) -> None:
        self.model.set_matrix(table)
        self._update()
        self.sig_loaded.emit()

    def _update(self) -> None:
        changed = bool(self.model.changed_rows())
        self.save_button.setEnabled(changed)
        self.revert_button.setEnabled(changed)

    def save(self) -> None:
        rows = self.model.changed_rows()
        if not rows:
            return
        self.save_button.setEnabled(False)
        self.ws.ops.service(save_matrix, rows, on_done=self._saved, on_error=self._failed)

    def _saved(self, _saved) -> None:
        self.message.setStyleSheet(f"color: {GOOD};")
        self.message.setText(self.tr("Saved. Inboxes follow the new matrix."))
        self.refresh()

    def _failed(self, exc) -> None:
        self._update()
        self.message.setStyleSheet(f"color: {OVERDUE};")
        if isinstance(exc, ValidationError):
            self.message.setText(self.tr("Nothing was saved:") + "\n" + "\n".join(
                f"{self.ws.label('handoff_target_hours', step)}: {text}" for step, text in exc.fields.items()))
        else:
            self.message.setText(self.tr("Nothing was saved: %1").replace("%1", getattr(exc, "message", str(exc))))
