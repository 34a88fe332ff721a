"""Realistic generated data for demos and benchmarks (`python main.py seed`).

Deterministic: the same counts, seed, owners and reference date give byte-identical
rows, ids and timestamps included (everything is drawn from `random.Random` streams
derived from the seed and dated from a fixed reference day, never from the clock).
Generation (`generate`, batches of row dicts) is separate from storage
(`seed_profile`, the local SQLite profile), so the same data can fill a server's
database for a given user.

Seeded rows are local sample data: `version` NULL, no outbox mutations, no audit
events. They are never pushed to a server.
"""
from app.seed.batches import REFERENCE_DATE, check_request, generate
from app.seed.profile import SeedReport, seed_profile

__all__ = ["REFERENCE_DATE", "SeedReport", "check_request", "generate", "seed_profile"]
