"""First run: work offline on this computer, or connect to a server."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout,
)

WELCOMED_KEY = "welcomed"  # profile setting: the first-run choice was made


class WelcomeDialog(QDialog):
    """`connect(url, user, password)` is injected: it signs the profile in (the sync engine
    puts the token in the keyring) and returns None, or raises with a message.
    `sig_choice("offline" | "connected")` tells the caller what was chosen."""

    sig_choice = Signal(str)

    def __init__(self, connect=None, parent=None, *, ops=None):
        super().__init__(parent)
        self._connect = connect
        self._ops = ops
        self.setWindowTitle(self.tr("Welcome to LTC Desk"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("LTC Desk keeps your customers, deals and tasks on this computer, so it works "
                               "offline. Choose how to start; an offline profile can connect to a server later "
                               "without losing anything."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.offline_button = QPushButton(self.tr("Work offline on this computer"), self)
        layout.addWidget(self.offline_button)
        box = QGroupBox(self.tr("Connect to a server"), self)
        form = QFormLayout(box)
        self.url = QLineEdit(box)
        self.url.setPlaceholderText("https://ltc.example.com")
        self.user = QLineEdit(box)
        self.password = QLineEdit(box)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Server"), self.url)
        form.addRow(self.tr("User"), self.user)
        form.addRow(self.tr("Password"), self.password)
        row = QHBoxLayout()
        self.connect_button = QPushButton(self.tr("Connect"), box)
        row.addStretch(1)
        row.addWidget(self.connect_button)
        form.addRow(row)
        self.error = QLabel(box)
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.error.hide()
        form.addRow(self.error)
        layout.addWidget(box)
        if connect is None:
            self.connect_button.setEnabled(False)
            self.connect_button.setToolTip(self.tr("Connecting to a server is not available in this version yet."))
        self.offline_button.clicked.connect(self._offline)
        self.connect_button.clicked.connect(self._try_connect)

    def _offline(self) -> None:
        self.sig_choice.emit("offline")
        self.accept()

    def _try_connect(self) -> None:
        url, user, password = self.url.text().strip(), self.user.text().strip(), self.password.text()
        if not (url and user and password):
            self._fail(self.tr("Enter the server address, your user name and your password."))
            return
        self.connect_button.setEnabled(False)
        if self._ops is not None:
            # Network: off the GUI thread.
            self._ops.submit(self._connect, url, user, password, on_done=lambda _r: self._connected(),
                             on_error=self._refused)
            return
        try:
            self._connect(url, user, password)
        except Exception as exc:  # noqa: BLE001 - shown to the person, who can try again
            self._refused(exc)
            return
        self._connected()

    def _connected(self) -> None:
        self.sig_choice.emit("connected")
        self.accept()

    def _refused(self, exc) -> None:
        self.connect_button.setEnabled(True)
        self._fail(str(getattr(exc, "message", exc)))

    def _fail(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
