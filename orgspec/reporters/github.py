"""GitHub Actions workflow annotations, most severe first, capped at GitHub's limits."""

from __future__ import annotations

from collections.abc import Mapping

from orgspec.escape import gh_data, gh_file, gh_property, tty_text
from orgspec.findings import Finding, LintResult
from orgspec.i18n import M, say
from orgspec.paths import repo_path
from orgspec.report.idnames import with_names
from orgspec.reporters.text import elsewhere_note

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}
PER_LEVEL = 10  # GitHub shows 10 annotations of each level per step


def _annotation(f: Finding, root: str | None, words: tuple[str, str], lang: str,
                names: Mapping[str, str], runner: bool) -> str:
    """One workflow command; each id its message (a related line's, its hint) quotes is said
    with its name (`客服部 (cs)`), as the text report says it, then escaped."""
    loc = f.location
    props = [f"file={gh_file(repo_path(loc.file, root), runner)}", f"line={loc.line}"]
    end_line = loc.end_line or loc.line
    props.append(f"endLine={end_line}")
    if end_line == loc.line:
        props.append(f"col={loc.col}")
        if loc.end_col:
            props.append(f"endColumn={loc.end_col}")
    props.append(f"title={gh_property(f'orgspec {f.code} ({f.name})')}")
    # no `file:line:col:` before it: the annotation carries the place, GitHub shows it
    message = f"{f.code} {tty_text(with_names(f.message, names, lang))}"
    listed, more = f.listed_related()
    for rel in listed:  # GitHub shows an annotation's further lines under it
        at = rel.location  # project-relative, as the annotation's own `file=`
        where = f"{repo_path(at.file, root)}:{at.line}:{at.col}"
        said = with_names(rel.message, names, lang)
        message += f"\n{words[0]}: {tty_text(where)}: {tty_text(said)}"
    if more:
        message += f"\n{words[0]}: {tty_text(say(M('… and {n} more', n=more), lang))}"
    if f.hint:
        message += f"\n{words[1]}: {tty_text(with_names(f.hint, names, lang))}"
    return f"::{COMMAND[f.severity.label]} {','.join(props)}::{gh_data(message)}"


def render(result: LintResult, project_root: str | None = None,
           github_actions: bool = False) -> str:
    """Annotations for the most severe findings first, of each level those that hold
    others back (`LintResult.causes`: the one file left out) before the rest; when some
    are left out, a notice with how many takes the last notice place, so it stays inside
    GitHub's 10 per level; a run narrowed to some files (`orgspec check org/teams.yaml`)
    ends with a notice counting the findings of the other files, as the text summary
    does. Paths are relative to `project_root` (GITHUB_WORKSPACE); inside GitHub Actions
    (`github_actions`) each `file=` is the exact path, as the runner reads it, else its
    hidden characters are shown as escapes (`escape.gh_file`)."""
    ranked = sorted(result.findings, key=lambda f: (-f.severity, f.fingerprint not in
                                                    result.causes, f.sort_key()))
    per_level: dict[str, int] = {}
    for f in ranked:
        level = COMMAND[f.severity.label]
        per_level[level] = per_level.get(level, 0) + 1
    room = dict.fromkeys(COMMAND.values(), PER_LEVEL)
    if any(n > PER_LEVEL for n in per_level.values()):
        room["notice"] -= 1  # the overflow note is a notice too
    elsewhere = bool(result.scope and result.elsewhere)
    if elsewhere:  # so is the count of the other files' findings
        room["notice"] -= 1
    lines, left_out = [], 0
    lang = result.lang or "en"
    words = say(M("related"), lang), say(M("hint"), lang)
    for f in ranked:
        level = COMMAND[f.severity.label]
        if room[level] <= 0:
            left_out += 1
            continue
        room[level] -= 1
        lines.append(_annotation(f, project_root, words, lang, result.names, github_actions))
    if left_out:
        c = result.counts
        lines.append("::notice title=orgspec::" + gh_data(say(M(
            "{more} more findings not annotated ({errors} errors, {warnings} warnings, {info} "
            "info in all); see the job summary or the report artifact", more=left_out,
            errors=c["error"], warnings=c["warning"], info=c["info"]), lang)))
    if elsewhere:  # a run narrowed to some files: the others have findings (`text.summary_line`)
        lines.append("::notice title=orgspec::" +
                     gh_data(tty_text(say(elsewhere_note(result), lang))))
    return "".join(line + "\n" for line in lines)
