"""For every endpoint of `/openapi.json`: a rep's token cannot read or change another
rep's records. Each endpoint is attacked (known ones with the attacks that matter for
them, any other with requests built from its schema, aimed at the other rep's ids); no
answer may show the other rep's data, none may be a 5xx, administration answers 403, and
afterwards every record that existed is exactly as it was."""
from __future__ import annotations

import uuid

import pytest
import requests

from tests.server.conftest import Api, company, create, delete, new_id, start_server, update

MARKER = f"SECRET-{uuid.uuid4().hex[:12]}"


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    folder = tmp_path_factory.mktemp("security-scopes")
    server = start_server("sqlite", f"sqlite:///{folder / 'server.sqlite'}", folder)
    a, b = server.client("rep"), server.client("rep")
    admin = server.client("admin")
    book = {}
    customer = create("customer", {"name": company(MARKER), "notes": f"{MARKER} notes"})
    contact = create("contact", {"name": f"{MARKER} Contact", "customer_id": customer["record_id"]})
    deal = create("deal", {"name": f"{MARKER} Deal", "stage": "prospecting", "customer_id": customer["record_id"]})
    lead = create("lead", {"company_name": f"{MARKER} Lead"})
    activity = create("activity", {"kind": "call", "subject": f"{MARKER} call", "customer_id": customer["record_id"]})
    invoice = create("invoice", {"customer_id": customer["record_id"], "total_minor": 1000, "currency": "CNY"})
    results = b.push(customer, contact, deal, lead, activity, invoice)
    for m, r in zip((customer, contact, deal, lead, activity, invoice), results):
        book[m["entity"]] = (m["record_id"], r["version"])
    cid, v = book["customer"]
    first = b.push_one(update("customer", cid, v, {"address": None}, {"address": f"{MARKER} road 1"}))
    clash = b.push_one(update("customer", cid, v, {"address": None}, {"address": f"{MARKER} road 2"}))
    assert first["status"] == "applied" and clash["status"] == "conflict", (first, clash)
    book["conflict"] = clash["conflict_id"]
    yield {"server": server, "a": a, "b": b, "admin": admin, "book": book}
    server.proc.stop()
    server.db.dispose()


def snapshot(admin: Api) -> dict[str, tuple[int, str]]:
    return {rid: (c["version"], repr(sorted(c["data"].items()))) for rid, c in admin.records().items()}


def example(schema: dict, spec: dict, ids: list[str], name: str = "") -> object:
    """A value for `schema` aimed at the other rep: ids where a name says id."""
    if "$ref" in schema:
        return example(spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]], spec, ids, name)
    for key in ("anyOf", "oneOf", "allOf"):
        if key in schema:
            options = [s for s in schema[key] if s.get("type") != "null"] or schema[key]
            return example(options[0], spec, ids, name)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        props = schema.get("properties", {})
        return {k: example(v, spec, ids, k) for k, v in props.items()}
    if kind == "array":
        return [example(schema.get("items", {}), spec, ids, name)]
    if kind == "integer":
        return 1
    if kind == "number":
        return 1.0
    if kind == "boolean":
        return True
    if name.endswith("id") or name.endswith("ids") or name in ("into", "merge_into", "owner"):
        return ids[0]
    return "rep" if name == "role" else f"x-{name}"


def generic_requests(method: str, path: str, op: dict, spec: dict, book: dict) -> list[tuple[str, str, dict]]:
    """(method, url path, request kwargs) aimed at every kind of the other rep's ids."""
    targets = [book["customer"][0], book["contact"][0], book["deal"][0], book["lead"][0], book["conflict"],
               book["user"]]
    out = []
    for target in targets:
        url = path
        params = {}
        for p in op.get("parameters", []):
            if p["in"] == "path":
                value = "customer" if p["name"] == "entity" else target
                url = url.replace("{" + p["name"] + "}", value)
            elif p["in"] == "query" and p.get("required"):
                params[p["name"]] = target
        kwargs = {"params": params}
        body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
        if body is not None:
            kwargs["json"] = example(body, spec, [target])
        if (method, url, kwargs) not in out:
            out.append((method, url, kwargs))
    return out


