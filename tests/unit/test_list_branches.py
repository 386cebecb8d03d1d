"""A merged list (owner visibility read as disjoint branches, UNION ALL) is the OR's list.

`crm.listing` reads a user's list of an owner-visible resource as two ordered, limited
branches (created by the user; assigned to them and created by someone else) merged in SQL.
Here its pages are compared, on both databases, with an independent computation in Python
over every row of the tenant: the rows the user created or is assigned, live, sorted by the
sort field (NULLs last) then id, sliced by offset and limit. Random data with the overlaps
that matter: leads both created by and assigned to the user, unassigned leads, equal sort
values, NULL sources, trashed rows, another tenant's rows.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from crm import listing
from crm.listing import ListRequest
from generated import tables
from generated.python.resources import RESOURCES

LEAD = RESOURCES["Lead"]
BASE = {"limit": 7, "offset": 0, "sort_by": "created_at", "sort_order": "desc"}


def _seed(engine: sa.Engine) -> dict[str, Any]:
    rng = random.Random(12)
    now = datetime(2026, 11, 27, tzinfo=UTC)
    tenants = [uuid.uuid4(), uuid.uuid4()]
    users = {t: [uuid.uuid4() for _ in range(3)] for t in tenants}
    sessions = {u: uuid.uuid4() for t in tenants for u in users[t]}
    with engine.begin() as conn:
        for t in tenants:
            conn.execute(
                tables.tenants.insert(),
                {"id": t, "name": "T", "slug": str(t)[:8], "is_active": True},
            )
            for n, u in enumerate(users[t]):
                conn.execute(
                    tables.users.insert(),
                    {"id": u, "tenant_id": t, "email": f"{n}@{t}.x", "role": "user",
                     "is_active": True, "password_hash": "x"},
                )  # fmt: skip
                conn.execute(
                    tables.auth_sessions.insert(),
                    {"id": sessions[u], "tenant_id": t, "user_id": u,
                     "expires_at": now + timedelta(days=1)},
                )  # fmt: skip
        rows = []
        for i in range(240):
            t = tenants[i % 5 == 0]
            created = now - timedelta(hours=rng.randrange(60))  # many equal created_at
            rows.append(
                {
                    "id": uuid.uuid4(),
                    "tenant_id": t,
                    "name": rng.choice(["Ada", "Bob", "Cy", "Dee"]),
                    "phone_label": "work",
                    "status": rng.choice(["new", "contacted", "lost"]),
                    "source": rng.choice(["Website", "Referral", None]),
                    "created_by": rng.choice(users[t]),
                    "assigned_to": rng.choice([*users[t], None]),
                    "created_at": created,
                    "updated_at": created + timedelta(minutes=rng.randrange(3)),
                    "deleted_at": now if rng.random() < 0.1 else None,
                }
            )
        conn.execute(tables.leads.insert(), rows)
    return {"tenant": tenants[0], "users": users[tenants[0]], "sessions": sessions, "rows": rows}


def _expected(data: dict[str, Any], user: uuid.UUID, request: ListRequest) -> list[uuid.UUID]:
    mine = [
        r
        for r in data["rows"]
        if r["tenant_id"] == data["tenant"]
        and r["deleted_at"] is None
        and user in (r["created_by"], r["assigned_to"])
        and all(r[c] == v for c, _, v in request.filters)
    ]
    present = [r for r in mine if r[request.sort_by] is not None]
    absent = [r for r in mine if r[request.sort_by] is None]
    present.sort(key=lambda r: (r[request.sort_by], r["id"]), reverse=request.descending)
    absent.sort(key=lambda r: r["id"], reverse=request.descending)
    ordered = [r["id"] for r in present + absent]  # NULLs last in both directions
    return ordered[request.offset : request.offset + request.limit]


@pytest.fixture(params=["sqlite", "postgres"])
def database(
    request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[tuple[sa.Engine, dict[str, Any]]]:
    if request.param == "sqlite":
        engine = sa.create_engine(f"sqlite:///{tmp_path / 'lists.sqlite3'}")
    else:
        create: Callable[..., str] = request.getfixturevalue("pg_create_database")
        engine = sa.create_engine(create())
        with engine.begin() as conn:
            conn.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
            conn.execute(sa.text("CREATE EXTENSION IF NOT EXISTS btree_gin"))
    tables.metadata.create_all(engine)
    try:
        yield engine, _seed(engine)
    finally:
        engine.dispose()


def test_the_user_list_is_merged_from_two_branches() -> None:
    request = ListRequest.parse(LEAD, BASE)
    sql = str(listing.page_query(LEAD, request, visible=True).build())
    assert "UNION ALL" in sql
    assert sql.count("leads.created_by IS DISTINCT FROM") == 1


@pytest.mark.postgres
def test_merged_pages_are_the_owner_rule_pages(database: tuple[sa.Engine, dict[str, Any]]) -> None:
    engine, data = database
    compared = 0
    with engine.connect() as conn:
        for user in data["users"]:
            scope = {"_tid": data["tenant"], "_uid": user, "_sid": data["sessions"][user],
                     "_role": "user"}  # fmt: skip
            for sort_by in LEAD.sortable:
                for order in ("asc", "desc"):
                    for offset in (0, 7, 30):
                        for extra in ({}, {"status": "new"}):
                            params = {**BASE, "sort_by": sort_by, "sort_order": order,
                                      "offset": offset, **extra}  # fmt: skip
                            request = ListRequest.parse(LEAD, params)
                            statement = listing.page_query(LEAD, request, visible=True).build()
                            got = [
                                r.id for r in conn.execute(statement, {**scope, **request.params()})
                            ]
                            assert got == _expected(data, user, request), (user, params)
                            count = listing.count_query(LEAD, request, visible=True).build()
                            total = conn.execute(count, {**scope, **request.params()}).scalar()
                            everything = {**request.__dict__, "offset": 0, "limit": 10**6}
                            assert total == len(_expected(data, user, ListRequest(**everything)))
                            compared += 1
    assert compared == 3 * len(LEAD.sortable) * 2 * 3 * 2
