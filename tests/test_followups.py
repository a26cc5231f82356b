"""Follow-ups found by earlier work, each with the exact output it fixes: `check --diff` with
a file that no longer loads, suppressions on a key's line, `show person`'s process steps,
people in the org diff, the labels' colon, the import header's language, OW007's owner
lists, OK017, graph-free process rules, and zh-Hant's 平台."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, committed_org, run_cli

EN = {"LANG": "en_US.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""}


@pytest.fixture
def committed(tmp_path: Path) -> Path:
    """A repo whose one commit is the new user's org (5 findings in okrs.yaml)."""
    repo = tmp_path / "repo"
    committed_org(FIXTURES / "newuser-org", repo)
    return repo


def _diff_lines(repo: Path, lang: str) -> list[str]:
    run = run_cli("check", "org", "--diff", "HEAD", "--no-cache", "--lang", lang, cwd=repo,
                  env=EN)
    assert run.code == 1, run.stderr
    out = run.stdout.splitlines()
    start = next(i for i, line in enumerate(out) if not line.startswith(("org/", " ")))
    return out[start:-1]


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", ["org diff against HEAD: 1 new finding, 0 fixed, 4 not compared (their files did "
            "not load)",
            "  org diff incomplete: 1 file could not be read in one of the revisions; what it "
            "defines is not counted as added or removed"]),
    ("zh", ["与 HEAD 对比：1 条新问题，0 条已修复，4 条无法比较（所在文件未能加载）",
            "  组织变化不完整：有 1 个文件在其中一个版本里读不出来；"
            "其中定义的内容不计为新增或删除"]),
    ("zh-Hant", ["與 HEAD 對比：1 條新問題，0 條已修復，4 條無法比較（所在檔案未能載入）",
                 "  組織變化不完整：有 1 個檔案在其中一個版本裡讀不出來；"
                 "其中定義的內容不計為新增或刪除"]),
])
def test_a_file_that_no_longer_loads_is_not_compared_not_fixed(committed: Path, lang: str,
                                                               expected: list[str]) -> None:
    okrs = committed / "org" / "okrs.yaml"
    okrs.write_text(okrs.read_text("utf-8") + 'x: "\x01"\n', "utf-8")  # IN003: fails to load
    assert _diff_lines(committed, lang) == expected


def test_one_new_finding_is_singular_and_a_fix_is_counted(committed: Path) -> None:
    okrs = committed / "org" / "okrs.yaml"
    okrs.write_text(okrs.read_text("utf-8").replace("2026Q1", "2026-Q1"), "utf-8")
    (committed / "org" / "extra.yaml").write_text(
        "- kind: Responsibility\n  id: press\n  name: 媒体关系\n  accountable: [nobody-here]\n",
        "utf-8")
    assert _diff_lines(committed, "en")[0] == "org diff against HEAD: 1 new finding, 1 fixed"
    assert _diff_lines(committed, "zh")[0] == "与 HEAD 对比：1 条新问题，1 条已修复"


# --- 2: a suppression on a key's line covers a finding at that key's value --------------------

KEY_LINE_SUPPRESSIONS = (
    "- kind: Person\n"
    "  id: p\n"
    "  name: P\n"
    "- kind: Team\n"
    "  id: a\n"
    "  name: A\n"
    "  lead: p\n"
    "  members: [p]\n"
    "- kind: Objective\n"
    "  id: o\n"
    "  title: Grow\n"
    "  owner: a\n"
    "  period: 2026-Q1\n"
    "  key_results:\n"
    "    - id: k1\n"
    "      title: revenue from 1 to 2\n"
    "      due:  # orgspec: ignore[SC003] after a blank line and a comment\n"
    "\n"
    "        # the date is being agreed\n"
    "        2026/03/31\n"
    "    - id: k2\n"
    "      title: revenue from 1 to 3\n"
    "      # orgspec: ignore[SC003] a block scalar, the comment above its key\n"
    "      due:\n"
    "        |-\n"
    "          2026/03/31\n"
    "    - id: k3\n"
    "      title: revenue from 1 to 4\n"
    "      due: >-\n"
    "        2026/03/31\n"
    "- kind: Responsibility\n"
    "  id: d1\n"
    "  name: D1\n"
    "  # orgspec: ignore[RF001] a flow list continued\n"
    "  accountable: [a,\n"
    "     nobody]\n"
    "- kind: Responsibility\n"
    "  id: d2\n"
    "  name: D2\n"
    "  accountable:  # orgspec: ignore[RF001] a block list\n"
    "    - nobody-else\n"
    "    - nobody\n"
    "- kind: Responsibility\n"
    "  id: d3\n"
    "  name: D3  # orgspec: ignore[RF001] not the key of the value\n"
    "  description: x\n"
    "  accountable:\n"
    "    - a\n"
    "    - nobody\n"
)


