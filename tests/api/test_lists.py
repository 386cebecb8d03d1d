"""List endpoints against an independent model: paging, sorting, filters, search, cursors, CSV.

Each test seeds leads (or clients) through the API for alice, bob, the acme admin and gus
(another tenant), assigns some across users, trashes some, then sets created_at / updated_at
(and a client's converted_at) by direct SQL to a spread with deliberate ties. The test keeps
its own model of every seeded row (Python values, built from what it sent and set, plus the
ids the API returned) and computes in Python what alice may see: tenant acme, created by or
assigned to alice, not deleted (or only deleted, for the trash). Every answer of the API is
compared with that computation.

Nothing about the lists is written here twice: the page size default and maximum, the
default sort and the filter parameters come from openapi.yaml; the sortable, filterable and
searchable fields and the CSV columns from `generated.python.resources.RESOURCES`; enum values
from `generated.python.models`. The ordering model is the one the API promises (crm/listing.py):
NULLs last in both directions, ties broken by id in the same direction. String order is code
point order: the throwaway PostgreSQL server is initialised with --no-locale (C collation), and
SQLite compares text as bytes (UTF-8 byte order is code point order).
"""

from __future__ import annotations

import base64
import csv
import io
import random
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
import yaml

from generated import tables
from generated.python.models import ClientStatus, LeadSource, LeadStatus
from generated.python.resources import RESOURCES, ResourceInfo
from generated.python.schemas import validator_for
from tests.api.conftest import Api, Person, assert_error
from tests.db.conftest import make_engine

pytestmark = pytest.mark.anyio

ROOT = Path(__file__).resolve().parents[2]
SPEC: dict[str, Any] = yaml.safe_load((ROOT / "openapi.yaml").read_text())
PREFIX: str = SPEC["servers"][0]["url"]
LEAD = RESOURCES["Lead"]
CLIENT = RESOURCES["Client"]
# the list parameters that are not filters (paging, sorting, search, trash)
NOT_FILTERS = {"limit", "offset", "include_total", "cursor", "sort_by", "sort_order", "q", "trash"}
EPOCH = datetime(2024, 1, 1, tzinfo=UTC)
UUID_FIELDS = {"id", "tenant_id", "created_by", "assigned_to", "source_lead_id"}
TIME_FIELDS = {"created_at", "updated_at", "converted_at", "deleted_at"}


def list_parameters(resource: ResourceInfo) -> dict[str, dict[str, Any]]:
    """name -> schema of the spec's list operation for `resource`."""
    assert resource.path is not None
    operation = SPEC["paths"][resource.path]["get"]
    return {p["name"]: p["schema"] for p in operation["parameters"]}


LEAD_PARAMS = list_parameters(LEAD)
DEFAULT_LIMIT: int = LEAD_PARAMS["limit"]["default"]
MAX_LIMIT: int = LEAD_PARAMS["limit"]["maximum"]
MIN_LIMIT: int = LEAD_PARAMS["limit"]["minimum"]


def url(resource: ResourceInfo) -> str:
    return f"{PREFIX}{resource.path}"


# --- the model --------------------------------------------------------------------------------


@dataclass
class Model:
    """What the test seeded, as Python values (uuid.UUID, datetime, str, None)."""

    resource: ResourceInfo
    rows: list[dict[str, Any]] = field(default_factory=list)

    def by_id(self, record_id: uuid.UUID) -> dict[str, Any]:
        return next(r for r in self.rows if r["id"] == record_id)

    def visible(self, person: Person, *, trash: bool = False) -> list[dict[str, Any]]:
        return [
            r
            for r in self.rows
            if r["tenant_id"] == person.tenant_id
            and person.id in (r["created_by"], r["assigned_to"])
            and (r["deleted"] if trash else not r["deleted"])
        ]


def ordered(rows: Iterable[dict[str, Any]], sort_by: str, descending: bool) -> list[dict[str, Any]]:
    """The promised order: by `sort_by`, NULLs last either way, ties by id in the same direction."""
    rows = list(rows)
    present = [r for r in rows if r[sort_by] is not None]
    nulls = [r for r in rows if r[sort_by] is None]
    present.sort(key=lambda r: (r[sort_by], r["id"]), reverse=descending)
    nulls.sort(key=lambda r: r["id"], reverse=descending)
    return present + nulls


def default_order(rows: Iterable[dict[str, Any]], resource: ResourceInfo) -> list[dict[str, Any]]:
    params = list_parameters(resource)
    return ordered(rows, params["sort_by"]["default"], params["sort_order"]["default"] == "desc")


