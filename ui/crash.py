"""Errors nobody caught: logged with their traceback, then a dialog that says something went
wrong and where the log file is, instead of a silent failure or a vanished window.

Covers exceptions in the GUI thread (sys.excepthook: PySide6 routes exceptions raised in
slots and event handlers there) and in any other thread (threading.excepthook); the
dialog always opens on the GUI thread. Errors of background operations do not come
here: ui/operations.py reports those through `sig_error`.
"""
from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

log = logging.getLogger(__name__)


class CrashReporter(QObject):
    """Install with `install()`; `uninstall()` puts the previous hooks back.
    `sig_crashed(summary, details)` fires on the GUI thread for each uncaught error."""

    sig_crashed = Signal(str, str)

    def __init__(self, log_path: Path | str | None, parent=None):
        super().__init__(parent)
        self.log_path = Path(log_path) if log_path else None
        self._previous = None
        self._showing = False
        self.sig_crashed.connect(self._show)

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    # -- hooks (any thread) -------------------------------------------------------------
    def excepthook(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        self._report(exc_type, exc, tb, threading.current_thread().name)

    def thread_excepthook(self, args) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "a thread"
        self._report(args.exc_type, args.exc_value, args.exc_traceback, name)

    def _report(self, exc_type, exc, tb, where: str) -> None:
        log.critical("uncaught error in %s", where, exc_info=(exc_type, exc, tb))
        summary = "".join(traceback.format_exception_only(exc_type, exc)).strip()
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        # A queued connection when called off the GUI thread: the dialog opens there.
        self.sig_crashed.emit(summary, details)

    # -- GUI thread -------------------------------------------------------------------
    def build_dialog(self, summary: str, details: str) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("LTC Desk: unexpected error"),
                          self.tr("Something went wrong that LTC Desk did not expect:\n%1\n\n"
                                  "Your saved data is safe. If the program misbehaves from here, "
                                  "close it and start it again.").replace("%1", summary))
        box.setObjectName("crashDialog")
        if self.log_path is not None:
            box.setInformativeText(self.tr("The details are in the log file:\n%1").replace("%1", str(self.log_path)))
            folder = box.addButton(self.tr("Open log folder"), QMessageBox.ButtonRole.ActionRole)
            folder.clicked.connect(self.open_log_folder)
        else:
            box.setInformativeText(self.tr("No log file could be written; the details are below."))
        box.setDetailedText(details)
        box.addButton(QMessageBox.StandardButton.Close)
        return box

    @Slot(str, str)
    def _show(self, summary: str, details: str) -> None:
        if self._showing:  # one dialog at a time; the log has every occurrence
            return
        self._showing = True
        try:
            self.build_dialog(summary, details).exec()
        except Exception:  # noqa: BLE001 - a failing dialog must not feed the hook again
            log.exception("could not show the error dialog")
        finally:
            self._showing = False

    def open_log_folder(self) -> None:
        if self.log_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_path.parent)))
