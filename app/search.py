"""Global search over customers, contacts, leads and deals.

Every write to those tables, whoever makes it (the services, the pull applier's bulk
statements, the seed's raw executemany), is caught by plain-SQL triggers that append the
record to `search_dirty`; `refresh(conn)` brings the index up to date from that queue
in batches. Triggers that computed the index text per row (pinyin, phone forms) would
cost ~250 us a row and halve the first-sync rate, and would force every raw connection
to register Python functions; an append-only queue (no unique key: duplicates are
folded when read) costs ~10 us a row and needs nothing from the writer. Searches refresh first (a handful of rows after an edit), and the
client refreshes in the background after a sync or at start, so the index is current
whenever someone looks. Deleted records never show: results are joined back to live rows.

The index: each record has a `search_docs` row whose id encodes its entity
(`ENTITY_CODES[entity] << 40` plus a counter, so a per-entity search is a rowid range),
the same id in the FTS5 trigram table `search_fts` (queries of 3+ characters) and in
`search_grams` (1-2 character queries, which SQLite 3.40's trigram index cannot answer:
every bigram of the record's names and pinyin initials plus the last character of each
word, so a one-character query is a prefix range over bigrams).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

ENTITY_CODES = {"customer": 1, "contact": 2, "lead": 3, "deal": 4}
SPAN = 1 << 40
SEARCH_ORDER = ("customer", "contact", "lead", "deal")
REFRESH_BATCH = 5000

# entity -> (table, name fields (pinyin and short-query grams too), other indexed fields)
INDEXED = {
    "customer": ("customers", ("name",), ("phone", "email", "credit_code")),
    "contact": ("contacts", ("name",), ("phone", "email")),
    "lead": ("leads", ("company_name", "contact_name"), ("phone", "email", "credit_code")),
    "deal": ("deals", ("name",), ()),
}
# Records whose names get short-query grams. Deals are found from 3 characters on (or
# through their customer): 200,000 deal names would triple the gram table.
SHORT_QUERY = ("customer", "contact", "lead")

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SEPARATORS = re.compile(r"[\s\-().]+")
_PHONE_QUERY = re.compile(r"^\+?[\d\s\-().]{3,}$")


# -- text the index holds ---------------------------------------------------------------

def fold(text: str | None) -> str:
    """Width-folded, lower-case text: the form both the index and queries use."""
    return unicodedata.normalize("NFKC", text or "").lower().strip()


class _Readings(dict):
    """Code point -> toneless pinyin (or initial) of a Chinese character, filled on first
    use; any other character maps to itself. Used with str.translate, which is C-fast."""

    def __init__(self, initial: bool):
        super().__init__()
        self.initial = initial

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        value = ch
        if _CJK.match(ch):
            reading = _char_readings(ch)[0]
            value = reading[0] if self.initial else reading
        self[code] = value
        return value


@lru_cache(maxsize=None)
def _char_readings(ch: str) -> tuple[str, ...]:
    from pypinyin import Style, pinyin

    readings = pinyin(ch, style=Style.NORMAL, heteronym=True)[0]
    return tuple(dict.fromkeys(r for r in readings if r)) or (ch,)


# Polyphones whose reading as a surname differs from their common reading.
_SURNAMES = {"曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "朴": "piao", "查": "zha", "区": "ou",
             "盖": "ge", "乐": "yue", "缪": "miao", "覃": "qin", "翟": "zhai", "召": "shao", "尉": "yu",
             "黑": "he", "种": "chong", "长": "chang", "重": "chong", "折": "she", "员": "yun"}
_FULL = _Readings(initial=False)
_INITIALS = _Readings(initial=True)


@lru_cache(maxsize=None)
def _phrase_reading(pair: str) -> tuple[str, str] | None:
    """Toneless readings of a two-character word from pypinyin's phrase dictionary."""
    from pypinyin import lazy_pinyin
    from pypinyin.phrases_dict import phrases_dict

    if pair not in phrases_dict:
        return None
    readings = lazy_pinyin(pair)
    return (readings[0], readings[1]) if len(readings) == 2 else None


