"""The import wizard: what to import -> columns and values -> check and decide -> import.

Everything it reads or writes goes through app.imports in the background (ui/imports/
runner.py); the pages share the source, the answers to the decisions and the plan here.
"""
from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWizard

from app.imports import ImportSource
from ui.imports.check_page import CheckPage
from ui.imports.mapping_page import MappingPage
from ui.imports.run_page import RunPage
from ui.imports.runner import ImportRunner
from ui.imports.source_page import SourcePage


class ImportWizard(QWizard):
    """`sig_imported(result)` after an import was committed."""

    sig_imported = Signal(object)

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.runner = ImportRunner(workspace, self)
        self.source: ImportSource | None = None
        self.answers: dict = {}
        self.plan = None
        self.setWindowTitle(self.tr("Import"))
        self.setObjectName("importWizard")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.resize(1000, 720)
        self.source_page = SourcePage(self)
        self.mapping_page = MappingPage(self)
        self.check_page = CheckPage(self)
        self.run_page = RunPage(self)
        for page in (self.source_page, self.mapping_page, self.check_page, self.run_page):
            self.addPage(page)
        self.runner.sig_busy.connect(lambda busy: self.button(QWizard.WizardButton.CancelButton).setEnabled(not busy))
        self.runner.sig_busy.connect(lambda _busy: self.check_page.completeChanged.emit())

    def build_source(self) -> ImportSource:
        """The source as chosen on the first two pages (DomainError if it cannot be used)."""
        page = self.source_page
        if page.directory:
            return ImportSource.for_directory(page.folder.text().strip(), page.mapping_set)
        mapping = self.mapping_page.current_mapping()
        if mapping is not None and not mapping.name:  # the log says which mapping a run used
            mapping = dataclasses.replace(mapping, name=self.tr("as mapped in the wizard"))
        if mapping is None:
            from app.imports import MappingProblem

            raise MappingProblem(self.mapping_page.message.text() or "the mapping cannot be used")
        return ImportSource.for_file(page.chosen_entity(), page.path.text().strip(), mapping,
                                     encoding=page.chosen_encoding() or page.table.encoding,
                                     sheet=page.chosen_sheet())

    def open_log(self):
        from ui.imports.log_dialog import ImportLogDialog

        dialog = ImportLogDialog(self.ws, self)
        dialog.open()
        return dialog

    def done(self, result: int) -> None:
        if self.runner.busy:
            self.runner.cancel()  # closing mid-run: stop at the next row (all or nothing rolls back)
        if self.run_page.result is not None and self.run_page._committed():
            self.sig_imported.emit(self.run_page.result)
        super().done(result)
