"""A user's own sync problems, read-only where an admin decides: their conflicts with a
plain-language explanation and the values involved, and the changes the server refused,
each with the reason; a refused change can be fixed and resent, resent as it is, or
discarded (the record goes back to what the server last had)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSplitter, QVBoxLayout, QWidget,
)

from app.queries import sync_problems
from app.services import sync_fixes
from sync import admin_conflicts
from ui import remote
from ui.conflicts.field_view import ERROR_STYLE, typed_value
from ui.conflicts.queue import table
from ui.conflicts.wording import entity_name, explanation, field_name, kind_name, refusal, value_text
from ui.records.dict_model import DictTableModel

OPS = {"create": QT_TRANSLATE_NOOP("MyProblemsView", "added"), "update": QT_TRANSLATE_NOOP("MyProblemsView", "changed"),
       "delete": QT_TRANSLATE_NOOP("MyProblemsView", "deleted")}


def _t(text: str) -> str:
    return QCoreApplication.translate("MyProblemsView", text)


def values_text(conflict: dict) -> str:
    """The values involved in a conflict: yours, the server's, and where both started."""
    lines = []
    for name, sides in (conflict.get("fields") or {}).items():
        lines.append(_t("%1 — yours: %2 · on the server: %3 · before: %4")
                     .replace("%1", field_name(name)).replace("%2", value_text(sides.get("client")))
                     .replace("%3", value_text(sides.get("server"))).replace("%4", value_text(sides.get("base"))))
    if not lines and conflict.get("changes"):
        lines = [f"{field_name(k)} — {_t('yours')}: {value_text(v)}" for k, v in conflict["changes"].items()]
    return "\n".join(lines)


