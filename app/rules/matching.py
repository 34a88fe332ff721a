"""Duplicate detection by natural key: credit code, normalised phone, e-mail, and a
near-identical name (Chinese or Latin, compared also through pinyin).

Used when a lead converts, while a user types a new customer, and by the server when
an offline create arrives.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from app.rules.standards import normalise_credit_code, normalise_email, normalise_phone

NAME_THRESHOLD = 92  # rapidfuzz ratio (0-100) from which two names are "near-identical"

# Legal-form words that say nothing about which company it is.
_LEGAL_FORMS = [
    "股份有限公司", "有限责任公司", "有限公司", "集团公司", "集团", "公司", "分公司", "有限",
    "co., ltd.", "co.,ltd.", "co ltd", "company limited", "company", "corporation", "corp.", "corp",
    "incorporated", "inc.", "inc", "limited", "ltd.", "ltd", "llc", "gmbh", "plc", "s.a.", "group",
]
_LEGAL_RE = re.compile("|".join(re.escape(w) for w in sorted(_LEGAL_FORMS, key=len, reverse=True)))
_CJK_RE = re.compile(r"[\u3400-\u9fff]")
_PUNCT_RE = re.compile(r"[\W_]+", re.UNICODE)


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A company or person name reduced to what identifies it: width-folded, lower-case,
    legal forms and punctuation removed."""
    text = unicodedata.normalize("NFKC", name or "").lower()
    text = _LEGAL_RE.sub(" ", text)
    return _PUNCT_RE.sub("", text)


@lru_cache(maxsize=65536)
def pinyin_key(name: str) -> str:
    """The name key with Chinese characters spelled in toneless pinyin ("华为" -> "huawei")."""
    key = name_key(name)
    if not _CJK_RE.search(key):
        return key
    from pypinyin import Style, lazy_pinyin  # a third of a second to load: only when a name needs it

    return "".join(lazy_pinyin(key, style=Style.NORMAL))


@lru_cache(maxsize=65536)
def initials_key(name: str) -> str:
    """Pinyin initials of the Chinese characters ("张三" -> "zs"), other characters kept."""
    from pypinyin import Style, lazy_pinyin

    text = unicodedata.normalize("NFKC", name or "").lower()
    return "".join(lazy_pinyin(_PUNCT_RE.sub("", text), style=Style.FIRST_LETTER))


def name_similarity(a: str, b: str) -> float:
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return 0.0
    if ka == kb:
        return 100.0
    return max(fuzz.ratio(ka, kb), fuzz.ratio(pinyin_key(a), pinyin_key(b)))


@dataclass
class Match:
    id: str
    name: str | None
    reasons: list[str] = field(default_factory=list)
    score: float = 0.0

    def as_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "reasons": self.reasons, "score": round(self.score, 1)}


def _safe(fn, value):
    if not value:
        return None
    try:
        return fn(value)
    except ValueError:
        return None


def natural_keys(record: dict, name_field: str = "name") -> dict:
    """The normalised keys of a record (missing or malformed ones are None)."""
    return {
        "credit_code": _safe(normalise_credit_code, record.get("credit_code")),
        "phone": _safe(normalise_phone, record.get("phone")),
        "email": (_safe(normalise_email, record.get("email")) or "").lower() or None,
        "name": record.get(name_field),
    }


def find_matches(candidate: dict, existing: Iterable[dict], *, name_field: str = "name",
                 threshold: float = NAME_THRESHOLD, limit: int = 10) -> list[Match]:
    """Records of `existing` that look like the same party as `candidate`, best first.

    Exact matches on credit code, phone or e-mail always count; names count when their
    similarity reaches `threshold`. `existing` items need `id` and the key fields, which
    are taken as stored (already normalised); only the candidate is normalised here.
    """
    keys = natural_keys(candidate, name_field)
    found: dict[str, Match] = {}
    pool = []
    for row in existing:
        if row.get("id") == candidate.get("id"):
            continue
        other = {"credit_code": row.get("credit_code"), "phone": row.get("phone"),
                 "email": (row.get("email") or "").lower() or None,
                 "name": row.get("name", row.get(name_field))}
        m = Match(row["id"], other["name"])
        for key in ("credit_code", "phone", "email"):
            if keys[key] and other[key] and keys[key] == other[key]:
                m.reasons.append(key)
                m.score = 100.0
        if m.reasons:
            found[m.id] = m
        pool.append((row["id"], other["name"] or ""))
    if keys["name"] and pool:
        target = name_key(keys["name"])
        target_py = pinyin_key(keys["name"])
        if target:
            names = [name_key(n) for _, n in pool]
            pinyins = [pinyin_key(n) for _, n in pool]
            hits = process.extract(target, names, scorer=fuzz.ratio, score_cutoff=threshold, limit=limit)
            hits += process.extract(target_py, pinyins, scorer=fuzz.ratio, score_cutoff=threshold, limit=limit)
            for _, score, index in hits:
                rid, rname = pool[index]
                m = found.setdefault(rid, Match(rid, rname))
                if "name" not in m.reasons:
                    m.reasons.append("name")
                m.score = max(m.score, score)
    return sorted(found.values(), key=lambda m: (-m.score, m.id))[:limit]
