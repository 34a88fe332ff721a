"""A field conflict side by side: for each field the base both sides started from, the
server's value and the client's, each side's change highlighted; per field the admin
takes the server's value, the client's, or types one; a note; apply."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QRadioButton, QScrollArea,
    QSizePolicy, QVBoxLayout, QWidget,
)

from app.rules.schema import entity_spec
from app.rules.validation import check_field
from ui import formatting
from ui.conflicts.wording import entity_name, field_name, shown

SERVER_CHANGED = "#fff1c2"  # amber: the server side moved away from the base
CLIENT_CHANGED = "#d7e9ff"  # blue: the client side moved away from the base
ERROR_STYLE = "color: #c62828;"


def typed_value(entity: str, name: str, text: str, dictionary):
    """What the admin typed as the field's wire value, checked by the shared rules;
    ValueError with the rule's message."""
    spec = entity_spec(entity).fields.get(name)
    text = text.strip()
    if spec is None:
        return text or None
    if not text:
        value = None
    elif name.endswith("_minor"):
        value = formatting.parse_money(text, "CNY")
    elif spec.type == "integer":
        try:
            value = int(text)
        except ValueError:
            raise ValueError(QLabel.tr("must be a whole number")) from None
    elif spec.type == "boolean":
        value = text.lower() in ("1", "true", "yes", "y", "是")
    else:
        value = text
    return check_field(spec, value, dictionary)


def header_label(text: str, parent) -> QLabel:
    label = QLabel(text, parent)
    label.setStyleSheet("font-weight: bold;")
    return label


