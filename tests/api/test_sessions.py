"""Login sessions end to end: login, access-token claims, refresh rotation and reuse detection,
logout, me, change-password, and deactivation / role change / tenant deactivation taking effect
on the very next request.

Every expectation is checked against an independent fact: the decoded JWT, or the database read
with a separate SQLAlchemy engine (`tests.db.conftest.make_engine`).
"""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import jwt
import pytest
import sqlalchemy as sa

from crm import provision
from crm.settings import Settings
from generated import tables
from generated.python.schemas import validator_for
from tests.api.conftest import Api, assert_error
from tests.db.conftest import connect

pytestmark = pytest.mark.anyio

LOGIN = "/api/auth/login"
REFRESH = "/api/auth/refresh"
LOGOUT = "/api/auth/logout"
ME = "/api/auth/me"
CHANGE_PASSWORD = "/api/auth/change-password"
LEADS = "/api/leads"
ALL_LEADS = "/api/leads/all"


# --- helpers ------------------------------------------------------------------------------


def valid(name: str, instance: object) -> None:
    errors = [e.message for e in validator_for(name).iter_errors(instance)]
    assert errors == [], errors


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def set_active(url: str, table: sa.Table, row_id: uuid.UUID, active: bool) -> None:
    with connect(url) as conn:
        changed = conn.execute(
            sa.update(table).where(table.c.id == row_id).values(is_active=active)
        ).rowcount
    assert changed == 1


def sessions_of(url: str, user_id: uuid.UUID) -> list[sa.Row[Any]]:
    s = tables.auth_sessions
    with connect(url) as conn:
        return list(conn.execute(sa.select(s).where(s.c.user_id == user_id)))


def user_row(url: str, user_id: uuid.UUID) -> sa.Row[Any]:
    u = tables.users
    with connect(url) as conn:
        return conn.execute(sa.select(u).where(u.c.id == user_id)).one()


