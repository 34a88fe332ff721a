"""Whose book a record is in, which books a user reads and writes, and who loses sight
of a record when it moves.

A rep's book is the customers they own and everything hanging off them (contacts,
deals, quotes, orders, invoices, payments, activities) plus their leads and private
tasks; a manager reads and writes the books of their team (their reports and their
own); finance and admin see everything. Reference data (users, products, the
dictionary, responsibilities) is in the global book everyone reads; who may change it
is the models' `__writers__` rule.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from sqlalchemy import select

from app.errors import PermissionDenied
from app.rules.schema import entity_names, entity_spec
from server.tables import GLOBAL_BOOK, records, users

EVERYTHING_ROLES = ("finance", "admin")
BOOK_ROLES = ("rep", "manager")


@dataclass(frozen=True)
class Viewer:
    """The signed-in user of a request, with the device the token was issued to."""

    id: str
    username: str
    role: str
    display_name: str | None = None
    manager_id: str | None = None
    scope_seq: int = 0
    device_name: str | None = None
    client_id: str | None = None

    def public(self) -> dict:
        return {"id": self.id, "username": self.username, "display_name": self.display_name,
                "role": self.role}


@dataclass(frozen=True)
class Scope:
    """The books one user may read and write."""

    user_id: str
    everything: bool
    books: frozenset

    def can_read(self, book: str | None) -> bool:
        return self.everything or book == GLOBAL_BOOK or book in self.books

    def can_write(self, book: str | None) -> bool:
        """Global records are governed by the writers rule, not by books."""
        return self.everything or book == GLOBAL_BOOK or book in self.books

    def require_write(self, entity: str, book: str | None) -> None:
        if not self.can_write(book):
            raise PermissionDenied(f"this {entity} is outside your book",
                                   details={"entity": entity, "book": book})

    def condition(self):
        """The SQL condition on `records` for this scope, or None for everything."""
        if self.everything:
            return None
        return records.c.book_owner_id.in_(sorted(self.books | {GLOBAL_BOOK}))


def scope_of(conn, viewer: Viewer) -> Scope:
    if viewer.role in EVERYTHING_ROLES:
        return Scope(viewer.id, True, frozenset({viewer.id}))
    books = {viewer.id}
    if viewer.role == "manager":
        books.update(conn.execute(select(users.c.id).where(users.c.manager_id == viewer.id)).scalars())
    return Scope(viewer.id, False, frozenset(books))


def placement(entity: str, data: dict, get_row) -> tuple[str | None, str | None]:
    """(book, root) of a record from its scope rules, tried in order until one's field is
    set. `get_row(id)` returns a stored or staged Row (or None)."""
    for rule in entity_spec(entity).scope:
        kind = rule[0]
        if kind == "global":
            return GLOBAL_BOOK, None
        if kind == "customer":
            customer_id = data.get(rule[1])
            if not customer_id:
                continue
            if rule[1] == "id":
                return data.get("owner_id"), customer_id
            parent = get_row(customer_id)
            return (parent.book if parent else None), customer_id
        if kind == "owner":
            owner = data.get(rule[1])
            if not owner:
                continue
            return owner, data["id"]
        if kind == "parent":
            parent_id = data.get(rule[2])
            if not parent_id:
                continue
            parent = get_row(parent_id)
            if parent is None:
                return None, None
            return parent.book, parent.root
    return None, None


@cache
def dependents() -> dict[str, tuple[tuple[str, str], ...]]:
    """entity -> ((child entity, field), ...) for children whose book follows that parent."""
    out: dict[str, list] = {}
    for name in entity_names():
        for rule in entity_spec(name).scope:
            if rule[0] == "parent":
                out.setdefault(rule[1], []).append((name, rule[2]))
    return {k: tuple(v) for k, v in out.items()}


class Audience:
    """Who sees a book through its owner (reps and managers; finance and admin see
    everything and never lose sight of a record). Reads users lazily, once each."""

    def __init__(self, conn):
        self.conn = conn
        self._users: dict[str, tuple | None] = {}

    def _user(self, user_id: str):
        if user_id not in self._users:
            row = self.conn.execute(select(users.c.role, users.c.manager_id).where(users.c.id == user_id)).first()
            self._users[user_id] = tuple(row) if row else None
        return self._users[user_id]

    def viewers(self, book: str | None) -> set[str]:
        if book is None or book == GLOBAL_BOOK:
            return set()
        found = set()
        user = self._user(book)
        if user and user[0] in BOOK_ROLES:
            found.add(book)
        if user and user[1]:
            manager = self._user(user[1])
            if manager and manager[0] == "manager":
                found.add(user[1])
        return found
