"""/api/users: admin-only, tenant-scoped, passwords write-only, and the rules the contract cannot
say (no self-demotion or self-deactivation, the tenant keeps an active admin).

Database state is read with a separate SQLAlchemy engine (`tests.db.conftest.make_engine`).
"""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from crm import db as crm_db
from crm.db import Params, Query, Row
from generated import tables
from generated.python.schemas import validator_for
from tests.api.conftest import Api, assert_error
from tests.db.conftest import connect

pytestmark = pytest.mark.anyio

USERS = "/api/users"
LEADS = "/api/leads"


# --- helpers ------------------------------------------------------------------------------


def valid(name: str, instance: object) -> None:
    errors = [e.message for e in validator_for(name).iter_errors(instance)]
    assert errors == [], errors


def users_snapshot(url: str) -> list[tuple[Any, ...]]:
    u = tables.users
    with connect(url) as conn:
        return [tuple(r) for r in conn.execute(sa.select(u).order_by(u.c.id))]


def user_row(url: str, user_id: uuid.UUID | str) -> sa.Row[Any]:
    u = tables.users
    with connect(url) as conn:
        return conn.execute(sa.select(u).where(u.c.id == uuid.UUID(str(user_id)))).one()


def rows_with_email(url: str, tenant_id: uuid.UUID, email: str) -> list[sa.Row[Any]]:
    u = tables.users
    with connect(url) as conn:
        return list(
            conn.execute(sa.select(u).where(u.c.tenant_id == tenant_id, u.c.email == email))
        )


def tenant_user_ids(url: str, tenant_id: uuid.UUID) -> set[str]:
    u = tables.users
    with connect(url) as conn:
        return {str(i) for i in conn.scalars(sa.select(u.c.id).where(u.c.tenant_id == tenant_id))}


def active_admins(url: str, tenant_id: uuid.UUID) -> set[uuid.UUID]:
    u = tables.users
    with connect(url) as conn:
        return set(
            conn.scalars(
                sa.select(u.c.id).where(
                    u.c.tenant_id == tenant_id, u.c.role == "admin", u.c.is_active
                )
            )
        )


def all_password_hashes(url: str) -> list[str]:
    with connect(url) as conn:
        return list(conn.scalars(sa.select(tables.users.c.password_hash)))


def assert_no_password(url: str, response: httpx.Response) -> None:
    assert "password" not in response.text
    for password_hash in all_password_hashes(url):
        assert password_hash not in response.text


async def fresh_login(api: Api, email: str, password: str) -> dict[str, str]:
    """Authorization headers of a new session (not api.login's cached one)."""
    response = await api.client.post("/api/auth/login", json={"email": email, "password": password})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['data']['access_token']}"}


async def patch_user(
    api: Api, headers: dict[str, str], user_id: uuid.UUID | str, body: dict[str, Any]
) -> httpx.Response:
    return await api.client.patch(f"{USERS}/{user_id}", json=body, headers=headers)


async def promote(api: Api, key: str) -> dict[str, str]:
    """Make `key` an admin (by the original admin) and answer headers of a login as admin."""
    person = api.world[key]
    response = await patch_user(api, await api.login("admin"), person.id, {"role": "admin"})
    assert response.status_code == 200, response.text
    return await fresh_login(api, person.email, person.password)


# --- who may call /api/users --------------------------------------------------------------


async def test_a_non_admin_gets_403_everywhere_and_changes_nothing(api: Api) -> None:
    alice, bob = api.world["alice"], api.world["bob"]
    headers = await api.login("alice")
    before = users_snapshot(api.world.url)
    calls = [
        ("GET", USERS, None),
        ("POST", USERS, {"email": "sneaky@acme.example", "password": "sneaky-password-1"}),
        ("GET", f"{USERS}/{bob.id}", None),
        ("PATCH", f"{USERS}/{bob.id}", {"name": "Renamed"}),
        ("PATCH", f"{USERS}/{bob.id}", {"is_active": False}),
        ("PATCH", f"{USERS}/{alice.id}", {"role": "admin"}),  # promoting oneself
        ("GET", f"{USERS}/{api.world['gus'].id}", None),  # another tenant's: still 403
    ]
    for method, url, body in calls:
        response = await api.client.request(method, url, json=body, headers=headers)
        assert_error(response, 403)
    assert users_snapshot(api.world.url) == before


