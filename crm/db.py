"""Execute SQLAlchemy Core statements, compiled once per shape, with the bare drivers.

SQLAlchemy defines the tables (`generated/tables.py`) and builds the statements; it does not
execute them. Its execution layer costs 0.7-1.0 ms per request even with statements built once
(docs/architecture.md, "The hot path"), so this module compiles a statement once per dialect
and runs the SQL string with psycopg 3's async pool (PostgreSQL) or the standard `sqlite3`
driver (SQLite).

```
Query(key, build)        a statement shape: `build()` runs once per process and dialect
Database                 fetch_all / fetch_one / execute / transaction()
 ├── PostgresDatabase    psycopg AsyncConnectionPool, autocommit connections, dict rows
 └── SqliteDatabase      one sqlite3 connection, foreign keys on, WAL, an asyncio.Lock
```

Parameters are always named (`bindparam("name")`) and passed as a dict. Because the
SQLAlchemy type layer is skipped, values are converted here, per dialect, from the column
types the statement selects: on SQLite UUIDs are 32 hex digits and timestamps
`YYYY-MM-DD HH:MM:SS.ffffff` in UTC (SQLAlchemy's own storage formats, which the migrations and
tests/db use); on PostgreSQL `NUMERIC` comes back as Decimal and is read as float, as the
tables declare (`asdecimal=False`).

Integrity errors become API errors here, as a backstop behind the handlers' own checks:
a unique key clash is a 409, a broken reference or CHECK a 400. A PostgreSQL pool that stays
exhausted for the whole timeout is a 503 with Retry-After.
"""

from __future__ import annotations

import asyncio
import logging
import re
import sqlite3
import uuid
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator, Mapping
from contextlib import AbstractAsyncContextManager, asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from time import perf_counter
from typing import Any, Protocol, cast

import psycopg
import psycopg.errors
import psycopg.sql
import sqlalchemy as sa
from psycopg.rows import dict_row
from psycopg_pool import AsyncConnectionPool, PoolTimeout
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine.interfaces import Dialect
from sqlalchemy.sql.compiler import SQLCompiler

from crm.errors import BadRequest, Conflict, CrmError, ServiceUnavailable
from crm.observability.statements import observed
from crm.settings import Settings

log = logging.getLogger(__name__)

Row = dict[str, Any]
Params = Mapping[str, Any]


@dataclass(frozen=True)
class Query:
    """A statement shape: `key` names it, `build()` makes the SQLAlchemy statement once.

    The key must determine the statement completely (which filters, which sort, ...); values
    travel separately as named parameters. Compiled forms are cached per key and dialect.
    """

    key: tuple[Any, ...]
    build: Callable[[], sa.ClauseElement] = field(compare=False, hash=False)


@dataclass(frozen=True)
class Compiled:
    sql: str
    # (result key, converter) for the columns whose driver value needs converting
    readers: tuple[tuple[str, Callable[[Any], Any]], ...]
    # (parameter name, converter) for the parameters whose JSON value needs converting
    writers: tuple[tuple[str, Callable[[Any], Any]], ...]
    # PostgreSQL: the statement in the server's own `$n` form, and the parameter name of each n
    # (see `native_placeholders`); None on SQLite
    native: bytes | None = None
    order: tuple[str, ...] = ()


_ParamWriter = Callable[[Any], Any]

_PYFORMAT = re.compile(r"%\(([^)]+)\)s|%%")


def native_placeholders(sql: str) -> tuple[bytes, list[str]]:
    """A statement SQLAlchemy wrote for psycopg (`%(name)s`, `%%`) in PostgreSQL's own `$n`
    form, with the name each `$n` takes (a name used twice is one `$n`).

    psycopg parses a `%(name)s` statement on every execute, and caches the parse only for
    statements up to 4096 bytes: a user's list page (a UNION of two ordered scans, 5 kB) was
    parsed again on every request. Converted once here, it goes through psycopg's raw cursor,
    which sends the text as it is.
    """
    order: list[str] = []
    positions: dict[str, int] = {}

    def placeholder(match: re.Match[str]) -> str:
        name = match.group(1)
        if name is None:
            return "%"
        if name not in positions:
            order.append(name)
            positions[name] = len(order)
        return f"${positions[name]}"

    return _PYFORMAT.sub(placeholder, sql).encode(), order


