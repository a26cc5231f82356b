"""Trial 36 (a mainland ops lead on GitLab CI who pastes the chat message into WeCom):
what a copied README snippet, an unset CI variable, one run's two outputs, an incomplete
load, one charter mistake, an empty member list, the handbook's counts and `--diff main`
in a `master` repository did."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import REPO, run_cli

# --- 1. an unset CI variable in `--link "$VAR"` ------------------------------------------------

# What GitLab CI and GitHub Actions define for every job (their "predefined variables"), and
# what the README tells the reader to keep in the CI's secret store.
CI_DEFINED = re.compile(r"CI_[A-Z_]+|GITHUB_[A-Z_]+")
README_SECRETS = {"WECOM_WEBHOOK", "DINGTALK_WEBHOOK", "FEISHU_WEBHOOK", "DINGTALK_SECRET",
                  "GITLAB_TOKEN"}


def test_readme_shell_snippets_use_only_variables_ci_defines_or_the_readme_says_to_set() -> None:
    readme = (REPO / "README.md").read_text("utf-8")
    for block in re.findall(r"```sh\n(.*?)```", readme, re.S):
        assigned = set(re.findall(r"^([A-Z_]+)=", block, re.M))
        for line in block.splitlines():
            code = re.sub(r"'[^']*'", "''", line.split("  #", 1)[0])  # jq's $md is not shell
            for name in re.findall(r"\$\{?([A-Za-z_]\w*)", code):
                assert (CI_DEFINED.fullmatch(name) or name in README_SECRETS
                        or name in assigned), (name, line)


def test_readme_links_the_chat_message_to_each_platforms_run_page() -> None:
    readme = (REPO / "README.md").read_text("utf-8")
    chat = readme.split("### Chat message", 1)[1].split("\n### ")[0]
    assert '--link "$CI_JOB_URL"' in chat  # GitLab
    assert ('--link "$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/actions/runs/$GITHUB_RUN_ID"'
            in chat)


@pytest.mark.parametrize("command", ["check", "report"])
@pytest.mark.parametrize("link", ["", " "])
def test_an_empty_link_is_no_link_so_an_unset_variable_does_not_fail_the_check(
        tmp_path: Path, command: str, link: str) -> None:
    target = tmp_path / "chat.md"
    run = run_cli(command, "examples/ecommerce", "--lang", "zh", "--report" if command == "check"
                  else "-o", f"chat={target}" if command == "check" else str(target),
                  "--link", link, *(["--format", "chat"] if command == "report" else []))
    assert run.code == (1 if command == "check" else 0), run.stderr
    assert "--link" not in run.stderr
    text = target.read_text("utf-8")
    assert text.startswith("**组织报告**\n") and "完整报告" not in text and "](" not in text


@pytest.mark.parametrize("command", ["check", "report"])
def test_an_empty_link_without_the_chat_format_is_no_link_either(command: str) -> None:
    run = run_cli(command, "examples/ecommerce", "--lang", "en", "--link", "")
    assert run.code == (1 if command == "check" else 0), run.stderr
    assert "are for the chat message" not in run.stderr


# --- 2. one run's chat message and Markdown report say what their team health counts -----------

def test_the_chat_message_says_its_team_health_counts_only_the_findings_it_lists(
        tmp_path: Path) -> None:
    # trial 36: `check --diff master --report chat=… --report markdown=…`: the chat said
    # `基线隐藏了 7 条已知问题（已计入团队健康度）` over 运营部 97 alone, the report
    # 运营部 94, 客服部 84, 技术部 90 (its health counts the known and unchanged findings)
    from conftest import EXAMPLES, committed_org, git

    top = committed_org(EXAMPLES / "ecommerce", tmp_path / "repo")
    run = run_cli("check", "org", "--isolated", "--write-baseline", "known.json", cwd=top)
    assert run.code == 0, run.stderr
    duties = top / "org" / "responsibilities" / "customer-service.yaml"
    duties.write_text(duties.read_text("utf-8").replace(
        "informed: [operations]", "informed: [operation]", 1), "utf-8")
    git(top, "add", ".")
    git(top, "commit", "-qm", "baseline, and a finding left unchanged")
    duties.write_text(duties.read_text("utf-8").replace(
        "informed: [operation]", "informed: [operation, warehous]", 1), "utf-8")
    args = ["check", "org", "--isolated", "--no-cache", "--baseline", "known.json", "--lang",
            "zh", "--diff", "HEAD", "--report", "chat=c.md", "--report", "markdown=r.md"]
    run = run_cli(*args, cwd=top)
    assert run.code == 1, run.stderr
    chat = (top / "c.md").read_text("utf-8")
    markdown = (top / "r.md").read_text("utf-8")
    # the report's health counts the unchanged and the known findings, and says so
    assert ("\n与 master 相比：新问题 1 条，未变 1 条，已修复 0 条；基线另隐藏了 7 条未变的问题；"
            "团队健康度也计入了未变的问题\n\n基线隐藏了 7 条已知问题（已计入团队健康度）\n"
            ) in markdown.replace("HEAD", "master")
    assert "| 客服团队 (`customer-service`) | 64 | 3 | 2 | 0 |  |" in markdown
    # the chat's scores only the finding it lists, and says so
    assert chat == (
        "**组织报告**\n\n❌ 1 个新错误 · ⚠️ 0 个新警告 · ℹ️ 0 个新提示 · 12 个文件 · 59 个实体\n\n"
        "与 `HEAD` 相比：新问题 1 条，未变 1 条，已修复 0 条；基线另隐藏了 7 条未变的问题\n\n"
        "基线隐藏了 7 条已知问题（未计入这里的团队得分）\n\n"
        "**团队健康（按下列问题计分，得分低的在前）**\n- 客服团队：90 分（1 个错误）\n\n"
        "**主要问题（按团队）**\n\n**客服团队**\n"
        "- ❌ RF001 职责 投诉处理 (complaint-handling) 的 RACI 列表 `informed` 中的 'warehous' "
        "不是已知的团队、人员或岗位 `org/responsibilities/customer-service.yaml:10`\n")


# --- 3. a run with a file that did not load says so in every output ------------------------------

INCOMPLETE = {"zh": "1 个文件无法加载，所以跨文件检查不完整。在它能加载之前，暂不报告 7 条问题"
                    "（MT004、RO001）。",
              "en": "1 file could not be loaded, so cross-file checks are incomplete. 7 findings "
                    "are held back until it loads (MT004, RO001)."}


@pytest.fixture
def one_file_broken(tmp_path: Path) -> Path:
    import shutil

    from conftest import EXAMPLES
    org = tmp_path / "org"
    shutil.copytree(EXAMPLES / "ecommerce", org)
    with (org / "teams" / "people.yaml").open("a", encoding="utf-8") as people:
        people.write("x: [\n")
    return tmp_path


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_check_report_and_chat_all_say_the_run_is_incomplete(one_file_broken: Path,
                                                             lang: str) -> None:
    # trial 36: check said `1 个文件无法加载…暂不报告 30 条问题`; `report --format chat` and
    # `report -o r.md` gave the counts as if the whole org had been checked
    top, said = one_file_broken, INCOMPLETE[lang]
    run = run_cli("check", "org", "--isolated", "--no-cache", "--lang", lang, cwd=top)
    assert run.code == 1 and run.stdout.splitlines()[-1].endswith(" " * (lang == "en") + said)
    for fmt in ("chat", "markdown", "html"):
        run = run_cli("report", "org", "--isolated", "--lang", lang, "--format", fmt, cwd=top)
        assert run.code == 0, run.stderr
        text = run.stdout
        if fmt == "chat":
            head = text.split("\n\n")
            assert head[2] == f"⚠️ {said}", text
        elif fmt == "markdown":
            assert text.split("\n\n")[2] == f"⚠️ **{said}**", text
        else:
            assert f'<p class="incomplete"><strong>{said}</strong></p>' in text


# --- 4. a bare charter entry that makes a team accountable: OW001, not MT004 besides --------

CHARTER_SLIP = """\
- kind: Team
  id: cs
  name: 客服部
  lead: ma
  members: [ma]