def test_a_suppression_on_a_keys_line_covers_its_value_wherever_it_starts(write_org,
                                                                           tmp_path) -> None:
    """After a blank line and a comment (k1), a block scalar whose indicator is on the next
    line with the comment above the key (k2), a flow list continued (d1), the third line of
    a block list (d2); a comment on another key's line covers nothing there (d3)."""
    import datetime as dt

    from orgspec.engine.lint import lint
    from orgspec.load.config import Config

    root = write_org({"org.yaml": KEY_LINE_SUPPRESSIONS})
    expected = [("SC003", 29), ("SU001", 45), ("RF001", 49)]  # k3 and d3: not suppressed
    found = lint([str(root)], Config(), today=dt.date(2026, 12, 1)).findings
    assert [(f.code, f.location.line) for f in found] == expected
    cached = [run_cli("check", str(root), "--lang", "en", "--format", "json").json()
              for _ in range(2)]  # the second run reads the cache
    assert [[(f["code"], f["line"]) for f in c["findings"]] for c in cached] == [expected] * 2


# --- 3: `show person` lists the process steps the site's person page lists -------------------

STEPS_ORG = (
    "- kind: Person\n"
    "  id: lin\n"
    "  name: 林雪\n"
    "- kind: Team\n"
    "  id: cs\n"
    "  name: 客服部\n"
    "  lead: lin\n"
    "  members: [lin]\n"
    "- kind: Role\n"
    "  id: cs-lead\n"
    "  name: 客服组长\n"
    "  team: cs\n"
    "  holders: [lin]\n"
    "- kind: Process\n"
    "  id: refund\n"
    "  name: 退款流程\n"
    "  owner: cs\n"
    "  steps:\n"
    "    - {id: check, name: 审核, owner: cs-lead, next: [pay]}\n"
    "    - {id: pay, owner: cs, tracker: lin}\n"
    "- kind: Process\n"
    "  id: complaint\n"
    "  name: 投诉流程\n"
    "  owner: cs\n"
    "  steps:\n"
    "    - {id: receive, name: 接收, owner: cs, tracker: lin}\n"
)


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", ["  process steps owned:",
            "    - process complaint 投诉流程 › receive 接收 (via team cs 客服部)",
            "    - process refund 退款流程 › pay (via team cs 客服部)",
            "    - process refund 退款流程 › check 审核 (as role cs-lead 客服组长)",
            "  process steps tracked:",
            "    - process complaint 投诉流程 › receive 接收",
            "    - process refund 退款流程 › pay"]),
    ("zh", ["  负责的流程步骤:",
            "    - 流程 complaint 投诉流程 › receive 接收 (经由团队 cs 客服部)",
            "    - 流程 refund 退款流程 › pay (经由团队 cs 客服部)",
            "    - 流程 refund 退款流程 › check 审核 (作为岗位 cs-lead 客服组长)",
            "  追踪的流程步骤:",
            "    - 流程 complaint 投诉流程 › receive 接收",
            "    - 流程 refund 退款流程 › pay"]),
    ("zh-Hant", ["  負責的流程步驟:",
                 "    - 流程 complaint 投诉流程 › receive 接收 (經由團隊 cs 客服部)",
                 "    - 流程 refund 退款流程 › pay (經由團隊 cs 客服部)",
                 "    - 流程 refund 退款流程 › check 审核 (作為職位 cs-lead 客服组长)",
                 "  追蹤的流程步驟:",
                 "    - 流程 complaint 投诉流程 › receive 接收",
                 "    - 流程 refund 退款流程 › pay"]),
])
def test_show_person_lists_the_steps_they_take_part_in(write_org, lang: str,
                                                       expected: list[str]) -> None:
    """Steps the person owns, then those of the teams they lead or belong to (trial 3: a
    lead saw only the steps she tracks), then those of the positions they hold, in the
    order of the site's person page (process id, then step order); apart, the steps they
    track (trial 9: tracking a step is not doing it)."""
    root = write_org({"org.yaml": STEPS_ORG})
    run = run_cli("show", "person", "lin", str(root), "--lang", lang)
    assert run.code == 0, run.stderr
    assert run.stdout.splitlines()[-7:] == expected
    doc = run_cli("show", "person", "lin", str(root), "--format", "json").json()
    assert doc["process_steps"] == [
        {"process": "complaint", "process_name": "投诉流程", "step": "receive", "name": "接收",
         "via": "team:cs"},
        {"process": "refund", "process_name": "退款流程", "step": "pay", "name": "",
         "via": "team:cs"},
        {"process": "refund", "process_name": "退款流程", "step": "check", "name": "审核",
         "via": "role:cs-lead"}]
    assert doc["tracked_steps"] == [
        {"process": "complaint", "process_name": "投诉流程", "step": "receive", "name": "接收"},
        {"process": "refund", "process_name": "退款流程", "step": "pay", "name": ""}]


