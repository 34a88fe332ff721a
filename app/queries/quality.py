"""Data quality: each check is a list (a ListSpec over the local copy), so a count opens
the very records it counts, paged and sortable like any other list.

A record's fields are checked by the shared rules when they change; these checks find
what slipped past them: values left by imports or older versions (phones and e-mails
not in their standard form), deals standing in a stage without what the stage requires,
deals nobody has worked on for a while, customers nobody owns, and customers that share
a natural key with another (likely duplicates the queue has not decided).
"""
from __future__ import annotations

from dataclasses import dataclass

from app.queries import listing
from app.queries.listing import Column, ListSpec
from app.rules.states import DEAL_STAGES, OPEN_STAGES
from app.rules.validation import deal_stage_requirements

STALE_DAYS = 30


@dataclass(frozen=True)
class Check:
    """One check: `key` (what the screens name it by), the `entity` its list holds, and
    the list itself."""

    key: str
    entity: str
    spec: ListSpec


def _bad_phone(col: str) -> str:
    # Stored phones are E.164 ("+" and 8 to 15 digits); anything else came from elsewhere.
    return (f"({col} IS NOT NULL AND ({col} NOT GLOB '+[1-9]*' OR substr({col}, 2) GLOB '*[^0-9]*' "
            f"OR length({col}) NOT BETWEEN 8 AND 16))")


def _bad_email(col: str) -> str:
    # Stored e-mails are checked and lower-cased; these shapes never pass the rule.
    return (f"({col} IS NOT NULL AND ({col} NOT LIKE '%_@_%._%' OR {col} GLOB '*[ ,;<>()]*' "
            f"OR {col} != lower({col}) OR {col} LIKE '%@%@%'))")


def _contact_spec(entity: str, table: str, alias: str, name_sql: str, extra: tuple[Column, ...] = ()) -> ListSpec:
    return ListSpec(
        entity=entity, from_sql=f"{table} {alias}", id_sql=f"{alias}.id", default_sort="name",
        where=f"{alias}.deleted_at IS NULL AND ({_bad_phone(alias + '.phone')} OR {_bad_email(alias + '.email')})",
        columns=(Column("name", "Name", name_sql), Column("phone", "Phone", f"{alias}.phone"),
                 Column("email", "E-mail", f"{alias}.email"), *extra,
                 Column("updated", "Updated", f"{alias}.updated_at", kind="datetime")),
        search_sql=(name_sql, f"{alias}.phone", f"{alias}.email"))


def _missing_for_stage() -> str:
    parts = []
    for stage in DEAL_STAGES:
        needed = deal_stage_requirements(stage)
        if needed:
            missing = " OR ".join(f"d.{name} IS NULL" for name in needed)
            parts.append(f"(d.stage = '{stage}' AND ({missing}))")
    return " OR ".join(parts)


def _missing_sql() -> str:
    labels = []
    for name in ("amount_minor", "expected_close", "closed_on", "lost_reason"):
        stages = [s for s in DEAL_STAGES if name in deal_stage_requirements(s)]
        quoted = ", ".join(f"'{s}'" for s in stages)
        labels.append(f"CASE WHEN d.stage IN ({quoted}) AND d.{name} IS NULL THEN '{name} ' ELSE '' END")
    return "trim(" + " || ".join(labels) + ")"


DEAL_COLUMNS = (
    Column("name", "Deal", "d.name"),
    Column("customer", "Customer", "c.name"),
    Column("stage", "Stage", "d.stage", kind="stage"),
    Column("amount", "Amount", "d.amount_minor", kind="money", currency_sql="d.currency"),
    Column("owner", "Owner", "coalesce(u.display_name, u.username)"),
)
DEAL_FROM = "deals d LEFT JOIN customers c ON c.id = d.customer_id LEFT JOIN users u ON u.id = d.owner_id"


