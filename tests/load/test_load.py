"""Many clients at once (a short version of `bench.load`): mixed edits, creates,
deletes and syncs from several devices per rep, a manager and an admin, then the proofs
of the sync contract under concurrency (on SQLite through a network that breaks some
requests, and on two server processes sharing PostgreSQL)."""
from __future__ import annotations

import pytest

from bench.load import run_load

CLIENTS, SECONDS = 8, 6


def assert_the_contract_held(report: dict) -> None:
    errors, once, converged = report["errors"], report["exactly_once"], report["convergence"]
    assert errors["http_5xx"] == 0 and errors["server_log"]["5xx"] == 0, errors
    assert errors["failed_syncs"] == 0 and errors["server_log"]["error_lines"] == 0, errors
    # Every mutation a client sent has exactly one stored outcome, the one the client was told.
    assert once["sent"] >= 20, once
    assert once["missing"] == once["stored_twice"] == once["told_differently"] == once["never_answered"] == 0, once
    assert sum(report["outcomes"].values()) == once["sent"]
    # Every client holds exactly what a fresh profile of its user pulls.
    assert converged["diverged"] == [] and converged["queued_left"] == 0, converged
    assert report["ok"]
    assert report["push_ms"]["n"] > 0 and report["push_ms"]["p95"] < 5000


def test_clients_of_one_sqlite_server_through_a_faulty_network_converge_with_one_outcome_per_mutation(tmp_path):
    # One sync request in eight is dropped, reset, truncated, delayed or loses its answer.
    report = run_load("sqlite", CLIENTS, SECONDS, folder=tmp_path, faults=0.125)
    assert report["servers"] == 1 and report["clients"] == CLIENTS
    assert sum(report["faults"]["injected"].values()) >= 3, report["faults"]
    assert_the_contract_held(report)


@pytest.mark.postgres
def test_clients_split_over_two_servers_sharing_postgresql_converge(tmp_path, postgres_admin_url):
    report = run_load("postgres2", CLIENTS, SECONDS, folder=tmp_path, admin_url=postgres_admin_url)
    assert report["servers"] == 2
    assert_the_contract_held(report)
