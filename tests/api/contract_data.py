"""Records and requests built from the contracts, for the tests that iterate over every resource.

Nothing here names an entity: the routes come from openapi.yaml (by operationId), the kinds of
operation from `generated.python.resources.OPERATIONS`, the bodies from the Create / Update
schemas of `generated.python.schemas` (required fields only, with the smallest valid value of
each), and the parent a record needs from `ResourceInfo.parents` / `parent_count`. A new entity
declared by a contract is therefore covered by every test that uses this module.
"""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
import yaml

from generated import tables
from generated.python.resources import OPERATIONS, RESOURCES, Operation, ResourceInfo
from generated.python.schemas import BUNDLE
from tests.api.conftest import Api
from tests.db.conftest import make_engine

ROOT = Path(__file__).resolve().parents[2]
SPEC: dict[str, Any] = yaml.safe_load((ROOT / "openapi.yaml").read_text())
PREFIX: str = SPEC["servers"][0]["url"]
DEFS: dict[str, Any] = BUNDLE["$defs"]
HTTP_METHODS = {"get", "post", "patch", "put", "delete"}
_serial = itertools.count(1)


@dataclass(frozen=True)
class Route:
    operation_id: str
    op: Operation
    method: str
    path: str  # the spec's path, e.g. "/clients/{id}/projects"
    body_schema: str | None  # the request body's schema name, e.g. "TaskBulkStatus"

    def url(self, record_id: str | None = None) -> str:
        path = self.path if record_id is None else self.path.replace("{id}", record_id)
        return f"{PREFIX}{path}"


def _routes() -> dict[str, Route]:
    out: dict[str, Route] = {}
    for path, item in SPEC["paths"].items():
        for method, operation in item.items():
            if method not in HTTP_METHODS or operation["operationId"] not in OPERATIONS:
                continue
            ref = (
                operation.get("requestBody", {})
                .get("content", {})
                .get("application/json", {})
                .get("schema", {})
                .get("$ref")
            )
            op_id = operation["operationId"]
            out[op_id] = Route(
                op_id,
                OPERATIONS[op_id],
                method.upper(),
                path,
                ref.rsplit("/", 1)[-1] if ref else None,
            )
    return out


ROUTES: dict[str, Route] = _routes()
assert set(ROUTES) == set(OPERATIONS), set(OPERATIONS) ^ set(ROUTES)


def routes(*kinds: str, resource: str | None = None) -> list[Route]:
    return [
        r
        for r in ROUTES.values()
        if r.op.kind in kinds and (resource is None or r.op.resource == resource)
    ]


# --- values from schemas ------------------------------------------------------------------------


def resolve(schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = {**DEFS[name], **{k: v for k, v in schema.items() if k != "$ref"}}
    return schema


def sample(schema: dict[str, Any], label: str) -> Any:
    """The smallest valid value of `schema`, recognisable by `label` (and unique per call)."""
    schema = resolve(schema)
    if "enum" in schema:
        return schema["enum"][0]
    if "default" in schema:
        return schema["default"]
    kind = schema.get("type", "string")
    if isinstance(kind, list):
        kind = next(k for k in kind if k != "null")
    fmt = schema.get("format")
    n = next(_serial)
    if kind == "boolean":
        return True
    if kind in ("integer", "number"):
        return schema.get("minimum", 1)
    if fmt == "uuid":
        return str(uuid.uuid4())
    if fmt == "date-time":
        return "2026-01-31T09:30:00Z"
    if fmt == "date":
        return "2026-01-31"
    if fmt == "email":
        return f"{label.lower().replace(' ', '.')}.{n}@example.com"
    text = f"{label} {n}"
    text = text.ljust(schema.get("minLength", 0), "x")
    return text[: schema.get("maxLength", len(text))]


def schema(name: str) -> dict[str, Any]:
    return DEFS[name]  # type: ignore[no-any-return]


def parent_fields(resource: ResourceInfo) -> tuple[str, ...]:
    return tuple(p.field for p in resource.parents)


def required_body(resource: ResourceInfo, label: str) -> dict[str, Any]:
    """The Create schema's required fields, parents left out."""
    create = schema(f"{resource.name}Create")
    return {
        f: sample(create["properties"][f], label)
        for f in create.get("required", [])
        if f not in parent_fields(resource)
    }


def needs_parent(resource: ResourceInfo) -> bool:
    required = schema(f"{resource.name}Create").get("required", [])
    return resource.parent_count == "exactly-one" or any(
        f in required for f in parent_fields(resource)
    )


def update_body(resource: ResourceInfo, label: str) -> dict[str, Any]:
    """One field the Update schema accepts: the first required, non-parent field of Create."""
    update = schema(f"{resource.name}Update")["properties"]
    body = {k: v for k, v in required_body(resource, label).items() if k in update}
    assert body, resource.name
    first = next(iter(body))
    return {first: body[first]}


# --- records through the API -------------------------------------------------------------------


async def make(api: Api, who: str, name: str, *, label: str = "", **fields: Any) -> dict[str, Any]:
    """A record of resource `name` created by `who` through the API, with the minimal body;
    a record that must have a parent gets one of its first parent kind, created by `who`."""
    resource = RESOURCES[name]
    assert resource.path is not None
    if name == "User":
        person = api.world[who]
        return {"id": str(person.id), "tenant_id": str(person.tenant_id)}
    body = {**required_body(resource, label or f"{who} {name}"), **fields}
    if needs_parent(resource) and not set(body) & set(parent_fields(resource)):
        parent = resource.parents[0]
        body[parent.field] = (await make(api, who, parent.resource))["id"]
    return await api.create(who, f"{PREFIX}{resource.path}", body)


async def trash(api: Api, who: str, name: str, record_id: str) -> None:
    path = RESOURCES[name].path
    response = await api.client.delete(f"{PREFIX}{path}/{record_id}", headers=await api.login(who))
    assert response.status_code == 204, response.text


# --- the database, row by row ------------------------------------------------------------------

# login sessions and refresh tokens change with logins, not with the operations under test
NOT_SNAPSHOT = {"auth_sessions", "refresh_tokens"}


def snapshot(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table the resources live in, in a stable order."""
    engine = make_engine(url)
    with engine.connect() as conn:
        rows = {
            t.name: [tuple(r) for r in conn.execute(sa.select(t).order_by(*t.primary_key.columns))]
            for t in tables.metadata.sorted_tables
            if t.name not in NOT_SNAPSHOT
        }
    engine.dispose()
    return rows


def python_value(column: sa.Column[Any], value: Any) -> Any:
    """A JSON value of a body as the Python value a direct insert needs."""
    if value is None or not isinstance(value, str):
        return value
    if isinstance(column.type, sa.Uuid):
        return uuid.UUID(value)
    if isinstance(column.type, sa.DateTime):
        return datetime.fromisoformat(value)
    if isinstance(column.type, sa.Date):
        return date.fromisoformat(value)
    return value
