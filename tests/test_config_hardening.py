"""A bad command line or config found by a hostile-input run (session 34): each is one
error line (exit 2), never "internal error", a hang or a write into the org."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES, run_cli

EN = {"LANG": "en_US.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""}


def _repo(tmp_path: Path, config: str = "", name: str = ".orgspec.yaml") -> Path:
    """A folder holding `org/` (the minimal example, no findings) and, when given, a
    config `name` with `config`."""
    repo = tmp_path / "repo"
    shutil.copytree(EXAMPLES / "minimal", repo / "org")
    if config:
        (repo / name).write_text(config, "utf-8")
    return repo


def _one_error(run, *parts: str) -> str:
    """The run's one error line, which must hold every one of `parts`."""
    assert (run.code, run.stdout) == (2, ""), (run.code, run.stdout, run.stderr)
    lines = run.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("orgspec: error: "), run.stderr
    assert "internal error" not in lines[0] and "Traceback" not in run.stderr
    for part in parts:
        assert part in lines[0], (part, lines[0])
    return lines[0]


# 1. the baseline gets the checks the org's files get: a regular file, of bounded size

@pytest.mark.parametrize("where", ["option", "config"])
def test_a_device_as_baseline_is_one_error_not_4_gb_read(tmp_path: Path, where: str) -> None:
    """`--baseline /dev/zero` read until memory ran out."""
    repo = _repo(tmp_path, "root: org\nbaseline: /dev/zero\n" if where == "config" else "")
    args = ("--baseline", "/dev/zero") if where == "option" else ()
    run = run_cli("check", "--no-cache", *args, cwd=repo, env=EN, fresh=True, timeout=30)
    _one_error(run, "cannot read baseline", "/dev/zero",
               "not a regular file (a FIFO, device or socket)")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_as_baseline_is_one_error_not_a_hang(tmp_path: Path) -> None:
    repo = _repo(tmp_path, "root: org\nbaseline: known.json\n")
    os.mkfifo(repo / "known.json")
    run = run_cli("check", "--no-cache", cwd=repo, env=EN, fresh=True, timeout=30)
    _one_error(run, "cannot read baseline", "known.json", "not a regular file")


def test_a_baseline_over_the_limit_is_one_error(tmp_path: Path) -> None:
    from orgspec.ci.baseline import MAX_BASELINE_BYTES

    repo = _repo(tmp_path)
    with open(repo / "known.json", "wb") as big:  # sparse: no disk taken
        big.truncate(MAX_BASELINE_BYTES + 1)
    run = run_cli("check", "--no-cache", "--baseline", "known.json", cwd=repo, env=EN)
    _one_error(run, "cannot read baseline", f"file is {MAX_BASELINE_BYTES + 1} bytes; the "
               f"limit is {MAX_BASELINE_BYTES}")


