"""The schema fuzzer: on schemas the lint accepts, every reader gives the same verdict.

Hypothesis draws bundles of schemas from every keyword and combination the lint allows
(tests/support/schema_strategies.py); each bundle is emitted, loaded, and judged by the
project's jsonschema validator, Pydantic (`model_validate` and `model_validate_json`) and Zod
(tests/support/fuzz.py). Bounded here; `bench/codegen_fuzz.py` runs the deep profile.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

from tests.support.fuzz import accepted, drawn_bundles, run

BUNDLES = 4
SCHEMAS_PER_BUNDLE = 30


@cache
def drawn() -> list[dict[str, Any]]:
    return drawn_bundles(BUNDLES, SCHEMAS_PER_BUNDLE)


@pytest.mark.parametrize("index", range(BUNDLES))
def test_every_reader_agrees_on_drawn_schemas(index: int, tmp_path: Path) -> None:
    # Seeded draws: a failure names a reproducible bundle by its index.
    defs = drawn()[index]
    judged, found = run(defs, tmp_path, f"fuzz{index}")
    assert len(accepted(defs)) >= SCHEMAS_PER_BUNDLE // 3, "the lint refused most drawn schemas"
    assert judged >= 10 * len(accepted(defs))
    assert not found, f"{len(found)} disagreements, first ones:\n" + "\n".join(
        str(d) for d in found[:8]
    )
