"""`main.py --self-test`: the whole installation checked in a few seconds, as a user would
run it, without touching their data, settings or keyring."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(args, tmp_path, **env):
    environment = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    environment.update(LTC_LOG_DIR=str(tmp_path / "log"), HOME=str(tmp_path / "home"), **env)
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=tmp_path, env=environment,
                          timeout=120)


def test_self_test_passes_and_leaves_nothing_behind(tmp_path):
    done = _run([str(ROOT / "main.py"), "--self-test"], tmp_path, LTC_DATA_DIR=str(tmp_path / "data"))
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    for check in ("fresh profile and migrations", "embedded server and a user", "sign in", "main window",
                  "sync through the window", "Chinese translation", "document font"):
        assert any(line.startswith("ok   " + check) for line in lines), done.stdout
    assert "1 sent" in done.stdout
    assert lines[-1].startswith("self-test passed")
    # No display was given: the self-test chose the offscreen platform itself.
    assert "(offscreen)" in done.stdout
    # The user's data directory and settings were never created; the log says what ran.
    assert not (tmp_path / "data").exists()
    assert not (tmp_path / "home" / ".config").exists()
    assert "self-test passed" in (tmp_path / "log" / "self-test.log").read_text(encoding="utf-8")


def test_a_failing_check_exits_1_with_one_line_naming_it(tmp_path):
    # As main.py does: logging goes to the log file (here: nowhere), the console gets one line.
    code = ("import logging, sys\n"
            "logging.basicConfig(handlers=[logging.NullHandler()])\n"
            "from ui.self_test import run_self_test\n"
            "def no_server():\n"
            "    raise RuntimeError('port 8765 is taken\\nsecond line')\n"
            "sys.exit(run_self_test(no_server))\n")
    done = _run(["-c", code], tmp_path, PYTHONPATH=str(ROOT))
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "self-test failed: embedded server and a user: RuntimeError: port 8765 is taken"]
    assert "ok   fresh profile and migrations" in done.stdout
