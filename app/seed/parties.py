"""Generated customers and contacts.

`Customers` makes customer rows and remembers what later rows need about each one
(id, owner, creation time, whether it is foreign, its short name and web domain);
`Contacts` makes people at those customers. Names, phones, e-mails and credit codes
are unique across the whole generated set, so nothing looks like a duplicate.
"""
from __future__ import annotations

import random

from app.rules.standards import CREDIT_CODE_ALPHABET, credit_code_check_char
from app.seed import names as N
from app.seed.places import (
    BUILDINGS, FOREIGN_OFFICE_SLOTS, LANDLINE_FIRST_DIGITS, MOBILE_PREFIXES, REGION_SLOTS, REGIONS, ROADS,
)
from app.seed.timeline import DAY, Timeline

FOREIGN_SHARE = 0.07
CUSTOMER_AGE_DAYS = 1000     # working days back the oldest customer was created
CREDIT_LIMITS_YUAN = (100_000, 200_000, 300_000, 500_000, 500_000, 800_000, 1_000_000, 1_000_000,
                      2_000_000, 3_000_000, 5_000_000, 10_000_000)
STATUS_SLOTS = ("prospect",) * 3 + ("active",) * 15 + ("inactive",) * 2
FOREIGN_DOMAINS = (".com", ".com", ".com", ".de", ".co.uk", ".fr", ".nl", ".jp", ".sg")
_ORG_VALUES = {ch: (ord(ch) - 55 if ch.isalpha() else int(ch)) for ch in CREDIT_CODE_ALPHABET}
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


_VERSION_MASK = ~((0xF000 << 64) | (0xC000 << 48))
_VERSION_BITS = (0x4000 << 64) | (0x8000 << 48)


def new_id(rng: random.Random) -> str:
    """A version-4 UUID drawn from the seeded generator (same seed, same ids): the
    string `str(uuid.UUID(int=rng.getrandbits(128), version=4))` gives, formatted here
    directly because that is twice as fast and there are a million of them."""
    h = f"{rng.getrandbits(128) & _VERSION_MASK | _VERSION_BITS:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def organisation_code(body8: str) -> str:
    """The 9-character organisation code (GB 11714): 8 characters and their check character."""
    check = 11 - sum(_ORG_VALUES[ch] * w for ch, w in zip(body8, _ORG_WEIGHTS)) % 11
    return body8 + ("X" if check == 10 else "0" if check == 11 else str(check))


def credit_code(rng: random.Random, division: str, *, institution: bool = False) -> str:
    """A unified social credit code: registration authority and type (91 a company, 12 a
    public institution), division code, organisation code, check character."""
    rnd = rng.random
    if rnd() < 0.6:  # codes issued since 2015 carry "MA" and letters in the organisation part
        body = "MA" + "".join(CREDIT_CODE_ALPHABET[int(rnd() * 31)] for _ in range(6))
    else:
        body = f"{int(rnd() * 100_000_000):08d}"
    first17 = ("12" if institution else "91") + division + organisation_code(body)
    return first17 + credit_code_check_char(first17)


def _industry_slots(allowed: set[str]) -> list[str]:
    """Industry codes in the dictionary, one slot per unit of weight (an empty dictionary
    vocabulary leaves industry unset, so generated rows stay valid against it)."""
    slots = [code for code, (_, weight) in N.INDUSTRY_WORDS.items() if code in allowed for _ in range(weight)]
    return slots or [None]


