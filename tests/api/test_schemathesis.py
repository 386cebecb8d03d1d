"""Issue 10: Schemathesis in the suite (the quick profile), every check and every phase.

The server is `crm serve` on a loopback port over a migrated SQLite file with two tenants;
their admins are Web Fuzzing Commons peers, so `object_level_authorization` replays one
tenant's reads as the other, and `ignored_auth` has a real token to remove. The deep profile
(many more examples, PostgreSQL too) is `bench/schemathesis_deep.py`.
"""

from __future__ import annotations

from pathlib import Path

from tests.support import schemathesis_run as st

QUICK = st.Profile(max_examples=3)
# No finding is allowed: every one is fixed in the code or the contracts (issue 10), each with
# a regression test beside the behaviour it concerns (the cursor, the parent count, references).


def test_schemathesis_quick_profile(tmp_path: Path) -> None:
    url = st.sqlite_url(tmp_path)
    st.prepare(url)
    outcome = st.run(tmp_path, url, QUICK)
    print(outcome.summary())
    assert outcome.operations > 0, outcome.output[-3000:]
    found = st.failures(outcome.output)
    assert not found, "\n".join(found) + "\n" + outcome.output[-3000:]
    assert outcome.failures == 0, outcome.output[-3000:]
    assert outcome.returncode == 0, outcome.output[-3000:]
    for phase in ("Examples", "Coverage", "Fuzzing", "Stateful"):
        assert f"✅ {phase}" in outcome.output, outcome.output[-3000:]  # ran, not errored
