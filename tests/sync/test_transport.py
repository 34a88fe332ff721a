"""The transport: retries where safe, never on client errors, Retry-After, timeouts,
cancellation, compressed bodies, typed errors. Against real HTTP servers on 127.0.0.1."""
from __future__ import annotations

import gzip
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from sync.transport import (
    AuthRequired, Cancelled, Offline, ServerError, Transport, UpgradeRequired, parse_retry_after,
)
from tests.support.proxy import FaultyProxy


class Upstream:
    """A tiny JSON server: answers `status` with an error or echo body, records requests."""

    def __init__(self, status=200):
        self.status = status
        self.requests = []
        upstream = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *a):
                pass

            def _reply(self):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                upstream.requests.append((self.command, self.path, dict(self.headers), raw))
                if upstream.status == 200:
                    body = json.dumps({"ok": True, "n": len(upstream.requests)}).encode()
                else:
                    body = json.dumps({"error": {"code": f"code_{upstream.status}", "message": "no",
                                                 "details": {"min_protocol": 1, "max_protocol": 1}}}).encode()
                self.send_response(upstream.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _reply

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def upstream():
    u = Upstream()
    yield u
    u.close()


def fast(url, **kw):
    return Transport(url, backoff=0.01, max_backoff=0.05, **kw)


@pytest.mark.parametrize("fault", ["drop", "reset", "502", "truncate"])
def test_network_faults_and_5xx_are_retried_until_the_request_gets_through(upstream, fault):
    with FaultyProxy(upstream.url, [fault, fault]) as proxy:
        reply = fast(proxy.url).request("GET", "/x")
    assert reply["ok"] is True
    assert [f for _, _, f in proxy.seen] == [fault, fault, None]


def test_retry_after_is_honoured(upstream):
    with FaultyProxy(upstream.url, ["503"]) as proxy:
        started = time.monotonic()
        fast(proxy.url).request("GET", "/x")
    assert time.monotonic() - started >= 0.9


@pytest.mark.parametrize("status, error", [(400, ServerError), (403, ServerError), (404, ServerError),
                                           (422, ServerError), (401, AuthRequired), (426, UpgradeRequired)])
def test_client_errors_are_never_retried_and_arrive_typed(status, error):
    u = Upstream(status)
    try:
        with pytest.raises(error) as info:
            fast(u.url).request("POST", "/x", body={"a": 1})
        assert len(u.requests) == 1
        assert info.value.status == status and info.value.code == f"code_{status}"
    finally:
        u.close()


def test_after_the_last_retry_the_server_counts_as_offline(upstream):
    with FaultyProxy(upstream.url, lambda n, m, p: "drop") as proxy:
        with pytest.raises(Offline):
            Transport(proxy.url, retries=2, backoff=0.01).request("GET", "/x")
    assert len(proxy.seen) == 3


def test_nothing_listening_is_offline():
    with pytest.raises(Offline):
        Transport("http://127.0.0.1:9", retries=1, backoff=0.01).request("GET", "/x")


def test_a_read_timeout_is_explicit_and_retried(upstream):
    with FaultyProxy(upstream.url, ["delay"], delay=1.5) as proxy:
        reply = Transport(proxy.url, backoff=0.01, timeout=(1.0, 0.5)).request("GET", "/x")
    assert reply["ok"] and len(proxy.seen) == 2


def test_cancel_interrupts_the_backoff_wait(upstream):
    t = Transport(upstream.url.replace(upstream.url.rsplit(":", 1)[1], "9"), retries=10, backoff=5)
    threading.Timer(0.3, t.cancel.set).start()
    started = time.monotonic()
    with pytest.raises(Cancelled):
        t.request("GET", "/x")
    assert time.monotonic() - started < 3


def test_large_bodies_travel_compressed_and_carry_the_protocol_version(upstream):
    body = {"mutations": [{"note": "长文本" * 50} for _ in range(100)]}
    fast(upstream.url, token="secret-token").request("POST", "/sync/push", body=body)
    _, path, headers, raw = upstream.requests[0]
    assert path == "/api/v1/sync/push"
    assert headers["Content-Encoding"] == "gzip" and json.loads(gzip.decompress(raw)) == body
    assert headers["X-LTC-Protocol"] == "1" and headers["Authorization"] == "Bearer secret-token"


def test_retry_after_accepts_seconds_and_http_dates():
    assert parse_retry_after("3") == 3.0
    assert parse_retry_after(None) is None
    assert 0 <= parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") <= 1
