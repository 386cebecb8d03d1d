"""The schema fuzzer's deep profile: many more drawn schemas than the test suite's bounded run.

    .venv/bin/python bench/codegen_fuzz.py [--bundles 40] [--size 40] [--valid 12] [--seed 1]

Same strategies and readers as tests/codegen/test_fuzz.py (tests/support/fuzz.py): each bundle
of `--size` schemas the lint accepts is emitted, loaded (Pydantic package, tsc-compiled Zod
package) and judged by jsonschema, Pydantic (`model_validate`, `model_validate_json`) and Zod
on drawn instances, their mutations and the trap texts. Every disagreement is printed with its
schema, instance and verdicts; a bundle whose code fails to load is reported with the error.
The exit code is the number of bundles with a finding.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.fuzz import accepted, drawn_bundles, run  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundles", type=int, default=40)
    parser.add_argument("--size", type=int, default=40, help="schemas per bundle")
    parser.add_argument("--valid", type=int, default=12, help="drawn valid instances per schema")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    started = time.perf_counter()
    bundles = drawn_bundles(args.bundles, args.size, start=args.seed)
    failed = schemas = judged = 0
    with tempfile.TemporaryDirectory() as work:
        for i, defs in enumerate(bundles):
            schemas += len(accepted(defs))
            try:
                count, found = run(defs, Path(work), f"fuzz_{args.seed}_{i}", valid=args.valid)
            except Exception as exc:
                failed += 1
                print(f"bundle {i}: generated code failed to load: {exc}"[:2000])
                continue
            judged += count
            if found:
                failed += 1
                print(f"bundle {i}: {len(found)} disagreements")
                for d in found[:10]:
                    print(f"  {d}")
    elapsed = time.perf_counter() - started
    print(
        f"{len(bundles)} bundles, {schemas} schemas the lint accepted, {judged} instances "
        f"judged by 4 readers, {failed} bundles with findings, {elapsed:.0f}s"
    )
    return failed


if __name__ == "__main__":
    sys.exit(main())