# --- 4: the org diff names the people added and removed ---------------------------------------

@pytest.mark.parametrize(("lang", "expected"), [
    ("en", ["  person added: 赵敏 (zhao-min)", "  person removed: 钱丽 (qian-li)"]),
    ("zh", ["  新增人员：赵敏 (zhao-min)", "  删除人员：钱丽 (qian-li)"]),
    ("zh-Hant", ["  新增人員：赵敏 (zhao-min)", "  刪除人員：钱丽 (qian-li)"]),
])
def test_the_org_diff_names_people_added_and_removed(committed: Path, lang: str,
                                                     expected: list[str]) -> None:
    people = committed / "org" / "people.yaml"
    text = people.read_text("utf-8").replace(
        "- kind: Person\n  id: qian-li\n  name: 钱丽\n  title: 市场经理\n",
        "- kind: Person\n  id: zhao-min\n  name: 赵敏\n  title: 市场经理\n")
    people.write_text(text, "utf-8")
    changes = [line for line in _diff_lines(committed, lang) if line.startswith("  ")]
    said = [c for c in changes if "zhao-min" in c or "qian-li" in c]
    assert said == expected
    # a machine format prints the org diff as notes on standard error, the same lines
    run = run_cli("check", "org", "--diff", "HEAD", "--no-cache", "--lang", lang,
                  "--format", "json", cwd=committed, env=EN)
    assert [line for line in run.stderr.splitlines() if line in expected] == expected


# --- 5: site labels end with a full-width colon in Chinese ------------------------------------

@pytest.mark.parametrize(("lang", "expected"), [
    ("zh", ["<strong>使命：</strong>", "来源：<code>", '"负责人：Ada Lovelace"',
            '"A：Platform — 找谁：Ada Lovelace"']),
    ("zh-Hant", ["<strong>使命：</strong>", "來源：<code>", '"負責人：Ada Lovelace"',
                 '"A：Platform — 找誰：Ada Lovelace"']),
    ("en", ["<strong>Mission: </strong>", "Source: <code>", '"Lead: Ada Lovelace"',
            '"A: Platform — Who to ask: Ada Lovelace"']),
])
def test_site_labels_end_with_the_languages_colon(tmp_path: Path, lang: str,
                                                  expected: list[str]) -> None:
    from conftest import EXAMPLES

    run = run_cli("site", str(EXAMPLES / "minimal"), "-o", str(tmp_path / "site"), "--lang",
                  lang, "--isolated")
    assert run.code == 0, run.stderr
    page = (tmp_path / "site" / "teams" / "platform.html").read_text("utf-8")
    index = "".join(p.read_text("utf-8") for p in (tmp_path / "site" / "search").glob("d*.js"))
    assert [e for e in expected if e in page + index] == expected


# --- 6: `orgspec import` writes its header comment in the run's language ----------------------

@pytest.mark.parametrize(("args", "expected"), [
    ((), ["# 由 `orgspec import roster` 导入。可以随意编辑："
          "重新导入会更新本文件，并保留你的注释和你加的字段；",
          "# 你改动过本文件后，若重新导入要改动或删去其中的内容，"
          "它会把新版本写在旁边（NAME.yaml.new），不动你的文件。"]),
    (("--lang", "zh-Hant"),
     ["# 由 `orgspec import roster` 匯入。可以隨意編輯："
      "重新匯入會更新本檔案，並保留你的註解和你加的欄位；",
      "# 你改動過本檔案後，若重新匯入要改動或刪去其中的內容，"
      "它會把新版本寫在旁邊（NAME.yaml.new），不動你的檔案。"]),
    (("--lang", "en"),
     ["# Imported by `orgspec import roster`. Edit freely: a re-import updates this file and",
      "# keeps your comments and the fields you add; once you have edited it, a change or "
      "removal",
      "# goes beside it (NAME.yaml.new) and yours is left alone."]),
])
def test_import_writes_its_header_in_the_runs_language(tmp_path: Path, args: tuple[str, ...],
                                                       expected: list[str]) -> None:
    """A Chinese roster imported with no --lang: the run is Chinese (the names are), so is
    every file's header; --lang chooses."""
    roster = tmp_path / "roster.csv"
    roster.write_text("姓名,部门\n林雪,客服部\n马超,客服部\n", "utf-8")
    run = run_cli("import", "roster", str(roster), "-o", str(tmp_path / "org"), *args, env=EN)
    assert run.code == 0, run.stderr
    files = sorted((tmp_path / "org").glob("*.yaml"))
    assert files
    for f in files:
        assert f.read_text("utf-8").splitlines()[:len(expected)] == expected
        assert f.read_text("utf-8").splitlines()[len(expected)] == "- kind: Team"


