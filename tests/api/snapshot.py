"""Read the database under test directly (not through the API): every table, row by row.

Used to prove that an operation changed exactly what it should (bulk, purge) or nothing at
all (a failure forced half-way through a unit of work).
"""

from __future__ import annotations

import uuid
from typing import Any

import sqlalchemy as sa

from generated.tables import metadata
from tests.db.conftest import make_engine

Snapshot = dict[str, list[tuple[Any, ...]]]


def snapshot(url: str) -> Snapshot:
    """Every row of every table, sorted, as plain tuples."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            out: Snapshot = {}
            for table in metadata.sorted_tables:
                rows = conn.execute(sa.select(table)).all()
                out[table.name] = sorted((tuple(r) for r in rows), key=repr)
            return out
    finally:
        engine.dispose()


def rows(url: str, table: str, **where: Any) -> list[dict[str, Any]]:
    """The rows of `table` (matching `where`, by column equality), as dicts."""
    t = metadata.tables[table]
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            query = sa.select(t).where(*(t.c[k] == v for k, v in where.items()))
            return [dict(r._mapping) for r in conn.execute(query)]
    finally:
        engine.dispose()


def ids(url: str, table: str, **where: Any) -> set[str]:
    return {str(r["id"]) for r in rows(url, table, **where)}


def orphans(url: str) -> list[str]:
    """Every reference (column -> table.id) whose target row does not exist, as text."""
    engine = make_engine(url)
    found: list[str] = []
    try:
        with engine.connect() as conn:
            for table in metadata.sorted_tables:
                for fk in table.foreign_key_constraints:
                    cols = [c for c in fk.columns if c.name != "tenant_id"]
                    target = fk.referred_table
                    for col in cols:
                        present = {r[0] for r in conn.execute(sa.select(target.c.id))}
                        for (value,) in conn.execute(sa.select(col).where(col.is_not(None))):
                            if value not in present:
                                found.append(f"{table.name}.{col.name}={value}")
    finally:
        engine.dispose()
    return found


def as_uuid(value: str) -> uuid.UUID:
    return uuid.UUID(value)
