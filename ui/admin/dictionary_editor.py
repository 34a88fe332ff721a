"""The data dictionary editor (admins): vocabularies and named numbers, codes added,
relabelled, reordered, deactivated or brought back; exported as CSV or Markdown. Edits
are synced records: they reach every client on its next sync."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton,
    QSpinBox, QSplitter, QVBoxLayout, QWidget,
)

from app.exports import dictionary as dictionary_export
from app.queries import vocabularies
from app.services import dictionary as dictionary_service
from ui import remote
from ui.conflicts.field_view import ERROR_STYLE
from ui.conflicts.queue import table
from ui.records.dict_model import DictTableModel

NAMES = {"industry": QT_TRANSLATE_NOOP("DictionaryEditor", "Industries"),
         "lead_source": QT_TRANSLATE_NOOP("DictionaryEditor", "Lead sources"),
         "lost_reason": QT_TRANSLATE_NOOP("DictionaryEditor", "Lost reasons"),
         "payment_method": QT_TRANSLATE_NOOP("DictionaryEditor", "Payment methods"),
         "stage_probability": QT_TRANSLATE_NOOP("DictionaryEditor", "Stage probabilities (%)"),
         "approval_threshold": QT_TRANSLATE_NOOP("DictionaryEditor", "Approval thresholds"),
         "handoff_target_hours": QT_TRANSLATE_NOOP("DictionaryEditor", "Hand-off target times (hours)"),
         "payment_terms_days": QT_TRANSLATE_NOOP("DictionaryEditor", "Payment terms (days)")}


class DictionaryEditor(QWidget):
    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.rows: list[dict] = []
        layout = QHBoxLayout(self)
        splitter = QSplitter(self)
        layout.addWidget(splitter)
        self.vocabularies = QListWidget(self)
        self.vocabularies.setObjectName("vocabularies")
        self.vocabularies.setMaximumWidth(260)
        self.vocabularies.setMinimumWidth(150)
        self.vocabularies.currentItemChanged.connect(lambda item, _p: item and self.load())
        left = QWidget(self)
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(self.vocabularies, 1)
        self.export_csv = QPushButton(self.tr("Export CSV…"), left)
        self.export_md = QPushButton(self.tr("Export Markdown…"), left)
        self.export_csv.clicked.connect(lambda: self.choose_export("csv"))
        self.export_md.clicked.connect(lambda: self.choose_export("md"))
        left_box.addWidget(self.export_csv)
        left_box.addWidget(self.export_md)
        splitter.addWidget(left)
        right = QWidget(self)
        box = QVBoxLayout(right)
        self.model = DictTableModel([
            ("code", self.tr("Code"), None),
            ("label_en", self.tr("English"), None),
            ("label_zh", self.tr("中文"), None),
            ("value", self.tr("Value"), lambda r: "" if r.get("value") is None else str(r["value"])),
            ("active", self.tr("Active"), lambda r: self.tr("yes") if r.get("active") else self.tr("no")),
            ("in_use", self.tr("Records using it"), lambda r: str(r.get("in_use", 0))),
        ], self, colour=lambda r: "" if r.get("active") else "#888888")
        self.view = table(self.model, right)
        self.view.setObjectName("entries")
        self.view.selectionModel().currentRowChanged.connect(lambda cur, _p: self._selected(cur.row()))
        box.addWidget(self.view, 1)

        form = QFormLayout()
        self.label_en, self.label_zh = QLineEdit(right), QLineEdit(right)
        self.value = QSpinBox(right)
        self.value.setRange(-1, 2_000_000_000)
        self.sort_order = QSpinBox(right)
        self.sort_order.setRange(0, 10_000)
        self.active = QCheckBox(self.tr("offered for new records"), right)
        form.addRow(self.tr("English label"), self.label_en)
        form.addRow(self.tr("Chinese label"), self.label_zh)
        form.addRow(self.tr("Value"), self.value)
        form.addRow(self.tr("Order"), self.sort_order)
        form.addRow(self.tr("Active"), self.active)
        self.form = form
        box.addLayout(form)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save changes"), right)
        self.save_button.setObjectName("save_entry")
        self.save_button.clicked.connect(self.save)
        self.deactivate_button = QPushButton(self.tr("Deactivate code"), right)
        self.deactivate_button.setObjectName("deactivate")
        self.deactivate_button.clicked.connect(self.deactivate)
        for b in (self.save_button, self.deactivate_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        box.addLayout(buttons)

        add = QHBoxLayout()
        self.new_code = QLineEdit(right)
        self.new_code.setObjectName("new_code")
        self.new_code.setPlaceholderText(self.tr("new code, e.g. aerospace"))
        self.new_en, self.new_zh = QLineEdit(right), QLineEdit(right)
        self.new_en.setPlaceholderText(self.tr("English label"))
        self.new_zh.setPlaceholderText(self.tr("Chinese label"))
        self.add_button = QPushButton(self.tr("Add code"), right)
        self.add_button.setObjectName("add_code")
        self.add_button.clicked.connect(self.add)
        for w in (self.new_code, self.new_en, self.new_zh):
            w.setMinimumWidth(80)
        for w in (self.new_code, self.new_en, self.new_zh, self.add_button):
            add.addWidget(w)
        box.addLayout(add)
        self.message = QLabel(right)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        box.addWidget(self.message)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        self._selected(-1)

    # -- loading --------------------------------------------------------------------
    def refresh(self) -> None:
        self.ws.ops.query(vocabularies.vocabularies, on_done=self._vocabularies_arrived,
                          latest=(self, "vocabularies"))

    def _vocabularies_arrived(self, rows) -> None:
        current = self.vocabulary()
        self.vocabularies.blockSignals(True)
        self.vocabularies.clear()
        for name, count in rows:
            item = QListWidgetItem(f"{QCoreApplication.translate('DictionaryEditor', NAMES.get(name, name))} ({count})")
            item.setData(256, name)
            self.vocabularies.addItem(item)
        names = [name for name, _ in rows]
        self.vocabularies.setCurrentRow(names.index(current) if current in names else 0)
        self.vocabularies.blockSignals(False)
        if self.vocabulary() != current or not self.rows:
            self.load()

    def vocabulary(self) -> str | None:
        item = self.vocabularies.currentItem()
        return item.data(256) if item else None

    def select_vocabulary(self, name: str) -> None:
        for i in range(self.vocabularies.count()):
            if self.vocabularies.item(i).data(256) == name:
                self.vocabularies.setCurrentRow(i)

    def load(self) -> None:
        vocabulary = self.vocabulary()
        if vocabulary:
            self.ws.ops.query(vocabularies.entries, vocabulary, on_done=self._entries_arrived,
                              latest=(self, "entries"))

    def _entries_arrived(self, rows: list[dict]) -> None:
        self.rows = rows
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        numbers = bool(rows) and rows[0]["number"]
        for widget in (self.new_code, self.new_en, self.new_zh, self.add_button):
            widget.setVisible(not numbers)
        self.value.setVisible(numbers)
        self.form.labelForField(self.value).setVisible(numbers)
        self._selected(self.view.currentIndex().row())

    def current(self) -> dict | None:
        row = self.view.currentIndex().row()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _selected(self, row: int) -> None:
        entry = self.rows[row] if 0 <= row < len(self.rows) else None
        for w in (self.label_en, self.label_zh, self.value, self.sort_order, self.active, self.save_button,
                  self.deactivate_button):
            w.setEnabled(entry is not None)
        if entry is None:
            return
        self.label_en.setText(entry.get("label_en") or "")
        self.label_zh.setText(entry.get("label_zh") or "")
        self.value.setValue(entry["value"] if entry.get("value") is not None else -1)
        self.sort_order.setValue(entry.get("sort_order") or 0)
        self.active.setChecked(bool(entry.get("active")))
        self.active.setEnabled(not entry["number"])
        self.deactivate_button.setEnabled(bool(entry.get("active")) and not entry["number"])

    # -- changing -------------------------------------------------------------------
    def _done(self, text: str):
        def done(_result) -> None:
            self.message.setStyleSheet("")
            self.message.setText(text)
            remote.sync_soon(self.ws)
            self.load()
            self.refresh()
        return done

    def _failed(self, exc) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        fields = getattr(exc, "fields", None) or {}
        self.message.setText("; ".join(f"{k}: {v}" for k, v in fields.items()) or getattr(exc, "message", str(exc)))

    def save(self) -> None:
        entry = self.current()
        if entry is None:
            return
        changes = {"label_en": self.label_en.text().strip() or None, "label_zh": self.label_zh.text().strip() or None,
                   "sort_order": self.sort_order.value(), "active": self.active.isChecked()}
        if entry["number"]:
            changes["value"] = self.value.value()
        changes = {k: v for k, v in changes.items() if v != entry.get(k)}
        self.ws.ops.service(dictionary_service.update_entry, entry["id"], changes,
                            on_done=remote.guarded(self, self._done(self.tr("Saved; every client gets it on its "
                                                                            "next sync."))),
                            on_error=remote.guarded(self, self._failed))

    def deactivate(self) -> None:
        entry = self.current()
        if entry is None:
            return

        def done(result: dict) -> None:
            used = sum(result["in_use"].values())
            self._done(self.tr("Deactivated: no longer offered; %n record(s) keep it.", "", used))(result)

        self.ws.ops.service(dictionary_service.deactivate_entry, entry["id"], on_done=remote.guarded(self, done),
                            on_error=remote.guarded(self, self._failed))

    def add(self) -> None:
        values = {"vocabulary": self.vocabulary(), "code": self.new_code.text().strip(),
                  "label_en": self.new_en.text().strip() or None, "label_zh": self.new_zh.text().strip() or None}

        def done(result) -> None:
            for w in (self.new_code, self.new_en, self.new_zh):
                w.clear()
            self._done(self.tr("Added; every client gets it on its next sync."))(result)

        self.ws.ops.service(dictionary_service.add_entry, values, on_done=remote.guarded(self, done),
                            on_error=remote.guarded(self, self._failed))

    # -- export ---------------------------------------------------------------------
    def choose_export(self, kind: str) -> None:
        name = "ltc-dictionary." + kind
        filters = self.tr("Markdown (*.md)") if kind == "md" else self.tr("CSV (*.csv)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the data dictionary"), name, filters)
        if path:
            self.export(path)

    def export(self, path: str) -> None:
        """Write the current dictionary to `path` (Markdown for .md, CSV otherwise)."""
        self.ws.ops.submit(dictionary_export.export, self.ws.dictionary, path,
                           on_done=remote.guarded(self, lambda p: self.message.setText(
                               self.tr("Exported to %1").replace("%1", str(p)))),
                           on_error=remote.guarded(self, self._failed))
