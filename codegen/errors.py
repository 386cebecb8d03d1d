"""The one error codegen raises: a contract problem, located by file and JSON pointer."""

from __future__ import annotations


class ContractError(Exception):
    """A contract the generators cannot translate faithfully."""

    def __init__(self, file: str, pointer: str, message: str) -> None:
        self.file = file
        self.pointer = pointer or "/"
        self.message = message
        super().__init__(f"{file}#{self.pointer}: {message}")


class ContractErrors(Exception):
    """Every problem found in one pass, so a contract author sees them all at once."""

    def __init__(self, errors: list[ContractError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


def pointer_join(base: str, *parts: str | int) -> str:
    """Append JSON-pointer tokens, escaping '~' and '/' (RFC 6901)."""
    out = base
    for part in parts:
        token = str(part).replace("~", "~0").replace("/", "~1")
        out = f"{out}/{token}"
    return out
