"""Ownership hints followed as written end in a clean check (trial 33).

A duty listed twice in one charter, once without a role and once with one: RF004 names the
entry to keep, the one that agrees with the duty's own RACI fields, and the change to the
duty that the entry without a role stood for, if any; OW004, whenever it fires, names the
field to change and what to write; OW002 and OW003 name the owner to write in the duty so
that its charter still agrees. Each shape: the exact findings, then each hint's edit
applied, then the check again, until it is clean.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from orgspec.engine.lint import check_cached, lint, lint_org
from orgspec.findings import Finding
from orgspec.load.cache import Cache
from orgspec.load.config import Config

TODAY = dt.date(2026, 12, 5)
CODES = ("RF004", "OW001", "OW002", "OW003", "OW004", "OW005")

ORG = """\
- kind: Team
  id: ops
  name: 运营部
  lead: ada
  members: [ada]
  responsibilities: {charter}
- kind: Team
  id: cs
  name: 客服部
  lead: bob
  members: [bob]
  responsibilities: [other]
- {{kind: Person, id: ada, name: 王芳}}
- {{kind: Person, id: bob, name: 李强}}
- kind: Responsibility
  id: d1
  name: 退款审核
{raci}- kind: Responsibility
  id: other
  name: 客服
  accountable: cs
