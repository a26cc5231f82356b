"""What a new user met on their own e-commerce org (trial 4): the same file named twice,
diffs and baselines that claimed fixes, the action's comment, the hook on a deletion, and
one mistake giving several findings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import run_cli

PEOPLE = """\
- {kind: Person, id: wang-jianguo, name: 王建国}
- {kind: Person, id: li-na, name: 李娜}
"""
TEAMS = """\
- kind: Team
  id: company
  name: 优选商城
  lead: wang-jianguo
  members: [wang-jianguo, li-na]
  responsibilities: [complaints]
- {kind: Responsibility, id: complaints, name: 投诉处理}
"""


def small_org(root: Path) -> Path:
    (root / "org" / "teams").mkdir(parents=True)
    (root / "org" / "teams" / "people.yaml").write_text(PEOPLE, "utf-8")
    (root / "org" / "teams" / "teams.yaml").write_text(TEAMS, "utf-8")
    return root / "org"


def test_a_file_named_twice_is_loaded_once(tmp_path: Path) -> None:
    small_org(tmp_path)
    for args in (["org", "org/teams/people.yaml"], ["org", "./org"],
                 ["org/teams/people.yaml", "./org/teams/people.yaml", "org/teams/teams.yaml"],
                 ["org", "org/teams", "org/../org/teams/teams.yaml"]):
        run = run_cli("check", *args, "--format", "json", cwd=tmp_path)
        assert run.json()["findings"] == [], args
        assert run.json()["summary"]["files"] == 2, args
        assert run.code == 0


def test_a_file_named_twice_keeps_the_first_name_and_a_stable_order(tmp_path: Path) -> None:
    from orgspec.load.discovery import discover

    small_org(tmp_path)
    import os
    before = os.getcwd()
    os.chdir(tmp_path)
    try:
        found = discover(["./org/teams/teams.yaml", "org", "org/teams/people.yaml"])
    finally:
        os.chdir(before)
    assert [c.display for c in found.files] == ["org/teams/people.yaml",
                                                "org/teams/teams.yaml"]


def git(repo: Path, *args: str) -> str:
    import os
    import subprocess

    done = subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True,
                          env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
                               "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"})
    return done.stdout


VACANCY = """\
- kind: Role
  id: cs-specialist
  name: 客服专员
  team: company
  holders: [li-na, 待招聘]
  duties: [complaints]
"""


def baselined_repo(root: Path) -> Path:
    """A git repo whose org has one vacancy (RO001), known to the configured baseline."""
    small_org(root)
    (root / "org" / "positions.yaml").write_text(VACANCY, "utf-8")
    (root / ".orgspec.yaml").write_text("root: org\nbaseline: .orgspec-baseline.json\n",
                                        "utf-8")
    git(root, "init", "-q")
    assert run_cli("check", "--write-baseline", ".orgspec-baseline.json", cwd=root).code == 0
    git(root, "add", ".")
    git(root, "commit", "-qm", "org and baseline")
    return root


def test_diff_with_a_configured_baseline_reports_no_fix_that_did_not_happen(
        tmp_path: Path) -> None:
    repo = baselined_repo(tmp_path)
    with (repo / "org" / "teams" / "people.yaml").open("a", encoding="utf-8") as handle:
        handle.write("- {kind: Person, id: zhao-lei, name: 赵磊}\n")
    teams = repo / "org" / "teams" / "teams.yaml"
    teams.write_text(TEAMS.replace("[wang-jianguo, li-na]", "[wang-jianguo, li-na, zhao-lei]"),
                     "utf-8")
    git(repo, "commit", "-qam", "zhao-lei joins")

    run = run_cli("check", "--diff", "HEAD~1", "--lang", "en", "--report", "markdown=pr.md",
                  cwd=repo)
    assert run.code == 0, run.stdout + run.stderr
    assert "org diff against HEAD~1: 0 new findings, 0 fixed" in run.stdout
    assert "fixed:" not in run.stdout + run.stderr
    report = (repo / "pr.md").read_text("utf-8")
    assert "fixed:" not in report
    # `~` escaped for Markdown; the vacancy is what the baseline hides, unchanged since then
    assert "Since HEAD\\~1: 0 new, 0 unchanged, 0 fixed; the baseline hides 1 more unchanged " \
        "finding\n" in report


def test_diff_with_a_baseline_still_reports_a_real_fix(tmp_path: Path) -> None:
    repo = baselined_repo(tmp_path)
    (repo / "org" / "positions.yaml").write_text(VACANCY.replace("待招聘", "wang-jianguo"),
                                                 "utf-8")
    git(repo, "commit", "-qam", "hired")

    run = run_cli("check", "--diff", "HEAD~1", "--lang", "en", cwd=repo)
    assert "org diff against HEAD~1: 0 new findings, 1 fixed" in run.stdout
    assert "  vacancy fixed: position 客服专员 (cs-specialist) has" in run.stdout
    assert "1 stale entry" in run.stderr


OKRS = """\
kind: Objective
id: cs-2026q1
title: 提升客户满意度
owner: company
period: 2026-Q1
key_results:
  - id: nps
    title: NPS 从 30 提升到 45
    metric: nps
    baseline: 30
    target: 45
  - id: weekly-review
    title: 召开客服周会
  - id: survey
    title: 满意度调研回收率达到 60%
    due: 2026-05-15
