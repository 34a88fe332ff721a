"""The seed: deterministic, realistic generated data that passes the shared rules."""
from __future__ import annotations

import datetime as dt
import random
import sqlite3
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

import phonenumbers
import pytest

from app.errors import ValidationError
from app.rules.dictionary import Dictionary
from app.rules.standards import normalise_credit_code
from app.rules.states import DEAL_STAGES, OPEN_STAGES
from app.rules.validation import validate_record
from app.seed import REFERENCE_DATE, generate, seed_profile
from app.seed.parties import organisation_code
from app.seed.places import LANDLINE_FIRST_DIGITS, MOBILE_PREFIXES, REGIONS

ROOT = Path(__file__).resolve().parents[2]
OWNERS = ["owner-a", "owner-b", "owner-c"]
COUNTS = {"customers": 400, "contacts": 300, "deals": 800, "activities": 1200}
SEEDED_TABLES = ("customers", "contacts", "deals", "deal_stage_events", "activities")
# End of the reference day's office hours (18:00 in Beijing): the data's "now".
NOW = f"{REFERENCE_DATE.isoformat()}T10:00:00Z"


def collect(**kwargs) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for entity, rows in generate(**kwargs):
        out[entity].extend(rows)
    return dict(out)


@pytest.fixture(scope="module")
def data():
    return collect(**COUNTS, seed=7, owner_ids=OWNERS, batch_size=250)