def stale_deals_spec(days: int = STALE_DAYS) -> ListSpec:
    """Open deals older than `days` with no activity (done, due or logged) in that time."""
    since = f"strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-{int(days)} days')"
    last = ("(SELECT max(coalesce(a.done_at, a.due_at, a.created_at)) FROM activities a "
            "WHERE a.deal_id = d.id AND a.deleted_at IS NULL)")
    stages = ", ".join(f"'{s}'" for s in OPEN_STAGES)
    return ListSpec(
        entity="deal", from_sql=DEAL_FROM, id_sql="d.id", default_sort="last", descending=False,
        where=(f"d.deleted_at IS NULL AND d.stage IN ({stages}) AND d.created_at < {since} "
               f"AND coalesce({last}, '') < {since}"),
        columns=(*DEAL_COLUMNS, Column("last", "Last activity", last, kind="datetime")),
        search_sql=("d.name", "c.name"))


DEAL_STAGE = ListSpec(
    entity="deal", from_sql=DEAL_FROM, id_sql="d.id", default_sort="name",
    where=f"d.deleted_at IS NULL AND ({_missing_for_stage()})",
    columns=(*DEAL_COLUMNS, Column("missing", "Missing", _missing_sql())), search_sql=("d.name", "c.name"))
STALE_DEALS = stale_deals_spec()
CUSTOMER_CONTACT_DATA = _contact_spec("customer", "customers", "c", "c.name")
CONTACT_CONTACT_DATA = _contact_spec("contact", "contacts", "p", "p.name")
LEAD_CONTACT_DATA = _contact_spec("lead", "leads", "l", "coalesce(l.company_name, l.contact_name)")
NO_OWNER = ListSpec(
    entity="customer", from_sql="customers c LEFT JOIN users u ON u.id = c.owner_id", id_sql="c.id",
    default_sort="name", where="c.deleted_at IS NULL AND (c.owner_id IS NULL OR u.id IS NULL OR u.active = 0)",
    columns=(Column("name", "Name", "c.name"), Column("owner", "Owner", "coalesce(u.display_name, u.username)"),
             Column("phone", "Phone", "c.phone"), Column("updated", "Updated", "c.updated_at", kind="datetime")),
    search_sql=("c.name",))
DUPLICATES = ListSpec(
    entity="customer", from_sql="customers c", id_sql="c.id", default_sort="key",
    where=("c.deleted_at IS NULL AND EXISTS (SELECT 1 FROM customers o WHERE o.deleted_at IS NULL "
           "AND o.id != c.id AND (o.credit_code = c.credit_code OR o.phone = c.phone OR o.email = c.email))"),
    columns=(Column("name", "Name", "c.name"), Column("key", "Credit code", "c.credit_code"),
             Column("phone", "Phone", "c.phone"), Column("email", "E-mail", "c.email")),
    search_sql=("c.name", "c.phone", "c.email", "c.credit_code"))


def checks(stale_days: int = STALE_DAYS) -> list[Check]:
    """Every check, in the order the quality view lists them: deals missing what their
    stage requires, stale open deals, invalid phones or e-mails (customers, contacts,
    leads), customers without an active owner, customers sharing a natural key."""
    return [
        Check("deal_stage", "deal", DEAL_STAGE),
        Check("stale_deals", "deal", STALE_DEALS if stale_days == STALE_DAYS else stale_deals_spec(stale_days)),
        Check("customer_contact_data", "customer", CUSTOMER_CONTACT_DATA),
        Check("contact_contact_data", "contact", CONTACT_CONTACT_DATA),
        Check("lead_contact_data", "lead", LEAD_CONTACT_DATA),
        Check("no_owner", "customer", NO_OWNER),
        Check("duplicates", "customer", DUPLICATES),
    ]


def counts(session, params: dict, stale_days: int = STALE_DAYS) -> dict[str, int]:
    """{check key: how many records it finds}."""
    return {c.key: listing.count(session, c.spec, params=params) for c in checks(stale_days)}