async def test_an_admin_lists_only_their_own_tenant(api: Api) -> None:
    for admin_key, slug in (("admin", "acme"), ("gina", "globex")):
        response = await api.client.get(
            USERS, params={"limit": 100}, headers=await api.login(admin_key)
        )
        assert response.status_code == 200, response.text
        page = response.json()
        valid("UserPage", page)
        tenant_id = api.world.tenants[slug]
        ids = {item["id"] for item in page["items"]}
        assert ids == tenant_user_ids(api.world.url, tenant_id)
        assert ids == {str(p.id) for p in api.world.people.values() if p.tenant_slug == slug}
        assert {item["tenant_id"] for item in page["items"]} == {str(tenant_id)}
        assert_no_password(api.world.url, response)


async def test_the_csv_export_has_no_passwords_either(api: Api) -> None:
    response = await api.client.get(
        USERS, headers={**await api.login("admin"), "Accept": "text/csv"}
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    assert api.world["alice"].email in response.text
    assert api.world["gus"].email not in response.text
    assert_no_password(api.world.url, response)


# --- create ---------------------------------------------------------------------------------


async def test_create_lowercases_the_email_and_never_returns_the_password(api: Api) -> None:
    acme, globex = api.world.tenants["acme"], api.world.tenants["globex"]
    password = "new-person-password-1"
    response = await api.client.post(
        USERS,
        json={"email": "New.Person@ACME.Example", "password": password, "name": "New Person"},
        headers=await api.login("admin"),
    )

    assert response.status_code == 201, response.text
    valid("UserEnvelope", response.json())
    created = response.json()["data"]
    assert created["email"] == "new.person@acme.example"
    assert created["tenant_id"] == str(acme)
    assert (created["role"], created["is_active"]) == ("user", True)
    assert password not in response.text
    assert_no_password(api.world.url, response)
    (row,) = rows_with_email(api.world.url, acme, "new.person@acme.example")
    assert str(row.id) == created["id"]
    assert password not in row.password_hash

    got = await api.client.get(f"{USERS}/{created['id']}", headers=await api.login("admin"))
    assert got.status_code == 200, got.text
    assert got.json()["data"] == created
    assert_no_password(api.world.url, got)

    login = await api.client.post(
        "/api/auth/login", json={"email": "NEW.person@acme.EXAMPLE", "password": password}
    )
    assert login.status_code == 200, login.text
    assert login.json()["data"]["user"]["id"] == created["id"]

    # the same address in another case is a duplicate in this tenant...
    for email in ("new.person@Acme.Example", "ALICE@acme.example"):
        duplicate = await api.client.post(
            USERS,
            json={"email": email, "password": "another-password-1"},
            headers=await api.login("admin"),
        )
        assert_error(duplicate, 409)
        assert len(rows_with_email(api.world.url, acme, email.lower())) == 1
    # ...and fine in another one
    elsewhere = await api.client.post(
        USERS,
        json={"email": "New.Person@acme.example", "password": "globex-password-1"},
        headers=await api.login("gina"),
    )
    assert elsewhere.status_code == 201, elsewhere.text
    assert elsewhere.json()["data"]["tenant_id"] == str(globex)
    assert len(rows_with_email(api.world.url, globex, "new.person@acme.example")) == 1
    assert len(rows_with_email(api.world.url, acme, "new.person@acme.example")) == 1


# --- another tenant's users do not exist ---------------------------------------------------


async def test_another_tenants_user_is_404_and_unchanged(api: Api) -> None:
    gus = api.world["gus"]
    gus_headers = await api.login("gus")
    admin = await api.login("admin")
    before = users_snapshot(api.world.url)
    missing = assert_error(await api.client.get(f"{USERS}/{uuid.uuid4()}", headers=admin), 404)

    answers = [await api.client.get(f"{USERS}/{gus.id}", headers=admin)]
    for body in ({"name": "Renamed"}, {"is_active": False}, {"role": "admin"}, {"role": "user"}):
        answers.append(await patch_user(api, admin, gus.id, body))

    for response in answers:
        assert assert_error(response, 404) == missing
        assert gus.email not in response.text
    assert users_snapshot(api.world.url) == before
    assert (await api.client.get(LEADS, headers=gus_headers)).status_code == 200


async def test_a_globex_admin_cannot_see_an_acme_user(api: Api) -> None:
    alice = api.world["alice"]
    gina = await api.login("gina")
    response = await api.client.get(f"{USERS}/{alice.id}", headers=gina)
    assert_error(response, 404)
    assert alice.email not in response.text
    assert_error(await patch_user(api, gina, alice.id, {"is_active": False}), 404)
    assert user_row(api.world.url, alice.id).is_active is True


# --- an admin cannot lock themselves out --------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [{"is_active": False}, {"role": "user"}, {"role": "user", "is_active": False}],
)
async def test_an_admin_cannot_deactivate_or_demote_themselves(
    api: Api, body: dict[str, Any]
) -> None:
    admin = api.world["admin"]
    headers = await api.login("admin")
    await promote(api, "alice")  # another admin exists: only the self rule can refuse
    before = users_snapshot(api.world.url)

    assert_error(await patch_user(api, headers, admin.id, body), 403)

    assert users_snapshot(api.world.url) == before
    assert (await api.client.get(USERS, headers=headers)).status_code == 200
    renamed = await patch_user(api, headers, admin.id, {"name": "Still Admin"})
    assert renamed.status_code == 200, renamed.text


