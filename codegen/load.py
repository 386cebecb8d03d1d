"""contracts/ -> ContractSet: read, check, lint, bundle, derive variants.

Every problem is collected with its file and JSON pointer and raised together
(ContractErrors), so one run shows a contract author everything that is wrong.
"""

from __future__ import annotations

import json
import posixpath
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from codegen import patterns, variants
from codegen.errors import ContractError, ContractErrors, pointer_join
from codegen.lint import errors_for, lint_schema, node_types
from codegen.model import (
    Check,
    ContractSet,
    Conversion,
    Field,
    Index,
    Parameter,
    Reference,
    Report,
    Resource,
    Schema,
)
from codegen.runtime import contract_validator

VOCABULARY = json.loads((Path(__file__).parent / "vocabulary.json").read_text())
ROOT_X = {"x-resource": "resource", "x-report": "report"}


def load(contracts_dir: Path) -> ContractSet:
    files = _read_files(contracts_dir)
    errors: list[ContractError] = []
    names = _name_table(files, errors)
    bundle: dict[str, Schema] = {}
    sources: dict[str, str] = {}
    for rel, doc in files.items():
        for def_name, sub in doc.get("$defs", {}).items():
            bundle[def_name] = _to_bundle(sub, rel, names)
            sources[def_name] = rel
        if "type" in doc:
            bundle[doc["title"]] = _to_bundle(_strip_root(doc), rel, names)
            sources[doc["title"]] = rel

    validator_cls = contract_validator()

    def ref_exists_in(rel: str) -> Any:
        return lambda ref: _resolve_ref(ref, rel, names) is not None

    def is_valid_in(rel: str) -> Any:
        def is_valid(value: Any, node: Schema) -> bool:
            schema = {**_to_bundle(node, rel, names), "$defs": bundle}
            schema.pop("default", None)
            return bool(validator_cls(schema).is_valid(value))

        return is_valid

    patterns.prime(patterns.patterns_in(files))  # one Node run for every pattern of every file
    for rel, doc in files.items():
        errors.extend(_check_meta(rel, doc))
        allowed_x = frozenset(k for k in ROOT_X if k in doc)
        errors += errors_for(
            rel,
            lint_schema(
                doc,
                "",
                ref_exists=ref_exists_in(rel),
                is_valid=is_valid_in(rel),
                allowed_x=allowed_x,
                root=True,
            ),
        )
        for def_name, sub in doc.get("$defs", {}).items():
            errors += errors_for(
                rel,
                lint_schema(
                    sub,
                    pointer_join("", "$defs", def_name),
                    ref_exists=ref_exists_in(rel),
                    is_valid=is_valid_in(rel),
                ),
            )
        for pname, sub in doc.get("x-report", {}).get("parameters", {}).items():
            where = pointer_join("", "x-report", "parameters", pname)
            errors += errors_for(
                rel,
                lint_schema(sub, where, ref_exists=ref_exists_in(rel), is_valid=is_valid_in(rel)),
            )
            # a $ref names a shared type (the emitter makes it single-typed, or refuses it)
            if isinstance(sub, dict) and "$ref" not in sub and not isinstance(sub.get("type"), str):
                errors.append(
                    ContractError(rel, where, "a parameter has one type (Connexion coerces by it)")
                )
    if errors:
        raise ContractErrors(errors)

    resources: list[Resource] = []
    reports: list[Report] = []
    for rel, doc in files.items():
        if "x-resource" in doc:
            resources.append(_resource(rel, doc, names, files, errors))
        if "x-report" in doc:
            reports.append(_report(rel, doc, names))
    if errors:
        raise ContractErrors(errors)

    base = ContractSet(
        defs=bundle, resources=tuple(resources), reports=tuple(reports), sources=sources
    )
    return variants.derive(base)


