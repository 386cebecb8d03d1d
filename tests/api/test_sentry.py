"""Sentry: one event per unhandled error, named by operationId, tagged, with nothing secret.

The SDK runs for real, with an in-process transport that keeps the envelopes it is handed
(no network): what it holds is exactly what would have been sent.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import httpx
import pytest
import sentry_sdk
from sentry_sdk.envelope import Envelope
from sentry_sdk.transport import Transport

from crm.auth import issue_access_token
from crm.observability import sentry
from crm.settings import Settings
from tests.api.conftest import assert_error

pytestmark = pytest.mark.anyio

EMAIL = "victim@customer.example"
PASSWORD = "correct-horse-battery-staple-41"
CHANGE_PASSWORD = "handlers.auth.change_password"
log = logging.getLogger("crm.test.sentry")


class CapturingTransport(Transport):
    def __init__(self) -> None:
        super().__init__()
        self.items: list[tuple[str, dict[str, Any]]] = []

    def capture_envelope(self, envelope: Envelope) -> None:
        for item in envelope.items:
            payload = item.payload.json
            if payload is not None:
                self.items.append((str(item.type), payload))

    def of_type(self, kind: str) -> list[dict[str, Any]]:
        return [payload for item_type, payload in self.items if item_type == kind]


def _crash_with_secrets(body: dict[str, Any], **_: Any) -> None:
    current = body["current_password"]  # a local variable: never attached to the event
    log.warning("changing the password", extra={"password": current, "email": EMAIL})
    raise RuntimeError(f"could not change the password of {EMAIL}")


@pytest.fixture
def with_sentry(settings: Settings) -> Settings:
    return replace(settings, sentry_dsn="https://public@sentry.invalid/1")


@pytest.fixture
def capture(with_sentry: Settings) -> Iterator[CapturingTransport]:
    transport = CapturingTransport()
    yield transport
    sentry_sdk.get_client().close()
    sentry_sdk.get_global_scope().set_client(None)


async def _crash(
    make_client: Callable[..., httpx.AsyncClient],
    app_settings: Settings,
    capture: CapturingTransport,
) -> tuple[httpx.Response, str, str, str]:
    tenant_id, user_id = str(uuid.uuid4()), str(uuid.uuid4())
    async with make_client({CHANGE_PASSWORD: _crash_with_secrets}, app_settings) as client:
        token = issue_access_token(  # signed with the key create_app configured
            user_id=user_id, tenant_id=tenant_id, role="user", session_id=str(uuid.uuid4())
        )
        # create_app started the SDK from SENTRY_DSN; the same init again, with the test transport
        sentry.init(app_settings, transport=capture)
        response = await client.post(
            "/api/auth/change-password",
            json={"current_password": PASSWORD, "new_password": PASSWORD + "-new"},
            headers={"Authorization": f"Bearer {token}", "Cookie": "session=abc123"},
        )
    return response, tenant_id, user_id, token


async def test_a_forced_error_gives_exactly_one_event_named_tagged_and_scrubbed(
    make_client: Callable[..., httpx.AsyncClient],
    with_sentry: Settings,
    capture: CapturingTransport,
) -> None:
    response, tenant_id, user_id, token = await _crash(make_client, with_sentry, capture)
    assert_error(response, 500)

    (event,) = capture.of_type("event")
    assert event["transaction"] == CHANGE_PASSWORD
    assert event["tags"]["tenant_id"] == tenant_id
    assert event["tags"]["user_id"] == user_id
    assert event["tags"]["request_id"] == response.headers["X-Request-ID"]
    assert event["exception"]["values"][-1]["type"] == "RuntimeError"
    headers = event["request"]["headers"]
    assert headers["authorization"] == sentry.FILTERED
    assert headers["cookie"] == sentry.FILTERED
    sent = json.dumps(event)
    assert token not in sent
    assert "abc123" not in sent
    assert PASSWORD not in sent
    assert EMAIL not in sent
    # The log line reached the event as a breadcrumb, its secret fields filtered.
    crumbs = [c for c in event["breadcrumbs"]["values"] if c.get("category") == log.name]
    assert crumbs[0]["data"]["password"] == sentry.FILTERED


async def test_an_answered_error_sends_nothing(
    make_client: Callable[..., httpx.AsyncClient],
    with_sentry: Settings,
    capture: CapturingTransport,
) -> None:
    async with make_client(app_settings=with_sentry) as client:
        sentry.init(with_sentry, transport=capture)
        assert_error(await client.get("/api/no-such-thing"), 404)
        assert_error(await client.get("/api/leads"), 401)
    assert capture.of_type("event") == []


async def test_a_sampled_request_is_a_transaction_named_by_its_operation_id(
    make_client: Callable[..., httpx.AsyncClient],
    with_sentry: Settings,
    capture: CapturingTransport,
) -> None:
    traced = replace(with_sentry, sentry_traces_sample_rate=1.0)
    response, _, _, _ = await _crash(make_client, traced, capture)
    assert_error(response, 500)
    (transaction,) = capture.of_type("transaction")
    assert transaction["transaction"] == CHANGE_PASSWORD
    assert transaction["contexts"]["trace"]["status"] == "internal_error"
    (event,) = capture.of_type("event")
    assert event["contexts"]["trace"]["trace_id"] == transaction["contexts"]["trace"]["trace_id"]


def test_scrub_filters_secret_keys_and_emails_anywhere() -> None:
    scrubbed = sentry.scrub(
        {
            "request": {"headers": {"Authorization": "Bearer x", "Accept": "*/*"}},
            "extra": {"new_password": "p", "refresh_token": "t", "note": f"mail {EMAIL} now"},
            "list": [{"email": EMAIL}],
        }
    )
    assert scrubbed == {
        "request": {"headers": {"Authorization": sentry.FILTERED, "Accept": "*/*"}},
        "extra": {
            "new_password": sentry.FILTERED,
            "refresh_token": sentry.FILTERED,
            "note": f"mail {sentry.FILTERED} now",
        },
        "list": [{"email": sentry.FILTERED}],
    }
