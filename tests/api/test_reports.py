"""/api/reports/*: every report answers its contract; who may ask what; bad parameters; CSV.

The figures themselves are checked against an independent computation over random data in
tests/reports/test_report_figures.py; here, the HTTP surface (response validation is on in
the test environment, so each 200 below also matched the report's contract).
"""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from crm import reports
from generated.python.resources import REPORTS
from tests.api.conftest import Api, assert_error

pytestmark = pytest.mark.anyio

PATHS = {name: f"/api{info.path}" for name, info in REPORTS.items()}
USER_REPORTS = [n for n, info in REPORTS.items() if not info.admin_only]
ADMIN_REPORTS = [n for n, info in REPORTS.items() if info.admin_only]


async def get(api: Api, who: str, name: str, **params: Any) -> Any:
    return await api.client.get(PATHS[name], params=params, headers=await api.login(who))


async def some_data(api: Api) -> None:
    client = await api.create("alice", "/api/clients", {"name": 'Acme, "Quoted"\nLtd'})
    await api.create("alice", "/api/leads", {"name": "Lead one", "source": "Referral"})
    await api.create("bob", "/api/leads", {"name": "Lead two"})
    await api.create(
        "alice",
        "/api/projects",
        {"name": "P", "client_id": client["id"], "value": 1200.5, "status": "active"},
    )
    await api.create(
        "alice",
        "/api/interactions",
        {
            "client_id": client["id"],
            "interaction_type": "call",
            "contact_date": "2020-01-01T10:00:00Z",
            "summary": "=cmd|' /C calc'!A0",
            "follow_up_at": "2020-01-02T10:00:00Z",
            "follow_up_status": "pending",
        },
    )


@pytest.mark.parametrize("name", sorted(REPORTS))
async def test_every_report_answers_its_contract_for_an_admin(api: Api, name: str) -> None:
    await some_data(api)
    response = await get(api, "admin", name)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"


@pytest.mark.parametrize("name", sorted(USER_REPORTS))
async def test_every_user_report_answers_a_user(api: Api, name: str) -> None:
    await some_data(api)
    response = await get(api, "alice", name)
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("name", sorted(ADMIN_REPORTS))
async def test_admin_reports_refuse_users(api: Api, name: str) -> None:
    assert_error(await get(api, "alice", name), 403)


@pytest.mark.parametrize("name", sorted(USER_REPORTS))
async def test_user_id_from_a_user_is_refused(api: Api, name: str) -> None:
    assert_error(await get(api, "alice", name, user_id=str(api.world["bob"].id)), 403)


async def test_reports_need_a_token(api: Api) -> None:
    assert_error(await api.client.get(PATHS["PipelineReport"]), 401)


@pytest.mark.parametrize(
    ("name", "params", "field"),
    [
        ("PipelineReport", {"start_date": "yesterday"}, "start_date"),
        ("PipelineReport", {"end_date": "2024-13-01"}, "end_date"),
        ("LeadSourceReport", {"start_date": "2024-02-30"}, "start_date"),
        ("ConversionRateReport", {"end_date": "2024-01-01T25:00:00"}, "end_date"),
        # outside the contract's grammar (ReportBound): an offset past 23:59, a year no offset
        # keeps representable, a space for the T
        ("PipelineReport", {"start_date": "2024-01-31T09:00+24:00"}, "start_date"),
        ("LeadSourceReport", {"end_date": "9999-12-31"}, "end_date"),
        ("ConversionRateReport", {"start_date": "2024-01-31 09:00"}, "start_date"),
        ("UpcomingTasksReport", {"days_ahead": "0"}, "days_ahead"),
        ("UpcomingTasksReport", {"days_ahead": "366"}, "days_ahead"),
        ("UpcomingTasksReport", {"days_ahead": "soon"}, "days_ahead"),
        ("RevenueByClientReport", {"limit": "0"}, "limit"),
        ("RevenueByClientReport", {"limit": "101"}, "limit"),
        ("FollowUpsReport", {"limit": "ten"}, "limit"),
        ("PipelineReport", {"user_id": "not-a-uuid"}, "user_id"),
    ],
)
async def test_bad_parameters_are_400_naming_the_parameter(
    api: Api, name: str, params: dict[str, str], field: str
) -> None:
    body = assert_error(await get(api, "admin", name, **params), 400)
    assert f"/{field}" in str(body["details"]), body


@pytest.mark.parametrize("name", ["PipelineReport", "LeadSourceReport", "UserActivityReport"])
async def test_a_reversed_date_range_is_an_empty_range(api: Api, name: str) -> None:
    """start_date after end_date covers no instant: the same answer as a range before any
    record (the year 1000), not a 400 (no rule of the spec can relate two parameters)."""
    await some_data(api)
    reversed_range = await get(api, "admin", name, start_date="2024-02-01", end_date="2024-01-31")
    assert reversed_range.status_code == 200, reversed_range.text
    empty = await get(api, "admin", name, start_date="1000-01-01", end_date="1000-01-01")
    everything = await get(api, "admin", name)
    assert reversed_range.json() == empty.json()
    assert everything.json() != empty.json()  # non-vacuous: the data shows without a range


async def test_a_date_range_on_one_day_is_accepted(api: Api) -> None:
    await some_data(api)
    response = await get(
        api, "admin", "PipelineReport", start_date="2024-01-31", end_date="2024-01-31"
    )
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("name", sorted(n for n, info in REPORTS.items() if info.csv))
async def test_every_report_table_is_csv_too(api: Api, name: str) -> None:
    await some_data(api)
    as_json = (await get(api, "admin", name)).json()
    response = await api.client.get(
        PATHS[name], headers={**await api.login("admin"), "Accept": "text/csv"}
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.text)))
    columns = reports.csv_columns(name)
    assert rows[0] == columns
    table = as_json[REPORTS[name].csv]
    assert len(rows) - 1 == len(table)
    for line, row in zip(rows[1:], table, strict=True):
        for column, cell in zip(columns, line, strict=True):
            value = row[column]
            if value is None:
                assert cell == ""
            elif isinstance(value, str):
                assert cell.lstrip("'") == value  # a leading quote neutralises formulas
            else:
                assert cell == str(value) or float(cell) == value
