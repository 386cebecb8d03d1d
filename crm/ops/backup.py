"""`crm backup` and `crm restore` (seed Appendix A1), on PostgreSQL.

A backup is `pg_dump --format=custom` into `<dir>/crm-<database>-<UTC time>.dump`, written
under a temporary name and renamed when complete, with `<file>.sha256` beside it in
`sha256sum` format (so `sha256sum -c` checks it too). Backups older than the retention are
deleted, with their checksum files; nothing else in the directory is touched.

A restore checks the file against its `.sha256` first (a missing or different checksum is
refused before anything is written), then refuses a database that already has tables, then
runs `pg_restore --single-transaction --exit-on-error`: all of it or nothing.

pg_dump and pg_restore must not be older than the server: the binaries are taken from
Debian's `/usr/lib/postgresql/<server major version>/bin` (or PG_BINDIR, or PATH). The
connection travels in libpq's environment variables (PGHOST, PGPASSWORD, ...), never on a
command line where `ps` would show the password.
"""

from __future__ import annotations

import glob
import hashlib
import os
import re
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

from crm.provision import engine_for

SUFFIX = ".dump"
CHECKSUM_SUFFIX = ".sha256"
_NAME = re.compile(r"crm-.+-\d{8}T\d{6}Z\.dump")
_DEBIAN_BINDIRS = "/usr/lib/postgresql/*/bin"


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message is for the operator."""


def backup(url: str, directory: Path, *, keep_days: int, now: datetime | None = None) -> Path:
    """Dump `url` into `directory`; the new file. Deletes backups older than `keep_days`."""
    parsed = _postgres(url)
    now = now or datetime.now(UTC)
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / f"crm-{parsed.database}-{now.strftime('%Y%m%dT%H%M%SZ')}{SUFFIX}"
    partial = target.with_name(target.name + ".partial")
    tool = pg_tool("pg_dump", _server_major(url))
    try:
        _run([str(tool), "--format=custom", "--no-owner", f"--file={partial}"], url)
        partial.rename(target)
    finally:
        partial.unlink(missing_ok=True)
    checksum_path(target).write_text(f"{sha256_of(target)}  {target.name}\n")
    prune(directory, keep_days=keep_days, now=now)
    return target


def restore(url: str, file: Path) -> None:
    """Load `file` into the empty database `url`, after checking its checksum."""
    _postgres(url)
    verify(file)
    engine = engine_for(url)
    try:
        with engine.connect() as conn:
            existing = sa.inspect(conn).get_table_names()
    finally:
        engine.dispose()
    if existing:
        raise BackupError(
            f"The database already has {len(existing)} tables: restore into an empty database "
            "(createdb a new one, then point DATABASE_URL at it)."
        )
    tool = pg_tool("pg_restore", _server_major(url))
    _run([str(tool), "--no-owner", "--single-transaction", "--exit-on-error"], url, file)


def verify(file: Path) -> None:
    """BackupError unless `file` exists and matches the checksum in `<file>.sha256`."""
    if not file.is_file():
        raise BackupError(f"There is no backup file at {file}.")
    expected_file = checksum_path(file)
    if not expected_file.is_file():
        raise BackupError(f"{expected_file.name} is missing: the backup cannot be checked.")
    expected = (
        expected_file.read_text().split(maxsplit=1)[0] if expected_file.stat().st_size else ""
    )
    if sha256_of(file) != expected:
        raise BackupError(
            f"{file.name} does not match its checksum in {expected_file.name}: the file is "
            "damaged or incomplete; nothing was restored."
        )


def prune(directory: Path, *, keep_days: int, now: datetime) -> list[Path]:
    """Delete this tool's backups (and checksums) older than `keep_days`; what was deleted."""
    cutoff = (now - timedelta(days=keep_days)).timestamp()
    deleted = []
    for path in directory.iterdir():
        if _NAME.fullmatch(path.name) and path.stat().st_mtime < cutoff:
            path.unlink()
            checksum_path(path).unlink(missing_ok=True)
            deleted.append(path)
    return deleted


def checksum_path(file: Path) -> Path:
    return file.with_name(file.name + CHECKSUM_SUFFIX)


def sha256_of(file: Path) -> str:
    digest = hashlib.sha256()
    with file.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def pg_tool(name: str, server_major: int) -> Path:
    """`name` (pg_dump, pg_restore) of the server's major version, or the newest newer one."""
    if os.environ.get("PG_BINDIR"):
        candidate = Path(os.environ["PG_BINDIR"]) / name
        if candidate.is_file():
            return candidate
    versions = []
    for bindir in glob.glob(_DEBIAN_BINDIRS):
        version = Path(bindir).parent.name
        if version.isdigit() and (Path(bindir) / name).is_file():
            versions.append((int(version), Path(bindir) / name))
    usable = sorted(v for v in versions if v[0] >= server_major)
    if usable:
        return usable[0][1]
    on_path = shutil.which(name)
    if on_path is None:
        raise BackupError(
            f"{name} for PostgreSQL {server_major} was not found: install the postgresql-client "
            f"package of that version (or set PG_BINDIR)."
        )
    return Path(on_path)


def _postgres(url: str) -> sa.URL:
    parsed = sa.make_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise BackupError(
            "crm backup and restore work on PostgreSQL; a SQLite database is one file: copy it "
            "while the server is stopped (or use sqlite3's .backup)."
        )
    return parsed


def _server_major(url: str) -> int:
    engine = engine_for(url)
    try:
        with engine.connect() as conn:
            number = int(conn.execute(sa.text("SHOW server_version_num")).scalar_one())
    finally:
        engine.dispose()
    return number // 10000


def _run(command: list[str], url: str, stdin_file: Path | None = None) -> None:
    parsed = sa.make_url(url)
    env = dict(os.environ)  # an operator's own PGSSLMODE, PGSSLROOTCERT ... still apply
    libpq = {
        "PGHOST": parsed.host,
        "PGPORT": str(parsed.port) if parsed.port else None,
        "PGUSER": parsed.username,
        "PGPASSWORD": parsed.password,
        "PGDATABASE": parsed.database,
        "PGSSLMODE": str(parsed.query.get("sslmode") or "") or None,
    }
    env.update({k: v for k, v in libpq.items() if v})
    if stdin_file is not None:
        command = [*command, f"--dbname={parsed.database}", str(stdin_file)]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        detail = lines[0] if lines else f"exit status {result.returncode}"
        raise BackupError(f"{Path(command[0]).name} failed: {detail}")