class Executor(Protocol):
    """What runs statements: a `Database`, or one transaction of it (`transaction()` inside a
    transaction joins it). The Scope holds one of these."""

    async def fetch_all(self, query: Query, params: Params) -> list[Row]: ...

    async def fetch_one(self, query: Query, params: Params) -> Row | None: ...

    async def execute(self, query: Query, params: Params) -> int: ...

    def transaction(self) -> AbstractAsyncContextManager[Executor]: ...


COMPILED_MAX = 4096  # statements kept compiled per database
TENANTS_KEPT = 4096  # tenant executors kept per PostgreSQL database


class Database(ABC):
    """One database, used by every request of an app."""

    dialect: Dialect
    name: str
    # Whether the database holds a second tenancy wall (PostgreSQL row-level security) that
    # `for_tenant` must open for each statement.
    row_security: bool = False

    def __init__(self) -> None:
        self._compiled: dict[tuple[Any, ...], Compiled] = {}

    @property
    def database(self) -> Database:
        return self

    def for_tenant(self, tenant_id: uuid.UUID) -> Executor:
        """An Executor whose every statement and transaction runs as `tenant_id`: on PostgreSQL
        with row-level security, the transaction's `app.tenant_id`; elsewhere the database."""
        return self

    def compile(self, query: Query) -> Compiled:
        compiled = self._compiled.get(query.key)
        if compiled is None:
            statement = query.build()
            sql_compiled = cast(SQLCompiler, statement.compile(dialect=self.dialect))
            writers = []
            for name, bind in sql_compiled.binds.items():
                # A value baked into the statement (`.values(x=None)`, `.limit(25)`) would be
                # silently dropped here, where only the caller's params are sent: refuse it.
                if not bind.required:
                    raise ValueError(f"{query.key}: parameter {name!r} has no bindparam name")
                writer = self._writer(bind.type)
                if writer is not None:
                    writers.append((name, writer))
            sql = str(sql_compiled)
            native, order = native_placeholders(sql) if self.name == "postgresql" else (None, ())
            compiled = Compiled(
                sql, tuple(self._readers(statement)), tuple(writers), native, tuple(order)
            )
            if len(self._compiled) >= COMPILED_MAX:
                # keys hold the columns a body names: any subset of a contract's, so bounded
                self._compiled.clear()
            self._compiled[query.key] = compiled
        return compiled

    def _readers(self, statement: sa.ClauseElement) -> list[tuple[str, Callable[[Any], Any]]]:
        columns: Iterable[Any] = ()
        if isinstance(statement, sa.Select):
            columns = statement.selected_columns
        elif isinstance(statement, (sa.Insert, sa.Update, sa.Delete)):
            returning = statement._returning
            columns = [c for r in returning for c in getattr(r, "c", [r])]
        readers: dict[str, Callable[[Any], Any]] = {}
        for column in columns:
            reader = self._reader(column.type)
            if reader is not None:
                readers[column.key] = reader
        return list(readers.items())

    @abstractmethod
    def _reader(self, type_: sa.types.TypeEngine[Any]) -> Callable[[Any], Any] | None: ...

    def _writer(self, type_: sa.types.TypeEngine[Any]) -> Callable[[Any], Any] | None:
        if isinstance(type_, sa.DateTime):
            return utc_instant
        return None

    @staticmethod
    def _params(params: Params, compiled: Compiled) -> Params:
        if not compiled.writers:
            return params
        values = dict(params)
        for name, writer in compiled.writers:
            value = values.get(name)
            if value is not None:
                values[name] = writer(value)
        return values

    @abstractmethod
    async def fetch_all(self, query: Query, params: Params) -> list[Row]: ...

    async def fetch_one(self, query: Query, params: Params) -> Row | None:
        rows = await self.fetch_all(query, params)
        return rows[0] if rows else None

    @abstractmethod
    async def execute(self, query: Query, params: Params) -> int:
        """Run a statement without result rows; the number of rows it touched."""

    @abstractmethod
    def transaction(self) -> AbstractAsyncContextManager[Executor]:
        """`async with db.transaction() as tx:` — tx runs statements in one transaction,
        committed when the block ends and rolled back when it raises."""

    @abstractmethod
    async def close(self) -> None: ...

    async def ping(self) -> None:
        """One trivial statement: ServiceUnavailable when the database does not answer."""
        try:
            await self.fetch_one(_PING, {})
        except (sqlite3.Error, psycopg.Error) as exc:
            log.error("database unreachable: %s", exc)
            raise ServiceUnavailable("The database is not reachable.") from None

    @staticmethod
    def _convert(rows: list[Row], readers: tuple[tuple[str, Callable[[Any], Any]], ...]) -> None:
        for row in rows:
            for key, reader in readers:
                value = row[key]
                if value is not None:
                    row[key] = reader(value)


