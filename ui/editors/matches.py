"""Possible duplicates while a new customer, contact or lead is typed: the editor's key
fields are read a moment after the person stops typing, matched against the local copy
in the background (offline too), and the matches listed under the form."""
from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.queries import matches
from ui import remote
from ui.editors.fields import read_widget

KEY_FIELDS = {
    "customer": ("name", "phone", "email", "credit_code"),
    "contact": ("name", "phone", "email", "customer_id"),
    "lead": ("company_name", "contact_name", "phone", "email", "credit_code"),
}
DEBOUNCE_MS = 300
ID_ROLE = 256


class MatchPanel(QWidget):
    """`sig_matches(list)` after each lookup; `sig_open(entity, id)` on a double-click."""

    sig_matches = Signal(list)
    sig_open = Signal(str, str)

    def __init__(self, editor, parent=None):
        super().__init__(parent or editor)
        self.editor = editor
        self.ws = editor.ws
        self.entity = editor.entity
        self.matches: list[dict] = []
        self._asked = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        self.title = QLabel(self.tr("Possible matches already here:"), self)
        self.title.setStyleSheet("color: #8a5a00; font-weight: bold;")
        self.list = QListWidget(self)
        self.list.setObjectName("matches")
        self.list.setMaximumHeight(110)
        self.list.itemDoubleClicked.connect(lambda item: self.sig_open.emit(*item.data(ID_ROLE)))
        layout.addWidget(self.title)
        layout.addWidget(self.list)
        self.setVisible(False)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.lookup)
        for name in KEY_FIELDS[self.entity]:
            widget = editor.widgets.get(name)
            if widget is None:
                continue
            if hasattr(widget, "textEdited"):
                widget.textEdited.connect(lambda _t: self.timer.start())
            if hasattr(widget, "sig_picked"):
                widget.sig_picked.connect(lambda _id: self.timer.start())
        # The names are keyed once per process: begin while the person starts typing.
        self.ws.ops.query(matches.warm, self.entity)

    def candidate(self) -> dict:
        """What is typed so far in the key fields (unreadable ones left out)."""
        out = {}
        for field in self.editor.fields:
            if field.name not in KEY_FIELDS[self.entity]:
                continue
            try:
                value = read_widget(field, self.editor.widgets[field.name])
            except ValueError:
                continue
            if value not in (None, ""):
                out[field.name] = value
        if self.entity == "contact" and "customer_id" not in out and self.editor.record.get("customer_id"):
            out["customer_id"] = self.editor.record["customer_id"]
        return out

    def lookup(self) -> None:
        candidate = self.candidate()
        if not any(candidate.get(k) for k in KEY_FIELDS[self.entity] if k != "customer_id"):
            self._show([])
            return
        self._asked = candidate
        self.ws.ops.query(matches.possible_duplicates, self.entity, candidate,
                          exclude_id=self.editor.record.get("id"),
                          on_done=remote.guarded(self, lambda found, asked=candidate: asked == self._asked
                                                 and self._show(found)))

    def _show(self, found: list[dict]) -> None:
        self.matches = found
        self.list.clear()
        for m in found:
            reasons = ", ".join(self._reason(r) for r in m["reasons"])
            kind = "" if m["entity"] == self.entity else f" [{self._entity(m['entity'])}]"
            extra = " · ".join(str(m[k]) for k in ("phone", "email") if m.get(k))
            item = QListWidgetItem(f"{m['name'] or '—'}{kind} — {reasons}" + (f"  ({extra})" if extra else ""))
            item.setData(ID_ROLE, (m["entity"], m["id"]))
            self.list.addItem(item)
        self.setVisible(bool(found))
        self.sig_matches.emit(found)

    def _reason(self, reason: str) -> str:
        return {"name": self.tr("similar name"), "phone": self.tr("same phone"), "email": self.tr("same e-mail"),
                "credit_code": self.tr("same credit code")}.get(reason, reason)

    def _entity(self, entity: str) -> str:
        return {"customer": self.tr("customer"), "lead": self.tr("lead"), "contact": self.tr("contact")}.get(entity,
                                                                                                         entity)
