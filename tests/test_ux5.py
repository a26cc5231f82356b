"""Small user-facing defects (branch ux5): ids named in every human line of `check`."""

from __future__ import annotations

import re

import pytest

from tests.conftest import run_cli

# --- 1: OW007's main line and every hint name the ids they quote, as the other lines do -------

THREE_DUPLICATES = (
    "- {kind: Team, id: cs, name: 客服部}\n"
    "- {kind: Team, id: tech, name: 技术部}\n"
    "- {kind: Team, id: ops, name: 运营部}\n"
    "- {kind: Responsibility, id: refunds, name: 退款处理, description: 审核并处理用户的退款申请,\n"
    "   accountable: [cs]}\n"
    "- {kind: Responsibility, id: refund-review, name: 退款审核,\n"
    "   description: 审核并处理用户退款申请, accountable: [ops]}\n"
    "- {kind: Responsibility, id: refund-check, description: 审核并处理用户退款的申请,\n"
    "   accountable: [tech]}\n"
)


@pytest.mark.parametrize(("lang", "expected"), [
    ("zh", ["org/org.yaml:8:44: OW007 [警告] 3 个负责方的 3 项职责看起来是同一项职责："
            "技术部 (tech) 的职责 'refund-check'、运营部 (ops) 的职责 退款审核 "
            "(refund-review)、客服部 (cs) 的职责 退款处理 (refunds)（相似度 1.00）",
            "    相关: org/org.yaml:7:4: 运营部 (ops) 的职责 退款审核 (refund-review)："
            "审核并处理用户退款申请",
            "    相关: org/org.yaml:4:51: 客服部 (cs) 的职责 退款处理 (refunds)："
            "审核并处理用户的退款申请"]),
    ("en", ["org/org.yaml:8:44: OW007 [warning] 3 duties of 3 owners look like the same duty: "
            "'refund-check' of 技术部 (tech), 退款审核 (refund-review) of 运营部 (ops), "
            "退款处理 (refunds) of 客服部 (cs) (similarity 1.00)",
            "    related: org/org.yaml:7:4: 退款审核 (refund-review) of 运营部 (ops): "
            "审核并处理用户退款申请",
            "    related: org/org.yaml:4:51: 退款处理 (refunds) of 客服部 (cs): "
            "审核并处理用户的退款申请"]),
])
def test_a_near_duplicate_group_names_each_duty_and_owner_without_nested_brackets(
        write_org, lang: str, expected: list[str]) -> None:
    root = write_org({"org.yaml": THREE_DUPLICATES})
    run = run_cli("check", "org", "--select", "OW007", "--no-cache", "--lang", lang,
                  cwd=root.parent)
    assert run.stdout.splitlines()[:3] == expected


def test_the_machine_formats_keep_the_ids_of_a_near_duplicate_group(write_org) -> None:
    root = write_org({"org.yaml": THREE_DUPLICATES})
    run = run_cli("check", "org", "--select", "OW007", "--no-cache", "--lang", "en",
                  "--format", "json", cwd=root.parent)
    (finding,) = run.json()["findings"]
    assert finding["message"] == ("3 duties of 3 owners look like the same duty: 'refund-check' "
                                  "of tech, 'refund-review' of ops, 'refunds' of cs (similarity "
                                  "1.00)")
    assert [r["message"] for r in finding["related"]] == [
        "refund-review of ops: 审核并处理用户退款申请", "refunds of cs: 审核并处理用户的退款申请"]


