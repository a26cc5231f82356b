"""New-user trial C, the report and the outputs: a key result's mark in the report reads the
findings on it (✗ beside an OK008, not ✓), the report shows baseline, current, target and
progress as the site does, progress past the target is shown as it is and said exceeded (site,
report, export); `-o report.html` writes HTML (the format from the output's suffix, an
explicit --format wins) for report, check, rules, graph and export; org-diff lines have no
blank beside a full-width bracket; the report's team filter is sorted by name."""

from __future__ import annotations

import csv
import html
import json
import re
from pathlib import Path

import pytest
from conftest import assert_golden, committed_org, git, run_cli
from test_html_report import FIXED_DATE, scrub

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "okr-report"
ORG = str(FIXTURE / "org")
CONFIG = ("--config", str(FIXTURE / ".orgspec.yaml"))


def _report(*args: str) -> str:
    run = run_cli("report", ORG, *CONFIG, *args, env=FIXED_DATE)
    assert run.code == 0, run.stderr
    return run.stdout


def test_markdown_report_golden() -> None:
    assert_golden("report-okr-values.md", _report("--lang", "zh"))


def test_html_report_golden() -> None:
    assert_golden("report-okr-values.html", scrub(_report("--format", "html", "--lang", "zh")))


def _okr_items(page: str) -> list[tuple[str, str]]:
    """(mark class, text) of each key result in the HTML report's OKR list."""
    section = page[page.index('<section id="okrs">'):]
    section = section[:section.index("</section>")]
    return [(m.group(1), html.unescape(re.sub(r"<[^>]+>", "", m.group(2))).strip())
            for m in re.finditer(r'<li><span class="(\w+)"[^>]*>.</span>(.*?)</li>', section,
                                 re.S)]


def test_a_key_result_with_a_finding_is_not_ticked() -> None:
    items = _okr_items(_report("--format", "html", "--lang", "en"))
    # the objectives by title (退货更少 tuì before 响应更快 xiǎng), their key results as written
    assert items == [
        ("bad", "退货率 5%→8%（降低） OK008Baseline: 5% · Target: 8%"),
        ("ok", "日活跃用户数 10万→20万（提升）Baseline: 10万 · Current: 25万 · Target: 20万 · "
               "Progress: 150% (exceeded)"),
        ("bad", "月活跃用户数从120万增长到132万 OK010Baseline: 120万 · Current: 132人 · "
                "Target: 132万"),
        ("ok", "退货率从8%降低到5%Baseline: 8% · Current: 6.5% · Target: 5% · Progress: 50%"),
        ("warn", "退货处理时长从48小时缩短到24小时 OK014Baseline: 48小时 · Target: 24小时"),
        ("bad", "首次响应时间从５分钟降低到８分钟 OK008Baseline: 5分钟 · Target: 8分钟"),
        ("bad", "提升服务质量 (no target value) OK004"),
    ]


def test_the_findings_behind_the_marks() -> None:
    run = run_cli("check", ORG, *CONFIG, "--format", "json")
    found = [(f["code"], Path(f["file"]).name, f["line"]) for f in run.json()["findings"]
             if f["code"].startswith("OK")]
    assert found == [("OK008", "org.yaml", 16), ("OK010", "org.yaml", 22),
                     ("OK014", "org.yaml", 28), ("OK008", "org.yaml", 36),
                     ("OK004", "org.yaml", 38)]


def test_the_team_filter_is_sorted_by_name() -> None:
    page = _report("--format", "html", "--lang", "zh")
    select = page[page.index('<select id="f-team"'):]
    select = select[:select.index("</select>")]
    assert re.findall(r'<option value="([^"]+)">', select) == ["b-cs", "c-data", "a-ops"]


def test_site_shows_real_progress_and_says_exceeded(tmp_path: Path) -> None:
    out = tmp_path / "site"
    run = run_cli("site", ORG, *CONFIG, "-o", str(out), "--lang", "zh")
    assert run.code == 0, run.stderr
    page = html.unescape((out / "okrs" / "returns-down.html").read_text("utf-8"))
    row = re.search(r'<tr id="kr-k2">(.*?)</tr>', page, re.S)
    assert row is not None
    cells = [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td>(.*?)</td>",
                                                                   row.group(1), re.S)]
    # the due cell: the period that bounds it (trial 11)
    assert cells[2:7] == ["10万", "25万", "20万", "2026-Q1 期末", "150%（已超额）"]
    assert 'class="fill w100"' in row.group(1)  # the bar is full, not past its box
    unit = re.search(r'<tr id="kr-k3">(.*?)</tr>', page, re.S)
    assert unit is not None and "%" not in re.findall(r"<td>(.*?)</td>", unit.group(1),
                                                      re.S)[6]


