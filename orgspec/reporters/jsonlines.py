"""One JSON object per finding, one per line (for streaming and grep)."""

from __future__ import annotations

import json

from orgspec.findings import LintResult


def render(result: LintResult) -> str:
    """Each finding's record on its own line."""
    return "".join(json.dumps(f.to_record(), ensure_ascii=False, allow_nan=False) + "\n"
                   for f in result.findings)
