"""openapi.yaml: valid 3.1, complete against the contracts, loadable by the tools that use it.

Expectations are computed from the contracts (x-resource, x-report), not from a list here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import OpenAPIV31SpecValidator

from codegen.emit import openapi
from codegen.load import load
from codegen.model import ContractSet

ROOT = Path(__file__).resolve().parents[2]
METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})
# op -> (method, path suffix after the collection path)
ROUTES = {
    "list": ("get", ""),
    "create": ("post", ""),
    "get": ("get", "/{id}"),
    "update": ("patch", "/{id}"),
    "delete": ("delete", "/{id}"),
    "restore": ("post", "/{id}/restore"),
    "purge": ("delete", "/{id}/purge"),
    "bulk": ("post", "/bulk"),
    "assign": ("post", "/{id}/assign"),
}
AUTH_AND_HEALTH = 7  # login, refresh, logout, me, change-password; health, ready


@cache
def contracts() -> ContractSet:
    return load(ROOT / "contracts")


@cache
def text() -> str:
    return openapi.emit(contracts())["openapi.yaml"]


def spec() -> dict[str, Any]:
    doc = yaml.safe_load(text())
    assert isinstance(doc, dict)
    return doc


def operations(doc: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in doc["paths"].items():
        for method, op in item.items():
            if method in METHODS:
                yield path, method, op


def walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


def resolve(doc: dict[str, Any], ref: str) -> Any:
    assert ref.startswith("#/"), ref
    node: Any = doc
    for token in ref[2:].split("/"):
        node = node[token.replace("~1", "/").replace("~0", "~")]
    return node


def expected_routes() -> set[tuple[str, str]]:
    """(METHOD, path) for every operation the contracts imply, beside auth and health."""
    out = set()
    for r in contracts().resources:
        if not r.path:
            continue
        for op in r.operations:
            method, suffix = ROUTES[op]
            out.add((method, r.path + suffix))
        if "list" in r.operations and r.visibility in ("owner", "parent"):
            out.add(("get", f"{r.path}/all"))
        names = {f.name: f for f in r.fields}
        if "bulk" in r.operations and "assigned_to" in names:
            out.add(("post", f"{r.path}/bulk/assign"))
        if "bulk" in r.operations and "status" in names and not names["status"].read_only:
            out.add(("post", f"{r.path}/bulk/status"))
        if r.converts_to is not None:
            out.add(("post", f"{r.path}/{{id}}/convert"))
        # children lists: one per parent reference to a resource that has a get
        for f in r.fields:
            if f.reference is not None and f.reference.parent and "list" in r.operations:
                parent = contracts().resource(f.reference.to)
                if parent.path and "get" in parent.operations:
                    out.add(("get", f"{parent.path}/{{id}}/{r.table}"))
    out |= {("get", report.path) for report in contracts().reports}
    if any(r.global_search for r in contracts().resources):
        out.add(("get", "/search"))
    return out


def test_header_and_determinism() -> None:
    first = text()
    assert first.startswith("# generated from contracts/ by python -m codegen; do not edit\n")
    again = openapi.emit(load(ROOT / "contracts"))["openapi.yaml"]
    assert again == first
    assert "&id0" not in first  # no YAML anchors/aliases
    assert "*id0" not in first


def test_validates_as_openapi_31() -> None:
    doc = spec()
    assert doc["openapi"] == "3.1.0"
    OpenAPIV31SpecValidator(doc).validate()


def test_every_contract_operation_has_its_route() -> None:
    doc = spec()
    declared = {(m, p) for p, m, _ in operations(doc)}
    missing = expected_routes() - declared
    assert not missing
    extra = declared - expected_routes()
    assert {p.split("/")[1] for _, p in extra} <= {"auth", "health", "ready"}
    assert len(extra) == AUTH_AND_HEALTH


def test_operation_ids_point_at_handler_modules() -> None:
    doc = spec()
    ids = [op["operationId"] for _, _, op in operations(doc)]
    assert len(ids) == len(set(ids))
    for r in contracts().resources:
        if not r.path:
            continue
        singular = re.sub(r"(?<!^)(?=[A-Z])", "_", r.name).lower()
        for op in r.operations:
            method, suffix = ROUTES[op]
            noun = r.table if op in ("list", "bulk") else singular
            assert doc["paths"][r.path + suffix][method]["operationId"] == (
                f"handlers.{r.table}.{op}_{noun}"
            )
    assert doc["paths"]["/leads/all"]["get"]["operationId"] == "handlers.leads.list_all_leads"
    for _, _, operation in operations(doc):
        assert re.fullmatch(r"handlers\.[a-z_]+\.[a-z_]+", operation["operationId"])


def test_every_operation_declares_its_errors() -> None:
    doc = spec()
    for path, method, op in operations(doc):
        codes = set(op["responses"])
        public = op.get("security") == []
        assert {"400", "405", "429", "500"} <= codes, (method, path)
        if not public or path in ("/auth/login", "/auth/refresh"):
            assert "401" in codes, (method, path)
        if "{id}" in path:
            assert "404" in codes, (method, path)
        if "requestBody" in op:
            assert {"413", "415"} <= codes, (method, path)
        for code, response in op["responses"].items():
            if code.startswith("2"):
                continue
            body = resolve(doc, response["$ref"]) if "$ref" in response else response
            assert body["content"]["application/json"]["schema"] == {
                "$ref": "#/components/schemas/Error"
            }
        assert any(code.startswith("2") for code in codes), (method, path)
        assert op["summary"], (method, path)
        assert op["tags"], (method, path)


def test_role_restricted_operations_declare_403() -> None:
    doc = spec()
    for r in contracts().resources:
        if not r.path:
            continue
        for op in r.operations:
            method, suffix = ROUTES[op]
            declared = set(doc["paths"][r.path + suffix][method]["responses"])
            if op in ("purge", "assign", "bulk") or r.visibility == "admin":
                assert "403" in declared, (op, r.name)
    for report in contracts().reports:
        declared = set(doc["paths"][report.path]["get"]["responses"])
        if report.admin_only or any(p.name == "user_id" for p in report.parameters):
            assert "403" in declared, report.name


def test_success_bodies_have_schemas() -> None:
    doc = spec()
    for path, method, op in operations(doc):
        for code, response in op["responses"].items():
            if not code.startswith("2"):
                continue
            if code == "204":
                assert "content" not in response
                continue
            assert response["content"]["application/json"]["schema"], (method, path)
    for r in contracts().resources:
        if r.path and "list" in r.operations:
            content = doc["paths"][r.path]["get"]["responses"]["200"]["content"]
            assert content["application/json"]["schema"] == {
                "$ref": f"#/components/schemas/{r.name}Page"
            }
            assert content["text/csv"]["schema"] == {"type": "string"}
    for report in contracts().reports:
        content = doc["paths"][report.path]["get"]["responses"]["200"]["content"]
        assert ("text/csv" in content) == (report.csv is not None)


def test_list_parameters_follow_the_contract() -> None:
    doc = spec()
    for r in contracts().resources:
        if not (r.path and "list" in r.operations):
            continue
        params = {p["name"]: p["schema"] for p in doc["paths"][r.path]["get"]["parameters"]}
        assert {"limit", "offset", "include_total", "cursor"} <= set(params)
        assert params["limit"]["maximum"] == 100
        assert params["limit"]["default"] == 25
        if r.sortable:
            assert params["sort_by"]["enum"] == list(r.sortable)
        assert ("q" in params) == bool(r.searchable)
        assert ("trash" in params) == r.soft_delete
        for name in r.filterable:
            fmt = _format_of(r.field(name).schema)
            if fmt in ("date", "date-time"):
                # created_at -> created_after; opened_on -> opened_after
                stem = name.removesuffix("_at").removesuffix("_on")
                assert params[f"{stem}_after"]["format"] == fmt, (r.name, name)
                assert params[f"{stem}_before"]["format"] == fmt, (r.name, name)
                assert name not in params
            else:
                assert name in params, (r.name, name)


def _format_of(schema: dict[str, Any]) -> str | None:
    """The format behind a field's schema: through a $ref and a nullable anyOf."""
    if "$ref" in schema:
        return _format_of(contracts().defs[schema["$ref"].removeprefix("#/$defs/")])
    for branch in schema.get("anyOf", []):
        if branch.get("type") != "null":
            return _format_of(branch)
    fmt = schema.get("format")
    return str(fmt) if fmt is not None else None