def _read_files(contracts_dir: Path) -> dict[str, dict[str, Any]]:
    files: dict[str, dict[str, Any]] = {}
    paths = sorted(contracts_dir.glob("*.json")) + sorted(contracts_dir.glob("reports/*.json"))
    problems: list[ContractError] = []
    for path in paths:
        rel = path.relative_to(contracts_dir).as_posix()
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            problems.append(ContractError(rel, "", f"not valid JSON: {exc}"))
            continue
        if not isinstance(doc, dict):
            problems.append(ContractError(rel, "", "a contract is a JSON object"))
            continue
        files[rel] = doc
    if problems:
        raise ContractErrors(problems)
    if not files:
        raise ContractErrors([ContractError(str(contracts_dir), "", "no contracts found")])
    return files


def _check_meta(rel: str, doc: dict[str, Any]) -> list[ContractError]:
    errors: list[ContractError] = []
    if doc.get("$schema") != "https://json-schema.org/draft/2020-12/schema":
        errors.append(ContractError(rel, "/$schema", "contracts declare JSON Schema draft 2020-12"))
    if doc.get("$id") != posixpath.basename(rel):
        errors.append(
            ContractError(rel, "/$id", f"$id must be the file name {posixpath.basename(rel)!r}")
        )
    meta = Draft202012Validator(Draft202012Validator.META_SCHEMA)
    for err in sorted(meta.iter_errors(doc), key=lambda e: list(e.absolute_path)):
        where = pointer_join("", *err.absolute_path)
        errors.append(ContractError(rel, where, f"not valid JSON Schema 2020-12: {err.message}"))
    for key, def_name in ROOT_X.items():
        if key in doc:
            schema = {**VOCABULARY, "$ref": f"#/$defs/{def_name}"}
            for err in Draft202012Validator(schema).iter_errors(doc[key]):
                where = pointer_join("", key, *err.absolute_path)
                errors.append(ContractError(rel, where, f"{key}: {err.message}"))
    return errors


def _name_table(files: dict[str, dict[str, Any]], errors: list[ContractError]) -> dict[str, str]:
    """Map every addressable target ('file', 'file#/$defs/X') to its global bundle name."""
    names: dict[str, str] = {}
    owner: dict[str, str] = {}

    def claim(name: str, rel: str, pointer: str) -> None:
        if name in owner and owner[name] != rel + pointer:
            errors.append(
                ContractError(rel, pointer, f"name {name!r} is also defined in {owner[name]}")
            )
        owner[name] = rel + pointer

    for rel, doc in files.items():
        if "type" in doc:
            title = doc.get("title")
            if not isinstance(title, str) or not title[:1].isupper() or not title.isalnum():
                errors.append(ContractError(rel, "/title", "a contract needs a PascalCase title"))
                continue
            claim(title, rel, "")
            names[rel] = title
        for def_name in doc.get("$defs", {}):
            if not def_name[:1].isupper() or not def_name.isalnum():
                errors.append(
                    ContractError(rel, f"/$defs/{def_name}", "$defs names are PascalCase")
                )
            claim(def_name, rel, f"/$defs/{def_name}")
            names[f"{rel}#/$defs/{def_name}"] = def_name
    return names


def _resolve_ref(ref: str, rel: str, names: dict[str, str]) -> str | None:
    target, _, fragment = ref.partition("#")
    path = posixpath.normpath(posixpath.join(posixpath.dirname(rel), target)) if target else rel
    key = f"{path}#{fragment}" if fragment else path
    return names.get(key)


