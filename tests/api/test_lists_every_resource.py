"""Every list of every resource against an independent model: sorting, filters, `q`, children.

Nothing here names an entity. The resources are those of `generated.python.resources.RESOURCES`
with a "list" operation; the bodies come from their Create schemas, the filters from
`ResourceInfo.filters`, the sortable and searchable fields from `ResourceInfo`, the children
lists from the spec's routes (`tests/api/contract_data.py`). A new entity declared by a contract
is covered without editing this file.

One test per resource and database seeds, through the API, the records the resource needs:

- a pool of parent records (and of other referenced records, such as a client's source lead)
  per parent kind: for `owner` parents one created by alice, one by bob that alice never sees,
  one by bob assigned to alice, and one by bob assigned to alice while she hangs records off it
  and reassigned to bob afterwards (her records under it are hidden from her: the creator rule
  is only for parentless records); for `parent` parents (a project under a client) records
  created by the admin under a visible and an invisible grandparent, so their visibility comes
  only from the recursion, plus parentless ones of alice's and bob's;
- 18 records of the resource, one per parent option in turn (none, each pool record), created in
  turn by alice, bob and the admin (or the next of them who may name that parent), some assigned
  to alice or bob (in the body where the field is writable, else through `/assign`; under a
  parent alice cannot see: hers, nobody's, bob's in turn), date and date-time fields set in the
  bodies to a spread with ties, NULLs and a non-UTC offset, searchable texts holding `%` and `_`
  both among the records the caller sees and the others; two trashed where there is a trash;
- two records of the other tenant.

`assert_visibility_is_exercised` checks that the seed holds a record for each visibility rule,
so a change to the spreads cannot make a check vacuous unnoticed.

Read-only timestamps (created_at, updated_at, completed_at, ...) are then set by direct SQL to a
spread with ties. The model computes what the caller sees from the rows alone (owner: creator or
assignee; parent: a visible parent, recursively, or the assignee, or no parent and the creator;
tenant/admin resources: the admin sees the tenant) and every answer is compared with it.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
import sqlalchemy as sa

from generated import tables
from generated.python.resources import RESOURCES, ListFilter, ResourceInfo
from tests.api.conftest import Api, Person, assert_error
from tests.api.contract_data import (
    PREFIX,
    make,
    needs_parent,
    parent_fields,
    required_body,
    resolve,
    routes,
    sample,
    schema,
)
from tests.api.test_lists import (
    MAX_LIMIT,
    NOT_FILTERS,
    default_order,
    get_all,
    get_page,
    ids,
    item_ids,
    list_parameters,
    ordered,
    set_columns,
    spread_times,
)
from tests.db.conftest import make_engine

pytestmark = pytest.mark.anyio

LISTED = [r for r in RESOURCES.values() if "list" in r.operations]
N = 18
CREATORS = ("alice", "bob", "admin")
TEXTS = [
    "50% Off",
    "Data_Base",
    "DataXBase",
    "acme Ltd",
    "a_b Corp",
    "ACME 100%",
    "Zeta",
    "zeta_x",
    "axb",
]
EMAILS = ["a_b@data.example", "axb@data.example", "info@acme.example", "zed@zeta.example"]
DATETIMES = [
    "2026-03-01T09:30:00Z",
    "2026-03-01T09:30:00Z",
    "2026-02-10T23:15:00.250000Z",
    "2026-02-11T01:15:00+02:00",  # an instant between the two above, written with an offset
    "2026-04-05T12:00:00Z",
    "2025-12-31T23:59:59.999999Z",
]
DATES = ["2026-01-15", "2026-01-15", "2025-11-30", "2026-06-01", "2026-02-28"]
NUMBERS = [0, 10.5, 10.5, 250, 99.99]
Q_CASES = ["%", "50%", "_", "a_b", "A_B", "acme", "ACME", "zeta", "no such text"]


def caller(resource: ResourceInfo) -> str:
    """Who lists: alice, or the admin for resources only admins list (users)."""
    return "admin" if resource.visibility in ("admin", "tenant") else "alice"


def other_tenant(resource: ResourceInfo) -> str:
    return "gina" if resource.visibility in ("admin", "tenant") else "gus"


def url(resource: ResourceInfo) -> str:
    return f"{PREFIX}{resource.path}"


def column(resource: ResourceInfo, name: str) -> sa.Column[Any]:
    return getattr(tables, resource.table).c[name]  # type: ignore[no-any-return]


def is_temporal(resource: ResourceInfo, name: str) -> bool:
    if name not in getattr(tables, resource.table).c:
        return False
    return isinstance(column(resource, name).type, (sa.Date, sa.DateTime))


def python_value(resource: ResourceInfo, name: str, value: Any) -> Any:
    """A JSON value as the Python value the model compares."""
    table = getattr(tables, resource.table)
    if value is None or name not in table.c:  # a write-only field (a user's password)
        return value
    kind = column(resource, name).type
    if isinstance(kind, sa.Uuid):
        return uuid.UUID(str(value))
    if isinstance(kind, sa.DateTime):
        return datetime.fromisoformat(value)
    if isinstance(kind, sa.Date):
        return date.fromisoformat(value)
    if isinstance(kind, sa.Numeric) and not isinstance(kind, sa.Float):
        return Decimal(str(value))
    return value


def query_text(value: Any) -> str:
    """A model value as a query parameter spells it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return str(value)