def test_parameters_are_single_typed() -> None:
    doc = spec()
    count = 0
    for path, method, op in operations(doc):
        for param in op.get("parameters", []):
            schema = param["schema"]
            assert isinstance(schema.get("type"), str), (method, path, param["name"])
            assert None not in schema.get("enum", [])
            count += 1
            if param["in"] == "path":
                assert param["required"] is True
                assert "{" + param["name"] + "}" in path
    assert count > 0


def test_refs_resolve_inside_the_document() -> None:
    doc = spec()
    refs = [node["$ref"] for node in walk(doc) if "$ref" in node]
    assert refs
    for ref in refs:
        assert "$defs" not in ref
        assert resolve(doc, ref) is not None, ref
    schemas = doc["components"]["schemas"]
    assert set(contracts().defs) <= set(schemas)
    assert not any("$schema" in s or "$id" in s for s in schemas.values())
    assert "$defs" not in text()


def test_security() -> None:
    doc = spec()
    assert doc["security"] == [{"bearerAuth": []}]
    scheme = doc["components"]["securitySchemes"]["bearerAuth"]
    assert scheme["x-bearerInfoFunc"] == "crm.auth.decode_token"
    public = {path for path, _, op in operations(doc) if op.get("security") == []}
    assert public == {"/health", "/ready", "/auth/login", "/auth/refresh"}


