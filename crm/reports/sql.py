"""Portable SQL for reports: the arithmetic SQLite and PostgreSQL spell differently.

Each element compiles to the dialect's own SQL, so a report's statement is written once:

    epoch_ms(ts)         whole milliseconds since 1970 of a timestamp (durations, exactly)
    cents(money)         an amount as whole cents (sums of money are exact integers)
    days_between(a, b)   b - a in whole days, for two DATE columns
    year_month(d)        'YYYY-MM' of a DATE column

SQLite stores timestamps as `YYYY-MM-DD HH:MM:SS.ffffff` text (crm/db.py) and amounts as
REAL; PostgreSQL as timestamptz and numeric. Sums are taken over integers on both, so a
total never depends on floating-point order.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement


class epoch_ms(FunctionElement[int]):
    type = sa.BigInteger()
    name = "epoch_ms"
    inherit_cache = True


class cents(FunctionElement[int]):
    type = sa.BigInteger()
    name = "cents"
    inherit_cache = True


class days_between(FunctionElement[int]):
    type = sa.Integer()
    name = "days_between"
    inherit_cache = True


class year_month(FunctionElement[str]):
    type = sa.String()
    name = "year_month"
    inherit_cache = True


def _args(element: FunctionElement[Any], compiler: SQLCompiler, **kw: Any) -> list[str]:
    return [compiler.process(arg, **kw) for arg in element.clauses]


@compiles(epoch_ms, "postgresql")
def _epoch_ms_pg(element: epoch_ms, compiler: SQLCompiler, **kw: Any) -> str:
    (ts,) = _args(element, compiler, **kw)
    return f"CAST(FLOOR(EXTRACT(EPOCH FROM {ts}) * 1000) AS BIGINT)"


@compiles(epoch_ms, "sqlite")
def _epoch_ms_sqlite(element: epoch_ms, compiler: SQLCompiler, **kw: Any) -> str:
    (ts,) = _args(element, compiler, **kw)
    # whole seconds, plus the first three digits of the stored fraction (always six digits)
    return f"(CAST(strftime('%s', {ts}) AS INTEGER) * 1000 + CAST(substr({ts}, 21, 3) AS INTEGER))"


@compiles(cents, "postgresql")
def _cents_pg(element: cents, compiler: SQLCompiler, **kw: Any) -> str:
    (money,) = _args(element, compiler, **kw)
    return f"CAST({money} * 100 AS BIGINT)"


@compiles(cents, "sqlite")
def _cents_sqlite(element: cents, compiler: SQLCompiler, **kw: Any) -> str:
    (money,) = _args(element, compiler, **kw)
    return f"CAST(ROUND({money} * 100) AS INTEGER)"


@compiles(days_between, "postgresql")
def _days_pg(element: days_between, compiler: SQLCompiler, **kw: Any) -> str:
    a, b = _args(element, compiler, **kw)
    return f"({b} - {a})"


@compiles(days_between, "sqlite")
def _days_sqlite(element: days_between, compiler: SQLCompiler, **kw: Any) -> str:
    a, b = _args(element, compiler, **kw)
    return f"CAST(julianday({b}) - julianday({a}) AS INTEGER)"


@compiles(year_month, "postgresql")
def _year_month_pg(element: year_month, compiler: SQLCompiler, **kw: Any) -> str:
    (d,) = _args(element, compiler, **kw)
    return f"to_char({d}, 'YYYY-MM')"


@compiles(year_month, "sqlite")
def _year_month_sqlite(element: year_month, compiler: SQLCompiler, **kw: Any) -> str:
    (d,) = _args(element, compiler, **kw)
    return f"substr({d}, 1, 7)"


def lit(value: str | int) -> sa.ColumnElement[Any]:
    """A constant written into the statement (an enum label, a weight): crm.db sends only
    named parameters, and these never change between requests."""
    if isinstance(value, int):
        return sa.literal_column(str(value), sa.Integer())
    assert "'" not in value, value
    return sa.literal_column(f"'{value}'", sa.String())


def count_if(condition: sa.ColumnElement[bool]) -> sa.ColumnElement[int]:
    """How many rows meet `condition`: COUNT(*) FILTER (WHERE ...), which both databases
    count without evaluating a CASE per row (SQLite since 3.30)."""
    return sa.func.count().filter(condition)


def sum_if(
    condition: sa.ColumnElement[bool] | None, value: sa.ColumnElement[Any]
) -> sa.ColumnElement[int]:
    """The sum of `value` over the rows meeting `condition` (all rows when None); 0 over none."""
    total = sa.func.sum(value) if condition is None else sa.func.sum(value).filter(condition)
    return sa.func.coalesce(total, lit(0))