@pytest.mark.parametrize("body", [{"is_active": False}, {"role": "user"}])
@pytest.mark.parametrize("other_admin", [True, False], ids=["two-admins", "sole-admin"])
async def test_the_self_rule_holds_for_any_spelling_of_the_id(
    api: Api, body: dict[str, Any], other_admin: bool
) -> None:
    """The path's uuid may be upper-cased (format: uuid allows it); it is still the caller."""
    admin = api.world["admin"]
    headers = await api.login("admin")
    if other_admin:
        await promote(api, "alice")
    before = users_snapshot(api.world.url)

    response = await patch_user(api, headers, str(admin.id).upper(), body)

    assert_error(response, 403)
    assert users_snapshot(api.world.url) == before


# --- the tenant keeps an active admin -----------------------------------------------------


async def test_admins_can_demote_and_deactivate_each_other_but_not_themselves(api: Api) -> None:
    admin, alice = api.world["admin"], api.world["alice"]
    acme = api.world.tenants["acme"]
    admin_headers = await api.login("admin")
    alice_headers = await promote(api, "alice")
    assert active_admins(api.world.url, acme) == {admin.id, alice.id}

    demoted = await patch_user(api, alice_headers, admin.id, {"role": "user"})
    assert demoted.status_code == 200, demoted.text
    assert demoted.json()["data"]["role"] == "user"
    assert_error(await api.client.get(USERS, headers=admin_headers), 401)  # old admin token

    repromoted = await patch_user(api, alice_headers, admin.id, {"role": "admin"})
    assert repromoted.status_code == 200, repromoted.text
    deactivated = await patch_user(api, alice_headers, admin.id, {"is_active": False})
    assert deactivated.status_code == 200, deactivated.text
    assert active_admins(api.world.url, acme) == {alice.id}

    before = users_snapshot(api.world.url)
    for body in ({"role": "user"}, {"is_active": False}):
        assert_error(await patch_user(api, alice_headers, alice.id, body), 403)
    assert users_snapshot(api.world.url) == before
    assert active_admins(api.world.url, acme) == {alice.id}


def widen_transactions(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every PostgreSQL statement waits 50 ms once it has run, so that two concurrent
    transactions interleave statement by statement instead of one finishing before the other
    starts. (SQLite runs one transaction at a time: nothing to widen there.)"""
    original = crm_db._PgSession.fetch_all

    async def slow(self: crm_db._PgSession, query: Query, params: Params) -> list[Row]:
        rows = await original(self, query, params)
        await asyncio.sleep(0.05)
        return rows

    monkeypatch.setattr(crm_db._PgSession, "fetch_all", slow)


@pytest.mark.parametrize("interleaved", [False, True], ids=["as-it-comes", "interleaved"])
async def test_two_admins_demoting_each_other_at_once_leave_an_admin(
    api: Api, monkeypatch: pytest.MonkeyPatch, interleaved: bool
) -> None:
    """The 409 "last active admin" branch cannot be reached one request at a time: the caller
    is an active admin (the session guard) other than the target (the self rule), so the
    target never is the only one. Two admins demoting each other at once is the race it
    guards against: at most one may win, the loser gets a client error (its token's role may
    be gone: 401; or the last-admin 409), never a server error, and the tenant keeps an
    active admin."""
    admin, alice = api.world["admin"], api.world["alice"]
    acme = api.world.tenants["acme"]
    admin_headers = await api.login("admin")
    alice_headers = await promote(api, "alice")
    if interleaved:
        widen_transactions(monkeypatch)

    responses = await asyncio.gather(
        patch_user(api, admin_headers, alice.id, {"role": "user"}),
        patch_user(api, alice_headers, admin.id, {"role": "user"}),
    )

    statuses = [r.status_code for r in responses]
    assert statuses.count(200) <= 1, statuses
    for response in responses:
        if response.status_code != 200:
            assert_error(response, response.status_code)
            assert response.status_code in (401, 409), statuses
    remaining = active_admins(api.world.url, acme)
    assert remaining, statuses
    assert remaining <= {admin.id, alice.id}
    assert len(remaining) == 2 - statuses.count(200)
