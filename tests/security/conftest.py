"""Security tests share the fault tests' set-up: cheap argon2 accounts, real server
processes, and a file keyring for client processes."""
from tests.faults.conftest import shared_keyring  # noqa: F401 - a fixture, used by name
