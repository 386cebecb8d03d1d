"""Tenant tables are touched only where scoping is the point (docs/architecture.md, Tenancy).

`crm/statements.py` and `crm/listing.py` build every statement the Scope runs. Any other
module of the runtime that names a tenant table must say why it may, with a greppable
`# scope-ok: <reason>` (authentication before a Scope exists, operator tools...). Handlers
never name a table at all: they go through the Scope.
"""

from __future__ import annotations

import ast
from pathlib import Path

from generated import tables
from generated.python.resources import RESOURCES

ROOT = Path(__file__).resolve().parents[2]
SCOPE_BUILDERS = {"crm/statements.py", "crm/listing.py"}
TENANT_TABLES = {r.table for r in RESOURCES.values() if r.tenant_scoped}


def table_references(path: Path) -> list[str]:
    """Names of tenant tables the module reaches through `generated.tables`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        # `tables.leads`, `tables.TABLES[...]` (the module is imported as `tables`)
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "tables"
            and node.attr in TENANT_TABLES | {"TABLES"}
        ):
            found.append(node.attr)
        if isinstance(node, ast.ImportFrom) and node.module == "generated.tables":
            found += [a.name for a in node.names if a.name in TENANT_TABLES | {"TABLES"}]
    return sorted(set(found))


def test_the_lint_sees_a_table_reference() -> None:
    # guards the guard: the builders do name tenant tables
    assert table_references(ROOT / "crm/statements.py")
    assert "leads" in TENANT_TABLES
    assert "tenants" not in TENANT_TABLES
    assert set(TENANT_TABLES) <= set(tables.metadata.tables)


def test_handlers_never_name_a_table() -> None:
    offenders = {
        str(p.relative_to(ROOT)): table_references(p)
        for p in sorted((ROOT / "handlers").glob("*.py"))
        if table_references(p)
    }
    assert offenders == {}


def test_other_runtime_modules_say_why() -> None:
    unexplained = {}
    for path in sorted((ROOT / "crm").glob("*.py")):
        rel = str(path.relative_to(ROOT))
        if rel in SCOPE_BUILDERS:
            continue
        refs = table_references(path)
        if refs and "# scope-ok:" not in path.read_text(encoding="utf-8"):
            unexplained[rel] = refs
    assert unexplained == {}