def attacks(world) -> dict[tuple[str, str], list]:
    """The attacks that matter for the endpoints we know; `None` for a request that is
    the endpoint's plain use (reading must not show the other book)."""
    book = world["book"]
    cid, cv = book["customer"]
    a_id = world["a"].id
    push = [
        update("customer", cid, cv, {"notes": None}, {"notes": "mine now"}),
        update("customer", cid, cv, {"owner_id": world["b"].id}, {"owner_id": a_id}),
        delete("contact", *book["contact"]),
        update("deal", book["deal"][0], book["deal"][1], {"stage": "prospecting"}, {"stage": "qualification"}),
        update("lead", book["lead"][0], book["lead"][1], {}, {"company_name": "taken"}),
        delete("activity", *book["activity"]),
        update("invoice", book["invoice"][0], book["invoice"][1], {}, {"total_minor": 1}),
        create("contact", {"name": "Sneaky", "customer_id": cid}),
        create("activity", {"kind": "call", "subject": "Sneaky", "customer_id": cid}),
        create("customer", {"name": company(), "owner_id": world["b"].id}),
    ]
    return {
        ("GET", "/api/v1/health"): [("GET", "/api/v1/health", {})],
        ("GET", "/api/v1/me"): [("GET", "/api/v1/me", {})],
        ("GET", "/api/v1/dictionary"): [("GET", "/api/v1/dictionary", {})],
        ("POST", "/api/v1/auth/login"): [("POST", "/api/v1/auth/login",
                                          {"json": {"username": world["b"].user["username"], "password": "guess"}})],
        ("POST", "/api/v1/auth/logout"): [],  # signs out its own token only: see test_tokens
        ("POST", "/api/v1/sync/push"): [("POST", "/api/v1/sync/push",
                                         {"json": {"client_id": new_id(), "mutations": push}})],
        ("GET", "/api/v1/sync/pull"): [("GET", "/api/v1/sync/pull", {"params": {"limit": 10000}})],
        ("GET", "/api/v1/sync/wait"): [("GET", "/api/v1/sync/wait", {"params": {"timeout": 0}})],
        ("GET", "/api/v1/conflicts"): [("GET", "/api/v1/conflicts", {"params": {"status": s, **extra}})
                                       for s in ("open", "resolved")
                                       for extra in ({}, {"user": world["b"].user["username"]}, {"user": world["b"].id})],
        ("POST", "/api/v1/conflicts/{conflict_id}/resolve"): [
            ("POST", f"/api/v1/conflicts/{book['conflict']}/resolve",
             {"json": {"fields": {"address": {"take": "client"}}, "note": "mine"}})],
        ("POST", "/api/v1/invoices/{invoice_id}/issue"): [("POST", f"/api/v1/invoices/{book['invoice'][0]}/issue", {})],
    }


def test_a_reps_token_cannot_read_or_change_another_reps_records_through_any_endpoint(world):
    server, a, admin = world["server"], world["a"], world["admin"]
    book = dict(world["book"], user=world["b"].id)
    spec = requests.get(f"{server.url}/openapi.json").json()
    before = snapshot(admin)
    assert any(MARKER in str(v) for v in before.values())
    known = attacks(world)
    exercised, answers = set(), []
    for path, item in spec["paths"].items():
        for method, op in item.items():
            key = (method.upper(), path)
            sent = known.get(key)
            if sent is None:
                sent = generic_requests(key[0], path, op, spec, book)
            elif key == ("POST", "/api/v1/auth/logout"):
                exercised.add(key)
                continue
            for m, url, kwargs in sent:
                r = a.http.request(m, server.url + url, headers=a.headers(), timeout=60, **kwargs)
                answers.append((key, url, r))
                exercised.add(key)
    assert exercised == {(m.upper(), p) for p, item in spec["paths"].items() for m in item}
    for key, url, r in answers:
        assert r.status_code < 500, (key, url, r.text)
        assert MARKER not in r.text, f"{key} showed another rep's data: {r.text[:300]}"
        if key[1].startswith("/api/v1/admin/") or key[1].endswith(("/resolve", "/issue")):
            assert r.status_code in (403, 404), (key, url, r.status_code, r.text)
        if key == ("POST", "/api/v1/sync/push"):
            results = r.json()["results"]
            assert [x["status"] for x in results] == ["rejected"] * len(results), results
            assert {x["error"]["code"] for x in results} <= {"permission_denied", "not_found"}
    after = snapshot(admin)
    changed = {rid for rid in before if after.get(rid) != before[rid]}
    assert not changed, f"records changed by another rep: {changed}"
    # Nothing new landed in the other rep's book either.
    theirs = {book["customer"][0]}
    for rid in set(after) - set(before):
        change = admin.records()[rid]
        assert change["data"].get("customer_id") not in theirs and change["data"].get("owner_id") != world["b"].id
