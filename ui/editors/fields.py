"""Input widgets for record fields: each reads and writes a wire-format value."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from app.queries import customers as customer_queries
from ui import formatting
from ui.records.picker import RecordPicker


class FieldDef:
    """One field of an editor: `name` of the record field, `label`, `kind` (text, notes,
    vocab:<name>, choice, money, date, datetime, bool, customer), fixed `choices`."""

    def __init__(self, name: str, label: str, kind: str = "text", *, choices=None, required: bool = False,
                 create_only: bool = False, roles: tuple[str, ...] | None = None):
        self.name, self.label, self.kind = name, label, kind
        self.choices = choices or []
        self.required = required
        self.create_only = create_only
        self.roles = roles


class CustomerPicker(RecordPicker):
    """Type part of a customer's name, pick from the suggestions (fetched in the background)."""

    def __init__(self, workspace, parent=None):
        super().__init__(workspace, "customer", parent)
        self.setPlaceholderText(self.tr("Type to find a customer"))

    def _find(self, session, text: str) -> list[tuple[str, str]]:
        return customer_queries.parents(session, like=text, limit=30)

    def set_customer(self, customer_id: str | None, name: str = "") -> None:
        self._id = customer_id
        self.setText(name)

    def customer_id(self) -> str | None:
        return self.record_id()


def make_widget(field: FieldDef, workspace, parent=None) -> QWidget:
    kind = field.kind
    if kind == "notes":
        w = QPlainTextEdit(parent)
        w.setMaximumHeight(90)
        return w
    if kind == "bool":
        return QCheckBox(parent)
    if kind.startswith("vocab:") or kind == "choice":
        w = QComboBox(parent)
        w.addItem("", "")
        items = workspace.codes(kind[6:]) if kind.startswith("vocab:") else field.choices
        for code, label in items:
            w.addItem(label, code)
        return w
    if kind == "customer":
        return CustomerPicker(workspace, parent)
    w = QLineEdit(parent)
    if kind == "date":
        w.setPlaceholderText("YYYY-MM-DD")
    elif kind == "datetime":
        w.setPlaceholderText("YYYY-MM-DD HH:MM")
    elif kind == "money":
        w.setPlaceholderText("0.00")
        w.setAlignment(Qt.AlignmentFlag.AlignRight)
    return w


def read_widget(field: FieldDef, widget: QWidget, currency: str = "CNY"):
    """The widget's value in wire form; ValueError for text that is no such value."""
    kind = field.kind
    if kind == "notes":
        return widget.toPlainText().strip() or None
    if kind == "bool":
        return widget.isChecked()
    if kind.startswith("vocab:") or kind == "choice":
        return widget.currentData() or None
    if kind == "customer":
        if widget.text().strip() and not widget.customer_id():
            raise ValueError(QLineEdit.tr("pick a customer from the suggestions"))
        return widget.customer_id()
    text = widget.text().strip()
    if kind == "money":
        return formatting.parse_money(text, currency)
    if kind == "datetime" and text:
        return local_to_utc(text)
    if kind == "integer" and text:
        try:
            return int(text)
        except ValueError:
            raise ValueError(QLineEdit.tr("must be a whole number")) from None
    return text or None


def write_widget(field: FieldDef, widget: QWidget, value, record: dict) -> None:
    kind = field.kind
    if kind == "notes":
        widget.setPlainText(value or "")
    elif kind == "bool":
        widget.setChecked(bool(value))
    elif kind.startswith("vocab:") or kind == "choice":
        index = widget.findData(value or "")
        if index < 0 and value:
            widget.addItem(str(value), value)
            index = widget.count() - 1
        widget.setCurrentIndex(max(index, 0))
    elif kind == "customer":
        widget.set_customer(value, record.get("customer_name") or record.get("parent_name") or "")
    elif kind == "money":
        widget.setText(formatting.money(value, record.get("currency") or "CNY").lstrip("¥$€£") if value is not None
                       else "")
    elif kind == "datetime":
        widget.setText(formatting.local_datetime_input(value))
    else:
        widget.setText("" if value is None else str(value))


def local_to_utc(text: str) -> str:
    """`YYYY-MM-DD[ HH:MM]` typed in local time as a UTC wire timestamp."""
    import datetime as dt

    from app import clock

    text = text.strip().replace("T", " ")
    try:
        moment = dt.datetime.strptime(text, "%Y-%m-%d %H:%M") if " " in text else \
            dt.datetime.strptime(text, "%Y-%m-%d").replace(hour=9)
    except ValueError:
        raise ValueError(QLineEdit.tr("must be a date and time (YYYY-MM-DD HH:MM)")) from None
    return clock.format_datetime(moment.astimezone())


def watch(field: FieldDef, widget: QWidget, callback) -> None:
    """Call `callback()` whenever the person changes the widget."""
    kind = field.kind
    if kind == "notes":
        widget.textChanged.connect(callback)
    elif kind == "bool":
        widget.toggled.connect(lambda _v: callback())
    elif kind.startswith("vocab:") or kind == "choice":
        widget.currentIndexChanged.connect(lambda _i: callback())
    else:
        widget.textEdited.connect(lambda _t: callback())
        if kind == "customer":
            widget.sig_picked.connect(lambda _id: callback())
