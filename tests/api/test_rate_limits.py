"""Rate limits (crm.ratelimit) and the constant cost of login, on both databases.

Login brute force: the sixth attempt within a minute answers 429 with Retry-After, counted by
client address and by account, in memory and on a real redis-server; a refused attempt costs
no password hash, so a flood does not queue argon2 work in front of another account's login.
Login cost is shown by counting argon2 verifications, never by timing.
"""

from __future__ import annotations

import asyncio
import dataclasses
import ipaddress
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest
import redis

from crm import passwords, provision
from crm.app import create_app
from crm.db import Database
from crm.ratelimit import client_address
from crm.settings import Settings, SettingsError
from tests.api.conftest import Api, World, assert_error, lifespan
from tests.db.conftest import make_engine
from tests.fixtures.postgres import free_port

pytestmark = pytest.mark.anyio

RATE_HEADERS = ("retry-after", "ratelimit-limit", "ratelimit-remaining", "ratelimit-reset")


@pytest.fixture(params=["memory", "redis"])
def storage(request: pytest.FixtureRequest) -> str | None:
    """None for memory storage, else the URL of the session's redis-server, emptied."""
    if request.param == "memory":
        return None
    url: str = request.getfixturevalue("redis_url")
    with redis.Redis.from_url(url) as connection:
        connection.flushdb()
    return url


@pytest.fixture
def limited(settings: Settings, storage: str | None) -> Settings:
    """The test settings with the real login defaults (5 a minute) on `storage`."""
    defaults = Settings()
    return dataclasses.replace(
        settings,
        rate_limit_login=defaults.rate_limit_login,
        rate_limit_refresh="3/minute",
        rate_limit_password="2/minute",
        rate_limit_api="4/minute",
        redis_url=storage,
    )


