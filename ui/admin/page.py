"""The Administration page (admins only): users and books, devices, the data dictionary,
duplicates."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from ui import remote
from ui.admin.devices import DevicesTab
from ui.admin.dictionary_editor import DictionaryEditor
from ui.admin.duplicates import DuplicatesTab
from ui.admin.users import UsersTab


class AdminPage(QWidget):
    """`sig_show(view)` asks the window for another view (the conflict queue)."""

    sig_show = Signal(str)

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ws = workspace
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Administration"), self)
        title.setStyleSheet("font-size: 18px; font-weight: bold;")
        layout.addWidget(title)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #555;")
        layout.addWidget(self.notice)
        self.tabs = QTabWidget(self)
        self.users = UsersTab(workspace, self)
        self.devices = DevicesTab(workspace, self)
        self.dictionary = DictionaryEditor(workspace, self)
        self.duplicates = DuplicatesTab(workspace, self)
        self.duplicates.sig_show_queue.connect(lambda: self.sig_show.emit("conflicts"))
        self.tabs.addTab(self.users, self.tr("Users"))
        self.tabs.addTab(self.devices, self.tr("Devices"))
        self.tabs.addTab(self.dictionary, self.tr("Data dictionary"))
        self.tabs.addTab(self.duplicates, self.tr("Duplicates"))
        self.tabs.currentChanged.connect(lambda _i: self._load_current())
        layout.addWidget(self.tabs, 1)

    def start(self, _filter_key: str | None = None) -> None:
        online = remote.connected(self.ws)
        self.notice.setText("" if online else self.tr(
            "Users, devices, duplicates and merges live on the server: sign in to a server to manage them. The "
            "data dictionary can be edited here; it syncs once this profile is connected."))
        self.notice.setVisible(not online)
        self._load_current()

    def _load_current(self) -> None:
        tab = self.tabs.currentWidget()
        if tab is self.dictionary:
            self.dictionary.refresh()
        elif tab in (self.users, self.devices) and remote.connected(self.ws):
            tab.refresh()
