"""The editor dialog: a form of fields, each checked with the shared rules as the person
leaves it, messages shown under the field; saving runs the service in the background and
closes only when it succeeded, so nothing invalid is saved. Closing with unsaved
changes asks first."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QMessageBox, QVBoxLayout, QWidget,
)

from app.errors import DomainError, DuplicateFound, ValidationError
from app.rules.schema import entity_spec
from app.rules.validation import check_field
from ui import formatting
from ui.editors.fields import FieldDef, make_widget, read_widget, watch, write_widget
from ui.editors.matches import MatchPanel

ERROR_STYLE = "color: #c62828; font-size: 11px;"
MATCHED = ("customer", "contact", "lead")


class RecordEditor(QDialog):
    """Edit or create one record of `entity`. `save(values, record)` is called on a
    background write with the changed values (create: all filled values) and must be a
    service call returning the saved record; `sig_saved(record)` follows on success."""

    sig_saved = Signal(dict)

    def __init__(self, workspace, entity: str, fields: list[FieldDef], save, *, record: dict | None = None,
                 title: str = "", parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.entity = entity
        self.fields = [f for f in fields if not (f.create_only and record and record.get("id"))]
        self._save = save
        self.record = dict(record or {})
        self.creating = not self.record.get("id")
        self.spec = entity_spec(entity)
        self.saving = False
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        layout.addWidget(self.message)
        form = QFormLayout()
        layout.addLayout(form)
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        for field in self.fields:
            widget = make_widget(field, workspace, self)
            widget.setObjectName(f"field_{field.name}")
            write_widget(field, widget, self.record.get(field.name), self.record)
            if field.roles and workspace.actor.role not in field.roles:
                widget.setEnabled(False)
                widget.setToolTip(self.tr("Only %1 may change this.").replace("%1", " / ".join(field.roles)))
            error = QLabel(self)
            error.setObjectName(f"error_{field.name}")
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            box = QVBoxLayout()
            box.setSpacing(1)
            box.addWidget(widget)
            box.addWidget(error)
            label = formatting.label(field.label) + (" *" if field.required else "")
            form.addRow(label, box)
            self.widgets[field.name] = widget
            self.errors[field.name] = error
            watch(field, widget, lambda f=field: self._edited(f))
            if hasattr(widget, "editingFinished"):
                widget.editingFinished.connect(lambda f=field: self.check(f.name))
        self.matches = None
        if self.creating and entity in MATCHED:
            # While a new party is typed, the ones that may be it already show below.
            self.matches = MatchPanel(self)
            layout.addWidget(self.matches)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._initial = self._snapshot()

    # -- values ---------------------------------------------------------------------
    def _snapshot(self) -> dict:
        out = {}
        for field in self.fields:
            try:
                out[field.name] = read_widget(field, self.widgets[field.name], self._currency())
            except ValueError:
                out[field.name] = ("invalid", self._raw_text(field.name))
        return out

    def _raw_text(self, name: str) -> str:
        w = self.widgets[name]
        return w.text() if hasattr(w, "text") and callable(w.text) else ""

    def _currency(self) -> str:
        return self.record.get("currency") or "CNY"

    def dirty(self) -> bool:
        return self._snapshot() != self._initial

    def values(self) -> dict:
        """Changed values (create: every filled one); raises ValidationError for text that
        cannot be read as its field's type."""
        errors, out = {}, {}
        for field in self.fields:
            try:
                value = read_widget(field, self.widgets[field.name], self._currency())
            except ValueError as exc:
                errors[field.name] = str(exc)
                continue
            if self.creating:
                if value not in (None, ""):
                    out[field.name] = value
            elif value != self.record.get(field.name):
                out[field.name] = value
        if errors:
            raise ValidationError(errors)
        return out

    # -- checking -------------------------------------------------------------------
    def _edited(self, field: FieldDef) -> None:
        if self.errors[field.name].isVisible():
            self.check(field.name)

    def check(self, name: str) -> bool:
        """Check one field with the shared rules; show or clear its message."""
        field = next(f for f in self.fields if f.name == name)
        try:
            value = read_widget(field, self.widgets[name], self._currency())
            spec = self.spec.fields.get(name)
            if spec is not None:
                check_field(spec, value, self.ws.dictionary)
            if field.required and value in (None, ""):
                raise ValueError(self.tr("is required"))
        except ValueError as exc:
            self.show_errors({name: str(exc)})
            return False
        self.errors[name].hide()
        return True

    def show_errors(self, errors: dict[str, str], message: str = "") -> None:
        for name, text in errors.items():
            label = self.errors.get(name)
            if label is not None:
                label.setText(text)
                label.show()
        others = [f"{k}: {v}" for k, v in errors.items() if k not in self.errors]
        text = "\n".join(filter(None, [message, *others]))
        self.message.setText(text)
        self.message.setVisible(bool(text))
        first = next((n for n in errors if n in self.widgets), None)
        if first:
            self.widgets[first].setFocus()

    # -- saving ---------------------------------------------------------------------
    def save(self, **options) -> None:
        if self.saving:
            return
        for label in self.errors.values():
            label.hide()
        self.message.hide()
        try:
            values = self.values()
        except ValidationError as exc:
            self.show_errors(exc.fields)
            return
        if not values and not self.creating:
            self.accept()
            return
        bad = {}
        for name in values:
            if not self.check(name):
                bad[name] = self.errors[name].text()
        if bad:
            return
        self.saving = True
        self.buttons.setEnabled(False)
        self.ws.ops.service(self._save, values, self.record, **options, on_done=self._saved, on_error=self._failed)

    def _saved(self, record) -> None:
        self.saving = False
        self.buttons.setEnabled(True)
        self.record = dict(record or {})
        self._initial = self._snapshot()
        self.sig_saved.emit(self.record)
        self.accept()

    def _failed(self, exc) -> None:
        self.saving = False
        self.buttons.setEnabled(True)
        if isinstance(exc, DuplicateFound):
            names = ", ".join(m.get("name") or m["id"] for m in exc.matches[:5])
            answer = QMessageBox.question(
                self, self.tr("Possible duplicate"),
                self.tr("This looks like an existing record: %1.\nCreate it anyway?").replace("%1", names),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer == QMessageBox.StandardButton.Yes:
                self.save(allow_duplicate=True)
            return
        if isinstance(exc, ValidationError):
            self.show_errors(exc.fields, self.tr("Nothing was saved. Please correct the marked fields."))
        elif isinstance(exc, DomainError):
            self.show_errors({}, exc.message)
        else:
            self.show_errors({}, self.tr("Could not save: %1").replace("%1", str(exc)))

    def reject(self) -> None:
        if self.saving:
            return
        if self.dirty():
            answer = QMessageBox.question(
                self, self.tr("Unsaved changes"), self.tr("Save your changes before closing?"),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save:
                self.save()
                return
        super().reject()

    def closeEvent(self, event) -> None:
        if self.saving:
            event.ignore()
            return
        if self.dirty():
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)
