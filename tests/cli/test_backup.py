"""crm backup / crm restore on PostgreSQL: a round trip, and a corrupted file refused.

The database holds the demo tenant (users, leads, clients) and a second tenant. Equality after
the round trip is per table: the row count and an md5 of every row's text
in a fixed order, for every table of the schema (alembic_version included).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from crm import passwords, provision
from crm.cli import main
from crm.demo import load_demo
from crm.ops import backup as backups
from crm.settings import Settings
from tests.db.conftest import alembic, make_engine

pytestmark = pytest.mark.postgres


def fingerprint(url: str) -> dict[str, tuple[int, str]]:
    """table -> (rows, md5 of all rows' text in order), for every table in the schema."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            names = sorted(sa.inspect(conn).get_table_names())
            return {
                name: tuple(
                    conn.execute(
                        sa.text(
                            f"SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' "
                            f"ORDER BY t::text), '')) FROM \"{name}\" t"
                        )
                    ).one()
                )
                for name in names
            }
    finally:
        engine.dispose()


@pytest.fixture
def loaded(pg_create_database: Callable[..., str]) -> str:
    url = pg_create_database()
    engine = make_engine(url)
    alembic(engine, "upgrade", "head")
    passwords.configure(Settings.from_env({"CRM_ENV": "test"}))
    with engine.begin() as conn:
        load_demo(conn, leads=40, clients=20, seed=7)
        tenant = provision.create_tenant(conn, name="Second", slug="second")
        provision.create_user(
            conn,
            tenant_id=tenant,
            email="owner@second.example",
            name="Owner",
            role="admin",
            password="owner-password-1",
        )
    engine.dispose()
    return url


def test_backup_then_restore_into_a_fresh_database_gives_the_same_tables(
    loaded: str,
    pg_create_database: Callable[..., str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = fingerprint(loaded)
    assert before["leads"][0] == 40
    assert before["users"][0] >= 2

    monkeypatch.setenv("DATABASE_URL", loaded)
    assert main(["backup", "--dir", str(tmp_path / "backups")]) == 0
    dump = Path(capsys.readouterr().out.strip())
    assert dump.parent == tmp_path / "backups"
    assert dump.read_bytes().startswith(b"PGDMP")  # pg_dump's custom format
    checksum = backups.checksum_path(dump).read_text()
    assert checksum == f"{backups.sha256_of(dump)}  {dump.name}\n"

    fresh = pg_create_database()
    monkeypatch.setenv("DATABASE_URL", fresh)
    assert main(["restore", str(dump)]) == 0
    assert fingerprint(fresh) == before


def test_a_corrupted_backup_is_refused_and_nothing_is_restored(
    loaded: str,
    pg_create_database: Callable[..., str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("DATABASE_URL", loaded)
    assert main(["backup", "--dir", str(tmp_path)]) == 0
    dump = Path(capsys.readouterr().out.strip())
    data = bytearray(dump.read_bytes())
    data[len(data) // 2] ^= 0xFF
    dump.write_bytes(bytes(data))

    fresh = pg_create_database()
    monkeypatch.setenv("DATABASE_URL", fresh)
    assert main(["restore", str(dump)]) == 1
    err = capsys.readouterr().err
    assert "does not match its checksum" in err
    assert err.count("\n") == 1
    assert fingerprint(fresh) == {}


def test_restore_refuses_a_database_that_has_tables(
    loaded: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", loaded)
    assert main(["backup", "--dir", str(tmp_path)]) == 0
    dump = Path(capsys.readouterr().out.strip())
    before = fingerprint(loaded)
    assert main(["restore", str(dump)]) == 1
    assert "restore into an empty database" in capsys.readouterr().err
    assert fingerprint(loaded) == before


def test_backups_older_than_the_retention_are_deleted(tmp_path: Path) -> None:
    now = datetime(2026, 11, 27, 2, 0, tzinfo=UTC)
    old = tmp_path / "crm-crm-20261001T020000Z.dump"
    recent = tmp_path / "crm-crm-20261120T020000Z.dump"
    other = tmp_path / "notes.txt"
    for path in (old, recent, other):
        path.write_bytes(b"x")
        backups.checksum_path(path).write_text("x\n")
    stamp = (now - timedelta(days=40)).timestamp()
    os.utime(old, (stamp, stamp))
    os.utime(other, (stamp, stamp))
    assert backups.prune(tmp_path, keep_days=30, now=now) == [old]
    assert not old.exists()
    assert not backups.checksum_path(old).exists()
    assert recent.exists()
    assert other.exists()


def test_backup_needs_postgresql(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'crm.sqlite3'}")
    assert main(["backup", "--dir", str(tmp_path)]) == 1
    assert "PostgreSQL" in capsys.readouterr().err