_PING = Query(("ping",), lambda: sa.select(sa.literal_column("1").label("ok")))


def open_database(settings: Settings) -> Database:
    """The database `settings.database_url` names (sqlite:///path or postgresql://...)."""
    url = sa.engine.make_url(settings.database_url)
    if url.get_backend_name() == "sqlite":
        return SqliteDatabase(url.database or ":memory:")
    if url.get_backend_name() == "postgresql":
        conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
        return PostgresDatabase(
            conninfo,
            min_size=settings.db_pool_min,
            max_size=settings.db_pool_max,
            timeout=settings.db_pool_timeout,
            row_security=settings.db_row_security,
        )
    raise ValueError(f"DATABASE_URL must be sqlite:/// or postgresql://, not {url.drivername}")


# --- PostgreSQL ---------------------------------------------------------------------------


# A well-formed body the stored data refuses: a contract's cross-field check (`checks`, e.g.
# a project's start_date after its end_date, possibly with the stored value of one of them),
# or a reference gone meanwhile. No rule of the spec's bodies can state either, so it is a
# conflict with the stored data (409), like a taken unique key, not a malformed request (400).
STORED_RULE = "The values break a rule of the stored data."


def _pg_error(exc: psycopg.errors.IntegrityError) -> CrmError:
    diag = exc.diag
    log.info("integrity error: %s", diag.message_primary)
    constraint = diag.constraint_name or ""
    if isinstance(exc, psycopg.errors.UniqueViolation):
        return Conflict("A record with these values already exists.", {"constraint": constraint})
    if isinstance(exc, psycopg.errors.ForeignKeyViolation):
        return Conflict(
            "The request refers to a record that does not exist.", {"constraint": constraint}
        )
    return Conflict(STORED_RULE, {"constraint": constraint})


@contextmanager
def _statement(compiled: Compiled) -> Iterator[None]:
    """Around one PostgreSQL statement: its time observed (crm.observability), and a broken
    constraint answered as the API's error rather than the driver's."""
    started = perf_counter()
    try:
        yield
    except psycopg.errors.IntegrityError as exc:
        raise _pg_error(exc) from None
    finally:
        observed(compiled.sql, perf_counter() - started)


def _execute(
    conn: psycopg.AsyncConnection[Row], compiled: Compiled, params: Params
) -> Awaitable[psycopg.AsyncCursor[Row]]:
    """Run a compiled statement in its `$n` form (`native_placeholders`), values in order.

    Not a coroutine: the caller awaits the cursor's own `execute`, one frame fewer to pass each
    time the request resumes from the database."""
    values = Database._params(params, compiled)
    assert compiled.native is not None  # compiled by a PostgresDatabase
    cursor: psycopg.AsyncCursor[Row] = psycopg.AsyncRawCursor(conn)
    return cursor.execute(compiled.native, [values[name] for name in compiled.order])


def _read(compiled: Compiled, rows: list[Row]) -> list[Row]:
    """The rows with the statement's column readers applied (in place)."""
    if compiled.readers:
        Database._convert(rows, compiled.readers)
    return rows


class _PgStatements:
    """fetch_all, fetch_one and execute over `_run`: how a statement reaches the server."""

    _db: PostgresDatabase

    async def _run(self, compiled: Compiled, params: Params) -> psycopg.AsyncCursor[Row]:
        raise NotImplementedError

    async def fetch_all(self, query: Query, params: Params) -> list[Row]:
        compiled = self._db.compile(query)
        return _read(compiled, await (await self._run(compiled, params)).fetchall())

    async def fetch_one(self, query: Query, params: Params) -> Row | None:
        # not through fetch_all: one frame fewer to pass on each resume from the database
        compiled = self._db.compile(query)
        rows = _read(compiled, await (await self._run(compiled, params)).fetchall())
        return rows[0] if rows else None

    async def execute(self, query: Query, params: Params) -> int:
        return (await self._run(self._db.compile(query), params)).rowcount


