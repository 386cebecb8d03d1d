"""One entity contract -> Entity, EntityCreate, EntityUpdate, EntityPage, EntityEnvelope.

The rules (contracts/README.md, "Variants"):
- Entity: what the API returns; writeOnly fields removed; defaults dropped (a default is a
  create-time rule: kept on a required response field it would make the field optional).
- Create: readOnly fields removed; required = the contract's required fields that are
  writable, have no default and do not accept null.
- Update: readOnly and writeOnly removed; nothing required, no defaults (a PATCH must never
  reset what it did not mention), at least one property.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from codegen.conventions import status_field
from codegen.model import ContractSet, Field, Resource, Schema

PAGE_META = "PageMeta"
BULK_IDS = "BulkIds"  # contracts/operations.json
MAX_PAGE = 100


def derive(contracts: ContractSet) -> ContractSet:
    defs = dict(contracts.defs)
    sources = dict(contracts.sources)
    for resource in contracts.resources:
        for name, schema in variants_of(resource, defs).items():
            defs[name] = schema
            sources[name] = resource.file
    ordered = {k: defs[k] for k in sorted(defs)}
    return dataclasses.replace(contracts, defs=ordered, sources=sources)


def _without_default(schema: Schema) -> Schema:
    return {k: v for k, v in schema.items() if k != "default"}


def _object(title: str, description: str, props: dict[str, Schema], required: list[str]) -> Schema:
    out: dict[str, Any] = {"title": title}
    if description:
        out["description"] = description
    out["type"] = "object"
    out["additionalProperties"] = False
    if required:
        out["required"] = required
    out["properties"] = props
    return out


def variants_of(resource: Resource, defs: dict[str, Schema]) -> dict[str, Schema]:
    n = resource.name
    base = defs[n]
    desc = base.get("description", "")
    shown = [f for f in resource.fields if not f.write_only]
    writable = [f for f in resource.fields if not f.read_only]
    patchable = [f for f in resource.fields if not f.read_only and not f.write_only]

    out: dict[str, Schema] = {
        n: _object(
            n,
            desc,
            {f.name: _without_default(f.schema) for f in shown},
            [f.name for f in shown if f.required],
        ),
        f"{n}Create": _object(
            f"{n}Create",
            f"The body that creates {_article(n)} {n}.",
            {f.name: f.schema for f in writable},
            [f.name for f in writable if _required_on_create(f)],
        ),
    }
    update = _object(
        f"{n}Update",
        (
            f"A partial update of {_article(n)} {n}: only the fields sent change; "
            "null clears a nullable field."
        ),
        {f.name: _without_default(f.schema) for f in patchable},
        [],
    )
    update["minProperties"] = 1
    out[f"{n}Update"] = update

    status = status_field(resource)
    if status is not None and BULK_IDS in defs:
        out[f"{n}BulkStatus"] = _object(
            f"{n}BulkStatus",
            f"The body of a bulk status change: every listed {n} gets this status.",
            {"ids": {"$ref": f"#/$defs/{BULK_IDS}"}, "status": _without_default(status.schema)},
            ["ids", "status"],
        )

    if resource.path and PAGE_META in defs:
        meta = defs[PAGE_META]
        page_props: dict[str, Schema] = {
            "items": {"type": "array", "items": {"$ref": f"#/$defs/{n}"}, "maxItems": MAX_PAGE},
            **meta["properties"],
        }
        out[f"{n}Page"] = _object(
            f"{n}Page",
            f"One page of {n} records.",
            page_props,
            ["items", *meta.get("required", [])],
        )
        out[f"{n}Envelope"] = _object(
            f"{n}Envelope",
            f"One {n} record.",
            {
                "data": {"$ref": f"#/$defs/{n}"},
                "message": {"type": "string", "maxLength": 500},
            },
            ["data"],
        )
    return out


def _required_on_create(f: Field) -> bool:
    return f.required and "default" not in f.schema and not f.nullable


def _article(noun: str) -> str:
    return "an" if noun[:1].lower() in "aeiou" else "a"
