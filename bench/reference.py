"""The physical reference: what this machine does with no product code in the way.

  raw sqlite3   executemany INSERT of simple rows into a fresh file (WAL, synchronous=
                NORMAL, one transaction), rows/s
  orjson        encode and decode of pull-page-like changes (a customer's wire record
                inside the change envelope, 5,000 to a page), records/s

Sync figures divided by these rates compare across machines: a machine twice as fast
at the raw work should sync about twice as fast, so the fraction stays put.

    .venv/bin/python -m bench.reference [--rows 200000]
"""
from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import orjson

PAGE = 5000


def sqlite_insert_rate(rows: int = 200_000, runs: int = 3) -> dict:
    """Median rows/s of one executemany INSERT of `rows` rows (text key, two text columns,
    one integer) into a fresh table, committed."""
    data = [(str(uuid.UUID(int=i)), f"客户 {i} 科技有限公司", i * 100, f"+86139{i:08d}") for i in range(rows)]
    rates = []
    with tempfile.TemporaryDirectory(prefix="ltc-reference-") as folder:
        for run in range(runs):
            conn = sqlite3.connect(Path(folder) / f"ref-{run}.sqlite", isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("CREATE TABLE t (id TEXT PRIMARY KEY, name TEXT, amount INTEGER, phone TEXT)")
            started = time.perf_counter()
            conn.execute("BEGIN")
            conn.executemany("INSERT INTO t VALUES (?, ?, ?, ?)", data)
            conn.execute("COMMIT")
            rates.append(rows / (time.perf_counter() - started))
            conn.close()
    return {"rows": rows, "runs": runs, "rows_per_s": round(statistics.median(rates)),
            "all_rows_per_s": [round(r) for r in rates]}


def _page(start: int) -> dict:
    changes = []
    for i in range(start, start + PAGE):
        rid = str(uuid.UUID(int=i + 1))
        changes.append({"entity": "customer", "record_id": rid, "version": i + 1, "op": "upsert",
                        "data": {"id": rid, "name": f"客户 {i} 科技有限公司", "credit_code": None,
                                 "industry": "manufacturing", "phone": f"+86139{i:08d}",
                                 "email": f"buyer{i}@example.com", "address": f"{i} 人民路, 上海",
                                 "owner_id": "5b0c3a52-8d1e-4f7e-9c3b-2f1d0a9e8b7c", "status": "active",
                                 "credit_limit_minor": None, "currency": "CNY", "parent_id": None,
                                 "notes": None, "created_at": "2026-11-27T10:00:00Z",
                                 "updated_at": "2026-11-27T10:00:00Z"},
                        "conflict_ids": []})
    return {"changes": changes, "cursor": "MTpkZWFkYmVlZjoxMjM0NQ", "has_more": True}


def orjson_rates(records: int = 200_000, runs: int = 3) -> dict:
    """Median records/s of orjson encoding and decoding pull pages of 5,000 changes."""
    pages = max(1, records // PAGE)
    page = _page(0)
    raw = orjson.dumps(page)
    encode, decode = [], []
    for _ in range(runs):
        started = time.perf_counter()
        for _ in range(pages):
            orjson.dumps(page)
        encode.append(pages * PAGE / (time.perf_counter() - started))
        started = time.perf_counter()
        for _ in range(pages):
            orjson.loads(raw)
        decode.append(pages * PAGE / (time.perf_counter() - started))
    return {"records": pages * PAGE, "page_bytes": len(raw), "encode_records_per_s": round(statistics.median(encode)),
            "decode_records_per_s": round(statistics.median(decode)),
            "decode_mb_per_s": round(statistics.median(decode) / PAGE * len(raw) / 1e6, 1)}


def measure(rows: int = 200_000, runs: int = 3) -> dict:
    """Both references: {"sqlite": {...}, "orjson": {...}}."""
    return {"sqlite": sqlite_insert_rate(rows, runs), "orjson": orjson_rates(rows, runs)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=200_000)
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.rows), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
