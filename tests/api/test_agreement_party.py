"""The running API as the fourth party of the contract agreement (tests/agreement).

jsonschema, Pydantic and Zod already agree on every case of tests/support/cases.py; here the
same cases (`cases_for`, with the agreement test's own sizes) go to the real app as request
bodies, and the API must agree with the project's validator
(`generated.python.validator.ContractValidator`, via `validator_for`):

- LeadCreate / ClientCreate: POST /api/leads, /api/clients;
- LeadUpdate / ClientUpdate: PATCH of a lead / client alice created;

2xx exactly when the validator accepts the case, and then the record holds every value sent;
400 in the one error shape otherwise. Non-object cases (null, numbers, arrays, ...) are sent
as JSON bodies too.

Two things besides the contract decide an answer, and are handled openly, not by dropping
cases:

- the body size limit: the `settings` fixture caps bodies at 4096 bytes for the 413 tests,
  and the cases go up to 20,000-character (and astral) strings, so this app runs with the
  production default of `Settings.max_body_bytes` (every case fits; asserted);
- `source_lead_id`: a valid case names a random UUID, which is no lead alice can see, so the
  API answers 409 at /source_lead_id (the reference conflicts with the stored data). That is
  asserted for each such case, and the same case is then sent again with alice's real lead id
  in its place, which must succeed.

Besides the generated cases, each schema gets probes with text no database can store (NUL,
a lone surrogate) in one free-text field at a time. The contracts refuse such text everywhere
(codegen/formats.py, applied by every party), so the API answers 400 at exactly those fields
with keyword `text` (paths found here independently of the app), on both databases.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from collections.abc import AsyncIterator
from typing import Any, cast

import httpx
import pytest

from crm.app import create_app
from crm.db import Database
from crm.settings import Settings
from generated.python.resources import RESOURCES, ResourceInfo
from generated.python.schemas import BUNDLE, validator_for
from tests.agreement.test_agreement import MIN_CASES, VALID_PER_SCHEMA
from tests.api.conftest import Api, World, assert_error
from tests.support.cases import cases_for, resolve

pytestmark = pytest.mark.anyio

DEFS: dict[str, Any] = BUNDLE["$defs"]
SCHEMAS = ["LeadCreate", "LeadUpdate", "ClientCreate", "ClientUpdate"]
# the production default of Settings.max_body_bytes
MAX_BODY = cast(int, {f.name: f for f in dataclasses.fields(Settings)}["max_body_bytes"].default)
REFERENCE = "source_lead_id"
UNSTORABLE = ("nul\x00inside", "lone \ud800 surrogate")


def resource_of(name: str) -> ResourceInfo:
    return RESOURCES[name.removesuffix("Create").removesuffix("Update")]


def url(resource: ResourceInfo) -> str:
    return f"/api{resource.path}"


def unstorable_probes(name: str) -> list[dict[str, Any]]:
    """A valid instance but for unstorable text in one free-text field (no format, no pattern)."""
    schema, _ = resolve(DEFS[name], DEFS)
    base = {"name": "Probe"}
    probes = []
    for key, sub in schema["properties"].items():
        target, _ = resolve(sub, DEFS)
        kinds = target.get("type")
        if "string" in (kinds if isinstance(kinds, list) else [kinds]) and not (
            {"format", "pattern", "enum"} & set(target)
        ):
            probes += [{**base, key: text} for text in UNSTORABLE]
    return probes


@functools.cache
def cases(name: str) -> tuple[Any, ...]:
    generated = cases_for(name, DEFS, VALID_PER_SCHEMA, MIN_CASES)
    return (*generated, *unstorable_probes(name))


@pytest.fixture
async def party(settings: Settings, database: Database, world: World) -> AsyncIterator[Api]:
    """`api`, but with the production body limit."""
    app = create_app(dataclasses.replace(settings, max_body_bytes=MAX_BODY), database=database)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield Api(client, world)


def mismatch(response: httpx.Response, expected: int, sent: Any) -> str | None:
    """None when the answer is `expected` (2xx: the record holds what was sent; 400: the one
    error shape); otherwise what went wrong."""
    if expected >= 400:
        try:
            assert_error(response, expected)
        except AssertionError as exc:
            return f"expected {expected}: {str(exc).splitlines()[0]} in {response.text[:150]}"
        return None
    if response.status_code != expected:
        return f"expected {expected}, got {response.status_code}: {response.text[:300]}"
    data = response.json()["data"]
    differs = {k: (v, data.get(k)) for k, v in sent.items() if data.get(k) != v}
    return f"stored differently: {differs}" if differs else None


def unstorable_paths(value: Any, path: str = "") -> list[str]:
    """JSON pointers of the strings in `value` holding NUL or a lone surrogate (by hand)."""
    if isinstance(value, str):
        lone = any(0xD800 <= ord(c) <= 0xDFFF for c in value)
        return [path] if "\x00" in value or lone else []
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in unstorable_paths(v, f"{path}/{k}")]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in unstorable_paths(v, f"{path}/{i}")]
    return []


def refused_for_text(response: httpx.Response, paths: list[str]) -> str | None:
    try:
        body = assert_error(response, 400)
        errors = body["details"]["errors"]
        assert sorted(e["path"] for e in errors) == sorted(paths), errors
        assert {e["keyword"] for e in errors} == {"text"}, errors
    except AssertionError as exc:
        return f"expected the text 400 at {paths}: {str(exc).splitlines()[0]}"
    return None


def only_path(response: httpx.Response, path: str, status: int = 400) -> str | None:
    try:
        body = assert_error(response, status)
        paths = [e["path"] for e in body["details"]["errors"]]
        assert paths == [path], paths
    except AssertionError as exc:
        return f"expected {status} at {path}: {str(exc).splitlines()[0]} in {response.text[:150]}"
    return None


@pytest.mark.parametrize("name", SCHEMAS)
async def test_the_api_agrees_with_the_contract_validator(party: Api, name: str) -> None:
    resource = resource_of(name)
    creating = name.endswith("Create")
    headers = {**await party.login("alice"), "Content-Type": "application/json"}
    lead = await party.create("alice", url(RESOURCES["Lead"]), {"name": "Source lead"})
    target = None if creating else await party.create("alice", url(resource), {"name": "Target"})
    method = "POST" if creating else "PATCH"
    path = url(resource) if creating else f"{url(resource)}/{target['id']}"  # type: ignore[index]
    ok = 201 if creating else 200
    validator = validator_for(name)

    instances = cases(name)
    assert len(instances) >= 150
    accepted = 0
    text_refused = 0
    problems: dict[str, list[str]] = {}  # kind of disagreement -> the cases showing it

    async def send(instance: Any) -> httpx.Response:
        body = json.dumps(instance).encode()
        assert len(body) <= MAX_BODY, "every case fits the production body limit"
        return await party.client.request(method, path, content=body, headers=headers)

    for instance in instances:
        valid = validator.is_valid(instance)
        accepted += valid
        response = await send(instance)
        shown = json.dumps(instance, ensure_ascii=False)[:200]
        if unstorable_paths(instance) and instance in unstorable_probes(name):
            text_refused += 1
            problem = refused_for_text(response, unstorable_paths(instance))
        elif valid and isinstance(instance, dict) and instance.get(REFERENCE) is not None:
            # valid per the schema, but no lead alice can see: a conflict, 409
            real = {**instance, REFERENCE: lead["id"]}
            found = (
                only_path(response, f"/{REFERENCE}", 409),
                mismatch(await send(real), ok, real),
            )
            problem = "; ".join(p for p in found if p) or None
        else:
            problem = mismatch(response, ok if valid else 400, instance)
        if problem:
            kind = f"valid={valid}: {problem.splitlines()[0][:160]}"
            problems.setdefault(kind, []).append(shown)

    assert 0 < accepted < len(instances), (accepted, len(instances))
    assert text_refused == len(unstorable_probes(name))  # the rule was exercised
    report = "\n".join(
        f"- {len(shown)} x {kind}\n" + "\n".join(f"    {s}" for s in shown[:3])
        for kind, shown in problems.items()
    )
    count = sum(len(v) for v in problems.values())
    assert not problems, f"{name}: {count} of {len(instances)} disagree:\n{report}"


def test_the_probes_are_refused_only_for_their_text() -> None:
    """The contract refuses each probe, and accepts it once the text is storable (else the
    probes would prove nothing about the text rule)."""
    for name in SCHEMAS:
        probes = unstorable_probes(name)
        assert probes, name
        for probe in probes:
            assert not validator_for(name).is_valid(probe), (name, probe)
            cleaned = {k: v.replace("\x00", "").replace("\ud800", "") for k, v in probe.items()}
            assert validator_for(name).is_valid(cleaned), (name, cleaned)