# --- the model ----------------------------------------------------------------------------------


@dataclass
class Store:
    """Every record the test created, by id: resource name, tenant, creator, assignee, parents,
    and for the resource under test every field it sent or set."""

    rows: dict[uuid.UUID, dict[str, Any]] = field(default_factory=dict)

    def sees(self, person: Person, row: dict[str, Any]) -> bool:
        """The list visibility (admins' normal lists are the same as users')."""
        if row["tenant_id"] != person.tenant_id:
            return False
        resource = RESOURCES[row["_resource"]]
        if resource.visibility in ("tenant", "admin"):
            return True
        if resource.visibility == "owner":
            return person.id in (row["created_by"], row.get("assigned_to"))
        assert resource.visibility == "parent", resource.visibility
        set_parents = [p.field for p in resource.parents if row.get(p.field) is not None]
        if any(self.sees(person, self.rows[row[f]]) for f in set_parents):
            return True
        if row.get("assigned_to") == person.id:
            return True
        return not set_parents and row["created_by"] == person.id

    def may_reference(self, person: Person, row: dict[str, Any]) -> bool:
        """A body may name a record the caller can see; an admin any record of the tenant."""
        if person.role == "admin":
            return bool(row["tenant_id"] == person.tenant_id)
        return self.sees(person, row)

    def of(self, resource: ResourceInfo) -> list[dict[str, Any]]:
        return [r for r in self.rows.values() if r["_resource"] == resource.name]

    def visible(self, person: Person, resource: ResourceInfo) -> list[dict[str, Any]]:
        return [
            r for r in self.of(resource) if self.sees(person, r) and not r.get("deleted", False)
        ]


def matches_q(row: dict[str, Any], q: str, resource: ResourceInfo) -> bool:
    return any(q.lower() in (row.get(f) or "").lower() for f in resource.searchable)


# --- seeding ------------------------------------------------------------------------------------


def create_properties(resource: ResourceInfo) -> dict[str, Any]:
    return schema(f"{resource.name}Create")["properties"]  # type: ignore[no-any-return]


def references_to_seed(resource: ResourceInfo) -> list[tuple[str, str]]:
    """(field, resource) of every writable reference to a record: the parents first, then the
    others (a client's source lead); not users."""
    props = create_properties(resource)
    return [
        (ref.field, ref.resource)
        for ref in sorted(resource.references, key=lambda r: not r.parent)
        if ref.field in props and ref.resource != "User"
    ]