def table_rows(path: Path, table: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
    finally:
        conn.close()


def count(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


# -- determinism ----------------------------------------------------------------------

def test_same_seed_gives_the_same_rows_and_another_seed_different_ones(data):
    again = collect(**COUNTS, seed=7, owner_ids=OWNERS, batch_size=97)
    assert again == data
    other = collect(**COUNTS, seed=8, owner_ids=OWNERS, batch_size=250)
    assert {r["id"] for r in other["customer"]}.isdisjoint(r["id"] for r in data["customer"])
    assert [r["name"] for r in other["customer"]] != [r["name"] for r in data["customer"]]


def test_same_seed_writes_byte_identical_tables_in_two_profiles(tmp_path):
    from app.store import Store

    paths = []
    for name in ("one", "two"):
        store = Store.open(tmp_path / name)
        seed_profile(store, customers=60, deals=90, activities=120, contacts=40, seed=3, owner_ids=["rep"])
        paths.append(store.path)
        store.close()
    for table in SEEDED_TABLES:
        first = table_rows(paths[0], table)
        assert first and first == table_rows(paths[1], table)


def test_asking_for_contacts_leaves_deals_and_activities_of_the_seed_unchanged():
    without = collect(customers=50, deals=60, activities=80, seed=4, owner_ids=OWNERS)
    with_contacts = collect(customers=50, deals=60, activities=80, contacts=30, seed=4, owner_ids=OWNERS)
    assert with_contacts["customer"] == without["customer"]
    assert with_contacts["deal"] == without["deal"]
    assert with_contacts["deal_stage_event"] == without["deal_stage_event"]
    assert [r["id"] for r in with_contacts["activity"]] == [r["id"] for r in without["activity"]]


# -- counts and validity --------------------------------------------------------------

def test_counts_are_exactly_the_ones_asked_for(data):
    assert len(data["customer"]) == COUNTS["customers"]
    assert len(data["contact"]) == COUNTS["contacts"]
    assert len(data["deal"]) == COUNTS["deals"]
    assert len(data["activity"]) == COUNTS["activities"]
    assert len(data["deal_stage_event"]) >= COUNTS["deals"]


@pytest.mark.parametrize("entity", ["customer", "contact", "deal", "deal_stage_event", "activity"])
def test_every_generated_row_passes_the_shared_rules_already_normalised(data, entity):
    dictionary = Dictionary.defaults()
    from app.models import ENTITIES

    columns = {c.name for c in ENTITIES[entity].__table__.columns}
    for row in data[entity]:
        assert set(row) == columns
        assert validate_record(entity, row, dictionary=dictionary) == row


def test_ids_are_unique_version_4_uuids_and_rows_are_unsynced(data):
    import uuid

    ids = [r["id"] for rows in data.values() for r in rows]
    assert len(ids) == len(set(ids))
    for value in ids[:500]:
        assert uuid.UUID(value).version == 4 and str(uuid.UUID(value)) == value
    assert all(r["version"] is None and r["deleted_at"] is None for rows in data.values() for r in rows)


def test_credit_codes_carry_valid_check_characters_and_a_real_division(data):
    divisions = {code for r in REGIONS for code, _, _ in r.districts}
    codes = [r["credit_code"] for r in data["customer"] if r["credit_code"]]
    assert len(codes) > COUNTS["customers"] * 0.8
    assert len(codes) == len(set(codes))
    for code in codes:
        assert normalise_credit_code(code) == code
        assert code[:2] in ("91", "12")
        assert code[2:8] in divisions
        assert organisation_code(code[8:16]) == code[8:17]


def test_organisation_code_check_character_matches_a_published_example():
    # GB 11714 example: D2143569 -> check character X.
    assert organisation_code("D2143569") == "D2143569X"


def test_phones_are_valid_mainland_numbers_in_e164_and_unique(data):
    phones = [r["phone"] for e in ("customer", "contact") for r in data[e] if r["phone"]]
    assert len(phones) == len(set(phones))
    for phone in phones:
        number = phonenumbers.parse(phone, None)
        assert phonenumbers.is_valid_number(number) and number.country_code == 86
        assert phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) == phone


def test_every_mobile_prefix_and_landline_pattern_is_valid():
    rng = random.Random(0)
    for prefix in MOBILE_PREFIXES:
        for _ in range(20):
            number = phonenumbers.parse(f"+86{prefix}{rng.randrange(10**8):08d}", None)
            assert phonenumbers.number_type(number) in (phonenumbers.PhoneNumberType.MOBILE,
                                                        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)
    for region in REGIONS:
        for first in LANDLINE_FIRST_DIGITS:
            rest = region.local_digits - 1
            number = phonenumbers.parse(f"+86{region.area_code}{first}{rng.randrange(10**rest):0{rest}d}", None)
            assert phonenumbers.is_valid_number(number), (region.city, first)


def test_names_are_chinese_and_latin_companies_and_people(data):
    names = [r["name"] for r in data["customer"]]
    assert len(names) == len(set(names))
    chinese = [n for n in names if any("\u4e00" <= ch <= "\u9fff" for ch in n)]
    latin = [n for n in names if n.isascii()]
    assert len(chinese) > len(names) * 0.8 and latin
    assert all(n.endswith(("公司", "医院", "学院")) for n in chinese)
    people = [r["name"] for r in data["contact"]]
    assert any(2 <= len(p) <= 3 and not p.isascii() for p in people)
    assert any(p.isascii() and " " in p for p in people)
    assert sum(r["email"] is not None for r in data["contact"]) > len(people) / 2


def test_customers_have_statuses_credit_limits_addresses_and_a_few_parents(data):
    customers = data["customer"]
    assert {r["status"] for r in customers} == {"prospect", "active", "inactive"}
    limits = [r["credit_limit_minor"] for r in customers if r["credit_limit_minor"] is not None]
    assert limits and all(v > 0 and v % 100 == 0 for v in limits)
    assert sum(r["address"] is not None for r in customers) > len(customers) * 0.8
    position = {r["id"]: i for i, r in enumerate(customers)}
    children = [(i, r) for i, r in enumerate(customers) if r["parent_id"]]
    assert children
    for i, child in children:
        parent = customers[position[child["parent_id"]]]
        assert position[parent["id"]] < i and parent["parent_id"] is None
        assert parent["created_at"] <= child["created_at"]


# -- deals and their history ----------------------------------------------------------

def test_deals_cover_all_six_stages_with_the_dictionary_probabilities(data):
    dictionary = Dictionary.defaults()
    stages = Counter(r["stage"] for r in data["deal"])
    assert set(stages) == set(DEAL_STAGES)
    for deal in data["deal"]:
        assert deal["probability"] == dictionary.stage_probability(deal["stage"])
        assert deal["currency"] == "CNY"
        if deal["amount_minor"] is not None:
            assert isinstance(deal["amount_minor"], int) and deal["amount_minor"] >= 300_000
        if deal["stage"] in ("won", "lost"):
            assert deal["closed_on"] == deal["stage_changed_at"][:10]
        else:
            assert deal["closed_on"] is None


def test_stage_history_walks_from_prospecting_to_the_current_stage(data):
    customers = {r["id"]: r for r in data["customer"]}
    history = defaultdict(list)
    for event in data["deal_stage_event"]:
        history[event["deal_id"]].append(event)
    assert set(history) == {d["id"] for d in data["deal"]}
    skipped = 0
    for deal in data["deal"]:
        events = history[deal["id"]]
        times = [e["changed_at"] for e in events]
        assert times == sorted(times) and len(set(times)) == len(times)
        assert events[0]["from_stage"] is None and events[0]["to_stage"] == "prospecting"
        for before, after in zip(events, events[1:]):
            assert after["from_stage"] == before["to_stage"]
        path = [e["to_stage"] for e in events]
        opens = [s for s in path if s in OPEN_STAGES]
        assert opens == [s for s in OPEN_STAGES if s in opens]  # forward only
        skipped += len(opens) < OPEN_STAGES.index(opens[-1]) + 1
        assert path[-1] == deal["stage"]
        assert times[-1] == deal["stage_changed_at"] and times[0] == deal["created_at"]
        assert customers[deal["customer_id"]]["created_at"] <= times[0] and times[-1] <= NOW
        assert all(e["changed_by"] == deal["owner_id"] for e in events)
    assert skipped  # some deals skip a stage, as real ones do


def test_deal_dates_are_recent(data):
    closed = sorted(d["closed_on"] for d in data["deal"] if d["closed_on"])
    assert closed[-1] <= REFERENCE_DATE.isoformat()
    assert closed[len(closed) // 2] >= (REFERENCE_DATE - dt.timedelta(days=800)).isoformat()
    opened = [d for d in data["deal"] if d["stage"] in OPEN_STAGES and d["expected_close"]]
    assert sum(d["expected_close"] > REFERENCE_DATE.isoformat() for d in opened) > len(opened) / 2


# -- activities -----------------------------------------------------------------------

def test_activities_are_linked_and_tasks_are_done_overdue_or_upcoming(data):
    deals = {d["id"]: d for d in data["deal"]}
    customers = {c["id"] for c in data["customer"]}
    activities = data["activity"]
    assert {a["kind"] for a in activities} == {"call", "visit", "meeting", "email", "task", "note"}
    linked = [a for a in activities if a["deal_id"]]
    assert len(activities) * 0.4 < len(linked) < len(activities) * 0.9
    for a in activities:
        assert a["customer_id"] in customers
        if a["deal_id"]:
            assert a["customer_id"] == deals[a["deal_id"]]["customer_id"]
            assert a["owner_id"] == deals[a["deal_id"]]["owner_id"]
        assert a["created_at"] <= NOW and a["updated_at"] >= a["created_at"]
        assert a["done_at"] is None or a["done_at"] <= NOW
    week = (REFERENCE_DATE + dt.timedelta(days=7)).isoformat()
    tasks = [a for a in activities if a["kind"] == "task"]
    done = [t for t in tasks if t["done_at"]]
    overdue = [t for t in tasks if not t["done_at"] and t["due_at"] < NOW]
    this_week = [t for t in tasks if not t["done_at"] and NOW < t["due_at"] <= week]
    later = [t for t in tasks if not t["done_at"] and t["due_at"] > week]
    assert done and overdue and this_week and later
    assert len(done) + len(overdue) + len(this_week) + len(later) == len(tasks)


def test_contacts_have_one_primary_per_customer(data):
    primaries = Counter(c["customer_id"] for c in data["contact"] if c["is_primary"])
    assert set(primaries) == {c["customer_id"] for c in data["contact"]}
    assert set(primaries.values()) == {1}
    contact_ids = {c["id"] for c in data["contact"]}
    assert any(a["contact_id"] in contact_ids for a in data["activity"])


def test_rows_are_owned_round_robin_and_children_follow_their_customer(data):
    assert [c["owner_id"] for c in data["customer"][:6]] == OWNERS * 2
    owner = {c["id"]: c["owner_id"] for c in data["customer"]}
    assert all(d["owner_id"] == owner[d["customer_id"]] for d in data["deal"])
    assert all(a["owner_id"] == owner[a["customer_id"]] for a in data["activity"])


def test_the_reference_date_moves_the_whole_timeline():
    reference = dt.date(2025, 3, 14)
    rows = collect(customers=30, deals=60, activities=60, seed=1, owner_ids=OWNERS, reference=reference)
    now = f"{reference.isoformat()}T10:00:00Z"
    stamps = [r[f] for e in ("customer", "deal", "deal_stage_event") for r in rows[e] for f in ("created_at",)]
    assert max(stamps) <= now and max(stamps) >= (reference - dt.timedelta(days=60)).isoformat()


# -- the local profile ----------------------------------------------------------------

def test_seed_profile_writes_rows_owned_by_the_profile_user_without_outbox_or_audit(store):
    report = seed_profile(store, customers=40, deals=70, activities=90, contacts=20)
    me = store.actor().id
    for table, entity in zip(SEEDED_TABLES, ("customer", "contact", "deal", "deal_stage_event", "activity")):
        assert count(store.path, table) == report.counts[entity]
    assert report.counts["customer"] == 40 and report.counts["deal"] == 70
    conn = sqlite3.connect(store.path)
    try:
        for table in ("customers", "deals", "activities"):
            assert conn.execute(f"SELECT DISTINCT owner_id FROM {table}").fetchall() == [(me,)]
        assert conn.execute("SELECT count(*) FROM deals WHERE version IS NOT NULL").fetchone()[0] == 0
    finally:
        conn.close()
    assert count(store.path, "outbox") == 0
    assert count(store.path, "audit_events") == 0
    text = str(report)
    assert "not queued for sync" in text and "rows/s" in text and "MB" in text
    assert report.db_bytes > 0 and report.elapsed > 0


@pytest.mark.parametrize("counts, field", [
    ({"customers": -1, "deals": 0, "activities": 0}, "customers"),
    ({"customers": 0, "deals": 5, "activities": 0}, "deals"),
    ({"customers": 0, "deals": 0, "activities": 3}, "activities"),
    ({"customers": 10, "deals": 5, "activities": 0, "contacts": -2}, "contacts"),
])
def test_bad_counts_are_refused_and_nothing_is_written(store, counts, field):
    with pytest.raises(ValidationError) as caught:
        seed_profile(store, **counts)
    assert field in caught.value.fields
    assert all(count(store.path, table) == 0 for table in SEEDED_TABLES)


def test_seeding_the_same_seed_twice_is_refused_and_keeps_the_first(store):
    seed_profile(store, customers=20, deals=10, activities=10, seed=5)
    with pytest.raises(ValidationError) as caught:
        seed_profile(store, customers=30, deals=10, activities=10, seed=5)
    assert "seed" in caught.value.fields
    assert count(store.path, "customers") == 20 and count(store.path, "deals") == 10
    seed_profile(store, customers=30, deals=10, activities=10, seed=6)
    assert count(store.path, "customers") == 50


# -- the command ----------------------------------------------------------------------

def run_cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def test_seed_command_fills_the_profile_and_prints_a_report(tmp_path):
    profile = tmp_path / "p"
    result = run_cli("seed", "--customers", "50", "--deals", "80", "--activities", "100", "--seed", "9",
                     "--profile", str(profile))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert any(line.split()[:2] == ["customers", "50"] for line in lines)
    assert any(line.split()[:2] == ["deals", "80"] for line in lines)
    assert "rows/s" in result.stdout and "MB" in result.stdout and "not queued for sync" in result.stdout
    db = profile / "ltc.sqlite"
    assert count(db, "customers") == 50 and count(db, "activities") == 100
    assert count(db, "outbox") == 0


def test_seed_command_refuses_bad_counts_with_one_line_and_writes_nothing(tmp_path):
    profile = tmp_path / "p"
    result = run_cli("seed", "--customers", "0", "--deals", "5", "--activities", "0", "--profile", str(profile))
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "deals" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert not (profile / "ltc.sqlite").exists() or count(profile / "ltc.sqlite", "deals") == 0
