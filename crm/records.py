"""The standard operations of a resource, shared by its handler module.

`handlers/leads.py` and `handlers/clients.py` (and every resource after them) are thin: each
operationId calls one of these with its `ResourceInfo`, adding only what is particular to the
resource (e.g. a lead's converted_at). Every call goes through the request's `Scope`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from connexion import request
from starlette.responses import Response

from crm import responses, statements
from crm.listing import ListRequest
from crm.scope import Scope
from generated.python.resources import ResourceInfo


async def list_page(
    resource: ResourceInfo, scope: Scope, params: Mapping[str, Any], *, everyone: bool = False
) -> Response:
    """A page as JSON, or every matching record as CSV when the client asks for text/csv."""
    query = ListRequest.parse(resource, params)
    if responses.wants_csv(request.headers.get("accept")):
        rows = await scope.export(resource, query, everyone=everyone)
        # the columns the API shows: the contract's fields less write-only ones (password)
        fields = [str(c.name) for c in statements.api_columns(resource)]
        return responses.csv_rows(rows, fields, resource.table)
    return responses.page(await scope.list(resource, query, everyone=everyone), query)


async def get(resource: ResourceInfo, scope: Scope, id: str) -> Response:
    return responses.record(await scope.get(resource, id))


async def delete(resource: ResourceInfo, scope: Scope, id: str) -> Response:
    await scope.delete(resource, id)
    return responses.no_content()


async def restore(resource: ResourceInfo, scope: Scope, id: str) -> Response:
    return responses.record(await scope.restore(resource, id))


async def purge(resource: ResourceInfo, scope: Scope, id: str) -> Response:
    await scope.purge(resource, id)
    return responses.no_content()


async def assign(
    resource: ResourceInfo, scope: Scope, id: str, body: Mapping[str, Any]
) -> Response:
    return responses.record(await scope.assign(resource, id, body["assigned_to"]))


async def bulk(resource: ResourceInfo, scope: Scope, body: Mapping[str, Any]) -> Response:
    affected = await scope.bulk(resource, body["action"], body["ids"])
    return responses.json({"data": {"affected": affected}})
