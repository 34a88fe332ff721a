"""The wizard's last page: a dry run, then the import, all or nothing or the valid rows
with the rejected ones written to a file with their reasons. Progress and cancel; the
run is in the import log either way."""
from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup, QHBoxLayout, QLabel, QProgressBar, QPushButton, QRadioButton, QVBoxLayout, QWizardPage,
)

from app.errors import DomainError
from app.imports import ALL_OR_NOTHING, VALID_ROWS
from ui.imports.runner import CANCELLED


class RunPage(QWizardPage):
    def __init__(self, wizard):
        super().__init__(wizard)
        self.wiz = wizard
        self.result = None
        self.setTitle(self.tr("Import"))
        self.setSubTitle(self.tr("Try it first with a dry run: it checks everything again and writes nothing."))
        layout = QVBoxLayout(self)
        self.all_or_nothing = QRadioButton(self.tr("All or nothing: if any row cannot be imported, nothing is"), self)
        self.valid_rows = QRadioButton(self.tr("The valid rows: the rejected ones are written to a file with the "
                                               "reason beside each"), self)
        self.all_or_nothing.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.all_or_nothing)
        group.addButton(self.valid_rows)
        layout.addWidget(self.all_or_nothing)
        layout.addWidget(self.valid_rows)
        buttons = QHBoxLayout()
        self.dry_button = QPushButton(self.tr("Dry run"), self)
        self.import_button = QPushButton(self.tr("Import"), self)
        self.import_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.dry_button.clicked.connect(lambda: self.start(dry_run=True))
        self.import_button.clicked.connect(lambda: self.start(dry_run=False))
        self.cancel_button.clicked.connect(wizard.runner.cancel)
        buttons.addWidget(self.dry_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        self.progress = QProgressBar(self)
        self.phase = QLabel(self)
        layout.addWidget(self.phase)
        layout.addWidget(self.progress)
        self.outcome = QLabel(self)
        self.outcome.setWordWrap(True)
        self.outcome.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.outcome, 1)
        links = QHBoxLayout()
        self.rejected_button = QPushButton(self.tr("Open the rejected rows"), self)
        self.rejected_button.clicked.connect(self.open_rejected)
        self.log_button = QPushButton(self.tr("Import log…"), self)
        self.log_button.clicked.connect(lambda: self.wiz.open_log())
        links.addWidget(self.rejected_button)
        links.addWidget(self.log_button)
        links.addStretch(1)
        layout.addLayout(links)
        wizard.runner.sig_progress.connect(self._progress)
        wizard.runner.sig_busy.connect(self._busy)
        self._busy(False)
        self.rejected_button.setVisible(False)

    def initializePage(self) -> None:
        self.result = None
        self.outcome.setText("")
        self.rejected_button.setVisible(False)
        self.completeChanged.emit()

    def mode(self) -> str:
        return VALID_ROWS if self.valid_rows.isChecked() else ALL_OR_NOTHING

    def start(self, *, dry_run: bool):
        """Run the import (or a dry run) of what was checked; returns the task."""
        self.result = None
        self.outcome.setText(self.tr("Dry run…") if dry_run else self.tr("Importing…"))
        self.completeChanged.emit()
        return self.wiz.runner.run(self.wiz.source, dict(self.wiz.answers), mode=self.mode(), dry_run=dry_run,
                                   on_done=self._finished, on_error=self._failed)

    def _progress(self, phase: str, done: int, total: int) -> None:
        self.phase.setText({"reading": self.tr("Reading the files"), "planning": self.tr("Checking the rows"),
                            "writing": self.tr("Writing the records")}.get(phase, phase)
                           + f" ({done:,} / {total:,})")
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _busy(self, busy: bool) -> None:
        self.cancel_button.setEnabled(busy)
        self.dry_button.setEnabled(not busy and not self._committed())
        self.import_button.setEnabled(not busy and not self._committed())
        self.progress.setVisible(busy)
        self.phase.setVisible(busy)
        self.wiz.button(self.wiz.WizardButton.BackButton).setEnabled(not busy and not self._committed())

    def _committed(self) -> bool:
        return self.result is not None and self.result != CANCELLED and not self.result.dry_run \
            and self.result.status == "committed"

    def _finished(self, result) -> None:
        if result == CANCELLED:
            self.outcome.setText(self.tr("Cancelled while checking: nothing was imported."))
            return
        self.result = result
        lines = [self._status_line(result)]
        for step in result.steps:
            plan = step["plan"]
            if result.dry_run or result.status != "committed":
                lines.append(self.tr("%1: would create %2, update %3; %4 rejected").replace("%1", step["name"])
                             .replace("%2", str(plan["create"])).replace("%3", str(plan["update"]))
                             .replace("%4", str(plan["reject"] + plan["skip"])))
            else:
                lines.append(self.tr("%1: %2 created, %3 updated, %4 rejected").replace("%1", step["name"])
                             .replace("%2", str(step["created"])).replace("%3", str(step["updated"]))
                             .replace("%4", str(plan["reject"] + plan["skip"] + step["failed"])))
        if result.rejected_dir:
            lines.append(self.tr("The rejected rows, with their reasons, are in %1").replace("%1", result.rejected_dir))
        self.outcome.setText("\n".join(lines))
        self.rejected_button.setVisible(bool(result.rejected_dir))
        self._busy(False)
        self.completeChanged.emit()

    def _status_line(self, result) -> str:
        words = {"dry_run": self.tr("Dry run: nothing was written."), "committed": self.tr("Imported."),
                 "failed": self.tr("Not imported."), "cancelled": self.tr("Cancelled."),
                 "needs_decisions": self.tr("Questions are still open; nothing was imported.")}
        return words.get(result.status, result.status) + "\n" + result.message

    def _failed(self, exc) -> None:
        self.outcome.setText("⚠ " + (exc.message if isinstance(exc, DomainError) else str(exc)))

    def open_rejected(self) -> None:
        if self.result is not None and self.result.rejected_dir:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.result.rejected_dir))

    def isComplete(self) -> bool:
        return self._committed()
