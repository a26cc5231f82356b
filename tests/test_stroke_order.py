"""Traditional Chinese lists names by strokes (筆畫), as CLDR's default zh-Hant collation,
Excel and macOS in Taiwan and Hong Kong do; zh and en keep pinyin; `name-order` in the
config chooses. Every output that lists names (report, site, export) follows one order.

The expected orders are independent of orgspec's table: the stroke counts are Taiwan's
(教育部 國字標準字體; hand-checked: 阝 counts 3 strokes, 艹 4), characters of one count go
by Kangxi radical number, and ICU 72.1's `zh-Hant-TW` collator (CLDR 42) sorts each list
below the same way (checked when these tests were written; ICU is not a dependency).
"""

from __future__ import annotations

import csv
import gzip
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, assert_golden, run_cli

from orgspec.text.collate import collation_key, name_key, order_for, person_key, read_order

TW = FIXTURES / "tw-org"

# (name, strokes, Kangxi radical): the common surnames of Taiwan
SURNAMES = [("王", 4, 96), ("吳", 7, 30), ("李", 7, 75), ("林", 8, 75), ("洪", 9, 85),
            ("張", 11, 57), ("許", 11, 149), ("郭", 11, 163), ("陳", 11, 170),
            ("曾", 12, 73), ("黃", 12, 201), ("楊", 13, 75), ("廖", 14, 53),
            ("劉", 15, 18), ("蔡", 15, 140), ("鄭", 15, 163), ("謝", 17, 149)]


def stroke_sorted(names: list[str]) -> list[str]:
    return sorted(names, key=lambda n: name_key(n, "", "stroke"))


def test_surnames_sort_by_strokes_then_radical() -> None:
    shuffled = [s for s, _, _ in sorted(SURNAMES, key=lambda x: x[0].encode("utf-8")[::-1])]
    expected = [s for s, _, _ in sorted(SURNAMES, key=lambda x: (x[1], x[2]))]
    assert stroke_sorted(shuffled) == expected == [
        "王", "吳", "李", "林", "洪", "張", "許", "郭", "陳", "曾", "黃", "楊", "廖", "劉", "蔡",
        "鄭", "謝"]


def test_stroke_counts_are_taiwans() -> None:
    from orgspec.text.strokes import stroke_count

    assert {s: stroke_count(s) for s, _, _ in SURNAMES} == {s: n for s, n, _ in SURNAMES}
    # the mainland counts 阝 2 and 艹 3 strokes (Unihan kTotalStrokes: 陳 10, 蔡 14); CLDR
    # counts a Simplified character's components the same way (陈 8)
    assert (stroke_count("陳"), stroke_count("蔡"), stroke_count("陈")) == (11, 15, 8)
    assert stroke_count("A") is None


def test_names_compare_character_by_character_then_by_length() -> None:
    names = ["陳大文", "陳一", "王小明", "王", "林志玲", "陳", "李大同", "王大明"]
    assert stroke_sorted(names) == ["王", "王大明", "王小明", "李大同", "林志玲", "陳", "陳一",
                                    "陳大文"]


def test_digits_then_han_then_latin_as_cldr_zh_hant() -> None:
    names = ["Ops", "客服部", "第10組", "2組", "a組", "A組", "Alice", "王", "第2組", "10組",
             "(新)組", "ｍ2"]
    # CLDR: punctuation, digits, Han, then Latin; lower case before upper case only where
    # all else is equal; numbers by value (orgspec's, not CLDR's: 2組 before 10組)
    assert stroke_sorted(names) == ["(新)組", "2組", "10組", "王", "客服部", "第2組", "第10組",
                                    "a組", "A組", "Alice", "ｍ2", "Ops"]


def test_the_order_is_total() -> None:
    same = ["Ａ組", "A組", "A組"]
    assert len({collation_key(n, "stroke") for n in same}) == 2  # width kept apart
    assert sorted(["b", "B"], key=lambda n: name_key(n, "", "stroke")) == ["b", "B"]
    assert name_key("客服部", "cs-b", "stroke") > name_key("客服部", "cs-a", "stroke")


def test_a_surname_is_counted_not_read_in_stroke_order() -> None:
    # pinyin reads 曾 as zēng and 单 as shàn; strokes count them like any character
    assert person_key("曾敏", "z", "stroke") == name_key("曾敏", "z", "stroke")
    assert sorted(["曾敏", "單立", "陳明"], key=lambda n: person_key(n, "", "stroke")) == [
        "陳明", "單立", "曾敏"]  # 11, 12 (口 30), 12 (曰 73)


