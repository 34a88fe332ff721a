"""The wizard's third page: every row checked before anything is written. The plan says
per row what an import would do (create, update, leave unchanged, reject with the
reason); the decisions the data needs are answered here, then it is checked again."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QScrollArea, QSplitter, QTableView,
    QVBoxLayout, QWidget, QWizardPage,
)

from app.errors import DomainError
from ui.imports.decisions_view import DecisionsView
from ui.imports.runner import CANCELLED
from ui.records.dict_model import DictTableModel

translate = QCoreApplication.translate
PREVIEW_LIMIT = 500
PROBLEMS = ("reject", "skip", "undecided")


def action_text(action: str) -> str:
    """What the import will do with a row, in the user's language."""
    return {"create": translate("CheckPage", "create"), "update": translate("CheckPage", "update"),
            "unchanged": translate("CheckPage", "unchanged"), "reject": translate("CheckPage", "rejected"),
            "skip": translate("CheckPage", "skipped"),
            "undecided": translate("CheckPage", "waits for a decision")}.get(action, action)


class CheckPage(QWizardPage):
    def __init__(self, wizard):
        super().__init__(wizard)
        self.wiz = wizard
        self.plan = None
        self.setTitle(self.tr("Check and decide"))
        self.setSubTitle(self.tr("Nothing has been written yet. Rows that cannot be imported say why; questions "
                                 "the data raises need an answer before anything is imported."))
        layout = QVBoxLayout(self)
        busy = QHBoxLayout()
        self.progress = QProgressBar(self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(wizard.runner.cancel)
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.cancel_button)
        layout.addLayout(busy)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        split = QSplitter(Qt.Orientation.Vertical, self)
        top = QWidget(split)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        self.decisions_title = QLabel(top)
        self.decisions_title.setStyleSheet("font-weight: bold;")
        top_layout.addWidget(self.decisions_title)
        area = QScrollArea(top)
        area.setWidgetResizable(True)
        self.decisions = DecisionsView(wizard.ws, area)
        area.setWidget(self.decisions)
        top_layout.addWidget(area, 1)
        self.apply_button = QPushButton(self.tr("Apply the answers and check again"), top)
        self.apply_button.clicked.connect(lambda: self.apply_answers())
        top_layout.addWidget(self.apply_button)
        bottom = QWidget(split)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        preview_bar = QHBoxLayout()
        preview_bar.addWidget(QLabel(self.tr("Rows of"), bottom))
        self.step = QComboBox(bottom)
        self.step.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        preview_bar.addWidget(self.step)
        self.only_problems = QCheckBox(self.tr("Only rows with a problem"), bottom)
        preview_bar.addWidget(self.only_problems)
        preview_bar.addStretch(1)
        bottom_layout.addLayout(preview_bar)
        self.preview = DictTableModel([], self)
        self.preview_view = QTableView(bottom)
        self.preview_view.setModel(self.preview)
        self.preview_view.verticalHeader().hide()
        self.preview_view.setWordWrap(False)
        bottom_layout.addWidget(self.preview_view, 1)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setSizes([360, 300])
        layout.addWidget(split, 1)
        self.step.currentIndexChanged.connect(lambda _i: self.show_rows())
        self.only_problems.toggled.connect(lambda _on: self.show_rows())
        wizard.runner.sig_progress.connect(self._progress)
        wizard.runner.sig_busy.connect(self._busy)
        self._busy(False)

    # -- planning --------------------------------------------------------------------------
    def initializePage(self) -> None:
        # Answers given before going back stay: those the new plan does not ask for are unused.
        self.check()

    def check(self):
        """Plan the import with the answers given so far (in the background)."""
        self.plan = None
        self.completeChanged.emit()
        try:
            self.wiz.source = self.wiz.build_source()
        except DomainError as exc:
            self.summary.setText("⚠ " + exc.message)
            return None
        self.summary.setText(self.tr("Checking every row…"))
        return self.wiz.runner.plan(self.wiz.source, dict(self.wiz.answers), on_done=self._planned,
                                    on_error=self._failed)

    def _progress(self, phase: str, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.apply_button.setEnabled(not busy)

    def _planned(self, plan) -> None:
        if plan == CANCELLED:
            self.summary.setText(self.tr("Checking was cancelled; go back, or apply the answers to check again."))
            return
        self.plan = plan
        self.wiz.plan = plan
        lines = []
        for sp in plan.steps:
            c = sp.counts()
            line = self.tr("%1: %n row(s) — %2 to create, %3 to update, %4 unchanged, %5 rejected, %6 waiting for "
                           "a decision", "", c["rows"]).replace("%1", sp.step.name).replace("%2", str(c["create"])) \
                .replace("%3", str(c["update"])).replace("%4", str(c["unchanged"])) \
                .replace("%5", str(c["reject"] + c["skip"])).replace("%6", str(c["undecided"]))
            if sp.skipped:
                line += " — " + self.tr("skipped: your role may not create these; names are looked up instead")
            lines.append(line)
        open_count = len(plan.open_decisions())
        if open_count:
            lines.append(self.tr("%n question(s) need an answer before anything can be imported.", "", open_count))
        elif plan.bad_answers:
            lines.append(self.tr("Some answers cannot be used; see below."))
        else:
            lines.append(self.tr("Ready: go on to do a dry run or the import."))
        self.summary.setText("\n".join(lines))
        self.decisions_title.setText(self.tr("Questions (%n)", "", len(plan.decisions)))
        self.decisions.set_decisions(plan.decisions, plan.bad_answers)
        self.decisions_title.setVisible(bool(plan.decisions))
        self.apply_button.setVisible(bool(plan.decisions))
        current = self.step.currentText()
        self.step.blockSignals(True)
        self.step.clear()
        self.step.addItems([sp.step.name for sp in plan.steps])
        self.step.setCurrentIndex(max(0, self.step.findText(current)))
        self.step.blockSignals(False)
        self.step.setVisible(len(plan.steps) > 1)
        self.show_rows()
        self.completeChanged.emit()

    def _failed(self, exc) -> None:
        self.summary.setText("⚠ " + (exc.message if isinstance(exc, DomainError) else str(exc)))

    def apply_answers(self):
        """Take the answers chosen and check again; returns the task (None if an answer is incomplete)."""
        answers, ok = self.decisions.answers()
        if not ok:
            return None
        self.wiz.answers = answers
        return self.check()

    # -- the rows ----------------------------------------------------------------------------
    def show_rows(self) -> None:
        if self.plan is None or not self.step.currentText():
            self.preview.set_rows([])
            return
        name = self.step.currentText()
        sp = next(s for s in self.plan.steps if s.step.name == name)
        rows = self.plan.preview(name, limit=PREVIEW_LIMIT, actions=PROBLEMS if self.only_problems.isChecked()
                                 else None)
        waits = {d.key: f"{d.field} “{d.value}”" if d.value else d.field for d in self.plan.decisions}
        columns = [("line", self.tr("Line"), None),
                   ("action", self.tr("Outcome"), lambda r: action_text(r["action"])),
                   ("reason", self.tr("Why"), lambda r: r["reason"] or ", ".join(waits.get(k, k) for k in r["waiting"]))]
        columns += [(c, c, lambda r, c=c: r["cells"].get(c, "")) for c in sp.table.columns]
        self.preview.columns = columns
        self.preview.set_rows(rows)
        self.preview_view.resizeColumnsToContents()
        header = self.preview_view.horizontalHeader()
        for column in range(len(columns)):
            header.resizeSection(column, min(header.sectionSize(column), 320))

    def isComplete(self) -> bool:
        return self.plan is not None and self.plan.ready and not self.wiz.runner.busy

    def validatePage(self) -> bool:
        return self.isComplete()  # Next (or a caller's next()) waits for what the page needs
