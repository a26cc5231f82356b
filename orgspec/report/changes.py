"""Which lines of an org diff (`ci.diff`'s `OrgDiff.changes`) are findings introduced or
fixed, not changes to the org itself: the chat message lists only the latter (its findings
are listed apart)."""

from __future__ import annotations

# the templates of `ci.diff._finding_changes`' lines
FINDING_CHANGES = ("{kind} introduced: {message}", "{kind} fixed: {message}",
                   "fixed: {code} {message}")


def is_finding_change(change: str) -> bool:
    """Whether a line of `OrgDiff.changes` is a finding introduced or fixed (`新出现的重叠`),
    not a change to the org itself."""
    return getattr(change, "template", None) in FINDING_CHANGES
