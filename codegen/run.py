"""generate() -> {path: text}; write it, or check it against the working tree.

Every emitter is a pure function of the ContractSet, so two runs are byte-identical and
`check` can say exactly which files are stale, missing or orphaned.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from codegen.emit import openapi, python, tables, zod
from codegen.load import load
from codegen.model import ContractSet

Emitter = Callable[[ContractSet], dict[str, str]]
EMITTERS: tuple[Emitter, ...] = (python.emit, tables.emit, zod.emit, openapi.emit)
# Folders codegen owns entirely: any file in them that no emitter wrote is an orphan.
OWNED = ("generated",)
# dist: the Zod package built by `npm run build` (prepack); gitignored, never compared.
IGNORED_PARTS = frozenset({"node_modules", "__pycache__", ".pytest_cache", "dist"})


def generate(root: Path) -> dict[str, str]:
    contracts = load(root / "contracts")
    out: dict[str, str] = {}
    for emitter in EMITTERS:
        for path, text in emitter(contracts).items():
            if path in out:
                raise RuntimeError(f"two emitters write {path}")
            out[path] = text
    return dict(sorted(out.items()))


def write(root: Path, files: dict[str, str]) -> list[str]:
    changed = []
    for rel, text in files.items():
        path = root / rel
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(rel)
    for rel in orphans(root, files):
        (root / rel).unlink()
        changed.append(f"{rel} (removed)")
    return changed


@dataclass(frozen=True)
class Drift:
    stale: list[str]
    missing: list[str]
    orphaned: list[str]

    def __bool__(self) -> bool:
        return bool(self.stale or self.missing or self.orphaned)


def check(root: Path, files: dict[str, str]) -> Drift:
    stale, missing = [], []
    for rel, text in files.items():
        path = root / rel
        if not path.exists():
            missing.append(rel)
        elif path.read_text(encoding="utf-8") != text:
            stale.append(rel)
    return Drift(stale, missing, orphans(root, files))


def orphans(root: Path, files: dict[str, str]) -> list[str]:
    found = []
    for owned in OWNED:
        base = root / owned
        if not base.exists():
            continue
        for path in sorted(base.rglob("*")):
            rel = path.relative_to(root).as_posix()
            if path.is_file() and not IGNORED_PARTS & set(path.parts) and rel not in files:
                found.append(rel)
    return found
