"""The Python outputs: rules, validator, JSON-faithful types, Pydantic models, bundle, resources.

Models come from datamodel-code-generator called as a library, on a *prepared* copy of the
bundle in which every scalar whose Pydantic default would be lax points (`customTypePath`) at
a type from types.py that reads JSON as JSON Schema does, `multipleOf` becomes an exact
decimal type, and `minProperties` a base class (`customBasePath`). What the generator is good
at (classes, enums, optional vs required via the MISSING sentinel, nullable unions, aliases)
stays its job.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

from datamodel_code_generator import generate
from datamodel_code_generator.enums import (
    DataModelType,
    InputFileType,
    TargetPydanticVersion,
)
from datamodel_code_generator.format import Formatter, PythonVersion

from codegen import formats
from codegen.applicators import is_anything, needs_split, split
from codegen.conventions import list_filters, operations
from codegen.lint import node_types
from codegen.literals import is_literal_node, surviving_values
from codegen.model import ContractSet, Schema
from codegen.runtime import environment, header, render_rules, render_validator
from codegen.strings import without_string_keywords

PKG = "generated.python"
PROJECT_ROOT = Path(__file__).resolve().parents[2]
# The regular-expression formats (codegen/formats.py) get one types.py type each: FormatIpv4, ...
PATTERN_FORMAT_TYPES = {
    name: "Format" + "".join(part.capitalize() for part in name.split("-"))
    for name in formats.PATTERN_FORMATS
}
FORMAT_TYPES = {
    "email": "Email",
    "uuid": "Uuid",
    "date": "Date",
    "date-time": "DateTime",
    **PATTERN_FORMAT_TYPES,
}
COUNTS = frozenset({"minLength", "maxLength", "minItems", "maxItems", "minProperties"})
SCALAR_TYPES = {
    "integer": "JsonInt",
    "number": "JsonNumber",
    "boolean": "JsonBool",
    "string": "JsonStr",
}


def emit(contracts: ContractSet) -> dict[str, str]:
    base = "generated/python"
    models, types_src = render_models(contracts.defs, f"{PKG}.types", f"{PKG}.rules")
    bundle = {"$defs": contracts.defs}
    return {
        "generated/__init__.py": f'"""Everything here is {header("contracts/")}."""\n',
        f"{base}/__init__.py": f'"""Python outputs: {header("contracts/")}."""\n',
        f"{base}/rules.py": render_rules(),
        f"{base}/validator.py": render_validator(f"{PKG}.rules"),
        f"{base}/types.py": types_src,
        f"{base}/models.py": models,
        f"{base}/bundle.json": json.dumps(bundle, indent=1, sort_keys=True, ensure_ascii=False)
        + "\n",
        f"{base}/schemas.py": environment()
        .get_template("schemas.py.j2")
        .render(header=header("contracts/"), names=list(contracts.defs)),
        f"{base}/resources.py": environment()
        .get_template("resources.py.j2")
        .render(
            header=header("contracts/"),
            resources=contracts.resources,
            reports=contracts.reports,
            filters={
                r.name: list_filters(r, contracts.defs) if r.path else ()
                for r in contracts.resources
            },
            operations=operations(contracts),
        ),
    }


def _token(value: int | float) -> str:
    return re.sub(r"[^0-9a-zA-Z]", "_", repr(value).replace("-", "m"))


class _Preparer:
    """Rewrites schema nodes for datamodel-code-generator and records the helper types used."""

    def __init__(self, types_module: str) -> None:
        self.types_module = types_module
        self.multiple_ofs: dict[str, tuple[str, str, int | float]] = {}
        self.min_properties: set[int] = set()
        self.object_mins: set[tuple[str, int]] = set()
        self.literals: dict[str, tuple[str, list[Any]]] = {}
        # name -> (name, format type, minLength, maxLength, pattern)
        self.formatted: dict[str, tuple[str, str, int | None, int | None, str | None]] = {}
        # name -> (name, core def or None, checks with def names): codegen/applicators.py
        self.checked: dict[str, tuple[str, str | None, list[tuple[Any, ...]]]] = {}
        self.hoisted: dict[str, Any] = {}  # defs made for the checks' sub-schemas
        self.raw: dict[str, Any] = {}  # the bundle's defs as written

    def node(self, node: Any, root: bool = False) -> Any:
        if isinstance(node, bool):
            # true: any JSON value; false: none.
            return {"customTypePath": f"{self.types_module}.{'JsonValue' if node else 'Nothing'}"}
        if not isinstance(node, dict):
            return node
        if needs_split(node):
            return self._checked(node)
        if "$ref" in node:
            return dict(node)
        if "anyOf" in node:
            return {**node, "anyOf": [self.node(b) for b in node["anyOf"]]}
        if is_literal_node(node) or node.get("type") == "null":
            # A set of JSON values: membership under JSON equality (codegen/literals.py).
            # `type: null` is the set {null} (the generator reads a named one as Any).
            values = surviving_values(node) if is_literal_node(node) else [None]
            digest = hashlib.sha256(json.dumps(values, sort_keys=True).encode()).hexdigest()[:10]
            name = f"OneOf_{digest}"
            self.literals[name] = (name, values)
            keep = {k: v for k, v in node.items() if k in ("title", "description")}
            return {**keep, "customTypePath": f"{self.types_module}.{name}"}
        if "type" not in node:
            if "$defs" in node:
                return {k: (self.defs(v) if k == "$defs" else v) for k, v in node.items()}
            # Accepts anything (annotations only): a JSON value, its text under the rule.
            return {**node, "customTypePath": f"{self.types_module}.JsonValue"}
        base, nullable = node_types(node)
        # Counts written 2.0 are the integer 2 (JSON Schema); Pydantic's constraints want ints.
        out: dict[str, Any] = {
            k: int(v) if k in COUNTS and isinstance(v, float) else v for k, v in node.items()
        }
        # datamodel-code-generator 0.89 drops `| None` from a *required* [T, "null"] field
        # that has a customTypePath, so nullable nodes point at an explicit `Nullable<T>` alias.
        prefix = "Nullable" if nullable else ""
        if base == "string" and "enum" in out:
            # The values the other keywords refuse are dropped, then those keywords with them:
            # an enum class carries values only (codegen/strings.py).
            out = without_string_keywords(out)
        elif base in ("integer", "number") and "multipleOf" in out:
            divisor = out.pop("multipleOf")
            name = f"{base.capitalize()}MultipleOf_{_token(divisor)}"
            self.multiple_ofs[name] = (name, base, divisor)
            out["customTypePath"] = f"{self.types_module}.{prefix}{name}"
        elif base == "string" and "format" in out:
            out["customTypePath"] = f"{self.types_module}.{prefix}{self._format_type(out)}"
        elif base in SCALAR_TYPES:
            out["customTypePath"] = f"{self.types_module}.{prefix}{SCALAR_TYPES[base]}"
        if base == "array":
            out["items"] = self.node(out.get("items", {}))
        if base == "object":
            bare = not out.get("properties") and "additionalProperties" not in out
            if bare and not root:
                # The generator writes a nested bare object as a dict (a root one as a class):
                # any object, its text still under the rule for storable text.
                name = "JsonObject"
                if out.get("minProperties"):
                    n = out.pop("minProperties")
                    name = f"JsonObjectMin{n}"
                    self.object_mins.add((name, n))
                out["customTypePath"] = f"{self.types_module}.{prefix}{name}"
            if "properties" in out:
                out["properties"] = {k: self.node(v) for k, v in out["properties"].items()}
            # Without properties a nested object is a dict, whose min_length the generator writes.
            if "minProperties" in out and (out.get("properties") or root):
                n = out.pop("minProperties")
                self.min_properties.add(n)
                out["customBasePath"] = f"{self.types_module}.MinProperties{n}"
        return out

    def _checked(self, node: Schema) -> Schema:
        """A core and checks (codegen/applicators.py): a types.py type that runs each check with
        the models of the sub-schemas (hoisted to defs of their own), then the core's model."""
        core, checks = split(node)
        core_name = None if is_anything(core) else self._hoist(core)
        encoded: list[tuple[Any, ...]] = []
        for check in checks:
            kind = check[0]
            if kind in ("all", "not"):
                encoded.append((kind, self._hoist(check[1])))
            elif kind == "when":
                encoded.append((kind, check[1], self._hoist(check[2])))
            elif kind in ("any", "one"):
                encoded.append((kind, [self._hoist(b) for b, _ in check[1]]))
            elif kind == "prefix":
                rest = None if check[2] is None else self._hoist(check[2][0])
                encoded.append((kind, [self._hoist(p) for p, _ in check[1]], rest))
            elif kind == "extra":
                encoded.append((kind, check[1], check[2], self._hoist(check[3])))
            elif kind in ("patterns", "dependent", "props"):
                encoded.append((kind, [(k, self._hoist(sub)) for k, sub, _ in check[1]]))
            elif kind == "names":
                encoded.append((kind, self._hoist(check[1])))
            elif kind == "if":
                parts = [None if c is None else self._hoist(c[0]) for c in check[1:]]
                encoded.append((kind, *parts))
            else:
                encoded.append(check)
        digest = hashlib.sha256(json.dumps([core_name, encoded]).encode()).hexdigest()[:10]
        name = f"Checked_{digest}"
        self.checked[name] = (name, core_name, encoded)
        keep = {k: v for k, v in node.items() if k in ("title", "description")}
        return {**keep, "customTypePath": f"{self.types_module}.{name}"}

    def _hoist(self, schema: Any) -> str:
        """The def name a sub-schema is validated with: its own, for a bare reference."""
        if isinstance(schema, dict) and set(schema) == {"$ref"}:
            name = str(schema["$ref"]).rsplit("/", 1)[1]
            target = self.raw.get(name)
            if (
                isinstance(target, dict)
                and target.get("type") == "object"
                and not needs_split(target)
            ):
                return name  # a model class, never inlined by the generator
            # Any other def may be a root model the generator inlines where it is referenced
            # (and then drops): the check gets its own copy.
            schema = target if target is not None else schema
        digest = hashlib.sha256(json.dumps(schema, sort_keys=True).encode()).hexdigest()[:12]
        name = f"Sub{digest}"
        self.hoisted.setdefault(name, schema)
        return name

    def _format_type(self, out: Schema) -> str:
        """The types.py name of a format; lengths and a pattern beside it are checked on the
        text inside that type, as Pydantic cannot put string constraints on a date or UUID."""
        name = FORMAT_TYPES[out.pop("format")]
        low, high, pattern = (out.pop(k, None) for k in ("minLength", "maxLength", "pattern"))
        if low is None and high is None and pattern is None:
            return name
        digest = hashlib.sha256(json.dumps([low, high, pattern]).encode()).hexdigest()[:10]
        full = f"{name}Text_{digest}"
        self.formatted[full] = (full, name, low, high, pattern)
        return full

    def defs(self, defs: dict[str, Schema]) -> dict[str, Schema]:
        self.raw = defs
        out: dict[str, Schema] = {}
        self._defs(defs, out)
        done: set[str] = set()
        while pending := {k: v for k, v in self.hoisted.items() if k not in done}:
            done |= set(pending)
            self._defs(pending, out)
        return {k: _inline_leaf_refs(v, out) for k, v in out.items()}

    def _defs(self, defs: dict[str, Schema], out: dict[str, Schema]) -> None:
        for name, schema in defs.items():
            t = schema.get("type") if isinstance(schema, dict) else None
            if isinstance(t, list) and "object" in t and "null" in t and not needs_split(schema):
                # datamodel-code-generator makes a named [object, null] schema a class that
                # refuses null: name the object on its own and make this the nullable reference.
                inner = f"{name}Object"
                while inner in defs or inner in out:
                    inner += "_"
                out[inner] = self.node({**schema, "type": "object"}, root=True)
                out[name] = {"anyOf": [{"$ref": f"#/$defs/{inner}"}, {"type": "null"}]}
            else:
                out[name] = self.node(schema, root=True)