def matches_q(row: dict[str, Any], q: str, resource: ResourceInfo) -> bool:
    needle = q.lower()
    return any(needle in (row[f] or "").lower() for f in resource.searchable)


def ids(rows: Iterable[dict[str, Any]]) -> list[uuid.UUID]:
    return [r["id"] for r in rows]


def parse_item(item: dict[str, Any], keys: Iterable[str]) -> dict[str, Any]:
    """An API item's `keys` as Python values, to compare with the model."""
    out: dict[str, Any] = {}
    for key in keys:
        value = item[key]
        if value is not None and key in UUID_FIELDS:
            value = uuid.UUID(value)
        elif value is not None and key in TIME_FIELDS:
            value = datetime.fromisoformat(value)
        out[key] = value
    return out


def item_ids(items: Iterable[dict[str, Any]]) -> list[uuid.UUID]:
    return [uuid.UUID(i["id"]) for i in items]


# --- seeding ----------------------------------------------------------------------------------


def spread_times(rng: random.Random, n: int) -> list[tuple[datetime, datetime]]:
    """(created_at, updated_at) pairs over four months, microseconds included, with ties."""
    created = [
        EPOCH + timedelta(minutes=rng.randrange(60 * 24 * 120), microseconds=rng.randrange(10**6))
        for _ in range(n)
    ]
    for i in range(0, n - 1, 8):  # deliberate ties on created_at
        created[i + 1] = created[i]
    updated = [c + timedelta(hours=rng.randrange(72), seconds=rng.randrange(60)) for c in created]
    for i in range(2, n, 6):  # and on updated_at, between unrelated rows
        updated[i] = updated[i - 2]
    return list(zip(created, updated, strict=True))


def set_columns(
    api: Api, table: sa.Table, rows: Sequence[dict[str, Any]], columns: list[str]
) -> None:
    """Overwrite `columns` of `rows` by direct SQL (SQLAlchemy Core, datetime objects)."""
    engine = make_engine(api.world.url)
    statement = (
        sa.update(table)
        .where(table.c.id == sa.bindparam("b_id"))
        .values({c: sa.bindparam(f"b_{c}") for c in columns})
    )
    with engine.begin() as conn:
        conn.execute(
            statement, [{"b_id": r["id"], **{f"b_{c}": r[c] for c in columns}} for r in rows]
        )
    engine.dispose()


async def assign(api: Api, resource: ResourceInfo, record_id: uuid.UUID, person: Person) -> None:
    admin = "admin" if person.tenant_slug == "acme" else "gina"
    response = await api.client.post(
        f"{url(resource)}/{record_id}/assign",
        json={"assigned_to": str(person.id)},
        headers=await api.login(admin),
    )
    assert response.status_code == 200, response.text


async def delete(api: Api, resource: ResourceInfo, who: str, row: dict[str, Any]) -> None:
    response = await api.client.delete(f"{url(resource)}/{row['id']}", headers=await api.login(who))
    assert response.status_code == 204, response.text
    row["deleted"] = True


async def create(api: Api, model: Model, who: str, body: dict[str, Any]) -> dict[str, Any]:
    """Create through the API; the model row is what was sent plus the returned id."""
    data = await api.create(who, url(model.resource), body)
    person = api.world[who]
    row = dict.fromkeys(model.resource.fields)
    row.update(body)
    row.update(
        id=uuid.UUID(data["id"]),
        tenant_id=person.tenant_id,
        created_by=person.id,
        assigned_to=None,
        deleted=False,
    )
    for key in ("status", "phone_label"):  # the contract defaults, as the API reported them
        row[key] = data[key]
    row["converted_at"] = parse_item(data, ["converted_at"])["converted_at"]
    model.rows.append(row)
    return row


LEAD_NAMES = [
    "50% Off Ltd",
    "500 Widgets",
    "Data_Base Inc",
    "DataXBase Inc",
    "Back\\slash Co",
    "O'Brien Partners",
    "Acme Ltd",
    "Acme Ltd",
    "acme corp",
    "Émile & Fils",
]
WORDS = ["Acme", "Northwind", "Globex", "Initech", "umbrella", "Hooli", "Zeta", "Vandelay"]
SUFFIXES = ["Ltd", "Corp", "Works", "Group", "& Sons"]
CONTACTS = [None, "Grace Hopper", "Ada Lovelace", "alan turing", "Linus_T", "100% Pure", None]
EMAILS = [
    None,
    "sales@northwind.example",
    "Info@Acme.example",
    "a_b@data.example",
    "grace@navy.example",
    None,
]
CITIES = [None, "Leeds", "Quuxville", "York", "leeds"]


