"""The Python outputs: rules, validator, JSON-faithful types, Pydantic models, bundle, resources.

Models come from datamodel-code-generator called as a library, on a *prepared* copy of the
bundle in which every scalar whose Pydantic default would be lax points (`customTypePath`) at
a type from types.py that reads JSON as JSON Schema does, `multipleOf` becomes an exact
decimal type, and `minProperties` a base class (`customBasePath`). What the generator is good
at (classes, enums, optional vs required via the MISSING sentinel, nullable unions, aliases)
stays its job.
"""

from __future__ import annotations

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

from codegen.conventions import list_filters, operations
from codegen.lint import node_types
from codegen.model import ContractSet, Schema
from codegen.runtime import environment, header, render_rules, render_validator

PKG = "generated.python"
PROJECT_ROOT = Path(__file__).resolve().parents[2]
FORMAT_TYPES = {"email": "Email", "uuid": "Uuid", "date": "Date", "date-time": "DateTime"}
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

    def node(self, node: Any) -> Any:
        if not isinstance(node, dict):
            return node
        if "$ref" in node:
            return dict(node)
        if "anyOf" in node:
            return {**node, "anyOf": [self.node(b) for b in node["anyOf"]]}
        if "type" not in node:
            return {k: (self.defs(v) if k == "$defs" else v) for k, v in node.items()}
        base, nullable = node_types(node)
        out = dict(node)
        # datamodel-code-generator 0.89 drops `| None` from a *required* [T, "null"] field
        # that has a customTypePath, so nullable nodes point at an explicit `Nullable<T>` alias.
        prefix = "Nullable" if nullable else ""
        if base in ("integer", "number") and "multipleOf" in out:
            divisor = out.pop("multipleOf")
            name = f"{base.capitalize()}MultipleOf_{_token(divisor)}"
            self.multiple_ofs[name] = (name, base, divisor)
            out["customTypePath"] = f"{self.types_module}.{prefix}{name}"
        elif base == "string" and "format" in out:
            out["customTypePath"] = f"{self.types_module}.{prefix}{FORMAT_TYPES[out.pop('format')]}"
        elif base in SCALAR_TYPES and not (base == "string" and "enum" in out):
            out["customTypePath"] = f"{self.types_module}.{prefix}{SCALAR_TYPES[base]}"
        if base == "array" and "items" in out:
            out["items"] = self.node(out["items"])
        if base == "object":
            if "properties" in out:
                out["properties"] = {k: self.node(v) for k, v in out["properties"].items()}
            if "minProperties" in out:
                n = out.pop("minProperties")
                self.min_properties.add(n)
                out["customBasePath"] = f"{self.types_module}.MinProperties{n}"
        return out

    def defs(self, defs: dict[str, Schema]) -> dict[str, Schema]:
        return {name: self.node(schema) for name, schema in defs.items()}


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
