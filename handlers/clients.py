"""/api/clients: one function per operationId in openapi.yaml (from contracts/client.json).

What is particular to clients: `source_lead_id` must name a lead the caller can see (the
database already refuses another tenant's lead; this also refuses an invisible one, with the
same answer as a lead that does not exist), and converted_at is set when it is first given.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from starlette.responses import Response

from crm import records, responses
from crm.errors import BadRequest, NotFound
from crm.scope import Scope
from generated.python.resources import RESOURCES

CLIENT = RESOURCES["Client"]
LEAD = RESOURCES["Lead"]


async def _conversion(scope: Scope, values: dict[str, Any]) -> dict[str, Any]:
    lead_id = values.get("source_lead_id")
    if lead_id is None:
        return {}
    try:
        await scope.get(LEAD, lead_id)
    except NotFound:
        raise BadRequest(
            "The source_lead_id does not name a lead you can see.",
            {"errors": [{"in": "body", "path": "/source_lead_id"}]},
        ) from None
    return {"converted_at": datetime.now(UTC)}


async def list_clients(scope: Scope, **params: Any) -> Response:
    return await records.list_page(CLIENT, scope, params)


async def list_all_clients(scope: Scope, **params: Any) -> Response:
    return await records.list_page(CLIENT, scope, params, everyone=True)


async def create_client(body: dict[str, Any], scope: Scope) -> Response:
    row = await scope.create(CLIENT, body, server_values=await _conversion(scope, body))
    return responses.record(row, 201)


async def get_client(id: str, scope: Scope) -> Response:
    return await records.get(CLIENT, scope, id)


async def update_client(id: str, body: dict[str, Any], scope: Scope) -> Response:
    conversion = await _conversion(scope, body)
    return responses.record(await scope.update(CLIENT, id, body, set_if_null=conversion))


async def delete_client(id: str, scope: Scope) -> Response:
    return await records.delete(CLIENT, scope, id)


async def restore_client(id: str, scope: Scope) -> Response:
    return await records.restore(CLIENT, scope, id)


async def purge_client(id: str, scope: Scope) -> Response:
    return await records.purge(CLIENT, scope, id)


async def assign_client(id: str, body: dict[str, Any], scope: Scope) -> Response:
    return await records.assign(CLIENT, scope, id, body)


async def bulk_clients(body: dict[str, Any], scope: Scope) -> Response:
    return await records.bulk(CLIENT, scope, body)