def some_name(rng: random.Random, i: int, names: list[str]) -> str:
    return names[i] if i < len(names) else f"{rng.choice(WORDS)} {rng.choice(SUFFIXES)}"


async def seed_leads(api: Api, *, seed: int = 7) -> Model:
    """52 leads alice sees (46 hers, 4 of bob's and 2 of the admin's assigned to her), 6 in
    her trash plus one of bob's assigned to her, more of bob's and gus's she never sees."""
    rng = random.Random(seed)
    model = Model(LEAD)
    statuses = list(LeadStatus)
    sources: list[str | None] = [*LeadSource, None, None]

    def body(i: int) -> dict[str, Any]:
        return {
            "name": some_name(rng, i, LEAD_NAMES),
            "status": statuses[(i * 3) % len(statuses)],
            "source": sources[i % len(sources)],
            "contact_person": CONTACTS[i % len(CONTACTS)],
            "email": EMAILS[(i * 5) % len(EMAILS)],
            "city": CITIES[(i * 7) % len(CITIES)],
        }

    mine = [await create(api, model, "alice", body(i)) for i in range(52)]
    bobs = [await create(api, model, "bob", body(52 + i)) for i in range(8)]
    admins = [await create(api, model, "admin", body(60 + i)) for i in range(3)]
    for i in range(5):
        await create(api, model, "gus", {**body(i), "name": LEAD_NAMES[i]})
    await create(api, model, "gina", body(70))
    # assignments: five of alice's to bob (still hers), five of bob's and two of admin's to her
    for row, person in [
        *((r, "bob") for r in mine[:5]),
        *((r, "alice") for r in bobs[:5]),
        *((r, "alice") for r in admins[:2]),
    ]:
        await assign(api, LEAD, row["id"], api.world[person])
        row["assigned_to"] = api.world[person].id
    for row in mine[10:16]:
        await delete(api, LEAD, "alice", row)
    await delete(api, LEAD, "bob", bobs[0])  # assigned to alice: in her trash
    await delete(api, LEAD, "bob", bobs[6])  # not assigned: in nobody's view but bob's
    for row, (created, updated) in zip(model.rows, spread_times(rng, len(model.rows)), strict=True):
        row["created_at"], row["updated_at"] = created, updated
    set_columns(api, tables.leads, model.rows, ["created_at", "updated_at"])
    alice = api.world["alice"]
    assert len(model.visible(alice)) == 52
    assert len(model.visible(alice, trash=True)) == 7
    return model


# --- the API ----------------------------------------------------------------------------------


async def get_page(
    api: Api, resource: ResourceInfo, params: dict[str, Any], who: str = "alice"
) -> dict[str, Any]:
    response = await api.client.get(url(resource), params=params, headers=await api.login(who))
    assert response.status_code == 200, (params, response.text)
    body: dict[str, Any] = response.json()
    errors = [e.message for e in validator_for(f"{resource.name}Page").iter_errors(body)]
    assert errors == [], errors
    return body


async def get_all(
    api: Api, resource: ResourceInfo, params: dict[str, Any], who: str = "alice"
) -> list[dict[str, Any]]:
    """Every matching item, by offset pages of the maximum size."""
    items: list[dict[str, Any]] = []
    while True:
        page = await get_page(
            api, resource, {**params, "limit": MAX_LIMIT, "offset": len(items)}, who
        )
        items += page["items"]
        if len(page["items"]) < MAX_LIMIT:
            return items


async def follow_cursor(
    api: Api, resource: ResourceInfo, params: dict[str, Any], limit: int
) -> list[list[dict[str, Any]]]:
    pages: list[list[dict[str, Any]]] = []
    cursor: str | None = None
    for _ in range(100):
        page = await get_page(
            api, resource, {**params, "limit": limit, **({"cursor": cursor} if cursor else {})}
        )
        assert page["offset"] == 0
        pages.append(page["items"])
        cursor = page.get("next_cursor")
        if cursor is None:
            return pages
        assert len(page["items"]) == limit, "a cursor only after a full page"
    raise AssertionError("the cursor never ended")


def error_paths(body: dict[str, Any]) -> list[tuple[str, str]]:
    return [(e["in"], e["path"]) for e in body["details"]["errors"]]


