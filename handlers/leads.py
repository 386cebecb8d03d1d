"""What is particular to leads: converted_at, set by the server the first time a lead's status
becomes converted (COALESCE keeps the first). Every other operation of /api/leads, conversion
to a client included, is the standard one (crm.resolver, crm.standard, crm.flows.conversion).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from starlette.responses import Response

from crm import standard
from crm.scope import Scope
from generated.python.resources import RESOURCES

LEAD = RESOURCES["Lead"]
CONVERSION = LEAD.converts_to
assert CONVERSION is not None


def _converted(values: dict[str, Any]) -> dict[str, Any]:
    return {CONVERSION.at: datetime.now(UTC)} if values.get("status") == CONVERSION.status else {}


async def create_lead(body: dict[str, Any], scope: Scope) -> Response:
    return await standard.create(LEAD, scope, body, server_values=_converted(body))


async def update_lead(id: str, body: dict[str, Any], scope: Scope) -> Response:
    return await standard.update(LEAD, scope, id, body, set_if_null=_converted(body))


async def bulk_status_leads(body: dict[str, Any], scope: Scope) -> Response:
    return await standard.bulk_status(LEAD, scope, body, set_if_null=_converted(body))