class _PgSession(_PgStatements):
    """Statements on one checked-out connection (inside a transaction or not)."""

    def __init__(self, db: PostgresDatabase, conn: psycopg.AsyncConnection[Row]) -> None:
        self._db = db
        self._conn = conn

    async def _run(self, compiled: Compiled, params: Params) -> psycopg.AsyncCursor[Row]:
        with _statement(compiled):  # a client-side cursor: the rows are in when execute returns
            return await _execute(self._conn, compiled, params)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[_PgSession]:
        yield self  # already in one: a nested unit of work joins it


class PostgresDatabase(Database):
    name = "postgresql"

    def __init__(
        self,
        conninfo: str,
        *,
        min_size: int,
        max_size: int,
        timeout: float,
        row_security: bool = True,
    ) -> None:
        super().__init__()
        self.row_security = row_security
        self.dialect = postgresql.psycopg.dialect()  # type: ignore[no-untyped-call]
        # The seed's pool: 10-20 connections plus 5 overflow -> psycopg keeps `min_size` open
        # and grows to `max_size` (20 + 5); 30 s to get one, each recycled after an hour.
        # Autocommit: a lone statement is its own transaction (one round trip, no BEGIN/COMMIT);
        # `transaction()` opens an explicit one.
        self.pool: AsyncConnectionPool[psycopg.AsyncConnection[Row]] = AsyncConnectionPool(
            conninfo,
            min_size=min_size,
            max_size=max_size,
            timeout=timeout,
            max_lifetime=3600.0,
            kwargs={"autocommit": True, "row_factory": dict_row},
            open=False,
        )
        self._opened = False
        self._opening = asyncio.Lock()
        self._tenants: dict[uuid.UUID, _TenantPg] = {}

    async def _ensure_open(self) -> None:
        # Opened on first use, inside the running loop (the app factory runs outside one).
        if not self._opened:
            async with self._opening:
                if not self._opened:
                    await self.pool.open(wait=True, timeout=self.pool.timeout)
                    self._opened = True
                    if self.row_security:
                        await self._warn_if_walls_bypassed()

    async def _checkout(self) -> psycopg.AsyncConnection[Row]:
        """A connection of the pool, to hand back with `pool.putconn` (503 when none comes in
        time or the server cannot be reached).

        Not `pool.connection()`: that context manager also enters the connection's own (a
        COMMIT or ROLLBACK, each under the connection's lock, at its exit), which here has
        nothing to end. Every connection is in autocommit, and a unit of work ends its
        transaction itself (`conn.transaction()`); whatever a connection still holds when it
        comes back (a transaction left open, a statement cut short) the pool's `putconn`
        rolls back or closes. Measured in process with 32 detail requests in flight
        (docs/architecture.md, "The hot path"): detail's API ÷ baseline CPU fell from about 1.70
        to 1.52.
        """
        if not self._opened:
            await self._ensure_open()
        try:
            return await self.pool.getconn()
        except (PoolTimeout, psycopg.OperationalError):
            raise ServiceUnavailable(headers={"Retry-After": "1"}) from None

    @asynccontextmanager
    async def _connection(self) -> AsyncIterator[psycopg.AsyncConnection[Row]]:
        conn = await self._checkout()
        try:
            yield conn
        except psycopg.OperationalError:
            raise ServiceUnavailable(headers={"Retry-After": "1"}) from None
        finally:
            await self.pool.putconn(conn)

    async def _warn_if_walls_bypassed(self) -> None:
        # A superuser or BYPASSRLS role passes every policy: the wall would be silently absent.
        async with self._connection() as conn:
            cursor = await conn.execute(_BYPASS_CHECK)
            row = await cursor.fetchone()
        if row is not None and row["bypass"]:
            log.warning(
                "DATABASE_URL's role %s bypasses row-level security (superuser or BYPASSRLS): "
                "only the Scope separates tenants; connect as a member of crm_app instead",
                row["rolname"],
            )

    def for_tenant(self, tenant_id: uuid.UUID) -> Executor:
        if not self.row_security:
            return self
        # one per tenant, kept: it holds nothing but the database and the tenant's id
        executor = self._tenants.get(tenant_id)
        if executor is None:
            if len(self._tenants) >= TENANTS_KEPT:
                self._tenants.clear()
            executor = self._tenants[tenant_id] = _TenantPg(self, str(tenant_id))
        return executor

    def _reader(self, type_: sa.types.TypeEngine[Any]) -> Callable[[Any], Any] | None:
        if isinstance(type_, sa.Numeric) and not type_.asdecimal:
            return _decimal_to_float
        return None

    @asynccontextmanager
    async def _untenanted(self) -> AsyncIterator[psycopg.AsyncConnection[Row]]:
        """A connection that holds no tenant: statements outside any tenant (login's lookup,
        sessions, health) see no tenant's rows, whatever the connection served before."""
        async with self._connection() as conn:
            if self.row_security and _session_tenant(conn) != NO_TENANT:
                _set_session_tenant(conn, None)  # unknown until the RESET is through
                await conn.execute(RESET_TENANT)
                _set_session_tenant(conn, NO_TENANT)
            yield conn

    async def fetch_all(self, query: Query, params: Params) -> list[Row]:
        async with self._untenanted() as conn:
            return await _PgSession(self, conn).fetch_all(query, params)

    async def execute(self, query: Query, params: Params) -> int:
        async with self._untenanted() as conn:
            return await _PgSession(self, conn).execute(query, params)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[_PgSession]:
        async with self._untenanted() as conn, conn.transaction():
            yield _PgSession(self, conn)

    async def close(self) -> None:
        if self._opened:
            await self.pool.close()
            self._opened = False


