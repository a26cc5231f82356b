"""UX findings of trial 28 and its reviews, as exact findings and behaviour."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import assert_golden, json_findings, where

# --- 1: an emptied team is one finding, HI006's; HI005 and OW006 wait behind it ----------

EMPTIED = """\
- kind: Team
  id: platform
  name: Platform
  lead: ada
  members: [ada, grace, linus]
  responsibilities:
    - uptime
    - support-tickets
- kind: Team
  id: support
  name: Customer Support
  parent: platform
  members: []
- {kind: Person, id: ada, name: Ada Lovelace}
- {kind: Person, id: grace, name: Grace Hopper}
- {kind: Person, id: linus, name: Linus Pauling}
- {kind: Responsibility, id: uptime, name: Uptime, accountable: platform}
- {kind: Responsibility, id: support-tickets, name: Support tickets, accountable: platform}
"""


def _codes(findings: list[dict[str, Any]]) -> list[tuple[str, str, int, int]]:
    return where(findings)


def test_emptied_team_gives_one_finding(write_org: Any) -> None:
    found = json_findings(write_org({"o.yaml": EMPTIED}))
    assert _codes(found) == [("HI006", "o.yaml", 13, 3)]
    assert found[0]["message"] == ("team 'support' is empty: it has no "
                                   "members, no lead and no duty")
    assert "delete the team" in found[0]["hint"]


def test_emptied_team_in_chinese(write_org: Any) -> None:
    folder = write_org({"o.yaml": EMPTIED})
    for lang, said in (("zh", "是空的：没有成员、没有负责人，也不承担任何职责"),
                       ("zh-Hant", "是空的：沒有成員、沒有負責人，也不承擔任何職責")):
        found = json_findings(folder, "--lang", lang)
        assert [f["code"] for f in found] == ["HI006"]
        assert said in found[0]["message"]


def test_empty_team_with_a_duty_keeps_the_charter_out(write_org: Any) -> None:
    # the team still holds a duty: only HI005 waits behind HI006
    text = EMPTIED.replace("accountable: platform}\n", "accountable: support}\n", 1) \
        .replace("    - uptime\n", "")
    found = json_findings(write_org({"o.yaml": text}))
    assert _codes(found) == [("HI006", "o.yaml", 12, 3)]
    # it alone is accountable for support-tickets: HI006 says so (trial 29)
    assert found[0]["message"] == ("team 'support' has no members and no lead, yet it alone "
                                   "is accountable for duty uptime: nobody answers "
                                   "for it")


def test_a_team_with_a_lead_only_lacks_members_and_duties(write_org: Any) -> None:
    text = EMPTIED.replace("  members: []\n", "  lead: linus\n  members: []\n")
    found = json_findings(write_org({"o.yaml": text}))
    assert _codes(found) == [("HI006", "o.yaml", 14, 3)]
    assert found[0]["message"] == ("team 'support' has no members and holds "
                                   "no duty")


def test_held_findings_come_back_when_hi006_is_not_reported(write_org: Any) -> None:
    folder = write_org({"o.yaml": EMPTIED})
    assert _codes(json_findings(folder, "--ignore", "HI006")) == [
        ("HI005", "o.yaml", 10, 3), ("OW006", "o.yaml", 10, 3)]
    inline = EMPTIED.replace("  members: []\n",
                             "  members: []  # orgspec: ignore[HI006] being set up\n")
    assert _codes(json_findings(write_org({"o.yaml": inline}))) == [
        ("HI005", "o.yaml", 10, 3), ("OW006", "o.yaml", 10, 3)]


def test_a_staffed_team_is_unchanged(write_org: Any) -> None:
    text = EMPTIED.replace("  members: []\n", "  lead: linus\n  members: [linus]\n")
    assert _codes(json_findings(write_org({"o.yaml": text}))) == [("OW006", "o.yaml", 10, 3)]


# --- 2: MT004 on a team with no people of its own, whose teams below meet ----------------

def _split(write_org: Any, attendees: str = "[boss, he, qian, liu]") -> Path:
    """Trial 27's split: `ops` kept empty as the parent of `ops-content` and `ops-events`,
    its position 运营专员 (`team: ops`, holders he and qian below it) responsible for promo,
    which marketing is consulted on; one weekly meeting."""
    from test_teamsplit import DUTIES, MEETINGS, OPS, PEOPLE, POSITION, TEAMS

    return write_org({"teams.yaml": OPS + TEAMS.format(parent="ops"), "people.yaml": PEOPLE,
                      "duties.yaml": DUTIES, "positions.yaml": POSITION,
                      "meetings.yaml": MEETINGS.replace("[boss, he, qian, liu]", attendees)})


def test_an_empty_parent_meets_through_the_teams_below_it(write_org: Any) -> None:
    # the weekly meeting has he (ops-content), qian (ops-events) and liu (marketing): ops
    # and marketing meet there; was "teams 'marketing' and 'ops' share duty 'promo', but no
    # meeting or channel includes both"
    assert where(json_findings(_split(write_org))) == [("HI005", "teams.yaml", 2, 3)]


def test_an_empty_parent_whose_teams_below_do_not_meet_is_a_gap(write_org: Any) -> None:
    found = json_findings(_split(write_org, "[boss, liu]"))
    assert [w for w in where(found) if w[0] == "MT004"] == [("MT004", "duties.yaml", 3, 26)]
    [gap] = [f for f in found if f["code"] == "MT004"]
    assert gap["message"] == ("3 teams share duty 'promo' ('marketing', 'ops', 'ops-events'), "
                              "but no meeting or channel includes them all; these have none "
                              "in common: marketing–ops, marketing–ops-events")


# --- 3: the site reads a member written with a full-width space as check does -------------

WIDE = """\
- kind: Team
  id: cs
  name: 客服部
  lead: "张\u3000三"
  members: [zhang-san, "张\u3000三", "李四\u3000", 王五]