"""
TWICE = "[d1, {ref: d1, role: responsible}]"


def _org(charter: str, raci: str) -> str:
    return ORG.format(charter=charter, raci=raci)


def _check(tmp_path: Path, text: str, lang: str = "en") -> list[Finding]:
    (tmp_path / "org.yaml").write_text(text, "utf-8")
    result = lint([str(tmp_path)], Config(lang=lang), today=TODAY)
    return [f for f in result.findings if f.code in CODES]


def _at(findings: list[Finding]) -> list[tuple[str, int]]:
    return sorted((f.code, f.location.line) for f in findings)


def _follow(text: str, edits: list[tuple[str, str]]) -> str:
    for old, new in edits:
        assert text.count(old) == 1, (old, text)
        text = text.replace(old, new)
    return text


# (charter, the duty's RACI lines, findings, what the hint says to write, the edits that
# follow it, the findings then)
SHAPES = {
    # the duty makes ops accountable: keep the entry without a role (the repeat's role,
    # responsible, said by the duty nowhere, was OW004 once the first was removed)
    "duty-accountable": (TWICE, "  accountable: ops\n", [("RF004", 6)],
                         ["keep `d1` (line 6, column 22)"],
                         [(TWICE, "[d1]")], []),
    # cs answers for it, ops does the work: the bare entry is a second accountable owner;
    # OW001 says to keep the responsible entry, its RF004 held back behind it (one mistake)
    "duty-responsible-other-accountable": (
        TWICE, "  accountable: cs\n  responsible: ops\n", [("OW001", 18)],
        ["remove the entry without a role (line 6, column 22) and keep `{ref: d1, role: "
         "responsible}` (1 finding that follows from this mistake is held back until it is "
         "fixed: RF004 on team 'ops')"],
        [(TWICE, "[{ref: d1, role: responsible}]")], []),
    # the entry without a role was the duty's only owner: it moves to the duty
    "duty-responsible-only": (
        TWICE, "  responsible: ops\n", [("RF004", 6)],
        ["keep `{ref: d1, role: responsible}`", "write `accountable: ops` in the duty"],
        [(TWICE, "[{ref: d1, role: responsible}]"),
         ("  responsible: ops\n", "  responsible: ops\n  accountable: ops\n")], []),
    # the duty names nobody: the entry without a role is its owner
    "duty-silent": (TWICE, "", [("RF004", 6)], ["keep `d1`"], [(TWICE, "[d1]")], []),
    # the duty makes ops consulted while the charter says more: OW004 and RF004 agree on
    # the duty's field to change
    "duty-consulted": (
        TWICE, "  consulted: ops\n", [("OW004", 6), ("RF004", 6)],
        ["keep `d1`", "write ops under `accountable` in place of `consulted`"],
        [(TWICE, "[d1]"), ("  consulted: ops\n", "  accountable: ops\n")], []),
    # one entry against the duty: OW004 names the entry to write (the duty's role)
    "one-entry-responsible": (
        "[{ref: d1, role: responsible}]", "  accountable: ops\n", [("OW004", 6)],
        ["write `d1` in ops's charter in place of `{ref: d1, role: responsible}`"],
        [("[{ref: d1, role: responsible}]", "[d1]")], []),
    # the entry without a role against `consulted: ops`: changing the entry would leave
    # the duty without an owner, so the duty's field is the one to change
    "one-entry-bare": (
        "[d1]", "  consulted: ops\n", [("OW004", 6)],
        ["in the duty (line 18) write ops under `accountable` in place of `consulted`"],
        [("  consulted: ops\n", "  accountable: ops\n")], []),
    # OW003: make the responsible team accountable beside, not instead (its charter says
    # responsible: moving it was OW004)
    "responsible-no-accountable": (
        "[{ref: d1, role: responsible}]", "  responsible: [ops]\n", [("OW003", 16)],
        ["write `accountable: ops` in the duty (line 16), beside the fields it has"],
        [("  responsible: [ops]\n", "  responsible: [ops]\n  accountable: ops\n")], []),
    # OW002: consulted on both sides, nobody accountable
    "consulted-no-accountable": (
        "[{ref: d1, role: consulted}]", "  consulted: [ops]\n", [("OW002", 16)],
        ["write `accountable: ops` in the duty (line 16), beside the fields it has"],
        [("  consulted: [ops]\n", "  consulted: [ops]\n  accountable: ops\n")], []),
    # OW002 at a placeholder: the owner in its place
    "placeholder-no-accountable": (
        "[{ref: d1, role: responsible}]", "  accountable: 待定\n  responsible: [ops]\n",
        [("OW003", 16)], ["write `accountable: ops` in the duty in place of '待定'"],
        [("  accountable: 待定\n", "  accountable: ops\n")], []),
    # a placeholder where the charter names the owner (OW004): either edit of its hint
    "placeholder-named-in-charter-write": (
        "[{ref: d1, role: responsible}]", "  accountable: cs\n  responsible: 待定\n",
        [("OW004", 19)], ["write `responsible: ops` in the duty in place of '待定'"],
        [("  responsible: 待定\n", "  responsible: ops\n")], []),
    "placeholder-named-in-charter-delete": (
        "[{ref: d1, role: responsible}]", "  accountable: cs\n  responsible: 待定\n",
        [("OW004", 19)], ["or delete the duty's `responsible`, which names nobody"],
        [("  responsible: 待定\n", "")], []),
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_hint_followed_is_clean(tmp_path: Path, shape: str) -> None:
    charter, raci, found, said, edits, after = SHAPES[shape]
    text = _org(charter, raci)
    findings = _check(tmp_path, text)
    assert _at(findings) == found
    hints = " | ".join(str(f.hint) for f in findings)
    for words in said:
        assert words in hints
    assert _at(_check(tmp_path, _follow(text, edits))) == after


@pytest.mark.parametrize("shape", sorted(SHAPES))
@pytest.mark.parametrize("lang", ["zh_Hans", "zh_Hant"])
def test_hints_said_in_chinese(tmp_path: Path, shape: str, lang: str) -> None:
    """The same findings in Chinese, each hint translated (no English sentence left), with
    the code to write as in English."""
    charter, raci, found, _said, _edits, _after = SHAPES[shape]
    findings = _check(tmp_path, _org(charter, raci), lang)
    assert _at(findings) == found
    english = _check(tmp_path, _org(charter, raci))
    for zh, en in zip(sorted(findings, key=lambda f: f.code), sorted(english, key=lambda f: f.code),
                      strict=True):
        assert str(zh.hint) != str(en.hint)
        for code in (part for n, part in enumerate(str(en.hint).split("`")) if n % 2):
            assert f"`{code}`" in str(zh.hint)
        assert " the " not in str(zh.hint) and " and " not in str(zh.hint)


def _hints(findings: list[Finding]) -> list[tuple[str, int, str]]:
    return [(f.code, f.location.line, str(f.hint)) for f in findings]


def test_repeat_hint_through_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """RF004 is entity-local, kept between runs, and run without the org by the warm
    re-check; its hint is worded from the duty: after a prose edit of the team's file and
    after a RACI edit of the duty's file, the hints equal a run without the cache."""
    monkeypatch.setenv("ORGSPEC_PARALLEL", "0")
    monkeypatch.setenv("ORGSPEC_SMALL_ORG_BYTES", "0")  # the paths of a large org
    org = tmp_path / "org"
    org.mkdir()
    text = _org(TWICE, "  accountable: ops\n").replace("  name: 客服\n",
                                                        "  name: 客服\n  description: 回答咨询\n")
    cut = text.index("- kind: Responsibility\n  id: d1")
    end = text.index("- kind: Responsibility\n  id: other")
    team, duties = org / "teams.yaml", org / "duties.yaml"
    team.write_text(text[:cut] + text[end:], "utf-8")  # the teams and the duty `other`
    duties.write_text(text[cut:end], "utf-8")
    paths, config, folder = [str(org)], Config(lang="en"), str(tmp_path / "cache")
    first = check_cached(paths, config, Cache(folder), TODAY)
    assert any(h.startswith("keep `d1`") for c, _, h in _hints(first.findings) if c == "RF004")
    # a prose edit the warm path answers by running the file's entity-local rules alone,
    # then a RACI edit (the full path, the team's RF004 read back), then prose again
    edits = [(team, "name: 客服\n", "name: 客服热线\n"),
             (duties, "  accountable: ops\n", "  accountable: cs\n  responsible: ops\n"),
             (team, "name: 客服热线\n", "name: 客服\n")]
    for path, old, new in edits:
        path.write_text(path.read_text("utf-8").replace(old, new), "utf-8")
        plain = lint_org(paths, config, TODAY)[0]
        got = check_cached(paths, config, Cache(folder), TODAY)
        assert _hints(got.findings) == _hints(plain.findings), (old, new)
    # cs accountable, ops responsible: OW001 says which entry to keep, RF004 behind it
    assert [(c, "keep `{ref: d1, role: responsible}`" in h) for c, _, h in
            _hints(got.findings)] == [("OW001", True)]
