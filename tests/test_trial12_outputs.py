"""A fresh user's trial of orgspec's outputs (org designers at Chinese e-commerce companies,
reading Simplified Chinese, Traditional Chinese and English): the export's people directory
was in id order, GitLab CI got relative file links, the HTML flowcharts left out the SLAs the
Markdown ones say, the report's truncation note was English only, `show` listed child teams
by id, the site's duties index sorted by id within a problem, and a position with no KPIs
read `0/0`."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest
from conftest import run_cli

# ids in the opposite order of the names in pinyin (运 yùn, 客 kè, 技 jì) and in strokes
# (技 7, 客 9, 運 13): an order by id shows at once
ORG = """\
- {kind: Team, id: a-ops, name: 运营部, lead: a-zhao, members: [c-wang, a-zhao, b-chen]}
- {kind: Team, id: b-cs, name: 客服部, parent: a-ops, lead: d-li, members: [d-li]}
- {kind: Team, id: c-tech, name: 技术部, parent: a-ops, lead: e-lin, members: [e-lin]}
- {kind: Person, id: a-zhao, name: 赵敏}
- {kind: Person, id: b-chen, name: 陈静}
- {kind: Person, id: c-wang, name: 王芳}
- {kind: Person, id: d-li, name: 李娜}
- {kind: Person, id: e-lin, name: 林雪}
- {kind: Person, id: f-zeng, name: 曾伟}
- {kind: Person, id: g-an, name: 安然}
"""
HANT = str.maketrans("运营术赵陈静伟", "運營術趙陳靜偉")


def _people_csv(tmp_path: Path, folder: Path, *args: str) -> list[tuple[str, str]]:
    out = tmp_path / "x"
    run = run_cli("export", str(folder), "--format", "csv", "-o", str(out), *args)
    assert run.code == 0, run.stderr
    with open(out / "people.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    return [(r[1], r[0]) for r in rows[1:]]  # (team, name): the roster's first columns


# --- 1. the export's people directory in the reader's order ----------------------------------

def test_people_csv_lists_teams_and_people_by_name_in_pinyin(write_org, tmp_path: Path) -> None:
    folder = write_org({"org.yaml": ORG})
    # teams jì kè yùn; in a team its lead first, then chén before wáng; then the people in
    # no team: ān before zēng (曾 read as a surname)
    assert _people_csv(tmp_path, folder, "--lang", "zh", "--isolated") == [
        ("技术部", "林雪"), ("客服部", "李娜"), ("运营部", "赵敏"), ("运营部", "陈静"),
        ("运营部", "王芳"), ("", "安然"), ("", "曾伟")]


def test_people_csv_lists_by_strokes_in_traditional_chinese(write_org, tmp_path: Path) -> None:
    folder = write_org({"org.yaml": ORG.translate(HANT)})
    # teams 技 7, 客 9, 運 13; after the lead 王 4 before 陳 11; then 安 6 before 曾 12
    assert _people_csv(tmp_path, folder, "--lang", "zh-Hant", "--isolated") == [
        ("技術部", "林雪"), ("客服部", "李娜"), ("運營部", "趙敏"), ("運營部", "王芳"),
        ("運營部", "陳靜"), ("", "安然"), ("", "曾偉")]
    # the config's `name-order` wins over the language's
    (tmp_path / "c.yml").write_text("name-order: pinyin\n", "utf-8")
    assert [n for _, n in _people_csv(tmp_path, folder, "--lang", "zh-Hant", "--config",
                                      str(tmp_path / "c.yml"))] == [
        "林雪", "李娜", "趙敏", "陳靜", "王芳", "安然", "曾偉"]


# --- 2. the report's file links in GitLab CI -------------------------------------------------

REPO = Path(__file__).resolve().parents[1]
GITHUB = ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA", "GITHUB_WORKSPACE")


def _ci(monkeypatch: pytest.MonkeyPatch, **env: str) -> None:
    for name in (*GITHUB, "CI_SERVER_URL", "CI_PROJECT_PATH", "CI_PROJECT_URL", "CI_COMMIT_SHA",
                 "CI_PROJECT_DIR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)


def test_the_markdown_reports_links_go_to_the_commit_in_gitlab_ci(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # a self-hosted GitLab whose host does not say so: GitLab CI's variables do
    _ci(monkeypatch, CI_SERVER_URL="https://git.kuajing-sz.com", CI_PROJECT_PATH="ops/org",
        CI_COMMIT_SHA="0a1b2c3", CI_PROJECT_DIR=str(REPO))
    run = run_cli("report", "examples/ecommerce", "--lang", "en", "--isolated")
    assert run.code == 0, run.stderr
    assert "(<https://git.kuajing-sz.com/ops/org/-/blob/0a1b2c3/examples/ecommerce/okrs/" \
           "2026-q1.yaml#L26>)" in run.stdout
    assert "](<examples/" not in run.stdout  # no relative link left
    # CI_PROJECT_URL, when set, is the project's address (a GitLab under a sub-path)
    monkeypatch.setenv("CI_PROJECT_URL", "https://git.kuajing-sz.com/gitlab/ops/org")
    run = run_cli("report", "examples/ecommerce", "--lang", "en", "--isolated")
    assert "(<https://git.kuajing-sz.com/gitlab/ops/org/-/blob/0a1b2c3/examples/ecommerce/" \
           "okrs/2026-q1.yaml#L26>)" in run.stdout


def test_links_outside_the_gitlab_checkout_or_without_a_commit_stay_relative(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from orgspec.engine.lint import lint_org
    from orgspec.load.config import Config
    from orgspec.report.view import build_view
    from orgspec.run import CiEnv, view_links

    result, org = lint_org([str(REPO / "examples" / "ecommerce")], Config())

    def first(**env: str) -> str:
        _ci(monkeypatch, **env)
        links = view_links(CiEnv.from_environ(os.environ))
        return build_view(result, org, "en", links=links).rows[0].link

    gitlab = {"CI_SERVER_URL": "https://gitlab.example.cn", "CI_PROJECT_PATH": "a/b"}
    assert first(**gitlab, CI_COMMIT_SHA="f00", CI_PROJECT_DIR=str(REPO / "examples")) == (
        "https://gitlab.example.cn/a/b/-/blob/f00/ecommerce/okrs/2026-q1.yaml#L26")
    assert not first(**gitlab, CI_COMMIT_SHA="f00", CI_PROJECT_DIR=str(tmp_path)).startswith(
        "https:")
    assert not first(**gitlab, CI_PROJECT_DIR=str(REPO)).startswith("https:")


def test_the_configs_repo_kind_styles_the_links_of_github_compatible_ci(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Gitea Actions sets GitHub's variables; `repo-kind: gitea` says whose links to make
    _ci(monkeypatch, GITHUB_SERVER_URL="https://gitea.example.cn", GITHUB_REPOSITORY="a/b",
        GITHUB_SHA="f00", GITHUB_WORKSPACE=str(REPO))
    (tmp_path / "c.yml").write_text("repo-kind: gitea\n", "utf-8")
    run = run_cli("report", "examples/ecommerce", "--lang", "en", "--config",
                  str(tmp_path / "c.yml"))
    assert run.code == 0, run.stderr
    assert "(<https://gitea.example.cn/a/b/src/commit/f00/examples/ecommerce/okrs/" \
           "2026-q1.yaml#L26>)" in run.stdout


# --- 3. the HTML report's flowcharts say each step's SLA --------------------------------------

FLOW = """\
- {kind: Team, id: ops, name: 运营部}
- kind: Process
  id: promo
  name: 大促流程
  owner: ops
  steps:
    - {id: check, name: 备货确认, owner: ops, sla: "1d", next: [ramp]}
    - {id: ramp, name: 广告加预算并通知客服和仓库做好准备, owner: ops,
       sla: "2小时 <b>&amp;</b>", next: [done]}
    - {id: done, name: 复盘, owner: ops}
