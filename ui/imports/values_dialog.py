"""Mapping a column's values to codes: each distinct value in the file next to the code
it becomes ("科技" -> technology, "n/a" -> leave empty). Values left "as written" go to
the importer as they are (a code or a label it knows, or a decision for you later)."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QLabel, QScrollArea, QVBoxLayout, QWidget, QFormLayout,
)

from app.imports import cells
from app.rules.schema import entity_spec
from ui import formatting

AS_WRITTEN = "\x00as-written"
EMPTY = "\x00empty"
MAX_VALUES = 200


def distinct_values(table, column: str, limit: int = MAX_VALUES) -> list[str]:
    """The column's distinct non-empty values, in the order they first appear."""
    at = table.columns.index(column)
    seen: dict[str, str] = {}
    for row in table.rows:
        text = row[at].strip() if at < len(row) else ""
        if text and cells.fold(text) not in seen:
            seen[cells.fold(text)] = text
            if len(seen) >= limit:
                break
    return list(seen.values())


def code_choices(workspace, entity: str, field: str) -> list[tuple[str, str]]:
    """(code, shown) of the codes a field takes: its vocabulary's or its fixed choices."""
    spec = entity_spec(entity).fields[field]
    if spec.vocab:
        return [(code, f"{label} ({code})" if label != code else code) for code, label in workspace.codes(spec.vocab)]
    if spec.choices:
        return [(c, f"{formatting.status(c)} ({c})" if formatting.status(c) != c else c) for c in spec.choices]
    return []


class ValuesDialog(QDialog):
    """`values()` after it is accepted: {folded source text: code or None}."""

    def __init__(self, workspace, entity: str, field: str, sources: list[str], current: dict | None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Values of %1").replace("%1", field))
        self.resize(560, 480)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("What each value in the file becomes. Values you leave as written are "
                                        "imported as they are when they are codes or labels; any other is put to "
                                        "you as a decision."), self, wordWrap=True))
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        inner = QWidget(area)
        form = QFormLayout(inner)
        choices = code_choices(workspace, entity, field)
        current = current or {}
        self.combos: dict[str, QComboBox] = {}
        for text in sources:
            combo = QComboBox(inner)
            combo.addItem(self.tr("(as written)"), AS_WRITTEN)
            combo.addItem(self.tr("(leave empty)"), EMPTY)
            for code, shown in choices:
                combo.addItem(shown, code)
            folded = cells.fold(text)
            if folded in current:
                target = current[folded]
                combo.setCurrentIndex(max(0, combo.findData(EMPTY if target is None else target)))
            form.addRow(text, combo)
            self.combos[folded] = combo
        area.setWidget(inner)
        layout.addWidget(area, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choose(self, source: str, code: str | None) -> None:
        """Map `source` to `code` (None: leave empty) as the user would."""
        combo = self.combos[cells.fold(source)]
        combo.setCurrentIndex(combo.findData(EMPTY if code is None else code))

    def values(self) -> dict:
        out = {}
        for folded, combo in self.combos.items():
            value = combo.currentData()
            if value == AS_WRITTEN:
                continue
            out[folded] = None if value == EMPTY else value
        return out
