"""The TypeScript output: generated/zod/, an npm package of Zod 4 schemas and their types.

Every named schema of the bundle becomes `export const X = <zod>;` plus
`export type X = z.infer<typeof X>;`, declared in dependency order. The translation is exact
for the subset contracts/README.md allows (the agreement tests compare every verdict with the
project's jsonschema validator):

| JSON Schema | Zod 4 |
|---|---|
| object, closed / open | `z.strictObject({...})` / `z.looseObject({...})` |
| not in `required` | `.optional()`, or `.default(v)` when it has a `default` |
| `type: [T, "null"]`, nullable reference | `T.nullable()` (never `.nullish()`) |
| `$ref: #/$defs/X` | the const `X` (a getter or `z.lazy` only in a cycle) |
| `minLength` / `maxLength` | `.min(n)` / `.max(n)` (Zod 4.6 counts code points) |
| `pattern` | `.regex(new RegExp(p, "u"))`: ECMA-262, unanchored search |
| `format` | `.refine(isEmail / isUuid / isDate / isDateTime)` from rules.ts |
| every string | `.refine(isStorableText)`: no NUL, no lone surrogate (codegen/formats.py) |
| `enum` of strings | `z.enum([...])` (values the other keywords refuse are dropped) |
| `const`, other `enum` | `z.literal([...])` of strings, else `.refine(isOneOf)` (JSON equality) |
| integer / number | `z.number().int()` / `z.number()`, `.gte .gt .lte .lt` |
| `multipleOf` | `.refine((n) => isMultipleOf(n, "<divisor>"))`: exact decimals |
| array | `z.array(item).min(n).max(n)` |
| `minProperties`, prototype-named keys | checks on the input object (rules.ts) |
| `format` ipv4, time, uri, ... | `.refine((s) => matchesFormat(name, s))`: one regex table |
| `allOf`, `not`, `uniqueItems`, ... | `withChecks([...], core)` (codegen/applicators.py) |
| `true` / `false` | any JSON value / `z.never()` |

Two differences from a plain translation, both for the package's users:

- An exported name never shadows a global of JavaScript, the DOM or Node (listed in
  `codegen/js_globals.json`): such a schema is exported with the `Crm` prefix (`Date` ->
  `CrmDate`, `Error` -> `CrmError`).
- An object reachable from a 2xx or error answer of the API (`openapi.document`) is a *response*
  schema: closed in JSON Schema, it parses with `z.object` here, which drops unknown keys, so a
  field the API adds later does not break a deployed client. Everything else (request bodies)
  stays `z.strictObject`, as the API itself refuses unknown keys. An object schema reachable from
  both is a contract error: split it. The agreement tests check the difference explicitly.

Zod reads an object's keys with `key in input`, so a property named like an `Object.prototype`
member is "present" on `{}`; the lint refuses such names in contracts, and for other bundles
(the official test suite's) they are checked on own keys by `withInputRules` in rules.ts.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from codegen import formats
from codegen.applicators import is_anything, needs_split, split
from codegen.errors import ContractError, pointer_join
from codegen.lint import ANNOTATIONS, JS_PROTOTYPE_NAMES, node_types
from codegen.literals import is_literal_node, surviving_values
from codegen.model import ContractSet, Schema
from codegen.runtime import environment, header
from codegen.strings import enum_survivors

OUT = "generated/zod"
PACKAGE_NAME = "@pathsix/crm-contracts"
GLOBALS_FILE = Path(__file__).resolve().parents[1] / "js_globals.json"
GLOBAL_PREFIX = "Crm"
SOURCES = ("rules.ts", "schemas.ts", "client.ts", "index.ts")
FORMAT_CHECKS = {"email": "isEmail", "uuid": "isUuid", "date": "isDate", "date-time": "isDateTime"}
FORMAT_ERRORS = {
    "email": "expected an email address",
    "uuid": "expected a UUID",
    "date": "expected a date (YYYY-MM-DD)",
    "date-time": "expected an RFC 3339 date-time with an offset",
}
REF_PREFIX = "#/$defs/"


def emit(contracts: ContractSet) -> dict[str, str]:
    # Imported here: the client is generated from the same document as openapi.yaml.
    from codegen.emit import openapi, zod_client

    document = openapi.document(contracts)
    version = str(document["info"]["version"])
    files = render_zod(contracts.defs, lenient=response_schemas(contracts.defs, document))
    files["client.ts"] = zod_client.render_client(document, contracts.defs)
    files["index.ts"] = (
        environment()
        .get_template("zod_index.ts.j2")
        .render(header=header("contracts/"), client=True)
    )
    out = {f"{OUT}/{name}": text for name, text in files.items()}
    out[f"{OUT}/package.json"] = _package_json(version)
    out[f"{OUT}/tsconfig.json"] = _tsconfig()
    out[f"{OUT}/README.md"] = zod_client.render_readme(document, contracts.defs, PACKAGE_NAME)
    return dict(sorted(out.items()))


@cache
def js_globals() -> frozenset[str]:
    """Global names of JavaScript, the DOM and Node (the file says how it was made)."""
    return frozenset(json.loads(GLOBALS_FILE.read_text(encoding="utf-8"))["names"])


def export_name(name: str) -> str:
    """The exported const and type of the schema `name`: never a global's name."""
    return f"{GLOBAL_PREFIX}{name}" if name in js_globals() else name