- kind: Team
  id: finance
  name: 财务部
  lead: pan
  members: [pan]
  responsibilities: [refund]
- {kind: Person, id: ma, name: 马超}
- {kind: Person, id: pan, name: 潘越}
- kind: Responsibility
  id: refund
  name: 退款处理
  accountable: cs
  responsible: cs
  informed: finance
- {kind: Meeting, id: cs-weekly, name: 客服周会, cadence: weekly, owner: ma, attendees: [cs]}
- {kind: Meeting, id: fin-weekly, name: 财务周会, cadence: weekly, owner: pan, attendees: [finance]}
"""


def _codes(root: Path, *args: str) -> list[tuple[str, str, int]]:
    from conftest import json_findings
    return [(f["code"], Path(f["file"]).name, f["line"]) for f in json_findings(root, *args)]


@pytest.mark.parametrize("informed", ["informed: finance", "informed: [finance]"])
def test_a_bare_charter_entry_is_one_ow001_and_the_meeting_gap_it_made_waits(
        tmp_path: Path, informed: str) -> None:
    # trial 36: finance `responsibilities: [refund-handling]`, the duty `informed: finance`:
    # OW001 (2 accountable) and MT004 (客服部和财务部共担职责…没有会议); OW001's hint
    # (`{ref: refund, role: informed}`) ends both
    (tmp_path / "org.yaml").write_text(CHARTER_SLIP.replace("informed: finance", informed),
                                       "utf-8")
    assert _codes(tmp_path) == [("OW001", "org.yaml", 17)]
    from conftest import json_findings
    [ow001] = json_findings(tmp_path)
    assert "`{ref: refund, role: informed}`" in ow001["hint"]
    assert "MT004" in ow001["hint"]  # it names what it holds back
    # the hint followed: neither
    fixed = CHARTER_SLIP.replace("responsibilities: [refund]",
                                 "responsibilities: [{ref: refund, role: informed}]")
    (tmp_path / "org.yaml").write_text(fixed, "utf-8")
    assert _codes(tmp_path) == []


def test_a_meeting_gap_that_stays_after_the_charter_fix_is_not_held(tmp_path: Path) -> None:
    # finance consulted by the duty: after `{ref: refund, role: consulted}` it still
    # shares the duty with cs, and the gap is its own finding
    text = CHARTER_SLIP.replace("informed: finance", "consulted: finance")
    (tmp_path / "org.yaml").write_text(text, "utf-8")
    assert _codes(tmp_path) == [("MT004", "org.yaml", 15), ("OW001", "org.yaml", 17)]


# --- 5. `members:` left empty: SC003, the people meant for it wait ------------------------------

EMPTY_MEMBERS = """\
- kind: Team
  id: ops
  name: 运营部
  lead: xie
  members:{value}
  responsibilities: [d]
