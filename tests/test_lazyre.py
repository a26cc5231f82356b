"""`text.lazyre.lazy`: a pattern compiled on first use, that then behaves as compiled."""

from __future__ import annotations

import re
import subprocess
import sys

from orgspec.text.lazyre import lazy


def test_a_lazy_pattern_compiles_on_first_use_and_matches_as_compiled() -> None:
    pattern = lazy(r"(\d+)\s*(天|days?)", re.IGNORECASE)
    assert pattern.pattern == r"(\d+)\s*(天|days?)"
    assert "search" not in vars(pattern)  # nothing compiled yet
    assert pattern.search("within 3 DAYS").group(1) == "3"  # type: ignore[union-attr]
    assert "search" in vars(pattern)  # from now on the compiled pattern's own methods
    assert pattern.sub("N", "1天 2 days") == "N N"
    assert [m.group(2) for m in pattern.finditer("5天, 6 day")] == ["天", "day"]
    assert pattern.flags & re.IGNORECASE and pattern.groups == 2


def test_importing_the_text_modules_compiles_none_of_their_lazy_patterns() -> None:
    code = """
import re._compiler as c
seen = []
real = c.compile
c.compile = lambda p, flags=0: seen.append(p) or real(p, flags)
import orgspec.model.schedule, orgspec.text.measurable, orgspec.text.quantity
import orgspec.model.okr, orgspec.checks.processes, orgspec.model.validate, orgspec.clihelp
import orgspec.load.config, orgspec.load.yamlhints, orgspec.text.separators
lazy = [v.pattern for m in (orgspec.model.schedule, orgspec.text.measurable,
                            orgspec.text.quantity, orgspec.model.okr,
                            orgspec.checks.processes, orgspec.model.validate,
                            orgspec.clihelp, orgspec.load.config, orgspec.load.yamlhints,
                            orgspec.text.separators) for v in vars(m).values()
        if type(v).__name__ == "_Lazy"]
print(len(lazy), sum(p in lazy for p in seen))
"""
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    made, compiled = (int(n) for n in run.stdout.split())
    assert made >= 68
    assert compiled == 0
