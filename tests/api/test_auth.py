"""Bearer tokens: every bad token is the same 401; a good one reaches the handler."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import jwt
import pytest

from crm.auth import TOKEN_MISSING, TOKEN_REJECTED
from crm.settings import Settings
from tests.api.conftest import assert_error, stub_token

pytestmark = pytest.mark.anyio

ME = "/api/auth/me"  # the stub handler answers 403: reaching it means the token was accepted


def claims(settings: Settings, **changes: Any) -> dict[str, Any]:
    now = datetime.now(UTC)
    base: dict[str, Any] = {
        "sub": "0190f5c2-7a1b-7c3d-8e4f-a1b2c3d4e5f1",
        "tenant_id": "0190f5c2-7a1b-7c3d-8e4f-a1b2c3d4e5f2",
        "role": "user",
        "sid": "0190f5c2-7a1b-7c3d-8e4f-a1b2c3d4e5f3",
        "iat": now,
        "exp": now + timedelta(minutes=5),
        "jti": "j-1",
        "aud": settings.jwt_audience,
        "iss": settings.jwt_issuer,
    }
    base.update(changes)
    return {k: v for k, v in base.items() if v is not None}


def sign(payload: dict[str, Any], key: str, algorithm: str = "HS256") -> str:
    return jwt.encode(payload, key, algorithm=algorithm)


def tamper(token: str) -> str:
    header, payload, signature = token.split(".")
    data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    data["role"] = "admin"
    forged = base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()
    return f"{header}.{forged}.{signature}"


def bad_headers(settings: Settings) -> dict[str, dict[str, str]]:
    key = settings.jwt_secret
    bearer = lambda t: {"Authorization": f"Bearer {t}"}  # noqa: E731
    return {
        "no header": {},
        "not bearer": {"Authorization": "Basic dXNlcjpwYXNz"},
        "garbage": bearer("not.a.token"),
        "expired": bearer(
            sign(
                claims(
                    settings,
                    iat=datetime.now(UTC) - timedelta(hours=2),
                    exp=datetime.now(UTC) - timedelta(hours=1),
                ),
                key,
            )
        ),
        "wrong signature": bearer(sign(claims(settings), "another-secret-that-is-32-bytes-long!!")),
        "alg none": bearer(jwt.encode(claims(settings), None, algorithm="none")),
        "wrong audience": bearer(sign(claims(settings, aud="someone-else"), key)),
        "wrong issuer": bearer(sign(claims(settings, iss="someone-else"), key)),
        "tampered claim": bearer(tamper(stub_token())),
        "no tenant": bearer(sign(claims(settings, tenant_id=None), key)),
        "no jti": bearer(sign(claims(settings, jti=None), key)),
        "empty role": bearer(sign(claims(settings, role=""), key)),
    }


async def test_a_valid_token_reaches_the_handler(client: httpx.AsyncClient) -> None:
    token = stub_token()
    response = await client.get(ME, headers={"Authorization": f"Bearer {token}"})
    assert_error(response, 403)


async def test_every_bad_token_gets_the_same_401(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    answers = {}
    for name, headers in bad_headers(settings).items():
        response = await client.get(ME, headers=headers)
        body = assert_error(response, 401)
        assert response.headers["www-authenticate"] == "Bearer", name
        answers[name] = body
    # No bearer token at all is "authentication required"; every bad token one same answer.
    missing = [answers.pop("no header"), answers.pop("not bearer")]
    assert missing == [{"error": TOKEN_MISSING, "details": {}}] * 2
    assert len({json.dumps(b, sort_keys=True) for b in answers.values()}) == 1, answers
    assert next(iter(answers.values())) == {"error": TOKEN_REJECTED, "details": {}}


@pytest.mark.parametrize(
    "case", ["expired", "wrong signature", "alg none", "wrong audience", "tampered claim"]
)
async def test_each_named_token_problem_is_401(
    client: httpx.AsyncClient, settings: Settings, case: str
) -> None:
    assert_error(await client.get(ME, headers=bad_headers(settings)[case]), 401)
