"""The parent count (`x-resource.parent-count`) as the spec states it on the request bodies.

For every resource with more than one parent field, or `exactly-one`, the Create and Update
bodies of openapi.yaml are judged by the project's validator against the count of parent
fields set, computed here by hand: at most one (exactly one on create, for `exactly-one`).
The runtime then only checks what the stored record adds (tests/api/test_parent_visibility.py).
"""

from __future__ import annotations

import itertools
import uuid
from pathlib import Path
from typing import Any

import pytest
import yaml

from generated.python.resources import RESOURCES, ResourceInfo
from generated.python.validator import ContractValidator
from tests.api.contract_data import parent_fields, required_body

ROOT = Path(__file__).resolve().parents[2]
SPEC: dict[str, Any] = yaml.safe_load((ROOT / "openapi.yaml").read_text())
COUNTED = [
    name
    for name, info in RESOURCES.items()
    if info.path and (len(parent_fields(info)) > 1 or info.parent_count == "exactly-one")
]


def body_validator(variant: str) -> Any:
    # the spec's component, its references resolved inside the same document
    return ContractValidator(
        {"$ref": f"#/components/schemas/{variant}", "components": SPEC["components"]}
    )


def bodies(info: ResourceInfo, *, create: bool) -> list[tuple[dict[str, Any], int]]:
    """Every combination of parent fields: unset, null or an id; with how many are set."""
    base = required_body(info, "Counted") if create else {}
    out = []
    fields = parent_fields(info)
    for states in itertools.product(("unset", "null", "id"), repeat=len(fields)):
        body = dict(base)
        for field, state in zip(fields, states, strict=True):
            if state != "unset":
                body[field] = None if state == "null" else str(uuid.uuid4())
        if body:
            out.append((body, states.count("id")))
    return out


def test_there_are_counted_resources() -> None:
    assert "Interaction" in COUNTED
    assert len(COUNTED) >= 3


@pytest.mark.parametrize("name", COUNTED)
def test_create_bodies_state_the_parent_count(name: str) -> None:
    info = RESOURCES[name]
    validator = body_validator(f"{name}Create")
    exactly = info.parent_count == "exactly-one"
    for body, set_ in bodies(info, create=True):
        expected = set_ == 1 if exactly else set_ <= 1
        assert validator.is_valid(body) == expected, (body, set_)


@pytest.mark.parametrize("name", COUNTED)
def test_update_bodies_state_at_most_one_parent(name: str) -> None:
    """An update may clear parents (the stored record decides whether one is left: 409)."""
    validator = body_validator(f"{name}Update")
    for body, set_ in bodies(RESOURCES[name], create=False):
        assert validator.is_valid(body) == (set_ <= 1), (body, set_)
