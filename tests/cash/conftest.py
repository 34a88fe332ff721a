"""The cash side's tests: local profiles (the `store` fixture) and, for the end-to-end
proof, the real server process and signed-in clients of tests/sync."""
from __future__ import annotations

import os

# Cheap argon2 for the accounts these tests make (still argon2), as tests/server does;
# set before the server process is started, which inherits it.
os.environ.setdefault("LTC_SERVER_ARGON2", "1,1024,1")

from tests.support.clients import clients, server  # noqa: E402,F401  (fixtures)
