"""What is particular to clients: converted_at, set when `source_lead_id` is first given (the
lead must be one the caller can see: the Scope checks every reference in a body).
Every other operation of /api/clients is the standard one (crm.resolver, crm.standard).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from starlette.responses import Response

from crm import standard
from crm.scope import Scope
from generated.python.resources import RESOURCES

CLIENT = RESOURCES["Client"]
CONVERSION = RESOURCES["Lead"].converts_to
assert CONVERSION is not None
assert CONVERSION.to == CLIENT.name


def _converted(values: dict[str, Any]) -> dict[str, Any]:
    return {CONVERSION.at: datetime.now(UTC)} if values.get(CONVERSION.link) is not None else {}


async def create_client(body: dict[str, Any], scope: Scope) -> Response:
    return await standard.create(CLIENT, scope, body, server_values=_converted(body))


async def update_client(id: str, body: dict[str, Any], scope: Scope) -> Response:
    return await standard.update(CLIENT, scope, id, body, set_if_null=_converted(body))