class Customers:
    """Customer rows, with the facts later generators need about each customer."""

    def __init__(self, rng: random.Random, timeline: Timeline, owner_ids: list[str], industries: set[str]):
        self.rng = rng
        self.timeline = timeline
        self.owner_ids = owner_ids
        self.industries = _industry_slots(industries)
        self.allowed_industries = industries
        self.ids: list[str] = []
        self.owner: list[str] = []
        self.created: list[int] = []
        self.foreign = bytearray()
        self.short: list[str] = []
        self.domain: list[str] = []
        self.region = bytearray()
        self._industry: list[str | None] = []
        self._leaf = bytearray()  # 1: cannot have subsidiaries (is one, or an institution)
        self.names: set[str] = set()
        self.phones: set[str] = set()
        self.emails: set[str] = set()
        self.codes: set[str] = set()

    def __len__(self) -> int:
        return len(self.ids)

    def make(self, count: int) -> list[dict]:
        return [self._one() for _ in range(count)]

    def _one(self) -> dict:
        rng, rnd, tl = self.rng, self.rng.random, self.timeline
        i = len(self.ids)
        rid = new_id(rng)
        owner = self.owner_ids[i % len(self.owner_ids)]
        # At least a minute old, so a deal's whole stage history fits after it.
        created = tl.now - 60 - int(rnd() * CUSTOMER_AGE_DAYS * DAY)
        parent = self._pick_parent(i)
        foreign = (self.foreign[parent] if parent is not None else rnd() < FOREIGN_SHARE)
        if foreign:
            region = FOREIGN_OFFICE_SLOTS[int(rnd() * len(FOREIGN_OFFICE_SLOTS))]
        else:
            region = REGION_SLOTS[int(rnd() * len(REGION_SLOTS))]
        if parent is not None and region == self.region[parent]:
            region = (region + 1) % len(REGIONS)  # a subsidiary sits in another city than its parent
        r = REGIONS[region]
        name = None
        if parent is not None:
            name, short, industry, domain, code = self._subsidiary(parent, r)
            if name is None:
                parent = None
            else:
                created = self.created[parent] + int(rnd() * (tl.now - 60 - self.created[parent]))
        if name is None:
            if foreign:
                name, short, industry, domain, code = self._foreign_name(r)
            else:
                name, short, industry, domain, code = self._chinese_name(r)
        self.names.add(name)
        status = STATUS_SLOTS[int(rnd() * len(STATUS_SLOTS))]
        limit = None
        if status == "active" and rnd() < 0.35:
            limit = CREDIT_LIMITS_YUAN[int(rnd() * len(CREDIT_LIMITS_YUAN))] * 100
        phone = self._landline(r) if rnd() < 0.93 else None
        email = None
        if rnd() < 0.88:
            email = self.unique_email(N.MAIL_BOXES[int(rnd() * len(N.MAIL_BOXES))], domain)
        address = None
        if rnd() < 0.9:
            address = self._address(r, foreign)
        notes = None
        if rnd() < 0.05:
            pool = N.NOTES_EN if foreign else N.NOTES_ZH
            notes = pool[int(rnd() * len(pool))]
        updated = created if rnd() < 0.7 else created + int(rnd() * (tl.now - created))
        self.ids.append(rid)
        self.owner.append(owner)
        self.created.append(created)
        self.foreign.append(foreign)
        self.short.append(short)
        self.domain.append(domain)
        self.region.append(region)
        self._industry.append(industry)
        self._leaf.append(parent is not None or (code or "").startswith("12"))
        return {
            "id": rid, "version": None, "created_at": tl.timestamp(created), "updated_at": tl.timestamp(updated),
            "deleted_at": None, "name": name, "credit_code": code, "industry": industry, "phone": phone,
            "email": email, "address": address, "owner_id": owner, "status": status,
            "credit_limit_minor": limit, "currency": "CNY",
            "parent_id": self.ids[parent] if parent is not None else None, "notes": notes, "external_ref": None,
        }

    # -- names ----------------------------------------------------------------------
    def _pick_parent(self, i: int) -> int | None:
        # About one customer in fifty is a subsidiary of an earlier one; one level deep.
        if i < 10 or self.rng.random() >= 0.02:
            return None
        p = int(self.rng.random() * i)
        return None if self._leaf[p] else p

    def _brand(self, syllables: int = 2) -> tuple[str, str]:
        rnd, pool = self.rng.random, N.BRAND_SYLLABLES
        picked: list[tuple[str, str]] = []
        while len(picked) < syllables:
            s = pool[int(rnd() * len(pool))]
            if s not in picked:
                picked.append(s)
        return "".join(s[0] for s in picked), "".join(s[1] for s in picked)

    def _chinese_name(self, r):
        rnd = self.rng.random
        if rnd() < 0.03:
            found = self._institution(r)
            if found:
                return found
        for attempt in range(20):
            industry = self.industries[int(rnd() * len(self.industries))]
            words = N.INDUSTRY_WORDS[industry or "other"][0]
            word, word_py = words[int(rnd() * len(words))]
            brand, brand_py = self._brand(2 if attempt < 10 else 3)
            form = N.LEGAL_FORMS[int(rnd() * len(N.LEGAL_FORMS))]
            style = rnd()
            if style < 0.6:
                name = f"{r.city}{brand}{word}{form}"
            elif style < 0.85:
                name = f"{brand}{word}（{r.city}）{form}"
            else:
                name = f"{brand}{word}{form}"
            if name not in self.names:
                break
        else:
            name = f"{r.city}{brand}{word}{len(self.ids)}号{form}"  # never in practice: 40M combinations
        domain = brand_py + word_py + N.DOMAIN_SUFFIXES[int(rnd() * len(N.DOMAIN_SUFFIXES))]
        return name, brand + word, industry, domain, self._unique_code(r, institution=False)

    def _institution(self, r):
        rnd = self.rng.random
        if rnd() < 0.5 and "medical" in self.allowed_industries:
            n = 1 + int(rnd() * 12)
            name = f"{r.city}市第{'一二三四五六七八九十'[n - 1] if n <= 10 else '十' + '一二'[n - 11]}人民医院"
            industry, domain = "medical", f"{r.pinyin}{n}yy.org.cn"
        elif "education" in self.allowed_industries:
            brand, brand_py = self._brand()
            name, industry, domain = f"{r.city}{brand}职业技术学院", "education", f"{brand_py}{r.pinyin}.edu.cn"
        else:
            return None
        if name in self.names:
            return None
        return name, name, industry, domain, self._unique_code(r, institution=True)

    def _foreign_name(self, r):
        rnd = self.rng.random
        for attempt in range(20):
            word = N.LATIN_WORDS[int(rnd() * len(N.LATIN_WORDS))]
            business, industry = N.LATIN_BUSINESSES[int(rnd() * len(N.LATIN_BUSINESSES))]
            if attempt >= 10:
                word = f"{word} {N.LATIN_WORDS[int(rnd() * len(N.LATIN_WORDS))]}"
            local = rnd() < 0.45  # the China subsidiary of a foreign group
            if local:
                name = f"{word} {business} ({r.english}) Co., Ltd."
            else:
                name = f"{word} {business} {N.LATIN_FORMS[int(rnd() * len(N.LATIN_FORMS))]}"
            if name not in self.names:
                break
        else:
            name = f"{word} {business} {len(self.ids)} Ltd."
        if industry not in self.allowed_industries:
            industry = None
        slug = f"{word}-{business}".lower().replace(" ", "")
        domain = slug + FOREIGN_DOMAINS[int(rnd() * len(FOREIGN_DOMAINS))]
        code = self._unique_code(r, institution=False) if local else None
        return name, f"{word} {business}", industry, domain, code

    def _subsidiary(self, parent: int, r):
        short = self.short[parent]
        if self.foreign[parent]:
            name = f"{short} ({r.english}) Co., Ltd."
        else:
            name = f"{short}（{r.city}）有限公司"
        if name in self.names:
            return None, None, None, None, None
        code = self._unique_code(r, institution=False)
        return name, short, self._industry[parent], self.domain[parent], code

    # -- identifiers and contact details ---------------------------------------------
    def _unique_code(self, r, *, institution: bool) -> str:
        while True:
            division = r.districts[int(self.rng.random() * len(r.districts))][0]
            code = credit_code(self.rng, division, institution=institution)
            if code not in self.codes:
                self.codes.add(code)
                return code

    def _landline(self, r) -> str:
        rnd, digits = self.rng.random, r.local_digits - 1
        while True:
            first = LANDLINE_FIRST_DIGITS[int(rnd() * len(LANDLINE_FIRST_DIGITS))]
            phone = f"+86{r.area_code}{first}{int(rnd() * 10 ** digits):0{digits}d}"
            if phone not in self.phones:
                self.phones.add(phone)
                return phone

    def mobile(self) -> str:
        """A mainland mobile number in E.164, unique in the generated set."""
        rnd = self.rng.random
        while True:
            phone = f"+86{MOBILE_PREFIXES[int(rnd() * len(MOBILE_PREFIXES))]}{int(rnd() * 100_000_000):08d}"
            if phone not in self.phones:
                self.phones.add(phone)
                return phone

    def unique_email(self, local: str, domain: str) -> str:
        """`local@domain`, with a number added to the local part if already taken."""
        email = f"{local}@{domain}"
        while email in self.emails:
            email = f"{local}{int(self.rng.random() * 1000)}@{domain}"
        self.emails.add(email)
        return email

    def _address(self, r, foreign: bool) -> str:
        rnd = self.rng.random
        code, district, district_en = r.districts[int(rnd() * len(r.districts))]
        road, road_en = ROADS[int(rnd() * len(ROADS))]
        number = 1 + int(rnd() * 1999)
        floor, room = 2 + int(rnd() * 30), 1 + int(rnd() * 20)
        if foreign:
            return f"Room {floor}{room:02d}, No. {number} {road_en}, {district_en} District, {r.english}"
        address = f"{r.prefix}{district}{road}{number}号"
        if rnd() < 0.6:
            brand = self._brand()[0]
            address += f"{brand}{BUILDINGS[int(rnd() * len(BUILDINGS))]}{floor}{room:02d}室"
        return address