def _schema_refs(node: Any) -> Iterator[str]:
    """Names of `#/components/schemas/X` references anywhere under an OpenAPI node."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
            yield ref.rsplit("/", 1)[1]
        for value in node.values():
            yield from _schema_refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _schema_refs(item)


def closure(defs: dict[str, Schema], names: Iterable[str]) -> set[str]:
    """`names` and every def they reference, transitively."""
    seen: set[str] = set()
    todo = [n for n in names if n in defs]
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(r for r in references(defs[name]) if r in defs)
    return seen


def schema_roles(defs: dict[str, Schema], document: dict[str, Any]) -> tuple[set[str], set[str]]:
    """(defs reachable from a request body, defs reachable from an answer) of `document`."""
    requests: list[str] = []
    answers: list[str] = []
    shared = document.get("components", {}).get("responses", {})
    for item in document["paths"].values():
        for op in item.values():
            if not isinstance(op, dict) or "responses" not in op:
                continue
            requests += _schema_refs(op.get("requestBody", {}))
            for response in op["responses"].values():
                ref = response.get("$ref", "")
                answer = shared.get(ref.rsplit("/", 1)[1], {}) if ref else response
                answers += _schema_refs(answer)
    return closure(defs, requests), closure(defs, answers)


def response_schemas(defs: dict[str, Schema], document: dict[str, Any]) -> frozenset[str]:
    """The defs emitted lenient (unknown keys dropped): reachable from an answer only."""
    requests, answers = schema_roles(defs, document)
    for name in sorted(requests & answers):
        if '"object"' in json.dumps(defs[name]):
            raise ContractError(
                "zod emitter",
                pointer_join("", "$defs", name),
                "an object schema used in both a request body and an answer: a response must "
                "tolerate new keys while a request refuses them; give each its own schema",
            )
    return frozenset(answers - requests)


def render_zod(defs: dict[str, Schema], lenient: frozenset[str] = frozenset()) -> dict[str, str]:
    """rules.ts, schemas.ts and index.ts for a bundle of named schemas (`#/$defs/X` references).

    Closed objects of the defs in `lenient` drop unknown keys instead of refusing them.
    """
    check_names(defs)
    emitter = _Emitter(defs)
    declarations = []
    for name in dependency_order(defs):
        schema = defs[name]
        emitter.lenient = name in lenient
        expr = emitter.node(schema, pointer_join("", "$defs", name), "", direct=False)
        emitter.declared.add(name)
        # TypeScript cannot infer a const that reaches itself through a function call of ours
        # (withChecks, withInputRules): such a schema is declared a plain ZodType (type unknown).
        wrapped = "withChecks(" in expr or "withInputRules(" in expr
        cyclic = wrapped and name in closure(defs, references(schema))
        declarations.append(
            {
                "annotation": ": z.ZodType" if cyclic else "",
                "name": export_name(name),
                "doc": _doc(schema),
                "expr": expr,
                "renamed": name if export_name(name) != name else "",
                "lenient": name in lenient,
            }
        )
    env = environment()
    return {
        "rules.ts": render_rules_ts(),
        "schemas.ts": env.get_template("zod_schemas.ts.j2").render(
            header=header("contracts/"), helpers=sorted(emitter.helpers), declarations=declarations
        ),
        "index.ts": env.get_template("zod_index.ts.j2").render(
            header=header("contracts/"), client=False
        ),
    }


def render_rules_ts() -> str:
    env = environment().overlay()
    env.filters["js"] = js_string
    return env.get_template("zod_rules.ts.j2").render(
        header=header("codegen/formats.py"),
        email_pattern=formats.EMAIL_PATTERN,
        email_max_local=formats.EMAIL_MAX_LOCAL,
        email_max_total=formats.EMAIL_MAX_TOTAL,
        uuid_pattern=formats.UUID_PATTERN,
        date_pattern=formats.DATE_PATTERN,
        date_time_pattern=formats.DATE_TIME_PATTERN,
        pattern_formats=formats.PATTERN_FORMATS,
    )


def js_string(text: str) -> str:
    """A JavaScript string literal (JSON quoting, ASCII only: no encoding or U+2028 traps)."""
    return json.dumps(text, ensure_ascii=True)


def _regexp(pattern: str) -> str:
    return f'new RegExp({js_string(pattern)}, "u")'


def js_value(value: Any) -> str:
    return json.dumps(value, ensure_ascii=True, allow_nan=False)


def js_number(value: int | float) -> str:
    # repr() is the shortest round-trip text, which JavaScript reads as the same double.
    return str(value) if isinstance(value, int) else repr(value)


def dependency_order(defs: dict[str, Schema]) -> list[str]:
    """Names so that each comes after what it references (depth-first, names sorted).

    A cycle cannot be ordered; its back references are emitted lazily (see `_Emitter`).
    """
    order: list[str] = []
    state: dict[str, int] = {}  # 1 = visiting, 2 = done

    def visit(name: str) -> None:
        if state.get(name):
            return
        state[name] = 1
        for dep in sorted(references(defs[name])):
            if dep in defs:
                visit(dep)
        state[name] = 2
        order.append(name)

    for name in sorted(defs):
        visit(name)
    return order


def references(node: Any) -> set[str]:
    """Names of every `#/$defs/X` referenced anywhere under `node`."""
    found: set[str] = set()

    def walk(n: Any) -> None:
        if isinstance(n, dict):
            ref = n.get("$ref")
            if isinstance(ref, str) and ref.startswith(REF_PREFIX):
                found.add(ref[len(REF_PREFIX) :])
            for key, value in n.items():
                if key not in ("default", "examples", "enum", "const"):
                    walk(value)
        elif isinstance(n, list):
            for item in n:
                walk(item)

    walk(node)
    return found


def _doc(node: Schema | bool) -> str:
    text = node.get("description") if isinstance(node, dict) else None
    if not isinstance(text, str) or not text.strip():
        return ""
    return " ".join(text.split()).replace("*/", "*\\/")


def _package_json(version: str) -> str:
    # The TypeScript sources are built into dist/ (ES modules + .d.ts) by `npm run build`,
    # which `npm pack` runs (prepack): the tarball holds the compiled package only.
    package = {
        "name": PACKAGE_NAME,
        "version": version,
        "description": (
            "Zod 4 schemas, TypeScript types and a typed client of the PathSix CRM API "
            f"({header('contracts/')})"
        ),
        "type": "module",
        "main": "./dist/index.js",
        "types": "./dist/index.d.ts",
        "exports": {".": {"types": "./dist/index.d.ts", "default": "./dist/index.js"}},
        "files": ["dist", "README.md"],
        "sideEffects": False,
        "scripts": {"build": "tsc -p tsconfig.json", "prepack": "npm run build"},
        "engines": {"node": ">=18"},
        "peerDependencies": {"zod": "^4.1"},
    }
    return json.dumps(package, indent=2) + "\n"


def _tsconfig() -> str:
    config = {
        "compilerOptions": {
            "target": "ES2022",
            # No DOM and no Node types: the client declares the little of fetch it uses, so
            # the emitted .d.ts files need nothing beyond ES2020 from a project's `lib`.
            "lib": ["ES2022"],
            "module": "NodeNext",
            "moduleResolution": "NodeNext",
            "strict": True,
            "exactOptionalPropertyTypes": True,
            "noUncheckedIndexedAccess": True,
            "noImplicitReturns": True,
            "noFallthroughCasesInSwitch": True,
            "isolatedModules": True,
            "declaration": True,
            "rootDir": ".",
            "outDir": "dist",
            "skipLibCheck": True,
            "types": [],
        },
        "files": list(SOURCES),
    }
    return f"// {header('contracts/')}\n" + json.dumps(config, indent=2) + "\n"


class _Emitter:
    """Schema node -> Zod expression text; records the rules.ts helpers it uses."""

    def __init__(self, defs: dict[str, Schema]) -> None:
        self.defs = defs
        self.declared: set[str] = set()
        self.helpers: set[str] = set()
        self.lenient = False  # closed objects drop unknown keys (a response schema)

    def fail(self, pointer: str, message: str) -> ContractError:
        return ContractError("zod emitter", pointer, message)

    def ref(self, ref: Any, pointer: str, direct: bool) -> str:
        name = ref[len(REF_PREFIX) :] if isinstance(ref, str) and ref.startswith(REF_PREFIX) else ""
        if name not in self.defs:
            raise self.fail(pointer, f"unresolvable reference {ref!r} (the bundle uses #/$defs/X)")
        if direct or name in self.declared:
            return export_name(name)
        return f"z.lazy(() => {export_name(name)})"

    def node(self, node: Any, pointer: str, ind: str, *, direct: bool) -> str:
        """The Zod expression for `node`; `ind` is the indentation of the line it starts on."""
        if isinstance(node, bool):
            return self._anything() if node else "z.never()"
        if not isinstance(node, dict):
            raise self.fail(pointer, "a schema is an object or a boolean")
        if needs_split(node):
            return self._checked(node, pointer, ind, direct)
        if "$ref" in node:
            return self.ref(node["$ref"], pointer_join(pointer, "$ref"), direct)
        if "anyOf" in node:
            branches = node["anyOf"]
            if not (
                isinstance(branches, list)
                and len(branches) == 2
                and isinstance(branches[0], dict)
                and set(branches[0]) == {"$ref"}
                and branches[1] == {"type": "null"}
            ):
                raise self.fail(pointer, "the only anyOf translated is the nullable reference")
            where = pointer_join(pointer, "anyOf", 0, "$ref")
            target = self.ref(branches[0]["$ref"], where, direct)
            return f"{target}.nullable()"
        if is_literal_node(node):
            return self._literal(node)
        if "type" not in node:
            if set(node) - ANNOTATIONS:
                raise self.fail(pointer, "a schema without a type is not translated")
            return self._anything()
        t = node["type"]
        if t == "null" or t == ["null"]:
            return "z.null()"
        base, nullable = node_types(node)
        handlers: dict[str, Callable[[Schema, str, str, bool], tuple[str, bool]]] = {
            "string": self._string,
            "integer": self._number,
            "number": self._number,
            "boolean": lambda n, p, i, d: ("z.boolean()", True),
            "array": self._array,
            "object": self._object,
        }
        if base not in handlers:
            raise self.fail(pointer, f"type {t!r} is not translated")
        expr, null_ok = handlers[base](node, pointer, ind, direct)
        return f"{expr}.nullable()" if nullable and null_ok else expr

    def _checked(self, node: Schema, pointer: str, ind: str, direct: bool) -> str:
        """A core and checks (codegen/applicators.py): `withChecks` in rules.ts runs each check
        on the input, then parses it with the core."""
        core, checks = split(node)
        core_expr = (
            self._anything() if is_anything(core) else self.node(core, pointer, ind, direct=direct)
        )

        def sub(schema: Any, tokens: tuple[Any, ...]) -> str:
            # Built once at load time: references not declared yet are lazy.
            return self.node(schema, pointer_join(pointer, *tokens), ind + "  ", direct=False)

        parts: list[str] = []
        for check in checks:
            kind = check[0]
            if kind in ("all", "not"):
                parts.append(f'["{kind}", {sub(check[1], check[2])}]')
            elif kind == "when":
                parts.append(f'["when", "{check[1]}", {sub(check[2], check[3])}]')
            elif kind in ("any", "one"):
                branches = ", ".join(sub(b, t) for b, t in check[1])
                parts.append(f'["{kind}", [{branches}]]')
            elif kind in ("type", "required"):
                parts.append(f'["{kind}", {js_value(check[1])}]')
            elif kind == "unique":
                parts.append('["unique"]')
            elif kind == "prefix":
                prefix = ", ".join(sub(p, t) for p, t in check[1])
                rest = "null" if check[2] is None else sub(*check[2])
                parts.append(f'["prefix", [{prefix}], {rest}]')
            elif kind == "extra":
                names, patterns = js_value(check[1]), self._patterns(check[2])
                parts.append(f'["extra", {names}, {patterns}, {sub(check[3], check[4])}]')
            elif kind in ("patterns", "dependent", "props"):
                pairs = []
                for key, schema, tokens in check[1]:
                    first = _regexp(key) if kind == "patterns" else js_string(key)
                    pairs.append(f"[{first}, {sub(schema, tokens)}]")
                parts.append(f'["{kind}", [{", ".join(pairs)}]]')
            elif kind == "names":
                parts.append(f'["names", {sub(check[1], check[2])}]')
            else:  # if
                branches = ", ".join("null" if c is None else sub(*c) for c in check[1:])
                parts.append(f'["if", {branches}]')
        self.helpers.add("withChecks")
        return f"withChecks(\n{ind}  [{', '.join(parts)}],\n{ind}  {core_expr},\n{ind})"

    @staticmethod
    def _patterns(patterns: list[str]) -> str:
        return "[" + ", ".join(_regexp(p) for p in patterns) + "]"

    # -- scalars ---------------------------------------------------------------------------

    def _anything(self) -> str:
        """An accept-anything schema: any JSON value (so never a missing required key), its
        text under the contract-wide rule."""
        self.helpers.add("isStorableTree")
        error = js_string(f"expected a JSON value without {formats.UNSTORABLE_TEXT}")
        return (
            "z.unknown().refine((value) => value !== undefined && isStorableTree(value), "
            f"{{ error: {error} }})"
        )

    def _literal(self, node: Schema) -> str:
        """A set of JSON values (codegen/literals.py): `z.literal` when they are all strings
        (=== is JSON equality there), else membership under JSON equality (1 == 1.0, -0 == 0,
        objects by key), which `z.literal`'s identity cannot give."""
        values = surviving_values(node)
        if values and all(isinstance(v, str) for v in values):
            return f"z.literal([{', '.join(js_string(v) for v in values)}])"
        self.helpers.add("isOneOf")
        listed = js_value(values)
        return (
            f"z.unknown().refine((value) => isOneOf(value, {listed}), "
            f"{{ error: {js_string('expected one of ' + json.dumps(values))} }})"
        )

    def _string(self, node: Schema, pointer: str, ind: str, direct: bool) -> tuple[str, bool]:
        if "enum" in node:
            return self._enum(node, pointer)
        parts = ["z.string()"]
        if "minLength" in node:
            parts.append(f".min({int(node['minLength'])})")
        if "maxLength" in node:
            parts.append(f".max({int(node['maxLength'])})")
        if "pattern" in node:
            parts.append(f'.regex(new RegExp({js_string(node["pattern"])}, "u"))')
        if node.get("format") in FORMAT_CHECKS:
            fmt = node["format"]
            check, error = FORMAT_CHECKS[fmt], js_string(FORMAT_ERRORS[fmt])
            self.helpers.add(check)
            parts.append(f".refine({check}, {{ error: {error} }})")
        elif "format" in node:
            fmt = node["format"]
            if fmt not in formats.PATTERN_FORMATS:
                raise self.fail(pointer_join(pointer, "format"), f"format {fmt!r} has no rule")
            self.helpers.add("matchesFormat")
            parts.append(
                f".refine((s) => matchesFormat({js_string(fmt)}, s), "
                f"{{ error: {js_string(f'expected a valid {fmt}')} }})"
            )
        self.helpers.add("isStorableText")
        error = js_string(f"expected no {formats.UNSTORABLE_TEXT}")
        parts.append(f".refine(isStorableText, {{ error: {error} }})")
        return "".join(parts), True

    def _enum(self, node: Schema, pointer: str) -> tuple[str, bool]:
        values = node["enum"]
        if not isinstance(values, list) or not all(v is None or isinstance(v, str) for v in values):
            raise self.fail(pointer_join(pointer, "enum"), "only enums of strings are translated")
        kept = [v for v in enum_survivors(node) if v is not None]
        expr = f"z.enum([{', '.join(js_string(v) for v in kept)}])" if kept else "z.never()"
        return expr, None in values

    def _number(self, node: Schema, pointer: str, ind: str, direct: bool) -> tuple[str, bool]:
        base, _ = node_types(node)
        parts = ["z.number()"]
        if base == "integer":
            low = node.get("minimum", node.get("exclusiveMinimum"))
            high = node.get("maximum", node.get("exclusiveMaximum"))
            safe = (
                isinstance(low, int | float)
                and isinstance(high, int | float)
                and low >= -formats.MAX_SAFE_INTEGER
                and high <= formats.MAX_SAFE_INTEGER
            )
            # .int() also refuses integers beyond ±(2^53 - 1): exact only inside such bounds.
            parts.append(
                ".int()"
                if safe
                else '.refine((n) => Number.isInteger(n), { error: "expected an integer" })'
            )
        for key, method in (
            ("minimum", "gte"),
            ("exclusiveMinimum", "gt"),
            ("maximum", "lte"),
            ("exclusiveMaximum", "lt"),
        ):
            if key in node:
                parts.append(f".{method}({js_number(node[key])})")
        if "multipleOf" in node:
            divisor = js_number(node["multipleOf"])
            self.helpers.add("isMultipleOf")
            parts.append(
                f".refine((n) => isMultipleOf(n, {js_string(divisor)}), "
                f"{{ error: {js_string(f'expected a multiple of {divisor}')} }})"
            )
        return "".join(parts), True

    # -- containers ------------------------------------------------------------------------

    def _array(self, node: Schema, pointer: str, ind: str, direct: bool) -> tuple[str, bool]:
        if "items" in node:
            item = self.node(node["items"], pointer_join(pointer, "items"), ind, direct=direct)
        else:
            item = self._anything()
        parts = [f"z.array({item})"]
        if "minItems" in node:
            parts.append(f".min({int(node['minItems'])})")
        if "maxItems" in node:
            parts.append(f".max({int(node['maxItems'])})")
        return "".join(parts), True

    def _object(self, node: Schema, pointer: str, ind: str, direct: bool) -> tuple[str, bool]:
        props: dict[str, Any] = node.get("properties", {})
        required: list[str] = list(node.get("required", []))
        closed = node.get("additionalProperties", True) is False
        if "additionalProperties" in node and not closed:
            raise self.fail(pointer, "additionalProperties is translated only as false or absent")
        min_props = int(node.get("minProperties", 0))
        own_only = [k for k in props if k in JS_PROTOTYPE_NAMES]
        undeclared = [k for k in required if k not in props]
        has_defaults = any(
            k not in required and isinstance(s, dict) and "default" in s for k, s in props.items()
        )
        # An open object (or one Zod opens: a response) passes undeclared keys on unchecked:
        # the text rule still applies to them, on the input.
        opened = not closed or self.lenient
        needs_input = bool(
            own_only or undeclared or opened or (min_props and (not closed or has_defaults))
        )

        inner = ind + ("    " if needs_input else "  ")
        shape_ind = ind + ("  " if needs_input else "")
        lines: list[str] = []
        for key, sub in props.items():
            if key in own_only:
                continue
            where = pointer_join(pointer, "properties", key)
            lines.extend(self._property(key, sub, key in required, where, inner, direct))
        shape = "{}" if not lines else "{\n" + "\n".join(lines) + f"\n{shape_ind}}}"
        if closed and self.lenient:
            kind = "z.object"  # unknown keys dropped: a response may grow fields
        else:
            kind = "z.strictObject" if closed and not own_only else "z.looseObject"
        expr = f"{kind}({shape})"
        if not needs_input:
            if min_props:
                noun = "property" if min_props == 1 else "properties"
                expr += (
                    f".refine((value) => Object.keys(value).length >= {min_props}, "
                    f"{{ error: {js_string(f'expected at least {min_props} {noun}')} }})"
                )
            return expr, True

        self.helpers.add("withInputRules")
        rules: list[str] = []
        if min_props:
            rules.append(f"minProperties: {min_props}")
        presence = [k for k in required if k not in props or k in own_only]
        if presence:
            rules.append(f"required: [{', '.join(js_string(k) for k in presence)}]")
        if own_only:
            entries = []
            for k in own_only:
                where = pointer_join(pointer, "properties", k)
                entries.append(f"[{js_string(k)}, {self.node(props[k], where, ind, direct=False)}]")
            rules.append(f"properties: [{', '.join(entries)}]")
            if closed and not self.lenient:
                rules.append(f"closed: [{', '.join(js_string(k) for k in props)}]")
        if opened:
            rules.append(f"open: [{', '.join(js_string(k) for k in props)}]")
        return (
            f"withInputRules(\n{ind}  {{ {', '.join(rules)} }},\n{ind}  {expr},\n{ind})",
            True,
        )

    def _property(
        self, key: str, sub: Any, required: bool, pointer: str, ind: str, direct: bool
    ) -> Iterator[str]:
        doc = _doc(sub) if isinstance(sub, dict) else ""
        if doc:
            yield f"{ind}/** {doc} */"
        getter = not direct and bool(references(sub) - self.declared)
        expr = self.node(sub, pointer, ind + ("  " if getter else ""), direct=direct or getter)
        if not required:
            if isinstance(sub, dict) and "default" in sub:
                expr += f".default({js_value(sub['default'])})"
            else:
                expr += ".optional()"
        if getter:
            yield f"{ind}get {js_string(key)}() {{"
            yield f"{ind}  return {expr};"
            yield f"{ind}}},"
        else:
            yield f"{ind}{js_string(key)}: {expr},"