# Two teams share a duty and meet nowhere (MT004); a team's objective aligns to nothing
# though its parent's could (OK013): both hints quote ids.
HINTED = (
    "- {kind: Team, id: hq, name: 总部, lead: wang, members: [wang], responsibilities: [sales],\n"
    "   channels: [钉钉-总部群]}\n"
    "- {kind: Team, id: cs, name: 客服部, parent: hq, lead: li, members: [li],\n"
    "   responsibilities: [{ref: sales, role: responsible}]}\n"
    "- {kind: Team, id: ops, name: 运营部, parent: hq, lead: zhao, members: [zhao],\n"
    "   responsibilities: [{ref: sales, role: responsible}]}\n"
    "- {kind: Person, id: wang, name: 王芳}\n"
    "- {kind: Person, id: li, name: 李强}\n"
    "- {kind: Person, id: zhao, name: 赵磊}\n"
    "- {kind: Responsibility, id: sales, name: 大促, accountable: hq, responsible: [cs, ops]}\n"
    "- kind: Objective\n"
    "  id: hq-goal\n"
    "  title: 全年增长\n"
    "  owner: hq\n"
    "  period: 2026\n"
    "  key_results:\n"
    "    - {id: gmv, title: GMV 从1亿增长到2亿, metric: GMV, baseline: 1亿, target: 2亿,\n"
    "       due: 2026-12-31}\n"
    "- kind: Objective\n"
    "  id: cs-goal\n"
    "  title: 客服提速\n"
    "  owner: cs\n"
    "  period: 2026-Q1\n"
    "  key_results:\n"
    "    - {id: t, title: 首响时间从5分钟降到1分钟, metric: 首响时间, baseline: 5分钟,\n"
    "       target: 1分钟, due: 2026-03-31}\n"
)


@pytest.mark.parametrize(("lang", "expected"), [
    ("zh", ["org/org.yaml:10:26: MT004 [警告] 团队 客服部 (cs) 和 运营部 (ops) 共担职责 "
            "大促 (sales)，但没有任何会议或沟通渠道同时包含两者",
            "    建议: 为这项职责组织一个有 客服部 (cs)、运营部 (ops) 参加的会议（如联合周例会），"
            "或给他们一个共同的沟通渠道",
            "org/org.yaml:20:3: OK013 [警告] 目标 客服提速 (cs-goal) 没有对齐任何目标，"
            "而上级的 全年增长 (hq-goal) 可以对齐",
            "    建议: 写 `aligns_to: hq-goal`（或另一个上级目标）"]),
    ("en", ["org/org.yaml:10:26: MT004 [warning] teams 客服部 (cs) and 运营部 (ops) share duty "
            "大促 (sales), but no meeting or channel includes both",
            "    hint: hold one meeting with 客服部 (cs), 运营部 (ops) about this duty (e.g. a "
            "joint weekly meeting), or give them a common channel",
            "org/org.yaml:20:3: OK013 [warning] objective 客服提速 (cs-goal) aligns to nothing, "
            "though 全年增长 (hq-goal) above it could",
            "    hint: set `aligns_to: hq-goal` (or another parent objective)"]),
])
def test_a_hint_names_the_ids_it_quotes_but_not_those_it_shows_as_code(
        write_org, lang: str, expected: list[str]) -> None:
    root = write_org({"org.yaml": HINTED})
    run = run_cli("check", "org", "--select", "MT004,OK013", "--no-cache", "--lang", lang,
                  cwd=root.parent)
    shown = [line for line in run.stdout.splitlines()
             if not line.lstrip().startswith(("related:", "相关:"))]
    assert shown[:4] == expected


def test_names_change_neither_the_machine_messages_nor_the_fingerprints(write_org) -> None:
    """The same org with and without display names: JSON says the same, with the same
    fingerprints (names are for a reader's lines only)."""
    named = write_org({"org.yaml": HINTED})
    plain = named.parent / "plain"
    plain.mkdir()
    text = re.sub(r"(, )?\bname: [^,}\n]+", "", HINTED).replace("title: 全年增长", "title: 增长") \
        .replace("title: 客服提速", "title: 提速")
    (plain / "org.yaml").write_text(text, encoding="utf-8")

    def machine(folder: str) -> list[tuple[str, str, str, str]]:
        run = run_cli("check", folder, "--select", "MT004,OK013", "--no-cache", "--lang", "en",
                      "--format", "json", cwd=named.parent)
        return [(f["code"], f["message"], f["hint"], f["fingerprint"])
                for f in run.json()["findings"]]

    with_names, without = machine("org"), machine("plain")
    assert [code for code, *_ in with_names] == ["MT004", "OK013"]
    assert with_names == without
    assert with_names[0][2].startswith("hold one meeting with 'cs', 'ops' about this duty")


# --- 2: `check --diff`'s org-change lines name entities in the output's language ------------

