"""The real server, started as its own process on 127.0.0.1, for tests and benchmarks."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery staple"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_cli(*args, database_url: str, password: str = PASSWORD, check: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "LTC_PASSWORD": password}
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "server", *args, "--database-url", database_url],
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    if check and out.returncode != 0:
        raise RuntimeError(f"server {' '.join(args)} failed: {out.stderr}")
    return out


class ServerProcess:
    """`main.py server` on a free port; `url` once started. Kill it with `kill()` (SIGKILL)
    or stop it politely with `stop()`."""

    def __init__(self, database_url: str, port: int | None = None, env: dict | None = None,
                 log_path: Path | None = None, log_level: str = "info", extra_args: tuple = (),
                 ca_bundle: str | None = None):
        self.database_url = database_url
        self.port = port or free_port()
        # With a CA bundle the server speaks HTTPS (extra_args name its certificate).
        self.ca_bundle = ca_bundle
        self.url = f"{'https' if ca_bundle else 'http'}://127.0.0.1:{self.port}"
        self.extra_args = tuple(extra_args)
        self.env = env or {}
        self.log_path = log_path or Path(os.environ.get("TMPDIR", "/tmp")) / f"ltc-server-{self.port}.log"
        self.log_level = log_level
        self.proc: subprocess.Popen | None = None
        self.log = None

    def start(self, timeout: float = 60.0) -> "ServerProcess":
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "server", "--host", "127.0.0.1", "--port", str(self.port),
             "--database-url", self.database_url, "--log-level", self.log_level, *self.extra_args],
            cwd=ROOT, env={**os.environ, **self.env}, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the server exited with {self.proc.returncode}; see {self.log.name}")
            try:
                if requests.get(self.url + "/api/v1/health", timeout=1, verify=self.ca_bundle or True).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"the server did not start in {timeout} s; see {self.log.name}")

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()
        if self.log:
            self.log.close()

    def login(self, username: str, password: str = PASSWORD) -> str:
        """A token for `username`, straight from the login endpoint."""
        r = requests.post(self.url + "/api/v1/auth/login", json={"username": username, "password": password},
                          timeout=30)
        r.raise_for_status()
        return r.json()["token"]

    def create_user(self, name: str, role: str, manager: str | None = None) -> None:
        """An account, made through the server's own code on its database (the CLI's
        path without a process start per user)."""
        self.create_users([(name, role, manager)])

    def create_users(self, users) -> None:
        """Accounts from (name, role, manager) tuples, in order (managers first)."""
        from server import users as accounts
        from server.db import Database

        db = Database(self.database_url)
        try:
            for name, role, manager in users:
                accounts.create_user(db, name, role=role, password=PASSWORD, manager=manager)
        finally:
            db.dispose()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