_IDENTIFIER = re.compile(r"^[A-Z][A-Za-z0-9_]*$")
# Names the package exports besides the schemas (rules.ts, client.ts).
_TAKEN = frozenset(
    {
        "z",
        *FORMAT_CHECKS.values(),
        "isMultipleOf",
        "isStorableText",
        "isStorableTree",
        "isOneOf",
        "isUniqueJson",
        "matchesFormat",
        "jsonEqual",
        "withInputRules",
        "withChecks",
        "Check",
        "InputRules",
        "EMAIL_MAX_LOCAL",
        "EMAIL_MAX_TOTAL",
        "ApiError",
        "ApiClient",
        "ClientOptions",
        "TokenProvider",
        "FetchLike",
        "FetchResponse",
        "FetchInit",
        "createClient",
    }
)


def check_names(defs: dict[str, Schema]) -> None:
    """Every def name becomes an exported const: a capitalised identifier, no helper's name."""
    exported = [export_name(n) for n in defs]
    for name in defs:
        if (
            not _IDENTIFIER.match(name)
            or export_name(name) in _TAKEN
            or exported.count(export_name(name)) > 1
        ):
            raise ContractError(
                "zod emitter",
                pointer_join("", "$defs", name),
                "a schema name must be a capitalised JavaScript identifier",
            )
