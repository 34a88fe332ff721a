"""Log files: rotating, in the user's log directory, and never holding a token or a password."""
from __future__ import annotations

import logging

import pytest
import requests

from app import logs
from app.store import Store
from server.embedded import start_embedded
from sync import credentials
from sync.engine import SyncEngine

PASSWORD = "Very-Secret-Passw0rd!"


@pytest.mark.parametrize("text, secret", [
    ("Authorization: Bearer 3q2-8Zx_yQ0aP1vVwW", "3q2-8Zx_yQ0aP1vVwW"),
    ("send: {'Authorization': 'Bearer abcdefghijklmnop', 'X-LTC-Protocol': '1'}", "abcdefghijklmnop"),
    ('body {"username": "rep1", "password": "hunter two words", "device_name": "x"}', "hunter two words"),
    ("login(password='s3cr3t', user='rep1')", "s3cr3t"),
    ("GET /api/v1/x?access_token=tok123456&page=2", "tok123456"),
    ("database postgresql+psycopg://ltc:pg-pass-9@db.example:5432/ltc", "pg-pass-9"),
    ("environment LTC_PASSWORD=topsecret", "topsecret"),
    ("token: 9f8e7d6c5b", "9f8e7d6c5b"),
])
def test_redaction_blanks_tokens_and_passwords(text, secret):
    redacted = logs.redact(text)
    assert secret not in redacted
    assert logs.REDACTED in redacted


def test_redaction_leaves_ordinary_messages_alone():
    for text in ("pushed 12, merged 0, conflicts 1 in 0.4 s", "password_hash column migrated",
                 "sign in to sync", "the bearer of good news"):
        assert logs.redact(text) == text


def test_log_file_rotates_and_keeps_a_bounded_number_of_files(tmp_path, monkeypatch, root_logging):
    monkeypatch.setattr(logs, "MAX_BYTES", 4_000)
    path = logs.setup_logging("client", folder=tmp_path, console_level=None)
    assert path == tmp_path / "client.log"
    for i in range(2_000):
        logging.getLogger("ltc.test").info("line %d of a long session", i)
    files = sorted(p.name for p in tmp_path.iterdir())
    assert "client.log" in files and "client.log.1" in files
    assert len(files) == logs.BACKUPS + 1
    assert all(p.stat().st_size <= 4_000 + 200 for p in tmp_path.iterdir())


def test_log_folder_comes_from_the_user_log_directory(tmp_path, monkeypatch, root_logging):
    monkeypatch.setenv("LTC_LOG_DIR", str(tmp_path / "logs"))
    path = logs.setup_logging("cli", console_level=None)
    logging.getLogger("ltc.test").warning("hello")
    assert path == tmp_path / "logs" / "cli.log"
    assert "hello" in path.read_text(encoding="utf-8")
    assert logs.current_log_file() == path


def test_a_login_and_sync_with_debug_logging_leave_no_token_or_password_in_the_log(tmp_path, root_logging):
    """Debug logging everywhere (requests, urllib3, the server in the same process), a
    sign-in, a sync, a failed sign-in; then a library that dumps its request headers.
    The log file holds none of the secrets."""
    path = logs.setup_logging("client", folder=tmp_path / "logs", level=logging.DEBUG, console_level=None)
    for name in ("urllib3", "requests", "sync", "server", "uvicorn", "app"):
        logging.getLogger(name).setLevel(logging.DEBUG)
    store = Store.open(tmp_path / "profile")
    try:
        with start_embedded() as server:
            server.add_user("rep1", "rep", PASSWORD)
            engine = SyncEngine(store)
            engine.login(server.url, "rep1", PASSWORD)
            engine.sync()
            token = credentials.load_token(server.url, "rep1")
            assert token and len(token) >= 16
            requests.post(server.url + "/api/v1/auth/login",
                          json={"username": "rep1", "password": PASSWORD + "-wrong"}, timeout=10)
            # What an HTTP library's debug output looks like: the filter must catch it.
            logging.getLogger("urllib3.connectionpool").debug(
                "send: headers=%s body=%s", {"Authorization": f"Bearer {token}"},
                {"username": "rep1", "password": PASSWORD})
    finally:
        store.close()
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "POST /api/v1/auth/login" in text or "/auth/login" in text  # the traffic was logged
    assert "send: headers=" in text
    assert token not in text
    assert PASSWORD not in text


def test_a_command_logs_to_its_own_rotating_file(tmp_path):
    """`main.py records ...` (any command but the server) logs to cli.log in the log folder."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "LTC_LOG_DIR": str(tmp_path / "logs")}
    done = subprocess.run([sys.executable, str(root / "main.py"), "records", "list", "customer", "--profile",
                           str(tmp_path / "profile")], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "logs" / "cli.log").read_text(encoding="utf-8")
    assert "migrated" in text  # the new profile's schema was created, and said so
    assert "INFO" not in done.stderr  # the console gets warnings and errors only
