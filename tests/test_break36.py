"""Break36: hostile org files, git states and configs; each test failed before its fix."""

from __future__ import annotations

import time
from pathlib import Path

from orgspec.findings import Finding, Location, Severity


def _team_finding(code: str, team: str) -> Finding:
    return Finding(code, code.lower(), Severity.WARNING, f"{code} on {team}",
                   Location("org.yaml", 1, 1), entity=f"team:{team}")


def test_many_empty_teams_are_said_in_time_linear_in_their_number() -> None:
    """An org of 20,000 empty teams (HI006 and HI005 on each): each HI006 said what else its
    team lacks by testing the union of two 20,000-team sets made anew per finding, so
    `orgspec check` of such a file (800 kB, under every limit) took 65 s, 9 s at 10,000."""
    from orgspec.engine.emptyteam import empty_behind

    n = 20_000
    findings = [_team_finding(c, f"t{i}") for i in range(n) for c in ("HI006", "HI005")]
    start = time.process_time()
    kept, held = empty_behind(findings)
    took = time.process_time() - start
    assert (len(kept), len(held)) == (n, n)
    assert "no lead" in kept[-1].message
    assert took < 2.0, f"{took:.1f} s CPU for {n} empty teams"
