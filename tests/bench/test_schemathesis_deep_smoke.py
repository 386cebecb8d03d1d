"""Smoke test of the deep profile's bookkeeping (bench/schemathesis_deep.py).

The profile itself runs for many minutes (it is not part of the suite; the quick profile,
tests/api/test_schemathesis.py, runs the same harness); here its figures are checked on a
server log and a CLI output written by hand: the requests per operation and the failures.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from tests.support import schemathesis_run as st


def test_requests_per_operation_come_from_the_access_log(tmp_path: Path) -> None:
    lines = [
        {"logger": "crm.access", "operation_id": "handlers.leads.list_leads", "status": 200},
        {"logger": "crm.access", "operation_id": "handlers.leads.list_leads", "status": 400},
        {"logger": "crm.access", "operation_id": "handlers.leads.list_leads", "status": 200},
        {"logger": "crm.access", "operation_id": None, "method": "GET", "status": 404},
        {"logger": "crm.db", "operation_id": "handlers.leads.list_leads", "status": 500},
    ]
    text = "\n".join(json.dumps(x, separators=(",", ":")) for x in lines) + "\nnot json\n"
    (tmp_path / "stderr.txt").write_text(text)
    assert st.requests_per_operation(tmp_path) == {
        "(no route) GET": Counter({404: 1}),
        "handlers.leads.list_leads": Counter({200: 2, 400: 1}),
    }


def test_failures_are_read_from_the_cli_output() -> None:
    output = (
        "preamble\n"
        "____________________ GET /leads ____________________\n"
        "1. Test Case ID: abc\n\n"
        "- ST202 Schema-valid request rejected\n\n"
        "[400] Bad Request:\n\n"
        '    `{"error":"no"}`\n\n'
        "==================== SUMMARY ====================\n"
    )
    assert st.failures(output) == ['ST202 Schema-valid request rejected :: {"error":"no"}']
    stateful = output.replace("_ GET /leads _", "_ Stateful tests _")
    assert st.failures(stateful) == st.failures(output)
    assert st.failures("nothing failed\n") == []
