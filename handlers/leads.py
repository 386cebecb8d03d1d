"""/api/leads: one function per operationId in openapi.yaml (generated from contracts/lead.json).

Visibility, tenancy and the session check are the Scope's; what is particular to leads is
converted_at, set by the server the first time a lead's status becomes converted.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from starlette.responses import Response

from crm import records, responses
from crm.scope import Scope
from generated.python.models import LeadStatus
from generated.python.resources import RESOURCES

LEAD = RESOURCES["Lead"]
CONVERTED = LeadStatus.converted.value


def _conversion(values: dict[str, Any]) -> dict[str, Any]:
    return {"converted_at": datetime.now(UTC)} if values.get("status") == CONVERTED else {}


async def list_leads(scope: Scope, **params: Any) -> Response:
    return await records.list_page(LEAD, scope, params)


async def list_all_leads(scope: Scope, **params: Any) -> Response:
    return await records.list_page(LEAD, scope, params, everyone=True)


async def create_lead(body: dict[str, Any], scope: Scope) -> Response:
    row = await scope.create(LEAD, body, server_values=_conversion(body))
    return responses.record(row, 201)


async def get_lead(id: str, scope: Scope) -> Response:
    return await records.get(LEAD, scope, id)


async def update_lead(id: str, body: dict[str, Any], scope: Scope) -> Response:
    # converted_at keeps the first conversion: COALESCE(converted_at, now)
    return responses.record(await scope.update(LEAD, id, body, set_if_null=_conversion(body)))


async def delete_lead(id: str, scope: Scope) -> Response:
    return await records.delete(LEAD, scope, id)


async def restore_lead(id: str, scope: Scope) -> Response:
    return await records.restore(LEAD, scope, id)


async def purge_lead(id: str, scope: Scope) -> Response:
    return await records.purge(LEAD, scope, id)


async def assign_lead(id: str, body: dict[str, Any], scope: Scope) -> Response:
    return await records.assign(LEAD, scope, id, body)


async def bulk_leads(body: dict[str, Any], scope: Scope) -> Response:
    return await records.bulk(LEAD, scope, body)
