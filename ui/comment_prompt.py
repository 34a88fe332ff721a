"""Asking for a comment or a reason before a decision (approve, reject, return, refuse)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox


def ask_comment(parent, title: str, label: str, *, required: bool = False) -> str | None:
    """The comment typed (stripped, maybe ""), or None when the person cancelled. With
    `required`, an empty comment is refused and asked again."""
    while True:
        text, ok = QInputDialog.getMultiLineText(parent, title, label, "")
        if not ok:
            return None
        text = (text or "").strip()
        if text or not required:
            return text
        QMessageBox.information(parent, title, QCoreApplication.translate(
            "CommentPrompt", "Please say why: a comment is required here."))
