"""SQLAlchemy Core tables from the contracts: generated/tables.py.

What the database repeats of a contract, and how:

| contract | column / constraint |
|---|---|
| `string` + `maxLength` n | `String(n)` + CHECK `length(col) <= n` (SQLite ignores `VARCHAR(n)`) |
| `string` without `maxLength` | `Text` |
| `minLength` | CHECK `length(col) >= n` (same CHECK as the maximum) |
| `format: uuid` | `Uuid` (native `uuid` on PostgreSQL, `CHAR(32)` hex on SQLite) |
| `format: date-time` / `date` | `DateTime(timezone=True)` / `Date` |
| `enum` | `String(longest value)` + CHECK `col IN (...)` |
| `integer` | `Integer` when both bounds fit in 32 bits, else `BigInteger`; CHECK for the bounds |
| `number` + `multipleOf` 10^-k | `Numeric(p, k, asdecimal=False)`, p from the bounds; CHECK |
| `number` otherwise | `Float`; CHECK for the bounds |
| `boolean` | `Boolean` |
| required and not nullable | `NOT NULL` |
| x-resource `checks` (`le`) | CHECK `a IS NULL OR b IS NULL OR a <= b` |
| x-resource `server-columns` | extra columns, typed by the same rules |
| `writeOnly` properties | no column (what is kept, e.g. a password hash, is a server column) |

Not repeated by the database (the API's validation is the only wall for these): `pattern`,
`format: email`, and `multipleOf` beyond the column's scale (PostgreSQL rounds `NUMERIC(p, 2)`,
SQLite stores a REAL) — none has a CHECK both backends evaluate alike.

Money: `asdecimal=False`. SQLite has no decimal type and SQLAlchemy warns (an error under our
pytest settings) whenever it must turn its REAL into a `Decimal`; every value a contract allows
(at most 15 significant digits) survives a float and back (shortest repr), and JSON carries a
number anyway. PostgreSQL still stores and sums exact `NUMERIC`.

Tenancy (DESIGN "Keys", "growing past one database server"): a tenant table has
`tenant_id NOT NULL` referencing `tenants`, the primary key `(tenant_id, id)` (which children
reference), composite foreign keys `(tenant_id, col) -> target (tenant_id, id)` between tenant
tables, and every index and unique key starts with `tenant_id` (put first automatically). So every
key of a tenant table leads with `tenant_id`, and the rows of one tenant can live on one node; a
tenant table may reference a table that is not tenant-scoped only through `tenant_id` itself
(anything else is a contract error). Each foreign-key column gets an index `(tenant_id, col)`
unless a non-partial index already starts with those columns.

`on-delete: set-null` between tenant tables: a composite key's `ON DELETE SET NULL` would null
`tenant_id` too; PostgreSQL 15's `SET NULL (col)` has no SQLite spelling (SQLAlchemy renders it
for PostgreSQL only). So such a key is emitted with no action (`NO ACTION`) — the database still
refuses a dangling or cross-tenant link — and `SET_NULL_ON_DELETE` lists, per referenced table,
the (table, column) pairs a delete must clear first (one UPDATE each, in the same transaction).

Names (one `MetaData(naming_convention=...)`, every name explicit and at most 63 characters, the
PostgreSQL limit, so both backends get the same names): `pk_<table>`, `uq_<table>_<cols>`,
`fk_<table>_<col>_<target>`, `ck_<table>_<col>_<kind>_<hash>`, `ix_<table>_<cols>[_live_<hash>]`.
The hash is a digest of the CHECK's SQL or the index's predicate: Alembic's autogenerate does not
compare CHECK text or partial-index predicates, so a changed rule must change the name to show
up as drop + add.
"""

from __future__ import annotations

import hashlib
import keyword
import re
import textwrap
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy.dialects.postgresql.base import RESERVED_WORDS as PG_RESERVED
from sqlalchemy.dialects.sqlite.base import SQLiteIdentifierPreparer

from codegen.errors import ContractError
from codegen.lint import node_types
from codegen.model import ContractSet, Resource, Schema
from codegen.runtime import environment, header

OUTPUT = "generated/tables.py"
MAX_NAME = 63  # PostgreSQL's NAMEDATALEN - 1
INT32 = 2**31 - 1
LIVE_WHERE = "deleted_at IS NULL"
TIMESTAMP_DEFAULTS = frozenset({"created_at", "updated_at"})
ON_DELETE = {"restrict": "RESTRICT", "cascade": "CASCADE", "set-null": None}
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
RESERVED_NAMES = frozenset({"sa", "metadata", "TABLES", "SET_NULL_ON_DELETE", "annotations"})

