"""The import log: every run with its mapping, files, counts, decisions and the folder
of its rejected rows, so the user can reopen what an import did."""
from __future__ import annotations

from sqlalchemy import literal_column, select

from app import clock
from app.models import ImportRun

RUNS = ImportRun.__table__


def start(store, run_id: str, *, actor, source: str, mapping_name: str | None, mapping: dict | None,
          mode: str, dry_run: bool) -> None:
    with store.write() as s:
        s.execute(RUNS.insert().values(
            id=run_id, started_at=clock.now_iso(), actor_id=actor.id, source=source, mapping_name=mapping_name,
            mapping=mapping, mode=mode, dry_run=dry_run, status="running"))


def finish(store, run_id: str, *, status: str, message: str | None = None, counts: dict | None = None,
           decisions: list | None = None, rejected_path: str | None = None, files: list | None = None) -> None:
    values = {"status": status, "finished_at": clock.now_iso(), "message": message}
    for key, value in (("counts", counts), ("decisions", decisions), ("rejected_path", rejected_path),
                       ("files", files)):
        if value is not None:
            values[key] = value
    with store.write() as s:
        s.execute(RUNS.update().where(RUNS.c.id == run_id).values(**values))


def runs(store, *, limit: int = 100) -> list[dict]:
    """The latest runs first: id, when, source, mapping, mode, dry run, status, message."""
    cols = [RUNS.c[n] for n in ("id", "started_at", "finished_at", "source", "mapping_name", "mode",
                                "dry_run", "status", "message", "rejected_path")]
    with store.read() as s:
        return [dict(r) for r in s.execute(
            select(*cols).order_by(RUNS.c.started_at.desc(), literal_column("rowid").desc()).limit(limit)).mappings()]


def run(store, run_id: str) -> dict | None:
    """One run in full (counts, decisions and answers, files, the mapping used)."""
    with store.read() as s:
        row = s.execute(select(RUNS).where(RUNS.c.id == run_id)).mappings().first()
    return dict(row) if row else None
