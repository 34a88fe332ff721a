"""The wizard's mapping table: one row per field of the entity, with the file's column
it comes from, the value to use when that cell is empty, and its value map.

Edits build an app.imports.mapping.Mapping; rules the table cannot show whole (a
template, a constant from a saved mapping) are kept until the user picks a column.
"""
from __future__ import annotations

import dataclasses

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate

from app.imports.mapping import FieldRule, Mapping, parse_mapping
from app.rules.schema import entity_spec

FIELD, COLUMN, DEFAULT, VALUES = range(4)


def importable_fields(entity: str) -> list[str]:
    """The fields an import may set, required ones first, then as the model declares them."""
    spec = entity_spec(entity)
    names = [n for n, f in spec.fields.items() if (not f.system or n == "id") and not f.server]
    return sorted(names, key=lambda n: (not spec.fields[n].required, n == "id", names.index(n)))


class MappingModel(QAbstractTableModel):
    """Fields (rows) x Field | Column | When empty | Values. The Column cell is edited with
    a list of the file's columns (ColumnDelegate); "" maps nothing."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.entity = "customer"
        self.fields: list[str] = importable_fields("customer")
        self.columns: list[str] = []
        self.rules: dict[str, FieldRule] = {}
        self.base: Mapping | None = None
        self.match_field: str | None = None

    # -- loading ---------------------------------------------------------------------
    def set_mapping(self, entity: str, columns: list[str], mapping: Mapping | None) -> None:
        self.beginResetModel()
        self.entity = entity
        self.fields = importable_fields(entity)
        self.columns = list(columns)
        self.base = mapping
        self.rules = dict(mapping.fields) if mapping else {}
        self.match_field = mapping.match if mapping else None
        self.endResetModel()

    def mapping(self, name: str | None = None) -> Mapping:
        """The mapping as edited, checked like a saved one (MappingProblem if unusable)."""
        base = self.base or Mapping(entity=self.entity, fields={})
        match = self.match_field if self.match_field in self.rules else None
        edited = dataclasses.replace(base, entity=self.entity, fields=dict(self.rules), match=match,
                                     name=name or base.name)
        return parse_mapping(edited.as_dict(), source=name or "the mapping")

    def mapped(self) -> list[str]:
        return [f for f in self.fields if f in self.rules]

    # -- the model --------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.fields)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < 4:
            return (self.tr("Field"), self.tr("Column in the file"), self.tr("When empty"), self.tr("Values"))[section]
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if index.column() in (COLUMN, DEFAULT) else base

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.fields):
            return None
        name = self.fields[index.row()]
        rule = self.rules.get(name)
        spec = entity_spec(self.entity).fields[name]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (rule.why if rule and rule.why else "") or self._field_hint(spec)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        column = index.column()
        if column == FIELD:
            return name + (" *" if spec.required else "")
        if column == COLUMN:
            if rule is None:
                return ""
            if rule.column:
                return rule.column
            if rule.template:
                return self.tr("template: %1").replace("%1", " / ".join(rule.template))
            if rule.has_constant:
                return self.tr("always “%1”").replace("%1", str(rule.value))
            return ""
        if column == DEFAULT:
            return "" if rule is None or rule.default is None else str(rule.default)
        if column == VALUES:
            return self.tr("%n value(s) mapped", "", len(rule.values)) if rule and rule.values else ""
        return None

    def _field_hint(self, spec) -> str:
        if spec.ref:
            return self.tr("A name (or id) of a %1; found by name when importing").replace("%1", spec.ref)
        if spec.vocab or spec.choices:
            return self.tr("A code or its label; unknown values are put to you as decisions")
        if spec.name.endswith("_minor"):
            return self.tr("An amount, as a decimal number (1234.56)")
        return ""

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() not in (COLUMN, DEFAULT):
            return False
        name = self.fields[index.row()]
        rule = self.rules.get(name)
        text = str(value or "").strip()
        if index.column() == COLUMN:
            if text and text not in self.columns:
                return False
            self._set_column(name, rule, text or None)
        else:
            self._set_default(name, rule, text or None)
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 3))
        return True

    def _set_column(self, name: str, rule: FieldRule | None, column: str | None) -> None:
        keep = {} if rule is None else {"values": rule.values, "lookup": rule.lookup, "default": rule.default,
                                        "format": rule.format, "transform": rule.transform, "why": rule.why}
        if column is None:
            if keep.get("default") is not None:
                self.rules[name] = FieldRule(name, default=keep["default"], why=keep.get("why"))
            else:
                self.rules.pop(name, None)
            return
        unit = rule.unit if rule and rule.column == column else None
        if name.endswith("_minor") and unit is None:
            unit = "minor" if column.lower().replace(" ", "_") == name else "major"
        self.rules[name] = FieldRule(name, column=column, unit=unit, **keep)

    def _set_default(self, name: str, rule: FieldRule | None, default: str | None) -> None:
        if rule is None:
            if default is not None:
                self.rules[name] = FieldRule(name, default=default)
            return
        if rule.column or rule.template or rule.has_constant or default is not None:
            self.rules[name] = dataclasses.replace(rule, default=default)
        else:
            self.rules.pop(name, None)

    def set_values(self, name: str, values: dict | None) -> None:
        """Give a mapped field its value map (folded source text -> code, or None for empty)."""
        rule = self.rules.get(name)
        if rule is None:
            return
        self.rules[name] = dataclasses.replace(rule, values=values or None)
        row = self.fields.index(name)
        self.dataChanged.emit(self.index(row, 0), self.index(row, 3))


class ColumnDelegate(QStyledItemDelegate):
    """Edits the Column cell with a drop-down of the file's columns."""

    def __init__(self, model: MappingModel, parent=None):
        super().__init__(parent)
        self.mapping_model = model

    def createEditor(self, parent, option, index):
        if index.column() != COLUMN:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        combo.addItem(self.tr("— not imported —"), "")
        for column in self.mapping_model.columns:
            combo.addItem(column, column)
        return combo

    def setEditorData(self, editor, index):
        if isinstance(editor, QComboBox):
            rule = self.mapping_model.rules.get(self.mapping_model.fields[index.row()])
            editor.setCurrentIndex(max(0, editor.findData(rule.column if rule and rule.column else "")))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)
