"""Placeholder until the tables emitter lands."""

from __future__ import annotations

from codegen.model import ContractSet


def emit(contracts: ContractSet) -> dict[str, str]:
    return {}