def test_schemathesis_loads_every_operation(tmp_path: Path) -> None:
    schemathesis = pytest.importorskip("schemathesis")
    path = tmp_path / "openapi.yaml"
    path.write_text(text(), encoding="utf-8")
    schema = schemathesis.openapi.from_path(str(path))
    results = list(schema.get_all_operations())
    ok = [r.ok() for r in results]
    assert len(ok) == len(expected_routes()) + AUTH_AND_HEALTH
    assert {(o.method.lower(), o.path) for o in ok} >= expected_routes()


# Connexion's own deprecations: it imports starlette.testclient (which warns without httpx2)
# and resolves $refs with jsonschema's deprecated RefResolver API.
@pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")
@pytest.mark.filterwarnings(r"ignore:jsonschema\.\S+ is deprecated:DeprecationWarning")
def test_connexion_parses_every_operation(monkeypatch: pytest.MonkeyPatch) -> None:
    """Connexion 3.3 rejects 3.1 documents; the runtime's shim swaps in openapi-spec-validator."""
    import openapi_spec_validator
    from connexion import spec as connexion_spec
    from connexion.operations import OpenAPIOperation
    from connexion.resolver import Resolver

    monkeypatch.setattr(
        connexion_spec.OpenAPISpecification,
        "_validate_spec",
        classmethod(lambda cls, s: openapi_spec_validator.validate(s)),
    )
    loaded = connexion_spec.OpenAPISpecification(spec())
    resolver = Resolver(lambda operation_id: lambda **kwargs: None)
    parsed = 0
    for path, method, op in operations(loaded.raw):
        operation = OpenAPIOperation.from_spec(loaded, path=path, method=method, resolver=resolver)
        assert operation.operation_id == op["operationId"]
        parsed += 1
    assert parsed == len(expected_routes()) + AUTH_AND_HEALTH