"""


def test_a_baseline_entry_held_back_by_a_failed_load_is_not_fixed(tmp_path: Path) -> None:
    repo = baselined_repo(tmp_path)
    (repo / "org" / "okrs.yaml").write_text(OKRS, "utf-8")
    assert run_cli("check", "--write-baseline", ".orgspec-baseline.json", cwd=repo).code == 0
    entries = (repo / ".orgspec-baseline.json").read_text("utf-8")
    assert '"RO001"' in entries and '"OK003"' in entries and '"OK009"' in entries
    # a full-width colon: teams.yaml cannot be read; the period cannot be read either
    teams = repo / "org" / "teams" / "teams.yaml"
    teams.write_text(TEAMS.replace("  lead: wang-jianguo", "  lead： wang-jianguo"), "utf-8")
    (repo / "org" / "okrs.yaml").write_text(OKRS.replace("2026-Q1", "2026年第一季度"), "utf-8")
    (repo / "org" / "positions.yaml").write_text(  # a real fix: the vacancy is filled
        VACANCY.replace("待招聘", "wang-jianguo"), "utf-8")

    run = run_cli("check", "--lang", "en", cwd=repo)
    assert "stale baseline entry (fixed): org/positions.yaml: RO001" in run.stderr
    assert "stale baseline entry (fixed): org/okrs.yaml" not in run.stderr
    assert "1 stale entry" in run.stderr
    # OK009 (due outside the period) rests on the period; OK003 (no target value) does not
    assert "baseline entry not checked (a field its rule reads is invalid and was left "\
        "out): org/okrs.yaml: OK009" in run.stderr
    assert "org/okrs.yaml: OK003" not in run.stderr

    written = run_cli("check", "--lang", "en", "--write-baseline", ".orgspec-baseline.json",
                      cwd=repo)
    assert written.code == 0
    assert "that this run could not check" in written.stderr
    entries = (repo / ".orgspec-baseline.json").read_text("utf-8")
    assert '"OK009"' in entries and '"RO001"' not in entries

    teams.write_text(TEAMS, "utf-8")  # loaded again: the kept entry still matches
    (repo / "org" / "okrs.yaml").write_text(OKRS, "utf-8")
    again = run_cli("check", "--lang", "en", cwd=repo)
    assert again.code == 0, again.stdout
    assert "not checked" not in again.stderr
    assert "OK003" not in again.stdout + again.stderr  # known again, not new, not stale


def action_steps(inputs: dict[str, str], token: str) -> list[tuple[str, dict[str, str], str]]:
    """The action's steps as the runner would run them: (name, env, script) for each step
    whose `if` holds, with `${{ inputs.X }}` and `${{ github.token }}` filled in."""
    import re

    import yaml
    from conftest import REPO

    action = yaml.safe_load((REPO / "action.yml").read_text("utf-8"))
    given = {name: spec.get("default", "") for name, spec in action["inputs"].items()}
    given.update(inputs)
    given = {k: token if v == "${{ github.token }}" else v for k, v in given.items()}

    def fill(text: str) -> str:
        return re.sub(r"\$\{\{ inputs\.(\w+) \}\}", lambda m: given[m.group(1)], text)

    conditions = {"inputs.site != ''": given["site"] != "",
                  "${{ always() && inputs.comment == 'true' }}": given["comment"] == "true"}
    out = []
    for step in action["runs"]["steps"]:
        if "if" in step and not conditions[step["if"]]:
            continue
        out.append((step["name"], {k: fill(str(v)) for k, v in step.get("env", {}).items()},
                    step["run"]))
    return out


def run_action(repo: Path, inputs: dict[str, str], env: dict[str, str]) -> dict[str, Any]:
    """Every step but the install (orgspec is this venv's), in order, as GitHub's `bash`
    shell runs them (`-eo pipefail`); a failed step does not stop the `always()` ones."""
    import os
    import subprocess
    import sys

    bin_dir = str(Path(sys.executable).parent)
    done: dict[str, Any] = {}
    for name, step_env, script in action_steps(inputs, env.get("GITHUB_TOKEN", "")):
        if name == "Install orgspec":
            assert script.strip() == 'python3 -m pip install --quiet "$GITHUB_ACTION_PATH"'
            continue
        full = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ["PATH"],
                "NO_COLOR": "1", "RUNNER_TEMP": str(repo.parent), **env, **step_env}
        done[name] = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c",
                                     script], cwd=repo, env=full, capture_output=True,
                                    text=True, timeout=300, check=False)
    return done


def test_the_action_comment_is_the_check_s_report_with_its_baseline_and_diff(
        tmp_path: Path) -> None:
    import json

    from test_prcomment import MARKER, TOKEN, fake_github

    repo = baselined_repo(tmp_path / "work")
    # the pull request: a new vacancy beside the baselined one
    (repo / "org" / "positions.yaml").write_text(VACANCY + VACANCY.replace(
        "cs-specialist", "cs-lead").replace("客服专员", "客服主管"), "utf-8")
    git(repo, "commit", "-qam", "cs lead")
    with fake_github() as (fake, url):
        event = tmp_path / "event.json"
        event.write_text(json.dumps({"pull_request": {"number": 9}}), "utf-8")
        env = {"GITHUB_TOKEN": TOKEN, "GITHUB_REPOSITORY": "acme/org",
               "GITHUB_EVENT_PATH": str(event), "GITHUB_API_URL": url,
               "GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": str(repo)}
        steps = run_action(repo, {"paths": "org", "diff": "HEAD~1", "comment": "true",
                                  "args": "--lang en"}, env)
        [body] = [c["body"] for c in fake.comments[9]]
    check, comment = steps["Check the org"], steps["Comment on the pull request"]
    assert check.returncode == 0, check.stderr  # a vacancy is a warning
    assert [line.split(" ", 1)[0] for line in check.stdout.splitlines()] == ["::warning"]
    assert "position 客服主管 (cs-lead)" in check.stdout  # said with its name
    assert "created the orgspec comment on acme/org#9" in comment.stdout, comment.stderr
    assert body.startswith(MARKER + "\n# Org report\n")
    assert "<summary>Org diff</summary>" in body  # the diff's, as the check printed it
    assert "- position added: 客服主管 (cs-lead)\n" in body
    assert "vacancy introduced: position 客服主管 (cs-lead) has" in body
    assert "cs\\-specialist\\' has" not in body  # baselined: not in the comment
    assert "**0** new errors · **1** new warning · " in body  # with --diff: the new ones
    # trial 9: the comment says what the baseline hides
    assert "\n1 known finding hidden by the baseline (counted in team health)\n" in body


def test_report_leaves_out_what_the_configured_baseline_knows(tmp_path: Path) -> None:
    repo = baselined_repo(tmp_path)
    check = run_cli("check", "--lang", "en", "--format", "json", cwd=repo)
    report = run_cli("report", "--lang", "en", cwd=repo)
    assert check.json()["findings"] == [] and report.code == 0
    assert report.stdout.startswith("# Org report\n\n**0** errors · **0** warnings · ")
    assert "\n1 known finding hidden by the baseline (counted in team health)\n" in report.stdout
    assert "1 known finding not shown" in report.stderr
    full = run_cli("report", "--lang", "en", "--no-baseline", cwd=repo)
    assert full.stdout.startswith("# Org report\n\n**0** errors · **1** warning · ")


UPPERCASE = """\
- kind: Team
  id: company
  name: 公司
  lead: wang
  members: [wang]
- kind: Team
  id: Marketing
  name: 市场部
  parent: company
  lead: li
  members: [li]
  responsibilities: [brand]
- {kind: Person, id: wang, name: 王}
- {kind: Person, id: li, name: 李}
- kind: Responsibility
  id: brand
  name: 品牌
  accountable: marketing
  responsible: [marketing]
- kind: Role
  id: mkt
  name: 市场专员
  team: marketing
  holders: [li]
  duties: [brand]
- kind: Meeting
  id: weekly
  name: 周会
  cadence: 每周一 10:00
  owner: wang
  attendees: [company, markting]
"""


def found(org: Path) -> list[tuple[str, int, str, str]]:
    from orgspec.engine.lint import lint
    from orgspec.load.config import Config

    return [(f.code, f.location.line, f.message, f.hint)
            for f in lint([str(org)], Config(lang="en")).findings]


def test_an_uppercase_id_is_one_finding_and_never_suggested(tmp_path: Path) -> None:
    (tmp_path / "org.yaml").write_text(UPPERCASE, "utf-8")
    assert found(tmp_path) == [
        ("SC003", 7, "`id` 'Marketing' must be a lowercase slug",
         "an id is lowercase: write it as `marketing`"),
        ("RF001", 31, "unknown Team, Person or Role 'markting' in `attendees` of meeting "
                      "'weekly'",
         "did you mean 'marketing'?"),
    ]


def test_a_team_field_on_a_person_is_one_finding(tmp_path: Path) -> None:
    (tmp_path / "org.yaml").write_text(
        "- {kind: Team, id: tech, name: 技术部, lead: wang, members: [wang],"
        " responsibilities: [ops]}\n"
        "- {kind: Responsibility, id: ops, name: 运维}\n"
        "- {kind: Person, id: wang, name: 王}\n"
        "- {kind: Person, id: qian-hao, name: 钱浩, team: tech}\n"
        "- {kind: Person, id: sun-li, name: 孙丽, 部门: tech}\n"
        "- {kind: Person, id: zhou, name: 周, hobby: tech}\n", "utf-8")
    membership = ("membership is written on the team: add the person to the Team's `members` "
                  "(or make them its `lead`); known fields: kind, id, aliases, name, names, "
                  "title, email, roles, manager")
    assert found(tmp_path) == [
        ("SC001", 4, "unknown field `team`", membership),
        ("SC001", 5, "unknown field `部门`", membership),
        ("HI007", 6, "person 'zhou' is on no team", "add the person to a team's `members`"),
        ("SC001", 6, "unknown field `hobby`",
         "known fields: kind, id, aliases, name, names, title, email, roles, manager"),
    ]


GROWTH = """\
- {kind: Team, id: operations, name: 运营部, lead: liu-yang, members: [liu-yang, zhao-min],
   responsibilities: [user-growth]}
- {kind: Person, id: liu-yang, name: 刘洋}
- {kind: Person, id: zhao-min, name: 赵敏}
- {kind: Responsibility, id: user-growth, name: 用户增长, informed: [liu-yang]}
- kind: Position
  id: operations-specialist
  name: 运营专员
  team: operations
  holders: [zhao-min]
  duties: [user-growth]
"""


def test_report_and_export_show_the_positions_in_the_raci_matrix(tmp_path: Path) -> None:
    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "org.yaml").write_text(GROWTH, "utf-8")
    report = run_cli("report", "org", "--lang", "zh", cwd=tmp_path)
    assert "| 职责 | 运营部 | 运营专员 | 刘洋 |\n|---|---|---|---|\n" \
           "| 用户增长 (`user-growth`) | A | R | I |\n" in report.stdout
    html = run_cli("report", "org", "--lang", "zh", "--format", "html", cwd=tmp_path).stdout
    assert '<th title="operations-specialist">运营专员</th>' in html
    assert run_cli("export", "org", "--format", "csv", "-o", "out", cwd=tmp_path).code == 0
    assert (tmp_path / "out" / "raci.csv").read_text("utf-8-sig").splitlines() == [
        "职责编号,职责,运营部,运营专员,刘洋", "user-growth,用户增长,A,R,I"]


def test_report_export_and_site_hold_the_same_raci(tmp_path: Path) -> None:
    """One matrix: each (duty, holder, letter) of the export is the report's and the
    site's duty page's (the example org, with positions and charters on both sides)."""
    import csv

    from conftest import EXAMPLES

    from orgspec.engine.lint import lint_org
    from orgspec.load.config import Config
    from orgspec.report.view import build_view, holder_names
    from orgspec.site.model import _holders

    result, org = lint_org([str(EXAMPLES / "ecommerce")], Config(lang="zh"))
    view = build_view(result, org, "zh")
    in_report = {(row.duty, view.raci_names[h], letter) for row in view.raci
                 for h, letters in row.cells.items() for letter in letters}
    assert run_cli("export", str(EXAMPLES / "ecommerce"), "--format", "csv", "-o",
                   str(tmp_path / "out")).code == 0
    with (tmp_path / "out" / "raci.csv").open(encoding="utf-8-sig", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    in_export = {(row[0], header[i], letter) for row in rows
                 for i, letters in enumerate(row[2:], 2) for letter in letters}
    names = holder_names(org)
    kinds = {"team": "team", "person": "person", "role": "role"}
    in_site = {(rid, names[node], role[0].upper())
               for rid, roles in _holders(org).items() for role, ids in roles.items()
               for ident in ids for node in [org.holder(ident) or ""]
               if node.split(":")[0] in kinds}
    assert any(h.startswith("role:") for h in view.raci_columns)  # positions are there
    assert in_report == in_export == in_site


HK_OKR = """\
kind: Objective
id: hk-2026q1
title: 香港履約時效
owner: hk
period: 2026-Q1
key_results:
  - id: delivery
    title: 平均送達時間從 5 天縮短到 3 天
    metric: delivery_days
    baseline: 5
    target: 3
    owner: wang-jianguo
"""


def test_a_file_named_without_a_config_is_checked_with_the_org_it_lies_in(
        tmp_path: Path) -> None:
    org = small_org(tmp_path)
    with (org / "teams" / "teams.yaml").open("a", encoding="utf-8") as handle:
        handle.write("- {kind: Team, id: hk, name: 香港, parent: company, lead: li-na,"
                     " members: [li-na], responsibilities: [complaints]}\n"
                     "- {kind: Team, id: empty, name: 空, parent: company}\n")  # HI005 there
    (org / "okrs").mkdir()
    (org / "okrs" / "hk-2026q1.yaml").write_text(HK_OKR, "utf-8")
    git(tmp_path, "init", "-q")
    for cwd, path in ((org, "okrs/hk-2026q1.yaml"), (org / "okrs", "hk-2026q1.yaml"),
                      (tmp_path, "org/okrs/hk-2026q1.yaml")):
        run = run_cli("check", path, "--lang", "en", "--format", "json", cwd=cwd)
        assert run.json()["findings"] == [], (cwd, run.stdout)  # hk is known; HI005 elsewhere
        assert run.json()["summary"]["files"] == 3
        assert "only the files named were loaded" not in run.stderr


def test_a_lone_file_with_unknown_ids_says_once_that_only_it_was_loaded(
        tmp_path: Path) -> None:
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "hk-2026q1.yaml").write_text(HK_OKR, "utf-8")
    run = run_cli("check", "drafts/hk-2026q1.yaml", "--lang", "en", cwd=tmp_path)
    assert [line.split(" ", 2)[1] for line in run.stdout.splitlines()
            if line.startswith("drafts/")] == ["RF001", "RF001"]
    assert run.stderr.count("only the files named were loaded") == 1
    assert "check the whole org with `orgspec check ORG_FOLDER`" in run.stderr


def test_a_baseline_entry_whose_rule_reads_a_dropped_value_is_not_fixed(
        tmp_path: Path) -> None:
    small_org(tmp_path)
    okrs = OKRS.replace("    target: 45\n", "    target: 45\n    due: 2026-06-30\n")
    (tmp_path / "org" / "okrs.yaml").write_text(okrs, "utf-8")
    (tmp_path / ".orgspec.yaml").write_text("baseline: base.json\n", "utf-8")
    assert run_cli("check", "--write-baseline", "base.json", cwd=tmp_path).code == 0
    written = (tmp_path / "base.json").read_text("utf-8")
    assert '"OK009"' in written and '"OK005"' in written  # due outside Q1; an activity
    # the period cannot be read (OK009 cannot run), and the activity is reworded (fixed)
    (tmp_path / "org" / "okrs.yaml").write_text(
        okrs.replace("2026-Q1", "2026年第一季度")
        .replace("召开客服周会", "客服满意度从 80% 到 90%"), "utf-8")
    run = run_cli("check", "--lang", "en", cwd=tmp_path)
    assert "baseline entry not checked (a field its rule reads is invalid and was left "\
        "out): org/okrs.yaml: OK009" in run.stderr
    assert "stale baseline entry (fixed): org/okrs.yaml: OK005" in run.stderr
    assert "stale baseline entry (fixed): org/okrs.yaml: OK009" not in run.stderr
