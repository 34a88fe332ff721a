"""The generator: batches of rows for given counts, seed and owners, independent of storage.

Rows are complete records in wire format with every column of their table (system
fields included: `version` and `deleted_at` None, `created_at`/`updated_at` derived
from the reference date), so a writer can insert them as they are: the local profile
(app/seed/profile.py) or, later, a server's database.
"""
from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator, Sequence

from app.errors import ValidationError
from app.rules.dictionary import Dictionary
from app.seed.activities import Activities
from app.seed.deals import Deals
from app.seed.parties import Contacts, Customers
from app.seed.timeline import Timeline

# The data's "today": fixed, so a seed gives the same data whenever it runs.
REFERENCE_DATE = dt.date(2026, 11, 27)
BATCH_SIZE = 5_000
COUNTS = ("customers", "contacts", "deals", "activities")


def check_request(*, customers, deals=0, activities=0, contacts=0, owner_ids: Sequence[str] | None = None,
                  batch_size=BATCH_SIZE) -> None:
    """Raise ValidationError (a message per field) unless the counts can be generated;
    `owner_ids`, when given, must name at least one user."""
    errors: dict[str, str] = {}
    values = {"customers": customers, "contacts": contacts, "deals": deals, "activities": activities}
    for name, value in values.items():
        if isinstance(value, bool) or not isinstance(value, int):
            errors[name] = "must be a whole number"
        elif value < 0:
            errors[name] = "must not be negative"
    if "customers" not in errors and customers == 0:
        for name in ("contacts", "deals", "activities"):
            if name not in errors and values[name] > 0:
                errors[name] = "needs at least one customer to belong to (customers is 0)"
    if owner_ids is not None and (isinstance(owner_ids, str) or not owner_ids
                                  or any(not isinstance(o, str) or not o for o in owner_ids)):
        errors["owner_ids"] = "must name at least one user id"
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        errors["batch_size"] = "must be a whole number of at least 1"
    if errors:
        raise ValidationError(errors)


def generate(*, customers: int, deals: int = 0, activities: int = 0, contacts: int = 0, seed: int = 1,
             owner_ids: Sequence[str], reference: dt.date = REFERENCE_DATE,
             dictionary: Dictionary | None = None,
             batch_size: int = BATCH_SIZE) -> Iterator[tuple[str, list[dict]]]:
    """Yield `(entity, rows)` batches: all customers, then contacts, then deals each
    followed by their stage events, then activities. The same arguments give the same
    rows, ids and timestamps included. Customers are owned round-robin by `owner_ids`;
    a customer's contacts, deals and activities by its owner. Vocabulary codes and
    stage probabilities come from `dictionary` (default: the starting dictionary).

    Raises ValidationError at once (before yielding anything) for bad counts.
    """
    check_request(customers=customers, deals=deals, activities=activities, contacts=contacts,
                  owner_ids=() if owner_ids is None else owner_ids, batch_size=batch_size)
    owners = list(owner_ids)
    return _batches(customers, contacts, deals, activities, seed, owners, reference,
                    dictionary or Dictionary.defaults(), batch_size)


def _stream(seed: int, entity: str) -> random.Random:
    # One stream per entity, derived from the seed: asking for contacts (or more of them)
    # leaves the deals and activities of the same seed unchanged.
    return random.Random(f"ltc-seed:{seed}:{entity}")


def _chunks(total: int, size: int) -> Iterator[int]:
    while total > 0:
        n = min(size, total)
        yield n
        total -= n


def _batches(customers, contacts, deals, activities, seed, owners, reference, dictionary, batch_size):
    timeline = Timeline(reference)
    people = Customers(_stream(seed, "customer"), timeline, owners, set(dictionary.codes("industry")))
    for n in _chunks(customers, batch_size):
        yield "customer", people.make(n)
    contact_maker = Contacts(_stream(seed, "contact"), timeline, people)
    for n in _chunks(contacts, batch_size):
        yield "contact", contact_maker.make(n)
    deal_maker = Deals(_stream(seed, "deal"), timeline, people, dictionary)
    for n in _chunks(deals, batch_size):
        rows, events = deal_maker.make(n)
        yield "deal", rows
        yield "deal_stage_event", events
    activity_maker = Activities(_stream(seed, "activity"), timeline, people, deal_maker, contact_maker.primary)
    for n in _chunks(activities, batch_size):
        yield "activity", activity_maker.make(n)
