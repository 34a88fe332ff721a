"""Does a new customer look like one already there? Exact credit code, phone or e-mail,
or a near-identical name (app/rules/matching.py's keys), checked against the store and
the customers the import creates before it. The keys of existing customers are computed
once per import, not once per row."""
from __future__ import annotations

from rapidfuzz import fuzz, process
from sqlalchemy import select

from app.models import Customer
from app.rules.matching import NAME_THRESHOLD, natural_keys, name_key, pinyin_key


class DuplicateIndex:
    def __init__(self, session):
        c = Customer.__table__.c
        self.exact: dict[tuple[str, str], list] = {}
        self.targets: list = []
        self.labels: list[str] = []
        self.names: list[str] = []
        self.pinyins: list[str] = []
        rows = session.execute(select(c.id, c.name, c.credit_code, c.phone, c.email).where(c.deleted_at.is_(None)))
        for rid, name, credit_code, phone, email in rows:
            self._add(rid, name, {"credit_code": credit_code, "phone": phone,
                                  "email": (email or "").lower() or None})

    def _add(self, target, name: str | None, keys: dict) -> None:
        for kind in ("credit_code", "phone", "email"):
            if keys.get(kind):
                self.exact.setdefault((kind, keys[kind]), []).append(target)
        self.targets.append(target)
        self.labels.append(name or "")
        self.names.append(name_key(name or ""))
        self.pinyins.append(pinyin_key(name or ""))

    def add(self, target, record: dict) -> None:
        """Count `record` (about to be created) in later checks."""
        self._add(target, record.get("name"), natural_keys(record))

    def matches(self, record: dict) -> list[tuple[object, str, str]]:
        """(target, name, reason) of customers that look like `record`, best first."""
        keys = natural_keys(record)
        out: dict = {}
        for kind in ("credit_code", "phone", "email"):
            for target in self.exact.get((kind, keys[kind]), ()) if keys[kind] else ():
                out.setdefault(target, (target, self._label(target), f"same {kind.replace('_', ' ')}"))
        name = record.get("name")
        if name and self.names:
            key, py = name_key(name), pinyin_key(name)
            if key:
                hits = process.extract(key, self.names, scorer=fuzz.ratio, score_cutoff=NAME_THRESHOLD, limit=5)
                hits += process.extract(py, self.pinyins, scorer=fuzz.ratio, score_cutoff=NAME_THRESHOLD, limit=5)
                for _, score, i in sorted(hits, key=lambda h: -h[1]):
                    out.setdefault(self.targets[i], (self.targets[i], self.labels[i],
                                                     "same name" if score == 100 else "a very similar name"))
        return list(out.values())

    def _label(self, target) -> str:
        try:
            return self.labels[self.targets.index(target)]
        except ValueError:
            return str(target)
