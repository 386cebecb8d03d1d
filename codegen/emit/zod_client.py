"""generated/zod/client.ts and README.md: a typed client of the API, from the OpenAPI document.

The document is `openapi.document(contracts)`, the same one openapi.yaml is written from, so
each operationId of openapi.yaml is one client function: its path parameters, then its JSON body
(typed as the input of the body's Zod schema), then its query parameters (one optional object).
The answer is parsed with the Zod schema of its 2xx response; any other status is thrown as an
`ApiError` carrying the status and the API's `{error, details}`.
"""

from __future__ import annotations

import json
import re
from typing import Any

from codegen.errors import ContractError
from codegen.model import Schema
from codegen.runtime import environment, header

METHODS = ("get", "put", "post", "delete", "patch")
SCHEMA_REF = "#/components/schemas/"
JSON = "application/json"
_IDENTIFIER = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*$")


def render_client(document: dict[str, Any], defs: dict[str, Schema]) -> str:
    operations = client_operations(document)
    schemas = sorted({s for op in operations for s in (op["body"], op["answer"]) if s})
    return (
        environment()
        .get_template("zod_client.ts.j2")
        .render(
            header=header("contracts/"),
            operations=operations,
            schemas=schemas,
            error_schema=_export("Error"),
        )
    )


def render_readme(document: dict[str, Any], defs: dict[str, Schema], package: str) -> str:
    from codegen.emit.zod import GLOBAL_PREFIX, export_name

    return (
        environment()
        .get_template("zod_readme.md.j2")
        .render(
            header=header("contracts/"),
            package=package,
            version=document["info"]["version"],
            title=document["info"]["title"],
            operations=client_operations(document),
            renamed=[(n, export_name(n)) for n in sorted(defs) if export_name(n) != n],
            prefix=GLOBAL_PREFIX,
        )
    )


def _export(name: str) -> str:
    from codegen.emit.zod import export_name

    return export_name(name)


def function_names(document: dict[str, Any]) -> dict[str, str]:
    """operationId -> client function name: the id's last dotted part in camelCase.

    When two ids share a last part, every name is built from the whole id instead, so a name
    never depends on which operation happens to come first.
    """
    ids = [
        op["operationId"]
        for item in document["paths"].values()
        for method, op in item.items()
        if method in METHODS
    ]
    short = {i: _camel(i.rsplit(".", 1)[-1]) for i in ids}
    if len(set(short.values())) == len(ids):
        return short
    return {i: _camel(i.replace(".", "_")) for i in ids}


def _camel(text: str) -> str:
    words = [w for w in re.split(r"[^A-Za-z0-9]+", text) if w]
    name = words[0][:1].lower() + words[0][1:] + "".join(w[:1].upper() + w[1:] for w in words[1:])
    if not _IDENTIFIER.match(name):
        raise ContractError("openapi", "", f"operationId {text!r} gives no JavaScript name")
    return name


def client_operations(document: dict[str, Any]) -> list[dict[str, Any]]:
    names = function_names(document)
    out = []
    for path, item in document["paths"].items():
        for method, op in item.items():
            if method not in METHODS:
                continue
            params = [*item.get("parameters", []), *op.get("parameters", [])]
            path_params = [p["name"] for p in params if p["in"] == "path"]
            ordered = sorted(path_params, key=lambda n: path.index("{" + n + "}"))
            query = [
                {
                    "name": p["name"],
                    "key": p["name"] if _IDENTIFIER.match(p["name"]) else f'"{p["name"]}"',
                    "type": _ts_type(p.get("schema", {})),
                    "required": bool(p.get("required")),
                    "doc": " ".join(str(p.get("description", "")).split()).replace("*/", "*\\/"),
                }
                for p in params
                if p["in"] == "query"
            ]
            template = re.sub(r"\{([^}]+)\}", r"${encodeURIComponent(\1)}", path)
            out.append(
                {
                    "function": names[op["operationId"]],
                    "operation_id": op["operationId"],
                    "method": method.upper(),
                    "path": path,
                    "template": template,
                    "path_params": [_param_name(n) for n in ordered],
                    "query": query,
                    "query_required": any(q["required"] for q in query),
                    "body": _body(op),
                    "answer": _answer(op, path, method),
                    "auth": op.get("security", document.get("security", [])) != [],
                    "summary": " ".join(str(op.get("summary", "")).split()).replace("*/", "*\\/"),
                }
            )
    return out


def _param_name(name: str) -> str:
    if not _IDENTIFIER.match(name):
        raise ContractError("openapi", "", f"path parameter {name!r} is no JavaScript name")
    return name


def _schema_name(node: Any) -> str | None:
    ref = node.get("$ref") if isinstance(node, dict) else None
    if isinstance(ref, str) and ref.startswith(SCHEMA_REF):
        return _export(ref[len(SCHEMA_REF) :])
    return None


def _body(op: dict[str, Any]) -> str | None:
    content = op.get("requestBody", {}).get("content", {})
    if not content:
        return None
    name = _schema_name(content.get(JSON, {}).get("schema"))
    if name is None:
        raise ContractError("openapi", "", f"{op['operationId']}: a body without a named schema")
    return name


def _answer(op: dict[str, Any], path: str, method: str) -> str | None:
    """The named schema of the 2xx JSON answer; None for an answer without a body (204)."""
    named = set()
    for status, response in op["responses"].items():
        if not str(status).startswith("2"):
            continue
        schema = response.get("content", {}).get(JSON, {}).get("schema")
        if schema is not None:
            name = _schema_name(schema)
            if name is None:
                raise ContractError("openapi", "", f"{method.upper()} {path}: an unnamed answer")
            named.add(name)
    if len(named) > 1:
        raise ContractError("openapi", "", f"{method.upper()} {path}: two 2xx answer schemas")
    return named.pop() if named else None


def _ts_type(schema: dict[str, Any]) -> str:
    if isinstance(schema.get("enum"), list):
        return " | ".join(json.dumps(v, ensure_ascii=True) for v in schema["enum"])
    types = schema.get("type", "string")
    types = types if isinstance(types, list) else [types]
    mapped = {
        "string": "string",
        "integer": "number",
        "number": "number",
        "boolean": "boolean",
        "null": "null",
    }
    return " | ".join(mapped.get(t, "string") for t in types)