def test_pinyin_order_is_unchanged() -> None:
    names = ["周明", "CS组", "重庆", "電商平台", "订单", "Ops", "李娜", "林雪"]
    assert sorted(names, key=name_key) == sorted(names, key=lambda n: name_key(n, "", "pinyin"))
    assert sorted(names, key=name_key) == ["CS组", "重庆", "電商平台", "订单", "李娜", "林雪",
                                           "Ops", "周明"]


@pytest.mark.parametrize(("lang", "setting", "order"), [
    ("zh-Hant", None, "stroke"), ("zh", None, "pinyin"), ("en", None, "pinyin"),
    (None, None, "pinyin"), ("zh-Hant", "pinyin", "pinyin"), ("zh", "stroke", "stroke")])
def test_the_order_follows_the_language_unless_the_config_says(
        lang: str | None, setting: str | None, order: str) -> None:
    assert order_for(lang, setting) == order


@pytest.mark.parametrize(("written", "order"), [
    ("stroke", "stroke"), ("Stroke", "stroke"), ("筆畫", "stroke"), ("笔画", "stroke"),
    ("pinyin", "pinyin"), ("拼音", "pinyin"), ("zhuyin", None), ("", None)])
def test_name_order_words(written: str, order: str | None) -> None:
    assert read_order(written) == order


def test_a_bad_name_order_is_one_config_error(tmp_path: Path) -> None:
    (tmp_path / ".orgspec.yaml").write_text("root: .\nname-order: strok\n", "utf-8")
    (tmp_path / "o.yaml").write_text("- {kind: Team, id: a, name: 客服部}\n", "utf-8")
    run = run_cli("check", str(tmp_path), "--config", str(tmp_path / ".orgspec.yaml"))
    assert run.code == 2
    assert run.stderr.strip().splitlines() == [
        f"orgspec: error: {tmp_path / '.orgspec.yaml'}:2:13: name-order must be stroke or "
        "pinyin, not 'strok' (did you mean 'stroke'?)"]