- {{kind: Person, id: xie, name: 谢颖}}
- {{kind: Person, id: han, name: 韩梅}}
- {{kind: Responsibility, id: d, name: 日常运营, accountable: ops}}
"""


@pytest.mark.parametrize("value", ["", " ~", " null"])
def test_an_empty_members_field_is_sc003_alone(tmp_path: Path, value: str) -> None:
    # trial 36: `members:` gave SC003 and HI007 for 韩梅; `members: 谢颖、韩梅` held HI007
    (tmp_path / "a.yaml").write_text(EMPTY_MEMBERS.format(value=value), "utf-8")
    assert _codes(tmp_path) == [("SC003", "a.yaml", 5)]
    from conftest import json_findings
    [sc003] = json_findings(tmp_path)
    assert "HI007" in sc003["hint"]  # it names what it holds back
    # written as a string, as before: its RF001 holds the HI007
    (tmp_path / "a.yaml").write_text(EMPTY_MEMBERS.format(value=" 谢颖、韩梅"), "utf-8")
    assert [c for c, _, _ in _codes(tmp_path)] == ["RF001"]
    # the list written: no finding; an explicit `[]` says nobody (HI006), and HI007 is its own
    (tmp_path / "a.yaml").write_text(EMPTY_MEMBERS.format(value=" [xie, han]"), "utf-8")
    assert _codes(tmp_path) == []
    (tmp_path / "a.yaml").write_text(EMPTY_MEMBERS.format(value=" []"), "utf-8")
    assert _codes(tmp_path) == [("HI006", "a.yaml", 5), ("HI007", "a.yaml", 8)]



# --- 6. the handbook site counts as check does, the known findings listed as known -----------

def test_the_site_counts_as_check_does_with_the_configured_baseline(tmp_path: Path) -> None:
    # trial 36: the home page said `2 个错误 / 6 个警告` where check and report said 0
    # errors and 7 known (the site ignored the configured baseline)
    import shutil

    from conftest import EXAMPLES
    shutil.copytree(EXAMPLES / "ecommerce", tmp_path / "org")
    (tmp_path / ".orgspec.yaml").write_text("root: org\nlang: zh\nbaseline: known.json\n",
                                            "utf-8")
    run = run_cli("check", "--write-baseline", "known.json", cwd=tmp_path)
    assert run.code == 0, run.stderr
    check = run_cli("check", "--no-cache", cwd=tmp_path)
    assert check.code == 0 and check.stdout.splitlines()[-1] == (
        "未发现新问题，共 12 个文件（59 个实体）。基线隐藏了 7 条已知问题。")
    run = run_cli("site", "-o", "site", cwd=tmp_path)
    assert run.code == 0, run.stderr
    home = (tmp_path / "site" / "index.html").read_text("utf-8")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", home))
    assert "0 个错误 / 0 个警告 / 0 个提示 基线隐藏了 7 条已知问题（已计入团队健康度）" in text
    team = (tmp_path / "site" / "teams" / "customer-service.html").read_text("utf-8")
    assert '<tr class="sev-error known"><td data-label="级别">错误 <span class="muted">· ' \
           '已知（基线）</span></td><td data-label="规则"><code>OW001</code></td>' in team
    # --no-baseline: every finding counted, as `check --no-baseline`
    run = run_cli("site", "-o", "site", "--no-baseline", cwd=tmp_path)
    home = (tmp_path / "site" / "index.html").read_text("utf-8")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", home))
    assert "4 个错误 / 3 个警告 / 0 个提示 组织架构" in text and "基线" not in text


# --- 7. small things -----------------------------------------------------------------------------

def test_diff_against_a_branch_the_repository_lacks_names_the_one_it_has(tmp_path: Path) -> None:
    import shutil

    from conftest import EXAMPLES, git
    shutil.copytree(EXAMPLES / "ecommerce", tmp_path / "org")
    git(tmp_path, "init", "-q", "-b", "master")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "org")
    for lang, said in (("zh", "git 中没有版本 'main'（应为分支、标签或提交）：是指 'master' 吗？"),
                       ("en", "git has no revision 'main' (a branch, tag or commit): did you "
                              "mean 'master'?")):
        for command in ("check", "report"):
            run = run_cli(command, "org", "--isolated", "--diff", "main", "--lang", lang,
                          cwd=tmp_path)
            assert run.code == 2 and run.stderr.strip().endswith(said), run.stderr
    git(tmp_path, "branch", "-m", "master", "main")
    run = run_cli("check", "org", "--isolated", "--diff", "master", "--lang", "en", cwd=tmp_path)
    assert run.stderr.strip().endswith("did you mean 'main'?"), run.stderr
    run = run_cli("check", "org", "--isolated", "--diff", "nosuch", "--lang", "en", cwd=tmp_path)
    assert run.stderr.strip().endswith("git has no revision 'nosuch' (a branch, tag or commit)")


def test_report_names_the_configured_baseline_as_check_does(tmp_path: Path) -> None:
    import shutil

    from conftest import EXAMPLES
    shutil.copytree(EXAMPLES / "ecommerce", tmp_path / "org")
    (tmp_path / ".orgspec.yaml").write_text("root: org\nlang: zh\nbaseline: known.json\n",
                                            "utf-8")
    assert run_cli("check", "--write-baseline", "known.json", cwd=tmp_path).code == 0
    said = "基线 known.json：7 条已知问题未显示，0 条过时条目\n"
    assert run_cli("check", cwd=tmp_path).stderr == said
    assert run_cli("report", "-o", "r.md", cwd=tmp_path).stderr.startswith(said)


@pytest.mark.parametrize("lang", ["zh", "zh-Hant", "en"])
def test_init_for_gitlab_writes_the_readmes_pages_job_ready_to_uncomment(
        tmp_path: Path, lang: str) -> None:
    # trial 36: the README shows a GitLab Pages job for the site; `init --ci gitlab` wrote none
    import yaml
    run = run_cli("init", ".", "--ci", "gitlab", "--lang", lang, cwd=tmp_path)
    assert run.code == 0, run.stderr
    text = (tmp_path / ".gitlab-ci.yml").read_text("utf-8")
    job = text[text.index("# pages:\n"):]
    uncommented = "".join(line[2:] + "\n" for line in job.splitlines())
    readme = (REPO / "README.md").read_text("utf-8")
    shown = readme.split("GitLab Pages:\n\n```yaml\n", 1)[1].split("```", 1)[0]
    assert uncommented == shown
    jobs = yaml.safe_load(text.replace(job, uncommented))
    assert jobs["pages"]["artifacts"] == {"paths": ["public"]} and "orgspec" in jobs
