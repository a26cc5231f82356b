"""One mistake, one finding: a key result written as an activity with no target value
(`上线会员体系2.0版本`, `Launch checkout 2.0`) is OK003's finding alone.

OK003 (not measurable, an error) and OK005 (an activity, a warning) both report such a
key result, at its title; rewriting it as an outcome (月活跃用户数从120万增长到132万)
fixes both. OK003 is kept, so that the run's exit status and CI gates stay as they are,
and says why in its hint, naming the activity; OK005 is held back. Only when OK003 is
reported there: turned off (`select`, `ignore`, severity `off`, `--select`), ignored for
the file, suppressed inline or held back behind a dropped value, it leaves OK005 as it
was. A baseline hides the OK003 but does not bring the OK005 back (it is no finding of
the run, so neither hidden nor counted in team health); a baseline written holds both
(`ci.baseline.dumps`), so that the OK005 stays known once the key result has a target value
but is still an activity (OK003 silent), which keeps its OK005.

Light on purpose: the warm path (`engine.warm`) pairs the changed file's findings with
it in a process that has not imported the models.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from orgspec.findings import Finding
from orgspec.i18n import M

UNMEASURABLE = "OK003"
ACTIVITY = "OK005"

Place = tuple[str, int, int, str]


def _place(f: Finding) -> Place:
    return f.location.file, f.location.line, f.location.col, f.entity


def activity_hint(verb: object, text: object = "", example: object = None) -> M:
    """OK003's hint at a key result whose OK005 is held back behind it: the activity
    verb, and the change to write instead, with `example` (the one OK003's own hint gave),
    else one on the subject of `text` (the key result as the finding quotes it)."""
    from orgspec.text.krexample import example_for

    return M("{verb!r} is an activity: say what changes when it is done, and by how much, "
             "e.g. {example}", verb=verb,
             example=example if isinstance(example, M) else example_for(str(text)))


def activity_behind(findings: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    """`findings` without each OK005 at the key result (place and entity) of an OK003
    among them, that OK003's hint naming the OK005's verb (`activity_hint`); and the
    OK005s held back, as they were. One pass over `findings`, one more when any is held."""
    unmeasurable = {_place(f) for f in findings if f.code == UNMEASURABLE}
    if not unmeasurable:
        return findings, []
    held = [f for f in findings if f.code == ACTIVITY and _place(f) in unmeasurable]
    if not held:
        return findings, []
    verbs = {_place(f): getattr(f.message, "values", {}).get("verb") for f in held}
    kept = []
    for f in findings:
        place = _place(f) if f.code in (UNMEASURABLE, ACTIVITY) else None
        if place is None or place not in verbs:
            kept.append(f)
        elif f.code == UNMEASURABLE:
            verb = verbs[place]
            kr = getattr(f.message, "values", {}).get("kr", "")
            # the example OK003 gave, due in its objective's period (`okrs.example_due`)
            example = getattr(f.hint, "values", {}).get("example")
            kept.append(f if verb is None else
                        replace(f, hint=activity_hint(verb, kr, example)))
    return kept, held


def behind(findings: Iterable[Finding], held: Iterable[Finding]) -> dict[str, Finding]:
    """The fingerprint of each OK003 among `findings` -> the OK005 of `held` held back
    behind it (both fingerprinted)."""
    at = {_place(f): f.fingerprint for f in findings if f.code == UNMEASURABLE}
    return {at[_place(h)]: h for h in held if _place(h) in at}
