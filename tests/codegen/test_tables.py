"""codegen/emit/tables.py: every key of a tenant table leads with tenant_id, or codegen refuses.

The rules on the generated metadata itself are tests/db/test_keys.py; these are the emitter's
side: what it puts first on its own, and the contract it refuses (naming file and pointer).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from codegen.emit import tables as tables_emitter
from codegen.errors import ContractError
from codegen.load import load
from codegen.model import ContractSet, Index, Resource
from codegen.runtime import load_module

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def contracts() -> ContractSet:
    return load(ROOT / "contracts")


def _with(contracts: ContractSet, name: str, **changes: Any) -> ContractSet:
    resources = tuple(
        dataclasses.replace(r, **changes) if r.name == name else r for r in contracts.resources
    )
    return dataclasses.replace(contracts, resources=resources)


def _tables(contracts: ContractSet, module: str) -> Any:
    return load_module(module, tables_emitter.emit(contracts)["generated/tables.py"])


def test_primary_keys(contracts: ContractSet) -> None:
    module = _tables(contracts, "_keys_tables")
    for r in contracts.resources:
        pk = tuple(c.name for c in module.TABLES[r.name].primary_key.columns)
        assert pk == (("tenant_id", "id") if r.tenant_scoped else ("id",)), r.name


def test_tenant_id_is_put_first_in_a_declared_index(contracts: ContractSet) -> None:
    lead: Resource = contracts.resource("Lead")
    indexes = (*lead.indexes, Index(columns=("email", "tenant_id"), unique=True))
    module = _tables(_with(contracts, "Lead", indexes=indexes), "_reordered_tables")
    index = next(i for i in module.TABLES["Lead"].indexes if i.name == "uq_leads_tenant_id_email")
    assert [c.name for c in index.columns] == ["tenant_id", "email"]
    assert index.unique


def test_a_tenant_table_refers_to_a_non_tenant_table_only_through_tenant_id(
    contracts: ContractSet,
) -> None:
    lead = contracts.resource("Lead")
    fields = tuple(
        dataclasses.replace(
            f, reference=dataclasses.replace(f.reference, to="Tenant", table="tenants")
        )
        if f.name == "assigned_to" and f.reference
        else f
        for f in lead.fields
    )
    with pytest.raises(ContractError) as caught:
        tables_emitter.emit(_with(contracts, "Lead", fields=fields))
    assert caught.value.file == lead.file
    assert caught.value.pointer == "/properties/assigned_to"
    assert "tenant_id" in caught.value.message
