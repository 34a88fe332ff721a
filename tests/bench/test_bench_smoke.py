"""`make bench` at a small size: the runner measures every budget of DESIGN.md's table,
the physical reference beside them, and writes its table as JSON, so it cannot rot."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.support.server import ROOT

BUDGETS = ("first_sync_rows_per_s", "first_sync_peak_mb", "noop_ms", "push_1000_s", "first_rows_ms",
           "search_p95_ms", "cold_start_s", "scroll_stall_ms", "dashboard_ms", "load_sqlite_push_p95_ms",
           "load_sqlite_errors")
REFERENCES = ("reference_sqlite", "reference_orjson_encode", "reference_orjson_decode")


def test_the_smoke_run_measures_every_budget_against_the_physical_reference(tmp_path):
    target = tmp_path / "smoke.json"
    out = subprocess.run([sys.executable, "-m", "bench.run", "--smoke", "--json", str(target)], cwd=ROOT,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    report = json.loads(target.read_text())
    rows = {r["key"]: r for r in report["rows"]}
    assert set(BUDGETS + REFERENCES) <= set(rows), sorted(rows)
    for key in BUDGETS + REFERENCES:
        assert isinstance(rows[key]["measured"], (int, float)), rows[key]
        assert rows[key]["load_1m"] >= 0
    for key in REFERENCES:
        assert rows[key]["measured"] > 0 and rows[key]["verdict"] == "reference"
    for key in BUDGETS:
        assert rows[key]["budget"] and rows[key]["verdict"].endswith("(smoke)"), rows[key]
    for key in ("first_sync_rows_per_s", "noop_ms", "push_1000_s"):
        assert "of raw insert" in rows[key]["vs_reference"]
    # The load's proofs held: no errors, every mutation one outcome, every client converged.
    assert rows["load_sqlite_errors"]["measured"] == 0
    [load] = report["details"]["load"]
    assert load["ok"] and load["exactly_once"]["sent"] == load["exactly_once"]["stored"] > 0
    assert "what" in out.stdout and "verdict" in out.stdout and "first sync" in out.stdout