def iso(value: datetime, offset_hours: int = 0) -> str:
    return value.astimezone(timezone(timedelta(hours=offset_hours))).isoformat()


# --- paging -----------------------------------------------------------------------------------


async def test_default_and_maximum_page_size_from_the_spec(api: Api) -> None:
    model = await seed_leads(api)
    visible = model.visible(api.world["alice"])
    assert DEFAULT_LIMIT < len(visible) < MAX_LIMIT

    page = await get_page(api, LEAD, {})
    assert page["limit"] == DEFAULT_LIMIT
    assert page["offset"] == 0
    assert "total" not in page
    assert item_ids(page["items"]) == ids(default_order(visible, LEAD)[:DEFAULT_LIMIT])

    page = await get_page(api, LEAD, {"limit": MAX_LIMIT, "include_total": True})
    assert page["limit"] == MAX_LIMIT
    assert page["total"] == len(visible)
    assert item_ids(page["items"]) == ids(default_order(visible, LEAD))
    assert "next_cursor" not in page  # not a full page: there is nothing after it

    headers = await api.login("alice")
    for limit in (MAX_LIMIT + 1, MIN_LIMIT - 1):
        response = await api.client.get(url(LEAD), params={"limit": limit}, headers=headers)
        assert error_paths(assert_error(response, 400)) == [("query", "/limit")]


async def test_offset_pages_cover_everything_exactly_once(api: Api) -> None:
    model = await seed_leads(api)
    expected = ids(default_order(model.visible(api.world["alice"]), LEAD))
    seen: list[uuid.UUID] = []
    for offset in range(0, len(expected) + 7, 7):
        page = await get_page(api, LEAD, {"limit": 7, "offset": offset, "include_total": True})
        assert (page["limit"], page["offset"], page["total"]) == (7, offset, len(expected))
        seen += item_ids(page["items"])
        plain = await get_page(api, LEAD, {"limit": 7, "offset": offset})
        assert "total" not in plain
        assert item_ids(plain["items"]) == item_ids(page["items"])
    assert seen == expected
    assert len(set(seen)) == len(seen)


async def test_items_carry_the_seeded_values(api: Api) -> None:
    model = await seed_leads(api)
    items = await get_all(api, LEAD, {})
    keys = ["id", "tenant_id", "name", "status", "source", "contact_person", "email", "city"]
    keys += ["created_by", "assigned_to", "created_at", "updated_at"]
    expected = default_order(model.visible(api.world["alice"]), LEAD)
    assert [parse_item(i, keys) for i in items] == [{k: r[k] for k in keys} for r in expected]
    assert all(i["deleted_at"] is None for i in items)


# --- sorting ----------------------------------------------------------------------------------


@pytest.mark.parametrize("resource", [LEAD, CLIENT], ids=lambda r: r.name)
async def test_every_sortable_field_both_ways(api: Api, resource: ResourceInfo) -> None:
    model = await (seed_leads(api) if resource is LEAD else seed_clients(api))
    visible = model.visible(api.world["alice"])
    assert set(list_parameters(resource)["sort_by"]["enum"]) == set(resource.sortable)
    for sort_by in resource.sortable:
        values = [r[sort_by] for r in visible]
        # non-vacuous: every field has ties to break, and nullable ones have NULLs
        assert len(set(values)) < len(values), sort_by
        if sort_by in resource.nullable:
            assert None in values, sort_by
        for order in ("asc", "desc"):
            items = await get_all(api, resource, {"sort_by": sort_by, "sort_order": order})
            expected = ordered(visible, sort_by, order == "desc")
            assert item_ids(items) == ids(expected), (sort_by, order)


# --- filters and search -----------------------------------------------------------------------