def _kr_cells(page: str, kr: str) -> list[str]:
    row = re.search(rf'<tr id="kr-{kr}">(.*?)</tr>', page, re.S)
    assert row is not None
    return [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td>(.*?)</td>",
                                                                 row.group(1), re.S)]


def test_site_shows_the_findings_on_a_key_result_as_the_report_marks_them(
        tmp_path: Path) -> None:
    """The report marks `faster` k1 ✗ (an OK008 on it) though it is measurable: the site's
    table says what its column judges and shows the finding beside it, not a bare ✓."""
    out = tmp_path / "site"
    run = run_cli("site", ORG, *CONFIG, "-o", str(out), "--lang", "zh")
    assert run.code == 0, run.stderr
    page = html.unescape((out / "okrs" / "faster.html").read_text("utf-8"))
    assert "<th>可衡量（指标、目标值、时限）</th><th>问题</th>" in page
    assert _kr_cells(page, "k1")[7:] == ["✓ 可衡量", "✗ OK008"]
    assert _kr_cells(page, "k2")[7:] == ["✗ 不可衡量：缺少目标值", "✗ OK004"]
    other = html.unescape((out / "okrs" / "returns-down.html").read_text("utf-8"))
    assert [_kr_cells(other, k)[8] for k in ("k1", "k2", "k3", "k4", "k5")] == \
        ["✗ OK008", "", "✗ OK010", "", "! OK014"]
    report = _report("--lang", "zh")  # the same marks in the report
    assert "- ❌ 首次响应时间从５分钟降低到８分钟 · OK008" in report
    assert "- ⚠️ 退货处理时长从48小时缩短到24小时 · OK014" in report


K1 = "首次响应时间从５分钟降低到８分钟 (k1)"  # `faster`'s k1, quoted by its text


@pytest.mark.parametrize(("lang", "said"), [
    ("zh", f"目标 响应更快 (faster) 的关键结果 {K1} 应当降低，但目标值 8分钟 高于基线 5分钟"),
    ("zh-Hant", f"目標 响应更快 (faster) 的關鍵結果 {K1} 應該降低，但目標值 8分钟 高於基線 5分钟"),
    ("en", f"key result {K1} of 响应更快 (faster) should decrease, but its target 8分钟 is above "
           "its baseline 5分钟")])
def test_ok008_names_the_objective_of_its_key_result(lang: str, said: str) -> None:
    """Both objectives have a key result `k1`: the message says whose, by name in reports."""
    assert f"| ❌ | OK008 | {said}<br/>" in _report("--lang", lang)
    found = run_cli("check", ORG, *CONFIG, "--format", "json", "--lang", lang).json()
    assert [f["message"] for f in found["findings"] if f["code"] == "OK008"][1] == \
        said.replace("响应更快 (faster)", "'faster'")


# objectives by title in the reader's order (pinyin: 退 tui before 响 xiang):
# `returns-down` k1-k5, then `faster` k1 k2
@pytest.mark.parametrize(("lang", "header", "said"), [
    ("en", "progress", ["", "150% (exceeded)", "", "50%", "", "", ""]),
    ("zh", "进度", ["", "150%（已超额）", "", "50%", "", "", ""])])
def test_export_writes_the_progress(tmp_path: Path, lang: str, header: str,
                                    said: list[str]) -> None:
    out = tmp_path / "tables"
    run = run_cli("export", ORG, *CONFIG, "--format", "csv", "-o", str(out), "--lang", lang)
    assert run.code == 0, run.stderr
    rows = list(csv.DictReader((out / "key-results.csv").read_text("utf-8-sig").splitlines()))
    assert [r[header] for r in rows] == said


