"""Tokens live in the OS keyring, never in the database, settings or logs.

When the only keyring available is insecure (keyring's fail backend, the null backend,
or keyrings.alt's plaintext file), the token is kept in memory for this session only
and the caller is told why, so the user can install a real keyring.
"""
from __future__ import annotations

import logging

import keyring
from keyring.errors import KeyringError, PasswordDeleteError

log = logging.getLogger(__name__)

SERVICE = "LTC Desk"
INSECURE_BACKENDS = {
    ("keyring.backends.fail", "Keyring"),
    ("keyring.backends.null", "Keyring"),
    ("keyrings.alt.file", "PlaintextKeyring"),
}

_memory: dict[str, str] = {}


def token_key(server_url: str, username: str) -> str:
    return f"{server_url.rstrip('/')}#{username}"


def _backends():
    ring = keyring.get_keyring()
    return list(getattr(ring, "backends", None) or [ring])


def insecure_reason() -> str | None:
    """Why the keyring cannot hold secrets here, or None when it can."""
    usable = [b for b in _backends() if (type(b).__module__, type(b).__name__) not in INSECURE_BACKENDS]
    if usable:
        return None
    names = ", ".join(f"{type(b).__module__}.{type(b).__name__}" for b in _backends())
    return (f"no secure keyring is available on this computer ({names}); the sign-in is kept in "
            "memory and lasts until the program exits")


def save_token(server_url: str, username: str, token: str) -> str | None:
    """Store the token. Returns None, or a sentence saying why it is kept in memory only."""
    key = token_key(server_url, username)
    reason = insecure_reason()
    if reason is None:
        try:
            keyring.set_password(SERVICE, key, token)
            _memory.pop(key, None)
            return None
        except KeyringError as exc:
            reason = f"the keyring refused to store the sign-in ({exc}); it is kept in memory for this session"
    _memory[key] = token
    log.warning("%s", reason)
    return reason


def load_token(server_url: str, username: str) -> str | None:
    key = token_key(server_url, username)
    if key in _memory:
        return _memory[key]
    if insecure_reason() is not None:
        return None
    try:
        return keyring.get_password(SERVICE, key)
    except KeyringError as exc:
        log.warning("could not read the keyring: %s", exc)
        return None


def forget_token(server_url: str, username: str) -> None:
    key = token_key(server_url, username)
    _memory.pop(key, None)
    if insecure_reason() is None:
        try:
            keyring.delete_password(SERVICE, key)
        except (PasswordDeleteError, KeyringError):
            pass
