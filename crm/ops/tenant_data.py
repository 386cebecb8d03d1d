"""`crm tenant export SLUG` and `crm tenant delete SLUG`: one tenant's data, and only theirs.

Every tenant table carries `tenant_id` (docs/architecture.md, Keys), so one tenant is the rows
`WHERE tenant_id = :tenant` of each such table, plus its `tenants` row. The tables come from
the generated metadata in dependency order, so a new entity is exported and deleted without
editing this file.

Export: JSON lines. The first line describes the export (`{"export": {...}}`: tenant, time,
row counts per table); then one `{"table": ..., "row": {...}}` per row, parents before
children, ids and times as strings. Deleting runs children first, in one transaction: the
tenant is gone completely or not at all.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

import orjson
import sqlalchemy as sa

from generated import tables

Progress = Callable[[int, int], None]


class TenantNotFound(Exception):
    pass


def tenant_tables() -> list[sa.Table]:
    """Every table holding tenant rows, parents before children (the tenants table excluded)."""
    return [t for t in tables.metadata.sorted_tables if "tenant_id" in t.c]


def find_tenant(conn: sa.Connection, slug: str) -> dict[str, Any]:
    tenants = tables.tenants
    row = conn.execute(sa.select(tenants).where(tenants.c.slug == slug)).mappings().first()
    if row is None:
        raise TenantNotFound(f"There is no tenant with slug {slug!r}.")
    return {str(k): v for k, v in row.items()}


def counts(conn: sa.Connection, tenant_id: uuid.UUID) -> dict[str, int]:
    return {
        str(table.name): conn.execute(
            # scope-ok: operator tool, one whole tenant by its id
            sa.select(sa.func.count()).select_from(table).where(table.c.tenant_id == tenant_id)
        ).scalar_one()
        for table in tenant_tables()
    }


def export(conn: sa.Connection, slug: str, out: TextIO, progress: Progress) -> dict[str, int]:
    """Write tenant `slug` as JSON lines to `out`; the rows written per table."""
    tenant = find_tenant(conn, slug)
    per_table = {"tenants": 1, **counts(conn, tenant["id"])}
    total = sum(per_table.values())
    header = {
        "export": {
            "tenant": {"id": tenant["id"], "slug": slug},
            "exported_at": datetime.now(UTC),
            "rows": per_table,
        }
    }
    out.write(_line(header))
    out.write(_line({"table": "tenants", "row": tenant}))
    done = 1
    progress(done, total)
    for table in tenant_tables():
        for row in _rows(conn, table, tenant["id"]):
            out.write(_line({"table": str(table.name), "row": row}))
            done += 1
            if done % 500 == 0 or done == total:
                progress(done, total)
    progress(total, total)
    return per_table


def delete(conn: sa.Connection, slug: str) -> dict[str, int]:
    """Delete tenant `slug` and every row of theirs, on `conn`'s transaction; rows per table."""
    tenant = find_tenant(conn, slug)
    deleted: dict[str, int] = {}
    for table in reversed(tenant_tables()):  # children before parents
        # scope-ok: operator tool, one whole tenant by its id
        result = conn.execute(sa.delete(table).where(table.c.tenant_id == tenant["id"]))
        deleted[str(table.name)] = result.rowcount
    tenants = tables.tenants
    deleted["tenants"] = conn.execute(
        sa.delete(tenants).where(tenants.c.id == tenant["id"])
    ).rowcount
    return deleted


def default_export_path(slug: str, now: datetime | None = None) -> Path:
    now = now or datetime.now(UTC)
    return Path(f"tenant-{slug}-{now.strftime('%Y%m%dT%H%M%SZ')}.jsonl")


def _rows(conn: sa.Connection, table: sa.Table, tenant_id: Any) -> Iterator[dict[str, Any]]:
    primary = list(table.primary_key.columns)
    # scope-ok: operator tool, one whole tenant by its id
    statement = sa.select(table).where(table.c.tenant_id == tenant_id).order_by(*primary)
    for row in conn.execution_options(yield_per=1000).execute(statement).mappings():
        yield {str(k): v for k, v in row.items()}  # orjson takes exact str keys only


def _line(value: Any) -> str:
    return orjson.dumps(value, default=_default, option=orjson.OPT_UTC_Z).decode() + "\n"


def _default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date | datetime | uuid.UUID):
        return str(value)
    raise TypeError(type(value).__name__)
