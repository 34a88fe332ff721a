"""What every screen shares: the store, the background operations, the change broadcast,
who is acting, the data dictionary, the sync adapter and the display of values."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from app import clock
from app.queries import listing
from ui import formatting
from ui.events import Events
from ui.operations import Operations
from ui.sync_status import SyncAdapter


class Workspace(QObject):
    def __init__(self, store, *, sync: SyncAdapter | None = None, parent=None):
        super().__init__(parent)
        self.store = store
        self.events = Events(self)
        self.ops = Operations(store, self.events, self)
        self.actor = store.actor()
        self.sync = sync or SyncAdapter(self)
        self.language = formatting.language()

    @property
    def dictionary(self):
        """The data dictionary as it is now: an admin's edit or a sync changes it, and
        every editor checks with the current one."""
        return self.store.dictionary()

    def filter_params(self) -> dict:
        return listing.filter_params(self.actor.id)

    @staticmethod
    def now_iso() -> str:
        return clock.now_iso()

    def label(self, vocabulary: str, code: str | None) -> str:
        if not code:
            return ""
        return self.dictionary.label(vocabulary, code, self.language)

    def codes(self, vocabulary: str) -> list[tuple[str, str]]:
        """(code, label) pairs of a vocabulary, in the dictionary's order."""
        return [(code, self.label(vocabulary, code)) for code in self.dictionary.codes(vocabulary)]

    def display(self, kind: str, raw, currency: str | None = None) -> str:
        """A cell value as text ("" for none)."""
        if raw is None or raw == "":
            return ""
        if kind == "money":
            return formatting.money(raw, currency)
        if kind == "date":
            return formatting.date(raw)
        if kind in ("datetime", "due"):
            return formatting.local_datetime(raw)
        if kind == "stage":
            return formatting.stage(raw)
        if kind == "status":
            return formatting.status(raw)
        if kind == "kind":
            return formatting.kind(raw)
        if kind == "percent":
            return f"{raw}%"
        if kind == "bool":
            return QCoreApplication.translate("Workspace", "Yes") if raw else ""
        if kind == "sync":
            return self.sync_badge_text(raw)
        if kind.startswith("vocab:"):
            return self.label(kind[6:], raw)
        return str(raw)

    @staticmethod
    def sync_badge_text(state: str) -> str:
        return {"conflict": QCoreApplication.translate("Workspace", "⚠ Conflict"),
                "rejected": QCoreApplication.translate("Workspace", "⛔ Rejected"),
                "pending": QCoreApplication.translate("Workspace", "↑ Pending")}.get(state, "")

    @staticmethod
    def sync_badge_tooltip(state: str) -> str:
        return {"conflict": QCoreApplication.translate(
                    "Workspace", "This record has a sync conflict; open it to see the values involved."),
                "rejected": QCoreApplication.translate(
                    "Workspace", "The server refused a change to this record; open it to see why."),
                "pending": QCoreApplication.translate(
                    "Workspace", "Changed on this computer; not yet accepted by the server.")}.get(state, "")