def body_value(resource: ResourceInfo, name: str, prop: dict[str, Any], i: int, k: int) -> Any:
    """A JSON value for field `name` of the i-th record: spreads with ties and NULLs; texts
    and emails the list searches by take the k-th of their spread."""
    shift = 4 * resource.searchable.index(name) if name in resource.searchable else 0
    nullable = name in resource.nullable and i % 6 == 5
    options = prop.get("anyOf", [prop])
    concrete = resolve(next(o for o in options if resolve(o).get("type") != "null"))
    if nullable and name not in schema(f"{resource.name}Create").get("required", []):
        return None
    kind = concrete.get("type", "string")
    fmt = concrete.get("format")
    unique = any(
        isinstance(c, sa.UniqueConstraint) and name in c.columns
        for c in getattr(tables, resource.table).constraints
    ) or any(i_.unique and name in i_.columns for i_ in getattr(tables, resource.table).indexes)
    if "enum" in concrete:
        return concrete["enum"][i % len(concrete["enum"])]
    if kind == "boolean":
        return i % 3 != 0
    if kind in ("integer", "number"):
        return NUMBERS[i % len(NUMBERS)]
    if fmt == "date-time":
        return DATETIMES[i % len(DATETIMES)]
    if fmt == "date":
        return DATES[i % len(DATES)]
    if fmt == "email":
        local, domain = EMAILS[(k + shift) % len(EMAILS)].split("@")
        return f"{local}{i}@{domain}" if unique else f"{local}@{domain}"
    if "pattern" in concrete or fmt is not None:
        return sample(concrete, name)
    text = TEXTS[(k + shift) % len(TEXTS)] if name in resource.searchable else f"{name} {i % 4}"
    if unique:
        text = f"{text} #{i}"
    return text[: concrete.get("maxLength", len(text))].ljust(concrete.get("minLength", 0), "x")


def record_body(resource: ResourceInfo, i: int, k: int | None = None) -> dict[str, Any]:
    """Required fields, plus every field the list sorts, filters or searches by and every date
    and date-time field, with values from the spreads; no references (the caller adds them)."""
    props = create_properties(resource)
    wanted = set(resource.sortable) | set(resource.searchable) | set(resource.filterable)
    refs = {r.field for r in resource.references} | set(parent_fields(resource))
    body = required_body(resource, f"{resource.name} {i}")
    for name, prop in props.items():
        if name in refs:
            body.pop(name, None)
            continue
        temporal = name in resource.fields and is_temporal(resource, name)
        if name in body or name in wanted or temporal:
            body[name] = body_value(resource, name, prop, i, i if k is None else k)
    return body