def aware(value: datetime) -> datetime:
    """A timestamp read back by SQLAlchemy (naive UTC on SQLite) as an aware datetime."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def decode(settings: Settings, token: str) -> dict[str, Any]:
    claims: dict[str, Any] = jwt.decode(
        token,
        settings.jwt_secret,
        algorithms=["HS256"],
        audience=settings.jwt_audience,
        issuer=settings.jwt_issuer,
    )
    return claims


async def login(api: Api, email: str, password: str, tenant: str | None = None) -> httpx.Response:
    body = {"email": email, "password": password}
    if tenant is not None:
        body["tenant"] = tenant
    return await api.client.post(LOGIN, json=body)


async def session(api: Api, key: str, password: str | None = None) -> dict[str, Any]:
    """The data of a fresh login of `key` (a new session each call)."""
    person = api.world[key]
    response = await login(api, person.email, password or person.password)
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()["data"]
    return data


async def refresh(api: Api, token: str) -> httpx.Response:
    return await api.client.post(REFRESH, json={"refresh_token": token})


async def leads_status(api: Api, access_token: str) -> int:
    return (await api.client.get(LEADS, headers=bearer(access_token))).status_code


def headers_but_date(response: httpx.Response) -> dict[str, str]:
    """The headers that could tell one refusal from another (not the date or request id)."""
    return {k: v for k, v in response.headers.items() if k.lower() not in ("date", "x-request-id")}


# --- login --------------------------------------------------------------------------------


async def test_login_is_case_insensitive_and_answers_the_session_shape(
    api: Api, settings: Settings
) -> None:
    alice = api.world["alice"]
    assert user_row(api.world.url, alice.id).last_login_at is None
    before = datetime.now(UTC)

    response = await login(api, alice.email.upper(), alice.password)

    assert response.status_code == 200, response.text
    body = response.json()
    valid("SessionEnvelope", body)
    data = body["data"]
    assert data["token_type"] == "Bearer"
    assert data["user"]["id"] == str(alice.id)
    assert data["user"]["email"] == alice.email
    assert data["user"]["role"] == "user"
    assert data["user"]["tenant_id"] == str(alice.tenant_id)
    assert data["tenant"]["id"] == str(alice.tenant_id)
    assert data["tenant"]["slug"] == "acme"
    assert "password" not in response.text
    assert user_row(api.world.url, alice.id).password_hash not in response.text

    stored = user_row(api.world.url, alice.id).last_login_at
    assert stored is not None
    assert before - timedelta(seconds=1) <= aware(stored) <= datetime.now(UTC)
    answered = datetime.fromisoformat(data["user"]["last_login_at"])
    assert abs(answered - aware(stored)) < timedelta(seconds=1)
    # the other people's rows are untouched
    assert user_row(api.world.url, api.world["bob"].id).last_login_at is None


async def test_every_refused_login_is_the_same_401(api: Api) -> None:
    alice, bob, gus = api.world["alice"], api.world["bob"], api.world["gus"]
    set_active(api.world.url, tables.users, bob.id, False)
    set_active(api.world.url, tables.tenants, gus.tenant_id, False)

    cases = {
        "unknown email": await login(api, "nobody@acme.example", alice.password),
        "wrong password": await login(api, alice.email, "not-the-password-1"),
        "inactive user": await login(api, bob.email, bob.password),
        "inactive tenant": await login(api, gus.email, gus.password),
    }

    for name, response in cases.items():
        assert_error(response, 401)
        assert response.headers["www-authenticate"] == "Bearer", name
    first = cases["unknown email"]
    for name, response in cases.items():
        assert response.content == first.content, name
        assert headers_but_date(response) == headers_but_date(first), name
    # nothing was started for the refused accounts
    for person in (alice, bob, gus):
        assert sessions_of(api.world.url, person.id) == []
        assert user_row(api.world.url, person.id).last_login_at is None


async def test_the_same_email_in_two_tenants_needs_the_tenant_slug(api: Api) -> None:
    alice = api.world["alice"]
    with connect(api.world.url) as conn:
        twin_id = provision.create_user(
            conn,
            tenant_id=api.world.tenants["globex"],
            email=alice.email,
            name="Alice of Globex",
            role="user",
            password=alice.password,
        )

    ambiguous = await login(api, alice.email, alice.password)
    body = assert_error(ambiguous, 401)
    assert "more than one organisation" in body["error"]
    assert sessions_of(api.world.url, alice.id) == []
    assert sessions_of(api.world.url, twin_id) == []

    for slug, expected in (("globex", twin_id), ("acme", alice.id)):
        response = await login(api, alice.email.upper(), alice.password, tenant=slug)
        assert response.status_code == 200, response.text
        data = response.json()["data"]
        assert data["user"]["id"] == str(expected)
        assert data["tenant"]["slug"] == slug
        assert data["tenant"]["id"] == str(api.world.tenants[slug])

    # a slug that names the wrong tenant for these credentials is the ordinary 401
    gus = api.world["gus"]
    assert_error(await login(api, gus.email, gus.password, tenant="acme"), 401)


async def test_the_access_token_carries_the_session_claims(api: Api, settings: Settings) -> None:
    alice = api.world["alice"]
    data = await session(api, "alice")

    claims = decode(settings, data["access_token"])
    assert claims["sub"] == str(alice.id)
    assert claims["tenant_id"] == str(alice.tenant_id)
    assert claims["role"] == "user"
    assert isinstance(claims["jti"], str)
    assert claims["jti"]
    lifetime = settings.access_token_minutes * 60
    assert claims["exp"] - claims["iat"] == lifetime
    assert abs(claims["iat"] - time.time()) < 60
    assert data["expires_in"] == lifetime

    (stored,) = sessions_of(api.world.url, alice.id)
    assert stored.id == uuid.UUID(claims["sid"])
    assert stored.tenant_id == alice.tenant_id
    assert stored.revoked_at is None
    expected_end = datetime.now(UTC) + timedelta(days=settings.refresh_token_days)
    assert abs(aware(stored.expires_at) - expected_end) < timedelta(minutes=1)

    # the refresh token names its row by (tenant_id, id); its secret is not stored as such
    ids, _, secret = data["refresh_token"].partition(".")
    assert uuid.UUID(hex=ids[:32]) == alice.tenant_id
    token_id = ids[32:]
    t = tables.refresh_tokens
    with connect(api.world.url) as conn:
        row = conn.execute(sa.select(t).where(t.c.id == uuid.UUID(hex=token_id))).one()
    assert row.session_id == stored.id
    assert row.used_at is None
    assert secret
    assert secret not in row.token_hash

    admin_claims = decode(settings, (await session(api, "admin"))["access_token"])
    assert admin_claims["role"] == "admin"
    again = decode(settings, (await session(api, "alice"))["access_token"])
    assert again["sid"] != claims["sid"]
    assert again["jti"] != claims["jti"]


# --- refresh ------------------------------------------------------------------------------


async def test_refresh_rotates_the_token(api: Api, settings: Settings) -> None:
    first = await session(api, "alice")
    response = await refresh(api, first["refresh_token"])

    assert response.status_code == 200, response.text
    valid("SessionEnvelope", response.json())
    second = response.json()["data"]
    assert second["refresh_token"] != first["refresh_token"]
    assert second["access_token"] != first["access_token"]
    assert second["user"]["id"] == str(api.world["alice"].id)
    old, new = decode(settings, first["access_token"]), decode(settings, second["access_token"])
    assert new["sid"] == old["sid"]
    assert new["jti"] != old["jti"]
    assert await leads_status(api, second["access_token"]) == 200

    third = await refresh(api, second["refresh_token"])
    assert third.status_code == 200, third.text


async def test_a_reused_refresh_token_revokes_the_whole_session(api: Api) -> None:
    alice = api.world["alice"]
    first = await session(api, "alice")
    second = (await refresh(api, first["refresh_token"])).json()["data"]
    other = await session(api, "alice")  # another login of the same user: not involved

    reuse = await refresh(api, first["refresh_token"])

    assert_error(reuse, 401)
    assert_error(await refresh(api, second["refresh_token"]), 401)
    assert_error(await api.client.get(LEADS, headers=bearer(second["access_token"])), 401)
    assert_error(await api.client.get(LEADS, headers=bearer(first["access_token"])), 401)
    rows = {s.id: s for s in sessions_of(api.world.url, alice.id)}
    assert len(rows) == 2
    revoked = [s for s in rows.values() if s.revoked_at is not None]
    assert len(revoked) == 1
    assert await leads_status(api, other["access_token"]) == 200
    assert (await refresh(api, other["refresh_token"])).status_code == 200


async def test_a_refresh_token_with_a_wrong_secret_does_not_revoke(api: Api) -> None:
    alice = api.world["alice"]
    first = await session(api, "alice")
    token_id, _, secret = first["refresh_token"].partition(".")
    forged = f"{token_id}.{'A' if secret[0] != 'A' else 'B'}{secret[1:]}"

    assert_error(await refresh(api, forged), 401)
    (stored,) = sessions_of(api.world.url, alice.id)
    assert stored.revoked_at is None
    response = await refresh(api, first["refresh_token"])
    assert response.status_code == 200, response.text
    second = response.json()["data"]

    # the same forgery of a token that *was* used is not reuse either: knowing an id is not
    # enough to end someone's session
    assert_error(await refresh(api, forged), 401)
    (stored,) = sessions_of(api.world.url, alice.id)
    assert stored.revoked_at is None
    assert await leads_status(api, second["access_token"]) == 200
    assert (await refresh(api, second["refresh_token"])).status_code == 200


@pytest.mark.parametrize(
    "token",
    [
        "garbage",
        "not-hex.secret",
        f"{uuid.uuid4().hex}.some-secret-that-matches-nothing",
        f"{uuid.uuid4().hex}{uuid.uuid4().hex}.some-secret-that-matches-nothing",
        "0190f5c2-7a1b-7c3d-8e4f-a1b2c3d4e5f1",
        "a.b.c",
    ],
)
async def test_a_garbage_refresh_token_is_the_standard_401(api: Api, token: str) -> None:
    # a rejected access token: the standard token 401 (no token at all is another sentence)
    reference = await api.client.get(LEADS, headers={"Authorization": "Bearer not.a.token"})
    response = await refresh(api, token)
    body = assert_error(response, 401)
    assert response.headers["www-authenticate"] == "Bearer"
    assert body == assert_error(reference, 401)


# --- logout -------------------------------------------------------------------------------


async def test_logout_ends_only_its_own_session(api: Api) -> None:
    alice = api.world["alice"]
    first = await session(api, "alice")
    second = await session(api, "alice")

    response = await api.client.post(LOGOUT, headers=bearer(first["access_token"]))

    assert response.status_code == 204, response.text
    assert response.content == b""
    assert_error(await api.client.get(LEADS, headers=bearer(first["access_token"])), 401)
    assert_error(await refresh(api, first["refresh_token"]), 401)
    assert_error(await api.client.post(LOGOUT, headers=bearer(first["access_token"])), 401)
    revoked = [s for s in sessions_of(api.world.url, alice.id) if s.revoked_at is not None]
    assert len(revoked) == 1
    assert await leads_status(api, second["access_token"]) == 200
    assert (await refresh(api, second["refresh_token"])).status_code == 200


# --- me -----------------------------------------------------------------------------------


async def test_me_answers_the_caller_and_their_tenant(api: Api) -> None:
    gus = api.world["gus"]
    response = await api.client.get(ME, headers=await api.login("gus"))

    assert response.status_code == 200, response.text
    body = response.json()
    valid("MeEnvelope", body)
    assert body["data"]["user"]["id"] == str(gus.id)
    assert body["data"]["user"]["email"] == gus.email
    assert body["data"]["user"]["role"] == "user"
    assert body["data"]["tenant"]["id"] == str(gus.tenant_id)
    assert body["data"]["tenant"]["slug"] == "globex"
    assert "password" not in response.text
    assert user_row(api.world.url, gus.id).password_hash not in response.text


# --- change password ----------------------------------------------------------------------


async def test_change_password(api: Api) -> None:
    alice = api.world["alice"]
    current = await session(api, "alice")
    other = await session(api, "alice")
    hash_before = user_row(api.world.url, alice.id).password_hash
    new_password = "a-brand-new-password-2"

    wrong = await api.client.post(
        CHANGE_PASSWORD,
        json={"current_password": "not-the-password-1", "new_password": new_password},
        headers=bearer(current["access_token"]),
    )
    assert_error(wrong, 403)
    assert user_row(api.world.url, alice.id).password_hash == hash_before
    assert await leads_status(api, other["access_token"]) == 200

    right = await api.client.post(
        CHANGE_PASSWORD,
        json={"current_password": alice.password, "new_password": new_password},
        headers=bearer(current["access_token"]),
    )

    assert right.status_code == 204, right.text
    assert right.content == b""
    assert user_row(api.world.url, alice.id).password_hash != hash_before
    assert_error(await api.client.get(LEADS, headers=bearer(other["access_token"])), 401)
    assert_error(await refresh(api, other["refresh_token"]), 401)
    assert await leads_status(api, current["access_token"]) == 200
    assert (await refresh(api, current["refresh_token"])).status_code == 200
    assert_error(await login(api, alice.email, alice.password), 401)
    assert (await login(api, alice.email, new_password)).status_code == 200


# --- changes made by an admin take effect on the next request ----------------------------


async def test_deactivation_takes_effect_on_the_next_request(api: Api) -> None:
    alice = api.world["alice"]
    old = await session(api, "alice")
    admin = await api.login("admin")
    assert await leads_status(api, old["access_token"]) == 200

    off = await api.client.patch(f"/api/users/{alice.id}", json={"is_active": False}, headers=admin)
    assert off.status_code == 200, off.text
    assert off.json()["data"]["is_active"] is False

    assert_error(await api.client.get(LEADS, headers=bearer(old["access_token"])), 401)
    assert_error(await api.client.get(ME, headers=bearer(old["access_token"])), 401)
    assert all(s.revoked_at is not None for s in sessions_of(api.world.url, alice.id))

    on = await api.client.patch(f"/api/users/{alice.id}", json={"is_active": True}, headers=admin)
    assert on.status_code == 200, on.text
    assert user_row(api.world.url, alice.id).is_active is True

    assert_error(await api.client.get(LEADS, headers=bearer(old["access_token"])), 401)
    assert_error(await refresh(api, old["refresh_token"]), 401)
    new = await session(api, "alice")
    assert await leads_status(api, new["access_token"]) == 200


async def test_a_role_change_takes_effect_on_the_next_request(api: Api, settings: Settings) -> None:
    bob = api.world["bob"]
    admin = await api.login("admin")
    as_user = await session(api, "bob")
    assert_error(await api.client.get(ALL_LEADS, headers=bearer(as_user["access_token"])), 403)

    promoted = await api.client.patch(f"/api/users/{bob.id}", json={"role": "admin"}, headers=admin)
    assert promoted.status_code == 200, promoted.text
    assert user_row(api.world.url, bob.id).role == "admin"

    assert_error(await api.client.get(LEADS, headers=bearer(as_user["access_token"])), 401)
    as_admin = await session(api, "bob")
    assert decode(settings, as_admin["access_token"])["role"] == "admin"
    response = await api.client.get(ALL_LEADS, headers=bearer(as_admin["access_token"]))
    assert response.status_code == 200, response.text
    # a role change does not end sessions: the old refresh token gets a token of the new role
    refreshed = await refresh(api, as_user["refresh_token"])
    assert refreshed.status_code == 200, refreshed.text
    assert decode(settings, refreshed.json()["data"]["access_token"])["role"] == "admin"

    demoted = await api.client.patch(f"/api/users/{bob.id}", json={"role": "user"}, headers=admin)
    assert demoted.status_code == 200, demoted.text
    assert user_row(api.world.url, bob.id).role == "user"

    assert_error(await api.client.get(ALL_LEADS, headers=bearer(as_admin["access_token"])), 401)
    assert_error(await api.client.get(LEADS, headers=bearer(as_admin["access_token"])), 401)
    again = await session(api, "bob")
    assert decode(settings, again["access_token"])["role"] == "user"
    assert await leads_status(api, again["access_token"]) == 200
    assert_error(await api.client.get(ALL_LEADS, headers=bearer(again["access_token"])), 403)


async def test_a_deactivated_tenant_takes_effect_on_the_next_request(api: Api) -> None:
    alice = api.world["alice"]
    data = await session(api, "alice")
    gina = await api.login("gina")
    assert await leads_status(api, data["access_token"]) == 200

    set_active(api.world.url, tables.tenants, alice.tenant_id, False)

    assert_error(await api.client.get(LEADS, headers=bearer(data["access_token"])), 401)
    assert_error(await api.client.get(ME, headers=bearer(data["access_token"])), 401)
    assert_error(await refresh(api, data["refresh_token"]), 401)
    assert (await api.client.get(LEADS, headers=gina)).status_code == 200

    set_active(api.world.url, tables.tenants, alice.tenant_id, True)
    # the tenant switch ends nothing by itself: the session is live again
    assert await leads_status(api, data["access_token"]) == 200
