"""`path:line:col: CODE [severity] message` (the severity in the run's language: `[错误]`),
a hint and related lines, and a summary."""

from __future__ import annotations

import shlex
from collections.abc import Mapping

from orgspec.escape import gh_line, tty_text
from orgspec.findings import Finding, LintResult, Severity
from orgspec.i18n import M, P, say, say_change
from orgspec.report.idnames import with_names
from orgspec.report.incomplete import incomplete_note

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}
# the severity tag in the run's language (`[错误]`), as the summary line counts them: the
# text is read by people (programs read JSON, SARIF, GitHub, GitLab or JUnit, whose levels
# stay English), and a tag alone in English was the one English word on a Chinese line
_LEVELS = {Severity.ERROR: M("error"), Severity.WARNING: M("warning"), Severity.INFO: M("info")}
# Related lines shown under a finding; the rest are counted on one line. A near-duplicate
# group of 200 duties is one finding: the other formats list 10 of its members
# (`findings.LISTED_RELATED`), 10 terminal lines; 3, the others' places on one line (the
# same set as the other formats list: RF005's hint sends the reader to each) and a count
# (or a 4th instead of a count of one) keep the text at most 7 lines a finding.
SHOWN_RELATED = 3


def render(result: LintResult, color: bool = False, github_actions: bool = False) -> str:
    """The human report; `color` adds ANSI colour to the severity and the summary. An id a
    message quotes is said with its name (`LintResult.names`), as the reports say it.
    Inside GitHub Actions no line may start or forge a workflow command."""
    lines = []
    lang = result.lang or "en"
    words = say(M("related"), lang), say(M("hint"), lang)
    levels = {level: say(word, lang) for level, word in _LEVELS.items()}
    for f in result.findings:
        lines.extend(_finding_lines(f, color, words, lang, result.names, levels))
    lines.extend(tty_text(line) for line in org_diff_lines(result))
    lines.append(summary_line(result))
    if github_actions:
        lines = [gh_line(line) for line in lines]
    return "\n".join(lines) + "\n"


def org_diff_lines(result: LintResult) -> list[str]:
    """With `--diff`: the line against the base revision and one indented line per change,
    in the result's language (not yet escaped for the terminal); none without `--diff`."""
    if not result.org_diff_head:
        return []
    lang = result.lang or "en"
    return [say(result.org_diff_head, lang)] + \
        [f"  {say_change(change, lang)}" for change in result.org_diff]


def _finding_lines(f: Finding, color: bool, words: tuple[str, str], lang: str,
                   names: Mapping[str, str] | None = None,
                   levels: Mapping[Severity, str] | None = None) -> list[str]:
    """A finding's lines; each id its message (a related line's, its hint) quotes is said
    with its name from `names` (`LintResult.names`: `客服部 (cs)`), as the reports say it;
    its severity as `levels` says it (`[警告]`), else in English."""
    level = f"[{levels[f.severity] if levels else f.severity.label}]"
    if color:
        level = f"\x1b[{_COLOURS[f.severity]}m{level}\x1b[0m"
    names = names or {}
    message = with_names(f.message, names, lang)
    out = [f"{tty_text(f.location.short())}: {f.code} {level} {tty_text(message)}"]
    return out + detail_lines(f, words, lang, names)


def detail_lines(f: Finding, words: tuple[str, str], lang: str,
                 names: Mapping[str, str]) -> list[str]:
    """The lines under a finding's own, as the text output shows them, escaped for a
    terminal (`tty_text`): `    related: path:line:col: message` (three), `    related:
    also path:line:col, …` (the rest the other formats list), `… and N more` and
    `    hint: …`, each id said with its name; `words` are `related` and `hint` in `lang`.
    JUnit's failure text carries them too."""
    out = []
    listed, _ = f.listed_related(SHOWN_RELATED)
    every, more = f.listed_related()  # what the other formats list, and count
    for rel in listed:
        said = with_names(rel.message, names, lang)
        out.append(f"    {words[0]}: {tty_text(rel.location.short())}: {tty_text(said)}")
    if len(every) > len(listed):  # the others' places on one line: the same set as they
        also = M("also {places}", places=[rel.location.short() for rel in every[len(listed):]])
        out.append(f"    {words[0]}: {tty_text(say(also, lang))}")
    if more:
        out.append(f"    {words[0]}: {tty_text(say(M('… and {n} more', n=more), lang))}")
    if f.hint:
        out.append(f"    {words[1]}: {tty_text(with_names(f.hint, names, lang))}")
    return out


