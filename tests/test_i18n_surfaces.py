"""The surfaces issue 16 left in English, run in Chinese: Click's own usage errors, pr-comment,
the Backstage/CODEOWNERS/roster importers, git errors of --diff and --since, the import and
site summary lines and the org-diff change lines. Each says its words in the run's language
(--lang, else the config's `lang`, else the content, else the locale) with no English
sentence left; English runs keep their English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import REPO, committed_org, git, run_cli

from orgspec.ci.prcomment import CommentError, from_env, sticky_comment
from orgspec.i18n import message_of, say

CJK = re.compile("[\u4e00-\u9fff]")
EN = {"LANG": "en_US.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""}
ZH = {**EN, "LANG": "zh_CN.UTF-8"}
# Three English words in a row, once quoted values, code, paths and flags are taken out.
SENTENCE = re.compile(r"[A-Za-z]{2,}(?:[\s,:;()]+[A-Za-z]{2,}){2,}")
QUOTED = re.compile(r"'[^']*'|`[^`]*`|\S*[/\\]\S*|--?[a-z][\w-]*")


def english_left(text: str) -> list[str]:
    """The English sentences in `text` outside quotes, code spans, paths and flags."""
    return SENTENCE.findall(QUOTED.sub(" ", text))


def chinese(text: str) -> bool:
    return bool(CJK.search(text)) and not english_left(text)


def test_the_sentence_check_can_fail() -> None:
    assert english_left("orgspec: error: unknown option '--bogus' (see `orgspec --help`)")
    assert not english_left("orgspec: 错误：未知的选项 '--bogus'（参见 `orgspec check --help`）")


# --- Click's usage errors ---------------------------------------------------------------------

USAGE = [
    (("check", "--bogus"), "未知的选项 '--bogus'（参见 `orgspec check --help`）"),
    (("check", "--format", "xx"),
     "'--format' 的值无效：'xx' 不在可选值 text、json、json-lines、sarif、github、gitlab、junit、"
     "junit-suite、markdown、html、chat、auto 之中（参见 `orgspec check --help`）"),
    (("check", "--fail-on", "erorr"),
     "'--fail-on' 的值无效：'erorr' 不在可选值 error、warning、info 之中（是不是要写 'error'？）"
     "（参见 `orgspec check --help`）"),
    (("show",), "缺少参数 NAME_OR_ID（参见 `orgspec show --help`）"),  # KIND may be left out
    (("show", "team"), "缺少参数 NAME_OR_ID（参见 `orgspec show --help`）"),
    (("show", "tem", "a"), "'KIND' 的值无效：'tem' 不在可选值 team、person、role、duty、process、"
                           "meeting 之中（是不是要写 'team'？）（参见 `orgspec show --help`）"),
    (("explain",), "缺少参数 RULE（参见 `orgspec explain --help`）"),
    (("explain", "a", "b"), "多余的参数：b（参见 `orgspec explain --help`）"),
    (("check", "--format"), "选项 '--format' 需要一个值（参见 `orgspec check --help`）"),
    (("check", "--no-cache=3"), "选项 '--no-cache' 不接受值（参见 `orgspec check --help`）"),
    (("report", "--limit", "5"), "'--limit' 的值无效：5 小于 1000（参见 `orgspec report --help`）"),
    (("report", "--limit", "x"),
     "'--limit' 的值无效：'x' 不是整数（参见 `orgspec report --help`）"),
    (("site",), "缺少选项 '--output'（参见 `orgspec site --help`）"),
    (("pr-comment", "nope.md"),
     "'REPORT' 的值无效：'nope.md' 不存在（参见 `orgspec pr-comment --help`）"),
    (("import", "backstage", "examples"),
     "'PATHS' 的值无效：'examples' 是文件夹，不是文件（参见 `orgspec import --help`）"),
    (("chek",), "未知的子命令 'chek'（是不是要写 'check'、'cache' 或 'schema'？）"
                "（参见 `orgspec --help`）"),
]


@pytest.mark.parametrize(("args", "said"), USAGE, ids=lambda a: " ".join(a) if
                         isinstance(a, tuple) else None)
def test_click_usage_errors_are_one_chinese_line(args: tuple[str, ...], said: str) -> None:
    run = run_cli(*args[:1], "--lang", "zh", *args[1:], env=EN)
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr == f"orgspec: 错误：{said}\n"
    assert chinese(run.stderr)


def test_a_usage_error_follows_lang_then_the_config_then_the_locale(tmp_path: Path) -> None:
    en = run_cli("check", "--bogus", env=EN)
    assert en.stderr == "orgspec: error: unknown option '--bogus' (see `orgspec check --help`)\n"
    assert run_cli("check", "--bogus", env=ZH).stderr == \
        "orgspec: 错误：未知的选项 '--bogus'（参见 `orgspec check --help`）\n"
    assert run_cli("check", "--bogus", "--lang=zh-Hant", env=EN).stderr == \
        "orgspec: 錯誤：未知的選項 '--bogus'（參見 `orgspec check --help`）\n"
    assert run_cli("check", "--lang", "EN", "--bogus", env=ZH).stderr == en.stderr
    (tmp_path / ".git").mkdir()
    (tmp_path / ".orgspec.yaml").write_text("lang: zh\n", "utf-8")
    by_config = run_cli("check", "--bogus", cwd=tmp_path, env=EN)
    assert by_config.stderr.startswith("orgspec: 错误：未知的选项")
    assert run_cli("check", "--bogus", "--isolated", cwd=tmp_path, env=EN).stderr == en.stderr
    # a --lang that does not parse is itself the error, said in the config's language
    bad = run_cli("check", "--lang", "zz", cwd=tmp_path, env=EN)
    assert bad.stderr == ("orgspec: 错误：'--lang' 的值无效：'zz' 不在可选值 zh、zh-Hant、en 之中"
                          "（参见 `orgspec check --help`）\n")


def test_help_and_version_are_not_errors() -> None:
    assert run_cli("--version").stdout.startswith("orgspec ")
    helped = run_cli("check", "--help", env=ZH)
    assert helped.code == 0 and " check [选项] [PATHS]..." in helped.stdout


# --- pr-comment -------------------------------------------------------------------------------

def test_pr_comment_speaks_the_reports_language(tmp_path: Path) -> None:
    report = tmp_path / "report.md"
    report.write_text("# 组织报告\n\n**4** 错误 · **4** 警告\n", "utf-8")
    zh = run_cli("pr-comment", str(report), "--isolated", env={**EN, "GITHUB_TOKEN": ""})
    assert (zh.code, zh.stdout) == (0, "")
    assert zh.stderr.startswith("提示：未发表拉取请求评论：未设置 GITHUB_TOKEN（")
    en = run_cli("pr-comment", str(report), "--isolated", "--lang", "en",
                 env={**EN, "GITHUB_TOKEN": ""})
    assert en.stderr.startswith("note: no pull-request comment posted: GITHUB_TOKEN is not set")
    outside = run_cli("pr-comment", str(report), "--isolated",
                      env={**EN, "GITHUB_TOKEN": "t", "GITHUB_EVENT_PATH": ""})
    assert (outside.stdout, outside.stderr) == ("", "提示：不是拉取请求：不发表评论\n")


def test_pr_comment_errors_are_said_in_chinese() -> None:
    with pytest.raises(CommentError) as caught:
        sticky_comment("x", token="t", repo="o/r", number=1, api_url="http://example.com")
    said = say(message_of(caught.value), "zh")
    assert said == "拒绝通过 http 把令牌发送给 'example.com'"
    assert chinese(said)
    assert say(from_env("x", {}), "zh-Hant").startswith("未發表提取要求留言：未設定 GITHUB_TOKEN（")


# --- importers --------------------------------------------------------------------------------

def test_backstage_notes_and_summary_in_chinese(tmp_path: Path) -> None:
    catalog = tmp_path / "catalog.yaml"
    catalog.write_text("kind: Group\nmetadata: {name: cs}\nspec: {profile: {displayName: 客服部}}"
                       "\n---\nkind: Template\nmetadata: {name: scaffold}\n---\n"
                       "kind: Component\nmetadata: {name: orphan, title: 孤儿服务}\nspec: {}\n---\n"
                       "kind: Component\nmetadata: {name: 工单}\nspec: {owner: group:ghosts}\n"
                       "---\nkind: API\nmetadata: {name: x}\nspec: {owner: location:y}\n",
                       "utf-8")
    out = tmp_path / "org"
    run = run_cli("import", "backstage", str(catalog), "-o", str(out), env=EN)
    assert run.code == 0, run.stderr
    assert run.stderr.splitlines() == [
        "提示：catalog.yaml 第 2 个文档：不导入类型 template",
        "提示：catalog.yaml 第 3 个文档：component orphan 没有 spec.owner",
        "提示：目录中没有群组 ghosts；已作为团队加入",
        "提示：catalog.yaml 第 5 个文档：负责方 location:y 不是群组或用户"]
    assert run.stdout == (f"已导入 2 个团队、0 位人员和 3 项职责到 {out}：写入 3 个，未变 0 个，"
                          "另存于已编辑文件旁 0 个，删除 0 个\n"
                          f"已写入 {out / '.orgspec-import.json'}：请把它和组织文件一起提交；"
                          "重新导入时会读取它记下的已写文件和自动生成的编号\n")
    assert all(chinese(line) for line in [*run.stderr.splitlines(), run.stdout])
    en = run_cli("import", "backstage", str(catalog), "-o", str(out), "--lang", "en", env=ZH)
    assert en.stderr.splitlines()[0] == "note: catalog.yaml document 2: kind template is not " \
                                        "imported"
    assert en.stdout.startswith("imported 2 teams, 0 people and 3 duties")


def test_codeowners_and_roster_notes_and_errors_in_chinese(tmp_path: Path) -> None:
    owners = tmp_path / "CODEOWNERS"
    owners.write_text("/docs/ @acme/文档组 bad-owner\n", "utf-8")
    run = run_cli("import", "codeowners", str(owners), "-o", str(tmp_path / "a"), "--lang", "zh",
                  env=EN)
    assert run.stderr == ("提示：CODEOWNERS:1：负责方 'bad-owner' 不是 @用户、@组织/团队 或"
                          "电子邮件；已跳过\n")
    roster = tmp_path / "roster.csv"
    roster.write_text("person,name,team,email\np1,刘洋,客服部,bad@@x\n,,客服部,\n", "utf-8")
    run = run_cli("import", "roster", str(roster), "-o", str(tmp_path / "b"), env=EN)
    assert run.stderr.splitlines() == [
        "提示：roster.csv:3：没有人员或姓名；已跳过",
        "提示：没有一行标出负责人或写明直属上级，所以所有团队都没有负责人（团队数：1）：在负责人列里标出"
        "每个团队的负责人（负责人: 是），或在团队文件里写 `lead:`",
        "提示：人员 p1：email 'bad@@x' 不是电子邮件地址（已略去）"]
    latin1 = tmp_path / "catalog.yaml"
    latin1.write_bytes("kind: Group\nmetadata: {name: caf\xe9}\n".encode("latin-1"))
    bad = run_cli("import", "backstage", str(latin1), "-o", str(tmp_path / "c"), env=ZH)
    assert (bad.code, bad.stderr) == (2, f"orgspec: 错误：{latin1}：不是 UTF-8 文本\n")
    (tmp_path / "b" / ".orgspec-import.json").write_text("{", "utf-8")
    clash = run_cli("import", "roster", str(roster), "-o", str(tmp_path / "b"), "--lang", "zh",
                    env=EN)
    assert clash.stderr == (f"orgspec: 错误：{tmp_path / 'b' / '.orgspec-import.json'}：不是 "
                            "orgspec 的导入清单；请把它移走，或导入到另一个文件夹\n")


# --- git, the org diff and the site's summary -------------------------------------------------

@pytest.fixture
def zh_repo(tmp_path: Path) -> Path:
    """A repo whose org is written in Chinese; its second commit adds a team and a duty
    two teams are accountable for, and moves a key result."""
    repo = tmp_path / "repo"
    committed_org(REPO / "tests" / "fixtures" / "newuser-org", repo)
    with (repo / "org" / "extra.yaml").open("w", encoding="utf-8") as handle:
        handle.write("- kind: Team\n  id: pr-team\n  name: 公关部\n  parent: company\n"
                     "  lead: zhou-ming\n  members: [zhou-ming]\n"
                     "- kind: Responsibility\n  id: press\n  name: 媒体关系\n"
                     "  accountable: [pr-team, customer-service]\n")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "公关部")
    return repo


def test_org_diff_lines_and_git_errors_in_chinese(zh_repo: Path) -> None:
    run = run_cli("check", "org", "--diff", "HEAD~1", "--no-cache", cwd=zh_repo, env=EN)
    out = run.stdout.splitlines()  # the org diff is printed with the findings, before the total
    start = out.index("与 HEAD~1 对比：1 条新问题，0 条已修复")
    notes = out[start:-1]
    assert "  新增团队：公关部 (pr-team)" in notes
    assert "  新增职责：媒体关系 (press)（批准方：客服部 (customer-service)、" \
        "公关部 (pr-team)）" in notes
    assert any(n.startswith("  新出现的重叠：职责 媒体关系 (press) 有 2 个批准方") for n in notes)
    assert all(chinese(n) for n in notes), [n for n in notes if not chinese(n)]
    en = run_cli("check", "org", "--diff", "HEAD~1", "--no-cache", "--lang", "en", cwd=zh_repo,
                 env=ZH)
    assert "  duty added: 媒体关系 (press) (accountable: 客服部 (customer-service), 公关部 " \
        "(pr-team))" in en.stdout
    nope = run_cli("check", "org", "--diff", "nope", cwd=zh_repo, env=EN)
    assert (nope.code, nope.stderr) == (
        2, "orgspec: 错误：git 中没有版本 'nope'（应为分支、标签或提交）\n")
    outside = run_cli("check", str(zh_repo / "org"), "--diff", "HEAD", "--lang", "zh",
                      cwd=zh_repo.parent, env=EN)
    assert outside.stderr == "orgspec: 错误：--diff 需要在 git 仓库中使用\n"


def test_the_site_lists_changes_and_says_its_summary_in_chinese(zh_repo: Path) -> None:
    run = run_cli("site", "org", "-o", "public", "--since", "HEAD~1", "--isolated", cwd=zh_repo,
                  env=EN)
    assert run.code == 0, run.stderr
    assert re.fullmatch(r"已写入 \d+ 个页面、\d+ 个文件（[\d.]+ MB）到 public\n", run.stderr)
    page = (zh_repo / "public" / "changes" / "index.html").read_text("utf-8")
    assert '<a href="../teams/pr-team.html">新增团队：公关部 (pr-team)</a>' in page
    # named as `check --diff` says it, and still linked to the duty's page
    assert '<a href="../duties/press.html">新出现的重叠：职责 媒体关系 (press) 有 2 个' in page
    assert "team added" not in page and "duty added" not in page
    nope = run_cli("site", "org", "-o", "public", "--since", "nope", "--isolated", cwd=zh_repo,
                   env=EN)
    assert nope.stderr == "orgspec: 错误：git 中没有版本 'nope'（应为分支、标签或提交）\n"