@pytest.fixture
def verifications(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every argon2 verification the app runs, by the hash it verified against."""
    seen: list[str] = []
    real = passwords.verify_password

    def counting(password_hash: str, password: str) -> bool:
        seen.append(password_hash)
        return real(password_hash, password)

    monkeypatch.setattr(passwords, "verify_password", counting)
    return seen


ClientFactory = Callable[..., httpx.AsyncClient]


@pytest.fixture
async def clients(
    limited: Settings, database: Database, world: World
) -> AsyncIterator[ClientFactory]:
    """`clients(address)`: a client of one app (one limiter) connecting from `address`."""
    app = create_app(limited, database=database)
    opened: list[httpx.AsyncClient] = []
    shutdown = await lifespan(app)

    def make(address: str = "198.51.100.7") -> httpx.AsyncClient:
        transport = httpx.ASGITransport(app=app, client=(address, 40000))
        client = httpx.AsyncClient(transport=transport, base_url="http://test")
        opened.append(client)
        return client

    yield make
    for client in opened:
        await client.aclose()
    await shutdown()


async def login(client: httpx.AsyncClient, email: str, password: str) -> httpx.Response:
    return await client.post("/api/auth/login", json={"email": email, "password": password})


def assert_limited(response: httpx.Response, limit: int) -> dict[str, Any]:
    body = assert_error(response, 429)
    retry = int(response.headers["retry-after"])
    assert 1 <= retry <= 60
    assert response.headers["ratelimit-limit"] == str(limit)
    assert response.headers["ratelimit-remaining"] == "0"
    assert int(response.headers["ratelimit-reset"]) == retry
    assert body["details"]["retry_after"] == retry
    return body


async def test_the_sixth_wrong_login_within_a_minute_is_429(
    clients: ClientFactory, world: World, verifications: list[str]
) -> None:
    client = clients()
    alice = world["alice"]
    for _ in range(5):
        assert_error(await login(client, alice.email, "wrong-password-1"), 401)
    assert len(verifications) == 5

    refused = await login(client, alice.email, "wrong-password-1")
    assert_limited(refused, 5)
    assert "login attempts" in refused.json()["error"]
    # refused before any hashing, and the right password is refused too within the window
    assert_limited(await login(client, alice.email, alice.password), 5)
    assert len(verifications) == 5


async def test_login_is_limited_per_account_across_addresses(
    clients: ClientFactory, world: World, verifications: list[str]
) -> None:
    alice = world["alice"]
    for i in range(5):
        assert_error(await login(clients(f"203.0.113.{i}"), alice.email, "wrong-password-1"), 401)
    # a sixth address, and the email written differently: still the same account
    assert_limited(await login(clients("203.0.113.99"), alice.email.upper(), alice.password), 5)
    assert len(verifications) == 5
    # another account from that address is not affected
    bob = world["bob"]
    assert (await login(clients("203.0.113.99"), bob.email, bob.password)).status_code == 200


async def test_login_is_limited_per_address_across_accounts(
    clients: ClientFactory, world: World
) -> None:
    client = clients("192.0.2.10")
    for i in range(5):
        assert_error(await login(client, f"nobody{i}@acme.example", "wrong-password-1"), 401)
    assert_limited(await login(client, "nobody9@acme.example", "wrong-password-1"), 5)
    gina = world["gina"]
    assert (await login(clients("192.0.2.11"), gina.email, gina.password)).status_code == 200


async def test_a_flood_of_wrong_logins_costs_no_hashing_for_another_accounts_login(
    clients: ClientFactory, world: World, verifications: list[str]
) -> None:
    """The mechanism behind "a flood does not delay another account's login": of 60
    concurrent wrong logins, only the 5 the budget allows reach argon2; the rest are refused
    before any hashing, so the other account's login queues behind at most those 5."""
    alice, bob = world["alice"], world["bob"]
    attacker, person = clients("192.0.2.66"), clients("192.0.2.77")

    flood = [login(attacker, alice.email, f"guess-{i}-password") for i in range(60)]
    results = await asyncio.gather(*flood, login(person, bob.email, bob.password))

    *attempts, real = results
    assert real.status_code == 200, real.text
    statuses = sorted(r.status_code for r in attempts)
    assert statuses == [401] * 5 + [429] * 55
    assert len(verifications) == 5 + 1


async def test_refresh_change_password_and_the_api_budget(
    clients: ClientFactory, world: World
) -> None:
    client = clients("192.0.2.20")
    alice = world["alice"]
    data = (await login(client, alice.email, alice.password)).json()["data"]
    auth = {"Authorization": f"Bearer {data['access_token']}"}

    # refresh: 3 a minute per address (the settings above); a refused one uses no token
    token = data["refresh_token"]
    for _ in range(3):
        response = await client.post("/api/auth/refresh", json={"refresh_token": token})
        assert response.status_code == 200, response.text
        token = response.json()["data"]["refresh_token"]
    assert_limited(await client.post("/api/auth/refresh", json={"refresh_token": token}), 3)
    assert (
        await clients("192.0.2.21").post("/api/auth/refresh", json={"refresh_token": token})
    ).status_code == 200

    # change-password: 2 a minute per user, whatever the address
    for _ in range(2):
        wrong = {"current_password": "not-it-password", "new_password": "a-new-password-9"}
        assert_error(await client.post("/api/auth/change-password", json=wrong, headers=auth), 403)
    assert_limited(
        await clients("192.0.2.22").post(
            "/api/auth/change-password",
            json={"current_password": alice.password, "new_password": "a-new-password-9"},
            headers=auth,
        ),
        2,
    )


async def test_the_api_budget_is_per_user(clients: ClientFactory, world: World) -> None:
    client = clients("192.0.2.30")
    headers = {}
    for who in ("alice", "bob"):
        person = world[who]
        token = (await login(client, person.email, person.password)).json()["data"]
        headers[who] = {"Authorization": f"Bearer {token['access_token']}"}
    for _ in range(4):
        assert (await client.get("/api/leads", headers=headers["alice"])).status_code == 200
    body = assert_limited(await client.get("/api/leads", headers=headers["alice"]), 4)
    assert body["details"]["limit"] == "4 per 1 minute"
    assert (await client.get("/api/leads", headers=headers["bob"])).status_code == 200


async def test_an_unreachable_redis_refuses_logins_but_not_the_api(
    database_url: str, world: World, api: Api
) -> None:
    # a port nothing listens on (redis connections are refused at once)
    settings = Settings.from_env(
        {
            "CRM_ENV": "test",
            "DATABASE_URL": database_url,
            "REDIS_URL": f"redis://127.0.0.1:{free_port()}/0",
        }
    )
    app = create_app(settings)
    shutdown = await lifespan(app)
    alice = world["alice"]
    headers = await api.login("alice")  # a token from the app without Redis
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://test"
    ) as client:
        refused = await login(client, alice.email, alice.password)
        served = await client.get("/api/leads", headers=headers)
    await shutdown()
    assert_error(refused, 503)
    assert refused.headers["retry-after"] == "1"
    assert served.status_code == 200, served.text


# --- constant-cost login ------------------------------------------------------------------


