"""LTC Desk domain and local persistence. Never imports Qt."""

__version__ = "0.1.0"
SCHEMA_PROTOCOL = 1
