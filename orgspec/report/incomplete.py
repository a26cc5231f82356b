"""What a run whose files did not all load says of itself, in every output: the summary
line, the reports and the chat message."""

from __future__ import annotations

from orgspec.findings import LintResult
from orgspec.i18n import M, P


def incomplete_note(result: LintResult) -> M | P | None:
    """`1 file could not be loaded, so cross-file checks are incomplete.`, and how many
    findings wait for it to load, when some files failed to load and others loaded: the
    summary line says it, and so do the reports and the chat message (trial 36: they gave
    the counts as if the whole org had been checked); None otherwise."""
    failed = len(result.failed_files)
    if not failed or len(result.files) <= failed:
        return None
    note: M | P = P("{n} file could not be loaded, so cross-file checks are incomplete.",
                    "{n} files could not be loaded, so cross-file checks are incomplete.",
                    n=failed)
    if result.waiting:
        note = M("{summary} {waiting}", summary=note, waiting=_waiting(result, failed))
    return note


def _waiting(result: LintResult, failed: int) -> P:
    """How many findings, of which rules, were held back only because files failed to
    load (`LintResult.waiting`): they show once the files load."""
    n, rules = sum(result.waiting.values()), list(result.waiting)
    if failed == 1:
        return P("{n} finding is held back until it loads ({rules}).",
                 "{n} findings are held back until it loads ({rules}).", n=n, rules=rules)
    return P("{n} finding is held back until they load ({rules}).",
             "{n} findings are held back until they load ({rules}).", n=n, rules=rules)
