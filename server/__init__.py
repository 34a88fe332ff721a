"""The central server: the authoritative store every client reconciles with.

FastAPI over SQLAlchemy Core, SQLite by default and PostgreSQL in production. It imports
the shared rules from `app/` and the protocol constants from `sync/`; it never imports Qt.
"""
