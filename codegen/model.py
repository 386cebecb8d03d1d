"""The intermediate model: what the emitters read. No output format lives here.

`ContractSet.defs` is the bundle: every named schema of every contract (shared types, each
entity's variants, list and envelope shapes, report rows and responses) in one `$defs`
namespace, as plain JSON Schema 2020-12 whose references all read `#/$defs/<Name>` and
whose x- keywords have been lifted into `Resource` / `Report`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Schema = dict[str, Any]


@dataclass(frozen=True)
class Reference:
    """A foreign key to another contract's table."""

    to: str  # contract title, e.g. "Client"
    table: str
    on_delete: str  # restrict | cascade | set-null
    parent: bool  # visibility follows the referenced record


@dataclass(frozen=True)
class Field:
    name: str
    schema: Schema  # bundle form, x- keywords removed
    required: bool  # in the representation the API returns
    read_only: bool
    write_only: bool
    nullable: bool
    reference: Reference | None = None


@dataclass(frozen=True)
class Index:
    columns: tuple[str, ...]
    live: bool = False  # partial: WHERE deleted_at IS NULL
    unique: bool = False
    trigram: bool = False  # PostgreSQL: GIN with gin_trgm_ops (ILIKE '%q%' search)


@dataclass(frozen=True)
class Check:
    name: str
    le: tuple[str, str]


@dataclass(frozen=True)
class Conversion:
    """`x-resource.converts-to`: this record becomes one of `to` (a lead -> a client)."""

    to: str  # contract title, e.g. "Client"
    status: str  # the status the converted record takes, e.g. "converted"
    link: str  # the target's field referencing the source, e.g. "source_lead_id"
    at: str  # the timestamp both records carry, set once, e.g. "converted_at"


@dataclass(frozen=True)
class Resource:
    name: str  # "Lead"
    file: str  # "lead.json"
    table: str
    path: str | None  # "/leads"; None when the entity has no routes
    tenant_scoped: bool
    operations: tuple[str, ...]
    soft_delete: bool
    visibility: str
    filterable: tuple[str, ...]
    sortable: tuple[str, ...]
    searchable: tuple[str, ...]
    indexes: tuple[Index, ...]
    checks: tuple[Check, ...]
    server_columns: tuple[tuple[str, Schema], ...]
    fields: tuple[Field, ...]
    description: str = ""
    edit: str = "visible"  # visible | author: who may change or delete a visible record
    parent_count: str = "at-most-one"  # at-most-one | exactly-one parent field set
    global_search: bool = False  # searched by GET /api/search
    converts_to: Conversion | None = None

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    @property
    def parents(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.reference is not None and f.reference.parent)


@dataclass(frozen=True)
class Parameter:
    name: str
    schema: Schema


@dataclass(frozen=True)
class Report:
    name: str  # "PipelineReport"
    file: str  # "reports/pipeline.json"
    path: str
    admin_only: bool
    parameters: tuple[Parameter, ...]
    csv: str | None
    description: str = ""


@dataclass(frozen=True)
class ContractSet:
    defs: dict[str, Schema]  # the bundle, sorted by name
    resources: tuple[Resource, ...] = ()
    reports: tuple[Report, ...] = ()
    sources: dict[str, str] = field(default_factory=dict)  # def name -> contract file

    def resource(self, name: str) -> Resource:
        for r in self.resources:
            if r.name == name:
                return r
        raise KeyError(name)