DIFF_BASE = (
    "- {kind: Team, id: cs, name: 客服部, names: {en: Customer Service}, lead: li,\n"
    "   members: [li, wang]}\n"
    "- {kind: Team, id: mkt, name: 市场部, names: {en: Marketing}, lead: zhao, members: [zhao]}\n"
    "- {kind: Person, id: li, name: 李强, names: {en: Li Qiang}}\n"
    "- {kind: Person, id: wang, name: 王芳, names: {en: Wang Fang}}\n"
    "- {kind: Person, id: zhao, name: 赵磊, names: {en: Zhao Lei}}\n"
    "- {kind: Responsibility, id: refunds, name: 退款处理, names: {en: Refunds}, accountable: cs}\n"
    "- {kind: Responsibility, id: ads, name: 广告投放, names: {en: Advertising},\n"
    "   accountable: mkt}\n"
    "- {kind: Responsibility, id: old-duty, name: 旧职责, names: {en: Old duty},\n"
    "   accountable: mkt}\n"
)
# ops added, old-duty removed (named by the base revision), refunds handed to ops, wang moved
DIFF_HEAD = (
    DIFF_BASE.replace("members: [li, wang]}", "members: [li]}")
    .replace("members: [zhao]}", "members: [zhao, wang]}\n"
             "- {kind: Team, id: ops, name: 运营部, names: {en: Operations}, lead: zhao,\n"
             "   members: [zhao], responsibilities: [refunds]}", 1)
    .replace("accountable: cs}", "accountable: ops}")
    .split("- {kind: Responsibility, id: old-duty")[0]
)


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", ["  team added: Operations (ops)",
            "  duty removed: Old duty (old-duty) (was accountable: Marketing (mkt))",
            "  accountable owner of duty Refunds (refunds) changed: Customer Service (cs) → "
            "Operations (ops)",
            "  person moved: Wang Fang (wang) from Customer Service (cs) to Marketing (mkt)",
            "  person joined a team: Zhao Lei (zhao) joined Operations (ops), still in "
            "Marketing (mkt)"]),
    ("zh", ["  新增团队：运营部 (ops)",
            "  删除职责：旧职责 (old-duty)（原批准方：市场部 (mkt)）",
            "  职责 退款处理 (refunds) 的批准方 (A)变更：客服部 (cs) → 运营部 (ops)",
            "  人员调动：王芳 (wang) 从 客服部 (cs) 调到 市场部 (mkt)",
            "  加入团队：赵磊 (zhao) 加入 运营部 (ops)，仍在 市场部 (mkt)"]),
])
def test_the_org_diff_names_entities_in_the_output_language(
        tmp_path, lang: str, expected: list[str]) -> None:
    _changed_repo(tmp_path)
    run = run_cli("check", "--diff", "HEAD", "--isolated", "--no-cache", "--lang", lang, "org",
                  cwd=tmp_path)
    lines = run.stdout.splitlines()
    head = next(i for i, line in enumerate(lines) if "HEAD" in line and line[0] != " ")
    assert lines[head + 1:head + 1 + len(expected)] == expected
    assert len(lines) == head + 2 + len(expected)  # then the summary


def test_the_site_changes_page_names_entities_in_the_site_language(tmp_path) -> None:
    _changed_repo(tmp_path)
    run = run_cli("site", "org", "-o", "site", "--since", "HEAD", "--isolated", "--lang", "en",
                  cwd=tmp_path)
    assert run.code == 0, run.stderr
    page = (tmp_path / "site" / "changes" / "index.html").read_text("utf-8")
    assert "duty removed: Old duty (old-duty) (was accountable: Marketing (mkt))" in page
    assert "person moved: Wang Fang (wang) from Customer Service (cs) to Marketing (mkt)" in page
    assert "旧职责" not in page and "王芳" not in page


def _changed_repo(root) -> None:
    """`root`, a git repository whose commit holds DIFF_BASE as `org/org.yaml`, changed to
    DIFF_HEAD in the work tree."""
    from tests.conftest import git

    (root / "org").mkdir()
    (root / "org" / "org.yaml").write_text(DIFF_BASE, encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "base")
    (root / "org" / "org.yaml").write_text(DIFF_HEAD, encoding="utf-8")


# --- 3: every column of the team page's hand-offs table has a header ------------------------

