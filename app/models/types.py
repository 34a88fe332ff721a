"""Column types that keep the wire format, so synced values round-trip unchanged.

Dates are `YYYY-MM-DD` and timestamps `YYYY-MM-DDTHH:MM:SSZ`: fixed-width strings that
sort and compare correctly in SQL, that the pull applier writes without parsing, and
that services hand around as plain data. Python date/datetime objects are accepted on
the way in; reads return the strings.
"""
from __future__ import annotations

import orjson
from sqlalchemy import String, Text
from sqlalchemy.types import TypeDecorator

from app import clock


class UtcDateTime(TypeDecorator):
    impl = String(20)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None or isinstance(value, str):
            return value
        return clock.format_datetime(value)


class IsoDate(TypeDecorator):
    impl = String(10)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None or isinstance(value, str):
            return value
        return value.isoformat()


class Json(TypeDecorator):
    """JSON stored as text, encoded with orjson (sorted keys, so equal values store equal)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()

    def process_result_value(self, value, dialect):
        return None if value is None else orjson.loads(value)
