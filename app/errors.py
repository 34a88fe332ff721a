"""Typed domain errors, turned into messages at the edges (dialog, HTTP body, exit code)."""
from __future__ import annotations


class DomainError(Exception):
    """Base of every error the domain raises on purpose; `code` is stable snake_case."""

    code = "domain_error"

    def __init__(self, message: str, *, details: dict | None = None):
        super().__init__(message)
        self.message = message
        self.details = details or {}

    def to_dict(self) -> dict:
        return {"code": self.code, "message": self.message, "details": self.details}


class ValidationError(DomainError):
    """Input broke a rule. `fields` maps a field name to a human message."""

    code = "validation_failed"

    def __init__(self, fields: dict[str, str], message: str | None = None):
        self.fields = dict(fields)
        text = message or "; ".join(f"{name}: {msg}" for name, msg in self.fields.items())
        super().__init__(text, details={"fields": self.fields})

    def to_dict(self) -> dict:
        return {"code": self.code, "message": self.message, "fields": self.fields}


class InvalidTransition(ValidationError):
    """A state machine refused a transition (e.g. lead `new` -> `converted`)."""

    code = "invalid_transition"


class PermissionDenied(DomainError):
    code = "permission_denied"


class NotFound(DomainError):
    code = "not_found"


class Immutable(DomainError):
    """The record may no longer change (an issued invoice, a recorded payment)."""

    code = "immutable"


class DuplicateFound(DomainError):
    """A create matched existing records by a natural key; `matches` lists them."""

    code = "duplicate"

    def __init__(self, message: str, matches: list[dict]):
        super().__init__(message, details={"matches": matches})
        self.matches = matches