@pytest.mark.parametrize(("lang", "headers"), [
    ("zh", "<th>方向</th><th>流程</th><th>步骤</th><th>团队</th>"),
    ("en", "<th>Direction</th><th>Process</th><th>Step</th><th>Team</th>"),
])
def test_the_team_pages_hand_offs_table_heads_every_column(tmp_path, lang: str,
                                                           headers: str) -> None:
    from tests.conftest import EXAMPLES

    run = run_cli("site", str(EXAMPLES / "ecommerce"), "-o", str(tmp_path / "site"),
                  "--lang", lang, "--isolated")
    assert run.code == 0, run.stderr
    page = (tmp_path / "site" / "teams" / "tech.html").read_text("utf-8")
    table = page.split('<section id="handoffs">', 1)[1].split("</section>", 1)[0]
    assert f"<thead><tr>{headers}</tr></thead>" in table
    assert "<th></th>" not in page


# --- 4: a YAML file saved as `team.yaml.txt` in the org's folders is said, not skipped ------

MINIMAL = (
    "- {kind: Team, id: ops, name: 运营部, lead: li, members: [li], responsibilities: [promo]}\n"
    "- {kind: Person, id: li, name: 李强}\n"
    "- {kind: Responsibility, id: promo, name: 大促, accountable: ops}\n"
)


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "left out of the org: orgspec reads only files whose names end in .yaml or .yml; "
           "rename it to {!r} to have it read"),
    ("zh", "没有算进组织：orgspec 只读取文件名以 .yaml 或 .yml 结尾的文件；请改名为 {!r}，"
           "这样才会被读取"),
])
def test_a_yaml_file_saved_with_txt_added_is_an_error_at_the_file(write_org, lang: str,
                                                                   said: str) -> None:
    root = write_org({"org.yaml": MINIMAL,
                      "teams/cs.yaml.txt": "- {kind: Team, id: cs, name: 客服部}\n",
                      "B.YML.TXT": "- {kind: Person, id: bo}\n",
                      "old.yml.bak": "- {kind: Person, id: old}\n",  # a copy kept on purpose
                      "notes.txt": "not YAML\n", "team.yaml.new.txt": "x\n"})
    run = run_cli("check", "org", "--no-cache", "--lang", lang, cwd=root.parent)
    assert run.code == 1  # the org lacks what the file holds: a hook must not pass
    tag = {"en": "error", "zh": "错误", "zh-Hant": "錯誤"}[lang]  # the severity as said
    assert run.stdout.splitlines()[:2] == [
        f"org/B.YML.TXT:1:1: IN019 [{tag}] {said.format('B.YML')}",
        f"org/teams/cs.yaml.txt:1:1: IN019 [{tag}] {said.format('cs.yaml')}"]
    assert run.stdout.count("IN019") == 2
    (root.parent / ".orgspec.yaml").write_text("root: org\nrules:\n  IN019: warning\n", "utf-8")
    waits = run_cli("check", "org", "--no-cache", "--format", "json", cwd=root.parent)
    assert waits.code == 0  # re-levelled in the config: the user's call
    assert [(f["code"], f["file"], f["line"], f["severity"]) for f in
            waits.json()["findings"]] == [("IN019", "org/B.YML.TXT", 1, "warning"),
                                          ("IN019", "org/teams/cs.yaml.txt", 1, "warning")]


def test_a_txt_copy_git_ignores_or_the_include_leaves_out_is_not_said(write_org) -> None:
    from tests.conftest import git

    root = write_org({"org.yaml": MINIMAL, "draft/cs.yaml.txt": "- {kind: Team, id: cs}\n",
                      "teams/hr.yaml.txt": "- {kind: Team, id: hr}\n"})
    (root.parent / ".gitignore").write_text("draft/\n", "utf-8")
    git(root.parent, "init", "-q")
    run = run_cli("check", "org", "--no-cache", "--isolated", cwd=root.parent)
    assert [line.split(" ")[:2] for line in run.stdout.splitlines() if "IN019" in line] == [
        ["org/teams/hr.yaml.txt:1:1:", "IN019"]]
    assert run_cli("check", "org", "--no-cache", "--isolated", "--no-respect-gitignore",
                   cwd=root.parent).stdout.count("IN019") == 2
    (root.parent / ".orgspec.yaml").write_text("root: org\ninclude: ['*.yaml']\n", "utf-8")
    run = run_cli("check", "org", "--no-cache", cwd=root.parent)
    assert "IN019" not in run.stdout, run.stdout  # teams/ is outside `include`
