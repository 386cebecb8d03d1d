"""Schemathesis against the real server: two tenants as peers, every check, every phase.

Shared by the quick profile in the test suite (tests/api/test_schemathesis.py) and the deep
profile (bench/schemathesis_deep.py): a migrated database with two tenants (an admin and a
user each), `crm serve` on a loopback port, a Web Fuzzing Commons auth file naming one
identity per tenant as peers (so `object_level_authorization` replays one tenant's reads as
the other), and the Schemathesis CLI with `--checks all` over every operation of the spec.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from crm import passwords, provision
from crm.settings import Settings
from tests.db.conftest import alembic, make_engine
from tests.support.server import Server

ROOT = Path(__file__).resolve().parents[2]
PHASES = "examples,coverage,fuzzing,stateful"
PEERS = {"acme": "admin@acme.example", "globex": "admin@globex.example"}
PASSWORD = "schemathesis-password-1"


@dataclass(frozen=True)
class Profile:
    max_examples: int
    max_time: int | None = None  # seconds for the whole run (fuzzing and stateful repeat)
    seed: int | None = 1


def unimplemented() -> list[str]:
    """operationIds with no handler yet (crm.app answers them 501, "not available yet"): the
    reports until they land. Nothing can be tested there; each is tested once it resolves."""
    from connexion.exceptions import ResolverError

    from crm.openapi31 import load_spec
    from crm.resolver import find_handler

    missing = []
    for item in load_spec()["paths"].values():
        for op in item.values():
            if isinstance(op, dict) and "operationId" in op:
                try:
                    find_handler(op["operationId"])
                except ResolverError:
                    missing.append(op["operationId"])
    return missing


@dataclass(frozen=True)
class Outcome:
    returncode: int
    output: str
    report: Path
    operations: int
    cases: int
    failures: int  # unique failures

    def summary(self) -> str:
        return (
            f"operations={self.operations} test cases={self.cases} failures={self.failures} "
            f"(exit {self.returncode})"
        )


def prepare(database_url: str) -> None:
    """Migrate `database_url` and give it two tenants: an admin and a user in each."""
    engine = make_engine(database_url)
    alembic(engine, "upgrade", "head")
    passwords.configure(Settings.from_env({"CRM_ENV": "test", "DATABASE_URL": database_url}))
    with engine.begin() as conn:
        for slug in PEERS:
            tenant = provision.create_tenant(conn, name=slug.title(), slug=slug)
            for role in ("admin", "user"):
                provision.create_user(
                    conn,
                    tenant_id=tenant,
                    email=f"{role}@{slug}.example",
                    name=f"{slug.title()} {role}",
                    role=role,
                    password=PASSWORD,
                )
    engine.dispose()


def write_wfc(path: Path, base: str) -> None:
    """One identity per tenant that logs in through POST /auth/login (Web Fuzzing Commons).

    Logging in rather than fixed tokens: the fuzzer itself calls logout and refresh, which end
    the session its token belongs to; a fresh login (every REFRESH_SECONDS, and Schemathesis'
    re-login on a 401) heals that. The login budget (crm.ratelimit: 5 a minute per address and
    per account) stays as in production, so these logins must not share it with the fuzzer's
    own attempts at POST /auth/login: each identity comes from its own address, through the
    loopback as a trusted proxy (`server_env`), and logs in at most a few times a minute.
    """
    entries = [
        {
            "name": slug,
            "loginEndpointAuth": {
                "externalEndpointURL": f"{base}/auth/login",
                "verb": "POST",
                "contentType": "application/json",
                # with the tenant: the fuzzer may create a user with this email in the other
                # tenant (POST /api/users), after which a login without it is ambiguous (401)
                "payloadRaw": json.dumps({"email": email, "password": PASSWORD, "tenant": slug}),
                # TEST-NET-1 (RFC 5737): an address per identity, never the fuzzer's
                "headers": [{"name": "X-Forwarded-For", "value": f"192.0.2.{n}"}],
                "token": {
                    "extractFrom": "body",
                    "extractSelector": "/data/access_token",
                    "sendIn": "header",
                    "sendName": "Authorization",
                    "sendTemplate": "Bearer {token}",
                },
            },
        }
        for n, (slug, email) in enumerate(PEERS.items(), start=1)
    ]
    path.write_text(json.dumps({"auth": entries}))


REFRESH_SECONDS = 30  # with re-logins after a logout, within 5 logins a minute per account


def write_config(path: Path, wfc: Path) -> None:
    peers = ", ".join(f'"{p}"' for p in PEERS)
    path.write_text(
        "[checks]\nenabled = true\n\n"
        f'[auth.wfc]\npath = "{wfc}"\npeers = [{peers}]\nrefresh_interval = {REFRESH_SECONDS}\n'
    )


def server_env(database_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CRM_", "DATABASE_URL"))}
    env.update(
        {
            "DATABASE_URL": database_url,
            "CRM_ENV": "test",  # response validation on: a non-conforming body is a 500
            "ACCESS_TOKEN_MINUTES": "120",  # the run must outlive the tokens in the WFC file
            # the identities' logins arrive through the loopback with their own address
            "TRUSTED_PROXIES": "127.0.0.1/32,::1/128",
            # The per-user budget (1200 a minute) is a fairness limit, not a rule of the API:
            # a fuzzer sending as fast as it can would see 429 for everything past it, and
            # test nothing. It is tested in tests/api/test_rate_limits.py.
            "RATE_LIMIT_API": "off",
            # The login budget (5 a minute per address and account) is tested there too. The
            # deep profile's fuzzer ends the identities' sessions (logout) often enough that
            # their re-logins alone exceed it, and every operation then errors for want of a
            # token; refresh and change-password keep their production budgets.
            "RATE_LIMIT_LOGIN": "600/minute",
        }
    )
    return env


def run(workdir: Path, database_url: str, profile: Profile) -> Outcome:
    """Serve `database_url` (already prepared) and run the CLI against it."""
    server = Server(workdir, server_env(database_url), "serve")
    try:
        server.wait_healthy()
        wfc = workdir / "wfc-auth.json"
        write_wfc(wfc, server.base)
        config = workdir / "schemathesis.toml"
        write_config(config, wfc)
        report = workdir / "junit.xml"
        args = [
            str(Path(sys.executable).with_name("schemathesis")),
            "--config-file",
            str(config),
            "run",
            f"{server.base}/openapi.json",
            "--checks",
            "all",
            "--phases",
            PHASES,
            "--max-examples",
            str(profile.max_examples),
            "--workers",
            "1",
            "--report",
            "junit",
            "--report-junit-path",
            str(report),
        ]
        for operation_id in unimplemented():
            args += ["--exclude-operation-id", operation_id]
        if profile.max_time is not None:
            args += ["--max-time", str(profile.max_time)]
        if profile.seed is not None:
            args += ["--seed", str(profile.seed)]
        done = subprocess.run(
            args, cwd=workdir, capture_output=True, text=True, check=False, timeout=3600
        )
    finally:
        server.stop()
    output = done.stdout + done.stderr
    (workdir / "schemathesis.txt").write_text(output)
    operations, cases, failures = _figures(output)
    return Outcome(done.returncode, output, report, operations, cases, failures)


def _figures(output: str) -> tuple[int, int, int]:
    """(operations tested, test cases generated, failures) from the CLI's summary."""
    tested = re.search(r"^\s*Tested: (\d+)", output, flags=re.M)
    cases = re.search(r"^\s*(\d+) generated", output, flags=re.M)
    found = re.search(r"(\d+) unique failures", output)
    return (
        int(tested.group(1)) if tested else 0,
        int(cases.group(1)) if cases else 0,
        int(found.group(1)) if found else 0,
    )


