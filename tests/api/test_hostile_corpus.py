"""Issue 10: a corpus of hostile inputs sent to every operation of openapi.yaml, on both databases.

The operations, their parameters and body schemas are read from the spec, so an operation a
contract adds is covered as it lands. Every answer must be below 500, and every non-2xx answer
the standard `{"error", "details"}` shape; inputs that no contract can accept (malformed,
too deep, invalid UTF-8, a lone surrogate, NUL) must be refused with a 4xx.

Ids in paths are real records of the right resource (created through the API), so a hostile
body or filter reaches the handler and the database whenever validation lets it through.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterator
from typing import Any

import orjson
import pytest

from crm.app import NOT_IMPLEMENTED
from crm.settings import Settings
from generated.python.resources import RESOURCES
from tests.api.conftest import Api, assert_error
from tests.api.contract_data import DEFS, PREFIX, SPEC, make, resolve

pytestmark = pytest.mark.anyio

HTTP_METHODS = ("get", "post", "put", "patch", "delete")
# Auth operations end or change the caller's session: they go last, so that the rest of the
# corpus runs with a live token.
LAST = ("/auth/",)


@pytest.fixture
def settings(database_url: str) -> Settings:
    """The app as deployed (1 MiB bodies), so deep and wide bodies reach the parser."""
    return Settings.from_env(
        {"CRM_ENV": "test", "DATABASE_URL": database_url, "DB_POOL_MIN": "1", "DB_POOL_MAX": "4"}
    )


# --- the corpus ---------------------------------------------------------------------------

NIL = "00000000-0000-0000-0000-000000000000"
SOME = str(uuid.UUID(int=0x0123456789ABCDEF0123456789ABCDEF))
CONTROL = "".join(chr(c) for c in range(1, 32)) + "\x7f"
LONG = "x" * 20_000

# Query values by the parameter schema's type or format (percent-encoding is httpx's).
DATE_TIMES = ["0001-01-01T00:00:00+23:59", "9999-12-31T23:59:59-23:59", "2024-02-30T25:61:61Z"]
BY_FORMAT = {
    "date-time": DATE_TIMES,
    "date": ["0000-01-01", "2024-02-30"],
    "uuid": [f"urn:uuid:{SOME}", SOME.replace("-", ""), NIL],
    "email": ["\x00@example.com", LONG + "@example.com"],
}
BY_TYPE = {
    "string": [LONG, CONTROL, "nul\x00inside", "%\\' OR 1=1 --"],
    "integer": ["-1", "9223372036854775808", "1e3", "9" * 400],
    "number": ["NaN", "1e400", "0x10"],
    "boolean": ["maybe", ""],
}
CURSORS = ["!!!", "x" * 5_000, "WyJjcmVhdGVkX2F0IiwgImRlc2MiLCBudWxsLCAidXJuOnV1aWQ6MCJd"]
# (not "..": the client itself would resolve it before sending)
PATH_VALUES = [f"urn:uuid:{SOME}", NIL, "%2e%2e", "x" * 5_000, "%00", "%ED%A0%80"]


def query_values(param: dict[str, Any]) -> list[str]:
    schema = resolve(param.get("schema", {}))
    if param["name"] == "cursor":
        return CURSORS
    values = list(BY_FORMAT.get(schema.get("format", ""), []))
    values += BY_TYPE.get(str(schema.get("type", "string")), BY_TYPE["string"])
    if "enum" in schema:
        values.append("not-one-of-them")
    return values


def string_fields(schema: dict[str, Any]) -> list[str]:
    props = resolve(schema).get("properties", {})
    return [name for name, prop in props.items() if "string" in str(resolve(prop).get("type"))]


def number_fields(schema: dict[str, Any]) -> list[str]:
    props = resolve(schema).get("properties", {})
    kinds = ("integer", "number")
    return [n for n, p in props.items() if any(k in str(resolve(p).get("type")) for k in kinds)]


def body_corpus(schema: dict[str, Any]) -> Iterator[tuple[str, bytes, bool]]:
    """(label, raw body, must be refused) for one request body schema."""
    fields = string_fields(schema) or ["name"]
    numbers = number_fields(schema) or fields[:1]

    def each(names: list[str], raw_value: bytes) -> bytes:
        return b"{" + b",".join(orjson.dumps(n) + b":" + raw_value for n in names) + b"}"

    def first(raw_value: bytes) -> bytes:
        return each(fields[:1], raw_value)

    yield "deep array", b'{"x": ' + b"[" * 5_000 + b"]" * 5_000 + b"}", True
    yield "deep object", b'{"a":' * 3_000 + b"1" + b"}" * 3_000, True
    yield "deep under a real field", first(b"[" * 40 + b"]" * 40), True
    yield "wide object", orjson.dumps({f"k{i}": i for i in range(20_000)}), True
    yield "wide array", orjson.dumps(list(range(50_000))), True
    yield "invalid utf-8", first(b'"\xff\xfe\xc3("'), True
    yield "cesu-8 surrogate", first(b'"\xed\xa0\x80"'), True
    yield "lone surrogate", each(fields, b'"\\ud800"'), True
    yield "lone low surrogate", each(fields, b'"\\uDFFF"'), True
    yield "surrogate in a key", b'{"\\ud800": 1}', True
    yield "nul", each(fields, b'"\\u0000"'), True
    yield "not json", b"{'single': quotes}", True
    yield "nan", first(b"NaN"), True
    yield "truncated", first(b'"'), True
    yield "bom", b"\xef\xbb\xbf{}", True
    yield "top-level string", b'"just a string"', True
    yield "top-level null", b"null", True
    yield "huge number", each(numbers, b"1e400"), False
    yield "negative zero", each(numbers, b"-0.0"), False
    yield "2**64", each(numbers, b"18446744073709551616"), False
    yield "huge integer", first(b"9" * 500), False
    yield "control characters", orjson.dumps(dict.fromkeys(fields, CONTROL)), False
    yield "long strings", orjson.dumps(dict.fromkeys(fields, LONG)), False
    yield "emoji", orjson.dumps(dict.fromkeys(fields, "\U0001f600" * 1_000)), False
    yield "duplicate keys", first(b"1")[:-1] + b"," + first(b"2")[1:], False


# --- driving it ---------------------------------------------------------------------------


@dataclasses.dataclass
class Finding:
    where: str
    status: int
    text: str

    def __str__(self) -> str:
        return f"{self.where} -> {self.status}: {self.text[:200]}"


class Corpus:
    def __init__(self, api: Api, headers: dict[str, str], ids: dict[str, str]) -> None:
        self.api = api
        self.headers = headers
        self.ids = ids
        self.findings: list[Finding] = []
        self.sent = 0

    async def send(
        self,
        method: str,
        url: str,
        *,
        where: str,
        refused: bool,
        params: dict[str, str] | None = None,
        content: bytes | None = None,
        content_type: str = "application/json",
    ) -> None:
        headers = dict(self.headers)
        if content is not None:
            headers["Content-Type"] = content_type
        response = await self.api.client.request(
            method, url, params=params, content=content, headers=headers
        )
        self.sent += 1
        status = response.status_code
        if status == 501 and response.json().get("error") == NOT_IMPLEMENTED:
            return  # an operation whose handler has not landed yet (resolver_error=501)
        if status >= 500 or (refused and not 400 <= status < 500):
            self.findings.append(Finding(where, status, response.text))
            return
        if status >= 400:
            try:
                assert_error(response, status)
            except AssertionError as exc:
                self.findings.append(Finding(f"{where} (shape: {exc})", status, response.text))

    def url(self, path: str, overrides: dict[str, str] | None = None) -> str:
        """The spec path with every `{param}` filled: a real record of the path's resource."""
        resource = _resource_of(path)
        real = self.ids.get(resource or "", SOME)
        out = path
        for name in _path_params(path):
            out = out.replace(f"{{{name}}}", (overrides or {}).get(name, real))
        return f"{PREFIX}{out}"


