"""Lead -> client conversion (`x-resource.converts-to`), one unit of work.

In order, so that two concurrent conversions of one lead cannot both create a record: the
source is marked first (its row lock makes the second conversion wait for the first to
commit), then a record already linked to it answers 409 with its id, then the new record is
created from the source's fields and linked to it, and the source's own records (contacts,
interactions, notes, tasks, projects: every resource with a parent reference to both) move to
it. A failure at any step changes nothing.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache
from typing import Any

from crm import statements
from crm.db import Row
from crm.errors import Conflict
from crm.scope import Scope, noun
from generated.python.resources import RESOURCES, ResourceInfo
from generated.python.schemas import schema_for


async def convert(scope: Scope, source: ResourceInfo, id: str) -> Row:
    conversion = source.converts_to
    assert conversion is not None
    target = RESOURCES[conversion.to]
    now = datetime.now(UTC)
    async with scope.atomic() as uow:
        record = await uow.update(
            source, id, {"status": conversion.status}, set_if_null={conversion.at: now}
        )
        existing = await uow.db.fetch_one(
            statements.referencing(target, conversion.link, 1),
            uow.params(**statements.ids_params([record["id"]])),
        )
        if existing is not None:
            raise Conflict(
                f"This {noun(source)} was converted already.",
                {f"{noun(target)}_id": str(existing["id"])},
            )
        values = {f: record[f] for f in copied_fields(source.name, target.name)}
        created = await uow.create(
            target,
            {**values, conversion.link: record["id"]},
            server_values={conversion.at: now, "assigned_to": _owner(record)},
        )
        for child, from_field, to_field in _moved(source.name, target.name):
            await uow.db.execute(
                statements.move_children(child, from_field, to_field),
                uow.params(from_id=record["id"], to_id=created["id"], _now=now),
            )
    return created


def _owner(record: Row) -> Any:
    """Who the new record is assigned to: the source's assignee, else its creator. Whoever
    saw the lead through owning it keeps seeing the client (and the records moved onto it),
    also when an admin converts it."""
    return record["assigned_to"] if record.get("assigned_to") is not None else record["created_by"]


@cache
def copied_fields(source: str, target: str) -> tuple[str, ...]:
    """The fields both records accept on create with the same schema (name, email, phone,
    address...): what the new record takes from the old. A status does not carry over:
    their status enums differ, and the new record starts at its contract's default."""
    theirs: dict[str, Any] = schema_for(f"{target}Create")["$defs"][f"{target}Create"]["properties"]
    ours: dict[str, Any] = schema_for(f"{source}Create")["$defs"][f"{source}Create"]["properties"]
    return tuple(
        f for f, schema in ours.items() if f in theirs and _rules(theirs[f]) == _rules(schema)
    )


# Keywords that describe a field without changing what it accepts: fields that differ only in
# these (a lead's and a client's `name` with their own examples) are still the same field.
_ANNOTATIONS = frozenset({"title", "description", "examples", "$comment", "deprecated"})


def _rules(schema: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in schema.items() if k not in _ANNOTATIONS}


@cache
def _moved(source: str, target: str) -> tuple[tuple[ResourceInfo, str, str], ...]:
    """(resource, field naming the source, field naming the target) for every resource whose
    records can hang off either."""
    out = []
    for child in RESOURCES.values():
        parents = {ref.resource: ref.field for ref in child.references if ref.parent}
        if source in parents and target in parents:
            out.append((child, parents[source], parents[target]))
    return tuple(out)
