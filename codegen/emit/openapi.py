"""The OpenAPI 3.1 document: contracts -> openapi.yaml, one self-contained file.

Connexion routes, authenticates and validates by it; Swagger UI shows it; Schemathesis fuzzes
it. Everything a route carries is derived from the contracts (`x-resource`, `x-report`, the
bundle's variants); the few shapes no contract holds yet (auth, bulk, assign, health) are
small constants below, to move into contracts/ later.

Decisions the contracts do not spell out (a handler, the runtime and the tests must agree):
- Only the canonical path (no trailing slash) is declared; the runtime answers both forms.
- Every error status an operation can answer is declared (Schemathesis'
  status_code_conformance), each as a shared `components/responses` entry carrying `Error`.
  There is no 422: validation failures and broken cross-field checks (the parent count, which
  the Create and Update bodies state, codegen/emit/parent_count.py) are 400, with details
  naming the field.
- A well-formed reference to a record the caller cannot use (it does not exist, is another
  tenant's or invisible, or an inactive assignee) is 409 in a body (the target exists; the
  reference conflicts with the stored data) and 404 in a query (a list filter, a cursor: as
  the children list /{parent}/{id}/{children} answers), the same whether the record exists
  or not.
- Another tenant's or an invisible record is 404 (never 403); 403 is for role only: purge,
  assign, the whole-tenant list, bulk (its purge action), admin-visibility resources (users),
  admin-only reports and reports given `user_id` by a non-admin.
- 409: a body reference as above, an update leaving a record with a parent count its
  contract forbids, a contract's cross-field check (`checks`) the stored row would break,
  create/update/restore hitting a unique key, hard delete or purge blocked by dependents
  (`on-delete: restrict`), purge of a record not in the trash.
- delete answers 204 without a body (soft delete moves the record to the trash); restore is
  idempotent and answers 200 with the record; purge answers 204.
- A soft-delete resource's list takes `trash=true` to list only deleted records.
- Resources whose visibility narrows the normal list (`owner`, `parent`) get
  `GET {path}/all` (`list_all_<plural>`, admin): the whole tenant with the list's filters plus
  `user_id` (records visible to that user). It, and `{path}/bulk/...`, are declared before
  `{path}/{id}` so the concrete path wins in document-ordered routers.
- Filter names and the operations of each resource (operationIds, children lists, bulk
  assign/status, convert) come from `codegen/conventions.py`, which also feeds
  `generated/python/resources.py`: the runtime reads them as data, never parses them back.
- A children list `/{parent}/{id}/{children}` is the child's list narrowed to one parent,
  404 when the caller cannot see the parent.
- Lists and tabular reports also answer `text/csv` (every matching row, not one page).
"""

from __future__ import annotations

import json
from typing import Any

import yaml

from codegen.conventions import (
    HANDLERS,
    Operation,
    list_filters,
    operations,
    plain_schema,
    snake,
    words,
)
from codegen.emit import parent_count
from codegen.errors import ContractError
from codegen.model import ContractSet, Report, Resource, Schema
from codegen.runtime import header
from codegen.variants import MAX_PAGE, PAGE_META

OUTPUT = "openapi.yaml"
API_TITLE = "PathSix CRM API"
API_VERSION = "0.1.0"
SERVER_URL = "/api"
BEARER_INFO_FUNC = "crm.auth.decode_token"
DEFAULT_PAGE = 25
SEARCH_MAX = 200
SEARCH_GROUP_MAX = 50
JSON = "application/json"
CSV = "text/csv"