- {kind: Person, id: zhang-san, name: 张三, manager: "李四\u3000"}
- {kind: Person, id: li-si, name: 李四}
"""


def _site_pages(tmp_path: Path, text: str, lang: str) -> dict[str, str]:
    from orgspec.engine.lint import lint_org
    from orgspec.load.config import Config
    from orgspec.site import SiteOptions
    from orgspec.site.build import site_files

    (tmp_path / "org").mkdir(exist_ok=True)
    (tmp_path / "org" / "o.yaml").write_text(text, "utf-8")
    result, org = lint_org([str(tmp_path / "org")], Config(lang=lang))
    return {page: body.replace(str(tmp_path), "TMP") for page, body in
            site_files(result, org, SiteOptions(lang=lang, git_dates=False))}


def test_check_reads_the_wide_space_as_a_name(write_org: Any) -> None:
    found = json_findings(write_org({"o.yaml": WIDE}))
    rf = [f for f in found if f["code"] == "RF001"]
    # one RF001 for each value written twice, the other its related location (trial 30)
    assert where(rf) == [("RF001", "o.yaml", 4, 9), ("RF001", "o.yaml", 5, 31),
                         ("RF001", "o.yaml", 5, 38)]
    assert [[(r["line"], r["column"]) for r in f.get("related", ())] for f in rf] == [
        [(5, 24)], [(6, 52)], []]
    # the name as the org writes it beside the one written (trial 30)
    assert rf[0]["hint"].startswith(
        "张\u3000三 (张三) is the name of person `zhang-san`: write `zhang-san` (1 other "
        "reference")


@pytest.mark.parametrize("lang", ["zh", "zh-Hant", "en"])
def test_the_site_links_a_name_written_with_a_wide_space_to_its_person(
        tmp_path: Path, lang: str) -> None:
    pages = _site_pages(tmp_path, WIDE, lang)
    team, person = pages["teams/cs.html"], pages["people/zhang-san.html"]
    # the value as written, in any language (quoted, escaped)
    said = {"zh": ("写作 &#39;张\u3000三&#39;：请写 id `zhang-san`", "不存在的人员"),
            "zh-Hant": ("寫作 &#39;张\u3000三&#39;：請寫 id `zhang-san`", "不存在的人員"),
            "en": ("written as &#39;张\u3000三&#39;: write the id `zhang-san`",
                   "no such person")}[lang]
    # lead and member: a link to 张三 and what check says, not "no such person"
    assert team.count('<a href="../people/zhang-san.html">') == 3
    lp, rp = (" (", ")") if lang == "en" else ("（", "）")  # full-width in Chinese
    assert team.count(f'<span class="bad">{lp}{said[0]}{rp}</span>') == 2
    assert 'href="../people/li-si.html">' in team
    # 王五 names nobody: still no such person, once
    assert team.count(f'<span class="bad">{lp}{said[1]}{rp}</span>') == 1
    assert 'href="../people/li-si.html">' in person  # the manager written `李四　`
    assert_golden(f"ux28/site-{lang}-teams--cs.html", team)


# --- 5: `show` outside any org: one error line in the asked language, exit 2 --------------

NO_ORG = {"en": "orgspec: error: no org found at 'org': pass a path, or set `root` in "
                ".orgspec.yaml\n",
          "zh": "orgspec: 错误：在 'org' 没有找到组织文件：请给出路径，或在 .orgspec.yaml 里设置 "
                "`root`\n",
          "zh-Hant": "orgspec: 錯誤：在 'org' 沒有找到組織檔案：請給出路徑，"
                     "或在 .orgspec.yaml 裡設定 `root`\n"}
BESIDE = {"en": "orgspec: error: no org found at 'org'; this folder holds the org's YAML files: "
                "run `orgspec check .`\n",
          "zh": "orgspec: 错误：在 'org' 没有找到组织文件；这个文件夹里就是组织的 YAML 文件："
                "请运行 `orgspec check .`\n",
          "zh-Hant": "orgspec: 錯誤：在 'org' 沒有找到組織檔案；這個資料夾裡就是組織的 YAML 檔案："
                     "請執行 `orgspec check .`\n"}


@pytest.mark.parametrize("lang", ["en", "zh", "zh-Hant"])
def test_show_outside_any_org_is_one_line_in_the_asked_language(tmp_path: Path,
                                                                lang: str) -> None:
    from conftest import run_cli

    for args, env in ((("--lang", lang), {}), ((), {"ORGSPEC_LANG": lang})):
        for command in (("show", "张三"), ("show", "team", "cs")):
            run = run_cli(*command, *args, cwd=tmp_path, env=env)
            assert (run.code, run.stdout, run.stderr) == (2, "", NO_ORG[lang]), (command, env)


@pytest.mark.parametrize("lang", ["en", "zh", "zh-Hant"])
def test_the_asked_language_wins_over_the_files_beside(tmp_path: Path, lang: str) -> None:
    """YAML files of the org beside, in the other language's words: `--lang` is said."""
    from conftest import run_cli

    words = "客服部" if lang == "en" else "Customer Support"
    (tmp_path / "team.yaml").write_text(
        f"- {{kind: Team, id: cs, name: {words}, mission: {words} {words}}}\n", "utf-8")
    run = run_cli("show", "cs", "--lang", lang, cwd=tmp_path)
    assert (run.code, run.stdout, run.stderr) == (2, "", BESIDE[lang])