@pytest.fixture
def api_with_twins(api: Api) -> Api:
    """alice's email also in globex, with another password."""
    engine = make_engine(api.world.url)
    with engine.begin() as conn:
        provision.create_user(
            conn,
            tenant_id=api.world.tenants["globex"],
            email=api.world["alice"].email,
            name="Alice of Globex",
            role="user",
            password="another-password-2",
        )
    engine.dispose()
    return api


async def test_login_runs_exactly_one_hash_verification_whatever_the_email(
    api_with_twins: Api, verifications: list[str]
) -> None:
    api = api_with_twins
    alice, bob = api.world["alice"], api.world["bob"]
    cases = {
        "no account": ("nobody@nowhere.example", "wrong-password-1"),
        "one account, wrong password": (bob.email, "wrong-password-1"),
        "one account, right password": (bob.email, bob.password),
        "two tenants, wrong password": (alice.email, "wrong-password-1"),
        "two tenants, right password": (alice.email, alice.password),
    }
    answers = {}
    for name, (email, password) in cases.items():
        verifications.clear()
        response = await login(api.client, email, password)
        answers[name] = response.status_code
        assert len(verifications) == 1, name
    assert verifications == [verifications[0]]
    assert answers == {
        "no account": 401,
        "one account, wrong password": 401,
        "one account, right password": 200,
        "two tenants, wrong password": 401,
        "two tenants, right password": 401,  # "say which one": asks for the tenant
    }
    verifications.clear()
    named = await api.client.post(
        "/api/auth/login",
        json={"email": alice.email, "password": alice.password, "tenant": "acme"},
    )
    assert named.status_code == 200, named.text
    assert len(verifications) == 1


async def test_an_unknown_email_is_verified_against_the_dummy_hash(
    api: Api, verifications: list[str]
) -> None:
    assert_error(await login(api.client, "nobody@nowhere.example", "wrong-password-1"), 401)
    assert verifications == [passwords.DUMMY_HASH]


# --- client address and settings ----------------------------------------------------------


def _scope(peer: str, forwarded: str | None = None) -> dict[str, Any]:
    headers = [(b"x-forwarded-for", forwarded.encode())] if forwarded else []
    return {"type": "http", "client": (peer, 1234), "headers": headers}


PROXIES = (ipaddress.ip_network("10.0.0.0/8"),)


@pytest.mark.parametrize(
    ("peer", "forwarded", "trusted", "expected"),
    [
        # no trusted proxies: the socket, whatever the header says
        ("198.51.100.1", "1.2.3.4", (), "198.51.100.1"),
        # an untrusted peer cannot pick its key with the header
        ("198.51.100.1", "1.2.3.4", PROXIES, "198.51.100.1"),
        # behind a trusted proxy: the address it appended
        ("10.0.0.5", "198.51.100.2", PROXIES, "198.51.100.2"),
        # a spoofed entry on the left is ignored; two trusted hops are skipped
        ("10.0.0.5", "6.6.6.6, 198.51.100.3, 10.1.2.3", PROXIES, "198.51.100.3"),
        # a trusted proxy without the header: the proxy itself
        ("10.0.0.5", None, PROXIES, "10.0.0.5"),
    ],
)
def test_client_address(
    peer: str, forwarded: str | None, trusted: tuple[Any, ...], expected: str
) -> None:
    assert client_address(_scope(peer, forwarded), trusted) == expected


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("RATE_LIMIT_LOGIN", "five a minute"),
        ("RATE_LIMIT_API", "lots"),
        ("TRUSTED_PROXIES", "10.0.0.0/8, not-a-network"),
        ("REDIS_URL", "http://127.0.0.1:6379"),
    ],
)
def test_wrong_rate_limit_settings_stop_the_server(name: str, value: str) -> None:
    with pytest.raises(SettingsError, match=name):
        Settings.from_env({name: value})


def test_the_api_budget_can_be_switched_off() -> None:
    assert Settings.from_env({"RATE_LIMIT_API": "off"}).rate_limit_api is None
    assert Settings.from_env({}).rate_limit_login == "5/minute"


def test_the_spec_declares_429_with_its_headers() -> None:
    from crm.openapi31 import load_spec

    spec = load_spec()
    response = spec["components"]["responses"]["TooManyRequests"]
    assert {h.lower() for h in response["headers"]} == set(RATE_HEADERS)
    for item in spec["paths"].values():
        for method, operation in item.items():
            if isinstance(operation, dict) and "responses" in operation:
                assert "429" in operation["responses"], method
