"""An operation's path and query parameters resolved from the ASGI scope, as Connexion does it,
with the per-request work done once per operation.

Connexion resolves parameters through a `ConnexionRequest` and an `OpenAPIURIParser` built
again for every request, and coerces each value by raising and catching an exception for
every string (`connexion.utils.coerce_type`): about a tenth of a small request's framework CPU.
`ParameterPlan` gives the same two dicts from the same inputs: the route's `path_params`, and
the query string parsed as Starlette parses it (`parse_qsl`, latin-1, blank values kept), the
last value of a repeated parameter kept, integers `int()`, numbers `float()`, booleans
Connexion's own `boolean()`, a value that does not convert left as sent (validation names it),
undeclared query parameters kept as their list of values (strict validation names them).

It covers what openapi.yaml uses (path and query parameters of scalar types, default styles);
for anything else `ParameterPlan.of` answers None and Connexion's parser runs as before.
tests/unit/test_uri_params.py compares both on generated requests for every operation of the
spec, so a Connexion upgrade that resolves differently fails there.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any
from urllib.parse import parse_qsl

from connexion.utils import boolean

Cast = Callable[[Any], Any]

# connexion.utils.coerce_type's own map: a string (or an untyped value) is kept as sent
_CASTS: dict[str, Cast] = {"integer": int, "number": float, "boolean": boolean}
_SCALARS = frozenset({"string", "integer", "number", "boolean"})
_DEFAULT_STYLE = {"path": "simple", "query": "form"}


def _cast(value: Any, cast: Cast | None) -> Any:
    if cast is None:
        return value
    try:
        return cast(value)
    except (ValueError, TypeError):
        return value  # left for validation to refuse, as Connexion leaves it


class ParameterPlan:
    """The resolution of one operation's parameter list."""

    def __init__(self, casts: dict[str, Cast | None]) -> None:
        # One namespace for path and query names, as in Connexion's parser (`?id=` is cast
        # as the path's `id` is; a later declaration of a name wins).
        self.casts = casts

    @classmethod
    def of(cls, parameters: Sequence[Mapping[str, Any]]) -> ParameterPlan | None:
        """The plan of `parameters`, or None when one is outside what the plan reproduces."""
        casts: dict[str, Cast | None] = {}
        for parameter in parameters:
            where = parameter.get("in")
            schema = parameter.get("schema", parameter)
            kind = schema.get("type")
            if where not in _DEFAULT_STYLE or not (isinstance(kind, str) and kind in _SCALARS):
                return None  # headers, cookies, arrays, objects, type lists: Connexion's parser
            if parameter.get("style", _DEFAULT_STYLE[where]) != _DEFAULT_STYLE[where]:
                return None  # deepObject and friends reshape the query
            if schema.get("nullable") or parameter.get("x-nullable"):
                return None  # "null" and "None" would become None
            casts[parameter["name"]] = _CASTS.get(kind)
        return cls(casts)

    def resolve_path(self, path_params: Mapping[str, Any]) -> dict[str, Any]:
        declared = self.casts
        return {
            name: _cast(value, declared[name]) if name in declared else value
            for name, value in path_params.items()
        }

    def resolve_query(self, query_string: bytes) -> dict[str, Any]:
        values: dict[str, list[str]] = {}
        for name, value in parse_qsl(query_string.decode("latin-1"), keep_blank_values=True):
            values.setdefault(name, []).append(value)
        declared = self.casts
        return {
            name: _cast(given[-1], declared[name]) if name in declared else given
            for name, given in values.items()
        }
