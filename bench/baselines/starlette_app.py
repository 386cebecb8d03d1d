"""The raw reference of the load benchmark: bare Starlette + psycopg's async pool, same SQL.

    BENCH_TENANT_ID=... BENCH_USER_ID=... BENCH_SESSION_ID=... BENCH_ROLE=user \
    BENCH_WRITER_ID=... BENCH_WRITER_SESSION_ID=... BENCH_ADMIN_ID=... \
    BENCH_ADMIN_SESSION_ID=... DATABASE_URL=postgresql://... \
    uvicorn bench.baselines.starlette_app:app

What the API does per request minus the framework: no Connexion, no request validation, no
JWT (the caller's ids come from the environment: reads and updates as the bench user, creates
as the "writer", the tenant-wide list as the admin, as wrk sends them), no error mapping. What
it keeps, so the ratio measures the framework and nothing else: the SAME SQL, compiled once at
startup from the API's own statement builders (`crm.listing.page_query`, `count_query`,
`search_query`, `crm.statements.get`, `insert` and `update`, session guard included) and run
with the same parameters on a pool of the same size (10..25, autocommit, dict rows); the same
response bodies (orjson, UTC as Z, list pages with next_cursor when full, `{"data": row}`); a
new UUIDv7 and timestamps on create.

Routes: GET/POST /api/leads (limit, offset, include_total, status, q), GET /api/leads/all
(limit, offset; as the admin), GET/PATCH /api/leads/{id}, GET /api/search (q, limit).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

import orjson
from psycopg.rows import dict_row
from psycopg_pool import AsyncConnectionPool
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bench.load.spec import list_request
from crm import listing, statements
from crm.db import Query, open_database
from crm.ids import new_id
from crm.settings import Settings
from generated.python.resources import RESOURCES

LEAD = RESOURCES["Lead"]
CONNINFO = os.environ["DATABASE_URL"].replace("postgresql+psycopg://", "postgresql://")
SCOPE: dict[str, Any] = {
    "_tid": uuid.UUID(os.environ["BENCH_TENANT_ID"]),
    "_uid": uuid.UUID(os.environ["BENCH_USER_ID"]),
    "_sid": uuid.UUID(os.environ["BENCH_SESSION_ID"]),
    "_role": os.environ.get("BENCH_ROLE", "user"),
}
# creates are sent as another user of the tenant (the benchmark's "writer"), as the API sees them
WRITER = {
    **SCOPE,
    "_uid": uuid.UUID(os.environ.get("BENCH_WRITER_ID", os.environ["BENCH_USER_ID"])),
    "_sid": uuid.UUID(os.environ.get("BENCH_WRITER_SESSION_ID", os.environ["BENCH_SESSION_ID"])),
}
# the tenant-wide list (/api/leads/all) is the admin's
ADMIN = {
    **SCOPE,
    "_uid": uuid.UUID(os.environ.get("BENCH_ADMIN_ID", os.environ["BENCH_USER_ID"])),
    "_sid": uuid.UUID(os.environ.get("BENCH_ADMIN_SESSION_ID", os.environ["BENCH_SESSION_ID"])),
    "_role": "admin",
}
SETTINGS = Settings.from_env({"DATABASE_URL": CONNINFO})  # the API's pool sizes and timeout
pool = AsyncConnectionPool(
    CONNINFO,
    min_size=SETTINGS.db_pool_min,
    max_size=SETTINGS.db_pool_max,
    timeout=SETTINGS.db_pool_timeout,
    max_lifetime=3600.0,
    kwargs={"autocommit": True, "row_factory": dict_row},
    open=False,
)
_compiler = open_database(SETTINGS)  # the API's Database, used only for compile(); never opened


def sql(query: Query) -> str:
    return _compiler.compile(query).sql


def _list_sql(filters: dict[str, Any], visible: bool = True) -> tuple[str, str]:
    request = list_request(LEAD, "/leads", **filters)
    page = sql(listing.page_query(LEAD, request, visible=visible))
    return page, sql(listing.count_query(LEAD, request, visible=visible))


PAGE, COUNT = _list_sql({})
PAGE_STATUS, COUNT_STATUS = _list_sql({"status": "new"})
PAGE_Q, COUNT_Q = _list_sql({"q": "x"})
PAGE_ALL, _ = _list_sql({}, visible=False)
GET = sql(statements.get(LEAD, visible=True))
SEARCHED = tuple(r for r in RESOURCES.values() if r.global_search)
SEARCH = [(r, sql(listing.search_query(r, visible=True))) for r in SEARCHED]
_updates: dict[tuple[str, ...], str] = {}
_inserts: dict[tuple[str, ...], str] = {}


def insert_sql(columns: tuple[str, ...]) -> str:
    if columns not in _inserts:
        _inserts[columns] = sql(statements.insert(LEAD, list(columns)))
    return _inserts[columns]


def update_sql(columns: tuple[str, ...]) -> str:
    if columns not in _updates:
        _updates[columns] = sql(statements.update(LEAD, list(columns), visible=True))
    return _updates[columns]


def json(payload: Any, status: int = 200) -> Response:
    body = orjson.dumps(payload, option=orjson.OPT_UTC_Z)
    return Response(body, status_code=status, media_type="application/json")


async def fetch(statement: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    async with pool.connection() as conn:
        cursor = await conn.execute(statement, params)  # type: ignore[arg-type]
        return await cursor.fetchall()


def next_cursor(rows: list[dict[str, Any]], limit: int) -> str | None:
    if len(rows) < limit:
        return None
    return str(rows[-1]["id"])  # a cursor is the id of the last row (crm/listing.py)


async def leads(request: Request) -> Response:
    if request.method == "POST":
        values = orjson.loads(await request.body())
        now = datetime.now(UTC)
        params = {**WRITER, **values, "id": new_id(), "created_at": now, "updated_at": now}
        rows = await fetch(insert_sql(tuple(values)), params)
        return json({"data": rows[0]}, 201)
    query = request.query_params
    limit, offset = int(query.get("limit", 25)), int(query.get("offset", 0))
    params = {**SCOPE, "limit": limit, "offset": offset}
    page, count = PAGE, COUNT
    if "status" in query:
        page, count, params["f_status"] = PAGE_STATUS, COUNT_STATUS, query["status"]
    elif "q" in query:
        page, count, params["q"] = PAGE_Q, COUNT_Q, listing.like_pattern(query["q"])
    params["window"], params["window_offset"] = limit + offset, 0
    items = await fetch(page, params)
    body: dict[str, Any] = {"items": items, "limit": limit, "offset": offset}
    if query.get("include_total") == "true":
        body["total"] = (await fetch(count, params))[0]["total"]
    cursor = next_cursor(items, limit)
    if cursor is not None:
        body["next_cursor"] = cursor
    return json(body)


async def all_leads(request: Request) -> Response:
    query = request.query_params
    limit, offset = int(query.get("limit", 25)), int(query.get("offset", 0))
    items = await fetch(PAGE_ALL, {**ADMIN, "limit": limit, "offset": offset})
    body: dict[str, Any] = {"items": items, "limit": limit, "offset": offset}
    cursor = next_cursor(items, limit)
    if cursor is not None:
        body["next_cursor"] = cursor
    return json(body)


async def search(request: Request) -> Response:
    q, limit = request.query_params["q"], int(request.query_params.get("limit", 5))
    params = {**SCOPE, "q": listing.like_pattern(q), "limit": limit + 1, "offset": 0}
    groups = []
    for resource, statement in SEARCH:
        rows = await fetch(statement, params)
        items = []
        for row in rows[:limit]:
            field = next(f for f in resource.searchable if row[f"m_{f}"])
            first = row[resource.searchable[0]]
            items.append(
                {
                    "id": row["id"],
                    "label": first if first is not None else "",
                    "field": field,
                    "text": row[field],
                }
            )
        groups.append(
            {
                "type": resource.name,
                "path": resource.path,
                "items": items,
                "has_more": len(rows) > limit,
            }
        )
    return json({"data": {"q": q, "groups": groups}})


async def lead(request: Request) -> Response:
    if request.method == "PATCH":
        values = orjson.loads(await request.body())
        params = {**SCOPE, **values, "id": request.path_params["id"], "_now": datetime.now(UTC)}
        rows = await fetch(update_sql(tuple(sorted(values))), params)
    else:
        rows = await fetch(GET, {**SCOPE, "id": request.path_params["id"]})
    if not rows:
        return json({"error": "There is no such record, or you cannot see it."}, 404)
    return json({"data": rows[0]})


@asynccontextmanager
async def lifespan(app: Starlette) -> AsyncIterator[None]:
    await pool.open(wait=True)
    yield
    await pool.close()


app = Starlette(
    routes=[
        Route("/api/leads", leads, methods=["GET", "POST"]),
        Route("/api/leads/all", all_leads, methods=["GET"]),
        Route("/api/leads/{id}", lead, methods=["GET", "PATCH"]),
        Route("/api/search", search, methods=["GET"]),
    ],
    lifespan=lifespan,
)
