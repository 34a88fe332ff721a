"""Writing generated data into a local profile, fast.

Seeded rows are local sample data for demos and benchmarks. They go straight into the
tables with the raw sqlite3 driver (executemany of prepared tuples, one transaction),
not through the unit of work: `version` stays NULL, no outbox mutation and no audit
event is written, so nothing of it is ever pushed to a server and the audit trail
keeps recording only what people did. The connection is one of the Store's own, so it
has the Store's pragmas and the SQL functions the search index's triggers call.
"""
from __future__ import annotations

import datetime as dt
import operator
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from app.errors import ValidationError
from app.models import ENTITIES
from app.seed.batches import BATCH_SIZE, REFERENCE_DATE, check_request, generate

SEEDED = ("customer", "contact", "deal", "deal_stage_event", "activity")
# Page cache of the seeding connection only (KiB), restored afterwards. Ids are random
# UUIDs, so every index takes inserts all over its B-tree; with the default 2 MB cache
# those pages keep spilling to the WAL mid-transaction (600k rows: 40 s here, 29 s
# with this; more memory bought nothing more).
CACHE_KIB = 128 * 1024


@dataclass(frozen=True)
class SeedReport:
    """What a seed wrote: rows per entity, the time it took and the database's size."""

    path: Path
    seed: int
    counts: dict[str, int] = field(default_factory=dict)
    elapsed: float = 0.0
    db_bytes: int = 0

    @property
    def rows(self) -> int:
        return sum(self.counts.values())

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def db_mb(self) -> float:
        return self.db_bytes / 1_000_000

    def as_dict(self) -> dict:
        return {"path": str(self.path), "seed": self.seed, "counts": dict(self.counts), "rows": self.rows,
                "elapsed_s": round(self.elapsed, 3), "rows_per_s": round(self.rows_per_second),
                "db_mb": round(self.db_mb, 1)}

    def __str__(self) -> str:
        lines = [f"seeded {self.path} with seed {self.seed}: local sample data "
                 "(not queued for sync, no audit trail)"]
        for entity, n in self.counts.items():
            lines.append(f"  {ENTITIES[entity].__tablename__.replace('_', ' '):<20}{n:>12,}")
        lines.append(f"  {'total':<20}{self.rows:>12,} rows in {self.elapsed:.1f} s "
                     f"({self.rows_per_second:,.0f} rows/s)")
        lines.append(f"  {'database size':<20}{self.db_mb:>12,.1f} MB")
        return "\n".join(lines)


def _insert(entity: str, columns: tuple[str, ...]) -> tuple[str, operator.itemgetter]:
    """The statement for the columns the generator fills (a column added to the model
    later and not generated stays NULL, as it would for a row from an older release)."""
    table = ENTITIES[entity].__table__
    sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    return sql, operator.itemgetter(*columns)


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in (path, path.with_name(path.name + "-wal")) if p.exists())


def seed_profile(store, *, customers: int, deals: int, activities: int, contacts: int = 0, seed: int = 1,
                 owner_ids: list[str] | None = None, reference: dt.date = REFERENCE_DATE,
                 batch_size: int = BATCH_SIZE) -> SeedReport:
    """Generate the rows (see app.seed.batches.generate) and insert them into the profile
    in one transaction, as local sample data: `version` NULL, no outbox mutation, no
    audit event. Rows are owned by the profile's user unless `owner_ids` is given.

    Raises ValidationError, with nothing written, for bad counts, or when the profile
    already holds rows with the generated ids (the same seed seeded twice).
    """
    check_request(customers=customers, deals=deals, activities=activities, contacts=contacts,
                  owner_ids=owner_ids, batch_size=batch_size)
    owners = list(owner_ids) if owner_ids is not None else [store.actor().id]
    started = time.perf_counter()
    batches = generate(customers=customers, deals=deals, activities=activities, contacts=contacts, seed=seed,
                       owner_ids=owners, reference=reference, dictionary=store.dictionary(),
                       batch_size=batch_size)
    statements: dict[tuple[str, tuple[str, ...]], tuple] = {}
    counts = {entity: 0 for entity in SEEDED}
    pooled = store.engine.raw_connection()
    conn = pooled.driver_connection
    cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    try:
        conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        conn.execute("BEGIN IMMEDIATE")
        try:
            for entity, rows in batches:
                if not rows:
                    continue
                key = (entity, tuple(rows[0]))
                if key not in statements:
                    statements[key] = _insert(entity, key[1])
                sql, values = statements[key]
                conn.executemany(sql, map(values, rows))
                counts[entity] += len(rows)
        except sqlite3.IntegrityError as exc:
            conn.execute("ROLLBACK")
            raise ValidationError(
                {"seed": f"the profile already holds records with the ids of seed {seed} "
                         "(seeded before?): use another seed or a fresh profile"}) from exc
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        # Fold the transaction's WAL into the database file and shrink the WAL, so the
        # profile does not carry a WAL as big as the data it just received.
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.execute(f"PRAGMA cache_size={cache}")
        pooled.close()
    elapsed = time.perf_counter() - started
    return SeedReport(store.path, seed, counts, elapsed, _size(store.path))