# --- 6: the GitHub annotations count the other files' findings, as the summary does -------

NARROW_TEAMS = """\
- {kind: Team, id: ops, name: 运营部, lead: chan, members: [chan], responsibilities: [run]}
- {kind: Responsibility, id: run, name: 运营, accountable: ops}
"""
NARROW_PEOPLE = "- {kind: Person, id: chan, name: 陈大文, manager: nobody}\n"


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "… and 1 finding in other files: run `orgspec check {org}` to see it."),
    ("zh", "另有 1 条问题在其他文件中：运行 `orgspec check {org}` 查看。"),
    ("zh-Hant", "另有 1 條問題在其他檔案中：執行 `orgspec check {org}` 檢視。")])
def test_github_annotations_count_the_findings_in_other_files(tmp_path: Path, lang: str,
                                                              said: str) -> None:
    from conftest import run_cli

    for folder, shown in (("org", "org"), ("o%rg", "o%25rg")):  # `%`: escaped, %25
        here = tmp_path / shown
        org = here / folder
        org.mkdir(parents=True)
        # a named file is checked with its org: the configured root's
        (here / ".orgspec.yaml").write_text(f"root: '{folder}'\n", "utf-8")
        (org / "teams.yaml").write_text(NARROW_TEAMS, "utf-8")
        (org / "people.yaml").write_text(NARROW_PEOPLE, "utf-8")  # RF001: `nobody`
        narrowed = run_cli("check", f"{folder}/teams.yaml", "--no-cache",
                           "--format", "github", "--lang", lang, cwd=here)
        assert (narrowed.code, narrowed.stdout) == (
            0, f"::notice title=orgspec::{said.format(org=shown)}\n"), folder
        json_run = run_cli("check", f"{folder}/teams.yaml", "--no-cache",
                           "--format", "json", cwd=here)
        assert json_run.json()["summary"]["elsewhere"] == 1
        # the whole org: its finding annotated, no count
        whole = run_cli("check", folder, "--no-cache", "--format", "github",
                        "--lang", lang, cwd=here)
        assert whole.code == 1 and [line.split(" ", 1)[0] for line in
                                    whole.stdout.splitlines()] == ["::error"]


# --- 7: `init org` in a repository: the GitHub workflow at the root, where GitHub runs it --

