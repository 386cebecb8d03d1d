"""crm.db.native_placeholders: SQLAlchemy's psycopg statement in PostgreSQL's `$n` form."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from crm.db import native_placeholders


def test_each_name_is_one_position_in_order_of_first_use() -> None:
    native, order = native_placeholders(
        "SELECT a FROM t WHERE x = %(x)s AND y = %(y)s OR x > %(x)s LIMIT %(n)s"
    )
    assert native == b"SELECT a FROM t WHERE x = $1 AND y = $2 OR x > $1 LIMIT $3"
    assert order == ["x", "y", "n"]


def test_an_escaped_percent_is_a_percent() -> None:
    native, order = native_placeholders("SELECT 'a%%b' LIKE %(q)s, 5 %% 3")
    assert native == b"SELECT 'a%b' LIKE $1, 5 % 3"
    assert order == ["q"]


def test_a_statement_sqlalchemy_compiled_keeps_every_parameter() -> None:
    t = sa.table("t", sa.column("a"), sa.column("b"))
    statement = (
        sa.select(t.c.a)
        .where(t.c.a == sa.bindparam("a_1"), t.c.b.like(sa.bindparam("p")))
        .where(sa.literal_column("'x%'") != sa.bindparam("a_1"))
    )
    sql = str(statement.compile(dialect=postgresql.psycopg.dialect()))  # type: ignore[no-untyped-call]
    native, order = native_placeholders(sql)
    assert order == ["a_1", "p"]
    assert b"%(" not in native
    assert b"$1" in native
    assert b"$2" in native
    assert b"'x%'" in native  # SQLAlchemy's `%%` in the literal is one `%` again