def test_a_baseline_nested_too_deeply_is_one_error(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (repo / "known.json").write_text("[" * 100_000, "utf-8")
    run = run_cli("check", "--no-cache", "--baseline", "known.json", cwd=repo, env=EN)
    _one_error(run, "cannot read baseline", "nested too deeply")


def test_a_baseline_through_a_link_is_still_read(tmp_path: Path) -> None:
    """The checks follow a link to a regular file (a baseline kept elsewhere)."""
    repo = _repo(tmp_path)
    assert run_cli("check", "--no-cache", "--write-baseline", "real.json", cwd=repo,
                   env=EN).code == 0
    (repo / "known.json").symlink_to("real.json")
    run = run_cli("check", "--no-cache", "--baseline", "known.json", cwd=repo, env=EN)
    assert run.code == 0, run.stderr


# 2. a cache inside the org would be committed with it: its key, and pickles to load

@pytest.mark.parametrize("cache", ["org", "org/.cache", "./org/../org/sub"])
def test_a_cache_dir_inside_the_org_is_refused(tmp_path: Path, cache: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ORGSPEC_CACHE_DIR")  # the config's setting, not the tests' own
    repo = _repo(tmp_path, f"root: org\ncache-dir: {cache}\n")
    before = sorted(p.name for p in (repo / "org").rglob("*"))
    run = run_cli("check", cwd=repo, env=EN)
    _one_error(run, "will not keep the cache in", "it lies in the org folder",
               "set `cache-dir` (or $ORGSPEC_CACHE_DIR) to a folder outside the org")
    assert sorted(p.name for p in (repo / "org").rglob("*")) == before  # nothing written


def test_a_cache_dir_inside_a_named_folder_is_refused_too(tmp_path: Path) -> None:
    """The folder checked, not only the config's root: `$ORGSPEC_CACHE_DIR` as well."""
    repo = _repo(tmp_path)
    run = run_cli("check", "org", "--isolated", cwd=repo,
                  env={**EN, "ORGSPEC_CACHE_DIR": str(repo / "org" / "c")})
    _one_error(run, "will not keep the cache in", str(repo / "org" / "c"))
    assert not (repo / "org" / "c").exists()


def test_a_cache_dir_beside_the_org_is_used(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ORGSPEC_CACHE_DIR")
    repo = _repo(tmp_path, "root: org\ncache-dir: .orgspec_cache\n")
    assert run_cli("check", cwd=repo, env=EN).code == 0
    assert (repo / ".orgspec_cache").is_dir()
    assert run_cli("check", "--no-cache", cwd=repo, env=EN).code == 0


# 3. values of the wrong type are config errors at their place

TOML_CASES = [
    ('baseline = "\\u0000"', "[tool.orgspec].baseline: 'baseline' is a path, which cannot "
     "hold a NUL character (\\u0000)"),
    ('rule-packs = ["\\u0000"]', "[tool.orgspec].rule-packs.0: 'rule-packs' is a path"),
    ('cache-dir = "c\\u0000"', "[tool.orgspec].cache-dir: 'cache-dir' is a path"),
    ("[tool.orgspec.rules.span-of-control.options]\nmax = inf",
     "HI008 option 'max' must be a whole number, not inf"),
    ("[tool.orgspec.rules.span-of-control.options]\nmax = 1.5",
     "HI008 option 'max' must be a whole number, not 1.5"),
    ("[tool.orgspec.rules.multiple-roots.options]\nroot = {a = [1, 2]}",
     "HI003 option 'root' must be a text, not {'a': [1, 2]}"),
    ("[tool.orgspec.rules.near-duplicate-duties.options]\nthreshold = [1]",
     "OW007 option 'threshold' must be a number, not '[1]'"),
    ("[tool.orgspec.rules.team-without-objective.options]\ndate = \"31/03/2026\"",
     "OK015 option 'date' must be a date written YYYY-MM-DD, not '31/03/2026'"),
]


@pytest.mark.parametrize(("setting", "said"), TOML_CASES)
def test_a_toml_value_of_the_wrong_kind_is_a_config_error(tmp_path: Path, setting: str,
                                                          said: str) -> None:
    repo = _repo(tmp_path, f'[tool.orgspec]\nroot = "org"\n{setting}\n', "pyproject.toml")
    _one_error(run_cli("check", "--no-cache", cwd=repo, env=EN), "pyproject.toml: ", said)


@pytest.mark.parametrize(("setting", "value"), [
    ("[tool.orgspec.rules.span-of-control.options]\nmax = 3.0", ("HI008", {"max": 3})),
    ("[tool.orgspec.rules.team-without-objective.options]\ndate = 2026-03-31",
     ("OK015", {"date": "2026-03-31"})),
])
def test_a_toml_value_of_the_right_kind_is_taken(tmp_path: Path, setting: str,
                                                 value: tuple[str, dict]) -> None:
    from orgspec.engine.selection import make_plan
    from orgspec.load.config import load_config

    repo = _repo(tmp_path, f'[tool.orgspec]\nroot = "org"\n{setting}\n', "pyproject.toml")
    code, options = value
    assert make_plan(load_config(str(repo / "pyproject.toml"))).options[code] == options


def test_a_yaml_option_of_the_wrong_kind_is_said_at_its_rule(tmp_path: Path) -> None:
    """`multiple-roots: {options: {root: {a: [1,2]}}}` was taken as the root's id."""
    repo = _repo(tmp_path, "root: org\nrules:\n  multiple-roots: {options: {root: {a: [1,2]}}}\n")
    _one_error(run_cli("check", "--no-cache", cwd=repo, env=EN),
               f"{repo / '.orgspec.yaml'}:3:3: HI003 option 'root' must be a text")


def test_a_bad_date_option_is_a_config_error_not_an_internal_one(tmp_path: Path) -> None:
    repo = _repo(tmp_path, "root: org\nrules:\n  team-without-objective:\n"
                           "    severity: warning\n    options: {date: x}\n")
    _one_error(run_cli("check", "--no-cache", cwd=repo, env=EN),
               "OK015 option 'date' must be a date written YYYY-MM-DD, not 'x'")


def test_init_through_a_missing_folder_writes_nothing(tmp_path: Path) -> None:
    """`init i/../../x/ii` without `i` wrote every file at ../x/ii, then failed."""
    here = tmp_path / "a"
    here.mkdir()
    run = run_cli("init", "i/../../x/ii", cwd=here, env=EN)
    _one_error(run, "cannot init 'i/../../x/ii': 'i' is not a folder, so the `..` after it "
               "leads nowhere; write '../x/ii' instead")
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a"]
    (here / "i").mkdir()  # the hint, followed: a clean run
    assert run_cli("init", "../x/ii", cwd=here, env=EN).code == 0
    assert (tmp_path / "x" / "ii" / ".orgspec.yaml").is_file()


# 4. `file=` is the exact path for GitHub's runner

def _runner_property(escaped: str) -> str:
    """What GitHub's runner makes of a property (actions/runner `UnescapeProperty`)."""
    for token, code in (("\r", "%0D"), ("\n", "%0A"), (":", "%3A"), (",", "%2C"),
                        ("%", "%25")):
        escaped = escaped.replace(code, token)
    return escaped


@pytest.mark.parametrize("name", ["bidi\u202eevil.yaml", "esc\x1b[31mred.yaml"])
def test_github_annotations_name_the_file_that_exists(tmp_path: Path, name: str) -> None:
    """`file=w/bidi\\u202eevil.yaml` named a file no repository has: inside GitHub Actions
    the path is the real one, escaped as the runner unescapes; elsewhere (a terminal) its
    hidden characters stay escapes."""
    repo = _repo(tmp_path)
    (repo / "org" / name).write_text("- kind: Team\n  id: t\n  name: T\n  bogus: 1\n", "utf-8")
    args = ("check", "org", "--isolated", "--no-cache", "--format", "github", "--select",
            "SC001")
    inside = run_cli(*args, cwd=repo, env={**EN, "GITHUB_ACTIONS": "true"})
    files = [line.split("file=", 1)[1].split(",line=", 1)[0]
             for line in inside.stdout.splitlines()]
    assert [_runner_property(f) for f in files] == [f"org/{name}"]
    assert (repo / _runner_property(files[0])).is_file()
    outside = run_cli(*args, cwd=repo, env={**EN, "GITHUB_ACTIONS": ""})
    assert outside.stdout.count("file=") == 1
    assert not any(c in outside.stdout for c in "\x1b\u202e")


# 5. two configs of one folder

def test_two_configs_of_one_folder_are_one_error_naming_both(tmp_path: Path) -> None:
    repo = _repo(tmp_path, "root: org\n")
    (repo / ".orgspec.yml").write_text("root: org\nfail-on: warning\n", "utf-8")
    for args in ((), ("--config", ".orgspec.yml")):
        _one_error(run_cli("check", "--no-cache", *args, cwd=repo, env=EN),
                   ".orgspec.yaml and ", ".orgspec.yml are both configs of one folder; "
                   "orgspec reads one: merge them into ")
    (repo / ".orgspec.yml").unlink()  # the hint, followed
    assert run_cli("check", "--no-cache", cwd=repo, env=EN).code == 0


@pytest.mark.parametrize(("lang", "said"), [
    ("zh", "是同一文件夹的两个配置文件"), ("zh-Hant", "是同一資料夾的兩個設定檔")])
def test_two_configs_are_said_in_chinese(tmp_path: Path, lang: str, said: str) -> None:
    repo = _repo(tmp_path, "root: org\n")
    (repo / ".orgspec.yml").write_text("root: org\n", "utf-8")
    run = run_cli("check", "--no-cache", "--lang", lang, cwd=repo, env=EN)
    assert run.code == 2 and said in run.stderr, run.stderr
