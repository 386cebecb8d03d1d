"""Render the rule templates and load them as modules, for codegen's own use.

The lint checks each `default` with the very validator the generated code will ship, and
the conformance tests compile suite schemas through the emitters: both need the rendered
modules without importing generated/ (which may be stale, or absent on a first run).
"""

from __future__ import annotations

import sys
import types
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from codegen import formats


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("codegen", "templates"),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # noqa: S701 - we render source code, not HTML
    )
    env.filters["pyrepr"] = repr
    env.filters["pyascii"] = ascii  # a Python literal in ASCII (non-ASCII as escapes)
    env.filters["tuple_repr"] = lambda items: repr(tuple(items))
    return env


def header(source: str) -> str:
    return f"generated from {source} by python -m codegen; do not edit"


def render_rules(source: str = "codegen/formats.py") -> str:
    return (
        environment()
        .get_template("rules.py.j2")
        .render(
            header=header(source),
            email_pattern=formats.EMAIL_PATTERN,
            email_max_local=formats.EMAIL_MAX_LOCAL,
            email_max_total=formats.EMAIL_MAX_TOTAL,
            uuid_pattern=formats.UUID_PATTERN,
            date_pattern=formats.DATE_PATTERN,
            date_time_pattern=formats.DATE_TIME_PATTERN,
            max_double=formats.MAX_DOUBLE,
            unstorable_text=formats.UNSTORABLE_TEXT,
            pattern_formats=formats.PATTERN_FORMATS,
        )
    )


def render_validator(rules_module: str, source: str = "codegen/formats.py") -> str:
    return (
        environment()
        .get_template("validator.py.j2")
        .render(header=header(source), rules_module=rules_module)
    )


def load_module(name: str, source: str) -> types.ModuleType:
    """Execute `source` as module `name` (registered in sys.modules so others can import it)."""
    module = types.ModuleType(name)
    module.__file__ = f"<{name}>"
    sys.modules[name] = module
    exec(compile(source, f"<{name}>", "exec"), module.__dict__)  # noqa: S102 - our own templates
    return module


@cache
def rules_module_name() -> str:
    name = "_codegen_rules"
    load_module(name, render_rules())
    return name


@cache
def contract_validator() -> Any:
    """The ContractValidator factory the generated code ships, rendered fresh from codegen."""
    rules = rules_module_name()
    module = load_module("_codegen_validator", render_validator(rules))
    return module.ContractValidator
