"""What follows from an id renamed since git `HEAD` without `aliases` (`ci.headlooks`) is
held back behind the RF001 of the old id, in a plain `check` as `check --diff HEAD` holds
it (`ci.diff._hold_behind_renames`): `technology` (was `tech`) holds no duty while the
duties name `tech` (OW006), which `aliases: [tech]` fixes with the RF001s. One mistake, one
finding (trial 31).

Reads the org again (`org_of`), only when such a rename is found.
"""

from __future__ import annotations

from collections.abc import Callable

from orgspec.engine.anchors import Anchors
from orgspec.engine.holdback import Held, held_behind, held_hint
from orgspec.findings import LintResult, replaced
from orgspec.i18n import said_from
from orgspec.model.org import Org

UNKNOWN = "RF001"


def hold_behind_renames(result: LintResult, known: dict[str, dict[str, str]],
                        org_of: Callable[[], Org | None]) -> None:
    """Hold back the findings of `result` that follow from the unknown references `known`
    explains (kind -> former id -> the id it was renamed to), each behind the RF001 shown
    at its reference or listing it as related, whose hint names them; `result.findings`,
    `held` and `causes` replaced when one is held. The org unreadable: nothing changes."""
    try:
        org = org_of()
    except Exception:  # the hints stand as they are
        return
    if org is None:
        return
    reads = {c: m.reads for c, m in result.rules.items()}
    absence = {c: m.absence for c, m in result.rules.items() if m.absence}
    kept, behind = held_behind(result.findings, org, reads, Anchors(org), absence,
                               known=known)
    kept_ids = {id(f) for f in kept}
    places: dict[tuple[str, int, int], int] = {}  # where a reference is -> its RF001
    for i, f in enumerate(result.findings):
        if f.code == UNKNOWN:
            for loc in (f.location, *(r.location for r in f.related)):
                places.setdefault((loc.file, loc.line, loc.col), i)
    out = list(result.findings)
    held: dict[int, list[Held]] = {}
    gone: set[int] = set()
    for place, items in behind.items():
        cause = places.get(place)
        if cause is None:
            continue
        for h in items:
            f = h.finding
            if f.code != UNKNOWN and id(f) not in kept_ids and id(f) not in gone:
                held.setdefault(cause, []).append(h)
                gone.add(id(f))
    if not held:
        return
    lang = result.lang or "en"
    for cause, items in held.items():
        out[cause] = replaced(out[cause], hint=said_from(held_hint(out[cause].hint, items),
                                                         lang))
    result.held = result.held | {f.fingerprint for f in result.findings if id(f) in gone}
    result.causes = result.causes | {out[c].fingerprint for c in held}
    result.findings = [f for f in out if id(f) not in gone]
