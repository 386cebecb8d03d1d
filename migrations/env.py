"""Alembic environment: the target is the generated tables, the URL comes from DATABASE_URL.

- `DATABASE_URL` (default `sqlite:///crm.sqlite3`); a caller may instead pass a ready
  connection in `config.attributes["connection"]` (the tests do).
- SQLite runs in batch mode (`render_as_batch`): it cannot ALTER most things in place.
- `compare_type=True`, and Alembic's opt-in `checkconstraint_byname` plugin so CHECK constraints
  are compared by name. Alembic never compares CHECK text or partial-index predicates, which is
  why generated/tables.py puts a content hash into those names: a changed rule is a new name,
  and shows up as drop + add.
- SQLite enforces foreign keys only with `PRAGMA foreign_keys=ON`, which the application turns on.
  Migrations run with it OFF and end with `PRAGMA foreign_key_check` (an error if any row is left
  dangling): batch mode rebuilds a table by copy, DROP and RENAME, and with foreign keys on, that
  DROP fires the ON DELETE actions of every row referencing it (CASCADE would empty its children,
  RESTRICT would refuse). This is SQLite's documented procedure for changing a table; the PRAGMA
  only takes effect outside a transaction, so it is set before the migrations' transaction begins
  (pysqlite opens one at the first INSERT/UPDATE/DELETE, not at BEGIN), and a caller passing its
  own connection must not have written on it yet. The connection is left with foreign keys off:
  every caller (crm migrate, the tests, the engine made here) discards it afterwards.
"""

from __future__ import annotations

import os
from logging.config import fileConfig
from typing import Any

from alembic import context
from sqlalchemy import create_engine, pool
from sqlalchemy.engine import Connection

from generated.tables import metadata

config = context.config
if config.config_file_name is not None and config.attributes.get("configure_logger", True):
    fileConfig(config.config_file_name, disable_existing_loggers=False)

target_metadata = metadata
DEFAULT_URL = "sqlite:///crm.sqlite3"
AUTOGENERATE_PLUGINS = ["alembic.autogenerate.*", "alembic.ext.checkconstraint_byname"]


def database_url() -> str:
    return os.environ.get("DATABASE_URL") or DEFAULT_URL


def _options(dialect_name: str) -> dict[str, Any]:
    return {
        "target_metadata": target_metadata,
        "render_as_batch": dialect_name == "sqlite",
        "compare_type": True,
        "autogenerate_plugins": AUTOGENERATE_PLUGINS,
    }


def run_migrations_offline() -> None:
    url = database_url()
    context.configure(
        url=url,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
        **_options(url.split(":", 1)[0].split("+", 1)[0]),
    )
    with context.begin_transaction():
        context.run_migrations()


def _run(connection: Connection) -> None:
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
    context.configure(connection=connection, **_options(connection.dialect.name))
    with context.begin_transaction():
        context.run_migrations()
        if sqlite:
            dangling = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if dangling:
                raise RuntimeError(f"migration left rows referencing nothing: {dangling[:10]}")


def run_migrations_online() -> None:
    given = config.attributes.get("connection")
    if given is not None:
        _run(given)
        return
    engine = create_engine(database_url(), poolclass=pool.NullPool)
    try:
        with engine.begin() as connection:  # one transaction, committed here
            _run(connection)
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
