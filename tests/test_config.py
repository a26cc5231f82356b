"""Configuration: presets, selection by code/name/family/prefix, overrides, options, per-file
ignores, rule packs, and precise errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

from orgspec.engine.lint import lint
from orgspec.engine.selection import make_plan
from orgspec.load.config import Config, ConfigError, RuleSetting, Selector, load_config

TEAM_NO_LEAD = "- kind: Team\n  id: core\n  members: [ada]\n  responsibilities: [x]\n" \
               "- {kind: Person, id: ada}\n" \
               "- {kind: Responsibility, id: x, description: Run the thing}\n"


def sel(*texts: str) -> list[Selector]:
    return [Selector(t, "test") for t in texts]


def test_selectors_take_codes_prefixes_names_and_families() -> None:
    plan = make_plan(Config(select=sel("OW001", "HI00", "team-without-lead", "suppressions")))
    assert set(plan.severity) == {"OW001", "HI001", "HI002", "HI003", "HI004", "HI005",
                                  "HI006", "HI007", "HI008", "HI009", "SU001", "SU002", "SU003"}
    plan = make_plan(Config(ignore=sel("ownership")))
    assert not any(code.startswith("OW") for code in plan.severity)


def test_unknown_selector_is_an_error_with_a_hint() -> None:
    with pytest.raises(ConfigError, match=r"test: unknown rule, prefix or family 'ownershp' "
                                          r"\(did you mean 'ownership'\?\)"):
        make_plan(Config(select=sel("ownershp")))


def test_severity_override_and_off() -> None:
    plan = make_plan(Config(rules={"HI005": RuleSetting("t", "error"),
                                   "near-duplicate-duties": RuleSetting("t", "off")}))
    assert plan.severity["HI005"].label == "error"
    assert "OW007" not in plan.severity


def test_options_are_typed_and_checked() -> None:
    plan = make_plan(Config(rules={"HI008": RuleSetting("t", options={"max": "3"})}))
    assert plan.options["HI008"] == {"max": 3}
    with pytest.raises(ConfigError, match="has no option 'maximum' \\(did you mean 'max'\\?\\)"):
        make_plan(Config(rules={"HI008": RuleSetting("t", options={"maximum": 3})}))
    with pytest.raises(ConfigError, match="must be a whole number"):
        make_plan(Config(rules={"HI008": RuleSetting("t", options={"max": "lots"})}))


def test_yaml_config_end_to_end(tmp_path: Path) -> None:
    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "t.yaml").write_text(TEAM_NO_LEAD, "utf-8")
    (tmp_path / ".orgspec.yaml").write_text(
        "extends: strict\nrules:\n  team-without-lead: error\n", "utf-8")
    run = run_cli("check", "--format", "json", cwd=tmp_path)
    assert run.code == 1
    # strict also turns on rules that are off by default, such as OK015 (info)
    assert [(f["code"], f["severity"]) for f in run.json()["findings"]] == [
        ("HI005", "error"), ("OK015", "info")]


def test_per_file_ignores(tmp_path: Path) -> None:
    (tmp_path / "org" / "legacy").mkdir(parents=True)
    (tmp_path / "org" / "legacy" / "t.yaml").write_text(TEAM_NO_LEAD, "utf-8")
    (tmp_path / ".orgspec.yaml").write_text(
        "per-file-ignores:\n  'legacy/**': [hierarchy]\n", "utf-8")
    assert run_cli("check", cwd=tmp_path).code == 0


def test_rule_pack_adds_a_declarative_rule(tmp_path: Path) -> None:
    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "t.yaml").write_text(TEAM_NO_LEAD.replace("  members", "  lead: ada\n"
                                                                   "  members"), "utf-8")
    (tmp_path / "acme.yaml").write_text(
        "family: acme\nrules:\n  - code: ACME001\n    name: team-has-mission\n"
        "    severity: error\n    summary: Every team states its mission.\n"
        "    rationale: A team without a mission cannot say no.\n    given: Team\n"
        "    then: {field: mission, function: defined}\n", "utf-8")
    (tmp_path / ".orgspec.yaml").write_text("rule-packs: [acme.yaml]\n", "utf-8")
    run = run_cli("check", "--format", "json", cwd=tmp_path)
    assert [(f["code"], f["line"], f["message"]) for f in run.json()["findings"]] == [
        ("ACME001", 1, "Team 'core' has no `mission`")]


@pytest.mark.parametrize(("text", "message"), [
    ("rules:\n  HI005: loud\n", ":2:10: unknown severity 'loud'"),
    ("extends: strictest\n", ":1:10: unknown preset 'strictest' (did you mean 'strict'?)"),
    ("select: [OW001, nope]\n", ":1:17: unknown rule, prefix or family 'nope'"),
    ("rules:\n  HI008:\n    options: {maxx: 3}\n", ":2:3: rule HI008 has no option 'maxx'"),
    ("rule-packs: [missing.yaml]\n", ":1:14: rule pack 'missing.yaml' not found"),
    ("root: [a, b]\n", ":1:1: 'root' must be a non-empty string"),
])
def test_bad_config_is_exit_two_with_position(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "org").mkdir()
    (tmp_path / ".orgspec.yaml").write_text(text, "utf-8")
    run = run_cli("check", cwd=tmp_path)
    assert run.code == 2
    assert run.stderr.startswith("orgspec: error: ")
    assert message in run.stderr, run.stderr
    assert len(run.stderr.splitlines()) == 1


def test_config_command_prints_the_effective_config(tmp_path: Path) -> None:
    (tmp_path / ".orgspec.yaml").write_text("ignore: [OW007]\nrules:\n  HI008: {options: "
                                            "{max: 5}}\n", "utf-8")
    doc = run_cli("config", cwd=tmp_path).json()
    assert "OW007" in doc["disabled"]
    assert doc["rules"]["HI008"] == {"name": "span-of-control", "severity": "warning",
                                     "options": {"max": 5}}


def test_load_config_reads_pyproject(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[tool.orgspec]\nselect = ["ownership"]\nfail-on = "warning"\n', "utf-8")
    config = load_config(str(path))
    assert [s.text for s in config.select or []] == ["ownership"]
    assert config.fail_on.label == "warning"


def test_lint_accepts_cli_like_selection(write_org) -> None:
    root = write_org({"t.yaml": TEAM_NO_LEAD})
    result = lint([str(root)], Config(select=sel("HI005")))
    assert [f.code for f in result.findings] == ["HI005"]


@pytest.mark.parametrize(("text", "message"), [
    ("per-file-ignores:\n  '[': [HI005]\n",
     ":2:3: 'per-file-ignores': '[' is not a glob: the `[` at character 1 is never closed "
     "(write `[[]` for a literal `[`)"),
    ("per-file-ignores:\n  'legacy/[!a': [HI005]\n",
     ":2:3: 'per-file-ignores': 'legacy/[!a' is not a glob: the `[` at character 8"),
    ("per-file-ignores:\n  '': [HI005]\n",
     ":2:3: 'per-file-ignores': '' is not a glob: a glob cannot be empty"),
    ("exclude: ['ok/**', 'drafts/[z-a]*.yaml']\n",
     ":1:20: 'exclude': 'drafts/[z-a]*.yaml' is not a glob: the range 'z-a' runs backwards"),
    ("include: '[abc'\n", ":1:10: 'include': '[abc' is not a glob"),
])
def test_a_bad_glob_is_one_config_error_naming_its_key(tmp_path: Path, text: str,
                                                       message: str) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "org").mkdir()
    (tmp_path / ".orgspec.yaml").write_text(text, "utf-8")
    run = run_cli("check", "--lang", "en", cwd=tmp_path)
    assert run.code == 2
    assert run.stderr.startswith("orgspec: error: ") and message in run.stderr, run.stderr
    assert len(run.stderr.splitlines()) == 1


def test_a_bad_glob_is_said_in_chinese(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "org").mkdir()
    (tmp_path / ".orgspec.yaml").write_text("lang: zh\nper-file-ignores:\n  '[': [HI005]\n",
                                            "utf-8")
    run = run_cli("check", cwd=tmp_path)
    assert run.code == 2
    assert run.stderr == ("orgspec: 错误：" + str(tmp_path / ".orgspec.yaml") + ":3:3："
                          "'per-file-ignores'：'[' 不是有效的文件通配符：第 1 个字符的 `[` 没有闭合"
                          "（要匹配字面的 `[`，请写 `[[]`）\n")


@pytest.mark.parametrize(("glob", "path", "hit"), [
    ("legacy/[ab]*.yaml", "legacy/a1.yaml", True),
    ("legacy/[ab]*.yaml", "legacy/c1.yaml", False),
    ("legacy/[!ab]*.yaml", "legacy/c1.yaml", True),
    ("legacy/[!ab]*.yaml", "legacy/a1.yaml", False),
    ("q[1-4].yaml", "q3.yaml", True),
    ("q[1-4].yaml", "q5.yaml", False),
    ("[[]draft].yaml", "[draft].yaml", True),
    ("a[/]b", "a/b", False),
    ("a[!x]b", "a/b", False),
    ("legacy/**", "legacy/x/y.yaml", True),
])
def test_globs_read_character_classes(glob: str, path: str, hit: bool) -> None:
    from orgspec.load.discovery import matches

    assert matches(path, [glob]) is hit