@lru_cache(maxsize=4096)
def pinyin_forms(name: str | None) -> tuple[str, str]:
    """(full pinyin, initials) of `name` with Chinese characters spelled out ("张三" ->
    ("zhangsan", "zs")); "" twice for a name without Chinese.

    Characters are read one by one through a cache (phrase segmentation costs ~60 us a
    name, too much for 400,000 rows); a polyphone (长, 重, 曾) takes its reading from a
    two-character word it forms with a neighbour when the dictionary knows one
    (长沙 changsha, 重庆 chongqing), else its most common reading."""
    text = fold(name)
    if not text or not _CJK.search(text):
        return "", ""
    full = text.translate(_FULL)
    initials = text.translate(_INITIALS)
    poly = [i for i, ch in enumerate(text) if _CJK.match(ch) and len(_char_readings(ch)) > 1]
    if poly:
        syllables = [_FULL[ord(ch)] for ch in text]
        for i in poly:
            after = _phrase_reading(text[i:i + 2]) if i + 1 < len(text) else None
            before = _phrase_reading(text[i - 1:i + 1]) if i > 0 else None
            if after:
                syllables[i] = after[0]
            elif before:
                syllables[i] = before[1]
        full = "".join(syllables)
        initials = "".join(s[0] if len(s) > 1 or _CJK.match(ch) else s for s, ch in zip(syllables, text))
    surname = _SURNAMES.get(text[0])
    if surname and len(text) <= 4 and not full.startswith(surname):
        # A person's name: index the surname reading beside the common one.
        rest = full[len(_FULL[ord(text[0])]):]
        full, initials = f"{full} {surname}{rest}", f"{initials} {surname[0]}{initials[1:]}"
    return full, initials


def phone_forms(phone: str | None) -> str:
    """The stored E.164 number plus its national digits (`+8613800138000` also as
    `13800138000`; a landline `+861012345678` also as `01012345678`)."""
    if not phone:
        return ""
    if phone.startswith("+86"):
        rest = phone[3:]
        # Mobiles are 11 digits starting with 1; landlines take the trunk prefix 0.
        national = rest if len(rest) == 11 and rest.startswith("1") else "0" + rest
        return f"{phone} {national}"
    try:
        import phonenumbers

        number = phonenumbers.parse(phone, None)
        national = re.sub(r"\D", "", phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL))
    except phonenumbers.NumberParseException:  # a legacy value that is no number: as typed
        return phone
    return f"{phone} {national}"


def body(entity: str, *values) -> str:
    """The text indexed for a record (values in the order of INDEXED): its names with
    their pinyin, then its other fields, phones in both forms. Pieces are separated by
    newlines so no trigram spans two fields."""
    names, others = INDEXED[entity][1], INDEXED[entity][2]
    parts: list[str] = []
    for value in values[:len(names)]:
        if value:
            parts.append(fold(value))
            parts.extend(p for p in pinyin_forms(value) if p)
    for field, value in zip(others, values[len(names):]):
        if value:
            parts.append(phone_forms(value) if field == "phone" else fold(value))
    return "\n".join(parts)


def grams(*names) -> list[str]:
    """The distinct short-query keys of some names and their pinyin initials: every
    bigram, and the last character of each word. Legal forms (有限公司, Ltd.) are left
    out: every company has them, so they would only make the index bigger."""
    from app.rules.matching import _LEGAL_RE

    out: set[str] = set()
    for name in names:
        if not name:
            continue
        core = _LEGAL_RE.sub(" ", fold(name))
        for word in (*core.split(), *pinyin_forms(core)[1].split()):
            out.update(word[i:i + 2] for i in range(len(word) - 1))
            out.add(word[-1])
    return sorted(out)


# -- the schema (used by migration 0002) -------------------------------------------------

def _trigger_sql(entity: str) -> list[str]:
    table, names, others = INDEXED[entity]
    changed = " OR ".join(f"old.{f} IS NOT new.{f}" for f in (*names, *others, "deleted_at"))
    mark = "INSERT INTO search_dirty(entity, record_id) VALUES ('{e}', {row}.id);"
    return [
        f"CREATE TRIGGER search_{table}_insert AFTER INSERT ON {table} "
        f"BEGIN {mark.format(e=entity, row='new')} END",
        f"CREATE TRIGGER search_{table}_update AFTER UPDATE ON {table} WHEN {changed} "
        f"BEGIN {mark.format(e=entity, row='new')} END",
        f"CREATE TRIGGER search_{table}_delete AFTER DELETE ON {table} "
        f"BEGIN {mark.format(e=entity, row='old')} END",
    ]


