"""The schema fuzzer's engine, shared by tests/codegen/test_fuzz.py and bench/codegen_fuzz.py.

A bundle of drawn schemas (tests/support/schema_strategies.py) goes through the lint exactly
as the conformance suite's schemas do (`policy=False`: the emitters are measured, not the
house style); every schema the lint accepts is emitted to a Pydantic package and a Zod
package, both loaded, and every instance text is judged by four readers: the project's
jsonschema validator (after `json.loads`), the Pydantic model by `model_validate` and by
`model_validate_json`, and the Zod schema (after `JSON.parse`, one Node process per bundle).
"""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, seed, settings
from pydantic import BaseModel, TypeAdapter, ValidationError

from codegen import patterns
from codegen.emit.python import write_package
from codegen.emit.zod import export_name, render_zod
from codegen.lint import lint_schema
from codegen.runtime import contract_validator
from tests.support.cases import dedupe, mutations, sample_valid
from tests.support.schema_strategies import TRAP_TEXTS, bundles, spliced, text
from tests.support.zod import ZodRunner, build_zod

Schema = dict[str, Any]
READERS = ("jsonschema", "pydantic", "pydantic_json", "zod")


@dataclass(frozen=True)
class Disagreement:
    name: str
    schema: Schema
    instance: str  # the JSON text
    verdicts: dict[str, bool | str]

    def __str__(self) -> str:
        return (
            f"{self.name} {json.dumps(self.schema, ensure_ascii=False)}\n"
            f"  instance {self.instance[:200]}\n  verdicts {self.verdicts}"
        )


def drawn_bundles(count: int, size: int, start: int = 0) -> list[dict[str, Schema]]:
    """`count` bundles of `size` schemas, reproducible from `start` (a Hypothesis seed).

    Hypothesis begins every run with its simplest example (every choice the first one); that
    draw is skipped, the rest are as varied as Hypothesis makes them.
    """
    out: list[dict[str, Schema]] = []

    @seed(start)
    @settings(
        max_examples=count + 1,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.generate],
    )
    @given(bundles(size))
    def collect(defs: dict[str, Schema]) -> None:
        out.append(defs)

    collect()
    return out[1:]


def lint_bundle(defs: dict[str, Schema]) -> dict[str, list[str]]:
    """The lint's problems per schema name (empty list: accepted)."""
    validator_cls = contract_validator()

    def is_valid(value: Any, node: Schema) -> bool:
        s = {k: v for k, v in node.items() if k != "default"}
        return bool(validator_cls({**s, "$defs": defs}).is_valid(value))

    patterns.prime(patterns.patterns_in(defs))
    out: dict[str, list[str]] = {}
    for name, node in defs.items():
        out[name] = [
            f"{pointer}: {message}"
            for pointer, message in lint_schema(
                node,
                f"/$defs/{name}",
                ref_exists=lambda r: r.startswith("#/$defs/") and r[8:] in defs,
                is_valid=is_valid,
                policy=False,
            )
        ]
    return out


def accepted(defs: dict[str, Schema]) -> dict[str, Schema]:
    """The schemas the lint accepts whose references all lead to accepted schemas."""
    problems = lint_bundle(defs)
    keep = {n: s for n, s in defs.items() if not problems[n]}
    while True:
        dropped = {n for n, s in keep.items() if any(r not in keep for r in _refs(s))}
        if not dropped:
            return keep
        keep = {n: s for n, s in keep.items() if n not in dropped}


def _refs(node: Any) -> set[str]:
    if isinstance(node, dict):
        found = {node["$ref"][8:]} if isinstance(node.get("$ref"), str) else set()
        for k, v in node.items():
            if k not in ("enum", "const", "default"):
                found |= _refs(v)
        return found
    if isinstance(node, list):
        return set().union(*(_refs(x) for x in node)) if node else set()
    return set()