def summary_line(result: LintResult) -> str:
    """`Found 2 errors, 1 warning, 0 info in 12 files.` or `No problems ...`, in the
    result's language; with a baseline that hides findings, how many (`... 3 known findings
    hidden by the baseline.`): they remain, so "no problems" would be false."""
    files, n = len(result.files), result.entity_count
    entities = M("1 entity") if n == 1 else M("{n} entities", n=n)
    where = M("in {files} files ({entities})", files=files, entities=entities) \
        if files != 1 else M("in 1 file ({entities})", entities=entities)
    hidden = len(result.baselined)
    elsewhere = len(result.elsewhere) if result.scope else 0
    if result.diff_ref:
        line = _since_line(result, where)
    elif not result.findings and elsewhere:  # the org has findings: not "no problems"
        line = M("No new problems found in the files named.") if hidden else \
            M("No problems found in the files named.")
    elif not result.findings:
        line = M("No new problems found {where}.", where=where) if hidden else \
            M("No problems found {where}.", where=where)
    else:
        line = M("Found {parts} {where}.", parts=_parts(result), where=where)
    if elsewhere:
        line = M("{summary} {elsewhere}", summary=line, elsewhere=elsewhere_note(result))
    incomplete = incomplete_note(result)
    if incomplete is not None:  # RF003 is not listed: its file's error is
        line = M("{summary} {incomplete}", summary=line, incomplete=incomplete)
    if hidden:
        line = M("{summary} {hidden}", summary=line, hidden=P(
            "{n} known finding hidden by the baseline.",
            "{n} known findings hidden by the baseline.", n=hidden))
    return say(line, result.lang or "en")


def elsewhere_note(result: LintResult) -> P:
    """How many findings of the org's other files a run narrowed to some files leaves out
    (`LintResult.elsewhere`), and the command that lists them (the text summary's end, the
    GitHub annotations' notice)."""
    command = f"orgspec check {shlex.quote(result.whole_org or '.')}"
    return P("… and {n} finding in other files: run `{command}` to see it.",
             "… and {n} findings in other files: run `{command}` to see them.",
             n=len(result.elsewhere), command=command)


def _parts(result: LintResult) -> list[M]:
    c = result.counts
    return [P("{n} error", "{n} errors", n=c["error"]),
            P("{n} warning", "{n} warnings", n=c["warning"]),
            P("{n} info", "{n} info", n=c["info"])]


def _since_line(result: LintResult, where: M) -> M:
    """With `--diff REF`: what is new since REF, and how many findings, in REF too, are
    left out (they remain: "no problems" would be false)."""
    ref = result.diff_ref
    if not result.unchanged:
        return M("No new problems since {ref} {where}.", ref=ref, where=where) \
            if not result.findings else \
            M("Found {parts} new since {ref} {where}.", parts=_parts(result), ref=ref,
              where=where)
    left = M("1 finding unchanged since then is not shown") if result.unchanged == 1 else \
        M("{n} findings unchanged since then are not shown", n=result.unchanged)
    if not result.findings:
        return M("No new problems since {ref} {where}; {unchanged}.", ref=ref, where=where,
                 unchanged=left)
    return M("Found {parts} new since {ref} {where}; {unchanged}.", parts=_parts(result),
             ref=ref, where=where, unchanged=left)