# --- 7: OW007 joins a duty's owners as every list in the language is joined -------------------

NEAR_DUPLICATES = (
    "- {kind: Team, id: cs, name: 客服部}\n"
    "- {kind: Team, id: tech, name: 技术部}\n"
    "- {kind: Team, id: ops, name: 运营部}\n"
    "- {kind: Responsibility, id: refunds, name: 退款处理, description: 审核并处理用户的退款申请,\n"
    "   accountable: [cs, tech]}\n"
    "- {kind: Responsibility, id: refund-review, name: 退款审核,\n"
    "   description: 审核并处理用户退款申请, accountable: [ops]}\n"
)


@pytest.mark.parametrize(("lang", "expected"), [
    ("zh", ["org/org.yaml:7:4: OW007 [警告] 运营部 (ops) 的职责 退款审核 (refund-review) "
            "和 客服部 (cs)、技术部 (tech) 的职责 退款处理 (refunds) 看起来是同一项职责"
            "（相似度 1.00）",
            "    相关: org/org.yaml:4:51: 客服部 (cs)、技术部 (tech) 的职责 退款处理 "
            "(refunds)：审核并处理用户的退款申请"]),
    ("zh-Hant", ["org/org.yaml:7:4: OW007 [警告] 运营部 (ops) 的職責 退款审核 "
                 "(refund-review) 和 客服部 (cs)、技术部 (tech) 的職責 退款处理 (refunds) "
                 "看起來是同一項職責（相似度 1.00）",
                 "    相關: org/org.yaml:4:51: 客服部 (cs)、技术部 (tech) 的職責 退款处理 "
                 "(refunds)：审核并处理用户的退款申请"]),
    ("en", ["org/org.yaml:7:4: OW007 [warning] duties 退款审核 (refund-review) of 运营部 (ops) "
            "and 退款处理 (refunds) of 客服部 (cs), 技术部 (tech) look like the same duty "
            "(similarity 1.00)",
            "    related: org/org.yaml:4:51: 退款处理 (refunds) of 客服部 (cs), 技术部 (tech): "
            "审核并处理用户的退款申请"]),
])
def test_near_duplicate_owners_are_joined_in_the_language(write_org, lang: str,
                                                          expected: list[str]) -> None:
    root = write_org({"org.yaml": NEAR_DUPLICATES})
    run = run_cli("check", "org", "--select", "OW007", "--no-cache", "--lang", lang,
                  cwd=root.parent)
    assert run.stdout.splitlines()[:2] == expected


# --- 8: OK017, a `period` and `start`/`end` that disagree -------------------------------------

def _objective(oid: str, *dates: str) -> str:
    lines = "".join(f"  {d}\n" for d in dates)
    return (f"- kind: Objective\n  id: {oid}\n  title: 提升用户活跃度\n  owner: ops\n{lines}"
            "  key_results:\n    - {id: mau, title: 月活跃用户数从120万增长到132万}\n")


