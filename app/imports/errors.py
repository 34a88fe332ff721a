"""The importer's own errors: a file it cannot read, a mapping it cannot use."""
from __future__ import annotations

from app.errors import DomainError


class FileProblem(DomainError):
    """The file cannot be read as a table (encoding, format, damage). Nothing is imported."""

    code = "bad_file"


class MappingProblem(DomainError):
    """The mapping does not fit the entity or the file (unknown field, missing column)."""

    code = "bad_mapping"


class Cancelled(Exception):
    """The user cancelled the import; raised inside a unit of work so it rolls back."""
