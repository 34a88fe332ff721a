"""The import log: one row per import run (dry runs included), kept in the profile only,
so the user can reopen what was imported, what was decided and what was rejected."""
from __future__ import annotations

from sqlalchemy import Boolean, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base
from app.models.types import Json, UtcDateTime

IMPORT_STATUSES = ("running", "committed", "dry_run", "needs_decisions", "failed", "cancelled")


class ImportRun(Base):
    __tablename__ = "import_runs"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    started_at: Mapped[str] = mapped_column(UtcDateTime, index=True)
    finished_at: Mapped[str | None] = mapped_column(UtcDateTime)
    actor_id: Mapped[str | None] = mapped_column(String(36))
    source: Mapped[str] = mapped_column(Text)          # the file or directory imported
    mapping_name: Mapped[str | None] = mapped_column(String(200))
    mapping: Mapped[dict | None] = mapped_column(Json)  # the mapping as used
    mode: Mapped[str] = mapped_column(String(16))       # all_or_nothing | valid_rows
    dry_run: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(16))
    files: Mapped[list | None] = mapped_column(Json)     # [{path, encoding, rows}]
    counts: Mapped[dict | None] = mapped_column(Json)    # per step: created, updated, ...
    decisions: Mapped[list | None] = mapped_column(Json) # questions with their answers
    rejected_path: Mapped[str | None] = mapped_column(Text)
    message: Mapped[str | None] = mapped_column(Text)