def instances(name: str, defs: dict[str, Schema], valid: int) -> list[str]:
    """JSON texts for `name`: drawn valid ones, their mutations, the traps, traps spliced in."""
    try:
        drawn = sample_valid({"$ref": f"#/$defs/{name}", "$defs": defs}, valid)
    except Exception:
        drawn = []
    values = list(drawn)
    for base in sorted(drawn, key=lambda x: -len(text(x)))[:1]:
        values += mutations(defs[name], defs, base)
    texts = [text(v) for v in dedupe(values)]
    texts += TRAP_TEXTS
    for base in drawn[:1]:
        texts += spliced(base)
    return list(dict.fromkeys(texts))


def _reference(validator: Any, value: Any) -> bool | str:
    try:
        return bool(validator.is_valid(value))
    except Exception as exc:
        return f"crash: {type(exc).__name__}: {exc}"


class _Pydantic:
    def __init__(self, module: Any) -> None:
        self.module = module
        self.adapters: dict[str, TypeAdapter[Any]] = {}

    def verdicts(self, name: str, instance: str) -> tuple[bool | str, bool | str]:
        target = getattr(self.module, name)
        if isinstance(target, type) and issubclass(target, BaseModel):
            by_python, by_json = target.model_validate, target.model_validate_json
        else:
            adapter = self.adapters.setdefault(name, TypeAdapter(target))
            by_python, by_json = adapter.validate_python, adapter.validate_json
        return _judge(by_python, json.loads(instance)), _judge(by_json, instance)


def _judge(validate: Any, value: Any) -> bool | str:
    try:
        validate(value)
    except ValidationError:
        return False
    except Exception as exc:
        return f"crash: {type(exc).__name__}: {exc}"
    return True


class Readers:
    """The four readers of one emitted bundle; `judge` takes many cases per Node exchange."""

    def __init__(self, defs: dict[str, Schema], module: Any, zod: ZodRunner) -> None:
        self.defs = defs
        self.pydantic = _Pydantic(module)
        self.zod = zod
        self.validators: dict[str, Any] = {}

    def names(self) -> list[str]:
        # collapse_root_models folds a referenced root model into its users and drops its
        # name (the agreement tests skip such names too); it is still judged through them.
        return [n for n in self.defs if hasattr(self.pydantic.module, n)]

    def judge(self, cases: list[tuple[str, str]]) -> list[dict[str, bool | str]]:
        zod = self.zod.text_verdicts([(export_name(n), t) for n, t in cases])
        out = []
        for (name, instance), z in zip(cases, zod, strict=True):
            if name not in self.validators:
                schema = {"$ref": f"#/$defs/{name}", "$defs": self.defs}
                self.validators[name] = contract_validator()(schema)
            reference = _reference(self.validators[name], json.loads(instance))
            py, py_json = self.pydantic.verdicts(name, instance)
            out.append(dict(zip(READERS, (reference, py, py_json, z), strict=True)))
        return out


@contextmanager
def load_readers(defs: dict[str, Schema], work: Path, package: str) -> Iterator[Readers]:
    """Emit `defs` to a Pydantic and a Zod package, load both, and yield their readers.

    Loading is part of the check: an import error, a tsc error or a Zod module that Node
    cannot load (a pattern JavaScript refuses) raises with its complaint.
    """
    write_package(work / package, defs, package)
    sys.path.insert(0, str(work))
    try:
        module = importlib.import_module(f"{package}.models")
    finally:
        sys.path.remove(str(work))
    dist = build_zod(render_zod(defs), work / f"{package}_zod")
    with ZodRunner(dist) as zod:
        yield Readers(defs, module, zod)


def run(
    defs: dict[str, Schema], work: Path, package: str, valid: int = 4
) -> tuple[int, list[Disagreement]]:
    """(instances judged, disagreements) for every accepted schema of `defs`."""
    keep = accepted(defs)
    if not keep:
        return 0, []
    with load_readers(keep, work, package) as readers:
        cases = [(n, t) for n in readers.names() for t in instances(n, keep, valid)]
        judged = readers.judge(cases)
    found = [
        Disagreement(name, keep[name], instance, verdicts)
        for (name, instance), verdicts in zip(cases, judged, strict=True)
        if len(set(map(str, verdicts.values()))) > 1
    ]
    return len(cases), found
