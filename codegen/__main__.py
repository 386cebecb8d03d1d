"""python -m codegen generate | check  (entry point: crm-codegen)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from codegen.errors import ContractError, ContractErrors
from codegen.run import check, generate, write


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="crm-codegen", description=__doc__)
    parser.add_argument("command", choices=["generate", "check"])
    parser.add_argument(
        "--root",
        type=Path,
        default=Path.cwd(),
        help="the project root holding contracts/ (default: the current directory)",
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        files = generate(args.root)
    except (ContractError, ContractErrors) as exc:
        print(f"contract errors:\n{exc}", file=sys.stderr)
        return 2
    elapsed = time.perf_counter() - started
    if args.command == "generate":
        changed = write(args.root, files)
        for rel in changed:
            print(f"wrote {rel}")
        print(f"{len(files)} files, {len(changed)} changed, {elapsed:.2f}s")
        return 0
    drift = check(args.root, files)
    if drift:
        for label, paths in (
            ("stale", drift.stale),
            ("missing", drift.missing),
            ("orphaned", drift.orphaned),
        ):
            for rel in paths:
                print(f"{label}: {rel}", file=sys.stderr)
        print(
            "generated files differ from contracts/: run python -m codegen generate",
            file=sys.stderr,
        )
        return 1
    print(f"{len(files)} generated files are fresh ({elapsed:.2f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