def failures(output: str) -> list[str]:
    """Each failure the CLI printed: its code and title, and the response body it quotes."""
    out = []
    # one block per operation ("___ GET /leads ___") or for the stateful phase ("___ Stateful
    # tests ___")
    blocks = re.split(r"\n_{3,} [^\n]+? _{3,}\n", output)
    for block in blocks[1:]:
        block = block.split("=" * 10, 1)[0]
        codes = re.findall(r"^- (ST\d+ .+)$", block, flags=re.M)
        bodies = re.findall(r"^ {4}`(.*)`$", block, flags=re.M)
        out += [f"{code} :: {bodies[0] if bodies else ''}" for code in codes]
    return out


def requests_per_operation(workdir: Path) -> dict[str, Counter[int]]:
    """What the server answered, per operationId: status -> count, from its own access log
    (one JSON line per request, `crm serve`'s stderr in `workdir`), so the figures do not
    depend on how the CLI reports them. The identities' logins are counted too."""
    seen: dict[str, Counter[int]] = {}
    with (workdir / "stderr.txt").open(encoding="utf-8", errors="replace") as log:
        for line in log:
            if '"logger":"crm.access"' not in line:
                continue
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            operation = entry.get("operation_id") or f"(no route) {entry.get('method')}"
            seen.setdefault(operation, Counter())[int(entry.get("status", 0))] += 1
    return dict(sorted(seen.items()))


def sqlite_url(workdir: Path) -> str:
    return f"sqlite:///{workdir / 'crm.sqlite3'}"


def tables_exist(database_url: str) -> bool:
    engine = make_engine(database_url)
    try:
        return bool(sa.inspect(engine).get_table_names())
    finally:
        engine.dispose()
