"""Background work. An operation is a plain callable run off the GUI thread with the
Store; its result or exception comes back as a signal on the GUI thread. Reads run in
parallel; writes run one at a time on their own single-thread pool (SQLite has one
writer anyway, and queuing here keeps the GUI from waiting on the database lock).
Exceptions are logged and reported, never lost."""
from __future__ import annotations

import itertools
import logging
import traceback

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from app.errors import DomainError

log = logging.getLogger(__name__)


class Task(QObject):
    """One running operation. `sig_done(result)` or `sig_failed(exception)` arrive on
    the GUI thread; the callbacks given to Operations are connected to them."""

    sig_done = Signal(object)
    sig_failed = Signal(object)

    def __init__(self, parent: "Operations"):
        super().__init__(parent)
        self.cancelled = False
        self.latest_key = None
        self.number = 0  # its key among the running tasks

    def _deliver(self, ok: bool, value) -> None:
        ops = self.parent()
        try:
            if self.cancelled:
                return
            if ok:
                self.sig_done.emit(value)
            else:
                self.sig_failed.emit(value)
                ops.sig_error.emit(value)
        finally:
            ops._finished(self)

    def cancel(self) -> None:
        """Drop the result when it arrives (the work itself runs to its end)."""
        self.cancelled = True


class _Relay(QObject):
    """Carries results from the pool's threads to the GUI thread. The worker threads only
    ever hold this long-lived object and a task's number, never a Task: the last
    reference to a Task (a QObject of the GUI thread) must not be dropped on a worker
    thread while the GUI thread deletes it."""

    finished = Signal(int, bool, object)


class _Runnable(QRunnable):
    def __init__(self, relay: _Relay, number: int, fn, args, kwargs):
        super().__init__()
        self.relay, self.number, self.fn, self.args, self.kwargs = relay, number, fn, args, kwargs

    def run(self) -> None:
        try:
            result = self.fn(*self.args, **self.kwargs)
        except Exception as exc:  # noqa: BLE001 - every failure is reported through the signal
            if not isinstance(exc, DomainError):
                log.error("background operation %s failed:\n%s", getattr(self.fn, "__name__", self.fn),
                          traceback.format_exc())
            self.relay.finished.emit(self.number, False, exc)
        else:
            self.relay.finished.emit(self.number, True, result)


class Operations(QObject):
    """Runs reads and writes for the widgets. `sig_error(exception)` reports every failure
    (the main window shows it); `sig_busy(bool)` says whether anything is running."""

    sig_error = Signal(object)
    sig_busy = Signal(bool)

    def __init__(self, store, events, parent=None, *, readers: int = 3):
        super().__init__(parent)
        self.store = store
        self.events = events
        self._reads = QThreadPool(self)
        self._reads.setMaxThreadCount(readers)
        self._writes = QThreadPool(self)
        self._writes.setMaxThreadCount(1)
        self._running: dict[int, Task] = {}
        self._numbers = itertools.count(1)
        self._latest: dict = {}
        self._relay = _Relay(self)
        self._relay.finished.connect(self._arrived)

    # -- generic ----------------------------------------------------------------------
    def submit(self, fn, *args, write: bool = False, on_done=None, on_error=None, latest=None, **kwargs) -> Task:
        """Run `fn(*args, **kwargs)` in the background (the write pool if `write`).

        `latest`: a key (e.g. `(self, "rows")`) for a read that a screen repeats as the
        selection, the filter or the data changes. Reads run in parallel and can finish
        in any order; a newer read under the same key drops the result of any older one
        still running, so a stale answer never lands on top of a fresh one."""
        task = Task(self)
        if latest is not None:
            older = self._latest.get(latest)
            if older is not None:
                older.cancel()
            self._latest[latest] = task
            task.latest_key = latest
        if on_done is not None:
            task.sig_done.connect(on_done)
        if on_error is not None:
            task.sig_failed.connect(on_error)
        number = next(self._numbers)
        self._running[number] = task
        task.number = number
        if len(self._running) == 1:
            self.sig_busy.emit(True)
        (self._writes if write else self._reads).start(_Runnable(self._relay, number, fn, args, kwargs))
        return task

    @Slot(int, bool, object)
    def _arrived(self, number: int, ok: bool, value) -> None:
        task = self._running.get(number)
        if task is not None:
            task._deliver(ok, value)

    def _finished(self, task: Task) -> None:
        self._running.pop(task.number, None)
        if task.latest_key is not None and self._latest.get(task.latest_key) is task:
            del self._latest[task.latest_key]
        task.deleteLater()
        if not self._running:
            self.sig_busy.emit(False)

    def idle(self) -> bool:
        return not self._running

    # -- the two shapes the widgets use -------------------------------------------------
    def query(self, fn, *args, on_done=None, on_error=None, latest=None, **kwargs) -> Task:
        """Run read function `fn(session, *args, **kwargs)` in a read session (`latest`:
        see `submit`)."""
        store = self.store

        def work():
            with store.read() as session:
                return fn(session, *args, **kwargs)

        work.__name__ = getattr(fn, "__name__", "query")
        return self.submit(work, on_done=on_done, on_error=on_error, latest=latest)

    def service(self, fn, *args, on_done=None, on_error=None, **kwargs) -> Task:
        """Run service `fn(uow, *args, **kwargs)` in its own unit of work on the write
        pool; after it commits, broadcast the entities it changed."""
        store = self.store

        def work():
            with store.unit() as uow:
                result = fn(uow, *args, **kwargs)
                changed = {entity for entity, _, _ in uow.changed}
            return result, changed

        work.__name__ = getattr(fn, "__name__", "service")

        def done(value):
            result, changed = value
            if on_done is not None:
                on_done(result)
            self.events.changed(changed)

        return self.submit(work, write=True, on_done=done, on_error=on_error)

    def raw_write(self, fn, *args, on_done=None, on_error=None, **kwargs) -> Task:
        """Run `fn(conn, *args)` with a raw sqlite3 connection of the store on the write pool."""
        return self._raw(fn, args, kwargs, write=True, on_done=on_done, on_error=on_error)

    def raw_read(self, fn, *args, on_done=None, on_error=None, **kwargs) -> Task:
        """Run `fn(conn, *args)` with a raw sqlite3 connection of the store on the read pool."""
        return self._raw(fn, args, kwargs, write=False, on_done=on_done, on_error=on_error)

    def _raw(self, fn, args, kwargs, *, write: bool, on_done, on_error) -> Task:
        store = self.store

        def work():
            pooled = store.engine.raw_connection()
            try:
                return fn(pooled.driver_connection, *args, **kwargs)
            finally:
                pooled.close()

        work.__name__ = getattr(fn, "__name__", "raw_write" if write else "raw_read")
        return self.submit(work, write=write, on_done=on_done, on_error=on_error)

    def wait(self, msecs: int = 30000) -> bool:
        """Block until both pools are idle (shutdown and tests)."""
        return self._reads.waitForDone(msecs) and self._writes.waitForDone(msecs)
