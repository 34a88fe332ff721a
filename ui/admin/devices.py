"""The devices that sync (admins): per device its user, app version, last push, the
changes it still held then, its rejected mutations and its open conflicts."""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sync import admin_users
from ui import formatting, remote
from ui.conflicts.queue import table
from ui.records.dict_model import DictTableModel


class DevicesTab(QWidget):
    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.devices: list[dict] = []
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        intro = QLabel(self.tr("Each client reports its name, version and queued changes with every push; "
                               "its last sync is its latest push or finished pull."), self)
        intro.setWordWrap(True)
        head.addWidget(intro, 1)
        refresh = QPushButton(self.tr("Refresh"), self)
        refresh.clicked.connect(self.refresh)
        head.addWidget(refresh)
        layout.addLayout(head)
        self.model = DictTableModel([
            ("username", self.tr("User"), None),
            ("device_name", self.tr("Device"), None),
            ("app_version", self.tr("Version"), None),
            ("last_sync_at", self.tr("Last sync"), lambda d: formatting.local_datetime(d.get("last_sync_at"))),
            ("pending", self.tr("Pending at last push"),
             lambda d: "" if d.get("pending") is None else str(d["pending"])),
            ("rejected", self.tr("Rejected"), lambda d: str(d["rejected"])),
            ("open_conflicts", self.tr("Open conflicts"), lambda d: str(d["open_conflicts"])),
        ], self, colour=lambda d: "#c62828" if d["rejected"] or d["open_conflicts"] else "")
        self.view = table(self.model, self)
        self.view.setObjectName("devices")
        layout.addWidget(self.view, 1)
        self.message = QLabel(self)
        layout.addWidget(self.message)

    def refresh(self) -> None:
        remote.call(self.ws, admin_users.list_devices, on_done=self._arrived,
                    on_error=lambda exc: self.message.setText(exc.message), owner=self)

    def _arrived(self, devices: list[dict]) -> None:
        self.devices = devices
        self.model.set_rows(devices)
        self.view.resizeColumnsToContents()
        self.message.setText(self.tr("%n device(s)", "", len(devices)))
