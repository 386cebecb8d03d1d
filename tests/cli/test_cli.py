"""The `crm` command on real databases (SQLite in tmp_path and the throwaway PostgreSQL).

Commands run in-process through `crm.cli.main(argv)`; `quickstart` and `serve` run as real
processes, reached over HTTP.
"""

from __future__ import annotations

import getpass
import io
import random
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from crm import cli, passwords
from crm.demo import CONVERTED, DEMO_SLUG, LOGINS, generate
from crm.provision import (
    ProvisionError,
    create_tenant,
    create_user,
    engine_for,
    new_id,
    normalize_url,
)
from crm.settings import Settings
from generated import tables
from generated.python.schemas import BUNDLE, validator_for
from tests.db.conftest import BACKENDS
from tests.support.server import Server, crm_command
from tests.support.server import server_env as sqlite_server_env

ROOT = Path(__file__).resolve().parents[2]
DEFS = BUNDLE["$defs"]


# --- fixtures and helpers -----------------------------------------------------------------------


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """An empty database on each backend, named by DATABASE_URL as the CLI reads it."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'crm.sqlite3'}"
    else:
        url = request.getfixturevalue("pg_create_database")()
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("CRM_ENV", "test")  # the cheap argon2 profile
    monkeypatch.delenv("CRM_PASSWORD", raising=False)
    return url


@pytest.fixture
def migrated(db_url: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert cli.main(["migrate"]) == 0
    capsys.readouterr()
    return db_url


@pytest.fixture
def engine(db_url: str) -> Iterator[sa.Engine]:
    e = engine_for(db_url)
    yield e
    e.dispose()


def rows(engine: sa.Engine, table: sa.Table, *where: Any) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(sa.select(table).where(*where))]


def jsonable(value: Any) -> Any:
    """A column value as the API writes it (SQLite hands back naive UTC datetimes)."""
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def contract_errors(schema: str, row: dict[str, Any]) -> list[str]:
    instance = {k: jsonable(v) for k, v in row.items()}
    return [f"{list(e.path)}: {e.message}" for e in validator_for(schema).iter_errors(instance)]


def enum(name: str) -> set[str]:
    return set(DEFS[name]["enum"])


def one_error_line(err: str) -> str:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("crm: ")
    return lines[0]


# --- migrate ------------------------------------------------------------------------------------


def test_migrate_upgrades_to_head_and_is_repeatable(
    db_url: str, engine: sa.Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    head = ScriptDirectory.from_config(Config(str(ROOT / "alembic.ini"))).get_current_head()
    assert cli.main(["migrate"]) == 0
    assert f"to {head}" in capsys.readouterr().err
    with engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == head
        assert set(tables.metadata.tables) <= set(sa.inspect(conn).get_table_names())
    assert cli.main(["migrate"]) == 0
    assert "already at the latest revision" in capsys.readouterr().err


@pytest.mark.postgres
def test_migrate_takes_a_plain_postgresql_url(
    pg_create_database: Callable[..., str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = pg_create_database().replace("postgresql+psycopg://", "postgresql://")
    monkeypatch.setenv("DATABASE_URL", url)
    assert cli.main(["migrate"]) == 0


def test_an_unreachable_database_is_one_line_and_exit_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'missing' / 'crm.sqlite3'}")
    assert cli.main(["migrate"]) == 1
    assert "Database error" in one_error_line(capsys.readouterr().err)


@pytest.mark.parametrize(
    ("given", "used"),
    [
        ("postgresql://u:pw@db.example:5433/crm", "postgresql+psycopg://u:pw@db.example:5433/crm"),
        ("postgresql+psycopg2://u@db.example/crm", "postgresql+psycopg://u@db.example/crm"),
        ("sqlite:///crm.sqlite3", "sqlite:///crm.sqlite3"),
    ],
)
def test_database_urls_use_the_apps_drivers(given: str, used: str) -> None:
    assert normalize_url(given) == used


@pytest.mark.parametrize("url", ["mysql://u@db.example/crm", "not a url"])
def test_other_database_urls_are_refused_in_one_line(
    url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", url)
    assert cli.main(["migrate"]) == 2
    assert "database URL" in one_error_line(capsys.readouterr().err)


def test_commands_on_an_unmigrated_database_say_to_migrate(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["tenant", "create", "--name", "Acme", "--slug", "acme"]) == 2
    assert "crm migrate" in one_error_line(capsys.readouterr().err)


def test_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--help"]) == 0
    assert "quickstart" in capsys.readouterr().out
    assert cli.main(["tenant"]) == 2
    assert cli.main(["user", "create", "--tenant", "x", "--email", "a@b.example"]) == 2


# --- tenant create ------------------------------------------------------------------------------


def test_tenant_create_prints_the_id_and_refuses_a_taken_slug(
    migrated: str, engine: sa.Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["tenant", "create", "--name", "Acme Ltd", "--slug", "acme"]) == 0
    tenant_id = uuid.UUID(capsys.readouterr().out.strip())
    assert tenant_id.version == 7
    (row,) = rows(engine, tables.tenants)
    assert (row["id"], row["name"], row["slug"], row["is_active"]) == (
        tenant_id,
        "Acme Ltd",
        "acme",
        True,
    )
    assert contract_errors("Tenant", row) == []

    assert cli.main(["tenant", "create", "--name", "Other", "--slug", "acme"]) == 2
    assert "already exists" in one_error_line(capsys.readouterr().err)
    assert len(rows(engine, tables.tenants)) == 1


@pytest.mark.parametrize(
    ("name", "slug", "field"),
    [("Acme", "Not A Slug", "slug"), ("Acme", "-acme", "slug"), ("", "acme", "name")],
)
def test_tenant_create_refuses_what_the_contract_refuses(
    migrated: str, capsys: pytest.CaptureFixture[str], name: str, slug: str, field: str
) -> None:
    assert validator_for("TenantCreate").is_valid({"name": name, "slug": slug}) is False
    assert cli.main(["tenant", "create", f"--name={name}", f"--slug={slug}"]) == 2
    assert field in one_error_line(capsys.readouterr().err)


# --- user create --------------------------------------------------------------------------------


def test_user_create_lowercases_the_email_and_hashes_the_password(
    migrated: str, engine: sa.Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["tenant", "create", "--name", "Acme", "--slug", "acme"]) == 0
    tenant_id = uuid.UUID(capsys.readouterr().out.strip())
    argv = ["user", "create", "--tenant", "acme", "--email", "Ann.Lee@Acme.Example"]
    assert cli.main([*argv, "--name", "Ann Lee", "--role", "admin", "--password", "s3cret-pw"]) == 0
    user_id = uuid.UUID(capsys.readouterr().out.strip())

    (row,) = rows(engine, tables.users)
    assert row["id"] == user_id
    assert row["tenant_id"] == tenant_id
    assert (row["email"], row["name"], row["role"], row["is_active"]) == (
        "ann.lee@acme.example",
        "Ann Lee",
        "admin",
        True,
    )
    assert row["password_hash"].startswith("$argon2id$")
    assert passwords.verify_password(row["password_hash"], "s3cret-pw")
    assert not passwords.verify_password(row["password_hash"], "S3cret-pw")
    assert contract_errors("User", {k: v for k, v in row.items() if k != "password_hash"}) == []

    # the same address in another case is the same login
    assert (
        cli.main([*argv[:-1], "ANN.LEE@acme.example", "--name", "Ann", "--password", "x" * 8]) == 2
    )
    assert "already has a user" in one_error_line(capsys.readouterr().err)


def test_user_create_errors_are_one_line(
    migrated: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["tenant", "create", "--name", "Acme", "--slug", "acme"]) == 0
    capsys.readouterr()
    base = ["user", "create", "--tenant", "acme", "--email", "bo@acme.example", "--name", "Bo"]

    assert cli.main([*base[:3], "nope", *base[4:], "--password", "long-enough"]) == 2
    assert "no tenant with slug 'nope'" in one_error_line(capsys.readouterr().err)

    assert cli.main([*base, "--password", "short"]) == 2
    line = one_error_line(capsys.readouterr().err)
    assert "password" in line
    assert "short" not in line.replace("password", "")  # never echoed

    assert cli.main([*base[:5], "not-an-email", *base[6:], "--password", "long-enough"]) == 2
    assert "email" in one_error_line(capsys.readouterr().err)

    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # not a terminal: nobody to ask
    assert cli.main(base) == 2
    assert "CRM_PASSWORD" in one_error_line(capsys.readouterr().err)


def test_user_create_takes_the_password_from_env_or_the_prompt(
    migrated: str,
    engine: sa.Engine,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["tenant", "create", "--name", "Acme", "--slug", "acme"]) == 0
    base = ["user", "create", "--tenant", "acme", "--name", "Cy", "--email"]

    monkeypatch.setenv("CRM_PASSWORD", "from-the-env")
    assert cli.main([*base, "env@acme.example"]) == 0
    monkeypatch.delenv("CRM_PASSWORD")

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    typed = iter(["typed-twice", "typed-twice", "first-try", "second-try"])
    monkeypatch.setattr(sys, "stdin", Terminal())
    monkeypatch.setattr(getpass, "getpass", lambda prompt: next(typed))
    assert cli.main([*base, "typed@acme.example"]) == 0
    assert cli.main([*base, "typo@acme.example"]) == 2
    assert "differ" in one_error_line(capsys.readouterr().err)

    hashes = {r["email"]: r["password_hash"] for r in rows(engine, tables.users)}
    assert set(hashes) == {"env@acme.example", "typed@acme.example"}
    assert passwords.verify_password(hashes["env@acme.example"], "from-the-env")
    assert passwords.verify_password(hashes["typed@acme.example"], "typed-twice")


def test_provision_functions_for_fixtures(migrated: str, engine: sa.Engine) -> None:
    """What the API tests call directly: the same checks as the CLI, as ProvisionError."""
    passwords.configure(Settings.from_env())
    with engine.begin() as conn:
        tenant_id = create_tenant(conn, name="Globex", slug="globex")
        user_id = create_user(
            conn, tenant_id=tenant_id, email="G@Globex.example", name=None, role="user",
            password="password-1",
        )  # fmt: skip
    assert (tenant_id.version, user_id.version) == (7, 7)
    assert new_id() != new_id()
    with engine.begin() as conn, pytest.raises(ProvisionError, match="already exists"):
        create_tenant(conn, name="Globex again", slug="globex")
    with engine.begin() as conn, pytest.raises(ProvisionError, match="role"):
        create_user(
            conn, tenant_id=tenant_id, email="h@globex.example", name="H", role="owner",
            password="password-1",
        )  # fmt: skip
    with engine.begin() as conn, pytest.raises(ProvisionError, match="no tenant"):
        create_user(
            conn, tenant_id=new_id(), email="h@globex.example", name="H", role="user",
            password="password-1",
        )  # fmt: skip


# --- demo ---------------------------------------------------------------------------------------


def test_demo_loads_once_and_its_rows_satisfy_the_contracts(
    migrated: str, engine: sa.Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["demo", "--leads", "80", "--clients", "40", "--seed", "7"]) == 0
    captured = capsys.readouterr()
    assert "80 leads, 40 clients" in captured.out
    assert "demo data: 120/120" in captured.err  # stderr is not a terminal: plain lines

    (tenant,) = rows(engine, tables.tenants)
    assert (tenant["slug"], tenant["name"]) == (DEMO_SLUG, "Demo Company")
    users = {u["email"]: u for u in rows(engine, tables.users)}
    assert set(users) == {login.email for login in LOGINS}
    for login in LOGINS:
        assert users[login.email]["role"] == login.role
        assert passwords.verify_password(users[login.email]["password_hash"], login.password)
    assert [login.role for login in LOGINS].count("admin") == 1

    leads, clients = rows(engine, tables.leads), rows(engine, tables.clients)
    assert (len(leads), len(clients)) == (80, 40)
    for row in leads:
        assert contract_errors("Lead", row) == [], row
    for row in clients:
        assert contract_errors("Client", row) == [], row
    assert {r["status"] for r in leads} <= enum("LeadStatus")
    assert {r["source"] for r in leads} - {None} <= enum("LeadSource")
    assert {r["status"] for r in clients} <= enum("ClientStatus")
    user_ids = {u["id"] for u in users.values()}
    assert {r["created_by"] for r in leads + clients} <= user_ids
    assert {r["assigned_to"] for r in leads + clients} - {None} <= user_ids

    by_id = {r["id"]: r for r in leads}
    converted = [c for c in clients if c["source_lead_id"] is not None]
    assert converted, "some clients come from converted leads"
    for client in converted:
        lead = by_id[client["source_lead_id"]]
        assert lead["status"] == CONVERTED
        assert client["converted_at"] == lead["converted_at"] is not None

    assert cli.main(["demo"]) == 0
    assert "already exists" in capsys.readouterr().out
    assert len(rows(engine, tables.tenants)) == 1
    assert len(rows(engine, tables.users)) == len(LOGINS)
    assert (len(rows(engine, tables.leads)), len(rows(engine, tables.clients))) == (80, 40)


def _writable(row: dict[str, Any], schema: str) -> dict[str, Any]:
    """The part of a stored record that a client could have sent in a create body."""
    return {k: v for k, v in row.items() if k in DEFS[schema]["properties"]}


def test_generated_records_pass_the_create_and_entity_contracts() -> None:
    now = datetime.now(UTC)
    users = [new_id() for _ in LOGINS]
    kwargs: dict[str, Any] = {"tenant_id": new_id(), "user_ids": users, "leads": 600}
    data = generate(random.Random(3), now, clients=400, **kwargs)
    assert (len(data.leads), len(data.clients)) == (600, 400)
    for schema, records in (("Lead", data.leads), ("Client", data.clients)):
        for row in records:
            assert contract_errors(schema, row) == [], row
            assert contract_errors(f"{schema}Create", _writable(row, f"{schema}Create")) == []
            created, updated = row["created_at"], row["updated_at"]
            assert now - timedelta(days=366) < created <= updated < now
            if row["converted_at"] is not None:
                assert created <= row["converted_at"] <= updated
    # every status and source of the contract shows up in a few hundred records
    assert {r["status"] for r in data.leads} == enum("LeadStatus")
    assert {r["source"] for r in data.leads} - {None} == enum("LeadSource")
    assert {r["status"] for r in data.clients} == enum("ClientStatus")
    assert {r["created_by"] for r in data.leads} == set(users)
    # a client converted from a lead keeps its name; every other company name is new
    standalone = [r for r in data.clients if r["source_lead_id"] is None]
    assert len({r["name"] for r in data.leads + standalone}) == 600 + len(standalone) < 1000
    # reproducible from the seed
    again = generate(random.Random(3), now, clients=400, **kwargs)
    assert again.leads == data.leads
    assert again.clients == data.clients


def test_progress_bar_on_a_terminal_and_in_a_log() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    tty, log = Terminal(), io.StringIO()
    for stream in (tty, log):
        bar = cli.ProgressBar("demo data", stream)
        for done in range(0, 451, 50):
            bar(done, 450)
    assert tty.getvalue().endswith(f"\rdemo data [{'#' * 30}] 450/450\n")
    assert "\rdemo data [######" in tty.getvalue()
    assert log.getvalue().splitlines() == [
        "demo data: 0/450",
        "demo data: 150/450",
        "demo data: 250/450",
        "demo data: 350/450",
        "demo data: 450/450",
    ]


# --- serve and quickstart, as real processes ----------------------------------------------------


@pytest.fixture
def server_env(tmp_path: Path) -> dict[str, str]:
    return sqlite_server_env(tmp_path / "crm.sqlite3")


def test_quickstart_migrates_loads_the_demo_and_serves(
    tmp_path: Path, server_env: dict[str, str]
) -> None:
    server = Server(tmp_path, server_env, "quickstart")
    try:
        server.wait_healthy()
        assert httpx.get(f"{server.base}/health").json() == {"status": "ok"}
        assert httpx.get(f"{server.base}/docs/").status_code == 200

        banner = server.out.read_text()
        assert f"{server.base}/docs/" in banner
        assert f"{server.base}/health" in banner
        for login in LOGINS:
            assert login.email in banner
            assert login.password in banner
        assert f"curl -s -X POST {server.base}/auth/login" in banner

        admin = LOGINS[0]
        response = httpx.post(
            f"{server.base}/auth/login", json={"email": admin.email, "password": admin.password}
        )
        assert response.status_code == 200, response.text
        body = response.json()
        assert validator_for("SessionEnvelope").is_valid(body)
        assert body["data"]["tenant"]["slug"] == DEMO_SLUG
        headers = {"Authorization": f"Bearer {body['data']['access_token']}"}
        leads = httpx.get(f"{server.base}/leads", headers=headers)
        assert leads.status_code == 200, leads.text
        assert leads.json()["items"]
    finally:
        server.stop()
    assert (tmp_path / "crm.sqlite3").exists()

    # a second quickstart on the same database: no second demo tenant
    again = Server(tmp_path, server_env, "quickstart")
    try:
        again.wait_healthy()
    finally:
        again.stop()
    assert "already exists" in again.err.read_text()


def test_serve_runs_several_workers(tmp_path: Path, server_env: dict[str, str]) -> None:
    subprocess.run([*crm_command(), "migrate"], cwd=tmp_path, env=server_env, check=True)
    server = Server(tmp_path, server_env, "serve", "--workers", "2")
    try:
        server.wait_healthy()
        for _ in range(4):
            assert httpx.get(f"{server.base}/health").status_code == 200
    finally:
        server.stop()
    assert server.err.read_text().count("Started server process") == 2, server.logs()