def _files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*")
                  if p.is_file() and ".git" not in p.relative_to(root).parts[:1])


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "the GitHub workflow is at the repository's root, .github/workflows/orgspec.yml, "
           "where GitHub runs it; it checks org"),
    ("zh", "GitHub 工作流程写在仓库根目录的 .github/workflows/orgspec.yml，GitHub 在那里运行它；"
           "它检查 org"),
    ("zh-Hant", "GitHub 工作流程寫在儲存庫根目錄的 .github/workflows/orgspec.yml，GitHub 在那裡"
                "執行它；它檢查 org")])
def test_init_org_in_a_repository_puts_the_workflow_at_its_root(tmp_path: Path, lang: str,
                                                               said: str) -> None:
    from conftest import git, run_cli

    git(tmp_path, "init", "-q")
    run = run_cli("init", "org", "--lang", lang, cwd=tmp_path)
    assert run.code == 0, run.stderr
    assert _files(tmp_path) == [".github/workflows/orgspec.yml", "org/.gitignore",
                                "org/.orgspec.yaml", "org/.pre-commit-config.yaml",
                                "org/org/org.yaml"]
    assert run.stdout.splitlines()[0].endswith(" .github/workflows/orgspec.yml")
    assert said in run.stderr.splitlines()
    workflow = (tmp_path / ".github" / "workflows" / "orgspec.yml").read_text("utf-8")
    step = workflow[workflow.index("- uses: orgspec/orgspec@"):].splitlines()
    assert step[1:3] == ["        with:", "          paths: org"]
    # what the step runs, from the root: the org init wrote, no problem
    check = run_cli("check", "org", "--format", "github", cwd=tmp_path)
    assert (check.code, check.stdout) == (0, "")


def test_init_keeps_a_workflow_the_repository_has(tmp_path: Path) -> None:
    from conftest import git, run_cli

    git(tmp_path, "init", "-q")
    own = tmp_path / ".github" / "workflows" / "orgspec.yml"
    own.parent.mkdir(parents=True)
    own.write_text("name: mine\n", "utf-8")
    run = run_cli("init", "org", "--lang", "en", cwd=tmp_path)
    assert run.code == 0, run.stderr
    assert own.read_text("utf-8") == "name: mine\n"
    assert "kept .github/workflows/orgspec.yml: it exists (init never changes a file)" in \
        run.stderr.splitlines()


def test_init_outside_a_repository_or_at_its_root_is_as_before(tmp_path: Path) -> None:
    from conftest import git, run_cli

    new = tmp_path / "new"  # no git above: org/ is the repository, its workflow in it
    new.mkdir()
    assert run_cli("init", "org", "--lang", "en", cwd=new).code == 0
    assert (new / "org" / ".github" / "workflows" / "orgspec.yml").is_file()
    assert "paths:" not in (new / "org" / ".github" / "workflows" / "orgspec.yml").read_text(
        "utf-8")
    top = tmp_path / "top"  # `init .` at the repository's root
    top.mkdir()
    git(top, "init", "-q")
    run = run_cli("init", ".", "--lang", "en", cwd=top)
    assert run.code == 0 and "repository's root" not in run.stderr
    assert "paths:" not in (top / ".github" / "workflows" / "orgspec.yml").read_text("utf-8")


# --- 4: a handbook without person pages (`--no-people`) names people with their other names -

@pytest.mark.parametrize(("lang", "lead", "members"), [
    ("zh-Hant", "林志豪 (Jimmy Lin)", ["林志豪 (Jimmy Lin)", "王大文", "陳美玲 (May Chan)"]),
    ("en", "Jimmy Lin (林志豪)", ["Jimmy Lin (林志豪)", "May Chan (陳美玲)", "王大文"])])
def test_a_site_without_person_pages_says_the_other_names(lang: str, lead: str,
                                                         members: list[str]) -> None:
    import re

    from conftest import FIXTURES

    from orgspec.engine.lint import lint_org
    from orgspec.load.config import Config
    from orgspec.site import SiteOptions
    from orgspec.site.build import site_files

    hk = FIXTURES / "names-hk"
    result, org = lint_org([str(hk)], Config())
    for people in (False, True):
        files = dict(site_files(result, org, SiteOptions(lang=lang, git_dates=False,
                                                         people=people)))
        team = files["teams/ops.html"]
        cells = re.findall(r'<td data-label="[^"]*"><(?:span class="plain"|a href="[^"]*")>'
                           r'([^<]*)</', team[team.index('id="members"'):])
        if people:  # each person's page has the line: the links say the name alone
            assert cells == [m.split(" (")[0] for m in members]
            continue
        assert cells == members
        assert f'<span class="plain">{lead}</span>' in team
        assert_golden(f"ux28/site-no-people-{lang}-teams--ops.html",
                      team.replace(str(hk), "tests/fixtures/names-hk"))