def schema_sql() -> list[str]:
    """Statements creating the (empty) index tables and the triggers that feed its queue."""
    statements = [
        "CREATE TABLE search_dirty (seq INTEGER PRIMARY KEY, entity VARCHAR(30) NOT NULL, "
        "record_id VARCHAR(36) NOT NULL)",
        "CREATE TABLE search_docs (id INTEGER PRIMARY KEY, entity VARCHAR(30) NOT NULL, "
        "record_id VARCHAR(36) NOT NULL, grams TEXT NOT NULL DEFAULT '')",
        "CREATE UNIQUE INDEX search_docs_record ON search_docs (record_id, entity)",
        "CREATE VIRTUAL TABLE search_fts USING fts5(body, tokenize='trigram')",
        "CREATE TABLE search_grams (gram TEXT NOT NULL, doc INTEGER NOT NULL, "
        "PRIMARY KEY (gram, doc)) WITHOUT ROWID",
    ]
    for entity in SEARCH_ORDER:
        statements.extend(_trigger_sql(entity))
    return statements


def drop_sql() -> list[str]:
    statements = [f"DROP TRIGGER IF EXISTS search_{INDEXED[e][0]}_{kind}"
                  for e in SEARCH_ORDER for kind in ("insert", "update", "delete")]
    return statements + [f"DROP TABLE IF EXISTS {t}"
                         for t in ("search_grams", "search_fts", "search_docs", "search_dirty")]


def mark_all_sql() -> list[str]:
    """Statements queueing every live record for indexing (after a migration or to rebuild)."""
    return [f"INSERT INTO search_dirty(entity, record_id) SELECT '{e}', id FROM {INDEXED[e][0]} "
            f"WHERE deleted_at IS NULL" for e in SEARCH_ORDER]


# -- keeping it current ---------------------------------------------------------------

def pending(conn) -> int:
    """How many changes wait to be indexed (a record changed twice counts twice)."""
    return conn.execute("SELECT count(*) FROM search_dirty").fetchone()[0]


def refresh(conn, *, limit: int | None = None) -> int:
    """Index the queued records (all, or at most `limit`), in batches, each batch in the
    caller's transaction if one is open, else in its own. `conn` is a raw sqlite3
    connection to a migrated profile. Returns how many records were processed."""
    done = 0
    while limit is None or done < limit:
        size = REFRESH_BATCH if limit is None else min(REFRESH_BATCH, limit - done)
        own = not conn.in_transaction
        if own:
            conn.execute("BEGIN IMMEDIATE")
        try:
            batch = conn.execute("SELECT seq, entity, record_id FROM search_dirty ORDER BY seq LIMIT ?",
                                 (size,)).fetchall()
            for entity in SEARCH_ORDER:
                ids = list(dict.fromkeys(rid for _, e, rid in batch if e == entity))
                if ids:
                    _reindex(conn, entity, ids)
            if batch:
                conn.execute("DELETE FROM search_dirty WHERE seq <= ?", (batch[-1][0],))
            if own:
                conn.execute("COMMIT")
        except BaseException:
            if own:
                conn.execute("ROLLBACK")
            raise
        done += len(batch)
        if len(batch) < size:
            break
    return done


def _reindex(conn, entity: str, ids: list[str]) -> None:
    table, names, others = INDEXED[entity]
    fields = names + others
    old = {}
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        old.update((r[0], (r[1], r[2])) for r in conn.execute(
            f"SELECT record_id, id, grams FROM search_docs WHERE entity = ? AND record_id IN ({marks})",
            (entity, *chunk)))
    if old:
        conn.executemany("DELETE FROM search_grams WHERE gram = ? AND doc = ?",
                         [(g, doc) for doc, text in old.values() for g in text.split("\n") if g])
        conn.executemany("DELETE FROM search_fts WHERE rowid = ?", [(doc,) for doc, _ in old.values()])
    live = []
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        live += conn.execute(f"SELECT id, {', '.join(fields)} FROM {table} WHERE deleted_at IS NULL "
                             f"AND id IN ({marks})", chunk).fetchall()
    gone = set(old) - {row[0] for row in live}
    conn.executemany("DELETE FROM search_docs WHERE entity = ? AND record_id = ?", [(entity, rid) for rid in gone])
    if not live:
        return
    base = ENTITY_CODES[entity] * SPAN
    next_id = conn.execute("SELECT coalesce(max(id), ?) FROM search_docs WHERE id BETWEEN ? AND ?",
                           (base, base, base + SPAN - 1)).fetchone()[0]
    docs, texts, gram_rows = [], [], []
    for row in live:
        if row[0] in old:
            doc = old[row[0]][0]
        else:
            next_id += 1
            doc = next_id
        keys = grams(*row[1:1 + len(names)]) if entity in SHORT_QUERY else []
        docs.append((doc, entity, row[0], "\n".join(keys)))
        texts.append((doc, body(entity, *row[1:])))
        gram_rows.extend((g, doc) for g in keys)
    conn.executemany("INSERT OR REPLACE INTO search_docs(id, entity, record_id, grams) VALUES (?, ?, ?, ?)", docs)
    conn.executemany("INSERT INTO search_fts(rowid, body) VALUES (?, ?)", texts)
    conn.executemany("INSERT OR IGNORE INTO search_grams(gram, doc) VALUES (?, ?)", gram_rows)


