"""A stateful property test of the sync contract: three clients make random creates,
edits and deletes offline, sync in random order, sometimes through injected network
faults. After everyone syncs twice with no new edits, every replica equals the server's
view of its scope, and every mutation ever queued has exactly one recorded outcome."""
from __future__ import annotations

import itertools

import sqlalchemy as sa
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, rule, run_state_machine_as_test

from app.errors import DomainError
from app.models import OutboxMutation
from app.services import customers
from tests.support.proxy import FaultyProxy

FIELDS = ("notes", "address", "phone")
PHONES = ("13800138000", "13900139000", "13700137000")
_counter = itertools.count()


def replica(engine) -> dict:
    with engine.store.unit() as uow:
        return {r["id"]: tuple(r[f] for f in ("name", *FIELDS)) for r in uow.select("customer")}


def queued_ids(engine) -> set[str]:
    t = OutboxMutation.__table__
    with engine.store.read() as s:
        return {r.mutation_id for r in s.execute(sa.select(t.c.mutation_id))}


def test_random_offline_work_converges_and_every_mutation_has_one_outcome(clients, server):
    queue: list[str] = []
    proxy = FaultyProxy(server.url, lambda n, m, p: queue.pop(0) if "/sync/" in p and queue else None)
    proxy.__enter__()
    server_db = sa.create_engine(server.database_url)

    class Replicas(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            self.direct = [clients("rep1"), clients("rep1"), clients("admin")]
            self.faulty = [clients("rep1", url=proxy.url, retries=8) for _ in range(1)]
            self.engines = self.direct + self.faulty
            self.mutations: set[str] = set()
            for e in self.engines:
                e.sync()

        def _known(self, engine):
            return sorted(replica(engine))

        @rule(who=st.integers(0, 3))
        def create(self, who):
            engine = self.engines[who]
            engine.store.run(customers.create_customer, {"name": f"随机客户 {next(_counter)}"},
                             allow_duplicate=True)

        @rule(who=st.integers(0, 3), pick=st.integers(0, 10_000), field=st.sampled_from(FIELDS),
              value=st.integers(0, 2))
        def edit(self, who, pick, field, value):
            engine = self.engines[who]
            known = self._known(engine)
            if not known:
                return
            target = known[pick % len(known)]
            new = PHONES[value] if field == "phone" else f"{field}-{value}"
            try:
                engine.store.run(customers.update_customer, target, {field: new})
            except DomainError:
                pass  # a record deleted meanwhile: nothing to do

        @rule(who=st.integers(0, 3), pick=st.integers(0, 10_000))
        def delete(self, who, pick):
            engine = self.engines[who]
            known = self._known(engine)
            if known:
                try:
                    engine.store.run(customers.delete_customer, known[pick % len(known)])
                except DomainError:
                    pass

        @rule(who=st.integers(0, 3), faults=st.lists(
            st.sampled_from(["drop", "502", "truncate", "after", "reset"]), max_size=3))
        def sync(self, who, faults):
            engine = self.engines[who]
            self.mutations |= queued_ids(engine)
            if engine in self.faulty:
                queue[:] = list(faults)
            engine.sync()

        def teardown(self):
            try:
                for _ in range(2):
                    for engine in self.engines:
                        self.mutations |= queued_ids(engine)
                        queue[:] = []
                        engine.sync()
                for engine in self.engines:
                    assert queued_ids(engine) == set()
                fresh = {"rep1": clients("rep1"), "admin": clients("admin")}
                for f in fresh.values():
                    f.sync()
                for engine in self.engines:
                    assert replica(engine) == replica(fresh[engine.username])
                with server_db.connect() as conn:
                    ids = list(self.mutations)
                    stored = {}
                    for i in range(0, len(ids), 500):
                        for mid, n in conn.execute(sa.text(
                                "SELECT mutation_id, count(*) FROM mutation_results "
                                "WHERE mutation_id IN :ids GROUP BY mutation_id").bindparams(
                                sa.bindparam("ids", expanding=True)), {"ids": ids[i:i + 500]}):
                            stored[mid] = n
                assert set(stored) == self.mutations and set(stored.values()) <= {1}
            finally:
                for e in self.engines:
                    e.store.close()

    try:
        run_state_machine_as_test(Replicas, settings=settings(
            max_examples=6, stateful_step_count=18, deadline=None,
            suppress_health_check=list(HealthCheck)))
    finally:
        proxy.__exit__(None, None, None)
        server_db.dispose()