class Seeder:
    def __init__(self, api: Api, store: Store) -> None:
        self.api = api
        self.store = store
        self.pools: dict[str, list[dict[str, Any]]] = {}

    def person(self, who: str) -> Person:
        return self.api.world[who]

    async def create(
        self, name: str, who: str, body: dict[str, Any], extra: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        resource = RESOURCES[name]
        data = await self.api.create(who, url(resource), body)
        person = self.person(who)
        row: dict[str, Any] = {f: python_value(resource, f, body.get(f)) for f in resource.fields}
        row.update(
            _resource=name,
            id=uuid.UUID(data["id"]),
            tenant_id=person.tenant_id,
            created_by=person.id,
            deleted=False,
            **(extra or {}),
        )
        if "assigned_to" not in body:
            row["assigned_to"] = None
        self.store.rows[row["id"]] = row
        return row

    async def assign(self, row: dict[str, Any], to: str) -> None:
        resource = RESOURCES[row["_resource"]]
        response = await self.api.client.post(
            f"{url(resource)}/{row['id']}/assign",
            json={"assigned_to": str(self.person(to).id)},
            headers=await self.api.login("admin"),
        )
        assert response.status_code == 200, response.text
        row["assigned_to"] = self.person(to).id

    async def pool(self, name: str) -> list[dict[str, Any]]:
        """Records of `name` to hang the resource's records off: some alice sees, some not."""
        if name in self.pools:
            return self.pools[name]
        resource = RESOURCES[name]
        out: list[dict[str, Any]] = []

        async def make(who: str, refs: dict[str, Any]) -> dict[str, Any]:
            body = {**required_body(resource, f"pool {name} {who}"), **refs}
            if needs_parent(resource) and not set(refs) & set(parent_fields(resource)):
                first = resource.parents[0]
                candidates = await self.pool(first.resource)
                parent = next(
                    p for p in candidates if self.store.may_reference(self.person(who), p)
                )
                body[first.field] = str(parent["id"])
            return await self.create(
                name,
                who,
                body,
                {k: uuid.UUID(v) for k, v in body.items() if k in parent_fields(resource)},
            )

        if resource.visibility == "parent":
            if not needs_parent(resource):
                out.append(await make("alice", {}))
                out.append(await make("bob", {}))
            for parent in resource.parents:
                grand = await self.pool(parent.resource)
                for g in grand[:2]:  # one alice sees, one she does not
                    out.append(await make("admin", {parent.field: str(g["id"])}))
        else:
            out.append(await make("alice", {}))
            out.append(await make("bob", {}))
            if "assign" in resource.operations:
                bobs = await make("bob", {})
                await self.assign(bobs, "alice")
                out.append(bobs)
                # assigned to alice while she hangs records off it, then to bob: her records
                # under it are hidden from her again (the creator rule is for parentless ones)
                revoked = await make("bob", {})
                await self.assign(revoked, "alice")
                revoked["_revoke"] = True
                out.append(revoked)
        alice = self.person("alice")
        assert any(self.store.sees(alice, r) for r in out), name
        assert not all(self.store.sees(alice, r) for r in out), name
        self.pools[name] = out
        return out

    async def seed(self, resource: ResourceInfo) -> None:
        refs = references_to_seed(resource)
        pools = {f: await self.pool(r) for f, r in refs}
        parents = set(parent_fields(resource))
        props = create_properties(resource)
        options: list[tuple[str, dict[str, Any]] | None] = (
            [] if needs_parent(resource) else [None, None]
        )
        options += [(f, e) for f in parents & set(pools) for e in pools[f]]
        options.sort(key=lambda o: (o is not None, "" if o is None else o[0]))
        admin_only = resource.visibility in ("admin", "tenant")
        created: list[dict[str, Any]] = []
        hidden = 0
        spread = {True: 0, False: 0}
        me = self.person(caller(resource))
        for i in range(N):
            # every parent option in turn, created by alice, bob or the admin in turn, or by the
            # next of them who may name that parent (the admin may name any)
            choice = options[i % len(options)] if options else None
            who = "admin"
            if not admin_only:
                rotation = CREATORS[i % 3 :] + CREATORS[: i % 3]
                who = next(
                    w
                    for w in rotation
                    if choice is None or self.store.may_reference(self.person(w), choice[1])
                )
            revoke = choice is not None and bool(choice[1].get("_revoke"))
            if revoke and not admin_only:
                who = "alice"
            person = self.person(who)
            extra: dict[str, Any] = {}
            if choice is not None:
                extra[choice[0]] = choice[1]["id"]
            for f in set(pools) - parents:  # other references: every other record
                entry = pools[f][i % len(pools[f])]
                if i % 2 == 0 and self.store.may_reference(person, entry):
                    extra[f] = entry["id"]
            assignee = {1: "alice", 2: "bob"}.get(i % 4)
            if choice is not None and not self.store.sees(self.person("alice"), choice[1]):
                # under a parent alice cannot see: in turn hers, nobody's, bob's
                assignee = ("alice", None, "bob")[hidden % 3]
                hidden += 1
            if revoke:
                assignee = None
            if assignee and "assigned_to" in props:
                extra["assigned_to"] = self.person(assignee).id
            # the searchable texts run through their spread separately for the records the
            # caller will see and the others, so both hold wildcards and plain text
            preview = {
                "_resource": resource.name,
                "tenant_id": person.tenant_id,
                "created_by": person.id,
                "assigned_to": self.person(assignee).id if assignee else None,
                **extra,
            }
            sees = self.store.sees(me, preview)
            body = {
                **record_body(resource, i, spread[sees]),
                **{k: str(v) for k, v in extra.items()},
            }
            spread[sees] += 1
            row = await self.create(resource.name, who, body, extra)
            if assignee and "assigned_to" not in props and "assign" in resource.operations:
                await self.assign(row, assignee)
            created.append(row)
        for entries in self.pools.values():
            for entry in entries:
                if entry.get("_revoke"):
                    await self.assign(entry, "bob")
        if resource.soft_delete:
            for row in (created[4], created[9]):
                response = await self.api.client.delete(
                    f"{url(resource)}/{row['id']}", headers=await self.api.login("admin")
                )
                assert response.status_code == 204, response.text
                row["deleted"] = True
        # the other tenant's records, never seen (their parents are not in the store: the
        # tenant check answers first)
        for i in range(2):
            who = other_tenant(resource)
            body = record_body(resource, i)
            if needs_parent(resource):
                first = resource.parents[0]
                body[first.field] = (await make(self.api, who, first.resource))["id"]
            await self.create(resource.name, who, body)

    def baseline(self, resource: ResourceInfo) -> None:
        """Rows of the resource's table that exist before any seeding (the world's users), as
        the fixture made them."""
        table = getattr(tables, resource.table)
        engine = make_engine(self.api.world.url)
        with engine.connect() as conn:
            for found in conn.execute(sa.select(table)).mappings():
                row: dict[str, Any] = {f: found.get(f) for f in resource.fields}
                row.update(_resource=resource.name, deleted=False)
                row.setdefault("created_by", None)
                self.store.rows[found["id"]] = row
        engine.dispose()

    def spread_read_only_times(self, resource: ResourceInfo, seed: int) -> None:
        """created_at / updated_at and the other read-only date-time columns the list sorts or
        filters by, set by direct SQL to a spread with ties (and NULLs where nullable)."""
        rng = random.Random(seed)
        rows = self.store.of(resource)
        columns = {"created_at", "updated_at"} & set(resource.fields)
        columns |= {
            c
            for c in {*resource.sortable, *(f.column for f in resource.filters)}
            if c in resource.read_only and is_temporal(resource, c) and c != "deleted_at"
        }
        for row, (created, updated) in zip(rows, spread_times(rng, len(rows)), strict=True):
            row["created_at"], row["updated_at"] = created, updated
        for name in sorted(columns - {"created_at", "updated_at"}):
            for k, row in enumerate(rows):
                value = (
                    rows[k - 1][name]
                    if k % 5 == 2
                    else row["created_at"]
                    + timedelta(days=rng.randrange(40), microseconds=rng.randrange(10**6))
                )
                row[name] = None if name in resource.nullable and k % 4 == 3 else value
            if isinstance(column(resource, name).type, sa.Date):
                for row in rows:
                    row[name] = None if row[name] is None else row[name].date()
        set_columns(self.api, getattr(tables, resource.table), rows, sorted(columns))


async def seed(api: Api, resource: ResourceInfo) -> tuple[Store, Seeder]:
    store = Store()
    seeder = Seeder(api, store)
    if "created_by" not in resource.fields:
        seeder.baseline(resource)
    await seeder.seed(resource)
    seeder.spread_read_only_times(resource, seed=len(resource.name))
    return store, seeder


# --- the checks ---------------------------------------------------------------------------------


async def check_sorting(api: Api, resource: ResourceInfo, visible: list[dict[str, Any]]) -> None:
    who = caller(resource)
    assert set(list_parameters(resource)["sort_by"]["enum"]) == set(resource.sortable)
    for sort_by in resource.sortable:
        values = [r[sort_by] for r in visible]
        assert len({v for v in values if v is not None}) >= 2, sort_by  # non-vacuous
        for order in ("asc", "desc"):
            items = await get_all(api, resource, {"sort_by": sort_by, "sort_order": order}, who)
            expected = ordered(visible, sort_by, order == "desc")
            assert item_ids(items) == ids(expected), (resource.name, sort_by, order)


def bounds(values: list[Any]) -> list[Any]:
    values = sorted(set(values))
    return sorted({values[0], values[len(values) // 4], values[(3 * len(values)) // 4], values[-1]})


def filter_cases(
    store: Store, seeder: Seeder, resource: ResourceInfo
) -> list[tuple[dict[str, str], Any]]:
    """(query, predicate) for every filter of `ResourceInfo.filters`."""
    params = list_parameters(resource)
    rows = store.of(resource)
    me = seeder.person(caller(resource))
    cases: list[tuple[dict[str, str], Any]] = []
    refs = {r.field: r for r in resource.references}
    by_column: dict[str, list[ListFilter]] = {}
    for f in resource.filters:
        by_column.setdefault(f.column, []).append(f)
    for name, filters in by_column.items():
        ranges = {f.op: f.param for f in filters if f.op != "="}
        for f in filters:
            if f.op != "=":
                continue
            schema_ = params[f.param]
            candidates: list[Any]
            if "enum" in schema_:
                candidates = list(schema_["enum"])
            elif name in refs and refs[name].resource == "User":
                candidates = [seeder.person(p).id for p in ("alice", "bob", "admin")]
            elif name in refs:  # a record: those the caller may name
                candidates = [
                    e["id"] for e in seeder.pools.get(refs[name].resource, []) if store.sees(me, e)
                ]
            elif schema_.get("type") == "boolean":
                candidates = [True, False]
            else:
                candidates = sorted({r[name] for r in rows if r[name] is not None}, key=str)
            assert candidates, f.param
            for value in candidates:
                text = query_text(value)
                cases.append(
                    (
                        {f.param: text},
                        lambda r, n=name, t=text: r[n] is not None and query_text(r[n]) == t,
                    )
                )
        if not ranges:
            continue
        values = [r[name] for r in rows if r[name] is not None]
        assert len(set(values)) >= 3, name  # non-vacuous
        after, before = ranges.get(">="), ranges.get("<")
        for bound in bounds(values):
            text = query_text(bound)
            if after:
                cases.append(
                    ({after: text}, lambda r, n=name, b=bound: r[n] is not None and r[n] >= b)
                )
            if before:
                cases.append(
                    ({before: text}, lambda r, n=name, b=bound: r[n] is not None and r[n] < b)
                )
        if after and before:
            lo, hi = bounds(values)[1], bounds(values)[-1]
            cases.append(
                (
                    {after: query_text(lo), before: query_text(hi)},
                    lambda r, n=name, a=lo, b=hi: r[n] is not None and a <= r[n] < b,
                )
            )
    names = {k for query, _ in cases for k in query}
    assert names == set(params) - NOT_FILTERS, "every filter parameter of the spec is tested"
    return cases


async def check_filters(
    api: Api, store: Store, seeder: Seeder, resource: ResourceInfo, visible: list[dict[str, Any]]
) -> None:
    who = caller(resource)
    nonempty = partial = 0
    for query, predicate in filter_cases(store, seeder, resource):
        expected = default_order([r for r in visible if predicate(r)], resource)
        page = await get_page(
            api, resource, {**query, "include_total": True, "limit": MAX_LIMIT}, who
        )
        assert item_ids(page["items"]) == ids(expected), (resource.name, query)
        assert page["total"] == len(expected), (resource.name, query)
        nonempty += bool(expected)
        partial += 0 < len(expected) < len(visible)
    assert nonempty >= 3, (nonempty, partial)
    assert partial >= 3, (nonempty, partial)

    # a record filter naming a record the caller cannot see is a 404 (as the children list
    # asking the same question), naming the parameter
    if who == "alice":
        me = seeder.person(who)
        for ref in resource.references:
            param = next(
                (f.param for f in resource.filters if f.column == ref.field and f.op == "="), None
            )
            if param is None or not ref.parent:
                continue
            hidden = next(e for e in seeder.pools[ref.resource] if not store.sees(me, e))
            response = await api.client.get(
                url(resource), params={param: str(hidden["id"])}, headers=await api.login(who)
            )
            body = assert_error(response, 404)
            paths = [(e["in"], e["path"]) for e in body["details"]["errors"]]
            assert paths == [("query", f"/{param}")], (resource.name, param)


async def check_q(api: Api, resource: ResourceInfo, visible: list[dict[str, Any]]) -> None:
    who = caller(resource)
    sizes: dict[str, int] = {}
    for q in Q_CASES:
        expected = default_order([r for r in visible if matches_q(r, q, resource)], resource)
        page = await get_page(
            api, resource, {"q": q, "include_total": True, "limit": MAX_LIMIT}, who
        )
        assert item_ids(page["items"]) == ids(expected), (resource.name, q)
        assert page["total"] == len(expected)
        sizes[q] = len(expected)
    # the wildcards are literal: they match some rows, not all
    for q in ("%", "_", "a_b"):
        assert 0 < sizes[q] < len(visible), (resource.name, q, sizes)
    assert sizes["A_B"] == sizes["a_b"]
    assert sizes["no such text"] == 0


async def check_children(api: Api, store: Store, seeder: Seeder, resource: ResourceInfo) -> int:
    """Every children list of the resource, for every pool parent: the model's children the
    caller sees, or 404 for a parent the caller cannot see. Answers the number of lists."""
    who = caller(resource)
    me = seeder.person(who)
    headers = await api.login(who)
    checked = nonempty = 0
    for route in routes("list_children", resource=resource.name):
        field_ = route.op.parent
        assert field_ is not None
        parent = next(p for p in resource.parents if p.field == field_)
        for entry in seeder.pools[parent.resource]:
            if not store.sees(me, entry):
                response = await api.client.get(route.url(str(entry["id"])), headers=headers)
                assert_error(response, 404)
                continue
            expected = default_order(
                [r for r in store.visible(me, resource) if r[field_] == entry["id"]], resource
            )
            response = await api.client.get(
                route.url(str(entry["id"])),
                params={"limit": MAX_LIMIT, "include_total": True},
                headers=headers,
            )
            assert response.status_code == 200, response.text
            page = response.json()
            assert item_ids(page["items"]) == ids(expected), (route.path, entry["id"])
            assert page["total"] == len(expected)
            checked += 1
            nonempty += bool(expected)
        assert nonempty, route.path
    return checked


# --- the test -----------------------------------------------------------------------------------


@pytest.mark.parametrize("resource", LISTED, ids=lambda r: r.name)
async def test_every_list_matches_the_model(api: Api, resource: ResourceInfo) -> None:
    store, seeder = await seed(api, resource)
    me = seeder.person(caller(resource))
    visible = store.visible(me, resource)
    everything = [r for r in store.of(resource) if r["tenant_id"] == me.tenant_id]
    # non-vacuous: the caller sees some of the tenant's records, not all
    assert 5 <= len(visible) <= MAX_LIMIT
    if resource.visibility in ("owner", "parent"):
        assert len(visible) < len([r for r in everything if not r["deleted"]])
    page = await get_page(
        api, resource, {"include_total": True, "limit": MAX_LIMIT}, caller(resource)
    )
    assert item_ids(page["items"]) == ids(default_order(visible, resource))
    assert page["total"] == len(visible)

    assert_visibility_is_exercised(store, me, resource)

    await check_sorting(api, resource, visible)
    await check_filters(api, store, seeder, resource, visible)
    await check_q(api, resource, visible)
    await check_children(api, store, seeder, resource)


def assert_visibility_is_exercised(store: Store, me: Person, resource: ResourceInfo) -> None:
    """The seed holds a record for each rule of the model, so each could fail."""
    rows = [r for r in store.of(resource) if r["tenant_id"] == me.tenant_id]
    seen = [r for r in rows if store.sees(me, r)]
    hidden = [r for r in rows if not store.sees(me, r)]
    if resource.visibility == "owner":
        assert any(r["created_by"] == me.id for r in seen)
        assert any(r["created_by"] != me.id for r in seen) == ("assign" in resource.operations)
        assert hidden
        return
    if resource.visibility != "parent":
        return

    def parent_of(r: dict[str, Any]) -> dict[str, Any] | None:
        f = next((p.field for p in resource.parents if r.get(p.field) is not None), None)
        return None if f is None else store.rows[r[f]]

    with_parent = [(r, p) for r in rows if (p := parent_of(r)) is not None]
    # visible through a parent created by someone else
    assert any(store.sees(me, p) and r["created_by"] != me.id for r, p in with_parent)
    # hidden under a parent the caller cannot see
    assert any(not store.sees(me, p) and r in hidden for r, p in with_parent)
    # visible through a parent that is itself visible only through its own parent
    if any(RESOURCES[p.resource].visibility == "parent" for p in resource.parents):
        assert any(
            store.sees(me, p)
            and me.id not in (p["created_by"], p.get("assigned_to"))
            and r["created_by"] != me.id
            for r, p in with_parent
        )
    if any("assign" in RESOURCES[p.resource].operations for p in resource.parents):
        # the caller's own record under a parent taken away from them: hidden
        assert any(r in hidden and r["created_by"] == me.id for r, p in with_parent)
    if "assigned_to" in resource.fields:  # visible to the assignee under a hidden parent
        assert any(not store.sees(me, p) and r["assigned_to"] == me.id for r, p in with_parent)
    if not needs_parent(resource):  # no parent: the creator's
        assert any(parent_of(r) is None and r["created_by"] == me.id for r in seen)
        assert any(parent_of(r) is None and r["created_by"] != me.id for r in hidden)


def test_every_listed_resource_is_parametrised() -> None:
    assert {r.name for r in LISTED} == {
        r.name for r in RESOURCES.values() if "list" in r.operations
    }
    assert all(r.path for r in LISTED)