def _to_bundle(node: Any, rel: str, names: dict[str, str]) -> Any:
    """Rewrite refs to '#/$defs/<Name>' and drop x- keywords, recursively."""
    if isinstance(node, list):
        return [_to_bundle(x, rel, names) for x in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for k, v in node.items():
        if k.startswith("x-"):
            continue
        if k == "$ref" and isinstance(v, str):
            name = _resolve_ref(v, rel, names)
            out[k] = f"#/$defs/{name}" if name else v
        elif k in ("properties", "$defs") and isinstance(v, dict):
            out[k] = {pk: _to_bundle(pv, rel, names) for pk, pv in v.items()}
        elif k in ("enum", "examples", "default", "required"):
            out[k] = v
        else:
            out[k] = _to_bundle(v, rel, names)
    return out


def _strip_root(doc: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in doc.items() if k not in ("$schema", "$id", "$defs")}


def _resource(
    rel: str,
    doc: dict[str, Any],
    names: dict[str, str],
    files: dict[str, dict[str, Any]],
    errors: list[ContractError],
) -> Resource:
    x = doc["x-resource"]
    props: dict[str, Any] = doc.get("properties", {})
    required = set(doc.get("required", []))
    fields: list[Field] = []
    for name, node in props.items():
        where = pointer_join("", "properties", name)
        ref = None
        if "x-references" in node:
            xr = node["x-references"]
            target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), xr["to"]))
            tdoc = files.get(target)
            if tdoc is None or "x-resource" not in tdoc:
                errors.append(
                    ContractError(
                        rel, where + "/x-references/to", f"{xr['to']!r} is not an entity contract"
                    )
                )
                continue
            ref = Reference(
                to=tdoc["title"],
                table=tdoc["x-resource"]["table"],
                on_delete=xr.get("on-delete", "restrict"),
                parent=bool(xr.get("parent", False)),
            )
        fields.append(
            Field(
                name=name,
                schema=_to_bundle(node, rel, names),
                required=name in required,
                read_only=bool(node.get("readOnly")),
                write_only=bool(node.get("writeOnly")),
                nullable=_nullable(node),
                reference=ref,
            )
        )
    field_names = {f.name for f in fields}
    for key in ("filterable", "sortable", "searchable"):
        for i, name in enumerate(x.get(key, [])):
            if name not in field_names:
                errors.append(
                    ContractError(rel, f"/x-resource/{key}/{i}", f"{name!r} is not a property")
                )
    for i, idx in enumerate(x.get("indexes", [])):
        for j, col in enumerate(idx["columns"]):
            if col not in field_names and col not in x.get("server-columns", {}):
                errors.append(
                    ContractError(
                        rel, f"/x-resource/indexes/{i}/columns/{j}", f"{col!r} is not a column"
                    )
                )
    for i, chk in enumerate(x.get("checks", [])):
        for col in chk["le"]:
            if col not in field_names:
                errors.append(
                    ContractError(rel, f"/x-resource/checks/{i}", f"{col!r} is not a property")
                )
    _check_resource_shape(rel, doc, field_names, errors)
    converts_to = _conversion(rel, doc, files, errors)
    return Resource(
        name=doc["title"],
        file=rel,
        table=x["table"],
        path=x.get("path"),
        tenant_scoped=x["tenant-scoped"],
        operations=tuple(x["operations"]),
        soft_delete=bool(x.get("soft-delete", False)),
        visibility=x.get("visibility", "tenant"),
        filterable=tuple(x.get("filterable", [])),
        sortable=tuple(x.get("sortable", [])),
        searchable=tuple(x.get("searchable", [])),
        indexes=tuple(
            Index(
                tuple(i["columns"]),
                bool(i.get("live", False)),
                bool(i.get("unique", False)),
                bool(i.get("trigram", False)),
            )
            for i in x.get("indexes", [])
        ),
        checks=tuple(Check(c["name"], (c["le"][0], c["le"][1])) for c in x.get("checks", [])),
        server_columns=tuple(sorted(x.get("server-columns", {}).items())),
        fields=tuple(fields),
        description=doc.get("description", ""),
        edit=x.get("edit", "visible"),
        parent_count=x.get("parent-count", "at-most-one"),
        global_search=bool(x.get("global-search", False)),
        converts_to=converts_to,
    )