def filter_cases(
    model: Model, people: Iterable[Person], resource: ResourceInfo
) -> list[tuple[dict[str, str], Any]]:
    """(query parameters, predicate) for every filterable field of `resource`.

    Equality filters take every enum value the spec lists, or every user and record id the
    seed used plus ones that match nothing; *_at filters take _after / _before bounds that
    fall exactly on a row's value (inclusive after, exclusive before) and other offsets.
    """
    params = list_parameters(resource)
    cases: list[tuple[dict[str, str], Any]] = []
    people = list(people)
    for name in resource.filterable:
        if name.endswith("_at"):
            stem = name.removesuffix("_at")
            values = sorted({r[name] for r in model.rows})
            lo, hi = values[len(values) // 4], values[(3 * len(values)) // 4]
            for bound in (lo, hi, values[0], values[-1]):
                cases.append(({f"{stem}_after": iso(bound)}, lambda r, n=name, b=bound: r[n] >= b))
                cases.append(({f"{stem}_before": iso(bound)}, lambda r, n=name, b=bound: r[n] < b))
            cases.append(
                (
                    {f"{stem}_after": iso(lo, 2), f"{stem}_before": iso(hi, -5)},
                    lambda r, n=name, a=lo, b=hi: a <= r[n] < b,
                )
            )
            later = lo + timedelta(microseconds=1)
            cases.append(({f"{stem}_after": iso(later)}, lambda r, n=name, b=later: r[n] >= b))
            continue
        schema = params[name]
        if "enum" in schema:
            candidates: list[Any] = list(schema["enum"])
        elif name in ("created_by", "assigned_to"):
            candidates = [p.id for p in people]
        else:
            candidates = sorted({r[name] for r in model.rows if r[name] is not None}, key=str)
            candidates.append(uuid.uuid4())
        for value in candidates:
            cases.append(({name: str(value)}, lambda r, n=name, v=value: str(r[n]) == str(v)))
    names = {k for query, _ in cases for k in query}
    assert names == set(params) - NOT_FILTERS, "every filter parameter of the spec is tested"
    return cases


@pytest.mark.parametrize("resource", [LEAD, CLIENT], ids=lambda r: r.name)
async def test_each_filter_equals_the_python_filter(api: Api, resource: ResourceInfo) -> None:
    model = await (seed_leads(api) if resource is LEAD else seed_clients(api))
    alice = api.world["alice"]
    visible = model.visible(alice)
    nonempty = 0
    for query, predicate in filter_cases(model, api.world.people.values(), resource):
        expected = default_order([r for r in visible if predicate(r)], resource)
        page = await get_page(api, resource, {**query, "include_total": True, "limit": MAX_LIMIT})
        assert item_ids(page["items"]) == ids(expected), query
        assert page["total"] == len(expected), query
        nonempty += bool(expected)
    assert nonempty >= 10


Q_CASES = ["acme", "ACME", "%", "50%", "_", "a_b", "A_B", "\\", "k\\s", "hopper", "NORTHWIND"]
Q_CASES += ["quuxville", "o'brien", "no such text"]  # quuxville: only in city, not searched


@pytest.mark.parametrize("resource", [LEAD, CLIENT], ids=lambda r: r.name)
async def test_q_is_a_literal_case_insensitive_contains(api: Api, resource: ResourceInfo) -> None:
    model = await (seed_leads(api) if resource is LEAD else seed_clients(api))
    visible = model.visible(api.world["alice"])
    sizes = {}
    for q in Q_CASES:
        expected = ordered([r for r in visible if matches_q(r, q, resource)], "name", False)
        page = await get_page(
            api, resource, {"q": q, "sort_by": "name", "sort_order": "asc", "limit": MAX_LIMIT}
        )
        assert item_ids(page["items"]) == ids(expected), q
        sizes[q] = len(expected)
    # The wildcard characters are literal: they match some rows, not all (unescaped LIKE
    # would match every row for "%" and "_"), and the city is not searched.
    for q in ("%", "50%", "_", "a_b", "\\"):
        assert 0 < sizes[q] < len(visible), (q, sizes[q])
    assert sizes["quuxville"] == 0
    assert any(c == "Quuxville" for c in (r["city"] for r in visible))
    assert sizes["acme"] == sizes["ACME"] > 0


async def test_filters_and_q_combine(api: Api) -> None:
    model = await seed_leads(api)
    visible = model.visible(api.world["alice"])
    alice = api.world["alice"]
    checked = 0
    for status in LeadStatus:
        for q in ("acme", "a"):
            query = {"status": status.value, "q": q, "created_by": str(alice.id)}
            expected = [
                r
                for r in visible
                if r["status"] == status and matches_q(r, q, LEAD) and r["created_by"] == alice.id
            ]
            page = await get_page(api, LEAD, {**query, "include_total": True, "limit": MAX_LIMIT})
            assert item_ids(page["items"]) == ids(default_order(expected, LEAD)), query
            assert page["total"] == len(expected)
            checked += bool(expected)
    assert checked > 0


async def test_q_with_a_nul_character_is_400_not_500(api: Api) -> None:
    """PostgreSQL text cannot hold NUL (the driver refuses the parameter): a q with one is a
    bad parameter, named, on both backends alike."""
    await api.create("alice", url(LEAD), {"name": "Acme"})
    response = await api.client.get(
        url(LEAD), params={"q": "Ac\x00me"}, headers=await api.login("alice")
    )
    assert error_paths(assert_error(response, 400)) == [("query", "/q")]


async def test_q_folds_case_beyond_ascii(api: Api) -> None:
    """The spec says "case-insensitive contains": É and é are the same letter on both backends."""
    lead = await api.create("alice", url(LEAD), {"name": "Émile & Fils"})
    for q in ("émile", "ÉMILE", "Émile"):
        page = await get_page(api, LEAD, {"q": q})
        assert item_ids(page["items"]) == [uuid.UUID(lead["id"])], q


# --- cursors ----------------------------------------------------------------------------------


@pytest.mark.parametrize("resource", [LEAD, CLIENT], ids=lambda r: r.name)
async def test_cursor_pages_cover_everything_in_order(api: Api, resource: ResourceInfo) -> None:
    model = await (seed_leads(api) if resource is LEAD else seed_clients(api))
    visible = model.visible(api.world["alice"])
    assert any(f in resource.nullable for f in resource.sortable)
    for sort_by in resource.sortable:
        for order in ("asc", "desc"):
            pages = await follow_cursor(api, resource, {"sort_by": sort_by, "sort_order": order}, 7)
            seen = [i for page in pages for i in item_ids(page)]
            assert seen == ids(ordered(visible, sort_by, order == "desc")), (sort_by, order)
            assert len(pages) == len(visible) // 7 + 1


@pytest.mark.parametrize(("sort_by", "order"), [("name", "asc"), ("created_at", "desc")])
async def test_cursor_is_stable_under_inserts_and_deletes(
    api: Api, sort_by: str, order: str
) -> None:
    """Rows inserted before the cursor's position are not seen, rows after it are; a seen row
    deleted meanwhile does not shift the next page (with offsets it would skip one)."""
    model = await seed_leads(api)
    alice = api.world["alice"]
    params = {"sort_by": sort_by, "sort_order": order, "limit": 7}
    first = await get_page(api, LEAD, params)
    before = ordered(model.visible(alice), sort_by, order == "desc")
    assert item_ids(first["items"]) == ids(before[:7])

    for name in ("!!! inserted early", "~~~ inserted late"):
        data = await api.create("alice", url(LEAD), {"name": name})
        row = dict.fromkeys(LEAD.fields)
        row.update(
            parse_item(data, ["id", "tenant_id", "created_by", "created_at", "updated_at"]),
            name=name,
            status=data["status"],
            deleted=False,
        )
        model.rows.append(row)
    seen_own = next(r for r in before[:6] if r["created_by"] == alice.id)
    await delete(api, LEAD, "alice", seen_own)

    after = ordered(model.visible(alice), sort_by, order == "desc")
    position = after.index(before[6])
    expected = after[position + 1 :]
    new_names = {r["name"] for r in expected} & {"!!! inserted early", "~~~ inserted late"}
    # non-vacuous: by name one insert lands behind the cursor and one ahead; by created_at
    # (newest first) both land behind it
    assert new_names == ({"~~~ inserted late"} if sort_by == "name" else set())

    rest: list[uuid.UUID] = []
    cursor = first["next_cursor"]
    while cursor:
        page = await get_page(api, LEAD, {**params, "cursor": cursor})
        rest += item_ids(page["items"])
        cursor = page.get("next_cursor")
    assert rest == ids(expected)
    old_rows = set(ids(before[7:]))
    assert old_rows <= set(rest)
    assert len(set(rest)) == len(rest)


@pytest.mark.parametrize(("sort_by", "order"), [("name", "asc"), ("created_at", "desc")])
async def test_any_record_the_caller_sees_is_a_position(api: Api, sort_by: str, order: str) -> None:
    """A cursor names a record: the page starts right after it in this list's order, whatever
    list the id came from: a page sorted another way, a filtered list, the trash."""
    model = await seed_leads(api)
    alice = api.world["alice"]
    live = model.visible(alice)
    trashed = model.visible(alice, trash=True)
    other = await get_page(api, LEAD, {"sort_by": "status", "sort_order": "desc", "limit": 9})
    names = [uuid.UUID(other["next_cursor"]), live[len(live) // 2]["id"], trashed[0]["id"]]
    followed = 0
    for record_id in names:
        record = model.by_id(record_id)
        # the model's answer: the live rows after `record` once it is placed in the order
        order_with = ordered(
            [*live, record] if record["deleted"] else live, sort_by, order == "desc"
        )
        after = [r for r in order_with[order_with.index(record) + 1 :] if not r["deleted"]]
        followed += bool(after)
        page = await get_page(
            api,
            LEAD,
            {"sort_by": sort_by, "sort_order": order, "limit": 7, "cursor": str(record_id)},
        )
        assert item_ids(page["items"]) == ids(after[:7]), (sort_by, order, record["name"])
    assert followed >= 2, "non-vacuous: rows follow most of the cursors"


async def test_a_cursor_naming_no_visible_record_is_404_and_garbage_400(api: Api) -> None:
    """A cursor naming nothing the caller sees (bob's lead, gus's lead, no lead at all) is one
    404 (the same body, so existence does not leak: the page after an invisible record would
    tell its sort value); a cursor that is no uuid is the spec's 400."""
    await seed_leads(api)
    headers = await api.login("alice")
    bobs = await api.create("bob", url(LEAD), {"name": "Bob's own"})
    guss = await api.create("gus", url(LEAD), {"name": "Gus's own"})
    bodies = []
    for cursor in (bobs["id"], guss["id"], str(uuid.uuid4())):
        for sort in ({}, {"sort_by": "name", "sort_order": "asc"}):
            response = await api.client.get(
                url(LEAD), params={**sort, "cursor": cursor}, headers=headers
            )
            body = assert_error(response, 404)
            assert error_paths(body) == [("query", "/cursor")], body
            bodies.append(body)
    assert all(b == bodies[0] for b in bodies), bodies
    # the admin's /all pages by any record of the tenant, never another tenant's
    admin = await api.login("admin")
    response = await api.client.get(
        f"{url(LEAD)}/all", params={"cursor": bobs["id"]}, headers=admin
    )
    assert response.status_code == 200, response.text
    response = await api.client.get(
        f"{url(LEAD)}/all", params={"cursor": guss["id"]}, headers=admin
    )
    assert error_paths(assert_error(response, 404)) == [("query", "/cursor")]
    garbage = ["garbage", "!!!", base64.urlsafe_b64encode(b'["name","asc","x"]').decode()]
    for text in garbage:
        response = await api.client.get(url(LEAD), params={"cursor": text}, headers=headers)
        assert error_paths(assert_error(response, 400)) == [("query", "/cursor")], text


# --- trash and CSV ----------------------------------------------------------------------------


async def test_trash_lists_only_deleted_visible_records(api: Api) -> None:
    model = await seed_leads(api)
    alice = api.world["alice"]
    trash = model.visible(alice, trash=True)
    page = await get_page(api, LEAD, {"trash": True, "include_total": True, "limit": MAX_LIMIT})
    assert item_ids(page["items"]) == ids(default_order(trash, LEAD))
    assert page["total"] == len(trash)
    assert all(i["deleted_at"] is not None for i in page["items"])
    live = await get_page(api, LEAD, {"trash": False, "include_total": True})
    assert live["total"] == len(model.visible(alice))
    status = trash[0]["status"]
    page = await get_page(api, LEAD, {"trash": True, "status": status, "limit": MAX_LIMIT})
    assert item_ids(page["items"]) == ids(
        default_order([r for r in trash if r["status"] == status], LEAD)
    )


async def test_csv_has_the_contract_columns_and_every_visible_row(api: Api) -> None:
    model = await seed_leads(api)
    visible = default_order(model.visible(api.world["alice"]), LEAD)
    headers = {**await api.login("alice"), "Accept": "text/csv"}
    response = await api.client.get(url(LEAD), headers=headers)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].split(";")[0] == "text/csv"
    table = list(csv.reader(io.StringIO(response.text)))
    assert table[0] == list(LEAD.fields)
    records = [dict(zip(table[0], line, strict=True)) for line in table[1:]]
    assert len(records) == len(visible) > DEFAULT_LIMIT  # every row, not one page
    assert [uuid.UUID(r["id"]) for r in records] == ids(visible)
    for record, row in zip(records, visible, strict=True):
        for key in ("name", "status", "email", "city", "contact_person"):
            assert record[key] == (row[key] or ""), key
        assert uuid.UUID(record["created_by"]) == row["created_by"]
        assert datetime.fromisoformat(record["created_at"]) == row["created_at"]

    status = visible[0]["status"]
    response = await api.client.get(url(LEAD), params={"status": status}, headers=headers)
    table = list(csv.reader(io.StringIO(response.text)))
    assert [uuid.UUID(line[0]) for line in table[1:]] == [
        r["id"] for r in visible if r["status"] == status
    ]


# --- clients ----------------------------------------------------------------------------------

CLIENT_NAMES = ["50% Off Ltd", "Data_Base Inc", "DataXBase Inc", "Back\\slash Co", "acme corp"]
CLIENT_NAMES += ["acme corp"]
STATES = [None, "Yorkshire", "Kent", "kent"]


async def seed_clients(api: Api, *, seed: int = 11) -> Model:
    """16 clients alice sees (13 hers, 2 of bob's and 1 of the admin's assigned to her), some
    converted from her leads, 2 in her trash; more of bob's and gus's."""
    rng = random.Random(seed)
    leads = [await api.create("alice", url(LEAD), {"name": f"Lead {i}"}) for i in range(4)]
    model = Model(CLIENT)
    statuses = list(ClientStatus)

    def body(i: int) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": some_name(rng, i, CLIENT_NAMES),
            "status": statuses[i % len(statuses)],
            "contact_person": CONTACTS[i % len(CONTACTS)],
            "email": EMAILS[(i * 5) % len(EMAILS)],
            "city": CITIES[(i * 3) % len(CITIES)],
            "state": STATES[i % len(STATES)],
        }
        return out

    mine = []
    for i in range(15):
        extra = {"source_lead_id": leads[i % 4]["id"]} if i % 3 == 0 else {}
        mine.append(await create(api, model, "alice", {**body(i), **extra}))
    for row in mine:
        if row["source_lead_id"] is not None:
            row["source_lead_id"] = uuid.UUID(row["source_lead_id"])
    bobs = [await create(api, model, "bob", body(20 + i)) for i in range(4)]
    admins = [await create(api, model, "admin", body(30 + i)) for i in range(2)]
    for i in range(3):
        await create(api, model, "gus", body(i))
    for row, person in [
        (mine[0], "bob"),
        (bobs[0], "alice"),
        (bobs[1], "alice"),
        (admins[0], "alice"),
    ]:
        await assign(api, CLIENT, row["id"], api.world[person])
        row["assigned_to"] = api.world[person].id
    for row in mine[6:8]:
        await delete(api, CLIENT, "alice", row)
    times = spread_times(rng, len(model.rows))
    for row, (created, updated) in zip(model.rows, times, strict=True):
        row["created_at"], row["updated_at"] = created, updated
        if row["converted_at"] is not None:
            row["converted_at"] = EPOCH + timedelta(
                days=rng.randrange(30), microseconds=rng.randrange(10**6)
            )
    assert sum(r["converted_at"] is not None for r in model.rows) >= 4
    converted = [r for r in model.rows if r["converted_at"] is not None]
    converted[1]["converted_at"] = converted[0]["converted_at"]
    set_columns(api, tables.clients, model.rows, ["created_at", "updated_at", "converted_at"])
    alice = api.world["alice"]
    assert len(model.visible(alice)) == 16
    assert len(model.visible(alice, trash=True)) == 2
    return model


async def test_client_pages_csv_and_trash(api: Api) -> None:
    model = await seed_clients(api)
    alice = api.world["alice"]
    visible = default_order(model.visible(alice), CLIENT)
    seen: list[uuid.UUID] = []
    for offset in range(0, len(visible), 5):
        page = await get_page(api, CLIENT, {"limit": 5, "offset": offset, "include_total": True})
        assert page["total"] == len(visible)
        seen += item_ids(page["items"])
    assert seen == ids(visible)
    keys = ["id", "name", "status", "city", "state", "source_lead_id", "converted_at"]
    keys += ["assigned_to", "created_by", "created_at", "updated_at"]
    items = await get_all(api, CLIENT, {})
    assert [parse_item(i, keys) for i in items] == [{k: r[k] for k in keys} for r in visible]

    trash = await get_page(api, CLIENT, {"trash": True})
    assert item_ids(trash["items"]) == ids(default_order(model.visible(alice, trash=True), CLIENT))

    response = await api.client.get(
        url(CLIENT), headers={**await api.login("alice"), "Accept": "text/csv"}
    )
    assert response.headers["content-type"].split(";")[0] == "text/csv"
    table = list(csv.reader(io.StringIO(response.text)))
    assert table[0] == list(CLIENT.fields)
    assert [uuid.UUID(line[0]) for line in table[1:]] == ids(visible)