# status -> (components/responses name, description)
ERRORS: dict[int, tuple[str, str]] = {
    400: (
        "BadRequest",
        "The request is malformed or fails validation; details name each "
        "failing field by its path.",
    ),
    401: (
        "Unauthorized",
        "No valid bearer token (missing, malformed, expired or revoked), or wrong credentials.",
    ),
    403: ("Forbidden", "Authenticated, but the caller's role does not allow this."),
    404: (
        "NotFound",
        "No such record in the caller's tenant, or one the caller cannot see, named by the "
        "path, a list filter or a cursor (never 403, so existence does not leak).",
    ),
    405: ("MethodNotAllowed", "The path exists, but not with this method."),
    409: (
        "Conflict",
        "The change conflicts with stored data: the body names a record that does not exist "
        "or that the caller cannot use (details name the fields), the record would get a "
        "parent count its contract forbids or break a cross-field check of its contract "
        "(details name the constraint), a unique key is taken, dependent records block "
        "a delete, or the record is not in the trash.",
    ),
    413: ("PayloadTooLarge", "The request body is larger than the server accepts."),
    415: (
        "UnsupportedMediaType",
        "The request body is not application/json, or has no Content-Type.",
    ),
    429: ("TooManyRequests", "Rate limit exceeded; retry after the seconds in Retry-After."),
    500: ("InternalError", "An unexpected server error (never a stack trace or SQL)."),
    503: (
        "ServiceUnavailable",
        "The service cannot serve requests now (e.g. the database is unreachable).",
    ),
}
# Headers a refusal carries (crm.ratelimit): Retry-After and the rate-limit fields of
# draft-ietf-httpapi-ratelimit-headers-06.
_SECONDS = {"type": "integer", "minimum": 0}
# Retry-After is always there; the RateLimit-* fields when a budget of crm.ratelimit refused.
ERROR_HEADERS: dict[int, dict[str, tuple[str, dict[str, Any]]]] = {
    429: {
        "Retry-After": ("Seconds to wait before trying again.", _SECONDS),
        "RateLimit-Limit": ("Requests the exhausted budget allows per window.", _SECONDS),
        "RateLimit-Remaining": ("Requests left in the window (0).", _SECONDS),
        "RateLimit-Reset": ("Seconds until the window allows a request again.", _SECONDS),
    },
}
BASE = (400, 429, 405, 500)  # any operation: extra query parameters, limits, wrong method
BODY = (413, 415)


def _error_response(status: int, text: str) -> dict[str, Any]:
    response: dict[str, Any] = {"description": text}
    if status in ERROR_HEADERS:
        response["headers"] = {
            header: {
                "description": description,
                "required": header == "Retry-After",
                "schema": schema,
            }
            for header, (description, schema) in ERROR_HEADERS[status].items()
        }
    response["content"] = {JSON: {"schema": _ref("Error")}}
    return response


def emit(contracts: ContractSet) -> dict[str, str]:
    return {OUTPUT: f"# {header('contracts/')}\n" + render(document(contracts))}


def render(doc: dict[str, Any]) -> str:
    # The JSON round trip turns shared sub-dicts into copies: safe_dump would write them as
    # YAML anchors/aliases otherwise.
    plain = json.loads(json.dumps(doc))
    return yaml.safe_dump(plain, sort_keys=False, allow_unicode=True, width=100)


def document(contracts: ContractSet) -> dict[str, Any]:
    defs = contracts.defs
    for needed, file in (("Error", "errors.json"), (PAGE_META, "pagination.json")):
        if needed not in defs:
            raise ContractError(file, "", f"openapi needs the {needed} schema")
    extra = _extra_schemas(contracts)
    clash = sorted(set(extra) & set(defs))
    if clash:
        raise ContractError(
            contracts.sources.get(clash[0], "contracts/"),
            "",
            f"{clash[0]} is a name the openapi emitter defines itself",
        )
    schemas = {name: _component(schema) for name, schema in defs.items()}
    for resource in contracts.resources:
        for variant, create in (("Create", True), ("Update", False)):
            rules = parent_count.body_rules(resource, create=create)
            if rules and f"{resource.name}{variant}" in schemas:
                schemas[f"{resource.name}{variant}"]["allOf"] = rules
    schemas.update(extra)
    paths = _Paths()
    tags: list[dict[str, str]] = [
        {"name": "Health", "description": "Liveness of the service."},
        {"name": "Auth", "description": "Login, tokens and the caller's own account."},
    ]
    _health(paths)
    _auth(paths)
    for resource in contracts.resources:
        if not resource.operations:
            continue
        if resource.path is None:
            raise ContractError(resource.file, "/x-resource", "operations without a path")
        tags.append(
            {
                "name": resource.name,
                "description": _first_line(defs[resource.name].get("description", resource.name)),
            }
        )
    for op in operations(contracts):
        _resource_operation(paths, op, contracts)
    if any(r.global_search for r in contracts.resources):
        tags.append({"name": "Search", "description": "One search across resources."})
        _search(paths)
    if contracts.reports:
        tags.append(
            {
                "name": "Reports",
                "description": "Aggregates over the caller's visible "
                "records (the whole tenant for admins).",
            }
        )
    for report in contracts.reports:
        _report(paths, report, defs)
    paths.check_unique_ids()
    return {
        "openapi": "3.1.0",
        "info": {
            "title": API_TITLE,
            "version": API_VERSION,
            "description": (
                "Multi-tenant CRM. Every non-2xx answer is application/json "
                '{"error": "<sentence>", "details": {...}}. Every route also answers with a '
                "trailing slash. Lists answer text/csv (every matching row) when asked with "
                "Accept: text/csv."
            ),
        },
        "servers": [{"url": SERVER_URL}],
        "security": [{"bearerAuth": []}],
        "tags": tags,
        "paths": paths.paths,
        "components": {
            "schemas": {name: schemas[name] for name in sorted(schemas)},
            "responses": {
                name: _error_response(status, text)
                for status, (name, text) in sorted(ERRORS.items())
            },
            "securitySchemes": {
                "bearerAuth": {
                    "type": "http",
                    "scheme": "bearer",
                    "bearerFormat": "JWT",
                    "x-bearerInfoFunc": BEARER_INFO_FUNC,
                }
            },
        },
    }


