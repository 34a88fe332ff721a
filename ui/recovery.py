"""A damaged local database at start: say what happened and offer the two ways out
(app/recovery.py), then open the recovered profile."""
from __future__ import annotations

import logging

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout

log = logging.getLogger(__name__)
RESTORE, FRESH = "restore", "fresh"


class RecoveryDialog(QDialog):
    """Shows a DatabaseCorrupt; `choice` is RESTORE, FRESH or None (quit) once closed."""

    def __init__(self, error, parent=None):
        super().__init__(parent)
        self.choice: str | None = None
        self.setWindowTitle(self.tr("The local database is damaged"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        saved = (self.tr("Your %n unsent change(s) were saved to %1 and will be queued again.", "",
                         error.saved).replace("%1", str(error.exported))
                 if error.exported else self.tr("No unsent changes could be read."))
        text = QLabel(self.tr("LTC Desk found damage in the database of this profile (%1). Nothing more "
                              "will be written to it.").replace("%1", error.problems[0]) + "\n\n" + saved, self)
        text.setWordWrap(True)
        layout.addWidget(text)
        row = QHBoxLayout()
        self.restore_button = QPushButton(self.tr("Restore the last good backup"), self)
        self.fresh_button = QPushButton(self.tr("Start fresh from the server"), self)
        self.quit_button = QPushButton(self.tr("Quit"), self)
        if not error.backups:
            self.restore_button.setEnabled(False)
            self.restore_button.setToolTip(self.tr("This profile has no automatic backup yet."))
        for button in (self.restore_button, self.fresh_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.quit_button)
        layout.addLayout(row)
        self.restore_button.clicked.connect(lambda: self._choose(RESTORE))
        self.fresh_button.clicked.connect(lambda: self._choose(FRESH))
        self.quit_button.clicked.connect(self.reject)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


def recover(profile_dir, error, *, ask=None):
    """Ask how to recover (`ask(error) -> RESTORE | FRESH | None`, default the dialog),
    do it and return the profile's reopened Store, or None when the user quits. A failed
    restore (no good backup after all) is shown and asked again."""
    from app import recovery
    from app.errors import DomainError
    from app.store import Store

    ask = ask or _ask
    while True:
        choice = ask(error)
        if choice is None:
            return None
        try:
            if choice == RESTORE:
                recovery.restore_backup(profile_dir)
            else:
                recovery.fresh_sync(profile_dir)
            return Store.open(profile_dir)
        except recovery.DatabaseCorrupt as again:
            error = again
        except DomainError as exc:
            log.warning("recovery failed: %s", exc.message)
            QMessageBox.warning(None, QDialog.tr("Recovery"), exc.message)


def _ask(error) -> str | None:
    dialog = RecoveryDialog(error)
    dialog.exec()
    return dialog.choice
