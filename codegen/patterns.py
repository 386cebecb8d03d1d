"""Every contract pattern compiled by Python and by JavaScript (`u` mode), and read alike.

The lint's portable grammar (`codegen.lint.pattern_problem`) keeps patterns to what the
engines should read the same way; this module checks that they do. Python compiles the
pattern as the rules module reads it (`python_pattern`), Node compiles it exactly as the Zod
package does (`new RegExp(p, "u")`), and both match it against probe strings made from the
pattern's own characters: a pattern either engine refuses, or one they match differently, is a
lint problem. Node starts once per batch (`prime`), and verdicts are cached per pattern.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterable
from typing import Any

from codegen.runtime import rules_module_name

NODE = os.environ.get("NODE", "node")
FIXED_PROBES = ("", "\n", "a", "A", "0", "]", "[", "-", "\\", "é", "😀", "a\n", " ")
# Reads stdin: [[pattern, [probe, ...]], ...]; answers, per pattern, an error text or the
# list of probe verdicts.
_SCRIPT = r"""
let input = "";
process.stdin.on("data", (d) => (input += d));
process.stdin.on("end", () => {
  const out = JSON.parse(input).map(([pattern, probes]) => {
    let re;
    try {
      re = new RegExp(pattern, "u");
    } catch (err) {
      return String(err && err.message ? err.message : err);
    }
    return probes.map((p) => re.test(p));
  });
  process.stdout.write(JSON.stringify(out));
});
"""
_cache: dict[str, str | None] = {}


def probes(pattern: str) -> list[str]:
    chars = list(dict.fromkeys(pattern))
    pairs = [pattern[i : i + 2] for i in range(len(pattern) - 1)]
    literal = re.sub(r"[\\^$]", "", pattern)
    return list(dict.fromkeys([*FIXED_PROBES, *chars, *pairs, literal, literal * 2]))


def _python(pattern: str, strings: list[str]) -> list[bool] | str:
    rules: Any = sys.modules[rules_module_name()]
    try:
        compiled = re.compile(rules.python_pattern(pattern))
    except re.error as exc:
        return f"Python cannot compile it: {exc}"
    return [compiled.search(s) is not None for s in strings]


def prime(patterns: Iterable[str]) -> None:
    """Judge every pattern not judged yet, with one Node process for all of them."""
    todo = [p for p in dict.fromkeys(patterns) if p not in _cache]
    if not todo:
        return
    batch = [(p, probes(p)) for p in todo]
    result = subprocess.run(
        [NODE, "-e", _SCRIPT],
        input=json.dumps([list(item) for item in batch], ensure_ascii=True),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    for (pattern, strings), js in zip(batch, json.loads(result.stdout), strict=True):
        _cache[pattern] = _compare(pattern, strings, js)


def _compare(pattern: str, strings: list[str], js: list[bool] | str) -> str | None:
    py = _python(pattern, strings)
    if isinstance(py, str):
        return py
    if isinstance(js, str):
        return f"JavaScript (u mode) cannot compile it: {js}"
    for s, a, b in zip(strings, py, js, strict=True):
        if a != b:
            return (
                f"Python and JavaScript read it differently: {s!r} "
                f"{'matches' if a else 'does not match'} in Python, "
                f"{'matches' if b else 'does not match'} in JavaScript"
            )
    return None


def patterns_in(node: Any) -> Iterable[str]:
    """Every `pattern` keyword's text anywhere under a JSON tree (to `prime` them at once)."""
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "pattern" and isinstance(v, str):
                yield v
            elif k == "patternProperties" and isinstance(v, dict):
                yield from v  # its keys are patterns too
                yield from patterns_in(list(v.values()))
            elif k not in ("enum", "const", "default", "examples"):
                yield from patterns_in(v)
    elif isinstance(node, list):
        for item in node:
            yield from patterns_in(item)


def engine_problem(pattern: str) -> str | None:
    """Why the engines refuse or disagree on `pattern`, or None (Node runs if not primed)."""
    prime([pattern])
    return _cache[pattern]