# -- building blocks -----------------------------------------------------------------------


class _Paths:
    def __init__(self) -> None:
        self.paths: dict[str, dict[str, Any]] = {}

    def add(self, path: str, method: str, operation: dict[str, Any]) -> None:
        methods = self.paths.setdefault(path, {})
        if method in methods:
            raise ContractError("contracts/", "", f"two operations for {method.upper()} {path}")
        methods[method] = operation

    def check_unique_ids(self) -> None:
        seen: dict[str, str] = {}
        for path, methods in self.paths.items():
            for method, op in methods.items():
                where = f"{method.upper()} {path}"
                if op["operationId"] in seen:
                    raise ContractError(
                        "contracts/",
                        "",
                        f"operationId {op['operationId']} of "
                        f"{where} is also {seen[op['operationId']]}",
                    )
                seen[op["operationId"]] = where


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


# The contracts' text rule (codegen/formats.py: no NUL, no lone surrogate in any string) is
# applied by every party's validator but is no JSON Schema keyword; the spec states the part a
# client can send in valid UTF-8 JSON, NUL, as a pattern on every free-text string (one with
# no format, pattern or enum of its own, each of which already excludes it), so a fuzzer or a
# client reading only the spec knows it. A lone surrogate is no Unicode text to begin with.
TEXT_PATTERN = "^[^\\x00]*$"


def _stated_text(node: dict[str, Any]) -> dict[str, Any]:
    kinds = node.get("type")
    strings = kinds == "string" or (isinstance(kinds, list) and "string" in kinds)
    if strings and not {"format", "pattern", "enum", "const"} & set(node):
        return {**node, "pattern": TEXT_PATTERN}
    return node


