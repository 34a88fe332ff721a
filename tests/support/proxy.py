"""A real HTTP proxy on 127.0.0.1 that injects network faults between client and server.

`faults` is a list consumed one entry per request (then requests pass cleanly), or a
callable(request_number, method, path) returning a fault name or None:
  drop      close the connection without answering
  reset     send an RST (SO_LINGER 0) instead of an answer
  delay     wait `delay` seconds, then forward
  502       answer 502 Bad Gateway without forwarding
  503       answer 503 with Retry-After: 1 without forwarding
  truncate  forward, then send the headers and only half the body, and close
  after     forward (the server does the work), then drop the answer: the client
            never learns the outcome
  hold      forward, then wait `delay` seconds before answering (time to kill the client)
"""
from __future__ import annotations

import http.client
import socket
import struct
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

HOP_HEADERS = {"connection", "keep-alive", "transfer-encoding", "proxy-connection", "upgrade"}


class FaultyProxy:
    def __init__(self, upstream: str, faults=None, delay: float = 1.0):
        parts = urlsplit(upstream)
        self.upstream_host, self.upstream_port = parts.hostname, parts.port
        self.faults = faults if faults is not None else []
        self.delay = delay
        self.count = 0
        self.seen: list[tuple[str, str, str | None]] = []
        self._lock = threading.Lock()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def _handle(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                fault = proxy._next_fault(self.command, self.path)
                if fault == "drop":
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                if fault == "reset":
                    self.close_connection = True
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    self.connection.close()
                    return
                if fault in ("502", "503"):
                    payload = b'{"error": {"code": "bad_gateway", "message": "injected", "details": {}}}'
                    self.send_response(int(fault))
                    if fault == "503":
                        self.send_header("Retry-After", "1")
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                    return
                if fault == "delay":
                    time.sleep(proxy.delay)
                conn = http.client.HTTPConnection(proxy.upstream_host, proxy.upstream_port, timeout=120)
                headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_HEADERS}
                conn.request(self.command, self.path, body=body, headers=headers)
                response = conn.getresponse()
                data = response.read()
                conn.close()
                if fault == "hold":
                    time.sleep(proxy.delay)
                if fault == "after":
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                self.send_response(response.status)
                for k, v in response.getheaders():
                    if k.lower() not in HOP_HEADERS and k.lower() != "content-length":
                        self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if fault == "truncate":
                    self.wfile.write(data[: len(data) // 2])
                    self.wfile.flush()
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_DELETE = _handle

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def _next_fault(self, method, path):
        with self._lock:
            self.count += 1
            n = self.count
            if callable(self.faults):
                fault = self.faults(n, method, path)
            else:
                fault = self.faults.pop(0) if self.faults else None
            self.seen.append((method, path, fault))
            return fault

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
