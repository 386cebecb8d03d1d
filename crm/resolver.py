"""Bind each operationId of openapi.yaml to its handler: the resource's own, or the standard one.

An operationId names a function, `handlers.<module>.<function>`. When that module defines
the function, it is the handler (a resource's own behaviour, e.g. `handlers.leads.create_lead`
setting converted_at). Otherwise, when the operation is one of a resource's standard operations
(`generated.python.resources.OPERATIONS`, emitted by codegen from the contracts), the handler
is `crm.standard.bind(operation)`. Anything else (the reports, until they land) is Connexion's
resolver error, which crm.app answers with 501.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from connexion.exceptions import ResolverError
from connexion.resolver import Resolver

from crm import standard
from generated.python.resources import OPERATIONS


def find_handler(operation_id: str) -> Callable[..., Any]:
    module_name, _, function = operation_id.rpartition(".")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise  # the module exists but imports something missing: a real error
        module = None
    own = getattr(module, function, None)
    if own is not None:
        return own  # type: ignore[no-any-return]
    operation = OPERATIONS.get(operation_id)
    if operation is None:
        raise ResolverError(f"no handler for {operation_id}")
    return standard.bind(operation)


class ResourceResolver(Resolver):  # type: ignore[misc]  # connexion ships no types
    def __init__(self) -> None:
        super().__init__(function_resolver=find_handler)
