"""Trial 27 (王芳, e-commerce ops lead, zh): what she found, as exact findings and behaviour."""

from __future__ import annotations

from typing import Any

import pytest

from orgspec.engine.lint import lint
from orgspec.findings import Finding
from orgspec.load.config import Config, Selector

# --- 1: OW001's hint names the entries that add accountable owners, never the rightful one --

GROWTH = """\
- {kind: Person, id: wang, name: 王芳}
- {kind: Person, id: he, name: 何丽}
- kind: Team
  id: operations
  name: 运营部
  lead: wang
  members: [wang]
  responsibilities:
    - user-growth
- kind: Team
  id: brand
  name: 市场部
  lead: wang
  members: [wang]
- kind: Team
  id: data
  name: 数据组
  parent: operations
  lead: he
  members: [he]
  responsibilities:
    - user-growth
- kind: Team
  id: live
  name: 直播组
  parent: operations
  lead: he
  members: [he]
  responsibilities:
    - user-growth
- kind: Responsibility
  id: user-growth
  name: 用户增长
  accountable: operations
  responsible: operations
"""
BARE = "    - user-growth\n"
FIXED = "    - {ref: user-growth, role: responsible}\n"


def _ow001(write_org: Any, text: str) -> list[Finding]:
    config = Config(select=[Selector("OW001", "t")], lang="en")
    return lint([str(write_org({"o.yaml": text}))], config).findings


def _fix_charters(text: str) -> str:
    """`text` with data's and live's charter entries written as the hint says."""
    head, tail = text.split("  id: data\n", 1)
    return head + "  id: data\n" + tail.replace(BARE, FIXED)


def test_ow001_names_the_charters_that_add_owners_not_the_team_the_duty_names(
        write_org: Any) -> None:
    [found] = _ow001(write_org, GROWTH)
    assert (found.code, found.location.line) == ("OW001", 34)
    assert found.message == ("duty 'user-growth' has 3 accountable owners: operations, "
                             "data, live")
    assert [(r.location.line, r.message) for r in found.related] == [
        (22, "data is accountable here"), (30, "live is accountable here")]
    assert found.hint == (
        "the entries for user-growth in data's charter, live's charter add accountable "
        "owners the duty does not name (it names operations; an entry without a role "
        "counts as accountable): write `{ref: user-growth, role: responsible}` there (or "
        "consulted, informed), or remove them")


def test_following_the_ow001_hint_on_the_charters_clears_it(write_org: Any) -> None:
    assert _ow001(write_org, _fix_charters(GROWTH)) == []


def test_the_old_advice_on_the_rightful_owners_charter_would_have_left_it(
        write_org: Any) -> None:
    """What trial 27's hint said to do (operations' entry as `responsible`) changes
    nothing: the duty itself names operations accountable."""
    wrong = GROWTH.replace(BARE, FIXED, 1)
    assert [f.code for f in _ow001(write_org, wrong)] == ["OW001"]


TWO = GROWTH.replace("accountable: operations", "accountable: [operations, brand]")
ONLY_DUTY = TWO.replace(BARE, "    - {ref: user-growth, role: consulted}\n")


def test_ow001_points_at_the_dutys_own_accountable_line_when_it_names_two(
        write_org: Any) -> None:
    # operations' own charter says `consulted` (session 34, one34): the hint names the one
    # to keep and what operations becomes, as its charter says; OW004 is held behind it
    [found] = _ow001(write_org, ONLY_DUTY)
    assert (found.location.line, found.hint) == (
        34, "in the duty (line 34) write `accountable: brand` and `consulted: operations`, "
            "as operations's charter says (line 9)")
    assert _ow001(write_org, ONLY_DUTY.replace("[operations, brand]", "operations")) == []
    followed = ONLY_DUTY.replace("  accountable: [operations, brand]\n",
                                 "  accountable: brand\n  consulted: operations\n")
    assert lint([str(write_org({"o.yaml": followed}))], Config(lang="en")).findings == []


def test_ow001_with_two_in_the_duty_and_charters_adding_more_says_both(
        write_org: Any) -> None:
    [found] = _ow001(write_org, TWO)
    assert found.hint == (
        "the duty's own `accountable` (line 34) names 2: operations, brand; keep one there "
        "and make the others `responsible` or `consulted`; and the entries for user-growth "
        "in data's charter, live's charter add accountable owners the duty does not name (it "
        "names operations, brand; an entry without a role counts as accountable): write "
        "`{ref: user-growth, role: responsible}` there (or consulted, informed), or remove "
        "them")
    fixed = _fix_charters(TWO).replace("[operations, brand]", "operations")
    assert _ow001(write_org, fixed) == []