def cell(text: str, parent, colour: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setMinimumWidth(120)
    label.setMaximumWidth(320)
    # Wrapped text keeps its height: the grid scrolls rather than squashing the values.
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    style = "padding: 3px 5px; border-radius: 3px;"
    if colour:
        style += f" background: {colour};"
    label.setStyleSheet(style)
    return label


class FieldConflictView(QWidget):
    """`sig_decide(conflict_id, body)` asks for the resolution `body` to be sent."""

    sig_decide = Signal(str, dict)

    def __init__(self, workspace, conflict: dict, label: str, parent=None, labels: dict | None = None):
        super().__init__(parent)
        self.ws = workspace
        self.conflict = conflict
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("%1 “%2”: the same field changed on both sides").replace(
            "%1", entity_name(conflict["entity"]).capitalize()).replace("%2", label or conflict["record_id"][:8]), self)
        title.setStyleSheet("font-size: 15px; font-weight: bold;")
        title.setWordWrap(True)
        layout.addWidget(title)
        who = conflict.get("user") or self.tr("someone")
        meta = QLabel(self.tr("Client side: %1 on %2, %3. The server's value stays in force until you decide.")
                      .replace("%1", who).replace("%2", conflict.get("device_name") or self.tr("an unnamed device"))
                      .replace("%3", formatting.local_datetime(conflict.get("created_at"))), self)
        meta.setWordWrap(True)
        layout.addWidget(meta)
        legend = QLabel(self)
        legend.setText(f"<span style='background:{SERVER_CHANGED}'>&nbsp;{self.tr('changed on the server')}&nbsp;"
                       f"</span>&nbsp;&nbsp;<span style='background:{CLIENT_CHANGED}'>&nbsp;"
                       f"{self.tr('changed on the client')}&nbsp;</span>")
        layout.addWidget(legend)

        grid_host = QWidget(self)
        grid = QGridLayout(grid_host)
        grid.setHorizontalSpacing(10)
        for col, text in enumerate((self.tr("Field"), self.tr("Base"), self.tr("Server"), self.tr("Client"),
                                    self.tr("Decision"))):
            grid.addWidget(header_label(text, grid_host), 0, col)
        self.choices: dict[str, QButtonGroup] = {}
        self.values: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        for row, (name, sides) in enumerate(conflict["fields"].items(), start=1):
            base, server, client = sides.get("base"), sides.get("server"), sides.get("client")
            grid.addWidget(cell(field_name(name), grid_host), row, 0)
            show = lambda value, n=name: shown(workspace, conflict["entity"], n, value, labels)  # noqa: E731
            grid.addWidget(cell(show(base), grid_host), row, 1)
            grid.addWidget(cell(show(server), grid_host, SERVER_CHANGED if server != base else ""), row, 2)
            grid.addWidget(cell(show(client), grid_host, CLIENT_CHANGED if client != base else ""), row, 3)
            decision = QWidget(grid_host)
            box = QHBoxLayout(decision)
            box.setContentsMargins(0, 0, 0, 0)
            group = QButtonGroup(decision)
            for key, text in (("server", self.tr("Server")), ("client", self.tr("Client")),
                              ("value", self.tr("Value:"))):
                button = QRadioButton(text, decision)
                button.setObjectName(f"take_{key}_{name}")
                group.addButton(button)
                button.setProperty("choice", key)
                box.addWidget(button)
                if key == "server":
                    button.setChecked(True)
            edit = QLineEdit(decision)
            edit.setObjectName(f"value_{name}")
            edit.setMinimumWidth(140)
            edit.setPlaceholderText(self.tr("type a value"))
            edit.textEdited.connect(lambda _t, g=group: next(b for b in g.buttons()
                                                             if b.property("choice") == "value").setChecked(True))
            box.addWidget(edit)
            error = QLabel(decision)
            error.setStyleSheet(ERROR_STYLE)
            error.hide()
            box.addWidget(error)
            grid.addWidget(decision, row, 4)
            self.choices[name], self.values[name], self.errors[name] = group, edit, error
        for col in (1, 2, 3):
            grid.setColumnStretch(col, 2)
        grid.setColumnStretch(4, 3)
        grid.setRowStretch(len(conflict["fields"]) + 1, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        layout.addWidget(scroll, 1)

        bottom = QHBoxLayout()
        self.note = QLineEdit(self)
        self.note.setObjectName("note")
        self.note.setPlaceholderText(self.tr("Note for the record (why you decided so)"))
        self.apply_button = QPushButton(self.tr("Apply decision"), self)
        self.apply_button.setObjectName("apply")
        self.apply_button.clicked.connect(self.apply)
        bottom.addWidget(self.note, 1)
        bottom.addWidget(self.apply_button)
        layout.addLayout(bottom)
        self.message = QLabel(self)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)

    def choose(self, name: str, choice: str, value: str | None = None) -> None:
        """Pick `server`, `client` or `value` (with its text) for one field."""
        for button in self.choices[name].buttons():
            if button.property("choice") == choice:
                button.setChecked(True)
        if value is not None:
            self.values[name].setText(value)

    def body(self) -> dict:
        """The resolve request; ValueError (and the field's message shown) for a typed
        value the shared rules refuse."""
        fields, bad = {}, False
        for name, group in self.choices.items():
            self.errors[name].hide()
            choice = group.checkedButton().property("choice")
            if choice != "value":
                fields[name] = {"take": choice}
                continue
            try:
                fields[name] = {"value": typed_value(self.conflict["entity"], name, self.values[name].text(),
                                                     self.ws.dictionary)}
            except ValueError as exc:
                self.errors[name].setText(str(exc))
                self.errors[name].show()
                bad = True
        if bad:
            raise ValueError(self.tr("Correct the typed values first."))
        body = {"fields": fields}
        if self.note.text().strip():
            body["note"] = self.note.text().strip()
        return body

    def apply(self) -> None:
        try:
            body = self.body()
        except ValueError as exc:
            self.show_error(str(exc))
            return
        self.message.hide()
        self.apply_button.setEnabled(False)
        self.sig_decide.emit(self.conflict["id"], body)

    def show_error(self, text: str) -> None:
        self.apply_button.setEnabled(True)
        self.message.setText(text)
        self.message.show()