def _inline_leaf_refs(node: Any, out: dict[str, Schema]) -> Any:
    """A reference to a def that is one untyped types.py type (checks, literals) becomes it.

    datamodel-code-generator inlines a referenced root model (collapse_root_models) and drops
    its class; the checks of codegen/applicators.py look models up by def name, so such a def
    must stay unreferenced to keep its class.
    """
    if isinstance(node, list):
        return [_inline_leaf_refs(x, out) for x in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        target = out.get(ref[len("#/$defs/") :])
        if isinstance(target, dict) and "customTypePath" in target and "type" not in target:
            rest = {k: v for k, v in node.items() if k != "$ref"}
            return {**rest, "customTypePath": target["customTypePath"]}
    return {k: _inline_leaf_refs(v, out) for k, v in node.items()}


def render_models(defs: dict[str, Schema], types_module: str, rules_module: str) -> tuple[str, str]:
    """(models.py, types.py) for a bundle of named schemas."""
    prep = _Preparer(types_module)
    prepared = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "ContractBundle",
        "description": "The bundle root; every contract is one of the named models below.",
        "$defs": prep.defs(defs),
    }
    models = generate(
        json.dumps(prepared),
        input_file_type=InputFileType.JsonSchema,
        output_model_type=DataModelType.PydanticV2BaseModel,
        target_python_version=PythonVersion.PY_311,
        # 2.14 imports MISSING from pydantic itself, not the deprecated experimental module.
        target_pydantic_version=TargetPydanticVersion("2.14"),
        base_class=f"{types_module}.ContractModel",
        use_annotated=True,
        field_constraints=True,
        use_standard_collections=True,
        use_union_operator=True,
        use_double_quotes=True,
        disable_timestamp=True,
        use_missing_sentinel=True,
        strict_nullable=True,
        collapse_root_models=True,
        use_schema_description=True,
        use_field_description=True,
        formatters=[Formatter.BUILTIN],
        # The formatter reads line length from a pyproject.toml; name ours explicitly so the
        # output does not depend on the directory codegen runs from.
        settings_path=PROJECT_ROOT,
    )
    assert isinstance(models, str)
    models = models.replace(
        "# generated by datamodel-codegen:\n#   filename:  <stdin>\n",
        f"# {header('contracts/')} (through datamodel-code-generator)\n",
    )
    types_src = (
        environment()
        .get_template("types.py.j2")
        .render(
            header=header("contracts/"),
            rules_module=rules_module,
            multiple_ofs=sorted(prep.multiple_ofs.values()),
            min_properties=sorted(prep.min_properties),
            formatted=sorted(prep.formatted.values()),
            object_mins=sorted(prep.object_mins),
            literals=[prep.literals[k] for k in sorted(prep.literals)],
            checked=[prep.checked[k] for k in sorted(prep.checked)],
            pattern_formats=sorted(PATTERN_FORMAT_TYPES.items()),
        )
    )
    return models, types_src


def write_package(directory: Path, defs: dict[str, Schema], package: str) -> None:
    """Materialise rules/types/models/validator for `defs` as importable package `package`.

    The conformance tests use this to run the emitters on schemas that are not contracts
    (the official suite's), exactly as codegen runs them on contracts.
    """
    directory.mkdir(parents=True, exist_ok=True)
    models, types_src = render_models(defs, f"{package}.types", f"{package}.rules")
    (directory / "__init__.py").write_text("")
    (directory / "rules.py").write_text(render_rules())
    (directory / "validator.py").write_text(render_validator(f"{package}.rules"))
    (directory / "types.py").write_text(types_src)
    (directory / "models.py").write_text(models)
