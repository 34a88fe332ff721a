"""Help > About: what this program is, its version and licence, what it runs on, and where
it keeps its data and logs (what support asks for first; Copy puts it on the clipboard)."""
from __future__ import annotations

import platform
import sys

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout

from app import __version__
from app.logs import current_log_file
from app.paths import data_root, log_dir
from ui.icons import app_icon

LICENCE = "MIT"


def details() -> dict:
    """The facts the dialog shows, as plain values."""
    log_file = current_log_file()
    return {
        "version": __version__,
        "licence": LICENCE,
        "qt": qVersion(),
        "pyside": PySide6.__version__,
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()} ({platform.machine()})",
        "bundle": bool(getattr(sys, "frozen", False)),
        "data": str(data_root()),
        "log": str(log_file or log_dir()),
    }


class AboutDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About LTC Desk"))
        facts = self.facts = details()
        icon = QLabel(self)
        icon.setPixmap(app_icon().pixmap(96, 96))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.title = title = QLabel(self.tr("LTC Desk %1").replace("%1", facts["version"]), self)
        title.setStyleSheet("font-size: 20px; font-weight: bold;")
        lines = [
            self.tr("Lead to cash, offline first: leads, customers, deals, quotes, orders, invoices and "
                    "payments, synced with your team's server."),
            self.tr("Released under the %1 licence. The bundled document font is WenQuanYi Micro Hei "
                    "(Apache 2.0); Qt is used under the LGPL 3.").replace("%1", facts["licence"]),
            self.tr("Qt %1, PySide6 %2, Python %3 on %4").replace("%1", facts["qt"]).replace(
                "%2", facts["pyside"]).replace("%3", facts["python"]).replace("%4", facts["system"]),
            self.tr("Data: %1").replace("%1", facts["data"]),
            self.tr("Log: %1").replace("%1", facts["log"]),
        ]
        self.body = QLabel("\n\n".join(lines), self)
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.setMinimumWidth(420)
        text = QVBoxLayout()
        text.addWidget(title)
        text.addWidget(self.body)
        text.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = buttons.addButton(self.tr("Copy details"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        """Put the version and environment on the clipboard, for a support request."""
        QGuiApplication.clipboard().setText("\n".join(f"{k}: {v}" for k, v in self.facts.items()))
