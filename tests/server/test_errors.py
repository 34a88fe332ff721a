"""Bad input is answered in the protocol's error shape, never with a 500 and never with a
partial write."""
from __future__ import annotations

import gzip
import socket

import orjson
import requests
import sqlalchemy as sa

from server.tables import server_state
from sync.protocol import MAX_BODY_BYTES, MAX_MUTATIONS_PER_PUSH
from tests.server.conftest import company, create


def _shape(r, status: int, code: str | None = None) -> dict:
    assert r.status_code == status, r.text
    error = r.json()["error"]
    assert set(error) == {"code", "message", "details"} and error["message"]
    if code:
        assert error["code"] == code
    return error


def _seq(server) -> int:
    with server.db.read() as conn:
        return conn.execute(sa.select(server_state.c.seq)).scalar_one()


def _raw_push(api, body: bytes, **headers):
    return api.http.post(f"{api.url}/api/v1/sync/push", data=body,
                         headers=api.headers(**{"Content-Type": "application/json", **headers}))


def test_malformed_json_and_wrong_types_are_422_and_change_nothing(server, rep):
    before = _seq(server)
    good = create("customer", {"name": company()})
    for body in (b"{not json", b"[]", orjson.dumps({"client_id": rep.client_id, "mutations": "x"}),
                 orjson.dumps({"mutations": [good]}),
                 orjson.dumps({"client_id": rep.client_id, "mutations": [good, {**good, "op": "merge"}]}),
                 orjson.dumps({"client_id": rep.client_id, "mutations": [good, {**good, "base_version": "7"}]}),
                 orjson.dumps({"client_id": rep.client_id, "mutations": [good, {**good, "record_id": "a b\""}]})):
        _shape(_raw_push(rep, body), 422, "malformed_request")
    assert _seq(server) == before


def test_a_batch_over_the_limit_is_413_and_nothing_is_applied(server, rep):
    before = _seq(server)
    mutations = [create("lead", {"company_name": f"L{i}"}) for i in range(MAX_MUTATIONS_PER_PUSH + 1)]
    r = rep.post("/sync/push", {"client_id": rep.client_id, "mutations": mutations})
    error = _shape(r, 413, "too_many_mutations")
    assert error["details"]["max_mutations"] == MAX_MUTATIONS_PER_PUSH
    assert _seq(server) == before


def test_an_oversized_body_is_refused_413_before_it_is_read(server, rep):
    host, port = server.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall(f"POST /api/v1/sync/push HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {rep.token}\r\n"
                  f"X-LTC-Protocol: 1\r\nContent-Type: application/json\r\n"
                  f"Content-Length: {MAX_BODY_BYTES + 1}\r\n\r\n".encode())
        reply = b""
        while b"body_too_large" not in reply:
            chunk = s.recv(65536)
            if not chunk:
                break
            reply += chunk
        reply = reply.decode()
    assert reply.startswith("HTTP/1.1 413")
    assert '"body_too_large"' in reply


def test_an_oversized_body_without_a_length_is_413_too(rep):
    def chunks():
        block = b" " * (1024 * 1024)
        for _ in range(MAX_BODY_BYTES // len(block) + 2):
            yield block

    _shape(_raw_push(rep, chunks()), 413, "body_too_large")


def test_a_gzip_body_is_accepted_and_a_gzip_bomb_is_413(rep):
    m = create("customer", {"name": company()})
    body = gzip.compress(orjson.dumps({"client_id": rep.client_id, "mutations": [m]}))
    r = _raw_push(rep, body, **{"Content-Encoding": "gzip"})
    assert r.status_code == 200 and r.json()["results"][0]["status"] == "applied"
    bomb = gzip.compress(b"[" + b" " * (MAX_BODY_BYTES + 10) + b"]")
    _shape(_raw_push(rep, bomb, **{"Content-Encoding": "gzip"}), 413, "body_too_large")
    _shape(_raw_push(rep, b"\x1f\x8b garbage", **{"Content-Encoding": "gzip"}), 422, "malformed_request")


def test_a_wrong_or_missing_protocol_version_is_426_with_the_supported_range(server, rep):
    for headers in ({"X-LTC-Protocol": "2"}, {"X-LTC-Protocol": "zero"}, {}):
        h = {"Authorization": f"Bearer {rep.token}", **headers}
        for r in (requests.get(f"{server.url}/api/v1/sync/pull", headers=h),
                  requests.get(f"{server.url}/api/v1/sync/wait", headers=h),
                  requests.post(f"{server.url}/api/v1/sync/push", headers=h,
                                json={"client_id": "c", "mutations": []})):
            error = _shape(r, 426, "protocol_not_supported")
            assert error["details"] == {"min_protocol": 1, "max_protocol": 1}


def test_unknown_routes_and_methods_answer_in_the_error_shape(server, rep):
    _shape(requests.get(f"{server.url}/api/v1/nothing-here"), 404, "not_found")
    _shape(requests.delete(f"{server.url}/api/v1/sync/push"), 405, "method_not_allowed")
    _shape(rep.get("/sync/pull", limit=0), 422, "malformed_request")
    _shape(rep.get("/conflicts", status="sideways"), 422, "malformed_request")


def test_health_needs_no_token(server):
    body = requests.get(f"{server.url}/api/v1/health").json()
    assert body["status"] == "ok" and body["protocol"] == 1 and body["server_time"].endswith("Z")


def test_the_dictionary_is_the_shared_definitions(server, rep):
    from app.rules.dictionary import Dictionary
    from app.rules.schema import describe

    published = rep.get("/dictionary").json()
    expected = describe(Dictionary.defaults())
    assert published["entities"] == orjson.loads(orjson.dumps(expected["entities"]))
    assert [v["code"] for v in published["vocabularies"]["industry"]] == \
        [v["code"] for v in expected["vocabularies"]["industry"]]