def _conversion(
    rel: str, doc: dict[str, Any], files: dict[str, dict[str, Any]], errors: list[ContractError]
) -> Conversion | None:
    """`converts-to`: the target must reference this contract by exactly one field (the link
    from the new record back to the one it came from), and `status` must be a value of this
    contract's status field."""
    spec = doc["x-resource"].get("converts-to")
    if spec is None:
        return None
    where = "/x-resource/converts-to"
    target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), spec["to"]))
    tdoc = files.get(target)
    if tdoc is None or "x-resource" not in tdoc:
        errors.append(
            ContractError(rel, where + "/to", f"{spec['to']!r} is not an entity contract")
        )
        return None
    links = [
        name
        for name, node in tdoc.get("properties", {}).items()
        if posixpath.normpath(
            posixpath.join(posixpath.dirname(target), node.get("x-references", {}).get("to", "-"))
        )
        == rel
    ]
    if len(links) != 1:
        errors.append(
            ContractError(rel, where + "/to", f"{spec['to']} must reference {rel} by one field")
        )
        return None
    if "status" not in doc.get("properties", {}):
        errors.append(ContractError(rel, where + "/status", "converts-to needs a status property"))
    for owner in (doc, tdoc):
        if spec["at"] not in owner.get("properties", {}):
            errors.append(
                ContractError(rel, where + "/at", f"{spec['at']!r} must be a property of both")
            )
    return Conversion(to=tdoc["title"], status=spec["status"], link=links[0], at=spec["at"])


def _check_resource_shape(
    rel: str, doc: dict[str, Any], field_names: set[str], errors: list[ContractError]
) -> None:
    x = doc["x-resource"]
    if doc.get("type") != "object" or doc.get("additionalProperties") is not False:
        errors.append(
            ContractError(rel, "", "an entity is a closed object (additionalProperties: false)")
        )
    if "id" not in field_names:
        errors.append(ContractError(rel, "/properties", "an entity needs an 'id' property"))
    if x["tenant-scoped"] and "tenant_id" not in field_names:
        errors.append(ContractError(rel, "/properties", "a tenant-scoped entity needs 'tenant_id'"))
    if x.get("soft-delete") and "deleted_at" not in field_names:
        errors.append(
            ContractError(
                rel, "/x-resource/soft-delete", "soft delete needs a 'deleted_at' property"
            )
        )
    if x["operations"] and "path" not in x:
        errors.append(ContractError(rel, "/x-resource", "an entity with operations needs a path"))
    if {"restore", "purge", "bulk"} & set(x["operations"]) and not x.get("soft-delete"):
        errors.append(
            ContractError(rel, "/x-resource/operations", "restore, purge and bulk need soft-delete")
        )
    if "assign" in x["operations"] and "assigned_to" not in field_names:
        errors.append(
            ContractError(rel, "/x-resource/operations", "assign needs an 'assigned_to' property")
        )
    props = doc.get("properties", {})
    for name in ("id", "tenant_id", "created_by", "created_at", "updated_at", "deleted_at"):
        if name in props and not props[name].get("readOnly"):
            errors.append(
                ContractError(
                    rel, f"/properties/{name}", f"{name!r} is server-set: mark it readOnly"
                )
            )


def _nullable(node: dict[str, Any]) -> bool:
    if "anyOf" in node:
        return True
    if "type" in node:
        return node_types(node)[1]
    return False


def _report(rel: str, doc: dict[str, Any], names: dict[str, str]) -> Report:
    x = doc["x-report"]
    params = tuple(
        Parameter(name, _to_bundle(schema, rel, names))
        for name, schema in x.get("parameters", {}).items()
    )
    return Report(
        name=doc["title"],
        file=rel,
        path=x["path"],
        admin_only=bool(x.get("admin-only", False)),
        parameters=params,
        csv=x.get("csv"),
        description=doc.get("description", ""),
    )


@cache
def contracts_root() -> Path:
    return Path(__file__).resolve().parent.parent / "contracts"
