"""The `crm` command: an operator's tool, run outside any request.

    crm migrate                         alembic upgrade head on MIGRATION_DATABASE_URL
    crm tenant create --name N --slug S prints the new tenant's id
    crm user create --tenant SLUG --email E --name N [--role R] [--password P]
    crm demo [--leads 300] [--clients 150] [--seed 1]
    crm serve [--host H] [--port P] [--workers N] [--reload]
    crm quickstart [--port P]           migrate + demo + serve: what `./dev serve` runs
    crm backup [--dir D] [--keep-days N] pg_dump (custom format) + .sha256; older ones deleted
    crm restore FILE                    into an empty database, after checking the .sha256
    crm tenant export SLUG [--output F] one tenant's rows as JSON lines
    crm tenant delete SLUG [--yes]      one tenant and all their rows, in one transaction

Configuration comes from the environment, through `Settings.from_env()` (DATABASE_URL,
default `sqlite:///crm.sqlite3` in the current directory). migrate, tenant create, user create
and demo work as the tables' owner, MIGRATION_DATABASE_URL when set (on PostgreSQL the server
connects as a role that owns nothing and is held by row-level security); serve uses
DATABASE_URL. Exit codes: 0 done, 1 the database
failed, 2 bad input or configuration; errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import gc
import getpass
import os
import socket
import sys
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.util import CommandError

from crm import passwords
from crm.settings import Settings, SettingsError
from generated.python.models import Role
from generated.python.schemas import BUNDLE

# connexion (imported through crm.provision -> crm.openapi31) warns while it is imported about
# a starlette deprecation that is connexion's to fix: an operator cannot act on it, and every
# command would print it.
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=r"Using `httpx` with `starlette\.testclient`")
    from crm.demo import DEMO_SLUG, DEMO_TENANT_NAME, LOGINS, load_demo
    from crm.ops import backup as backups
    from crm.ops import tenant_data
    from crm.provision import (
        ProvisionError,
        create_tenant,
        create_user,
        engine_for,
        tenant_id_for,
    )

if TYPE_CHECKING:
    from connexion import AsyncApp

PROJECT_ROOT = Path(__file__).resolve().parents[1]
EXIT_DATABASE = 1
EXIT_USAGE = 2
DEFAULT_ROLE: str = BUNDLE["$defs"]["UserCreate"]["properties"]["role"]["default"]
# What --reload watches: the code, not .venv or node_modules (uvicorn's stat reloader would
# walk every file there).
RELOAD_DIRS = ("crm", "handlers", "generated")
HOST_HELP = "the address to listen on (default: 127.0.0.1, this machine only)"
PORT_HELP = "the TCP port to listen on (default: 8000)"
WORKER_START_SECONDS = 60


class CliError(Exception):
    """A message for the operator; `code` is the exit code."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, or a usage error argparse already printed
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except (CliError, ProvisionError, SettingsError, tenant_data.TenantNotFound) as exc:
        return _fail(str(exc), getattr(exc, "code", EXIT_USAGE))
    except backups.BackupError as exc:
        return _fail(str(exc), EXIT_DATABASE)
    except sa.exc.DBAPIError as exc:
        return _fail(f"Database error: {_first_line(exc.orig)}", EXIT_DATABASE)
    except CommandError as exc:  # e.g. the database is at a revision this code does not know
        return _fail(f"Migration failed: {_first_line(exc)}", EXIT_DATABASE)
    except KeyboardInterrupt:
        return 130


# --- commands ---------------------------------------------------------------------------------


