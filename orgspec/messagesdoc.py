"""docs/messages.md from its cases: each common mistake written into a small org (or a
command line), run through orgspec in Chinese and English, and tabled beside what orgspec
said before the messages were localised (commit 40d5f96, kept as written then).

    python -m orgspec.messagesdoc            # rewrite docs/messages.md
    python -m orgspec.messagesdoc --check    # exit 1 when docs/messages.md is stale

A documentation tool: nothing in orgspec imports it. Each case runs the command line in a
temporary folder (in this process, with click's runner); the folder's files are written
through `orgspec.output`, as every file orgspec writes.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from orgspec.output import write_text

DOC = Path(__file__).resolve().parent.parent / "docs" / "messages.md"
LANGS = ("zh", "en")


@dataclass(frozen=True)
class Case:
    """One mistake: its row label, what 40d5f96 said, the files of the org (path -> text)
    and the command (`check org` by default); `code`, when set, is the finding shown (the
    org's other findings are not the mistake's); `said`, when set, is the cell for a
    command that succeeds (`prints the Team schema`)."""

    mistake: str
    before: str
    files: dict[str, str] = field(default_factory=dict)
    args: tuple[str, ...] = ("check", "org", "--format", "json")
    code: str | None = None
    said: str | None = None


_TEAM = "- {kind: Team, id: cs, name: 客服部, lead: liuyang, members: [liuyang]}\n"
_PERSON = "- {kind: Person, id: liuyang, name: 刘洋}\n"
_HOLDER = ("- {kind: Team, id: cs, name: 客服部, lead: lin, members: [lin]}\n"
           "- {kind: Person, id: lin, name: 林志豪}\n"
           "- {kind: Responsibility, id: reply, name: 回复咨询, accountable: cs}\n"
           "- {kind: Role, id: agent, name: 客服专员, team: cs, duties: [reply], holders: "
           "[{holder}]}\n")
_OKR = ("- {kind: Team, id: cs, name: 客服部, lead: liuyang, members: [liuyang]}\n" + _PERSON
        + "- kind: Objective\n  id: o1\n  title: 提升客户满意度\n  owner: cs\n"
          "  period: {period}\n  key_results:\n    - id: kr1\n      title: 客诉率从3%降到1.5%\n"
          "      due: {due}\n")
_HOLDER_BEFORE = ("RO001 4:73 position 'agent' has no holder (written as '{holder}') — name "
                  "the person who holds it, or plan who covers its duties until it is filled")
_IN001_INDENT = "IN001 2:3 `id:` is indented 2 spaces; the field above it uses 0 (before 2026-12)"

CASES = (
    Case("full-width colon `name： 客服部`", "IN001 4:1 YAML syntax error: while scanning a "
         "simple key: could not find expected ':'", {"org/o.yaml": "kind: Team\nid: cs\n"
                                                     "name： 客服部\n"}, code="IN001"),
    Case("U+3000 indent", "SC001 3:1 unknown field `\\u3000name` — did you mean `name`?",
         {"org/o.yaml": "kind: Team\nid: cs\n\u3000name: 客服部\n"}, code="IN001"),
    Case("U+3000 after a list item's dash `-　kind: Person`", _IN001_INDENT,
         {"org/o.yaml": "-\u3000kind: Person\n  id: a\n"}, code="IN001"),
    Case("full-width hyphen `－ kind: Person`", _IN001_INDENT,
         {"org/o.yaml": "－ kind: Person\n  id: a\n"}, code="IN001"),
    Case("full-width comma in a flow list", "RF001 3:11 unknown Person 'a， b' in `members`",
         {"org/o.yaml": "kind: Team\nid: cs\nmembers: [a， b]\n"}, code="RF001"),
    Case("indentation error (`due:` 5 spaces)", "IN001 7:9 YAML syntax error: mapping values "
         "are not allowed in this context",
         {"org/o.yaml": "kind: Objective\nid: o1\nowner: cs\nkey_results:\n  - id: kr1\n"
                        "    title: 客诉率从3%降到1.5%\n     due: 2026-03-31\n"}, code="IN001"),
    Case("`parent: HR` (team id is `hr`)", "RF001 2:35 unknown Team 'HR' in `parent` — no "
         "Team has the id 'HR'",
         {"org/o.yaml": "- {kind: Team, id: hr, name: 人力资源部}\n"
                        "- {kind: Team, id: cs, name: 客服部, parent: HR}\n"}, code="RF001"),
    Case("`owner: 客服部` (a name, not the id `cs`)", "RF001 7:3 unknown Team, Person or Role "
         "'客服部' in `owner` — no Team, Person or Role has the id '客服部'",
         {"org/o.yaml": _TEAM + _PERSON + "- kind: Objective\n  id: o1\n  title: 提升客户满意度\n"
                        "  period: 2026-Q1\n  owner: 客服部\n"}, code="RF001"),
    Case("`lead: 刘洋` (a name, not the id `liuyang`)", "RF001 2:47 unknown Person '刘洋' in "
         "`lead` — no Person has the id '刘洋'",
         {"org/o.yaml": _PERSON + "- {kind: Team, id: cs, name: 客服部, members: [liuyang], "
                        "lead: 刘洋}\n"}, code="RF001"),
    Case("`ignore: [overlapp]` in the config", "orgspec: error: .orgspec.yaml:1:10: unknown "
         "rule, prefix or family 'overlapp' (known: activity-key-result, alignment-cycle, … "
         "all 81 rule names and families)",
         {"org/o.yaml": _TEAM + _PERSON, ".orgspec.yaml": "ignore: [overlapp]\n"}),
    Case("`orgspec explain overlap`", "orgspec: error: unknown rule 'overlap' (`orgspec rules` "
         "lists them)", args=("explain", "overlap")),
    Case("`# orgspec: ignore[OK04]`", "SU001 2:83 unused suppression of OK04 (unknown rule) — "
         "remove it",
         {"org/o.yaml": _PERSON + "- {kind: Team, id: cs, name: 客服部, members: [liuyang], "
                        "lead: liuyang}  # orgspec: ignore[OK04]\n"}, code="SU001"),
    Case("`period: 2026Q1`", "SC003 8:3 `period`: string should match pattern "
         "'^\\d{4}(-(Q[1-4]\\|H[12]))?$'",
         {"org/o.yaml": _OKR.replace("{period}", "2026Q1").replace("{due}", "2026-03-31")},
         code="SC003"),
    Case("`due: 2026-02-30`", "SC003 12:7 `key_results[0].due`: input should be a valid date "
         "or datetime, day value is outside expected range",
         {"org/o.yaml": _OKR.replace("{period}", "2026-Q1").replace("{due}", "2026-02-30")},
         code="SC003"),
    Case("`orgspec schema --kind Team`", "Usage: orgspec schema [OPTIONS] Try 'orgspec schema "
         "--help' for help.  Error: Invalid value for '--kind': 'Team' is not one of 'org', "
         "'team', 'person', 'responsibility', 'objective', 'process', 'role', 'meeting'.",
         args=("schema", "--kind", "Team"), said="prints the Team schema"),
    *(Case(f"`{holder}` as a holder", _HOLDER_BEFORE.replace("{holder}", holder),
           {"org/o.yaml": _HOLDER.replace("{holder}", holder)}, code="RO001")
      for holder in ("待招聘", "空缺", "vacant", "open")),
    Case("full-width comma between fields in a flow mapping `{kind: Person，id: a, name: 甲}`",
         "IN001 6:19 YAML syntax error: while reading a `{...}` mapping: a `{` mapping not "
         "closed by `}`, or a missing comma (before 2026-12)",
         {"org/o.yaml": _TEAM + _PERSON + "- {kind: Responsibility, id: reply, name: 回复, "
                        "accountable: cs}\n\n\n- {kind: Person，id: a, name: 甲}\n"},
         code="IN021"),
)

HEAD = """\
# What orgspec says about the commonest mistakes