def _tree(markdown: str) -> list[str]:
    part = markdown.split("## 團隊結構", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^ *- (\S+) \(", part, flags=re.M)


def test_zh_hant_report_lists_teams_by_strokes_and_config_can_ask_for_pinyin(
        tmp_path: Path) -> None:
    run = run_cli("report", str(TW), "--lang", "zh-Hant", "--isolated")
    assert run.code == 0, run.stderr
    # 行 6, 技 7, 物 8, 客 9, 商 11, 營 17 strokes
    assert _tree(run.stdout) == ["好物電商股份有限公司", "行銷部", "技術部", "物流倉儲部", "客服部",
                                 "商品部", "營運部"]
    assert_golden("report-tw.md", run.stdout)
    config = tmp_path / "c.yaml"
    config.write_text("name-order: pinyin\n", "utf-8")
    run = run_cli("report", str(TW), "--lang", "zh-Hant", "--config", str(config))
    assert run.code == 0, run.stderr
    # jì kè shāng wù xíng yíng
    assert _tree(run.stdout) == ["好物電商股份有限公司", "技術部", "客服部", "商品部", "物流倉儲部",
                                 "行銷部", "營運部"]


def test_zh_and_en_reports_keep_pinyin() -> None:
    pinyin = ["好物電商股份有限公司", "技術部", "客服部", "商品部", "物流倉儲部", "行銷部",
              "營運部"]
    for lang in ("zh", "en"):
        run = run_cli("report", str(TW), "--lang", lang, "--isolated")
        assert run.code == 0, run.stderr
        names = re.findall(r"^ *- (\S+) \(", run.stdout, flags=re.M)  # the team tree
        assert [n for n in names if n in pinyin] == pinyin, lang


def _links(page: str) -> list[str]:
    main = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return re.findall(r'<tr>\s*<td[^>]*><a [^>]*>([^<]+)</a>', main)


def test_zh_hant_site_lists_and_export_agree(tmp_path: Path) -> None:
    from orgspec.engine.lint import lint_org
    from orgspec.load.config import Config
    from orgspec.site import SiteOptions, build_site

    result, org = lint_org([str(TW)], Config(lang="zh-Hant"))
    site = tmp_path / "s"
    build_site(result, org, str(site), SiteOptions(git_dates=False, lang="zh-Hant"))
    people = _links((site / "people" / "index.html").read_text("utf-8"))
    from orgspec.text.strokes import stroke_count
    firsts = [stroke_count(n[0]) for n in people]
    assert firsts == sorted(firsts) and len(people) > 5  # by the surname's strokes
    assert people[:3] == ["王大明", "何小文", "吳建宏"]  # 4, 7 (人 9), 7 (口 30)
    # 大促作戰室 3, 晨會 11, 週例會 12 (辵 4 in Taiwan)
    assert _links((site / "meetings" / "index.html").read_text("utf-8")) == [
        "大促作戰室", "晨會", "週例會"]
    assert _links((site / "positions" / "index.html").read_text("utf-8")) == [
        "客服主管", "客服專員", "活動營運專員", "營運總監", "SRE 工程師"]
    for page in ("people/index.html", "meetings/index.html", "index.html", "duties/index.html"):
        text = (site / page).read_text("utf-8").replace(str(TW), "tests/fixtures/tw-org")
        assert_golden("site-tw/" + page.replace("/", "--"), text)
    run = run_cli("export", str(TW), "--format", "csv", "-o", str(tmp_path / "x"), "--lang",
                  "zh-Hant", "--isolated")
    assert run.code == 0, run.stderr
    with open(tmp_path / "x" / "raci.csv", encoding="utf-8-sig", newline="") as f:
        header = next(csv.reader(f))
    report = run_cli("report", str(TW), "--lang", "zh-Hant", "--isolated").stdout
    raci = report.split("## RACI", 1)[1].split("\n", 3)[2]
    assert header[2:] == [c.strip() for c in raci.strip("|").split("|")][1:]


def test_the_report_tables_team_column_sorts_as_orgspec_lists_teams() -> None:
    run = run_cli("report", str(TW), "--lang", "zh-Hant", "--isolated", "--format", "html")
    assert run.code == 0, run.stderr
    cells = re.findall(r'<td data-key="(-?\d+)" data-label="團隊"[^>]*>([^<]*)</td>', run.stdout)
    assert cells
    options = re.findall(r'<option value="[^"]+">([^<]+)</option>',
                         run.stdout.split('id="f-team"', 1)[1].split("</select>", 1)[0])
    assert {name: int(key) for key, name in cells} == {
        name: options.index(name) for _, name in cells}


def test_stroke_data_loads_only_for_han_names_in_stroke_order() -> None:
    code = """
import sys
from orgspec.text import collate, strokes
collate.name_key("Ops team", "", "stroke"); collate.name_key("客服部", "", "pinyin")
print(strokes._table.cache_info().currsize)
collate.name_key("客服部", "", "stroke")
print(strokes._table.cache_info().currsize)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["0", "1"]
    out = subprocess.run([sys.executable, "-c", "import sys; from orgspec import cli; "
                          "print('orgspec.text.strokes' in sys.modules)"],
                         capture_output=True, text=True, check=True).stdout.strip()
    assert out == "False"


ZH_XML = """<ldml><collations>
<collation type='pinyin'><cr><![CDATA[ &[last regular]<*一二 ]]></cr></collation>
<collation type='stroke'>
  <cr><![CDATA[
    [reorder Hani Bopo]
    &[last regular]
    <'\\uFDD0\\u2801' # INDEX 1
    <*一乙⺄〇 # 1
    <'\\uFDD0\\u2802' # INDEX 2
    <*丁七 # 2
    <*人乙 # 2 (p2)
    &黹<<<⿋
  ]]></cr>
</collation>
<collation type='stroke' alt='short'><cr><![CDATA[ <*丁 ]]></cr></collation>
</collations></ldml>"""


def test_strokegen_reads_cldrs_stroke_collation(tmp_path: Path) -> None:
    from orgspec.text.strokegen import main, stroke_groups

    # radicals and other non-Han marks are left out; a repeated character keeps its first place
    assert stroke_groups(ZH_XML) == {1: "一乙", 2: "丁七人"}
    with pytest.raises(ValueError, match="stroke"):
        stroke_groups("<ldml/>")
    (tmp_path / "zh.xml").write_text(ZH_XML, "utf-8")
    out = tmp_path / "t.gz"
    assert main([str(tmp_path / "zh.xml"), "-o", str(out)]) == 0
    first = out.read_bytes()
    assert main([str(tmp_path / "zh.xml"), "-o", str(out)]) == 0
    assert out.read_bytes() == first  # reproducible
    lines = gzip.decompress(first).decode("utf-8").splitlines()
    assert [ln for ln in lines if not ln.startswith("#")] == ["1\t一乙", "2\t丁七人"]
    assert main([str(tmp_path / "missing.xml"), "-o", str(out)]) == 2


def test_the_shipped_table_is_cldrs_order() -> None:
    from orgspec.text.strokes import TABLE

    lines = gzip.decompress(TABLE.read_bytes()).decode("utf-8").splitlines()
    body = [ln.split("\t") for ln in lines if not ln.startswith("#")]
    counts = [int(n) for n, _ in body]
    assert counts == sorted(counts) and counts[0] == 1
    chars = "".join(c for _, c in body)
    assert len(chars) == len(set(chars)) > 90_000
    assert any("Unicode License" in ln for ln in lines)
