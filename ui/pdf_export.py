"""Saving a quote, invoice or credit note as PDF: a save dialog, the file written in the
background (app/documents), then opened in the platform's viewer when there is one."""
from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from app import documents

LAST_DIR = "pdf/last_dir"


def _tr(text: str) -> str:
    return QCoreApplication.translate("PdfExport", text)


def file_name(title: str) -> str:
    """A file name from a document's title, safe on every platform."""
    cleaned = re.sub(r'[\\/:*?"<>|\s]+', "_", title).strip("._") or "document"
    return cleaned[:120] + ".pdf"


def export_pdf(workspace, parent, entity: str, record_id: str, title: str, *, on_done=None):
    """Ask where to save `entity` ("quote" or "invoice") `record_id` as PDF, write it in the
    background and open it. Returns the background task, or None when cancelled.
    `on_done(path, opened)` follows, `opened` saying whether a viewer took the file."""
    folder = QSettings().value(LAST_DIR) or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
    path, _ = QFileDialog.getSaveFileName(parent, _tr("Save as PDF"), str(Path(folder) / file_name(title)),
                                          _tr("PDF files (*.pdf)"))
    if not path:
        return None
    if not path.lower().endswith(".pdf"):
        path += ".pdf"
    QSettings().setValue(LAST_DIR, str(Path(path).parent))
    render = documents.quote_pdf if entity == "quote" else documents.invoice_pdf
    store = workspace.store

    def write() -> str:
        render(store, record_id, path=path)
        return path

    def written(saved: str) -> None:
        opened = QDesktopServices.openUrl(QUrl.fromLocalFile(saved))
        window = parent.window() if parent is not None else None
        if window is not None and hasattr(window, "statusBar"):
            window.statusBar().showMessage(_tr("Saved %1").replace("%1", saved), 8000)
        if on_done is not None:
            on_done(saved, opened)

    write.__name__ = f"{entity}_pdf"
    return workspace.ops.submit(write, on_done=written)
