"""The import log: every import and dry run with its file, mapping, counts, the answers
given to its decisions and the file of its rejected rows, to reopen later."""
from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QPushButton, QSplitter, QTableView, QTextBrowser,
    QVBoxLayout,
)

from app.imports import log
from ui import formatting
from ui.records.dict_model import DictTableModel


class ImportLogDialog(QDialog):
    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.detail: dict | None = None
        self.setWindowTitle(self.tr("Import log"))
        self.setObjectName("importLog")
        self.resize(980, 640)
        layout = QVBoxLayout(self)
        status = {"committed": self.tr("imported"), "dry_run": self.tr("dry run"), "failed": self.tr("failed"),
                  "cancelled": self.tr("cancelled"), "needs_decisions": self.tr("waiting for answers"),
                  "running": self.tr("running")}
        self.runs = DictTableModel([
            ("started_at", self.tr("When"), lambda r: formatting.local_datetime(r["started_at"])),
            ("source", self.tr("File or folder"), lambda r: Path(r["source"]).name),
            ("mapping_name", self.tr("Mapping"), None),
            ("mode", self.tr("Mode"), lambda r: self.tr("valid rows") if r["mode"] == "valid_rows"
             else self.tr("all or nothing")),
            ("status", self.tr("Outcome"), lambda r: status.get(r["status"], r["status"])),
            ("message", self.tr("Message"), None),
        ], self)
        self.view = QTableView(self)
        self.view.setModel(self.runs)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.text = QTextBrowser(self)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.view)
        split.addWidget(self.text)
        layout.addWidget(split, 1)
        row = QHBoxLayout()
        self.rejected_button = QPushButton(self.tr("Open the rejected rows"), self)
        self.rejected_button.setEnabled(False)
        self.rejected_button.clicked.connect(self.open_rejected)
        refresh = QPushButton(self.tr("Refresh"), self)
        refresh.clicked.connect(lambda: self.reload())
        row.addWidget(self.rejected_button)
        row.addWidget(refresh)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row.addWidget(buttons)
        layout.addLayout(row)
        self.view.selectionModel().currentRowChanged.connect(lambda current, _prev: self.show_run(current.row()))
        self.reload()

    def reload(self):
        """Read the latest runs (in the background); the first is shown."""
        return self.ws.ops.submit(log.runs, self.ws.store, on_done=self._listed, latest=(self, "_listed"))

    def _listed(self, runs: list[dict]) -> None:
        self.runs.set_rows(runs)
        if runs:
            self.view.setCurrentIndex(self.runs.index(0, 0))

    def show_run(self, row: int):
        run = self.runs.row(row)
        if not run:
            return None
        return self.ws.ops.submit(log.run, self.ws.store, run["id"], on_done=self._detail, latest=(self, "_detail"))

    def _detail(self, run: dict | None) -> None:
        self.detail = run
        self.rejected_button.setEnabled(bool(run and run.get("rejected_path")))
        self.text.setHtml(self.describe(run) if run else "")

    def describe(self, run: dict) -> str:
        """A run in full, as the lower pane shows it."""
        e = html.escape
        parts = [f"<h3>{e(Path(run['source']).name)}</h3>",
                 f"<p>{e(run['source'])}<br>{e(self.tr('Mapping'))}: {e(run.get('mapping_name') or '—')}<br>"
                 f"{e(run.get('message') or '')}</p>"]
        counts = run.get("counts") or {}
        if counts:
            parts.append(f"<p><b>{e(self.tr('Steps'))}</b></p><ul>")
            for name, c in counts.items():
                plan = c.get("plan", {})
                parts.append("<li>" + e(self.tr("%1 (%2): %3 rows — %4 created, %5 updated, %6 rejected")
                                         .replace("%1", name).replace("%2", c.get("entity", ""))
                                         .replace("%3", str(c.get("rows", 0))).replace("%4", str(c.get("created", 0)))
                                         .replace("%5", str(c.get("updated", 0)))
                                         .replace("%6", str(plan.get("reject", 0) + plan.get("skip", 0)
                                                            + c.get("failed", 0)))) + "</li>")
            parts.append("</ul>")
        decisions = run.get("decisions") or []
        if decisions:
            parts.append(f"<p><b>{e(self.tr('Questions and answers'))}</b></p><ul>")
            for d in decisions:
                answer = d.get("answer")
                given = (answer["action"] + (f": {answer['value']}" if answer.get("value") is not None else "")) \
                    if answer else self.tr("not answered")
                parts.append(f"<li>{e(d.get('question') or d['key'])}<br><i>{e(given)}</i></li>")
            parts.append("</ul>")
        for f in run.get("files") or []:
            parts.append(f"<p>{e(f['path'])} — {e(f.get('format') or '')} {e(f.get('encoding') or '')}, "
                         f"{f.get('rows', 0)} {e(self.tr('rows'))}</p>")
        if run.get("rejected_path"):
            parts.append(f"<p>{e(self.tr('Rejected rows'))}: {e(run['rejected_path'])}</p>")
        return "".join(parts)

    def open_rejected(self) -> None:
        if self.detail and self.detail.get("rejected_path"):
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.detail["rejected_path"]))
