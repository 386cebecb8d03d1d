"""Alembic: the reviewed initial revision builds exactly the generated tables, on both backends."""

from __future__ import annotations

import dataclasses
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import CheckConstraint, ForeignKeyConstraint, MetaData, inspect

from codegen.emit import tables as tables_emitter
from codegen.load import load
from codegen.runtime import load_module
from generated.tables import TABLES, metadata
from tests.db.conftest import ROOT, alembic, make_engine

# what migrations/env.py configures (alembic check below runs env.py itself)
AUTOGEN_OPTS = {
    "compare_type": True,
    "autogenerate_plugins": ["alembic.autogenerate.*", "alembic.ext.checkconstraint_byname"],
}


def diff(engine: Any, target: MetaData) -> list[Any]:
    with engine.connect() as conn:
        return list(compare_metadata(MigrationContext.configure(conn, opts=AUTOGEN_OPTS), target))


def test_upgrade_head_matches_generated_tables(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        alembic(engine, "upgrade", "head")
        assert diff(engine, metadata) == []
        alembic(engine, "check")  # env.py's own autogenerate settings: no pending operations
    finally:
        engine.dispose()


def _metadata_with(contracts: Any, name: str) -> MetaData:
    module = load_module(name, tables_emitter.emit(contracts)["generated/tables.py"])
    return module.metadata  # type: ignore[no-any-return]


def test_changed_rules_show_up_in_autogenerate(db_url: str) -> None:
    """An enum widened, or an ON DELETE changed, in the contracts is a migration to write."""
    contracts = load(ROOT / "contracts")
    defs = dict(contracts.defs)
    defs["LeadStatus"] = {**defs["LeadStatus"], "enum": [*defs["LeadStatus"]["enum"], "won"]}
    widened = _metadata_with(dataclasses.replace(contracts, defs=defs), "_widened_tables")

    project = contracts.resource("Project")
    fields = tuple(
        dataclasses.replace(f, reference=dataclasses.replace(f.reference, on_delete="cascade"))
        if f.name == "client_id" and f.reference
        else f
        for f in project.fields
    )
    resources = tuple(
        dataclasses.replace(r, fields=fields) if r.name == "Project" else r
        for r in contracts.resources
    )
    cascading = _metadata_with(dataclasses.replace(contracts, resources=resources), "_cascading")

    engine = make_engine(db_url)
    try:
        alembic(engine, "upgrade", "head")
        ops = [(op[0], getattr(op[1], "name", None)) for op in diff(engine, widened)]
        assert {kind for kind, _ in ops} == {"add_constraint", "remove_constraint"}, ops
        assert all(str(name).startswith("ck_leads_status_enum_") for _, name in ops), ops
        ops = [(op[0], getattr(op[1], "name", None)) for op in diff(engine, cascading)]
        assert {kind for kind, _ in ops} == {"add_fk", "remove_fk"}, ops
        assert {name for _, name in ops} == {"fk_projects_client_id_clients"}, ops
    finally:
        engine.dispose()


def test_upgrade_head_has_checks_partial_indexes_and_composite_keys(db_url: str) -> None:
    """What compare_metadata does not look at: CHECK names, index predicates, FK shapes."""
    engine = make_engine(db_url)
    try:
        alembic(engine, "upgrade", "head")
        insp = inspect(engine)
        where_key = f"{engine.dialect.name}_where"
        for table in TABLES.values():
            want_checks = {c.name for c in table.constraints if isinstance(c, CheckConstraint)}
            got_checks = {c["name"] for c in insp.get_check_constraints(table.name)}
            assert want_checks <= got_checks, table.name

            want_fks = {
                (
                    tuple(fk.column_keys),
                    fk.referred_table.name,
                    tuple(e.column.name for e in fk.elements),
                    fk.ondelete,
                )
                for fk in table.constraints
                if isinstance(fk, ForeignKeyConstraint)
            }
            got_fks = {
                (
                    tuple(fk["constrained_columns"]),
                    fk["referred_table"],
                    tuple(fk["referred_columns"]),
                    fk["options"].get("ondelete"),
                )
                for fk in insp.get_foreign_keys(table.name)
            }
            assert got_fks == want_fks, table.name

            got_indexes = {i["name"]: i for i in insp.get_indexes(table.name)}
            for index in table.indexes:
                got = got_indexes[index.name]
                assert tuple(got["column_names"]) == tuple(c.name for c in index.columns)
                if table.c.get("tenant_id") is not None:
                    assert got["column_names"][0] == "tenant_id", index.name
                want_where = index.dialect_options[engine.dialect.name]["where"]
                got_where = got.get("dialect_options", {}).get(where_key)
                if want_where is None:
                    assert got_where is None, index.name
                else:
                    assert got_where is not None, index.name
                    assert "deleted_at IS NULL" in str(got_where), index.name
        # the composite keys the design promises, spelled out once
        assert (("tenant_id", "client_id"), "clients", ("tenant_id", "id"), "RESTRICT") in {
            (
                tuple(fk["constrained_columns"]),
                fk["referred_table"],
                tuple(fk["referred_columns"]),
                fk["options"].get("ondelete"),
            )
            for fk in insp.get_foreign_keys("projects")
        }
    finally:
        engine.dispose()


def test_downgrade_base_leaves_no_tables(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        alembic(engine, "upgrade", "head")
        assert set(TABLES.values())
        assert set(inspect(engine).get_table_names()) >= {t.name for t in TABLES.values()}
        alembic(engine, "downgrade", "base")
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    finally:
        engine.dispose()