def test_a_period_that_disagrees_with_its_dates_is_one_finding_at_period(write_org) -> None:
    import datetime as dt

    from orgspec.engine.lint import lint
    from orgspec.load.config import Config

    text = "- {kind: Team, id: ops}\n" + "".join([
        _objective("start-off", "period: 2026-Q2", "start: 2026-03-15"),
        _objective("end-off", "period: 2026-Q2", "end: 2026-07-31"),
        _objective("both-off", "period: 2026", "start: 2026-02-01", "end: 2026-11-30"),
        _objective("agrees", "period: 2026-H2", "start: 2026-07-01", "end: 2026-12-31"),
        _objective("inverted", "period: 2026-Q2", "start: 2026-06-30", "end: 2026-04-01"),
        _objective("dates-only", "start: 2026-03-15", "end: 2026-06-30"),
    ])
    root = write_org({"org.yaml": text})
    found = [(f.code, f.location.line, f.location.col, [r.location.line for r in f.related])
             for f in lint([str(root)], Config(), today=dt.date(2026, 12, 1)).findings
             if f.code in ("OK016", "OK017")]
    # OK017 at each `period` (lines 6, 14, 22), the dates that disagree as related; the
    # agreeing one none, the inverted one OK016 alone, the one without a period none
    assert found == [("OK017", 6, 3, [7]), ("OK017", 14, 3, [15]),
                     ("OK017", 22, 3, [23, 24]), ("OK016", 41, 3, [42])]


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", ["org/org.yaml:6:3: OK017 [warning] objective 提升用户活跃度 (start-off): "
            "`period` 2026-Q2 runs from 2026-04-01 to 2026-06-30, but `start` is 2026-03-15",
            "    related: org/org.yaml:7:3: `start` is 2026-03-15 here",
            "    hint: keep either `period` or `start` and `end`; when both are written, orgspec "
            "reads the dates"]),
    ("zh", ["org/org.yaml:6:3: OK017 [警告] 目标 提升用户活跃度 (start-off) 的 "
            "`period` 2026-Q2 是 2026-04-01 至 2026-06-30，但 `start` 写的是 2026-03-15",
            "    相关: org/org.yaml:7:3: `start` 在此写为 2026-03-15",
            "    建议: 只保留 `period`，或只保留 `start` 和 `end`；"
            "两者都写时，orgspec 以日期为准"]),
    ("zh-Hant", ["org/org.yaml:6:3: OK017 [警告] 目標 提升用户活跃度 (start-off) 的 "
                 "`period` 2026-Q2 是 2026-04-01 至 2026-06-30，但 `start` 寫的是 2026-03-15",
                 "    相關: org/org.yaml:7:3: `start` 在此寫為 2026-03-15",
                 "    建議: 只保留 `period`，或只保留 `start` 和 `end`；"
                 "兩者都寫時，orgspec 以日期為準"]),
])
def test_ok017_is_said_in_the_runs_language(write_org, lang: str, expected: list[str]) -> None:
    root = write_org({"org.yaml": "- {kind: Team, id: ops}\n" + _objective(
        "start-off", "period: 2026-Q2", "start: 2026-03-15")})
    run = run_cli("check", "org", "--select", "OK017", "--no-cache", "--lang", lang,
                  cwd=root.parent)
    assert run.stdout.splitlines()[:3] == expected


# --- 9: PR002-PR004 are declared graph-free, and every graph-free rule is ----------------------

def test_graph_free_rules_never_read_the_graph() -> None:
    """PR002-PR004 read each process's own flow, not the org graph: declared so, they run
    beside the graph build. Every rule declared graph-free runs here on orgs with findings
    of each, with a graph that raises when read."""
    import datetime as dt

    from conftest import EXAMPLES

    from orgspec.engine.context import RuleContext, Shared
    from orgspec.engine.lint import load_org
    from orgspec.engine.registry import GRAPH_FREE, load_checks
    from orgspec.engine.selection import make_plan
    from orgspec.load.config import Config

    class NoGraph(Shared):
        @property
        def graph(self) -> object:
            raise AssertionError("a graph-free rule read the graph")

    checks = load_checks()
    assert {"PR002", "PR003", "PR004"} <= GRAPH_FREE
    found: set[str] = set()
    for path in (FIXTURES / "broken-processes", EXAMPLES / "ecommerce"):
        config = Config(extends="strict")
        org = load_org([str(path)], config).org
        plan = make_plan(config)
        shared = NoGraph(org, dt.date(2026, 12, 1))
        for code in sorted(GRAPH_FREE & set(checks) & set(plan.options)):
            if list(checks[code](RuleContext(shared, plan.options[code]))):
                found.add(code)
    assert {"PR002", "PR003", "PR004"} <= found  # their flows were walked, with findings


# --- 10: zh-Hant says 平台, as Taiwan's software does (s2twp gives 平臺) ------------------------

def test_zh_hant_says_platform_as_taiwan_writes_it() -> None:
    from orgspec.i18n import hant

    assert hant.prose("订单平台组的职责") == "訂單平台組的職責"
    for code in ("RO002", "RO003"):
        run = run_cli("explain", code, "--lang", "zh-Hant")
        assert "訂單平台組" in run.stdout and "平臺" not in run.stdout, code