@pytest.mark.parametrize(("lang", "said"), [
    ("zh", "建议: 数据组 (data) 的职责清单、直播组 (live) 的职责清单 中的 用户增长 (user-growth) "
           "条目添加了该职责本身没写的批准方 (A)（职责本身写的是 运营部 (operations)；没写角色的"
           "条目按批准方 (A)计）：在那里写成 `{ref: user-growth, role: responsible}`（或 "
           "consulted、informed），或删除这些条目"),
    ("zh-Hant", "建議: 数据组 (data) 的職責清單、直播组 (live) 的職責清單 中的 用户增长 "
                "(user-growth) 條目添加了該職責本身沒寫的批准方 (A)（職責本身寫的是 运营部 "
                "(operations)；沒寫角色的條目按批准方 (A)計）：在那裡寫成 "
                "`{ref: user-growth, role: responsible}`（或 consulted、informed），"
                "或刪除這些條目"),
])
def test_the_ow001_hint_in_chinese(write_org: Any, lang: str, said: str) -> None:
    from conftest import run_cli

    folder = write_org({"o.yaml": GROWTH})
    run = run_cli("check", str(folder), "--isolated", "--no-cache", "--lang", lang)
    assert f"    {said}\n" in run.stdout, run.stdout


@pytest.mark.parametrize("lang", ["zh", "zh-Hant"])
def test_the_dutys_own_line_hint_in_chinese(write_org: Any, lang: str) -> None:
    from conftest import run_cli

    folder = write_org({"o.yaml": ONLY_DUTY})
    run = run_cli("check", str(folder), "--isolated", "--no-cache", "--lang", lang)
    said = {"zh": "在该职责里（第 34 行）写 `accountable: brand` 和 `consulted: operations`，"
                  "与 operations 的职责清单（第 9 行）一致",
            "zh-Hant": "在該職責裡（第 34 行）寫 `accountable: brand` 和 "
                       "`consulted: operations`，與 operations 的職責清單（第 9 行）一致"}
    assert said[lang] in run.stdout, run.stdout


# --- 2: the chat message counts, per team, the findings it lists under that team --------

CHAT_ORG = """\
- {kind: Person, id: wang, name: 王芳}
- {kind: Person, id: he, name: 何丽}
- {kind: Person, id: zhang, name: 张伟}
- {kind: Team, id: company, name: 星云电商, lead: wang, members: [wang]}
- {kind: Team, id: operations, name: 运营部, parent: company, lead: wang, members: [he],
   responsibilities: [user-growth]}
- {kind: Team, id: tech, name: 技术部, parent: company, lead: zhang, members: [zhang],
   aliases: [it], responsibilities: [stability]}
- {kind: Responsibility, id: user-growth, name: 用户增长, accountable: operations}
- {kind: Responsibility, id: stability, name: 系统稳定, accountable: tech}
- {kind: Responsibility, id: data-analysis, name: 数据分析, responsible: he}
- kind: Meeting
  id: weekly
  name: 周例会
  cadence: 每周一 10:00
  owner: wang
  attendees: [it, operations]
- kind: Objective
  id: app
  title: 上线 App 2.0 版本
  owner: tech
  period: 2026-H1
  key_results:
    - {id: release, title: 上线2.0版本, due: 2026-06-30}
"""


def _chat_sections(text: str) -> tuple[dict[str, str], dict[str, list[str]]]:
    """(team name -> its health line's counts, team name -> the findings listed under it)."""
    import re

    health = dict(re.findall(r"^- (\S+)：\d+ 分（(.*)）$", text, re.M))
    listed: dict[str, list[str]] = {}
    team = ""
    for line in text.split("**主要问题（按团队）**", 1)[1].splitlines():
        if line.startswith("**"):
            team = line.strip("*")
        elif line.startswith("- "):
            listed.setdefault(team, []).append(line)
    return health, listed


def _said_counts(items: list[str]) -> str:
    errors = sum("❌" in x for x in items)
    warnings = sum("⚠️" in x for x in items)
    return "、".join(s for s in (f"{errors} 个错误" if errors else "",
                                 f"{warnings} 个警告" if warnings else "") if s)


@pytest.mark.parametrize("org", ["fixture", "examples/ecommerce"])
def test_the_chat_counts_of_each_team_are_the_findings_listed_under_it(
        write_org: Any, org: str) -> None:
    from conftest import run_cli

    folder = str(write_org({"o.yaml": CHAT_ORG})) if org == "fixture" else org
    run = run_cli("report", folder, "--format", "chat", "--lang", "zh", "--max-bytes", "20000")
    health, listed = _chat_sections(run.stdout)
    assert health and "未归属团队" not in listed, run.stdout
    assert health == {team: _said_counts(items) for team, items in listed.items()
                      if team in health}, run.stdout
    # every team listed has its health line, but past the five lowest scores
    assert all(team in health for team in listed) or len(health) == 5, run.stdout


def test_a_duty_finding_with_a_person_responsible_is_filed_under_their_team(
        write_org: Any) -> None:
    config = Config(select=[Selector("OW003", "t")], lang="en")
    [found] = lint([str(write_org({"o.yaml": CHAT_ORG}))], config).findings
    assert (found.code, found.entity, found.teams) == (
        "OW003", "responsibility:data-analysis", ("operations",))