The mistakes that issue 16 lists, written into a small org, and what orgspec said before the
messages were localised (commit `40d5f96`, English only) and what it says now in Chinese and
English. Findings are `CODE line:col message — hint`; a command-line or config error is the
one line on standard error (exit 2). Generated by `python -m orgspec.messagesdoc` from the
cases in `orgspec/messagesdoc.py` (`--check` says whether this file is current; a test runs
it); the team names are Chinese, so without `--lang` the run is in Chinese.

| mistake | before (40d5f96) | after, zh | after, en |
|---|---|---|---|
"""

MIDDLE = """
The placeholders for an empty seat (`待招聘`, `空缺`, `vacant`, `open`) were already open
seats (RO001), not unknown people, before the localisation; what changed is the Chinese text.
A Click usage error (an unknown option or a bad `--kind` value before it was made
case-insensitive) is Click's own English text.

## Traditional script

An org written in Traditional script gets the `zh-Hant` catalog (generated from the Simplified
one with OpenCC `s2twp`), as does `--lang zh-Hant` or a `zh_TW` / `zh_HK` locale:

```text
"""

_HANT_ORG = {"org/o.yaml": "- {kind: Team, id: cs, name: 客服部, members: [liuyang], lead: 劉洋, "
                           "responsibilities: [reply]}\n"
                           "- {kind: Person, id: liuyang, name: 劉洋}\n"
                           "- {kind: Responsibility, id: reply, name: 回覆諮詢, responsible: "
                           "liuyang}\n"}


def _run(folder: Path, args: tuple[str, ...], lang: str) -> tuple[int, str, str]:
    """`orgspec --lang LANG ARGS` run in `folder` (in this process, as click's runner runs
    a command): exit code, stdout and stderr, the folder's path taken out of both."""
    from click.testing import CliRunner

    from orgspec.cli import main

    runner = CliRunner(env={"NO_COLOR": "1", "ORGSPEC_CACHE_DIR": str(folder / ".cache"),
                            "ORGSPEC_LANG": None, "ORGSPEC_CONFIG": None})
    before = os.getcwd()
    os.chdir(folder)
    try:
        run = runner.invoke(main, ["--lang", lang, *args], catch_exceptions=False)
    finally:
        os.chdir(before)
    here = str(folder) + os.sep
    return run.exit_code, run.stdout.replace(here, ""), run.stderr.replace(here, "")


def _written(folder: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        write_text(str(folder / rel), text)


def _cell(case: Case, lang: str) -> str:
    """What orgspec says about `case` in `lang`, on one line for a table cell."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _written(folder, case.files)
        code, out, err = _run(folder, case.args, lang)
    if case.said is not None and code == 0:
        return case.said
    if code == 2 or not out.strip():
        return _one_line(err.strip())
    found = json.loads(out)["findings"]
    said = [f"{f['code']} {f['line']}:{f['column']} {f['message']}"
            + (f" — {f['hint']}" if f.get("hint") else "")
            for f in found if case.code is None or f["code"] == case.code]
    return _one_line("; ".join(said))


def _one_line(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _hant() -> str:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _written(folder, _HANT_ORG)
        check = _run(folder, ("check", "org"), "zh-Hant")
        explain = _run(folder, ("explain", "overlap"), "zh-Hant")
    return check[1] + explain[2]


def markdown() -> str:
    """docs/messages.md as the cases make it now (runs orgspec twice per case)."""
    rows = "".join(f"| {c.mistake} | {c.before} | {_cell(c, 'zh')} | {_cell(c, 'en')} |\n"
                   for c in CASES)
    return HEAD + rows + MIDDLE + _hant() + "```\n"


def main(argv: list[str]) -> int:
    """Write docs/messages.md, or with `--check` exit 1 when it differs from the cases."""
    text = markdown()
    if "--check" in argv:
        if DOC.read_text("utf-8") != text:
            print("docs/messages.md is stale: run `python -m orgspec.messagesdoc`",
                  file=sys.stderr)
            return 1
        return 0
    write_text(str(DOC), text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
