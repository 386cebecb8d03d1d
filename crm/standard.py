"""The standard operations of every resource, implemented once.

`crm.resolver` binds each operationId of openapi.yaml to the function of the same name in
`handlers/<resource>.py` when that module defines one, and otherwise to `bind(operation)`
here: so a contract alone yields working CRUD, and a handler module holds only what is
particular to its resource (a lead's converted_at), usually by calling these functions with a
few server-set values.

Every function goes through the request's `Scope` (tenant, visibility, session guard); none
names a table.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from connexion import request
from starlette.responses import Response

from crm import responses, statements
from crm.flows import conversion
from crm.listing import ListRequest
from crm.scope import Scope
from generated.python.resources import RESOURCES, Operation, ResourceInfo

Handler = Callable[..., Awaitable[Response]]
Values = Mapping[str, Any]


async def list_page(
    resource: ResourceInfo,
    scope: Scope,
    params: Values,
    *,
    everyone: bool = False,
    parent: tuple[str, Any] | None = None,
) -> Response:
    """A page as JSON, or every matching record as CSV (streamed) when the client asks for
    text/csv."""
    query = ListRequest.parse(resource, params, parent=parent)
    if responses.wants_csv(request.headers.get("accept")):
        batches = await scope.export(resource, query, everyone=everyone)
        # the columns the API shows: the contract's fields less write-only ones (password)
        fields = [str(c.name) for c in statements.api_columns(resource)]
        return responses.csv_stream(batches, fields, resource.table)
    return responses.page(await scope.list(resource, query, everyone=everyone), query)


async def create(
    resource: ResourceInfo, scope: Scope, body: Values, *, server_values: Values | None = None
) -> Response:
    return responses.record(await scope.create(resource, body, server_values=server_values), 201)


async def get(resource: ResourceInfo, scope: Scope, id: str) -> Response:
    return responses.record(await scope.get(resource, id))


async def update(
    resource: ResourceInfo,
    scope: Scope,
    id: str,
    body: Values,
    *,
    server_values: Values | None = None,
    set_if_null: Values | None = None,
) -> Response:
    """`server_values` are written with the body; `set_if_null` only while still null."""
    return responses.record(
        await scope.update(resource, id, body, server_values=server_values, set_if_null=set_if_null)
    )


async def delete(resource: ResourceInfo, scope: Scope, id: str) -> Response:
    await scope.delete(resource, id)
    return responses.no_content()


async def restore(resource: ResourceInfo, scope: Scope, id: str) -> Response:
    return responses.record(await scope.restore(resource, id))


async def purge(resource: ResourceInfo, scope: Scope, id: str, dependents: bool) -> Response:
    await scope.purge(resource, id, dependents=dependents)
    return responses.no_content()


async def assign(resource: ResourceInfo, scope: Scope, id: str, body: Values) -> Response:
    return responses.record(await scope.assign(resource, id, body["assigned_to"]))


async def bulk(
    resource: ResourceInfo,
    scope: Scope,
    action: str,
    ids: list[str],
    *,
    values: Values | None = None,
    set_if_null: Values | None = None,
) -> Response:
    results = await scope.bulk(resource, action, ids, values=values, set_if_null=set_if_null)
    done = sum(1 for _, result in results if result == "done")
    return responses.json(
        {
            "data": {
                "done": done,
                "results": [{"id": str(i), "result": result} for i, result in results],
            }
        }
    )


async def bulk_status(
    resource: ResourceInfo,
    scope: Scope,
    body: Values,
    *,
    server_values: Values | None = None,
    set_if_null: Values | None = None,
) -> Response:
    values = {"status": body["status"], **(server_values or {})}
    return await bulk(
        resource, scope, "status", body["ids"], values=values, set_if_null=set_if_null
    )


def bind(op: Operation) -> Handler:
    """The standard handler of one operation, with the arguments Connexion passes to it
    (path `id`, `body`, query parameters, and `scope` from crm.app's request context)."""
    resource = RESOURCES[op.resource]
    kind = op.kind

    if kind in ("list", "list_all"):
        everyone = kind == "list_all"

        async def list_(scope: Scope, **params: Any) -> Response:
            return await list_page(resource, scope, params, everyone=everyone)

        return list_
    if kind == "list_children":
        field = op.parent
        assert field is not None

        async def list_children(id: str, scope: Scope, **params: Any) -> Response:
            return await list_page(resource, scope, params, parent=(field, id))

        return list_children
    if kind == "create":

        async def create_(body: dict[str, Any], scope: Scope) -> Response:
            return await create(resource, scope, body)

        return create_
    if kind == "update":

        async def update_(id: str, body: dict[str, Any], scope: Scope) -> Response:
            return await update(resource, scope, id, body)

        return update_
    if kind in ("get", "delete", "restore"):
        by_id = {"get": get, "delete": delete, "restore": restore}[kind]

        async def by_id_(id: str, scope: Scope) -> Response:
            return await by_id(resource, scope, id)

        return by_id_
    if kind == "purge":

        async def purge_(id: str, scope: Scope, dependents: bool = False) -> Response:
            return await purge(resource, scope, id, dependents)

        return purge_
    if kind == "assign":

        async def assign_(id: str, body: dict[str, Any], scope: Scope) -> Response:
            return await assign(resource, scope, id, body)

        return assign_
    if kind == "bulk":

        async def bulk_(body: dict[str, Any], scope: Scope) -> Response:
            return await bulk(resource, scope, body["action"], body["ids"])

        return bulk_
    if kind == "bulk_assign":

        async def bulk_assign(body: dict[str, Any], scope: Scope) -> Response:
            values = {"assigned_to": body["assigned_to"]}
            return await bulk(resource, scope, "assign", body["ids"], values=values)

        return bulk_assign
    if kind == "bulk_status":

        async def bulk_status_(body: dict[str, Any], scope: Scope) -> Response:
            return await bulk_status(resource, scope, body)

        return bulk_status_
    if kind == "convert":

        async def convert(id: str, scope: Scope) -> Response:
            return responses.record(await conversion.convert(scope, resource, id), 201)

        return convert
    raise ValueError(f"no standard operation {kind!r}")
