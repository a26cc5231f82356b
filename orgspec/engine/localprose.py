"""Which prose fields of an entity as written (`engine.summary.PROSE`: name, description,
mission, title) each entity-local rule reads, in its logic, messages or hints.

A prose edit of one file that changes none of the fields the run's entity-local rules
read leaves their findings as they were, so `engine.warm` answers it without validating
the file (no models, no pydantic). Only the entity's own top-level fields count here: the
texts of its key results, steps, KPIs and inline duties are part of its structure, which
such an edit leaves as it was. A rule not listed reads every prose field, and so does a
declarative one (its message may quote any). A declaration that says too little gives
stale findings: `tests/test_cache.py` edits names, titles and descriptions and compares
with a run without the cache, and checks that such a declaration is caught.
"""

from __future__ import annotations

from orgspec.engine.summary import PROSE

NONE: frozenset[str] = frozenset()
NAME = frozenset(("name",))

# code -> the prose fields it reads (kept beside the checks' modules, which other work
# edits, rather than in their decorators)
READS: dict[str, frozenset[str]] = {
    "HI003": NONE, "HI005": NONE,  # a team's parent, its lead
    "SC004": NAME,  # every entity's name
    "SC005": frozenset(("name", "title")),  # names and titles (its parts' are structure)
    "RF004": NONE,  # the lists of ids
    "PR001": NONE, "PR006": NONE, "PR007": NONE, "PR009": NONE,  # steps (structure), owner
    "MT001": NONE, "MT006": NONE,  # owner; time zone and cadence
    "MT002": NAME,  # the cadence hint's example follows the meeting's name
    "RO004": NONE,  # KPIs (structure)
    # key results (structure), the objective's period, owner and dates
    "OK001": NONE, "OK002": NONE, "OK003": NONE, "OK004": NONE, "OK005": NONE,
    "OK006": NONE, "OK007": NONE, "OK008": NONE, "OK009": NONE, "OK010": NONE,
    "OK011": NONE, "OK016": NONE, "OK017": NONE,
}


def prose_read(codes: list[str], declarative: set[str]) -> frozenset[str]:
    """The prose fields the entity-local `codes` read (`declarative`: those of them that
    are declarative rules, which read all)."""
    out: set[str] = set()
    for code in codes:
        out |= PROSE if code in declarative else READS.get(code, PROSE)
    return frozenset(out)
