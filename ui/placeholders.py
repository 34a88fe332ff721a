"""Entries for what later releases fill (quotes to payments, conflicts, reports): they
say what is coming instead of showing an empty screen."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class ComingPage(QWidget):
    def __init__(self, title: str, text: str, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        head = QLabel(title, self)
        head.setStyleSheet("font-size: 18px; font-weight: bold;")
        body = QLabel(text, self)
        body.setWordWrap(True)
        body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        body.setStyleSheet("color: #444; font-size: 14px;")
        layout.addWidget(head)
        layout.addWidget(body)
        layout.addStretch(1)