class Contacts:
    """People at generated customers; the first contact of a customer is its primary one."""

    def __init__(self, rng: random.Random, timeline: Timeline, customers: Customers):
        self.rng = rng
        self.timeline = timeline
        self.customers = customers
        self.primary: dict[int, str] = {}  # customer index -> id of its primary contact

    def make(self, count: int) -> list[dict]:
        rng, rnd, tl, cust = self.rng, self.rng.random, self.timeline, self.customers
        rows = []
        for _ in range(count):
            rid = new_id(rng)
            c = int(rnd() * len(cust))
            if cust.foreign[c] and rnd() < 0.7:
                first = N.LATIN_FIRST[int(rnd() * len(N.LATIN_FIRST))]
                last, last_mail = N.LATIN_LAST[int(rnd() * len(N.LATIN_LAST))]
                name, local = f"{first} {last}", f"{first.lower()}.{last_mail}"
                title = N.TITLES_EN[int(rnd() * len(N.TITLES_EN))]
            else:
                surname, s_py = N.SURNAMES[int(len(N.SURNAMES) * rnd() ** 1.8)]
                given = [N.GIVEN_CHARS[int(rnd() * len(N.GIVEN_CHARS))] for _ in range(1 if rnd() < 0.35 else 2)]
                name = surname + "".join(g[0] for g in given)
                local = "".join(g[1] for g in given) + "." + s_py if rnd() < 0.5 else s_py + "".join(g[1] for g in given)
                pool = N.TITLES_EN if cust.foreign[c] else N.TITLES_ZH
                title = pool[int(rnd() * len(pool))] if rnd() < 0.9 else None
            phone = cust.mobile() if rnd() < 0.92 else None
            email = cust.unique_email(local, cust.domain[c]) if rnd() < 0.8 else None
            primary = c not in self.primary
            if primary:
                self.primary[c] = rid
            created = cust.created[c] + int(rnd() * (tl.now - cust.created[c]))
            rows.append({
                "id": rid, "version": None, "created_at": tl.timestamp(created),
                "updated_at": tl.timestamp(created), "deleted_at": None, "customer_id": cust.ids[c],
                "name": name, "title": title, "phone": phone, "email": email, "is_primary": primary,
                "notes": None,
            })
        return rows
