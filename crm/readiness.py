"""What `GET /api/ready` checks: the database answers, and its schema is at the latest migration.

`/api/health` is liveness (the process answers; a load balancer restarting workers because the
database blinked would make things worse); this is readiness: whether to send traffic here.
The expected revision is the head of `migrations/`, read once per process.
"""

from __future__ import annotations

import sqlite3
from functools import cache
from pathlib import Path

import psycopg
import sqlalchemy as sa
from alembic.script import ScriptDirectory

from crm.db import Database, Query
from crm.errors import ServiceUnavailable

MIGRATIONS = Path(__file__).resolve().parents[1] / "migrations"

_REVISIONS = Query(
    ("alembic_version",),
    lambda: sa.select(sa.column("version_num")).select_from(sa.table("alembic_version")),
)


@cache
def expected_revisions() -> frozenset[str]:
    return frozenset(ScriptDirectory(str(MIGRATIONS)).get_heads())


async def check(db: Database) -> None:
    """ServiceUnavailable unless the database answers at the latest migration."""
    await db.ping()
    try:
        rows = await db.fetch_all(_REVISIONS, {})
    except (sqlite3.Error, psycopg.Error):  # no alembic_version table: never migrated
        rows = []
    current = sorted(row["version_num"] for row in rows)
    expected = sorted(expected_revisions())
    if current != expected:
        raise ServiceUnavailable(
            "The database schema is not at the latest migration: run `crm migrate`.",
            {"database_revision": current, "expected_revision": expected},
        )