@pytest.mark.parametrize(("command", "name", "starts"), [
    (("report",), "r.html", "<!DOCTYPE html>"),
    (("report",), "r.HTM", "<!DOCTYPE html>"),
    (("report",), "r.md", "# Org report"),
    (("report",), "r.txt", "# Org report"),  # a suffix it does not know: the default
    (("report", "--format", "markdown"), "r.html", "# Org report"),  # --format wins
    (("check", "--exit-zero"), "c.json", '{\n  "version"'),
    (("check", "--exit-zero"), "c.sarif", '{\n "$schema"'),
    (("check", "--exit-zero"), "c.html", "<!DOCTYPE html>"),
    (("check", "--exit-zero", "--format", "text"), "c.json", "tests/"),
    (("graph",), "g.dot", "digraph"),
    (("graph",), "g.graphml", "<?xml"),
])
def test_the_output_suffix_names_the_format(tmp_path: Path, command: tuple[str, ...],
                                            name: str, starts: str) -> None:
    out = tmp_path / name
    run = run_cli(command[0], ORG, *CONFIG, *command[1:], "--lang", "en", "-o", str(out))
    assert run.code == 0, run.stderr
    assert out.read_text("utf-8").startswith(starts)


def test_rules_reads_the_suffix_too(tmp_path: Path) -> None:
    run_cli("rules", "-o", str(tmp_path / "r.md"))
    run_cli("rules", "-o", str(tmp_path / "r.json"))
    assert (tmp_path / "r.md").read_text("utf-8").startswith("# ")
    assert json.loads((tmp_path / "r.json").read_text("utf-8"))[0]["code"]


def test_export_refuses_a_csv_file_name(tmp_path: Path) -> None:
    run = run_cli("export", ORG, *CONFIG, "-o", str(tmp_path / "x.csv"), "--lang", "en")
    assert run.code == 2
    assert run.stderr.strip().endswith(
        "names one CSV file, but export writes a workbook or a folder of CSV files: use -o "
        "NAME.xlsx, or --format csv -o FOLDER")
    assert not (tmp_path / "x.csv").exists()
    assert run_cli("export", ORG, *CONFIG, "-o", str(tmp_path / "x.xlsx")).code == 0
    assert (tmp_path / "x.xlsx").read_bytes()[:2] == b"PK"


def test_diff_lines_have_no_blank_beside_a_full_width_bracket(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    (source / "org.yaml").write_text(
        "- {kind: Team, id: marketing, name: 市场部, lead: p1, members: [p1, p2]}\n"
        "- {kind: Team, id: sales, name: 销售部, lead: p1, members: [p1]}\n"
        "- {kind: Person, id: p1, name: 张三}\n- {kind: Person, id: p2, name: 李四}\n"
        "- {kind: Responsibility, id: ads, name: 广告投放, accountable: marketing}\n", "utf-8")
    repo = committed_org(source, tmp_path / "repo")
    (repo / "org" / "org.yaml").write_text(
        "- {kind: Team, id: marketing, name: 市场部, lead: p1, members: [p1]}\n"
        "- {kind: Team, id: sales, name: 销售部, lead: p1, members: [p1, p2]}\n"
        "- {kind: Person, id: p1, name: 张三}\n- {kind: Person, id: p2, name: 李四}\n"
        "- {kind: Responsibility, id: ads, name: 广告投放, accountable: sales}\n", "utf-8")
    git(repo, "add", ".")
    run = run_cli("check", "org", "--diff", "HEAD", "--lang", "zh", "--exit-zero", cwd=repo)
    lines = [line.strip() for line in run.stdout.splitlines() if line.startswith("  ")
             and ("变更：" in line or "调动：" in line)]
    assert lines == [
        "职责 广告投放 (ads) 的批准方 (A)变更：市场部 (marketing) → 销售部 (sales)",
        "人员调动：李四 (p2) 从 市场部 (marketing) 调到 销售部 (sales)"]
    page = run_cli("report", "org", "--diff", "HEAD", "--lang", "zh", cwd=repo).stdout
    assert "- 人员调动：李四 (p2) 从 市场部 (marketing) 调到 销售部 (sales)\n" in page
    english = run_cli("check", "org", "--diff", "HEAD", "--lang", "en", "--exit-zero", cwd=repo)
    assert "  person moved: 李四 (p2) from 市场部 (marketing) to 销售部 (sales)\n" in \
        english.stdout  # English keeps its spaces
