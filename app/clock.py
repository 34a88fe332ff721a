"""UTC time in the one wire format the product uses (ISO 8601, seconds, `Z`)."""
from __future__ import annotations

import datetime as dt

UTC = dt.timezone.utc


def now() -> dt.datetime:
    return dt.datetime.now(UTC).replace(microsecond=0)


def now_iso() -> str:
    return format_datetime(now())


def today() -> dt.date:
    return now().date()


def format_datetime(value: dt.datetime) -> str:
    """An aware or naive-UTC datetime as `YYYY-MM-DDTHH:MM:SSZ`."""
    if value.tzinfo is not None:
        value = value.astimezone(UTC)
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_datetime(text: str) -> dt.datetime:
    """Parse ISO 8601 (with `Z`, an offset, or naive meaning UTC) into an aware UTC datetime."""
    value = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).replace(microsecond=0)


def parse_date(text: str) -> dt.date:
    return dt.date.fromisoformat(text.strip())
