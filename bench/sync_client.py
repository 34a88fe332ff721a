"""`main.py sync` in a process of its own that reports its peak memory on stderr's last
line (JSON), so the benchmark measures the client alone."""
from __future__ import annotations

import json
import resource
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sync.cli import main  # noqa: E402

if __name__ == "__main__":
    code = main("sync", sys.argv[1:])
    print(json.dumps({"peak_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}), file=sys.stderr)
    sys.exit(code)
