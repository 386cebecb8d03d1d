"""Successful answers, as ready Starlette responses (docs/architecture.md "The hot path", item 3).

Connexion passes a `Response` through untouched; a dict or a `(body, status)` tuple would be
serialised again by its own JSON layer. orjson writes UUIDs and datetimes directly (UTC as
`Z`), so rows from `crm.db` go out as they come.

Shapes (seed "API Response Standards"): one record `{"data": ...}`, a list page
`{"items", "limit", "offset", "total"?, "next_cursor"?}`, a bulk count `{"data": {"affected"}}`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from datetime import date, datetime, time
from typing import Any
from uuid import UUID

import orjson
from starlette.responses import Response, StreamingResponse

from crm.listing import ListRequest
from crm.scope import Page

JSON = "application/json"
CSV = "text/csv"
_OPTIONS = orjson.OPT_UTC_Z
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def json(payload: Any, status: int = 200) -> Response:
    return Response(orjson.dumps(payload, option=_OPTIONS), status_code=status, media_type=JSON)


def record(row: Mapping[str, Any], status: int = 200) -> Response:
    return json({"data": row}, status)


def page(result: Page, request: ListRequest) -> Response:
    body: dict[str, Any] = {"items": result.items, "limit": request.limit, "offset": request.offset}
    if result.total is not None:
        body["total"] = result.total
    if result.next_cursor is not None:
        body["next_cursor"] = result.next_cursor
    return json(body)


def no_content() -> Response:
    return Response(status_code=204)


def wants_csv(accept: str | None) -> bool:
    """True when the client prefers text/csv over JSON (Accept: text/csv)."""
    if not accept:
        return False
    best = max(
        ((_quality(part), part.split(";")[0].strip().lower()) for part in accept.split(",")),
        default=(0.0, ""),
    )
    return best[1] == CSV


def _quality(part: str) -> float:
    for param in part.split(";")[1:]:
        name, _, value = param.strip().partition("=")
        if name == "q":
            try:
                return float(value)
            except ValueError:
                return 0.0
    return 1.0


def csv_rows(rows: Iterable[Mapping[str, Any]], fields: Sequence[str], filename: str) -> Response:
    """A header row of the contract's field names, then one row per record."""
    return Response(
        _csv_text([fields], [], fields) + _csv_text([], rows, fields),
        media_type=CSV,
        headers=_attachment(filename),
    )


def csv_stream(
    batches: AsyncIterator[Sequence[Mapping[str, Any]]], fields: Sequence[str], filename: str
) -> Response:
    """csv_rows, written batch by batch as the batches arrive (a list's export)."""

    async def chunks() -> AsyncIterator[str]:
        yield _csv_text([fields], [], fields)
        async for batch in batches:
            yield _csv_text([], batch, fields)

    return StreamingResponse(chunks(), media_type=CSV, headers=_attachment(filename))


def _attachment(filename: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{filename}.csv"'}


def _csv_text(
    header: Iterable[Sequence[str]], rows: Iterable[Mapping[str, Any]], fields: Sequence[str]
) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerows(header)
    for row in rows:
        writer.writerow(["" if row[f] is None else _csv_value(row[f]) for f in fields])
    return out.getvalue()


def _csv_value(value: Any) -> str:
    if isinstance(value, datetime | date | time | UUID):
        # The JSON answer's text for the same value (orjson: UTC as `Z`), without its quotes.
        text = orjson.dumps(value, option=_OPTIONS).decode()[1:-1]
    else:
        text = str(value)
    # A cell starting with = + - @, or with a tab or carriage return (which spreadsheets skip
    # before reading the rest as a formula), is run as a formula (CSV injection, OWASP).
    return "'" + text if text[:1] in FORMULA_STARTS else text
