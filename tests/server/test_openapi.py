"""Schemathesis against `/openapi.json`: generated requests, valid and invalid, never get a
5xx, every error is in the protocol's shape, and answers conform to the schema.

It runs against a server of its own: its generated sign-ins fail by the dozen and would
otherwise throttle the address the other tests sign in from.
"""
from __future__ import annotations

import uuid

import pytest
import requests
import schemathesis
from schemathesis import GenerationMode
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance, response_schema_conformance, status_code_conformance,
)

from tests.server.conftest import PASSWORD, Server, start_server

EXAMPLES = 50


@pytest.fixture(scope="module")
def fuzzed_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("server-fuzz")
    server = start_server("sqlite", f"sqlite:///{folder / 'fuzz.sqlite'}", folder)
    server.user("admin", name="fuzz-admin")
    yield server
    server.proc.stop()
    server.db.dispose()


@pytest.fixture(scope="module")
def token(fuzzed_server) -> str:
    return fuzzed_server.login("fuzz-admin").token


def _fresh_token(server: Server) -> str:
    # From an address of its own: the generated failed sign-ins throttle the test's address.
    address = f"10.77.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}"
    r = requests.post(f"{server.url}/api/v1/auth/login", headers={"X-Forwarded-For": address},
                      json={"username": "fuzz-admin", "password": PASSWORD})
    assert r.status_code == 200, r.text
    return r.json()["token"]


def _check(case, server: Server, token: str) -> None:
    # Signing out a throwaway token keeps the shared one working for the other cases.
    bearer = _fresh_token(server) if case.path.endswith("/auth/logout") else token
    response = case.call(headers={"Authorization": f"Bearer {bearer}", "X-LTC-Protocol": "1"})
    assert response.status_code < 500, f"{case.method} {case.formatted_path}: {response.text}"
    if response.status_code >= 400:
        error = response.json()["error"]
        assert isinstance(error["code"], str) and error["message"] and isinstance(error["details"], dict)
    case.validate_response(response, checks=[not_a_server_error, status_code_conformance,
                                             content_type_conformance, response_schema_conformance])


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_generated_requests_never_get_a_server_error(fuzzed_server, token, mode):
    schema = schemathesis.openapi.from_url(f"{fuzzed_server.url}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    for operation in operations:
        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck),
                  database=None, derandomize=True)
        def run(case):
            _check(case, fuzzed_server, token)

        try:
            run()
        except Unsatisfiable:
            # Nothing to make invalid (no parameters, no body): the positive run covers it.
            assert mode is GenerationMode.NEGATIVE


def test_the_schema_names_every_endpoint_and_field_of_the_protocol(fuzzed_server):
    spec = requests.get(f"{fuzzed_server.url}/openapi.json").json()
    paths = {(method.upper(), path) for path, item in spec["paths"].items() for method in item}
    assert {("GET", "/api/v1/health"), ("POST", "/api/v1/auth/login"), ("POST", "/api/v1/auth/logout"),
            ("POST", "/api/v1/sync/push"), ("GET", "/api/v1/sync/pull"), ("GET", "/api/v1/sync/wait"),
            ("GET", "/api/v1/conflicts"), ("POST", "/api/v1/conflicts/{conflict_id}/resolve"),
            ("GET", "/api/v1/dictionary"), ("POST", "/api/v1/invoices/{invoice_id}/issue")} <= paths
    schemas = spec["components"]["schemas"]

    def fields(name):
        return set(schemas[name]["properties"])

    assert {"username", "password", "device_name"} <= fields("LoginRequest")
    assert {"token", "expires_at", "user"} <= fields("LoginResponse")
    assert {"id", "username", "display_name", "role"} <= fields("UserInfo")
    assert {"client_id", "mutations"} <= fields("PushRequest")
    assert {"mutation_id", "entity", "record_id", "op", "base_version", "base", "changes"} <= fields("Mutation")
    assert {"mutation_id", "status", "version", "conflict_id", "merged_fields", "conflict_fields",
            "error"} <= fields("MutationResult")
    assert {"changes", "cursor", "has_more"} <= fields("PullResponse")
    assert {"entity", "record_id", "version", "op", "data", "conflict_ids"} <= fields("PullChange")
    assert {"changed", "cursor"} <= fields("WaitResponse")
    assert {"id", "entity", "record_id", "kind", "fields", "candidates", "created_at", "user", "device_name",
            "status"} <= fields("ConflictOut")
    assert {"fields", "note", "merge_into", "keep_both"} <= fields("ResolveRequest")
    assert {"code", "message", "details"} <= fields("ErrorDetail")
    statuses = spec["paths"]["/api/v1/sync/push"]["post"]["responses"]
    assert {"200", "401", "413", "422", "426"} <= set(statuses)
