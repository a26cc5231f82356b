"""A rule pack's pattern cannot hang orgspec: it is searched with `regex` within a budget of
processor time (`engine.packregex`), and a rule that runs out is one config error line at
the pattern in the pack, naming the value it was searching (exit 2), never a silent pass.

No test here depends on how fast the machine is: a pattern that runs out does so on a value
it would need more than 10^12 steps for, and the budget is 0 where only the wording is
asserted; the patterns that pass take milliseconds of a budget of 1 s."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from conftest import REPO, run_cli

from orgspec.engine import packregex
from orgspec.engine.lint import lint
from orgspec.load.config import Config, ConfigError

TODAY = dt.date(2026, 6, 1)
HEAD = "family: acme\nrules:\n  - code: ACME001\n    name: acme-rule\n    severity: error\n" \
       "    summary: s\n    rationale: r\n    given: Team\n"


def _org(tmp_path: Path, mission: str, options: str) -> tuple[Path, Path]:
    """A pack whose rule searches teams' missions with `options`; an org whose team `core`
    has `mission` (line 1) and whose team `shop` has none."""
    pack = tmp_path / "pack.yaml"
    pack.write_text(HEAD + "    then: {field: mission, function: pattern, options: "
                    + options + "}\n", "utf-8")
    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "o.yaml").write_text(
        f"- {{kind: Team, id: core, name: Core, lead: ada, members: [ada], mission: "
        f"\"{mission}\"}}\n- {{kind: Team, id: shop, name: Shop, lead: ada, members: [ada]}}\n"
        "- {kind: Person, id: ada, name: Ada}\n", "utf-8")
    return pack, tmp_path / "org"


def _outcome(tmp_path: Path, mission: str, options: str) -> str | list[tuple[str, int]]:
    """The config error's text after the pack's path, else the pack rule's findings."""
    pack, org = _org(tmp_path, mission, options)
    try:
        result = lint([str(org)], Config(rule_packs=[str(pack)]), today=TODAY)
    except ConfigError as err:
        text = str(err.args[0])
        assert text.startswith(f"{pack}:") and "\n" not in text
        return text[len(str(pack)):]
    return [(f.code, f.location.line) for f in result.findings if f.code.startswith("ACME")]


def _stopped(at: str, key: str) -> str:
    return (f":{at}: invalid rule pack: rule ACME001: {key!r} took more than "
            f"{packregex.BUDGET:g} s of processor time on this org's values and was stopped "
            "at Team 'core', `mission` (")


@pytest.mark.parametrize(("pattern", "mission"), [
    ("^(a|aa)+$", "a" * 60 + "!"),        # Fibonacci(60) ways to fail
    ("(a|a)*b", "a" * 60 + "!b"),         # 2^60
    ("^([a-z]|[a-c])+$", "a" * 60 + "!"),  # 2^60
])
def test_a_pattern_that_would_backtrack_for_ages_is_one_config_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pattern: str, mission: str) -> None:
    monkeypatch.setattr(packregex, "BUDGET", 0.05)
    said = _outcome(tmp_path, mission, "{match: \"" + pattern.replace("\\", "\\\\") + "\"}")
    assert isinstance(said, str) and said.startswith(_stopped("9:64", "match")), said
    assert said.endswith("o.yaml:1): its repetitions can take the same text in many ways, as "
                         "in (a|aa)+ or (.*a){20}; let each character be taken one way only, "
                         "or make the repetition possessive (a++) or atomic ((?>...))")


@pytest.mark.parametrize(("pattern", "mission"), [
    # `re` runs for minutes on the first (n^5 ways), `regex` a millisecond;
    # (`(.*a){20}` is refused when the pack is read: `engine.redos`)
    (".*a.*a.*a.*a.*b", "a" * 300),
    ("(\\w|\\d)+$", "1" * 300 + "!"),
    ("^(a++)+$", "a" * 60 + "!"),  # the hint followed: possessive
])
def test_what_re_is_slow_on_is_answered_within_the_budget(tmp_path: Path, pattern: str,
                                                          mission: str) -> None:
    options = "{match: \"" + pattern.replace("\\", "\\\\") + "\"}"
    assert _outcome(tmp_path, mission, options) == [("ACME001", 1)]