"""


def test_the_html_flowcharts_say_each_steps_sla_escaped(write_org) -> None:
    import re

    run = run_cli("report", str(write_org({"p.yaml": FLOW})), "--lang", "zh", "--format",
                  "html")
    assert run.code == 0, run.stderr
    svg = run.stdout.split('aria-label="大促流程"', 1)[1].split("</svg>", 1)[0]
    boxes = re.findall(r'<g class="step[^"]*"><title>([^<]*)</title><rect x="[^"]+" '
                       r'y="([^"]+)" width="[^"]+" height="([^"]+)"[^>]*/>(.*?)</g>', svg)
    said = {title.split(" · ")[0]: re.findall(r'<text(?: class="(\w+)")? x="[^"]+" '
                                             r'y="([^"]+)">([^<]*)</text>', texts)
            for title, _, _, texts in boxes}
    assert [(c, t) for c, _, t in said["备货确认"]] == [
        ("", "备货确认"), ("sub", "运营部"), ("sub", "时限：1d")]
    # escaped once, as every text of the SVG; the long label wraps, the SLA under the owner
    assert [(c, t) for c, _, t in said["广告加预算并通知客服和仓库做好准备"]][-2:] == [
        ("sub", "运营部"), ("sub", "时限：2小时 &lt;b&gt;&amp;amp;&lt;/b&gt;")]
    assert [(c, t) for c, _, t in said["复盘"]] == [("", "复盘"), ("sub", "运营部")]
    for _, top, height, texts in boxes:  # every line inside its box
        lines = [float(y) for _, y, _ in re.findall(
            r'<text(?: class="(\w+)")? x="[^"]+" y="([^"]+)">([^<]*)</text>', texts)]
        assert float(top) < min(lines) and max(lines) + 4 < float(top) + float(height)
    assert "<title>备货确认 · 运营部 · 时限：1d</title>" in svg


# --- 4. the report's own truncation note speaks the report's language ------------------------

@pytest.mark.parametrize(("lang", "heading", "note"), [
    ("en", "# Org report", "_… report truncated at 3,000 characters; see the full report._"),
    ("zh", "# 组织报告", "_…（报告已截断，只显示前 3,000 个字符；请查看完整报告）_"),
    ("zh-Hant", "# 組織報告", "_…（報告已截斷，只顯示前 3,000 個字元；請檢視完整報告）_")])
def test_a_cut_report_says_so_in_its_language(lang: str, heading: str, note: str) -> None:
    run = run_cli("report", "examples/ecommerce", "--lang", lang, "--limit", "3000",
                  "--isolated")
    assert run.code == 0, run.stderr
    assert run.stdout.startswith(heading) and len(run.stdout) <= 3000
    assert run.stdout.endswith(f"\n\n{note}\n"), run.stdout[-200:]


# --- 5. `show team` names its child teams, in the reader's order -----------------------------

@pytest.mark.parametrize(("lang", "org", "heading", "children"), [
    ("zh", ORG, "  下级团队:", ["    - 团队 c-tech 技术部", "    - 团队 b-cs 客服部"]),
    ("en", ORG, "  child teams:", ["    - team c-tech 技术部", "    - team b-cs 客服部"]),
    # 行 6 strokes, 技 7: by strokes, not by id or in pinyin (jì xíng)
    ("zh-Hant", ORG.translate(HANT).replace("name: 技術部", "name: 行銷部").replace(
        "name: 客服部", "name: 技術部"), "  下級團隊:",
     ["    - 團隊 c-tech 行銷部", "    - 團隊 b-cs 技術部"])])
def test_show_team_lists_child_teams_by_name(write_org, lang: str, org: str, heading: str,
                                             children: list[str]) -> None:
    folder = write_org({"org.yaml": org})
    run = run_cli("show", "team", "a-ops", str(folder), "--lang", lang, "--isolated")
    assert run.code == 0, run.stderr
    lines = run.stdout.splitlines()
    at = lines.index(heading)
    assert lines[at + 1:at + 3] == children
    assert not any(line.startswith("    - ") for line in lines[at + 3:at + 4])
    doc = run_cli("show", "team", "a-ops", str(folder), "--lang", lang, "--isolated",
                  "--format", "json").json()
    assert [(c["kind"], c["id"]) for c in doc["children"]] == [
        ("team", line.split()[2]) for line in children]
    assert all(c["name"] for c in doc["children"])


# --- 6. the site's duties index: by name within each problem ---------------------------------

DUTIES = """\
- {kind: Team, id: ops, name: 运营部, lead: zhao, members: [zhao]}
- {kind: Team, id: cs, name: 客服部, lead: chen, members: [chen]}
- {kind: Person, id: zhao, name: 赵敏}
- {kind: Person, id: chen, name: 陈静}
- {kind: Responsibility, id: d-a, name: 退款}
- {kind: Responsibility, id: d-b, name: 发货}
- {kind: Responsibility, id: d-c, name: 客诉, accountable: ops}
- {kind: Responsibility, id: d-d, name: 补货, accountable: ops}
- {kind: Responsibility, id: d-e, name: 选品, accountable: [ops, cs]}
"""


def _duty_index(tmp_path: Path, folder: Path, lang: str) -> list[str]:
    import re

    site = tmp_path / f"site-{lang}"
    run = run_cli("site", str(folder), "-o", str(site), "--lang", lang, "--isolated")
    assert run.code in (0, 1), run.stderr
    page = (site / "duties" / "index.html").read_text("utf-8")
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return re.findall(r'<tr>\s*<td[^>]*><a [^>]*>([^<]+)</a>', body)


def test_the_site_duties_index_sorts_each_problem_by_name(write_org, tmp_path: Path) -> None:
    folder = write_org({"org.yaml": DUTIES})
    # no one accountable: fā tuì; several: 选品; one: bǔ kè (not by id, nor by accountable)
    assert _duty_index(tmp_path, folder, "zh") == ["发货", "退款", "选品", "补货", "客诉"]
    hant = DUTIES.translate(str.maketrans("发货诉补选运赵陈静", "發貨訴補選運趙陳靜"))
    (folder / "org.yaml").write_text(hant, "utf-8")
    # 退 10 strokes before 發 12; 客 9 before 補 12
    assert _duty_index(tmp_path, folder, "zh-Hant") == ["退款", "發貨", "選品", "客訴", "補貨"]


# --- 7. a position with no KPIs: nothing to measure, not `0/0` --------------------------------

POSITIONS = ORG + """\
- {kind: Role, id: a-lead, name: 运营主管, team: a-ops, holders: [a-zhao]}
- {kind: Role, id: b-agent, name: 客服专员, team: b-cs, holders: [d-li],
   kpis: [首次响应时间不超过 30 秒, 提升服务态度]}
"""


def test_a_position_without_kpis_shows_a_dash_in_both_reports(write_org) -> None:
    import re

    folder = str(write_org({"org.yaml": POSITIONS}))
    md = run_cli("report", folder, "--lang", "zh", "--isolated").stdout
    table = md.split("## 岗位\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert table[2:] == ["| 客服专员 (`b-agent`) | 客服部 | 李娜 |  | 1/2 |",
                         "| 运营主管 (`a-lead`) | 运营部 | 赵敏 |  | — |"]
    html = run_cli("report", folder, "--lang", "zh", "--isolated", "--format", "html").stdout
    html = html.split('<table class="positions">', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr><td>([^<]+) <code>[^<]+</code></td><td>[^<]*</td><td>[^<]*</td>"
                      r"<td>[^<]*</td><td>([^<]*)</td></tr>", html)
    assert rows == [("客服专员", "1/2"), ("运营主管", "—")]
