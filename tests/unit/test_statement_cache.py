"""The statements kept between requests: one INSERT per set of columns, and bounded caches."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from crm import db, statements
from generated.python.resources import RESOURCES

LEAD = RESOURCES["Lead"]


def _sql(query: db.Query) -> str:
    return str(query.build().compile(dialect=sa.dialects.postgresql.dialect()))


def test_one_insert_per_set_of_columns_whatever_their_order() -> None:
    first = statements.insert(LEAD, ["name", "email", "status"])
    again = statements.insert(LEAD, ["status", "name", "email"])
    assert again is first
    # the kept one is the one a fresh build makes
    fresh = statements._insert(LEAD, ["status", "email", "name"])
    assert fresh.key == first.key
    assert _sql(fresh) == _sql(first)
    other = statements.insert(LEAD, ["name", "email"])
    assert other.key != first.key
    assert "status" not in other.key[2]


def test_the_insert_cache_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(statements, "_inserts", {})
    monkeypatch.setattr(statements, "_INSERTS_MAX", 3)
    fields = ["name", "email", "phone", "city", "status"]
    for n in range(1, len(fields) + 1):
        query = statements.insert(LEAD, fields[:n])
        assert len(statements._inserts) <= 3
        assert query.key == statements._insert(LEAD, fields[:n]).key


def test_the_compiled_statements_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(db, "COMPILED_MAX", 2)
    database = db.SqliteDatabase(":memory:")
    fields = ["name", "email", "phone", "city"]
    for n in range(1, len(fields) + 1):
        query = statements._insert(LEAD, fields[:n])
        compiled = database.compile(query)
        assert len(database._compiled) <= 2
        assert compiled.sql == database.compile(statements._insert(LEAD, fields[:n])).sql
