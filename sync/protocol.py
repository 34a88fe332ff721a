"""Names, limits and the cursor of the wire protocol (../shared/PROTOCOL.md, version 1).

Both the server and the client engine import these, so the two cannot disagree.
"""
from __future__ import annotations

import base64
import binascii

PROTOCOL_VERSION = 1
MIN_PROTOCOL = 1
MAX_PROTOCOL = 1
PROTOCOL_HEADER = "X-LTC-Protocol"
API_PREFIX = "/api/v1"

OPS = ("create", "update", "delete")
PULL_OPS = ("upsert", "delete", "evict")
STATUSES = ("applied", "merged", "conflict", "rejected")
CONFLICT_KINDS = ("field", "edit_delete", "delete_edit", "duplicate", "orphan")
ROLES = ("rep", "manager", "finance", "admin")

MAX_MUTATIONS_PER_PUSH = 1000
MAX_BODY_BYTES = 16 * 1024 * 1024
DEFAULT_PULL_LIMIT = 2000
MAX_PULL_LIMIT = 10000
MAX_WAIT_SECONDS = 30


class BadCursor(ValueError):
    """The cursor was not made by this server (or is damaged)."""


def encode_cursor(epoch: str, seq: int) -> str:
    """An opaque cursor naming the server database (`epoch`) and the last sequence
    number the client has applied. The epoch lets a server restored from an older backup
    recognise a cursor from a history it no longer has."""
    raw = f"1:{epoch}:{seq}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, int]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        version, epoch, seq = base64.urlsafe_b64decode(padded.encode()).decode().split(":")
        if version != "1" or not epoch:
            raise ValueError
        value = int(seq)
        if value < 0:
            raise ValueError
        return epoch, value
    except (ValueError, UnicodeDecodeError, binascii.Error):
        raise BadCursor("the cursor is not one this server issued") from None
