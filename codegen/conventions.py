"""The API conventions the spec and the runtime both need, decided once.

`openapi.yaml` (codegen/emit/openapi.py) and `generated/python/resources.py` (read by the
runtime) are both rendered from these functions, so a list filter's name, the column and
comparison it stands for, and the operation an operationId names are never parsed back out of
a string, nor written twice:

- `list_filters`: a filterable date or date-time field `<stem>_at` / `<stem>_on` becomes
  `<stem>_after` (>=) and `<stem>_before` (<); any other filterable field filters by equality
  under its own name.
- `operations`: every operation of every resource, as (operationId, kind, resource, parent
  field), in the order the spec declares them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from codegen.errors import ContractError
from codegen.model import ContractSet, Field, Resource, Schema

HANDLERS = "handlers"
SCALARS = frozenset({"string", "integer", "number", "boolean"})
PARAM_KEYWORDS = (
    "format",
    "enum",
    "minLength",
    "maxLength",
    "pattern",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
)
# Resources whose normal list narrows to what the caller can see get an admin-wide `/all` list.
LIST_ALL_VISIBILITY = frozenset({"owner", "parent"})


@dataclass(frozen=True)
class ListFilter:
    param: str  # the query parameter, e.g. "created_after"
    column: str  # the field it compares, e.g. "created_at"
    op: str  # "=", ">=" or "<"
    schema: Schema  # the parameter's schema (single-typed)
    description: str


@dataclass(frozen=True)
class Operation:
    id: str  # operationId, e.g. "handlers.leads.list_leads"
    kind: str  # see KINDS
    resource: str  # "Lead"
    parent: str | None = None  # list_children: the parent field, e.g. "client_id"


KINDS = (
    "list",
    "list_all",
    "list_children",
    "create",
    "bulk",
    "bulk_assign",
    "bulk_status",
    "get",
    "update",
    "delete",
    "restore",
    "purge",
    "assign",
    "convert",
)


def words(name: str) -> str:
    """'FollowUp' -> 'follow up'."""
    return re.sub(r"(?<!^)(?=[A-Z])", " ", name).lower()


def snake(name: str) -> str:
    return words(name).replace(" ", "_")


def plain_schema(schema: Schema, defs: dict[str, Schema], file: str, pointer: str) -> Schema:
    """A field's schema made single-typed for a query or path parameter (null dropped)."""
    if "$ref" in schema:
        return plain_schema(defs[schema["$ref"].removeprefix("#/$defs/")], defs, file, pointer)
    if "anyOf" in schema:
        branches = [b for b in schema["anyOf"] if b.get("type") != "null"]
        if len(branches) != 1:
            raise ContractError(file, pointer, "a parameter needs exactly one non-null branch")
        return plain_schema(branches[0], defs, file, pointer)
    kind = schema.get("type")
    if isinstance(kind, list):
        kinds = [k for k in kind if k != "null"]
        kind = kinds[0] if len(kinds) == 1 else None
    if kind not in SCALARS:
        raise ContractError(file, pointer, f"a parameter must be one scalar type, not {kind!r}")
    out: Schema = {"type": kind}
    for key in PARAM_KEYWORDS:
        if key in schema:
            out[key] = [v for v in schema[key] if v is not None] if key == "enum" else schema[key]
    return out


def list_filters(resource: Resource, defs: dict[str, Schema]) -> tuple[ListFilter, ...]:
    out: list[ListFilter] = []
    for i, name in enumerate(resource.filterable):
        pointer = f"/x-resource/filterable/{i}"
        schema = plain_schema(resource.field(name).schema, defs, resource.file, pointer)
        if schema.get("format") in ("date", "date-time"):
            stem = re.sub(r"_(at|on)$", "", name)
            out.append(
                ListFilter(
                    f"{stem}_after",
                    name,
                    ">=",
                    schema,
                    f"Only records with {name} at or after this.",
                )
            )
            out.append(
                ListFilter(
                    f"{stem}_before", name, "<", schema, f"Only records with {name} before this."
                )
            )
        else:
            out.append(
                ListFilter(name, name, "=", schema, f"Only records whose {name} equals this.")
            )
    return tuple(out)


def status_field(resource: Resource) -> Field | None:
    """The writable `status` a bulk status change sets, if the resource has bulk and one."""
    if "bulk" not in resource.operations:
        return None
    return next((f for f in resource.fields if f.name == "status" and not f.read_only), None)


def children_of(contracts: ContractSet, parent: Resource) -> list[tuple[Resource, str]]:
    """(child resource, parent field) for every listed resource that hangs off `parent`."""
    out = []
    for child in contracts.resources:
        if child.path is None or "list" not in child.operations:
            continue
        for f in child.parents:
            assert f.reference is not None
            if f.reference.to == parent.name:
                out.append((child, f.name))
    return out


def operations(contracts: ContractSet) -> list[Operation]:
    """Every resource operation, in the order the spec declares its paths.

    Concrete paths (`/all`, `/bulk`, `/bulk/status`) come before `{id}` ones, so that routers
    that try routes in document order never read "bulk" as an id.
    """
    out: list[Operation] = []
    for r in contracts.resources:
        if not r.operations or r.path is None:
            continue
        ops = set(r.operations)
        module = f"{HANDLERS}.{r.table}"
        one, plural = snake(r.name), r.table

        def add(kind: str, name: str, *, _r: Resource = r, _module: str = module) -> None:
            out.append(Operation(f"{_module}.{name}", kind, _r.name))

        if "list" in ops:
            add("list", f"list_{plural}")
            if r.visibility in LIST_ALL_VISIBILITY:
                add("list_all", f"list_all_{plural}")
        if "create" in ops:
            add("create", f"create_{one}")
        if "bulk" in ops:
            add("bulk", f"bulk_{plural}")
            if any(f.name == "assigned_to" for f in r.fields):
                add("bulk_assign", f"bulk_assign_{plural}")
            if status_field(r) is not None:
                add("bulk_status", f"bulk_status_{plural}")
        for kind in ("get", "update", "delete", "restore", "purge", "assign"):
            if kind in ops:
                add(kind, f"{kind}_{one}")
        if r.converts_to is not None:
            add("convert", f"convert_{one}")
    # children lists live in the child's module: /api/clients/{id}/projects -> handlers.projects
    for parent in contracts.resources:
        if parent.path is None or "get" not in parent.operations:
            continue
        for child, field in children_of(contracts, parent):
            out.append(
                Operation(
                    f"{HANDLERS}.{child.table}.list_{child.table}_of_{snake(parent.name)}",
                    "list_children",
                    child.name,
                    field,
                )
            )
    return out