def cmd_migrate(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    print(migrate(settings.owner_database_url), file=sys.stderr)
    return 0


def cmd_tenant_create(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    with _transaction(settings.owner_database_url) as conn:
        tenant_id = create_tenant(conn, name=args.name, slug=args.slug)
    print(tenant_id)
    return 0


def cmd_user_create(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    passwords.configure(settings)
    password = _password(args.password)
    with _transaction(settings.owner_database_url) as conn:
        tenant_id = tenant_id_for(conn, args.tenant)
        if tenant_id is None:
            raise CliError(f"There is no tenant with slug {args.tenant!r}.")
        user_id = create_user(
            conn,
            tenant_id=tenant_id,
            email=args.email,
            name=args.name,
            role=args.role,
            password=password,
        )
    print(user_id)
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    file = backups.backup(settings.database_url, Path(args.dir), keep_days=args.keep_days)
    print(file)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    backups.restore(settings.database_url, Path(args.file))
    print(f"Restored {args.file}.", file=sys.stderr)
    return 0


def cmd_tenant_export(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    path = Path(args.output) if args.output else tenant_data.default_export_path(args.slug)
    try:
        # Personal data: readable by its owner only; never over an existing file.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise CliError(f"{path} already exists: choose another --output.") from None
    except OSError as exc:
        raise CliError(f"Cannot write {path}: {exc.strerror}.") from None
    try:
        with _transaction(settings.database_url) as conn, open(fd, "w", encoding="utf-8") as out:
            rows = tenant_data.export(conn, args.slug, out, ProgressBar(f"export {args.slug}"))
    except BaseException:
        path.unlink(missing_ok=True)  # no half-written export left behind
        raise
    print(path)
    print(f"Exported {sum(rows.values())} rows of tenant {args.slug!r}.", file=sys.stderr)
    return 0


def cmd_tenant_delete(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    if not args.yes:
        if not sys.stdin.isatty():
            raise CliError("Deleting a tenant cannot be undone: pass --yes to confirm.")
        typed = input(f"Delete tenant {args.slug!r} and all their data? Type the slug: ")
        if typed.strip() != args.slug:
            raise CliError("Not confirmed: nothing was deleted.")
    with _transaction(settings.database_url) as conn:
        deleted = tenant_data.delete(conn, args.slug)
    print(f"Deleted tenant {args.slug!r}: {sum(deleted.values())} rows.", file=sys.stderr)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    print(demo(settings, leads=args.leads, clients=args.clients, seed=args.seed))
    print(_logins())
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    settings = Settings.from_env()  # fail here, once, rather than in every worker
    if args.reload and settings.is_production:
        raise CliError("--reload is for development: CRM_ENV=production refuses it.")
    require_free_port(args.host, args.port)
    _require_database(settings.database_url)
    serve(settings, host=args.host, port=args.port, workers=args.workers, reload=args.reload)
    return 0


def cmd_quickstart(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    require_free_port(args.host, args.port)  # before any work, and never a banner for it
    print(migrate(settings.owner_database_url), file=sys.stderr)
    print(demo(settings), file=sys.stderr)
    print(banner(settings, host=args.host, port=args.port), flush=True)
    serve(settings, host=args.host, port=args.port)
    return 0


# --- the work ---------------------------------------------------------------------------------


def migrate(url: str) -> str:
    """`alembic upgrade head` on `url`; a one-line account of what changed."""
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.attributes["configure_logger"] = False  # the CLI prints its own one line
    engine = engine_for(url)
    try:
        with engine.begin() as conn:
            before = MigrationContext.configure(conn).get_current_revision()
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
            after = MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()
    where = engine.url.render_as_string(hide_password=True)
    if before == after:
        return f"{where}: already at the latest revision ({after})."
    return f"{where}: migrated from {before or 'an empty database'} to {after}."


def demo(settings: Settings, *, leads: int = 300, clients: int = 150, seed: int = 1) -> str:
    """Load the demo tenant unless it exists; a one-line account of what happened."""
    passwords.configure(settings)
    with _transaction(settings.owner_database_url) as conn:
        result = load_demo(
            conn, leads=leads, clients=clients, seed=seed, progress=ProgressBar("demo data")
        )
    if not result.created:
        return f"The demo tenant (slug {DEMO_SLUG!r}) already exists: nothing was changed."
    return (
        f"Created the demo tenant {DEMO_TENANT_NAME!r} (slug {DEMO_SLUG!r}): "
        f"{len(LOGINS)} users, {result.leads} leads, {result.clients} clients."
    )


def app_factory() -> AsyncApp:
    """The ASGI app, built in each uvicorn worker from the environment."""
    # Imported here: connexion is slow to import and only serving needs it. Its import warns
    # about a starlette deprecation that is connexion's to fix; an operator cannot act on it.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"Using `httpx` with `starlette\.testclient`")
        from crm.app import create_app

    app = create_app(Settings.from_env())
    settle_heap()
    return app


# The collector's thresholds for a serving process: a young generation of 10,000 objects
# (Python's default is 700) and fewer older collections. A request allocates a few thousand
# objects, nearly all freed by reference counting when it ends, so the default threshold ran a
# collection every few requests, each walking the objects of the 32 requests in flight.
GC_THRESHOLDS = (10_000, 20, 20)


def settle_heap() -> None:
    """After the app is built, in the process that serves it: move everything loaded so far
    (modules, the spec, schemas, validators: a few hundred thousand objects that live as long
    as the process) out of the collector's reach with `gc.freeze()`, so a full collection no
    longer walks them, and raise the thresholds (GC_THRESHOLDS). Measured with gc.callbacks
    under the load benchmark's requests (docs/architecture.md, "The hot path"): the collector
    took 0.1-0.2 ms per request before, about 0.015 ms after. Only `crm serve` does this:
    tests build many apps in one process, and frozen objects are never freed."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def serve(
    settings: Settings,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    workers: int = 1,
    reload: bool = False,
) -> None:
    import uvicorn

    from crm.observability import logs, metrics

    # uvicorn's own lines (start, stop, worker restarts) go through our formatter: it is told
    # not to configure logging (log_config=None); the app writes the access lines itself.
    logs.configure(settings)
    with metrics.multiprocess_directory(workers, settings.metrics_enabled):
        uvicorn.run(
            "crm.cli:app_factory",  # an import string: what --workers and --reload need
            factory=True,
            host=host,
            port=port,
            workers=workers,
            reload=reload,
            reload_dirs=[str(PROJECT_ROOT / d) for d in RELOAD_DIRS] if reload else None,
            log_config=None,
            # A worker answers the supervisor's health check only once it has imported the app
            # (a few seconds; more on a busy machine): uvicorn's 5 s default killed workers that
            # were still starting, over and over.
            timeout_worker_healthcheck=WORKER_START_SECONDS,
            log_level=settings.log_level.lower(),
            access_log=False,
        )


def banner(settings: Settings, *, host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host  # noqa: S104 - only compared
    api = f"http://{shown}:{port}/api"
    url = sa.make_url(settings.database_url)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        url = url.set(database=str(Path(url.database or "").resolve()))  # where it is on disk
    database = url.render_as_string(hide_password=True)
    docs = f"{api}/docs/" if not settings.is_production else "(not served when CRM_ENV=production)"
    admin = LOGINS[0]
    body = f'{{"email":"{admin.email}","password":"{admin.password}"}}'
    return "\n".join(
        [
            "",
            f"PathSix CRM on {api}",
            f"  API docs  {docs}",
            f"  health    {api}/health",
            f"  database  {database}",
            "",
            _logins(),
            "",
            "Log in:",
            f"  curl -s -X POST {api}/auth/login -H 'Content-Type: application/json' -d '{body}'",
            "",
            "Stop with Ctrl+C.",
            "",
        ]
    )


class ProgressBar:
    """`\\r[#####.....] 150/450` on a terminal; otherwise one line per quarter, for logs."""

    WIDTH = 30

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.shown = -1

    def __call__(self, done: int, total: int) -> None:
        if total <= 0:
            return
        if self.tty:
            filled = self.WIDTH * done // total
            bar = "#" * filled + "." * (self.WIDTH - filled)
            self.stream.write(f"\r{self.label} [{bar}] {done}/{total}")
            if done >= total:
                self.stream.write("\n")
        elif (quarter := 4 * done // total) > self.shown:
            self.shown = quarter
            self.stream.write(f"{self.label}: {done}/{total}\n")
        self.stream.flush()


# --- helpers ----------------------------------------------------------------------------------


def require_free_port(host: str, port: int) -> None:
    """One clear line now, rather than uvicorn's log lines after the banner."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as exc:
        raise CliError(f"Cannot listen on {host}: {exc.strerror}.") from exc
    with socket.socket(family, kind, proto) as probe:
        # As uvicorn binds: a port in TIME_WAIT is free, one with a listener is not.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            raise CliError(
                f"Port {port} on {host} is already in use ({exc.strerror}): stop the other "
                "server or pass --port N."
            ) from exc


def _require_database(url: str) -> None:
    """Refuse a SQLite file that does not exist: connecting would create an empty one."""
    parsed = sa.make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return
    path = Path(parsed.database or "")
    if not path.exists():
        raise CliError(
            f"There is no database at {path.resolve()}: run `crm migrate` first "
            "(or set DATABASE_URL to the one you mean)."
        )


@contextmanager
def _transaction(url: str) -> Iterator[sa.Connection]:
    """One transaction on a database that has been migrated."""
    _require_database(url)
    engine = engine_for(url)
    try:
        with engine.begin() as conn:
            if not sa.inspect(conn).has_table("tenants"):
                raise CliError("The database has no CRM tables yet: run `crm migrate` first.")
            yield conn
    finally:
        engine.dispose()


def _password(given: str | None) -> str:
    if given is not None:
        return given
    from_env = os.environ.get("CRM_PASSWORD")
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        raise CliError(
            "No password given: pass --password, set CRM_PASSWORD, or run in a terminal to be "
            "asked for one."
        )
    first = getpass.getpass("Password: ")
    if getpass.getpass("Password again: ") != first:
        raise CliError("The two passwords differ.")
    return first


def _logins() -> str:
    width = max(len(login.email) for login in LOGINS)
    lines = [f"Demo logins (tenant slug {DEMO_SLUG!r}, {DEMO_TENANT_NAME}):"]
    lines += [f"  {x.email:<{width}}  {x.password:<16}  {x.role}" for x in LOGINS]
    return "\n".join(lines)


def _fail(message: str, code: int) -> int:
    print(f"crm: {message}", file=sys.stderr)
    return code


def _first_line(error: BaseException | None) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="crm",
        description="PathSix CRM operator commands. The database is DATABASE_URL "
        "(default sqlite:///crm.sqlite3 in the current directory).",
    )
    commands = parser.add_subparsers(title="commands", required=True, metavar="COMMAND")

    p = commands.add_parser("migrate", help="upgrade the database schema to the latest revision")
    p.set_defaults(run=cmd_migrate)

    tenant = commands.add_parser("tenant", help="manage tenants").add_subparsers(
        required=True, metavar="ACTION"
    )
    p = tenant.add_parser("create", help="create a tenant and print its id")
    p.add_argument("--name", required=True, help="the organisation's name")
    p.add_argument("--slug", required=True, help="short unique key: lowercase, digits, hyphens")
    p.set_defaults(run=cmd_tenant_create)
    p = tenant.add_parser("export", help="write one tenant's data as JSON lines")
    p.add_argument("slug", metavar="SLUG", help="the tenant's slug")
    p.add_argument("--output", help="the file to write (default: tenant-SLUG-TIME.jsonl)")
    p.set_defaults(run=cmd_tenant_export)
    p = tenant.add_parser("delete", help="delete one tenant and all their data")
    p.add_argument("slug", metavar="SLUG", help="the tenant's slug")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(run=cmd_tenant_delete)

    p = commands.add_parser("backup", help="back up the PostgreSQL database (pg_dump)")
    p.add_argument("--dir", default="backups", help="where to write it (default: ./backups)")
    p.add_argument(
        "--keep-days",
        type=_positive,
        default=30,
        help="delete backups in --dir older than this (default: 30)",
    )
    p.set_defaults(run=cmd_backup)
    p = commands.add_parser("restore", help="restore a backup into an empty database")
    p.add_argument("file", metavar="FILE", help="a .dump file written by crm backup")
    p.set_defaults(run=cmd_restore)

    user = commands.add_parser("user", help="manage users").add_subparsers(
        required=True, metavar="ACTION"
    )
    p = user.add_parser("create", help="create a user and print their id")
    p.add_argument("--tenant", required=True, metavar="SLUG", help="the tenant's slug")
    p.add_argument("--email", required=True, help="login email (stored lower-cased)")
    p.add_argument("--name", required=True, help="the person's name")
    p.add_argument(
        "--role",
        choices=[r.value for r in Role],
        default=DEFAULT_ROLE,
        help=f"what the user may do (default: {DEFAULT_ROLE})",
    )
    p.add_argument(
        "--password",
        help="visible in the shell history and process list: prefer the prompt or CRM_PASSWORD",
    )
    p.set_defaults(run=cmd_user_create)

    p = commands.add_parser("demo", help="load the demo tenant (once; later runs change nothing)")
    p.add_argument("--leads", type=_count, default=300, help="how many leads (default: 300)")
    p.add_argument("--clients", type=_count, default=150, help="how many clients (default: 150)")
    p.add_argument("--seed", type=int, default=1, help="same seed, same records")
    p.set_defaults(run=cmd_demo)

    p = commands.add_parser("serve", help="serve the API with uvicorn")
    p.add_argument("--host", default="127.0.0.1", help=HOST_HELP)
    p.add_argument("--port", type=int, default=8000, help=PORT_HELP)
    p.add_argument("--workers", type=_positive, default=1, help="processes (stateless)")
    p.add_argument("--reload", action="store_true", help="restart on code changes (development)")
    p.set_defaults(run=cmd_serve)

    p = commands.add_parser("quickstart", help="migrate, load the demo tenant, and serve")
    p.add_argument("--host", default="127.0.0.1", help=HOST_HELP)
    p.add_argument("--port", type=int, default=8000, help=PORT_HELP)
    p.set_defaults(run=cmd_quickstart)
    return parser


def _count(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {value}")
    return value


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


if __name__ == "__main__":
    sys.exit(main())