def _path_params(path: str) -> list[str]:
    return [part[1:-1] for part in path.split("/") if part.startswith("{")]


def _resource_of(path: str) -> str | None:
    first = "/" + path.strip("/").split("/")[0]
    return next((name for name, r in RESOURCES.items() if r.path == first), None)


def operations() -> list[tuple[str, str, dict[str, Any]]]:
    ops = [
        (path, method, op)
        for path, item in SPEC["paths"].items()
        for method, op in item.items()
        if method in HTTP_METHODS
    ]
    return sorted(ops, key=lambda o: any(o[0].startswith(p) for p in LAST))


def body_schema(op: dict[str, Any]) -> dict[str, Any] | None:
    content = op.get("requestBody", {}).get("content", {})
    schema = content.get("application/json", {}).get("schema")
    if schema is None:
        return None
    return resolve(schema) if "$ref" in schema else schema


async def records(api: Api) -> dict[str, str]:
    """One live record per resource with a path, created by the admin (its id by resource)."""
    ids: dict[str, str] = {}
    for name, resource in RESOURCES.items():
        if resource.path is not None:
            ids[name] = (await make(api, "admin", name))["id"]
    return ids


async def test_no_hostile_input_gives_a_5xx(api: Api) -> None:
    corpus = Corpus(api, await api.login("admin"), await records(api))
    for path, method, op in operations():
        name = f"{method.upper()} {path}"
        for param in op.get("parameters", []):
            if param.get("in") == "query":
                for value in query_values(param):
                    await corpus.send(
                        method,
                        corpus.url(path),
                        where=f"{name} ?{param['name']}={value[:40]!r}",
                        refused=False,
                        params={param["name"]: value},
                    )
            elif param.get("in") == "path":
                for value in PATH_VALUES:
                    await corpus.send(
                        method,
                        corpus.url(path, {param["name"]: value}),
                        where=f"{name} /{param['name']}={value[:40]!r}",
                        refused=True,
                    )
        await corpus.send(
            method,
            corpus.url(path),
            where=f"{name} ?unknown",
            refused=True,
            params={"no_such_parameter": "1"},
        )
        schema = body_schema(op)
        if schema is None:
            continue
        for label, raw, refused in body_corpus(schema):
            await corpus.send(
                method,
                corpus.url(path),
                where=f"{name} body: {label}",
                refused=refused,
                content=raw,
            )
        await corpus.send(
            method,
            corpus.url(path),
            where=f"{name} body: upper-case media type",
            refused=True,
            content=b'{"no_such_field": 1}',
            content_type="APPLICATION/JSON",
        )
    print(f"hostile corpus: {corpus.sent} requests")
    assert corpus.sent > 1_000
    assert not corpus.findings, "\n".join(map(str, corpus.findings))


def test_the_corpus_covers_every_operation_and_parameter() -> None:
    """The corpus is derived from the spec: every operation, every query parameter gets values."""
    ops = operations()
    assert len(ops) == sum(1 for item in SPEC["paths"].values() for m in item if m in HTTP_METHODS)
    for _, _, op in ops:
        for param in op.get("parameters", []):
            if param.get("in") == "query":
                assert query_values(param), param
    labels = [label for label, _, _ in body_corpus(DEFS["LeadCreate"])]
    assert len(labels) == len(set(labels)) > 20
