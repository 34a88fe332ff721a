"""Imports in the background: planning (the preview and its decisions),
a dry run and the commit, each on the operations' pools with progress and cancel.

Progress comes from the worker thread through `sig_progress`; a cancel sets a flag the
engine checks between rows. A plan only reads; a dry run writes nothing but the log;
a commit is a write (one writer at a time) and broadcasts what it changed.
"""
from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from app.imports import Cancelled, ImportSource, plan_import, run_import

CANCELLED = "cancelled"


def _plan(store, source: ImportSource, answers: dict, actor, progress, cancel):
    try:
        return plan_import(store, source, answers, actor=actor, progress=progress, cancel=cancel)
    except Cancelled:
        return CANCELLED


def _run(store, source: ImportSource, answers: dict, actor, mode: str, dry_run: bool, progress, cancel):
    try:
        return run_import(store, source, answers, mode=mode, dry_run=dry_run, actor=actor, progress=progress,
                          cancel=cancel)
    except Cancelled:  # while planning: the engine has logged the run as cancelled
        return CANCELLED


class ImportRunner(QObject):
    """`sig_progress(phase, done, total)`; `sig_busy(bool)`; each call's result through
    its `on_done` (the string CANCELLED when the user cancelled) or `on_error`."""

    sig_progress = Signal(str, int, int)
    sig_busy = Signal(bool)

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self._cancel = threading.Event()
        self.busy = False

    def _progress(self, phase: str, done: int, total: int) -> None:
        self.sig_progress.emit(phase, done, total)  # from the worker; delivered on the GUI thread

    def cancel(self) -> None:
        """Stop the running plan or import at the next row."""
        self._cancel.set()

    def _start(self) -> None:
        self._cancel = threading.Event()
        self.busy = True
        self.sig_busy.emit(True)

    def _wrap(self, callback):
        def done(value):
            self.busy = False
            self.sig_busy.emit(False)
            if callback is not None:
                callback(value)
        return done

    def plan(self, source: ImportSource, answers: dict, *, on_done=None, on_error=None):
        """Plan `source` with `answers`: every row's outcome and the open decisions."""
        self._start()
        return self.ws.ops.submit(_plan, self.ws.store, source, answers, self.ws.actor, self._progress,
                                  self._cancel.is_set, on_done=self._wrap(on_done), on_error=self._wrap(on_error))

    def run(self, source: ImportSource, answers: dict, *, mode: str, dry_run: bool, on_done=None, on_error=None):
        """A dry run or the import itself, on the write pool (both log the run; only one
        writer at a time); after a commit the screens showing what it wrote are told."""
        self._start()

        def finished(result):
            if result != CANCELLED and not result.dry_run:
                entities = {s["entity"] for s in result.steps if s["created"] or s["updated"]}
                entities |= {e["entity"] for e in result.extras if e.get("entity")}
                self.ws.events.changed(entities | {"import_run"})
            if on_done is not None:
                on_done(result)

        return self.ws.ops.submit(_run, self.ws.store, source, answers, self.ws.actor, mode, dry_run, self._progress,
                                  self._cancel.is_set, write=True, on_done=self._wrap(finished),
                                  on_error=self._wrap(on_error))
