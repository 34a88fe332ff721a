"""Request and response bodies of PROTOCOL.md as pydantic models: they validate requests
and describe every endpoint in `/openapi.json`."""
from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from sync.protocol import CONFLICT_KINDS, MAX_MUTATIONS_PER_PUSH, PULL_OPS, ROLES, STATUSES

# Ids travel unescaped inside pull pages, so they are kept to a safe alphabet.
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$"
Id = Field(pattern=ID_PATTERN, min_length=1, max_length=64)


class ErrorDetail(BaseModel):
    code: str = Field(description="stable snake_case code, e.g. invalid_credentials, resync_required")
    message: str
    details: dict[str, Any] = Field(default_factory=dict)


class ErrorBody(BaseModel):
    error: ErrorDetail


class Health(BaseModel):
    status: Literal["ok"]
    protocol: int
    server_time: str


class LoginRequest(BaseModel):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=1024)
    device_name: str | None = Field(default=None, max_length=120)
    client_id: str | None = Field(default=None, max_length=64, description="the client's stable id, if it has one")


class UserInfo(BaseModel):
    id: str
    username: str
    display_name: str | None = None
    role: Literal[ROLES]  # type: ignore[valid-type]


class LoginResponse(BaseModel):
    token: str
    expires_at: str
    user: UserInfo


class Mutation(BaseModel):
    # Strict: "7" is not a version; a client that sends it has a bug worth hearing about.
    model_config = ConfigDict(strict=True)

    mutation_id: str = Id
    entity: str = Field(min_length=1, max_length=40)
    record_id: str = Id
    op: Literal["create", "update", "delete"]
    base_version: int | None = Field(default=None, ge=0, le=2**62, description="null for create")
    base: dict[str, Any] = Field(default_factory=dict, description="values the client last saw, changed fields only")
    changes: dict[str, Any] = Field(default_factory=dict, description="new values (create: all fields)")


class PushRequest(BaseModel):
    model_config = ConfigDict(strict=True)

    client_id: str = Id
    mutations: list[Mutation] = Field(max_length=MAX_MUTATIONS_PER_PUSH,
                                      description=f"at most {MAX_MUTATIONS_PER_PUSH}; more is answered 413 too_many_mutations")
    device_name: str | None = Field(default=None, max_length=120)
    app_version: str | None = Field(default=None, max_length=40)
    pending: int | None = Field(default=None, ge=0, le=2**31, description="changes still queued on the device")


class MutationError(BaseModel):
    code: str
    message: str
    fields: dict[str, str] = Field(default_factory=dict)
    details: dict[str, Any] = Field(default_factory=dict)


class MutationResult(BaseModel):
    mutation_id: str
    status: Literal[STATUSES]  # type: ignore[valid-type]
    version: int | None = None
    conflict_id: str | None = None
    merged_fields: list[str] = Field(default_factory=list)
    conflict_fields: list[str] = Field(default_factory=list)
    error: MutationError | None = None
    conflict_ids: list[str] = Field(default_factory=list, description="every conflict this mutation opened")
    redirected: dict[str, str] = Field(default_factory=dict,
                                       description="reference fields re-pointed to the record a merge kept")


class PushResponse(BaseModel):
    results: list[MutationResult]


class PullChange(BaseModel):
    entity: str
    record_id: str
    version: int
    op: Literal[PULL_OPS]  # type: ignore[valid-type]
    data: dict[str, Any]
    conflict_ids: list[str]


class PullResponse(BaseModel):
    changes: list[PullChange]
    cursor: str
    has_more: bool


class WaitResponse(BaseModel):
    changed: bool
    cursor: str


class ConflictSide(BaseModel):
    base: Any = None
    server: Any = None
    client: Any = None


class ConflictOut(BaseModel):
    id: str
    entity: str
    record_id: str
    kind: Literal[CONFLICT_KINDS]  # type: ignore[valid-type]
    fields: dict[str, ConflictSide]
    candidates: list[dict[str, Any]]
    details: dict[str, Any]
    created_at: str
    user: str | None
    user_id: str | None
    device_name: str | None
    mutation_id: str | None
    status: Literal["open", "resolved"]
    resolution: dict[str, Any] | None = None
    note: str | None = None
    resolved_by: str | None = None
    resolved_at: str | None = None
    record_name: str | None = Field(default=None, description="the record's name as the server holds it "
                                                               "(deleted records too), for people")


class FieldChoice(BaseModel):
    model_config = ConfigDict(extra="forbid")
    take: Literal["server", "client"] | None = None
    value: Any = None


class ResolveRequest(BaseModel):
    """Field conflicts: `fields` (fields not named keep the server value). Duplicates:
    `merge_into` or `keep_both`. Edit/delete: `action` restore | confirm_delete. Orphans:
    `action` reparent (with `parent_id`) | restore_parent | discard."""

    fields: dict[str, FieldChoice] | None = None
    note: str | None = Field(default=None, max_length=2000)
    merge_into: str | None = Field(default=None, max_length=64)
    keep_both: bool | None = None
    action: Literal["restore", "confirm_delete", "reparent", "restore_parent", "discard"] | None = None
    parent_id: str | None = Field(default=None, max_length=64)


class ResolveResponse(BaseModel):
    version: int


class IssueResponse(BaseModel):
    id: str
    version: int
    number: str
    status: str
    issued_on: str
    due_on: str | None
    already_issued: bool = False