def _decimal_to_float(value: Decimal) -> float:
    return float(value)


# --- PostgreSQL row-level security (the second tenancy wall) -------------------------------

# The tenant is a setting of the connection's session (`false`: not transaction-local), and the
# connection remembers which (`_session_tenant`): a pooled connection is set once per tenant it
# serves, not before every statement (a set_config in a pipeline with each statement cost about
# 0.5 ms of server CPU per request, bench/results/load.md). Every statement on a pooled
# connection goes through `_TenantPg` (sets its tenant when the connection holds another) or
# `PostgresDatabase._untenanted` (resets it when the connection holds one), so a statement
# never runs under a tenant other than its own, nor under one when it has none.
SET_TENANT = "SELECT set_config('app.tenant_id', %(tenant)s, false)"
RESET_TENANT = "RESET app.tenant_id"
SET_TENANT_LOCAL = psycopg.sql.SQL("SET LOCAL app.tenant_id = {}")
NO_TENANT = ""  # what a new connection holds
_SESSION_TENANT = "_crm_tenant"


def _session_tenant(conn: psycopg.AsyncConnection[Row]) -> str | None:
    """The tenant the connection's session holds: NO_TENANT, a tenant id, or None (unknown: a
    change that may have been rolled back)."""
    tenant: str | None = getattr(conn, _SESSION_TENANT, NO_TENANT)
    return tenant


def _set_session_tenant(conn: psycopg.AsyncConnection[Row], tenant: str | None) -> None:
    setattr(conn, _SESSION_TENANT, tenant)


_BYPASS_CHECK = (
    "SELECT rolsuper OR rolbypassrls AS bypass, rolname FROM pg_roles WHERE rolname = current_user"
)


