"""Service reads without the write lock.

Some reads are service functions over a unit of work (the inbox, a hand-off's detail, a
quote comparison, a credit check, the reasons a quote needs approval), because the
services own those rules. A ReadUnit gives them a unit over a read session, so a screen
runs them on the read pool beside a writer instead of queueing behind it. It never
writes: a service that tries gets a RuntimeError, and the session is rolled back anyway.
"""
from __future__ import annotations

from app import clock
from app.services.unit import UnitOfWork


class ReadUnit(UnitOfWork):
    """A UnitOfWork over `store.read()`: the reads of UnitOfWork, no writes."""

    def __enter__(self) -> "ReadUnit":
        self._ctx = self.store.read()
        self.session = self._ctx.__enter__()
        self.now = clock.now_iso()
        return self

    def __exit__(self, exc_type, exc, tb):
        return self._ctx.__exit__(exc_type, exc, tb)

    def create(self, *_args, **_kwargs):
        raise RuntimeError("a read unit does not write")

    update = delete = create


def read(store, fn, *args, **kwargs):
    """Run the read `fn(uow, *args, **kwargs)` in a ReadUnit acting as the profile's user
    and return its result (its errors propagate)."""
    with ReadUnit(store, store.actor()) as uow:
        return fn(uow, *args, **kwargs)