# --- 3: RF001 for an id renamed by adding a word says the new id and the alias -----------

RENAMED = """\
- {kind: Person, id: wang, name: 王芳}
- {kind: Team, id: product-center, name: 产品部, lead: wang, members: [wang]}
- {kind: Team, id: brand-marketing, name: 市场部, lead: wang, members: [wang]}
- kind: Meeting
  id: weekly
  name: 周例会
  cadence: 每周一 10:00
  owner: wang
  attendees: [product, wang]
- {kind: Responsibility, id: campaign, name: 品牌推广, accountable: marketing}
"""


def _rf001(write_org: Any, text: str) -> list[tuple[int, str, str]]:
    config = Config(select=[Selector("RF001", "t"), Selector("RF005", "t")], lang="en")
    found = lint([str(write_org({"o.yaml": text}))], config).findings
    return [(f.location.line, f.code, f.hint) for f in found]


def test_rf001_for_a_renamed_id_suggests_the_one_id_that_extends_it(write_org: Any) -> None:
    assert _rf001(write_org, RENAMED) == [
        (9, "RF001", "did you mean 'product-center'? if team 'product-center' was renamed "
                     "from 'product', `aliases: [product]` under its `id` keeps the old "
                     "references working; then change them to 'product-center' (RF005 lists "
                     "them)"),
        (10, "RF001", "did you mean 'brand-marketing'? if team 'brand-marketing' was renamed "
                      "from 'marketing', `aliases: [marketing]` under its `id` keeps the old "
                      "references working; then change them to 'brand-marketing' (RF005 "
                      "lists them)")]


def test_the_alias_the_rf001_hint_names_clears_it(write_org: Any) -> None:
    text = RENAMED.replace("id: product-center,", "id: product-center, aliases: [product],")
    assert [code for _, code, _ in _rf001(write_org, text)] == ["RF005", "RF001"]
    # the hint's second step, the reference changed to the new id: its finding is gone
    text = text.replace("attendees: [product, wang]", "attendees: [product-center, wang]")
    assert [code for _, code, _ in _rf001(write_org, text)] == ["RF001"]


def test_no_rename_is_guessed_when_two_ids_extend_the_unknown_one(write_org: Any) -> None:
    text = RENAMED.replace("- kind: Meeting", "- {kind: Team, id: product-ops, lead: wang}\n"
                                              "- kind: Meeting")
    assert _rf001(write_org, text)[0] == (
        10, "RF001", "add the Team, Person or Role 'product' to the org's files, or "
                     "change it to an existing id")


def test_the_rename_hint_in_chinese(write_org: Any) -> None:
    from conftest import run_cli

    run = run_cli("check", str(write_org({"o.yaml": RENAMED})), "--isolated", "--no-cache",
                  "--lang", "zh")
    assert "    建议: 是不是要写 product-center（产品部）？如果团队 产品部 (product-center) 是从 " \
           "'product' 改名而来，在它的 `id` 下写 `aliases: [product]`，旧的引用就能继续使用；" \
           "然后把这些引用改成 product-center（产品部）（RF005 会列出它们）\n" \
           in run.stdout, run.stdout


# --- 4: what the README's own commands write in the repository, init's .gitignore ignores --


def _readme_outputs() -> list[str]:
    """The files the README's `orgspec report`/`check` examples write by a relative name."""
    import re
    from pathlib import Path

    readme = (Path(__file__).parent.parent / "README.md").read_text("utf-8")
    found = re.findall(r"^orgspec (?:report|check)\b[^\n#]*?(?:-o |--report \w+=)"
                       r"([\w.-]+\.(?:md|html|json))", readme, re.M)
    found += re.findall(r"--report \w+=([\w.-]+\.(?:md|html|json))", readme)
    found += re.findall(r"# or -o ([\w.-]+\.(?:md|html|json))", readme)
    return sorted(set(found))


@pytest.mark.parametrize("lang", ["en", "zh", "zh-Hant"])
def test_init_s_gitignore_ignores_every_output_the_readme_writes(tmp_path: Any,
                                                                 lang: str) -> None:
    import subprocess

    from conftest import run_cli

    outputs = _readme_outputs()
    assert {"orgspec-report.md", "orgspec-report.html", "orgspec-chat.md",
            "orgspec.json"} <= set(outputs), outputs
    run = run_cli("init", str(tmp_path / "repo"), "--lang", lang)
    assert run.code == 0, run.stderr
    subprocess.run(["git", "init", "-q", str(tmp_path / "repo")], check=True)
    ignored = subprocess.run(["git", "-C", str(tmp_path / "repo"), "check-ignore", *outputs],
                             capture_output=True, text=True, check=False).stdout.split()
    assert sorted(ignored) == outputs
