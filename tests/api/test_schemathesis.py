"""Issue 10: Schemathesis in the suite (the quick profile), every check and every phase.

The server is `crm serve` on a loopback port over a migrated SQLite file with two tenants;
their admins are Web Fuzzing Commons peers, so `object_level_authorization` replays one
tenant's reads as the other, and `ignored_auth` has a real token to remove. The deep profile
(many more examples, PostgreSQL too) is `bench/schemathesis_deep.py`.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.support import schemathesis_run as st

QUICK = st.Profile(max_examples=3)

# Open findings, each named here until it is fixed; the test fails on any other. All three are
# ST202 (positive_data_acceptance): a schema-valid request the server refuses with 400 because
# of a rule the contract cannot state yet (issue 10, report):
OPEN = re.compile(
    r"ST202 Schema-valid request rejected :: \{\"error\":\"("
    # a `cursor` the server never issued: the contract says only "a string"
    r"The cursor is not valid for this list"
    # x-parent-count (at most / exactly one parent) is not yet a JSON Schema rule of the bodies
    r"|\w+ belong to (at most|exactly) one of "
    # a body naming a record (a parent, an assignee) that does not exist or that the caller
    # cannot see: a schema-valid uuid, refused with 400 by design (docs/architecture.md)
    r"|These fields refer to records that do not exist or that you cannot use here"
    r"|The assignee must be an active user of your organisation"
    r")"
)


def test_schemathesis_quick_profile(tmp_path: Path) -> None:
    url = st.sqlite_url(tmp_path)
    st.prepare(url)
    outcome = st.run(tmp_path, url, QUICK)
    print(outcome.summary())
    assert outcome.operations > 0, outcome.output[-3000:]
    found = st.failures(outcome.output)
    unexpected = [f for f in found if not OPEN.match(f)]
    assert not unexpected, "\n".join(unexpected) + "\n" + outcome.output[-3000:]
    for phase in ("Examples", "Coverage", "Fuzzing", "Stateful"):
        assert phase in outcome.output
