"""Database fixtures: the same tests on SQLite and on the throwaway PostgreSQL server."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, pool

ROOT = Path(__file__).resolve().parents[2]
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def make_engine(url: str) -> Engine:
    """An engine for tests: no pooling; SQLite with foreign keys enforced."""
    engine = create_engine(url, poolclass=pool.NullPool)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _foreign_keys_on(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

    return engine


@contextmanager
def connect(url: str) -> Iterator[Connection]:
    """A transaction on a connection of its own, outside the app under test."""
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            yield conn
    finally:
        engine.dispose()


def alembic(engine: Engine, *args: str) -> None:
    """Run `alembic <upgrade|downgrade> <target>` or `alembic check` in-process on `engine`."""
    cfg = Config(str(ROOT / "alembic.ini"))
    cfg.set_main_option("script_location", str(ROOT / "migrations"))
    cfg.attributes["configure_logger"] = False
    verb, *rest = args
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        getattr(command, verb)(cfg, *rest)


def _empty_url(request: pytest.FixtureRequest, tmp_dir: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_dir / 'crm.sqlite3'}"
    create: Callable[..., str] = request.getfixturevalue("pg_create_database")
    return create()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database (one per test) on each backend."""
    return _empty_url(request, tmp_path)


@pytest.fixture(scope="module", params=BACKENDS)
def migrated_engine(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Engine]:
    """A database at `alembic upgrade head`, shared by a module's tests on each backend."""
    engine = make_engine(_empty_url(request, tmp_path_factory.mktemp("db")))
    alembic(engine, "upgrade", "head")
    yield engine
    engine.dispose()
