"""Request and response bodies of the administration endpoints (users, devices, merges,
the duplicate scan, record history, conflict counts), as pydantic models that validate
requests and describe the endpoints in `/openapi.json`."""
from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from sync.protocol import ROLES

MERGEABLE = ("customer", "contact", "lead")


class ConflictCounts(BaseModel):
    status: Literal["open", "resolved"]
    total: int
    by_kind: dict[str, int] = Field(description="every conflict kind, zero included")
    by_entity: dict[str, int]


class HistoryEvent(BaseModel):
    seq: int | None = Field(description="the change's sequence number (the record's version after it)")
    at: str
    user_id: str | None
    username: str | None
    action: str = Field(description="create, update, delete, restore, resolve, merge, touch, ...")
    field: str | None
    old: Any = None
    new: Any = None
    origin: str


class RecordHistory(BaseModel):
    entity: str
    id: str
    version: int
    deleted: bool
    data: dict[str, Any] = Field(description="the record as stored now (a deleted one: as it was)")
    conflict_ids: list[str]
    events: list[HistoryEvent] = Field(description="newest first")


class MergeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    entity: Literal[MERGEABLE]  # type: ignore[valid-type]
    survivor_id: str = Field(min_length=1, max_length=64)
    loser_id: str = Field(min_length=1, max_length=64)
    fields: dict[str, Any] = Field(default_factory=dict,
                                   description="values the survivor takes (e.g. the loser's phone)")
    conflict_id: str | None = Field(default=None, max_length=64,
                                    description="the duplicate conflict this merge decides, if any")
    note: str | None = Field(default=None, max_length=2000)


class MergeResponse(BaseModel):
    survivor_id: str
    loser_id: str
    version: int = Field(description="the survivor's version after the merge")
    repointed: int = Field(description="records re-pointed from the loser to the survivor")
    resolved_conflicts: list[str]


class ScanRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    entities: list[Literal[MERGEABLE]] = Field(  # type: ignore[valid-type]
        default_factory=lambda: list(MERGEABLE), max_length=3)


class ScanResponse(BaseModel):
    scanned: dict[str, int] = Field(description="live records looked at, per entity")
    pairs: int = Field(description="likely duplicate pairs found (known ones included)")
    opened: list[str] = Field(description="ids of the duplicate conflicts opened now")
    seconds: float


class AccountOut(BaseModel):
    id: str
    username: str
    display_name: str | None
    role: Literal[ROLES]  # type: ignore[valid-type]
    manager_id: str | None
    manager: str | None = Field(description="the manager's user name")
    team: str | None
    active: bool
    customers: int = Field(description="live customers in the user's book")
    leads: int = Field(description="live leads the user owns")


class AccountCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=1024, description="the initial password")
    role: Literal[ROLES]  # type: ignore[valid-type]
    display_name: str | None = Field(default=None, max_length=120)
    manager_id: str | None = Field(default=None, max_length=64)
    team: str | None = Field(default=None, max_length=64)


class AccountUpdate(BaseModel):
    """Only the fields given change; `manager_id: null` removes the manager."""

    model_config = ConfigDict(extra="forbid")

    display_name: str | None = Field(default=None, max_length=120)
    role: Literal[ROLES] | None = None  # type: ignore[valid-type]
    manager_id: str | None = Field(default=None, max_length=64)
    team: str | None = Field(default=None, max_length=64)
    active: bool | None = None


class PasswordRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    password: str = Field(min_length=1, max_length=1024)


class ReassignRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    from_user_id: str = Field(min_length=1, max_length=64)
    to_user_id: str = Field(min_length=1, max_length=64)


class ReassignResponse(BaseModel):
    customers: int
    leads: int
    deals: int
    version: int | None = Field(description="the last version written (null: nothing to move)")


class DeviceOut(BaseModel):
    client_id: str
    user_id: str
    username: str | None
    device_name: str | None
    app_version: str | None
    pending: int | None = Field(description="changes still queued on the device at its last push")
    last_push_at: str | None
    last_pull_at: str | None = Field(description="when the device last finished a pull")
    last_sync_at: str | None = Field(description="the later of the last push and the last finished pull")
    rejected: int = Field(description="mutations from this device the server rejected")
    open_conflicts: int = Field(description="open conflicts caused by this device")