def _chunks(items: list, size: int = 500):
    for i in range(0, len(items), size):
        yield items[i:i + size]


# -- queries ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Hit:
    entity: str
    id: str
    title: str
    subtitle: str

    def as_dict(self) -> dict:
        return {"entity": self.entity, "id": self.id, "title": self.title, "subtitle": self.subtitle}


def normalise_query(text: str) -> str:
    """The query as the index holds text: folded; a phone-like query loses its separators."""
    q = fold(text)
    if _PHONE_QUERY.match(q):
        q = _SEPARATORS.sub("", q)
    return " ".join(q.split())


def matching_docs(conn, query: str, entity: str, limit: int) -> list[int]:
    """Ids of search docs of `entity` whose text contains `query` (already normalised)."""
    base = ENTITY_CODES[entity] * SPAN
    lo, hi = base, base + SPAN - 1
    if len(query) >= 3:
        phrase = '"' + query.replace('"', '""') + '"'
        sql = "SELECT rowid FROM search_fts WHERE search_fts MATCH ? AND rowid BETWEEN ? AND ? LIMIT ?"
        args = (phrase, lo, hi, limit)
    elif entity not in SHORT_QUERY:
        return []
    elif len(query) == 2:
        sql = "SELECT doc FROM search_grams WHERE gram = ? AND doc BETWEEN ? AND ? LIMIT ?"
        args = (query, lo, hi, limit)
    else:
        # Every occurrence of a character starts a bigram or ends a word: a prefix range.
        sql = ("SELECT DISTINCT doc FROM search_grams WHERE gram >= ? AND gram < ? "
               "AND doc BETWEEN ? AND ? LIMIT ?")
        args = (query, query + "\U0010ffff", lo, hi, limit)
    return [r[0] for r in conn.execute(sql, args).fetchall()]


_TITLES = {
    "customer": ("SELECT d.id, c.id, c.name, coalesce(c.phone, c.email, c.credit_code, '') FROM search_docs d "
                 "JOIN customers c ON c.id = d.record_id WHERE d.id IN ({ids}) AND c.deleted_at IS NULL"),
    "contact": ("SELECT d.id, p.id, p.name, coalesce(c.name, '') || coalesce(' · ' || p.phone, '') "
                "FROM search_docs d JOIN contacts p ON p.id = d.record_id "
                "LEFT JOIN customers c ON c.id = p.customer_id WHERE d.id IN ({ids}) AND p.deleted_at IS NULL"),
    "lead": ("SELECT d.id, l.id, coalesce(l.company_name, l.contact_name), "
             "coalesce(CASE WHEN l.company_name IS NOT NULL THEN l.contact_name END, l.phone, l.email, '') "
             "FROM search_docs d JOIN leads l ON l.id = d.record_id WHERE d.id IN ({ids}) "
             "AND l.deleted_at IS NULL"),
    "deal": ("SELECT d.id, x.id, x.name, coalesce(c.name, '') FROM search_docs d "
             "JOIN deals x ON x.id = d.record_id LEFT JOIN customers c ON c.id = x.customer_id "
             "WHERE d.id IN ({ids}) AND x.deleted_at IS NULL"),
}


def search(conn, text: str, *, limit_per_entity: int = 8,
           entities: tuple[str, ...] = SEARCH_ORDER) -> list[Hit]:
    """Live records whose name (or its pinyin or initials), phone, e-mail or credit code
    contains `text`, grouped by entity in SEARCH_ORDER, at most `limit_per_entity` each.
    `conn` is a raw sqlite3 connection; call `refresh` first for up-to-the-write results."""
    query = normalise_query(text)
    if not query:
        return []
    hits: list[Hit] = []
    for entity in entities:
        docs = matching_docs(conn, query, entity, limit_per_entity)
        if not docs:
            continue
        order = {doc: i for i, doc in enumerate(docs)}
        sql = _TITLES[entity].format(ids=", ".join(str(int(d)) for d in docs))
        rows = sorted(conn.execute(sql).fetchall(), key=lambda r: order[r[0]])
        hits.extend(Hit(entity, r[1], r[2] or "", r[3] or "") for r in rows)
    return hits