_RESERVED = frozenset(PG_RESERVED) | frozenset(SQLiteIdentifierPreparer.reserved_words)
_PLAIN = re.compile(r"[a-z_][a-z0-9_]*")


def digest(text: str, n: int = 8) -> str:
    return hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()[:n]


def fit(name: str) -> str:
    """`name`, or when longer than PostgreSQL allows, a stable shortening with a hash."""
    if len(name) <= MAX_NAME:
        return name
    return f"{name[: MAX_NAME - 9]}_{digest(name)}"


def ident(name: str) -> str:
    """A column name as SQL both PostgreSQL and SQLite read alike (quoted when either needs it)."""
    if name in _RESERVED or not _PLAIN.fullmatch(name):
        return '"' + name.replace('"', '""') + '"'
    return name


def sql_literal(value: Any) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int | float):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


@dataclass
class TableSpec:
    resource: Resource
    comment: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    constraints: list[str] = field(default_factory=list)
    indexes: list[str] = field(default_factory=list)
    depends_on: set[str] = field(default_factory=set)


class _Emitter:
    def __init__(self, contracts: ContractSet) -> None:
        self.contracts = contracts
        self.set_null: dict[str, list[tuple[str, str]]] = {}

    # -- schemas -------------------------------------------------------------------------
    def resolve(self, schema: Schema, where: tuple[str, str]) -> tuple[Schema, bool]:
        """(the typed schema behind refs and nullable anyOf, whether null is allowed)."""
        nullable = False
        node = schema
        for _ in range(32):
            if "$ref" in node:
                ref = node["$ref"]
                prefix = "#/$defs/"
                if not ref.startswith(prefix) or ref[len(prefix) :] not in self.contracts.defs:
                    raise ContractError(*where, f"unresolvable reference {ref}")
                node = self.contracts.defs[ref[len(prefix) :]]
                continue
            if "anyOf" in node:
                branches = [b for b in node["anyOf"] if b != {"type": "null"}]
                if len(branches) != 1 or len(node["anyOf"]) != 2:
                    raise ContractError(*where, "only a nullable reference anyOf maps to a column")
                nullable = True
                node = branches[0]
                continue
            break
        if "type" not in node:
            raise ContractError(*where, "a column needs a typed schema")
        base, null_here = node_types(node)
        return {**node, "type": base}, nullable or null_here

    def column_type(self, node: Schema, where: tuple[str, str]) -> str:
        t = node["type"]
        if t == "string":
            if "enum" in node:
                values = [v for v in node["enum"] if v is not None]
                return f"sa.String({max(len(v) for v in values)})"
            fmt = node.get("format")
            if fmt == "uuid":
                return "sa.Uuid()"
            if fmt == "date-time":
                return "sa.DateTime(timezone=True)"
            if fmt == "date":
                return "sa.Date()"
            if "maxLength" in node:
                return f"sa.String({node['maxLength']})"
            return "sa.Text()"
        if t == "integer":
            if "multipleOf" in node:
                raise ContractError(*where, "an integer multipleOf has no database column type")
            lo, hi = self.bounds(node)
            small = lo is not None and hi is not None and lo >= -INT32 - 1 and hi <= INT32
            return "sa.Integer()" if small else "sa.BigInteger()"
        if t == "number":
            if "multipleOf" not in node:
                return "sa.Float()"
            step = Decimal(str(node["multipleOf"]))
            exponent = step.normalize().as_tuple().exponent
            if not isinstance(exponent, int) or exponent > 0 or step != Decimal(1).scaleb(exponent):
                raise ContractError(*where, "a number multipleOf maps to a column only as 10^-k")
            scale = -exponent
            lo, hi = self.bounds(node)
            if lo is None or hi is None:
                raise ContractError(*where, "a decimal column needs minimum and maximum")
            digits = len(str(int(max(abs(lo), abs(hi)))))
            return f"sa.Numeric({digits + scale}, {scale}, asdecimal=False)"
        if t == "boolean":
            return "sa.Boolean()"
        raise ContractError(*where, f"type {t!r} has no database column type")

    @staticmethod
    def bounds(node: Schema) -> tuple[float | None, float | None]:
        lo = node.get("minimum", node.get("exclusiveMinimum"))
        hi = node.get("maximum", node.get("exclusiveMaximum"))
        return lo, hi

    def value_checks(self, col: str, node: Schema) -> list[tuple[str, str]]:
        """(kind, SQL) CHECKs a column's schema asks for."""
        c = ident(col)
        out: list[tuple[str, str]] = []
        if node["type"] == "string" and "enum" in node:
            values = ", ".join(sql_literal(v) for v in node["enum"] if v is not None)
            out.append(("enum", f"{c} IN ({values})"))
        if node["type"] == "string" and node.get("format") not in ("uuid", "date", "date-time"):
            parts = []
            if node.get("minLength", 0) > 0:
                parts.append(f"length({c}) >= {node['minLength']}")
            if "maxLength" in node and "enum" not in node:
                parts.append(f"length({c}) <= {node['maxLength']}")
            if parts:
                out.append(("length", " AND ".join(parts)))
        if node["type"] in ("integer", "number"):
            parts = []
            for key, op in (
                ("minimum", ">="),
                ("exclusiveMinimum", ">"),
                ("maximum", "<="),
                ("exclusiveMaximum", "<"),
            ):
                if key in node:
                    parts.append(f"{c} {op} {sql_literal(node[key])}")
            if parts:
                out.append(("range", " AND ".join(parts)))
        return out

    # -- tables --------------------------------------------------------------------------
    def table(self, r: Resource) -> TableSpec:
        spec = TableSpec(r)
        if r.description:
            spec.comment = textwrap.wrap(f"{r.name}: {r.description}", 96)
        t = r.table
        tables = {x.name: x for x in self.contracts.resources}
        columns: list[tuple[str, Schema, bool, str]] = []  # name, node, nullable, pointer
        for f in r.fields:
            if f.write_only:
                continue
            where = (r.file, f"/properties/{f.name}")
            node, nullable = self.resolve(f.schema, where)
            columns.append((f.name, node, nullable or not f.required, where[1]))
        for name, schema in r.server_columns:
            where = (r.file, f"/x-resource/server-columns/{name}")
            node, nullable = self.resolve(schema, where)
            columns.append((name, node, nullable, where[1]))
        names = [c[0] for c in columns]
        # text columns (not uuid, date or date-time), the only ones a trigram index serves
        text_columns = {
            n
            for n, node, _, _ in columns
            if node.get("type") == "string" and node.get("format") in (None, "email")
        }
        if "id" not in names:
            raise ContractError(r.file, "/properties", "a table needs an id property")
        if r.tenant_scoped and "tenant_id" not in names:
            raise ContractError(r.file, "/properties", "a tenant table needs a tenant_id property")

        for name, node, nullable, pointer in columns:
            args = [repr(name), self.column_type(node, (r.file, pointer))]
            if name == "id" and not r.tenant_scoped:
                args.append("primary_key=True")
            elif name == "id" or not nullable:
                args.append("nullable=False")
            if name in TIMESTAMP_DEFAULTS:
                args.append("server_default=sa.func.now()")
            spec.columns.append(f"sa.Column({', '.join(args)})")
            for kind, sql in self.value_checks(name, node):
                cname = f"{name}_{kind}_{digest(sql)}"
                self.check_name(t, cname, r.file, pointer)
                spec.constraints.append(f"sa.CheckConstraint({sql!r}, name={cname!r})")

        for check in r.checks:
            a, b = (ident(x) for x in check.le)
            for col in check.le:
                if col not in names:
                    raise ContractError(r.file, "/x-resource/checks", f"no column {col!r}")
            sql = f"{a} IS NULL OR {b} IS NULL OR {a} <= {b}"
            cname = f"{check.name}_{digest(sql)}"
            self.check_name(t, cname, r.file, "/x-resource/checks")
            spec.constraints.append(f"sa.CheckConstraint({sql!r}, name={cname!r})")

        pk = "'tenant_id', 'id'" if r.tenant_scoped else "'id'"
        spec.constraints.insert(0, f"sa.PrimaryKeyConstraint({pk}, name={fit(f'pk_{t}')!r})")

        # foreign keys
        fk_columns: list[str] = []
        for f in r.fields:
            ref = f.reference
            if ref is None or f.write_only:
                continue
            target = tables.get(ref.to)
            if target is None:
                raise ContractError(r.file, f"/properties/{f.name}", f"no table for {ref.to}")
            spec.depends_on.add(target.table)
            name = fit(f"fk_{t}_{f.name}_{target.table}")
            if r.tenant_scoped and target.tenant_scoped:
                cols: tuple[str, ...] = ("tenant_id", f.name)
                refcols: tuple[str, ...] = (f"{target.table}.tenant_id", f"{target.table}.id")
                ondelete = ON_DELETE[ref.on_delete]
                if ref.on_delete == "set-null":
                    if not f.nullable:
                        raise ContractError(
                            r.file, f"/properties/{f.name}", "set-null on a non-nullable column"
                        )
                    self.set_null.setdefault(target.table, []).append((t, f.name))
            elif target.tenant_scoped:
                raise ContractError(
                    r.file,
                    f"/properties/{f.name}",
                    "a non-tenant table cannot reference a tenant table",
                )
            elif r.tenant_scoped and f.name != "tenant_id":
                raise ContractError(
                    r.file,
                    f"/properties/{f.name}",
                    "a tenant table references a table that is not tenant-scoped only through"
                    " tenant_id: every key of a tenant table must lead with tenant_id",
                )
            else:
                cols, refcols = (f.name,), (f"{target.table}.id",)
                ondelete = "SET NULL" if ref.on_delete == "set-null" else ON_DELETE[ref.on_delete]
            args = [repr(list(cols)), repr(list(refcols)), f"name={name!r}"]
            if ondelete:
                args.append(f"ondelete={ondelete!r}")
            spec.constraints.append(f"sa.ForeignKeyConstraint({', '.join(args)})")
            if f.name != "tenant_id":
                fk_columns.append(f.name)

        # indexes
        lead: tuple[str, ...] = ("tenant_id",) if r.tenant_scoped else ()
        full_prefixes: list[tuple[str, ...]] = []
        declared = []
        for i, index in enumerate(r.indexes):
            for col in index.columns:
                if col not in names:
                    raise ContractError(r.file, f"/x-resource/indexes/{i}", f"no column {col!r}")
            cols = lead + tuple(c for c in index.columns if c not in lead)
            declared.append((cols, index.live, index.unique, index.trigram))
            if index.trigram and (index.unique or not set(index.columns) <= text_columns):
                raise ContractError(
                    r.file, f"/x-resource/indexes/{i}", "a trigram index is on text columns only"
                )
            if not index.live and not index.trigram:
                full_prefixes.append(cols)
        for col in fk_columns:
            cols = (*lead, col)
            if not any(p[: len(cols)] == cols for p in full_prefixes):
                declared.append((cols, False, False, False))
                full_prefixes.append(cols)
        seen: set[str] = set()
        for cols, live, unique, trigram in declared:
            base = f"{'uq' if unique else 'ix'}_{t}_{'_'.join(cols)}" + ("_trgm" if trigram else "")
            if live:
                if not r.soft_delete:
                    raise ContractError(
                        r.file, "/x-resource/indexes", "live index needs soft-delete"
                    )
                base += f"_live_{digest(LIVE_WHERE)}"
            name = fit(base)
            if name in seen:
                raise ContractError(r.file, "/x-resource/indexes", f"duplicate index {name}")
            seen.add(name)
            args = [repr(name), *(repr(c) for c in cols)]
            if unique:
                args.append("unique=True")
            if live:
                args.append(f"postgresql_where=sa.text({LIVE_WHERE!r})")
                args.append(f"sqlite_where=sa.text({LIVE_WHERE!r})")
            if trigram:
                # GIN over tenant_id (btree_gin) and each text column (pg_trgm): one index
                # serves `tenant_id = :t AND (a ILIKE :q OR b ILIKE :q)`. SQLite ignores the
                # PostgreSQL options and keeps a plain index.
                ops = {c: "gin_trgm_ops" for c in cols if c not in lead}
                args.append("postgresql_using='gin'")
                args.append(f"postgresql_ops={ops!r}")
            spec.indexes.append(f"sa.Index({', '.join(args)})")
        return spec

    @staticmethod
    def check_name(table: str, name: str, file: str, pointer: str) -> None:
        full = NAMING_CONVENTION["ck"] % {"table_name": table, "constraint_name": name}
        if len(full) > MAX_NAME:
            raise ContractError(file, pointer, f"constraint name {full} is longer than {MAX_NAME}")

    def run(self) -> str:
        specs = {}
        for r in self.contracts.resources:
            if (
                not r.table.isidentifier()
                or keyword.iskeyword(r.table)
                or r.table in RESERVED_NAMES
            ):
                raise ContractError(
                    r.file, "/x-resource/table", f"{r.table!r} is not a usable name"
                )
            if r.table in specs:
                raise ContractError(r.file, "/x-resource/table", f"table {r.table} defined twice")
            specs[r.table] = self.table(r)
        ordered: list[TableSpec] = []
        done: set[str] = set()
        pending = dict(sorted(specs.items()))
        while pending:
            ready = [n for n, s in pending.items() if s.depends_on - {n} <= done]
            if not ready:
                cycle = ", ".join(pending)
                first = next(iter(pending.values())).resource
                raise ContractError(first.file, "/x-resource", f"foreign-key cycle among {cycle}")
            for n in ready:
                ordered.append(pending.pop(n))
                done.add(n)
        set_null = {k: sorted(v) for k, v in sorted(self.set_null.items())}
        return (
            environment()
            .get_template("tables.py.j2")
            .render(
                header=header("contracts/"),
                naming_convention=NAMING_CONVENTION,
                tables=ordered,
                set_null=set_null,
            )
        )


def emit(contracts: ContractSet) -> dict[str, str]:
    return {OUTPUT: _Emitter(contracts).run()}
