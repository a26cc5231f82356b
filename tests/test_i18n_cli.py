"""CLI and config errors, rule docs and machine formats in the run's language (issue 16):
an error line follows --lang, then the config's `lang`, then the locale (no org content is
read for an error); `explain` and `rules` too; SARIF, JUnit, GitHub and JSON carry the same
language as the text output."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import REPO, run_cli

from orgspec import i18n
from orgspec.engine.registry import registry
from orgspec.report import docsgen
from orgspec.report.labels import _LABELS as REPORT_LABELS
from orgspec.site.labels import _LABELS as SITE_LABELS

CJK = re.compile("[\u4e00-\u9fff]")
EN = {"LANG": "en_US.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""}
ZH = {**EN, "LANG": "zh_CN.UTF-8"}
GUESS_ZH = "'overlapp'（是不是要写 'responsibility-overlap'？）"
GUESS_EN = "'overlapp' (did you mean 'responsibility-overlap'?)"


def _project(tmp_path: Path, config: str) -> Path:
    """A git folder (so the config search stops there) with a config and a minimal org."""
    (tmp_path / ".git").mkdir()
    (tmp_path / ".orgspec.yaml").write_text(config, "utf-8")
    org = tmp_path / "org"
    org.mkdir()
    (org / "org.yaml").write_text("kind: Team\nid: cs\nname: Support\nlead: ann\n"
                                  "members: [ann]\n---\nkind: Person\nid: ann\nname: Ann\n",
                                  "utf-8")
    return tmp_path


def test_a_flag_error_follows_lang_then_the_locale() -> None:
    zh = run_cli("check", "examples/minimal", "--ignore", "overlapp", "--lang", "zh", env=EN)
    en = run_cli("check", "examples/minimal", "--ignore", "overlapp", env=EN)
    by_locale = run_cli("check", "examples/minimal", "--ignore", "overlapp", env=ZH)
    assert zh.code == en.code == by_locale.code == 2
    assert zh.stderr == f"orgspec: 错误：--ignore：未知的规则、前缀或类别 {GUESS_ZH}\n"
    assert en.stderr == f"orgspec: error: --ignore: unknown rule, prefix or family {GUESS_EN}\n"
    assert by_locale.stderr == zh.stderr
    flag_beats_locale = run_cli("check", "examples/minimal", "--ignore", "overlapp",
                                "--lang", "en", env=ZH)
    assert flag_beats_locale.stderr == en.stderr


def test_a_config_error_speaks_the_config_lang_even_when_the_config_is_the_error(
        tmp_path: Path) -> None:
    root = _project(tmp_path, "lang: zh\nignore: [overlapp]\n")
    run = run_cli("check", cwd=root, env=EN)
    assert run.code == 2
    assert run.stderr == (f"orgspec: 错误：{root / '.orgspec.yaml'}:2:10："
                          f"未知的规则、前缀或类别 {GUESS_ZH}\n")
    (root / ".orgspec.yaml").write_text("ignroe: [HI001]\nlang: zh\n", "utf-8")
    run = run_cli("check", cwd=root, env=EN)
    assert run.stderr.startswith(f"orgspec: 错误：{root / '.orgspec.yaml'}:1:1：未知的配置项 "
                                 "'ignroe'（是不是要写 'ignore'？）")
    en = run_cli("check", "--lang", "en", cwd=root, env=ZH)
    assert en.stderr.startswith("orgspec: error: ") and "unknown config key 'ignroe'" in en.stderr
    isolated = run_cli("check", "org", "--isolated", cwd=root, env=EN)
    assert isolated.code == 0  # --isolated reads no config, so no error either


def test_explain_an_unknown_rule_in_both_languages(tmp_path: Path) -> None:
    en = run_cli("explain", "overlap", env=EN)
    zh = run_cli("explain", "overlap", "--lang", "zh", env=EN)
    root = _project(tmp_path, "lang: zh\n")
    by_config = run_cli("explain", "overlap", cwd=root, env=EN)
    assert en.code == zh.code == by_config.code == 2
    assert en.stderr == ("orgspec: error: unknown rule 'overlap' "
                         "(did you mean 'responsibility-overlap'?)\n")
    assert zh.stderr == by_config.stderr == \
        "orgspec: 错误：未知规则 'overlap'（是不是要写 'responsibility-overlap'？）\n"


def test_a_mistyped_suppression_code_is_said_in_chinese(write_org) -> None:
    org = write_org({"t.yaml": "kind: Team\nid: cs\nname: 客服部\n"
                               "lead: 刘洋  # orgspec: ignore[OK04] 新团队\n"})
    run = run_cli("check", str(org), "--format", "json", "--select", "SU001,HI")
    [su] = [f for f in run.json()["findings"] if f["code"] == "SU001"]
    assert (su["message"], su["hint"], su["line"]) == \
        ("对 OK04 的忽略没有用上（未知规则）", "是不是要写 'OK004'？", 4)


@pytest.mark.parametrize(("data", "message", "hint", "where"), [
    ("kind: Team\nid: cs\n".encode("utf-16"), "文件是 UTF-16 或 UTF-32 编码；请另存为 UTF-8",
     "git、GitHub 和编辑器都默认 UTF-8", (1, 1)),
    ("kind: Team\nid: cs\nname: 客服部\n".encode("gbk"), "无效的 UTF-8 字节 0xbf",
     "看起来是 GBK 编码：请把文件另存为 UTF-8（orgspec 只读取 UTF-8）", (3, 7)),
])
def test_unreadable_files_are_said_in_chinese(write_org, data: bytes, message: str, hint: str,
                                              where: tuple[int, int]) -> None:
    org = write_org({"t.yaml": data})
    run = run_cli("check", str(org), "--format", "json", "--lang", "zh")
    [f] = run.json()["findings"]
    assert (f["code"], f["message"], f["hint"], (f["line"], f["column"])) == \
        ("IN002", message, hint, where)


def test_explain_and_rules_speak_the_language_asked() -> None:
    meta = registry()["OK004"]
    zh = run_cli("explain", "OK004", "--lang", "zh", env=EN)
    assert zh.code == 0
    lines = zh.stdout.splitlines()
    title = i18n.rule_title("vague-key-result", "zh")  # as reports say it (left11 item 3)
    assert CJK.search(title)
    assert lines[:3] == [f"OK004 {title}（vague-key-result）",
                         "类别：okrs | 默认级别：错误 | 在 recommended 预设中开启", ""]
    assert lines[3] == i18n.say(meta.summary, "zh") and CJK.search(lines[3])
    assert "为什么重要：" in lines and "会报告：" in lines and "不会报告：" in lines
    assert run_cli("explain", "OK004", env=ZH).stdout == zh.stdout  # the locale
    en = run_cli("explain", "OK004", env=EN).stdout
    assert en.splitlines()[3] == meta.summary and "Why it matters:" in en
    table = run_cli("rules", "--lang", "zh", env=EN).stdout.splitlines()
    assert table[0].split() == ["代码", "标题", "名称", "级别", "开启", "概要"]
    assert len(table) == len(registry()) + 1
    assert next(r for r in table if r.startswith("OK004 ")).split()[:3] == \
        ["OK004", title, "vague-key-result"]
    assert run_cli("rules", env=EN).stdout.splitlines()[0].split()[:2] == ["code", "name"]
    hant = run_cli("explain", "OK004", "--lang", "zh-Hant", env=EN).stdout.splitlines()[0]
    assert hant == f"OK004 {i18n.rule_title('vague-key-result', 'zh-Hant')}（vague-key-result）"
    rules_json = json.loads(run_cli("rules", "--format", "json", "--lang", "zh").stdout)
    assert all(CJK.search(r["summary"]) and CJK.search(r["rationale"]) for r in rules_json)
    assert {r["severity"] for r in rules_json} <= {"error", "warning", "info"}  # keys stay


def test_the_markdown_reference_stays_english_unless_asked() -> None:
    md = run_cli("rules", "--format", "markdown", env=ZH).stdout
    assert md == (REPO / "docs" / "rules.md").read_text("utf-8")
    zh = run_cli("rules", "--format", "markdown", "--lang", "zh").stdout
    assert zh.startswith("# orgspec 规则\n") and "**为什么重要。**" in zh


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_rule_is_explained_without_an_untranslated_text(lang: str) -> None:
    i18n.MISSES.clear()
    for meta in registry().values():
        docsgen.explain(meta, lang)
    docsgen.rules_table(lang=lang)
    docsgen.rules_markdown(lang=lang)
    assert not i18n.MISSES


def test_sarif_speaks_the_language_of_the_text_output_end_to_end() -> None:
    zh = run_cli("check", "examples/ecommerce", "--format", "sarif")  # Chinese content
    en = run_cli("check", "examples/ecommerce", "--format", "sarif", "--lang", "en")
    text = run_cli("check", "examples/ecommerce")
    machine = run_cli("check", "examples/ecommerce", "--format", "json")
    zh_run, en_run = json.loads(zh.stdout)["runs"][0], json.loads(en.stdout)["runs"][0]
    assert (zh_run["language"], en_run["language"]) == ("zh-CN", "en-US")
    for rule in zh_run["tool"]["driver"]["rules"]:
        meta = registry()[rule["id"]]
        assert rule["shortDescription"]["text"] == i18n.say(meta.summary, "zh")
        assert CJK.search(rule["fullDescription"]["text"]), rule["id"]
        assert rule["help"]["text"].startswith(rule["shortDescription"]["text"])
    assert [r["shortDescription"]["text"] for r in en_run["tool"]["driver"]["rules"]] == \
        [registry()[r["id"]].summary for r in en_run["tool"]["driver"]["rules"]]
    messages = [r["message"]["text"].split("\n")[0] for r in zh_run["results"]]
    # the words of the text output, in its language, each id said with its name as it says
    # it (客服团队 (customer-service): code scanning shows people the message); JSON keeps
    # the ids for programs
    said = [line.split("] ", 1)[1] for line in text.stdout.splitlines() if "] " in line]
    assert messages and all(m in said for m in messages)
    assert "发现 " in text.stdout and "团队 客服团队 (customer-service)" in text.stdout
    assert "团队 客服团队 (customer-service)" in " ".join(messages)
    assert "团队 'customer-service'" in " ".join(
        f["message"] for f in json.loads(machine.stdout)["findings"])


def test_junit_github_gitlab_and_json_carry_the_runs_language() -> None:
    junit = run_cli("check", "examples/ecommerce", "--format", "junit").stdout
    # the failure's first line, then the hint (and related) lines `check` shows under it
    assert re.search(r">第 \d+ 行第 \d+ 列，[^<\n]*（[A-Z]{2}\d{3}）\n    建议: [^<]*</failure>",
                     junit)
    junit_en = run_cli("check", "examples/ecommerce", "--format", "junit", "--lang", "en").stdout
    assert re.search(r">line \d+, col \d+, [^<\n]* \([A-Z]{2}\d{3}\)\n    hint: [^<]*</failure>",
                     junit_en)
    gitlab = json.loads(run_cli("check", "examples/ecommerce", "--format", "gitlab").stdout)
    assert gitlab and all(CJK.search(i["description"]) for i in gitlab)
    doc = run_cli("check", "examples/ecommerce", "--format", "json").json()
    doc_en = run_cli("check", "examples/ecommerce", "--format", "json", "--lang", "en").json()
    assert (doc["lang"], doc_en["lang"]) == ("zh", "en")
    github = run_cli("check", "examples/ecommerce", "--format", "github").stdout
    assert "%0A建议: " in github


@pytest.mark.parametrize("labels", [REPORT_LABELS, SITE_LABELS], ids=["report", "site"])
def test_every_label_comes_from_the_catalog_in_both_languages(labels: dict[str, i18n.M]) -> None:
    latin_ok = {"okrs", "kpis", "raci", "raci_table", "lang_name"}  # OKR, KPI, RACI
    fields = re.compile(r"\{(\w+)[^{}]*\}")
    i18n.MISSES.clear()
    for key, text in labels.items():
        assert isinstance(text, i18n.MC) and text.context == "label", key
        zh = i18n.say(text, "zh")
        assert CJK.search(zh) or key in latin_ok or (key, zh) in (
            ("colon", "："), ("list_sep", "、"), ("lp", "（"), ("rp", "）")), (key, zh)
        assert sorted(fields.findall(text)) == sorted(fields.findall(zh)), key
    assert not i18n.MISSES
    assert REPORT_LABELS["title"] == "Org report" and i18n.say(REPORT_LABELS["title"], "zh") == \
        "组织报告"


def test_the_same_english_word_is_translated_by_its_context() -> None:
    assert i18n.say(SITE_LABELS["role"], "zh") == "角色"  # a RACI role, in a table header
    assert i18n.say(i18n.M("Role"), "zh") == "岗位"  # the kind, in messages


SEEDS = Path("/work/shared/seeds")


def test_traditional_content_is_told_from_simplified() -> None:
    assert i18n.content_lang(["負責處理售後問題與退款，團隊的職責"]) == "zh-Hant"
    assert i18n.content_lang(["负责处理售后问题与退款，团队的职责"]) == "zh"
    assert i18n.content_lang(["客服部 退款"]) == "zh"  # the same in both scripts: Simplified
    if SEEDS.is_dir():  # the founders' documents: 003 and 004 are in Traditional script
        said = {p.name[:3]: i18n.content_lang([p.read_text("utf-8")])
                for p in sorted(SEEDS.glob("*.txt"))}
        assert said == {"000": "zh", "001": "zh", "002": "zh", "003": "zh-Hant",
                        "004": "zh-Hant"}


def test_the_locale_picks_traditional_for_taiwan_and_hong_kong() -> None:
    for value, lang in (("zh_TW.UTF-8", "zh-Hant"), ("zh_HK", "zh-Hant"), ("zh_Hant", "zh-Hant"),
                        ("zh_CN.UTF-8", "zh"), ("zh_SG", "zh"), ("en_US.UTF-8", "en")):
        assert i18n.locale_lang({"LANG": value}) == lang, value


def test_traditional_content_gets_traditional_messages_everywhere(write_org) -> None:
    org = write_org({"o.yaml": "- {kind: Team, id: cs, name: 客服部, description: 負責處理售後問題"
                               "與退款, lead: 劉洋, members: [liuyang]}\n"
                               "- {kind: Person, id: liuyang, name: 劉洋}\n"})
    run = run_cli("check", str(org), "--isolated", "--select", "RF")
    assert run.stdout.splitlines()[1] == "    建議: 劉洋 是人員 `liuyang` 的名稱：請寫 `liuyang`"
    assert run.stdout.endswith("發現 1 個錯誤、0 個警告、0 個提示，共 1 個檔案（2 個實體）。\n")
    assert run_cli("check", str(org), "--isolated", "--select", "RF", "--lang", "zh-Hant"
                   ).stdout == run.stdout
    simplified = run_cli("check", str(org), "--isolated", "--select", "RF", "--lang", "zh")
    assert "刘洋 是人员" not in simplified.stdout and "请写 `liuyang`" in simplified.stdout
    sarif = json.loads(run_cli("check", str(org), "--format", "sarif").stdout)["runs"][0]
    assert sarif["language"] == "zh-Hant"
    assert sarif["tool"]["driver"]["rules"][0]["shortDescription"]["text"] == \
        i18n.say(registry()[sarif["tool"]["driver"]["rules"][0]["id"]].summary, "zh-Hant")
    html = run_cli("report", str(org), "--format", "html").stdout
    assert '<html lang="zh-Hant">' in html and "組織報告" in html
    error = run_cli("explain", "overlap", env={**EN, "LANG": "zh_TW.UTF-8"})
    assert error.stderr == \
        "orgspec: 錯誤：未知規則 'overlap'（是不是要寫 'responsibility-overlap'？）\n"


def test_the_traditional_catalog_is_complete_and_generated_from_the_simplified_one() -> None:
    pytest.importorskip("babel")
    from orgspec.i18n.build import GENERATED, generated_po, po_path, read

    assert GENERATED == {"zh-Hant": ("zh", "s2twp")}
    assert po_path("zh-Hant").read_bytes() == generated_po("zh-Hant")
    zh = {m.id: m.string for m in read("zh") if m.id}
    hant = {m.id: m.string for m in read("zh-Hant") if m.id}
    assert set(zh) == set(hant) and all(hant.values())
    assert hant["error: {message}"] == "錯誤：{message}"


def test_errors_of_show_baseline_and_init_follow_the_locale(tmp_path: Path) -> None:
    show = run_cli("show", "team", "techh", "examples/ecommerce", "--isolated", env=ZH)
    assert show.stderr == "orgspec: 错误：没有团队 'techh'；是不是要写 'tech'？\n"
    bad = tmp_path / "baseline.json"
    bad.write_text('{"version": 1, "findings": []}', "utf-8")
    baseline = run_cli("check", "examples/minimal", "--baseline", str(bad), env=ZH)
    assert baseline.stderr == (f"orgspec: 错误：{str(bad)!r} 是第 1 版基线，其指纹已经改变；"
                               "请用 --write-baseline 重新生成\n")
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / ".orgspec.yaml").write_text("root: mine\n", "utf-8")
    again = run_cli("init", str(tmp_path / "new"), env=ZH)
    assert again.code == 2
    assert again.stderr.startswith("orgspec: 错误：") and "已存在" in again.stderr


def test_baseline_notes_speak_the_runs_language(tmp_path: Path) -> None:
    base = tmp_path / "b.json"
    wrote = run_cli("check", "examples/ecommerce", "--write-baseline", str(base), "--no-cache")
    # the 7 findings `check` shows, and the OK005 held back behind an OK003
    assert wrote.stderr == f"已把 7 条问题写入基线 {base}\n另把 1 条暂缓报告的问题（被上述问题" \
        "暂缓）写入基线，以后单独出现时仍算已知问题\n"
    zh = run_cli("check", "examples/ecommerce", "--baseline", str(base), "--no-cache")
    en = run_cli("check", "examples/ecommerce", "--baseline", str(base), "--no-cache",
                 "--lang", "en")
    assert zh.stderr == f"基线 {base}：7 条已知问题未显示，0 条过时条目\n"
    assert en.stderr == f"baseline {base}: 7 known findings not shown, 0 stale entries\n"


@pytest.mark.parametrize(("args", "env", "config", "line"), [
    (("--lang", "en"), ZH, "", "wrote 8 schemas to out"),
    (("--lang", "zh"), EN, "", "已写入 8 个 JSON Schema 到 out"),
    (("--lang", "zh-Hant"), EN, "", "已寫入 8 個 JSON Schema 到 out"),
    ((), EN, "lang: zh\n", "已写入 8 个 JSON Schema 到 out"),
    ((), ZH, "", "已写入 8 个 JSON Schema 到 out"),
])
def test_the_schemas_summary_line_is_said_in_the_run_language(
        tmp_path: Path, args: tuple[str, ...], env: dict[str, str], config: str,
        line: str) -> None:
    """`schema -o DIR` says what it wrote in --lang, else the config's, else the locale's."""
    project = _project(tmp_path, config)
    run = run_cli("schema", "-o", "out", *args, cwd=project, env=env)
    assert run.code == 0 and run.stdout == line + "\n"
    assert len(list((project / "out").glob("*.schema.json"))) == 8
