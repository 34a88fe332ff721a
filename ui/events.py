"""One "something changed" broadcast: screens refresh from it instead of calling each other."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Events(QObject):
    """`sig_changed(set_of_entity_names)` is emitted on the GUI thread after any write or sync."""

    sig_changed = Signal(object)

    def changed(self, entities) -> None:
        names = set(entities)
        if names:
            self.sig_changed.emit(names)
