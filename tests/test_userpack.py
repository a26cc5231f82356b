"""A user's rule pack (config `rule-packs`) is checked key by key when it is read: a bad one is
one config error line naming the pack file, its line and column, the rule and the key (exit
2), never an internal error, a leaked secret, gigabytes of memory or a rule silently wrong;
following what the error says gives a pack that is read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import run_cli

from orgspec.engine.lint import lint
from orgspec.engine.selection import make_plan
from orgspec.load.config import Config, ConfigError, Selector

TODAY = dt.date(2026, 6, 1)
ORG = ("- {kind: Team, id: core, name: Core, lead: ada, members: [ada], mission: aaaa}\n"
       "- {kind: Team, id: shop, name: Shop, lead: linus, members: [linus]}\n"
       "- {kind: Person, id: ada, name: Ada}\n- {kind: Person, id: linus, name: Linus}\n")
HEAD = "family: acme\nrules:\n  - code: ACME001\n    name: acme-rule\n    severity: error\n" \
       "    summary: s\n    rationale: r\n    given: Team\n"


def _pack(tmp_path: Path, rest: str, head: str = HEAD) -> Path:
    pack = tmp_path / "pack.yaml"
    pack.write_text(head + rest, "utf-8")
    return pack


def _error(tmp_path: Path, rest: str, head: str = HEAD) -> str:
    pack = _pack(tmp_path, rest, head)
    with pytest.raises(ConfigError) as caught:
        make_plan(Config(rule_packs=[str(pack)]))
    text = str(caught.value.args[0])
    assert text.startswith(f"{pack}:") and "\n" not in text
    return text[len(str(pack)):]


def _findings(tmp_path: Path, rest: str, head: str = HEAD) -> list[tuple[str, int, str]]:
    pack = _pack(tmp_path, rest, head)
    (tmp_path / "org").mkdir(exist_ok=True)
    (tmp_path / "org" / "o.yaml").write_text(ORG, "utf-8")
    config = Config(rule_packs=[str(pack)], extend_select=[Selector("acme", "test")])
    result = lint([str(tmp_path / "org")], config, today=TODAY)
    return [(f.code, f.location.line, str(f.message)) for f in result.findings
            if f.code.startswith("ACME")]


@pytest.mark.parametrize(("message", "said"), [
    ("token={field.__class__.__repr__.__globals__[os].environ[GITHUB_TOKEN]}",
     ":9:14: invalid rule pack: rule ACME001: the message's {field.__class__.__repr__."
     "__globals__[os].environ[GITHUB_TOKEN]} is not one of {kind}, {id}, {field}, {value}"
     " (a name alone in braces)"),
    ("{field:>300000000}", ":9:14: invalid rule pack: rule ACME001: the message's "
     "{field:>300000000} is not one of {kind}, {id}, {field}, {value} (a name alone in braces)"),
    ("bad {0} {nokey", ":9:14: invalid rule pack: rule ACME001: the message's {0} is not one "
     "of {kind}, {id}, {field}, {value} (a name alone in braces)"),
    ("{id!r} has none", ":9:14: invalid rule pack: rule ACME001: the message's {id!r} is not "
     "one of {kind}, {id}, {field}, {value} (a name alone in braces)"),
    ("{id} has {nokey", ":9:14: invalid rule pack: rule ACME001: the message has a lone {: "
     "write it twice ({{) for the brace itself"),
    ("{id} } none", ":9:14: invalid rule pack: rule ACME001: the message has a lone }: write "
     "it twice (}}) for the brace itself"),
])
def test_a_message_fills_only_its_placeholders(tmp_path: Path, message: str, said: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_TOKEN", "secret-not-to-print")
    rest = f"    message: \"{message}\"\n    then: {{field: lead, function: falsy}}\n"
    error = _error(tmp_path, rest)
    assert error == said and "secret-not-to-print" not in error


def test_a_message_s_placeholders_and_doubled_braces_are_filled(tmp_path: Path) -> None:
    rest = ("    message: \"{kind} {id}: {field} {{is}} {value}\"\n"
            "    then: {field: lead, function: falsy}\n")
    assert _findings(tmp_path, rest) == [("ACME001", 1, "Team core: lead {is} ada"),
                                         ("ACME001", 2, "Team shop: lead {is} linus")]


def test_a_secret_message_is_one_clear_line_from_the_command(tmp_path: Path) -> None:
    """The CLI: exit 2, one line naming the pack, no secret and no internal error."""
    _pack(tmp_path, "    message: \"t={field.__class__.__repr__.__globals__[os].environ[T]}\"\n"
          "    then: {field: lead, function: falsy}\n")
    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "o.yaml").write_text(ORG, "utf-8")
    (tmp_path / ".orgspec.yaml").write_text("rule-packs: [pack.yaml]\n", "utf-8")
    run = run_cli("check", "--lang", "en", cwd=tmp_path, env={"T": "secret-not-to-print"})
    assert run.code == 2 and run.stderr.count("\n") == 1, run.stderr
    assert "pack.yaml:9:14: invalid rule pack: rule ACME001: the message's" in run.stderr
    assert "secret-not-to-print" not in run.stderr + run.stdout
    assert "internal error" not in run.stderr


def test_anchors_and_aliases_are_refused(tmp_path: Path) -> None:
    bomb = "".join(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10 if i else ["x"] * 10) + "]\n"
                   for i in range(9))
    assert _error(tmp_path, "    then: {field: lead, function: defined}\n",
                  "family: acme\n" + bomb + HEAD.removeprefix("family: acme\n")) == \
        ":2:5: invalid rule pack: anchors (&a0) are not allowed (repeat the value instead of " \
        "using an anchor)"


@pytest.mark.parametrize(("rest", "said"), [
    ("    then: {field: name, function: pattern, options: {match: \"(unclosed\"}}\n",
     ":9:61: invalid rule pack: rule ACME001: 'match' is not a regular expression: missing ),"
     " unterminated subpattern at position 0"),
    ("    then: {field: name, function: length, options: {min: x}}\n",
     ":9:58: invalid rule pack: rule ACME001: 'min' is a whole number from 0 to 999999999, "
     "not 'x'"),
    ("    then: {field: name, function: length, options: {max: 1e400}}\n",
     ":9:58: invalid rule pack: rule ACME001: 'max' is a whole number from 0 to 999999999, "
     "not '1e400'"),
    ("    then: {field: name, function: length, options: {min: 3, max: 2}}\n",
     ":9:58: invalid rule pack: rule ACME001: 'min' (3) is more than 'max' (2)"),
    ("    then: [\n", ":10:1: invalid rule pack: YAML syntax error: while reading a value: "
     "a value is missing here"),
    ("    then: {field: lead, function: enumeration, options: {values: \"ada linus\"}}\n",
     ":9:66: invalid rule pack: rule ACME001: 'values' is a list of texts ([ada, linus]), "
     "not 'ada linus'"),
    ("    enabled: \"nope\"\n    then: {field: lead, function: defined}\n",
     ":9:14: invalid rule pack: rule ACME001: 'enabled' is true or false, not 'nope'"),
    ("    then: {field: leed, function: defined}\n",
     ":9:19: invalid rule pack: rule ACME001: Team has no field 'leed' (did you mean "
     "'lead'?)"),
    ("    mesage: x\n    then: {field: lead, function: defined}\n",
     ":9:5: invalid rule pack: rule ACME001: unknown key 'mesage' (did you mean 'message'?)"),
    ("    then: {field: lead, function: defined, optons: {}}\n",
     ":9:44: invalid rule pack: rule ACME001: unknown key 'optons' in 'then' (did you mean "
     "'options'?)"),
    ("    then: {field: lead, function: defined, options: {match: x}}\n",
     ":9:54: invalid rule pack: rule ACME001: unknown option 'match' (defined takes no "
     "options)"),
    ("    then: {field: lead, function: pattern}\n",
     ":9:11: invalid rule pack: rule ACME001: pattern needs the option 'match' or "
     "'notMatch'"),
    ("    then: {field: lead, function: exists}\n",
     ":9:35: invalid rule pack: rule ACME001: unknown function 'exists' (known: defined, "
     "undefined, truthy, falsy, pattern, length, enumeration)"),
    ("    then: {field: mission, function: pattern, options: {match: \"^(a+)+$\"}}\n",
     ":9:64: invalid rule pack: rule ACME001: 'match' repeats a group that holds an unbounded "
     "repetition ((a+)+), which can take minutes on a short value: make the inner repetition"
     " possessive (a++ or a*+) or atomic ((?>...))"),
])
def test_a_bad_pack_is_one_config_error_at_its_place(tmp_path: Path, rest: str,
                                                     said: str) -> None:
    assert _error(tmp_path, rest) == said


@pytest.mark.parametrize(("head", "said"), [
    (HEAD.replace("given: Team", "given: Tema"), ":8:12: invalid rule pack: rule ACME001: "
     "unknown kind 'Tema' for 'given' (did you mean 'Team'?)"),
    (HEAD.replace("severity: error", "severity: loud"), ":5:15: invalid rule pack: rule "
     "ACME001: unknown severity 'loud' (use error, warning or info)"),
    (HEAD.replace("code: ACME001", "code: acme1"), ":3:11: invalid rule pack: rule acme1: "
     "a code is 2-4 capitals and 3 digits (ACME001), not 'acme1'"),
    (HEAD.replace("code: ACME001", "code: HI005"), ":3:11: invalid rule pack: rule HI005: "
     "code 'HI005' is already taken by rule HI005"),
    (HEAD.replace("    summary: s\n", ""), ":3:5: invalid rule pack: rule ACME001: 'summary' "
     "is required"),
    (HEAD.replace("family: acme", "famly: acme"), ":1:1: invalid rule pack: unknown key "
     "'famly' (did you mean 'family'?)"),
])
def test_a_bad_rule_key_is_named(tmp_path: Path, head: str, said: str) -> None:
    assert _error(tmp_path, "    then: {field: lead, function: defined}\n", head) == said


def test_following_each_hint_gives_a_pack_that_is_read(tmp_path: Path) -> None:
    """`mesage` -> `message`, `leed` -> `lead`, the possessive repetition, `{{`: read."""
    rest = ("    message: \"{id} {{x}}\"\n"
            "    then: {field: name, function: pattern, options: {match: \"^(C++)+\"}}\n")
    assert _findings(tmp_path, rest) == [("ACME001", 2, "shop {x}")]


@pytest.mark.parametrize(("enabled", "on"), [("\"false\"", False), ("false", False),
                                             ("\"true\"", True), ("no", False)])
def test_enabled_as_a_string_is_read_as_meant(tmp_path: Path, enabled: str, on: bool) -> None:
    pack = _pack(tmp_path, f"    enabled: {enabled}\n    then: {{field: lead, function: "
                           "defined}\n")
    assert ("ACME001" in make_plan(Config(rule_packs=[str(pack)])).severity) is on


def test_enumeration_values_match_whole_values(tmp_path: Path) -> None:
    rest = "    then: {field: lead, function: enumeration, options: {values: [ada, lin]}}\n"
    assert [f[:2] for f in _findings(tmp_path, rest)] == [("ACME001", 2)]


def test_length_counts_a_list_and_a_text(tmp_path: Path) -> None:
    rest = "    then: {field: members, function: length, options: {min: 1, max: 1}}\n"
    assert _findings(tmp_path, rest) == []
    rest = "    then: {field: name, function: length, options: {max: 4}}\n"
    assert [f[:2] for f in _findings(tmp_path, rest)] == []
    rest = "    then: {field: name, function: length, options: {max: 3}}\n"
    assert [f[:2] for f in _findings(tmp_path, rest)] == [("ACME001", 1), ("ACME001", 2)]


def test_the_readme_s_pack_example_is_read_and_says_its_message(tmp_path: Path) -> None:
    from conftest import REPO

    readme = (REPO / "README.md").read_text("utf-8")
    rule = readme.split("```yaml\n  - code: ACME002\n", 1)[1].split("```", 1)[0]
    head = "family: acme\nrules:\n  - code: ACME002\n"
    assert _findings(tmp_path, rule, head) == []  # ada and linus lead: both appointed
    pack = (tmp_path / "pack.yaml").read_text("utf-8").replace("[ada, linus]", "[ada]")
    (tmp_path / "pack.yaml").write_text(pack, "utf-8")
    result = lint([str(tmp_path / "org")],
                  Config(rule_packs=[str(tmp_path / "pack.yaml")],
                         extend_select=[Selector("acme", "test")]), today=TODAY)
    assert [(f.code, f.location.line, str(f.message)) for f in result.findings
            if f.code == "ACME002"] == [
        ("ACME002", 2, "Team shop: linus is not an appointed lead")]


def test_rules_and_explain_know_the_project_s_pack(tmp_path: Path) -> None:
    """Inside a project whose config lists a pack, `orgspec rules` lists its rules and
    `explain` explains them (in Chinese by the name, which is the rule's only title);
    `--isolated` reads no config, so no pack."""
    _pack(tmp_path, "    then: {field: lead, function: defined}\n")
    (tmp_path / ".orgspec.yaml").write_text("rule-packs: [pack.yaml]\n", "utf-8")
    listed = run_cli("rules", "--lang", "en", cwd=tmp_path)
    assert listed.code == 0
    assert [line.split()[:4] for line in listed.stdout.splitlines()
            if line.startswith("ACME")] == [["ACME001", "acme-rule", "error", "yes"]]
    said = run_cli("explain", "acme001", "--lang", "zh", cwd=tmp_path)
    assert said.code == 0 and said.stdout.splitlines()[0] == "ACME001 acme-rule", said.stderr
    assert run_cli("explain", "acme-rule", "--lang", "en", cwd=tmp_path).code == 0
    alone = run_cli("explain", "ACME001", "--isolated", "--lang", "en", cwd=tmp_path)
    assert alone.code == 2 and "unknown rule 'ACME001'" in alone.stderr
    assert "ACME001" not in run_cli("rules", "--isolated", cwd=tmp_path).stdout
