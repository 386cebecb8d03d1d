"""10,000 cases per schema: jsonschema vs Pydantic vs Zod, disagreements counted (target 0).

    .venv/bin/python bench/agreement.py [--per-schema 10000] [--only Lead,LeadCreate] [--out FILE]

The same generator and validators as tests/agreement (tests/support/cases.py), at scale:
valid instances drawn in growing batches, each mutated field by field, until a schema has
`--per-schema` distinct cases or its space is exhausted. Every disagreement is printed with
the instance and the three verdicts; the exit code is the number of schemas that disagreed.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from codegen.emit.zod import export_name  # noqa: E402
from generated.python.schemas import BUNDLE, NAMES, validator_for  # noqa: E402
from tests.agreement.test_agreement import (  # noqa: E402
    pydantic_verdict,
    zod_counterpart_verdict,
)
from tests.support.cases import dedupe, mutations, sample_valid  # noqa: E402
from tests.support.zod import ZodRunner, build_zod  # noqa: E402

DEFS: dict[str, Any] = BUNDLE["$defs"]
MAX_DRAWN = 3000


def cases(name: str, target: int) -> list[Any]:
    schema = {"$ref": f"#/$defs/{name}", "$defs": DEFS}
    drawn = sample_valid(schema, min(MAX_DRAWN, target))
    out = dedupe(drawn)
    for base in sorted(drawn, key=lambda x: -len(json.dumps(x))):
        if len(out) >= target:
            break
        out = dedupe(out + mutations(DEFS[name], DEFS, base))
    return out[:target]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--per-schema", type=int, default=10_000)
    parser.add_argument("--only", default="")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "agreement.md")
    args = parser.parse_args()
    from generated.python import models

    names = [n for n in NAMES if hasattr(models, n)]
    if args.only:
        names = [n for n in names if n in args.only.split(",")]
    started = time.perf_counter()
    rows: list[tuple[str, int, int, int]] = []
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        sources = {p.name: p.read_text() for p in (ROOT / "generated" / "zod").glob("*.ts")}
        dist = build_zod(sources, Path(tmp))
        with ZodRunner(dist) as zod:
            for name in names:
                insts = cases(name, args.per_schema)
                z = zod.verdicts([(export_name(name), i) for i in insts])
                bad = 0
                accepted = 0
                for inst, zv in zip(insts, z, strict=True):
                    js = validator_for(name).is_valid(inst)
                    py = pydantic_verdict(name, inst)
                    accepted += js
                    # Zod's response schemas drop unknown keys: see tests/agreement.
                    if not (js == py and zv == zod_counterpart_verdict(name, inst)):
                        bad += 1
                        if bad <= 5:
                            print(f"{name}: {json.dumps(inst)[:300]} js={js} py={py} zod={zv}")
                rows.append((name, len(insts), accepted, bad))
                failed += bad > 0
                print(
                    f"{name}: {len(insts)} cases, {accepted} valid, {bad} disagreements", flush=True
                )
    elapsed = time.perf_counter() - started
    total = sum(r[1] for r in rows)
    lines = [
        f"# Agreement at scale — {len(rows)} schemas, {total} cases, {elapsed:.0f} s",
        "",
        "| schema | cases | valid (jsonschema) | disagreements |",
        "|---|---:|---:|---:|",
        *(f"| {n} | {c} | {a} | {b} |" for n, c, a, b in rows),
        "",
        f"Disagreements in total: {sum(r[3] for r in rows)}",
    ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n")
    print("\n".join(lines[:1] + lines[-1:]))
    return failed


if __name__ == "__main__":
    sys.exit(main())