class _TenantPg(_PgStatements):
    """Statements of one tenant behind the policies of migration d7f3b1e92a60.

    A lone statement on a connection that already holds this tenant is sent alone. Otherwise
    it shares one pipeline (one round trip) with the `set_config` before it; in pipeline mode
    the statements up to the Sync run in one implicit transaction, so a failing statement also
    undoes the setting: the connection's tenant is unknown until both are through. A unit of
    work on a connection that holds another tenant (or none) sets it for its transaction only.
    """

    name = "postgresql"

    def __init__(self, db: PostgresDatabase, tenant_id: str) -> None:
        self._db = db
        self._tenant = {"tenant": tenant_id}

    @property
    def database(self) -> PostgresDatabase:
        """The app's Database behind this per-request executor (what lasts between requests)."""
        return self._db

    async def _run(self, compiled: Compiled, params: Params) -> psycopg.AsyncCursor[Row]:
        # What `_statement` and `_connection` do, written out: this is every statement of every
        # request, and each context manager is a frame and a generator more to pass.
        tenant = self._tenant["tenant"]
        db = self._db
        started = perf_counter()
        try:
            conn = await db._checkout()
            try:
                if _session_tenant(conn) == tenant:
                    return await _execute(conn, compiled, params)
                _set_session_tenant(conn, None)
                async with conn.pipeline():
                    await conn.execute(SET_TENANT, self._tenant)
                    cursor = await _execute(conn, compiled, params)
                _set_session_tenant(conn, tenant)  # the pipeline's exit fetched every result
                return cursor
            finally:
                await db.pool.putconn(conn)
        except psycopg.errors.IntegrityError as exc:
            raise _pg_error(exc) from None
        except psycopg.OperationalError:
            raise ServiceUnavailable(headers={"Retry-After": "1"}) from None
        finally:
            observed(compiled.sql, perf_counter() - started)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[_PgSession]:
        tenant = self._tenant["tenant"]
        async with self._db._connection() as conn, conn.transaction():
            if _session_tenant(conn) != tenant:
                # SET, not set_config's SELECT: a SET takes no snapshot, so the unit of work may
                # still choose its isolation (the reports' REPEATABLE READ, READ ONLY). SET takes
                # no bound parameter; the value is a UUID's text, quoted as a literal. LOCAL: it
                # ends with the transaction, the session's own tenant is left as it was.
                await conn.execute(SET_TENANT_LOCAL.format(psycopg.sql.Literal(tenant)))
            yield _PgSession(self._db, conn)


# --- SQLite -------------------------------------------------------------------------------


def sqlite_timestamp(value: datetime) -> str:
    """SQLAlchemy's SQLite storage format, in UTC: sorts and compares as text."""
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    # not strftime: glibc's %Y writes year 1 as "1", which would not sort as text
    return value.isoformat(sep=" ", timespec="microseconds")


def _write_uuid(value: uuid.UUID | str) -> str:
    return value.hex if isinstance(value, uuid.UUID) else uuid.UUID(value).hex


def utc_instant(value: datetime | str) -> datetime:
    """A date-time as the aware UTC datetime both databases are sent, or a 400.

    JSON input is RFC 3339 (validated by the contract), whose `T` and `Z` may be lower case.
    Its offset can carry an instant past the calendar's edge (year 1 at +01:00 is year 0 in
    UTC), and PostgreSQL refuses offsets from 16 hours on that RFC 3339 allows up to 23:59:
    normalised to UTC here, the same on both databases.
    """
    if isinstance(value, str):
        value = datetime.fromisoformat(value.upper())
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    try:
        return value.astimezone(UTC)
    except OverflowError:
        raise BadRequest(
            "A date and time is out of range: in UTC it must fall within the years 1 to 9999."
        ) from None


def _write_timestamp(value: datetime | str) -> str:
    # stored as UTC text
    return sqlite_timestamp(utc_instant(value))


def _write_date(value: date | str) -> str:
    return value if isinstance(value, str) else value.isoformat()


def _lower(value: Any) -> Any:
    return value.lower() if isinstance(value, str) else value


def _read_uuid(value: str) -> uuid.UUID:
    return uuid.UUID(hex=value)


def _read_timestamp(value: str) -> datetime:
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


def _read_bool(value: int) -> bool:
    return bool(value)


_SQLITE_INTEGRITY = (
    (
        re.compile(r"^UNIQUE constraint failed"),
        Conflict,
        "A record with these values already exists.",
    ),
    (
        re.compile(r"^FOREIGN KEY constraint failed"),
        Conflict,
        "The request refers to a record that does not exist.",
    ),
)


def _sqlite_error(exc: sqlite3.IntegrityError) -> CrmError:
    text = str(exc)
    log.info("integrity error: %s", text)  # the client gets a sentence, the log the detail
    for pattern, error, message in _SQLITE_INTEGRITY:
        if pattern.search(text):
            return error(message, {})
    return Conflict(STORED_RULE, {})