def test_the_error_names_the_key_that_ran_out(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Budget 0: the first value searched stops the rule; with `match` and `notMatch`, the
    one searched then (`match` first), at its own place in the pack."""
    monkeypatch.setattr(packregex, "BUDGET", 0)
    said = _outcome(tmp_path, "sell", "{notMatch: \"x\", match: \"s\"}")
    assert isinstance(said, str) and said.startswith(_stopped("9:79", "match")), said


def test_the_cli_says_it_in_one_line_with_exit_2(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(packregex, "BUDGET", 0)
    _org(tmp_path, "sell", "{notMatch: \"^(a|aa)+$\"}")
    (tmp_path / ".orgspec.yaml").write_text("root: org\nrule-packs: [pack.yaml]\n", "utf-8")
    for lang, said in (("en", "'notMatch' took more than 0 s of processor time"),
                       ("zh", "'notMatch' 在本组织的值上占用处理器时间超过 0 秒"),
                       ("zh-Hant", "'notMatch' 在本組織的值上佔用處理器時間超過 0 秒")):
        run = run_cli("check", "--lang", lang, "--no-cache", cwd=tmp_path)
        assert run.code == 2 and run.stderr.count("\n") == 1, run.stderr
        assert "pack.yaml:9:67" in run.stderr and said in run.stderr, run.stderr
        assert "o.yaml:1" in run.stderr and "internal error" not in run.stderr


def test_a_searcher_shares_its_budget_and_says_its_key() -> None:
    searcher = packregex.Searcher("notMatch", "^(a|aa)+$", 0.0)
    with pytest.raises(packregex.PatternTimeout) as caught:
        searcher.search("a")
    assert caught.value.key == "notMatch"
    searcher = packregex.Searcher("match", "s", 1.0)
    assert searcher.search("sell") and not searcher.search("buy")
    assert 0 < searcher.left <= 1.0


def _patterns() -> list[str]:
    text = (REPO / "benchmarks" / "data" / "pack_patterns.txt").read_text("utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


VALUES = ["", " ", "platform-eng", "Ada Lovelace", "ada.lovelace+x@mail.example.co.uk",
          "+44 (20) 7946-0958", "TODO: write this", "We own the checkout.", "tbd", "OPS-1234",
          "https://github.com/acme/org", "2026-12-05", "Q4 2026", "cut costs by 10%",
          "Increase NPS from 30 to 45 by 2026-12-31", "平台工程部", "负责支付系统的稳定性。",
          "#team-platform", "friday", "a.b.c", "v1.2.3", "aaa", "ops-ops", "two  spaces",
          "The Big Team Name", "Ada Lovelace, Linus Torvalds", "release soon by 2026-01-01"]


def test_regex_finds_what_re_finds_in_realistic_patterns() -> None:
    """The 42 patterns written before `regex` was chosen: each is found in the same values."""
    patterns = _patterns()
    assert len(patterns) == 42
    for pattern in patterns:
        searcher = packregex.Searcher("match", pattern, 1.0)
        assert [searcher.search(v) for v in VALUES] == \
            [bool(re.search(pattern, v)) for v in VALUES], pattern


def test_ordinary_patterns_are_not_refused_when_the_pack_is_read() -> None:
    """A repeated group whose every pass takes a separator no repetition in it can take
    (`(\\.[a-z]+)*`, `(-\\w+)*`, `(\\w+\\s)+`) splits a text one way only: accepted. The
    static refusal of session 34 refused 7 of benchmarks/data/pack_patterns.txt (the dotted
    id, the email, `v1.2.3`); it refuses none of the 42 now, and still the shapes that
    blow up."""
    from orgspec.engine.redos import nested_repeat

    data = Path(__file__).resolve().parent.parent / "benchmarks" / "data" / "pack_patterns.txt"
    patterns = [line for line in data.read_text("utf-8").splitlines()
                if line and not line.startswith("#")]
    assert len(patterns) == 42
    assert [p for p in patterns if nested_repeat(p)] == []
    assert [nested_repeat(p) for p in (
        r"^[a-z]+(\.[a-z]+)*$", r"^\w+(-\w+)*$", r"^v\d+(\.\d+){0,2}$", r"^(\d+[-/])+\d+$",
        r"^(\S+\s)+$", r"^([^,]+,)+$")] == [""] * 6
    assert [nested_repeat(p) for p in (
        r"^(a+)+$", r"(.*a){20}", r"(\w+\s?)+", r"(?i)^(A+a)+$", r"(a*b*)+", r"^(.+\s)+$")] == [
        "(a+)+", "(.*a){20}", r"(\w+\s?)+", "(A+a)+", "(a*b*)+", r"(.+\s)+"]
