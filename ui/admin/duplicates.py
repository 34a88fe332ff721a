"""Duplicates beyond sync (admins): the server's duplicate scan, whose pairs land in the
conflict queue, and a merge tool for any two customers, contacts or leads, with the same
merge view as the queue."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sync import admin_conflicts
from ui import remote
from ui.conflicts.merge_view import MergeView
from ui.records.picker import RecordPicker
from ui.conflicts.wording import entity_name

MERGEABLE = ("customer", "contact", "lead")


class DuplicatesTab(QWidget):
    """`sig_show_queue()` to open the conflict queue; `sig_merged(result)`."""

    sig_show_queue = Signal()
    sig_merged = Signal(dict)

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.merge_view: MergeView | None = None
        layout = QVBoxLayout(self)
        scan = QHBoxLayout()
        self.scan_button = QPushButton(self.tr("Scan the server for duplicates"), self)
        self.scan_button.setObjectName("scan")
        self.scan_button.clicked.connect(self.scan)
        self.scan_result = QLabel(self.tr("Likely pairs (same credit code, phone or e-mail, or a near-identical "
                                          "name) become duplicate conflicts in the queue; a pair is never asked "
                                          "about twice."), self)
        self.scan_result.setObjectName("scan_result")
        self.scan_result.setWordWrap(True)
        queue = QPushButton(self.tr("Open the queue"), self)
        queue.clicked.connect(self.sig_show_queue)
        scan.addWidget(self.scan_button)
        scan.addWidget(self.scan_result, 1)
        scan.addWidget(queue)
        layout.addLayout(scan)
        heading = QLabel(self.tr("Merge two records"), self)
        heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        layout.addWidget(heading)
        pick = QHBoxLayout()
        self.entity = QComboBox(self)
        for entity in MERGEABLE:
            self.entity.addItem(entity_name(entity), entity)
        self.first = RecordPicker(workspace, "customer", self)
        self.first.setObjectName("first")
        self.second = RecordPicker(workspace, "customer", self)
        self.second.setObjectName("second")
        self.compare_button = QPushButton(self.tr("Compare"), self)
        self.compare_button.setObjectName("compare")
        self.compare_button.clicked.connect(self.compare)
        self.entity.currentIndexChanged.connect(lambda _i: self._entity_changed())
        for w in (self.entity, self.first, QLabel(self.tr("and"), self), self.second, self.compare_button):
            pick.addWidget(w)
        layout.addLayout(pick)
        self.host = QVBoxLayout()
        layout.addLayout(self.host, 1)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

    def _entity_changed(self) -> None:
        for picker in (self.first, self.second):
            picker.entity = self.entity.currentData()
            picker.pick(None)
            picker.clear()

    def scan(self) -> None:
        self.scan_button.setEnabled(False)
        self.scan_result.setText(self.tr("Scanning…"))

        def done(result: dict) -> None:
            self.scan_button.setEnabled(True)
            scanned = ", ".join(f"{n} {entity_name(e)}" for e, n in result["scanned"].items())
            self.scan_result.setText(self.tr("Looked at %1 in %2 s: %3 likely pair(s), %4 new in the queue.")
                                     .replace("%1", scanned).replace("%2", f"{result['seconds']:.1f}")
                                     .replace("%3", str(result["pairs"])).replace("%4", str(len(result["opened"]))))

        def failed(exc) -> None:
            self.scan_button.setEnabled(True)
            self.scan_result.setText(exc.message)

        remote.call(self.ws, admin_conflicts.scan_duplicates, on_done=done, on_error=failed, owner=self)

    def compare(self) -> MergeView | None:
        a, b = self.first.record_id(), self.second.record_id()
        if not a or not b or a == b:
            self.message.setText(self.tr("Pick two different records from the suggestions first."))
            return None
        if self.merge_view is not None:
            self.host.removeWidget(self.merge_view)
            self.merge_view.deleteLater()
        self.message.clear()
        view = MergeView(self.ws, self.entity.currentData(), a, b, titles=(self.first.text(), self.second.text()),
                         parent=self)
        view.setObjectName("merge_view")
        view.sig_merge.connect(self.merge)
        self.merge_view = view
        self.host.addWidget(view)
        view.show()
        return view

    def merge(self, request: dict) -> None:
        view = self.merge_view

        def done(result: dict) -> None:
            self.message.setText(self.tr("Merged: %n record(s) re-pointed to the survivor. Every client gets it on "
                                         "its next sync.", "", result["repointed"]))
            self.sig_merged.emit(result)
            remote.sync_soon(self.ws)

        remote.call(self.ws, admin_conflicts.merge_records, request["entity"], request["survivor_id"],
                    request["loser_id"], fields=request["fields"], note=request.get("note"), on_done=done,
                    on_error=lambda exc: view.show_error(exc.message), owner=view)