class MyProblemsView(QWidget):
    """`sig_loaded()` after each refresh; `sig_open(entity, id)` to show a record."""

    sig_loaded = Signal()
    sig_open = Signal(str, str)

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.conflicts: list[dict] = []
        self.rejected: list[dict] = []
        self._flags: list[dict] = []
        self._server: list[dict] | None = None
        self._pending = 0
        self._latest = remote.Latest()
        self.fix_edits: dict[str, QLineEdit] = {}
        self.fix_errors: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        layout.addWidget(splitter, 1)

        top = QWidget(self)
        box = QVBoxLayout(top)
        box.addWidget(self._heading(self.tr("My conflicts — waiting for an administrator")))
        self.conflict_model = DictTableModel([
            ("record", self.tr("Record"), self._record_text),
            ("kind", self.tr("What happened"), lambda c: kind_name(c.get("kind")) if c.get("kind") else ""),
            ("values", self.tr("Values"), lambda c: values_text(c).replace("\n", "; ")),
        ], self)
        self.conflict_view = table(self.conflict_model, top)
        self.conflict_view.setObjectName("my_conflicts")
        self.conflict_view.selectionModel().currentRowChanged.connect(lambda cur, _p: self._conflict_selected(cur.row()))
        self.conflict_view.doubleClicked.connect(
            lambda index: self._open(self.conflicts, index.row()))
        box.addWidget(self.conflict_view, 1)
        self.conflict_text = QLabel(self.tr("Select a conflict to see what happened."), top)
        self.conflict_text.setObjectName("conflict_explanation")
        self.conflict_text.setWordWrap(True)
        self.conflict_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(self.conflict_text)
        splitter.addWidget(top)

        bottom = QWidget(self)
        box = QVBoxLayout(bottom)
        box.addWidget(self._heading(self.tr("My changes the server refused")))
        self.rejected_model = DictTableModel([
            ("record", self.tr("Record"), self._record_text),
            ("op", self.tr("Change"), lambda r: QCoreApplication.translate("MyProblemsView",
                                                                          OPS.get(r["op"], r["op"]))),
            ("why", self.tr("Why"), refusal),
            ("at", self.tr("When"), lambda r: r.get("at") or ""),
        ], self)
        self.rejected_view = table(self.rejected_model, bottom)
        self.rejected_view.setObjectName("my_rejections")
        self.rejected_view.selectionModel().currentRowChanged.connect(lambda cur, _p: self._rejected_selected(cur.row()))
        self.rejected_view.doubleClicked.connect(lambda index: self._open(self.rejected, index.row()))
        box.addWidget(self.rejected_view, 1)
        self.rejected_text = QLabel(self.tr("Select a refused change to fix, resend or discard it."), bottom)
        self.rejected_text.setObjectName("rejection_explanation")
        self.rejected_text.setWordWrap(True)
        box.addWidget(self.rejected_text)
        self.fix_host = QWidget(bottom)
        self.fix_form = QFormLayout(self.fix_host)
        box.addWidget(self.fix_host)
        buttons = QHBoxLayout()
        self.fix_button = QPushButton(self.tr("Fix and resend"), bottom)
        self.fix_button.setObjectName("fix")
        self.resend_button = QPushButton(self.tr("Resend as it is"), bottom)
        self.resend_button.setObjectName("resend")
        self.discard_button = QPushButton(self.tr("Discard my change"), bottom)
        self.discard_button.setObjectName("discard")
        self.discard_button.setToolTip(self.tr("Put the record back the way the server last had it."))
        self.fix_button.clicked.connect(self.fix)
        self.resend_button.clicked.connect(lambda: self._run(sync_fixes.resend))
        self.discard_button.clicked.connect(lambda: self._run(sync_fixes.discard))
        buttons.addStretch(1)
        for b in (self.fix_button, self.resend_button, self.discard_button):
            b.setEnabled(False)
            buttons.addWidget(b)
        box.addLayout(buttons)
        self.message = QLabel(bottom)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        box.addWidget(self.message)
        splitter.addWidget(bottom)
        workspace.events.sig_changed.connect(self._changed)

    def _changed(self, names) -> None:
        if "sync" in names and self.isVisible():
            self.refresh()

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setStyleSheet("font-size: 15px; font-weight: bold;")
        return label

    # -- loading --------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the local flags and refused changes; ask the server for this user's
        conflicts too when connected (they carry all the values)."""
        self._server = None
        self._pending = 2 if remote.connected(self.ws) else 1
        current = self._latest.start()
        self.ws.ops.query(self._local, on_done=remote.guarded(self, current(self._local_arrived)))
        if remote.connected(self.ws):
            remote.call(self.ws, admin_conflicts.list_conflicts, "open",
                        on_done=current(lambda rows: self._server_arrived(rows, current)),
                        on_error=current(lambda _exc: self._step()), owner=self)

    @staticmethod
    def _local(session) -> dict:
        return {"conflicts": sync_problems.conflict_flags(session),
                "rejected": sync_problems.rejected_changes(session)}

    def _local_arrived(self, data: dict) -> None:
        self._flags = data["conflicts"]
        self.rejected = data["rejected"]
        self.rejected_model.set_rows(self.rejected)
        self.rejected_view.resizeColumnsToContents()
        self._rejected_selected(-1)
        self._combine()
        self._step()

    def _server_arrived(self, rows: list[dict], current) -> None:
        def labelled(labels: dict) -> None:
            self._server = [{**r, "label": labels.get((r["entity"], r["record_id"]), "")} for r in rows]
            self._combine()
            self._step()

        self.ws.ops.query(sync_problems.labels, [(r["entity"], r["record_id"]) for r in rows],
                          on_done=remote.guarded(self, current(labelled)))

    def _combine(self) -> None:
        """The server's list (full values) plus the conflicts only the local flags know."""
        flags = self._flags
        server = self._server or []
        listed = {r["id"] for r in server}
        self.conflicts = server + [{**f, "id": f["conflict_id"]} for f in flags if f["conflict_id"] not in listed]
        self.conflict_model.set_rows(self.conflicts)
        self.conflict_view.resizeColumnsToContents()

    def _step(self) -> None:
        self._pending -= 1
        if self._pending <= 0:
            self.sig_loaded.emit()

    def _record_text(self, item: dict) -> str:
        return f"{entity_name(item['entity'])}: {item.get('label') or item['record_id'][:8]}"

    def _open(self, items: list[dict], row: int) -> None:
        if 0 <= row < len(items):
            self.sig_open.emit(items[row]["entity"], items[row]["record_id"])

    # -- conflicts (read-only) ------------------------------------------------------
    def _conflict_selected(self, row: int) -> None:
        if not 0 <= row < len(self.conflicts):
            return
        c = self.conflicts[row]
        text = explanation(c) if c.get("kind") else (c.get("message") or "")
        values = values_text(c)
        self.conflict_text.setText(text + ("\n\n" + values if values else ""))

    # -- refused changes ------------------------------------------------------------
    def current_rejection(self) -> dict | None:
        row = self.rejected_view.currentIndex().row()
        return self.rejected[row] if 0 <= row < len(self.rejected) else None

    def _rejected_selected(self, row: int) -> None:
        while self.fix_form.rowCount():
            self.fix_form.removeRow(0)
        self.fix_edits, self.fix_errors = {}, {}
        self.message.hide()
        item = self.rejected[row] if 0 <= row < len(self.rejected) else None
        for b in (self.fix_button, self.resend_button, self.discard_button):
            b.setEnabled(item is not None)
        if item is None:
            self.rejected_text.setText(self.tr("Select a refused change to fix, resend or discard it."))
            return
        changed = ", ".join(f"{field_name(k)}: {value_text(v)}" for k, v in item["changes"].items())
        self.rejected_text.setText(refusal(item) + ("\n" + self.tr("Your change: %1").replace("%1", changed)
                                                    if changed else ""))
        fields = sync_fixes.fixable_fields(item)
        named = (item.get("error") or {}).get("fields") or {}
        for name in fields:
            edit = QLineEdit(value_text(item["current"].get(name, item["changes"].get(name))).replace("—", ""),
                             self.fix_host)
            edit.setObjectName(f"fix_{name}")
            error = QLabel(named.get(name, ""), self.fix_host)
            error.setStyleSheet(ERROR_STYLE)
            error.setVisible(name in named)
            row_box = QVBoxLayout()
            row_box.setSpacing(1)
            row_box.addWidget(edit)
            row_box.addWidget(error)
            self.fix_form.addRow(field_name(name), row_box)
            self.fix_edits[name], self.fix_errors[name] = edit, error
        self.fix_button.setEnabled(bool(fields))

    def fix(self) -> None:
        item = self.current_rejection()
        if item is None:
            return
        fixes, bad = {}, False
        for name, edit in self.fix_edits.items():
            try:
                value = typed_value(item["entity"], name, edit.text(), self.ws.dictionary)
            except ValueError as exc:
                self.fix_errors[name].setText(str(exc))
                self.fix_errors[name].show()
                bad = True
                continue
            if value != item["current"].get(name):
                fixes[name] = value
        if not bad:
            self._run(sync_fixes.resend, fixes)

    def _run(self, service, *args) -> None:
        item = self.current_rejection()
        if item is None:
            return
        for b in (self.fix_button, self.resend_button, self.discard_button):
            b.setEnabled(False)

        def done(_result) -> None:
            remote.sync_soon(self.ws)
            self.refresh()

        def failed(exc) -> None:
            for b in (self.fix_button, self.resend_button, self.discard_button):
                b.setEnabled(True)
            for name, text in (getattr(exc, "fields", None) or {}).items():
                if name in self.fix_errors:
                    self.fix_errors[name].setText(text)
                    self.fix_errors[name].show()
            self.message.setText(getattr(exc, "message", str(exc)))
            self.message.show()

        self.ws.ops.service(service, item["mutation_id"], *args, on_done=remote.guarded(self, done),
                            on_error=remote.guarded(self, failed))