class _SqliteSession:
    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db

    async def fetch_all(self, query: Query, params: Params) -> list[Row]:
        return self._db.run_fetch(query, params)

    async def fetch_one(self, query: Query, params: Params) -> Row | None:
        rows = self._db.run_fetch(query, params)
        return rows[0] if rows else None

    async def execute(self, query: Query, params: Params) -> int:
        return self._db.run_execute(query, params)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[_SqliteSession]:
        yield self  # already in one: a nested unit of work joins it


class SqliteDatabase(Database):
    """The embedded default: one connection, used from the event loop.

    Statements run synchronously on the loop (SQLite answers in microseconds from the page
    cache, and a thread hop would cost more than it saves). The lock serialises transactions:
    without it, a request awaiting something else mid-transaction (argon2 runs in a thread)
    would let another request's statements join its transaction.
    """

    name = "sqlite"

    def __init__(self, path: str) -> None:
        super().__init__()
        self.dialect = sqlite.dialect(paramstyle="named")
        self.path = path
        self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.conn.execute("PRAGMA foreign_keys = ON")
        # SQLite's lower() and LIKE fold ASCII only; `q` search (lower(col) LIKE lower(:q))
        # must find "Émile" for "émile" as PostgreSQL's ILIKE does, so lower() is Python's.
        self.conn.create_function("lower", 1, _lower, deterministic=True)
        self.conn.execute("PRAGMA busy_timeout = 5000")
        if path != ":memory:":
            self.conn.execute("PRAGMA journal_mode = WAL")
        self._lock = asyncio.Lock()
        self._transaction_task: asyncio.Task[Any] | None = None

    def _reader(self, type_: sa.types.TypeEngine[Any]) -> Callable[[Any], Any] | None:
        if isinstance(type_, sa.Uuid):
            return _read_uuid
        if isinstance(type_, sa.DateTime):
            return _read_timestamp
        if isinstance(type_, sa.Boolean):
            return _read_bool
        return None

    def _writer(self, type_: sa.types.TypeEngine[Any]) -> Callable[[Any], Any] | None:
        if isinstance(type_, sa.Uuid):
            return _write_uuid
        if isinstance(type_, sa.DateTime):
            return _write_timestamp
        if isinstance(type_, sa.Date):
            return _write_date
        return None

    def _run(self, query: Query, params: Params) -> tuple[Compiled, sqlite3.Cursor]:
        compiled = self.compile(query)
        try:
            return compiled, self.conn.execute(compiled.sql, self._params(params, compiled))
        except sqlite3.IntegrityError as exc:
            raise _sqlite_error(exc) from None

    def run_fetch(self, query: Query, params: Params) -> list[Row]:
        started = perf_counter()
        compiled, cursor = self._run(query, params)
        names = [d[0] for d in cursor.description]
        rows = [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
        observed(compiled.sql, perf_counter() - started)
        if compiled.readers:
            self._convert(rows, compiled.readers)
        return rows

    def run_execute(self, query: Query, params: Params) -> int:
        started = perf_counter()
        compiled, cursor = self._run(query, params)
        observed(compiled.sql, perf_counter() - started)
        return cursor.rowcount

    def _refuse_reentry(self) -> None:
        # The task holding a transaction waiting for the lock it holds would hang for ever:
        # a statement inside `Scope.atomic()` must run on the unit of work's Scope.
        if self._transaction_task is not None and self._transaction_task is asyncio.current_task():
            raise RuntimeError("statement outside the open transaction of this task")

    async def fetch_all(self, query: Query, params: Params) -> list[Row]:
        self._refuse_reentry()
        async with self._lock:
            return self.run_fetch(query, params)

    async def execute(self, query: Query, params: Params) -> int:
        self._refuse_reentry()
        async with self._lock:
            return self.run_execute(query, params)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[_SqliteSession]:
        self._refuse_reentry()
        async with self._lock:
            self.conn.execute("BEGIN IMMEDIATE")
            self._transaction_task = asyncio.current_task()
            try:
                yield _SqliteSession(self)
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            else:
                self.conn.execute("COMMIT")
            finally:
                self._transaction_task = None

    async def close(self) -> None:
        self.conn.close()
