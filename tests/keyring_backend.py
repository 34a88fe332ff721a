"""An in-memory keyring for tests, selected with PYTHON_KEYRING_BACKEND."""
from __future__ import annotations

from keyring.backend import KeyringBackend


class MemoryKeyring(KeyringBackend):
    priority = 1
    _store: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self._store.get((service, username))

    def set_password(self, service, username, password):
        self._store[(service, username)] = password

    def delete_password(self, service, username):
        from keyring.errors import PasswordDeleteError

        if (service, username) not in self._store:
            raise PasswordDeleteError("not found")
        del self._store[(service, username)]


class FileKeyring(KeyringBackend):
    """A keyring shared between a test and the client processes it starts: a JSON file
    named by LTC_TEST_KEYRING_FILE. Tests only: it stores secrets in clear."""

    priority = 1

    def _path(self):
        import os
        from pathlib import Path

        return Path(os.environ["LTC_TEST_KEYRING_FILE"])

    def _load(self) -> dict:
        import json

        path = self._path()
        return json.loads(path.read_text()) if path.exists() else {}

    def get_password(self, service, username):
        return self._load().get(f"{service}\n{username}")

    def set_password(self, service, username, password):
        import json

        data = self._load()
        data[f"{service}\n{username}"] = password
        self._path().write_text(json.dumps(data))

    def delete_password(self, service, username):
        import json

        from keyring.errors import PasswordDeleteError

        data = self._load()
        if f"{service}\n{username}" not in data:
            raise PasswordDeleteError("not found")
        del data[f"{service}\n{username}"]
        self._path().write_text(json.dumps(data))