def _component(node: Any) -> Any:
    """A bundle schema as an OpenAPI component: #/$defs/X -> #/components/schemas/X, with the
    text rule stated on free-text strings (TEXT_PATTERN)."""
    if isinstance(node, list):
        return [_component(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = _stated_text(node)
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in ("$schema", "$id"):
            continue
        if key == "$defs":
            raise ContractError("contracts/", "", "nested $defs in the bundle")
        if key == "$ref":
            if not value.startswith("#/$defs/"):
                raise ContractError("contracts/", "", f"unbundled reference {value}")
            out[key] = "#/components/schemas/" + value.removeprefix("#/$defs/")
        else:
            out[key] = _component(value)
    return out


def _operation(
    op_id: str,
    summary: str,
    tag: str,
    errors: set[int],
    *,
    description: str = "",
    parameters: list[dict[str, Any]] | None = None,
    body: str | None = None,
    ok: tuple[str, dict[str, Any]] | None = None,
    public: bool = False,
) -> dict[str, Any]:
    """One operation, keys in a fixed order; `ok` is (status, response object)."""
    op: dict[str, Any] = {"operationId": op_id, "summary": summary}
    if description:
        op["description"] = description
    op["tags"] = [tag]
    if public:
        op["security"] = []
    if parameters:
        op["parameters"] = parameters
    statuses = set(errors) | set(BASE)
    if not public:
        statuses.add(401)
    if body is not None:
        op["requestBody"] = {"required": True, "content": {JSON: {"schema": _ref(body)}}}
        statuses |= set(BODY)
    responses: dict[str, Any] = {}
    if ok is not None:
        responses[ok[0]] = ok[1]
    for status in sorted(statuses):
        responses[str(status)] = {"$ref": f"#/components/responses/{ERRORS[status][0]}"}
    op["responses"] = responses
    return op


def _json_response(description: str, schema: str, csv: bool = False) -> dict[str, Any]:
    content: dict[str, Any] = {JSON: {"schema": _ref(schema)}}
    if csv:
        content[CSV] = {"schema": {"type": "string"}}
    return {"description": description, "content": content}


NO_CONTENT = ("204", {"description": "Done; no body."})


def _param(
    name: str, schema: Schema, description: str, where: str = "query", *, required: bool = False
) -> dict[str, Any]:
    out: dict[str, Any] = {"name": name, "in": where}
    if description:
        out["description"] = description
    if where == "path" or required:
        out["required"] = True
    out["schema"] = _stated_text(schema)
    return out


def _a(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


def _first_line(text: str) -> str:
    return text.split(". ")[0].rstrip(".") + "."


# -- resources -----------------------------------------------------------------------------


def _resource_operation(paths: _Paths, op: Operation, contracts: ContractSet) -> None:
    """One operation of a resource (conventions.operations lists them, in declaration order)."""
    defs = contracts.defs
    resource = contracts.resource(op.resource)
    path = resource.path
    assert path is not None
    n = resource.name
    one, many = words(n), resource.table.replace("_", " ")
    role = {403} if resource.visibility == "admin" else set()
    for variant in (f"{n}Page", f"{n}Envelope", f"{n}Create", f"{n}Update"):
        if variant not in defs:
            raise ContractError(resource.file, "/x-resource", f"no {variant} variant")
    id_param = _param(
        "id",
        plain_schema(resource.field("id").schema, defs, resource.file, "/properties/id"),
        f"The {one}'s id.",
        "path",
    )
    item = f"{path}/{{id}}"
    envelope = _json_response(f"The {one}.", f"{n}Envelope")
    listed = _json_response(
        f"One page of {many}; with Accept: text/csv, every matching {one} as CSV "
        "(a header row, then one row per record).",
        f"{n}Page",
        csv=True,
    )
    kind = op.kind
    if kind == "list":
        paths.add(
            path,
            "get",
            _operation(
                op.id,
                f"List {many}",
                n,
                role | {404},
                parameters=_list_parameters(resource, defs),
                description=f"The {many} the caller can see, filtered, sorted and paginated.",
                ok=("200", listed),
            ),
        )
    elif kind == "list_all":
        user = _param(
            "user_id",
            {"type": "string", "format": "uuid"},
            "Narrow to the records visible to this user.",
        )
        paths.add(
            f"{path}/all",
            "get",
            _operation(
                op.id,
                f"List every {one} of the tenant (admin)",
                n,
                {403, 404},
                parameters=[*_list_parameters(resource, defs), user],
                ok=("200", listed),
                description=f"Admin only: the tenant's {many} regardless of visibility.",
            ),
        )
    elif kind == "list_children":
        assert op.parent is not None
        field = resource.field(op.parent)
        assert field.reference is not None
        parent = contracts.resource(field.reference.to)
        parent_one = words(parent.name)
        parent_id = _param(
            "id",
            plain_schema(parent.field("id").schema, defs, parent.file, "/properties/id"),
            f"The {parent_one}'s id.",
            "path",
        )
        paths.add(
            f"{parent.path}/{{id}}/{resource.table}",
            "get",
            _operation(
                op.id,
                f"List the {many} of {_a(parent_one)}",
                n,
                role | {404},
                parameters=[parent_id, *_list_parameters(resource, defs, without=op.parent)],
                description=f"The {many} of one {parent_one} (404 when the caller cannot see "
                f"the {parent_one}), filtered, sorted and paginated like the {many} list.",
                ok=("200", listed),
            ),
        )
    elif kind == "create":
        paths.add(
            path,
            "post",
            _operation(
                op.id,
                f"Create {_a(one)}",
                n,
                role | {409},
                body=f"{n}Create",
                description=_join(_REFERENCES, parent_count.description(resource)),
                ok=("201", _json_response(f"The created {one}.", f"{n}Envelope")),
            ),
        )
    elif kind in ("bulk", "bulk_assign", "bulk_status"):
        suffix, body, summary, errors, text = {
            "bulk": (
                "",
                "BulkRequest",
                f"Delete, restore or purge many {many}",
                {403},
                "One transaction; a result per id. purge is admin only (403).",
            ),
            "bulk_assign": (
                "/assign",
                "BulkAssignRequest",
                f"Assign many {many} to a user (admin)",
                {403, 409},
                "Admin only. One transaction; a result per id. An unknown or inactive "
                "assignee is a 409.",
            ),
            "bulk_status": (
                "/status",
                f"{n}BulkStatus",
                f"Set the status of many {many}",
                set(),
                "One transaction; a result per id.",
            ),
        }[kind]
        paths.add(
            f"{path}/bulk{suffix}",
            "post",
            _operation(
                op.id,
                summary,
                n,
                errors | role,
                body=body,
                description=text + " Ids the caller cannot see are not_found, never changed.",
                ok=("200", _json_response("What happened to each id.", "BulkResult")),
            ),
        )
    elif kind == "get":
        paths.add(
            item,
            "get",
            _operation(
                op.id,
                f"Get {_a(one)}",
                n,
                role | {404},
                parameters=[id_param],
                ok=("200", envelope),
            ),
        )
    elif kind == "update":
        paths.add(
            item,
            "patch",
            _operation(
                op.id,
                f"Update {_a(one)}",
                n,
                role | {404, 409} | ({403} if resource.edit == "author" else set()),
                description="Only the fields sent change; null clears a nullable field. "
                + _join(
                    _REFERENCES,
                    parent_count.description(resource),
                    "409 when the change would leave the record with a parent count its "
                    "contract forbids."
                    if parent_count.description(resource)
                    else "",
                )
                + (
                    " Only its author or an admin may change it (403)."
                    if resource.edit == "author"
                    else ""
                ),
                parameters=[id_param],
                body=f"{n}Update",
                ok=("200", envelope),
            ),
        )
    elif kind == "delete":
        soft = resource.soft_delete
        paths.add(
            item,
            "delete",
            _operation(
                op.id,
                f"Delete {_a(one)}" + (" (soft: moves it to the trash)" if soft else ""),
                n,
                role
                | {404}
                | (set() if soft else {409})
                | ({403} if resource.edit == "author" else set()),
                parameters=[id_param],
                ok=NO_CONTENT,
                description="Sets deleted_at and deleted_by; restore brings it back, purge "
                "removes it for good."
                if soft
                else f"Removes the {one} for good; 409 when dependent records block it.",
            ),
        )
    elif kind == "restore":
        paths.add(
            f"{item}/restore",
            "post",
            _operation(
                op.id,
                f"Restore {_a(one)} from the trash",
                n,
                role | {404, 409},
                parameters=[id_param],
                ok=("200", envelope),
                description="Idempotent: a record not in the trash is returned unchanged.",
            ),
        )
    elif kind == "purge":
        dependents = _param(
            "dependents",
            {"type": "boolean", "default": False},
            "true: purge the records that depend on it too, in the same transaction.",
        )
        paths.add(
            f"{item}/purge",
            "delete",
            _operation(
                op.id,
                f"Purge {_a(one)} for good (admin)",
                n,
                {403, 404, 409},
                parameters=[id_param, dependents],
                ok=NO_CONTENT,
                description="Admin only. The record must be in the trash (409 otherwise). Records "
                "that depend on it (restrict references) make it a 409 listing them, unless "
                "dependents=true purges them too; cascading ones go with it.",
            ),
        )
    elif kind == "assign":
        paths.add(
            f"{item}/assign",
            "post",
            _operation(
                op.id,
                f"Assign {_a(one)} to a user (admin)",
                n,
                {403, 404, 409},
                parameters=[id_param],
                body="AssignRequest",
                ok=("200", envelope),
                description="Admin only. assigned_to null unassigns; an unknown or inactive user "
                "is a 409.",
            ),
        )
    elif kind == "convert":
        conversion = resource.converts_to
        assert conversion is not None
        target = words(conversion.to)
        paths.add(
            f"{item}/convert",
            "post",
            _operation(
                op.id,
                f"Convert {_a(one)} into {_a(target)}",
                n,
                {404, 409},
                parameters=[id_param],
                ok=(
                    "201",
                    _json_response(f"The new {target}.", f"{conversion.to}Envelope"),
                ),
                description=f"One transaction: creates {_a(target)} from the {one}'s fields, "
                f"moves the {one}'s records to it, and marks the {one} {conversion.status}. "
                f"409 (details.{snake(conversion.to)}_id) when it was converted already.",
            ),
        )
    else:
        raise ContractError(resource.file, "/x-resource", f"no OpenAPI form for {kind}")


_REFERENCES = (
    "A reference to a record that does not exist or that the caller cannot see (e.g. a "
    "client_id) is a 409 naming the field."
)


def _join(*sentences: str) -> str:
    return " ".join(s for s in sentences if s)


def _list_parameters(
    resource: Resource, defs: dict[str, Schema], *, without: str | None = None
) -> list[dict[str, Any]]:
    meta = defs[PAGE_META]["properties"]
    limit = meta.get("limit", {})
    offset = meta.get("offset", {})
    params = [
        _param(
            "limit",
            {
                "type": "integer",
                "minimum": limit.get("minimum", 1),
                "maximum": limit.get("maximum", MAX_PAGE),
                "default": DEFAULT_PAGE,
            },
            "Page size.",
        ),
        _param(
            "offset",
            {
                "type": "integer",
                "minimum": offset.get("minimum", 0),
                "maximum": offset.get("maximum", 1_000_000_000),
                "default": 0,
            },
            "How many matching records to skip.",
        ),
        _param(
            "include_total",
            {"type": "boolean", "default": False},
            "true: the answer carries total, the number of matching records.",
        ),
        _param(
            "cursor",
            {"type": "string", "format": "uuid"},
            "The next_cursor of the previous page: the id of its last record. The page "
            "starts after that record in this list's order (whatever filters or sort the "
            "cursor came from), so rows added or removed meanwhile do not shift it; offset is "
            "ignored. 404 when no record the caller can see has this id.",
        ),
    ]
    if resource.sortable:
        default = "created_at" if "created_at" in resource.sortable else resource.sortable[0]
        params += [
            _param(
                "sort_by",
                {"type": "string", "enum": list(resource.sortable), "default": default},
                "The field to sort by.",
            ),
            _param(
                "sort_order",
                {"type": "string", "enum": ["asc", "desc"], "default": "desc"},
                "Sort direction.",
            ),
        ]
    if resource.searchable:
        params.append(
            _param(
                "q",
                {"type": "string", "minLength": 1, "maxLength": SEARCH_MAX},
                "Case-insensitive contains over " + ", ".join(resource.searchable) + ".",
            )
        )
    for f in list_filters(resource, defs):
        if f.column != without:
            params.append(_param(f.param, f.schema, f.description))
    if resource.soft_delete:
        params.append(
            _param(
                "trash",
                {"type": "boolean", "default": False},
                "true: list only deleted records (the trash), for restore and purge.",
            )
        )
    seen: set[str] = set()
    for p in params:
        if p["name"] in seen:
            raise ContractError(
                resource.file,
                "/x-resource/filterable",
                f"list parameter {p['name']} is defined twice",
            )
        seen.add(p["name"])
    return params


def _search(paths: _Paths) -> None:
    paths.add(
        "/search",
        "get",
        _operation(
            f"{HANDLERS}.search.search",
            "Search across records",
            "Search",
            set(),
            parameters=[
                _param(
                    "q",
                    {"type": "string", "minLength": 1, "maxLength": SEARCH_MAX},
                    "Case-insensitive contains; % and _ are literal.",
                    required=True,
                ),
                _param(
                    "limit",
                    {"type": "integer", "minimum": 1, "maximum": SEARCH_GROUP_MAX, "default": 5},
                    "At most this many matches per type.",
                ),
            ],
            description="The records the caller can see whose searchable fields contain q, "
            "grouped by type, newest first.",
            ok=("200", _json_response("The matches, grouped by type.", "SearchResult")),
        ),
    )


# -- reports, auth, health -----------------------------------------------------------------


def _report(paths: _Paths, report: Report, defs: dict[str, Schema]) -> None:
    params = []
    for p in report.parameters:
        where = f"/x-report/parameters/{p.name}"
        if "$ref" in p.schema:  # a shared type (ReportBound), made single-typed
            schema = plain_schema(p.schema, defs, report.file, where)
        elif isinstance(p.schema.get("type"), str):
            schema = {k: v for k, v in p.schema.items() if k != "description"}
        else:
            raise ContractError(report.file, where, "a parameter needs a single type")
        params.append(_param(p.name, schema, p.schema.get("description", "")))
    names = {p.name for p in report.parameters}
    errors = {403} if report.admin_only or "user_id" in names else set()
    # reports run under their own concurrency limit and statement timeout (crm/reports/runner.py)
    errors.add(503)
    title = report.path.rstrip("/").rsplit("/", 1)[-1].replace("-", " ")
    description = _first_line(report.description) if report.description else ""
    if report.admin_only:
        description = f"Admin only. {description}".strip()
    answer = f"The {title} report" + (
        f"; with Accept: text/csv, its {report.csv} rows as CSV." if report.csv else "."
    )
    paths.add(
        report.path,
        "get",
        _operation(
            f"{HANDLERS}.reports.get_{snake(report.name)}",
            f"{title.capitalize()} report",
            "Reports",
            errors,
            description=description,
            parameters=params,
            ok=("200", _json_response(answer, report.name, csv=report.csv is not None)),
        ),
    )


def _auth(paths: _Paths) -> None:
    module = f"{HANDLERS}.auth"
    session = ("200", _json_response("The tokens, the user and their tenant.", "SessionEnvelope"))
    paths.add(
        "/auth/login",
        "post",
        _operation(
            f"{module}.login",
            "Log in with email and password",
            "Auth",
            {401},
            public=True,
            description="401 for wrong credentials, an inactive user or an inactive tenant alike.",
            body="LoginRequest",
            ok=session,
        ),
    )
    paths.add(
        "/auth/refresh",
        "post",
        _operation(
            f"{module}.refresh",
            "Trade a refresh token for new tokens",
            "Auth",
            {401},
            public=True,
            body="RefreshRequest",
            ok=session,
            description="The refresh token is single-use: the answer carries a new one.",
        ),
    )
    paths.add(
        "/auth/logout",
        "post",
        _operation(
            f"{module}.logout",
            "Log out: revoke this session's refresh token",
            "Auth",
            set(),
            ok=NO_CONTENT,
        ),
    )
    paths.add(
        "/auth/me",
        "get",
        _operation(
            f"{module}.me",
            "The caller and their tenant",
            "Auth",
            set(),
            ok=("200", _json_response("The caller and their tenant.", "MeEnvelope")),
        ),
    )
    paths.add(
        "/auth/change-password",
        "post",
        _operation(
            f"{module}.change_password",
            "Change the caller's password",
            "Auth",
            {403},
            description="403 when current_password is wrong.",
            body="ChangePasswordRequest",
            ok=NO_CONTENT,
        ),
    )


def _health(paths: _Paths) -> None:
    paths.add(
        "/health",
        "get",
        _operation(
            f"{HANDLERS}.health.get_health",
            "Is the process alive",
            "Health",
            set(),
            public=True,
            description="Liveness: answers without touching the database (readiness is /ready).",
            ok=("200", _json_response("The process is alive.", "Health")),
        ),
    )
    paths.add(
        "/ready",
        "get",
        _operation(
            f"{HANDLERS}.health.get_ready",
            "Can the service serve requests",
            "Health",
            {503},
            public=True,
            description="Readiness: 503 when the database is unreachable or its schema is not at "
            "the latest migration.",
            ok=("200", _json_response("The database answers, at the latest migration.", "Health")),
        ),
    )


def _extra_schemas(contracts: ContractSet) -> dict[str, Schema]:
    """The non-entity bodies the routes use live in contracts/auth.json and operations.json.

    Nothing is defined here (a shape written in the emitter would skip Pydantic, Zod and the
    agreement tests); this only checks that each one the document references exists.
    """
    ops = {op for r in contracts.resources for op in r.operations}
    needed = [
        "LoginRequest",
        "RefreshRequest",
        "SessionEnvelope",
        "MeEnvelope",
        "ChangePasswordRequest",
        "Health",
    ]
    needed += ["BulkRequest", "BulkAssignRequest", "BulkResult"] if "bulk" in ops else []
    needed += ["SearchResult"] if any(r.global_search for r in contracts.resources) else []
    needed += ["AssignRequest"] if "assign" in ops else []
    for name in needed:
        if name not in contracts.defs:
            raise ContractError("contracts/", "", f"openapi needs the {name} schema")
    return {}
