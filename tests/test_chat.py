"""The chat message (`report --format chat`, `check --format chat`): the report's summary as
plain chat Markdown for WeCom, DingTalk, Feishu/Lark and Slack, in zh, zh-Hant and en, under
a byte budget cut at whole lines, with every name escaped for the medium."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, assert_golden, run_cli

from orgspec.escape import chat_code, chat_inline, chat_with_code

# orgspec's own constructs in a chat message; anything else of Markdown, HTML or mention
# syntax in it came from the user and must not be there.
FINDING = re.compile(r"- (❌|⚠️|ℹ️) [A-Z]+\d+ .+ `[^`]+:\d+`")
LINK = re.compile(r"\[[^\[\]]+\]\(https?://[^\s()<>`*]+\)")
MORE = {"en": re.compile(r"… and (\d+) more findings?"),
        "zh": re.compile(r"…… 还有 (\d+) 个问题未列出")}


def _chat(*args: str) -> str:
    run = run_cli("report", *args)
    assert run.code == 0, run.stderr
    return run.stdout


def test_chinese_and_english_chat_messages_match_golden() -> None:
    zh = _chat("examples/ecommerce", "--format", "chat", "--lang", "zh")
    en = _chat("examples/ecommerce", "--format", "chat", "--lang", "en",
               "--link", "https://handbook.example.com/org/")
    assert_golden("report-ecommerce.chat.md", zh)
    assert_golden("report-ecommerce-en.chat.md", en)
    assert zh.startswith("**组织报告**\n\n❌ 4 个错误 · ⚠️ 3 个警告 · ℹ️ 0 个提示")
    assert "**客服团队**\n- ❌ OW001 职责 用户反馈 (user-feedback) 有 2 个批准方" in zh
    assert not zh.endswith("report.html` 生成\n")  # a chat reader runs no command
    assert en.endswith("\n[Full report](https://handbook.example.com/org/)\n")
    assert "- 技术团队: 90/100 (1 error)" in en


def test_traditional_chinese_says_the_labels_in_traditional_script() -> None:
    hant = _chat("examples/ecommerce", "--format", "chat", "--lang", "zh-Hant")
    assert hant.startswith("**組織報告**\n\n❌ 4 個錯誤 · ⚠️ 3 個警告 · ℹ️ 0 個提示")
    assert "**團隊健康（按下列問題計分，得分低的在前）**" in hant
    assert "**主要問題（按團隊）**" in hant


def test_nothing_chat_apps_show_raw() -> None:
    """No HTML, table, Mermaid, footnote or details block; every finding line is whole."""
    text = _chat("examples/ecommerce", "--format", "chat")
    assert not re.search(r"<[a-z/!]|\|\s*-{3}|```|\[\^|mermaid", text)
    lines = [line for line in text.splitlines() if line.startswith("- ❌") or
             line.startswith("- ⚠️")]
    assert len(lines) == 7 and all(FINDING.fullmatch(line) for line in lines)


def _big_org(folder: Path, teams: int) -> Path:
    """`teams` teams with long names of 4-byte emoji and CJK, each leading nobody it knows
    (one RF001 each) and lacking a member (one more finding each)."""
    folder.mkdir()
    docs = [f"- kind: Team\n  id: t{i}\n  name: \"🙂研发中心第{i}组🙂{'长' * 30}\"\n"
            f"  lead: ghost-{i}\n" for i in range(teams)]
    (folder / "teams.yaml").write_text("".join(docs), "utf-8")
    return folder


@pytest.mark.parametrize("max_bytes", [500, 777, 1_000, 4_000, 20_000])
def test_a_big_org_fits_the_byte_budget_cut_at_whole_lines(tmp_path: Path,
                                                            max_bytes: int) -> None:
    org = _big_org(tmp_path / "org", 200)
    total = run_cli("check", str(org), "--format", "json", "--exit-zero").json()["summary"]
    text = _chat(str(org), "--format", "chat", "--lang", "en", "--max-bytes", str(max_bytes),
                 "--link", "https://handbook.example.com/")
    size = len(text.encode("utf-8"))
    assert size <= max_bytes
    listed = [line for line in text.splitlines() if line.startswith("- ❌")
              or line.startswith("- ⚠️") or line.startswith("- ℹ️")]
    assert all(FINDING.fullmatch(line) for line in listed)
    more = MORE["en"].search(text)
    assert more is not None  # 400 findings never fit
    assert len(listed) + int(more.group(1)) == sum(total[k] for k in ("error", "warning",
                                                                       "info"))
    assert text.endswith("\n[Full report](https://handbook.example.com/)\n")
    if max_bytes >= 4_000:  # a default-sized message lists a fair share, not a handful (each
        assert size > max_bytes - 400 and len(listed) >= 6  # line names its long team name)


def test_the_default_budget_is_under_wecoms_4096_bytes(tmp_path: Path) -> None:
    org = _big_org(tmp_path / "org", 120)
    text = _chat(str(org), "--format", "chat", "--lang", "zh")
    assert 3_500 < len(text.encode("utf-8")) <= 4_000
    assert MORE["zh"].search(text)


def test_a_budget_too_small_for_the_title_and_link_is_a_usage_error() -> None:
    run = run_cli("report", "examples/ecommerce", "--format", "chat", "--max-bytes", "500",
                  "--lang", "en", "--link", "https://example.com/" + "a" * 600)
    assert run.code == 2 and "--max-bytes 500 is too small" in run.stderr
    assert run.stdout == ""


@pytest.mark.parametrize("link", ["javascript:alert(1)", "//evil.example", "ftp://x", "x"])
def test_a_link_that_is_not_http_is_refused_before_the_org_is_read(link: str) -> None:
    run = run_cli("report", "no-such-folder", "--format", "chat", "--link", link)
    assert run.code == 2 and "--link takes an http(s) URL" in run.stderr


def test_link_and_max_bytes_belong_to_the_chat_format() -> None:
    for command in ("report", "check"):
        run = run_cli(command, "examples/ecommerce", "--link", "https://example.com")
        assert run.code == 2 and "are for the chat message" in run.stderr


def test_a_link_is_percent_encoded_so_it_cannot_end_the_markdown_link() -> None:
    text = _chat("examples/ecommerce", "--format", "chat", "--link",
                 "https://example.com/a b/(x)*[y]<z>`")
    assert "[完整报告](https://example.com/a%20b/%28x%29%2A%5By%5D%3Cz%3E%60)" in text


@pytest.mark.parametrize(("output", "start"), [("r.chat.md", "**组织报告**\n"),
                                                ("r.CHAT.MD", "**组织报告**\n"),
                                                ("r.chat.txt", "**组织报告**\n"),
                                                ("r.md", "# 组织报告\n")])
def test_the_output_suffix_picks_the_chat_format(tmp_path: Path, output: str,
                                                 start: str) -> None:
    for command in ("report", "check"):
        target = tmp_path / f"{command}-{output}"
        run = run_cli(command, "examples/ecommerce", "-o", str(target), "--lang", "zh")
        assert run.code == (0 if command == "report" else 1), run.stderr
        assert target.read_text("utf-8").startswith(start)


def test_check_writes_the_chat_message_as_a_report_beside_its_output(tmp_path: Path) -> None:
    target = tmp_path / "org.chat.md"
    run = run_cli("check", "examples/ecommerce", "--lang", "en", "--report",
                  f"chat={target}", "--link", "https://ci.example/run/1", "--max-bytes", "900")
    assert run.code == 1 and run.stdout.count("[error]") == 4  # the text output as ever
    text = target.read_text("utf-8")
    assert len(text.encode("utf-8")) <= 900 and text.endswith("(https://ci.example/run/1)\n")


HOSTILE_NAMES = {
    "emphasis": "*粗体* __下划线__ _斜体_ ~~删除~~",
    "link": "[点我](https://evil.example/x) ![图](https://evil.example/i.png)",
    "code": "`rm -rf /` ``",
    "heading": "# 标题",
    "quote": "> 引用",
    "html": "<font color=\"warning\">红</font><b>粗</b><@all> <!channel>",
    "mention": "@all @所有人 @here",
    "url": "https://evil.example www.evil.example",
    "bidi": "客服\u202e部\u2066",
    "control": "运营\x1b[31m部\x07",
    "newline": "第一行\n# 第二行\n> 第三行",
    "entity": "&lt;script&gt; &amp;",
    "backslash": "\\*不是粗体\\*",
}


@pytest.fixture
def hostile_chat(write_org) -> str:
    """The chat message of an org whose every team name is hostile and has a finding."""
    import json

    teams = "".join(f"- kind: Team\n  id: {key}\n  name: {json.dumps(name)}\n  lead: ghost\n"
                    for key, name in HOSTILE_NAMES.items())
    org = write_org({"teams.yaml": teams})
    return _chat(str(org), "--format", "chat", "--lang", "zh", "--max-bytes", "20000")


def _commonmark_tokens(text: str) -> list[tuple[str, str]]:
    """(type, content) of every inline token and block opening a CommonMark parser reads
    (DingTalk and Feishu follow it; WeCom and Slack read a subset of it)."""
    markdown_it = pytest.importorskip("markdown_it")
    out = []
    for token in markdown_it.MarkdownIt("commonmark").parse(text):
        out.append((token.type, token.content))
        out += [(child.type, child.content) for child in token.children or []]
    return out


def test_hostile_names_stay_text_in_every_chat_app(hostile_chat: str) -> None:
    text = hostile_chat
    # no raw HTML, mention, entity, link or image syntax outside orgspec's own
    assert not re.search(r"[<>\[\]@&\\~|]", text)
    assert "://" not in text and "www." not in text  # nothing a chat app would autolink
    assert not re.search(r"[\u202a-\u202e\u2066-\u2069\x00-\x08\x0b-\x1f\x7f]", text)
    # every `*` is one of orgspec's bold pairs; every backtick one of its code spans
    assert all(line.startswith("**") and line.endswith("**") and line.count("*") == 4
               for line in text.splitlines() if "*" in line)
    assert all(FINDING.fullmatch(line) for line in text.splitlines()
               if line.startswith("- ❌"))
    # names shown, as their full-width look-alikes
    assert "＊粗体＊ ＿＿下划线＿＿ ＿斜体＿ ～～删除～～" in text
    assert "［点我］(https：//evil.example/x)" in text
    assert "＃ 标题" in text and "＜@all＞".replace("@", "＠") in text
    assert "客服\ufffd部\ufffd" in text and "运营\ufffd［31m部\ufffd" in text
    assert "第一行 ＃ 第二行 ＞ 第三行" in text


def test_hostile_names_parse_as_text_in_commonmark(hostile_chat: str) -> None:
    kinds = {kind for kind, _ in _commonmark_tokens(hostile_chat)}
    assert kinds <= {"paragraph_open", "paragraph_close", "inline", "text", "strong_open",
                     "strong_close", "code_inline", "bullet_list_open", "bullet_list_close",
                     "list_item_open", "list_item_close", "softbreak"}, kinds


@pytest.mark.parametrize(("text", "said"), [
    ("a*b", "a＊b"), ("snake_case", "snake_case"), ("_x_", "＿x＿"), ("客服_组", "客服_组"),
    ("[x](y)", "［x］(y)"), ("`c`", "｀c｀"), ("#1", "＃1"), ("> q", "＞ q"),
    ("<@u>", "＜＠u＞"), ("http://a", "http：//a"), ("WWW.a.b", "WWW．a.b"),
    ("a\u202eb", "a\ufffdb"), ("👩\u200d💻", "👩\u200d💻"), ("x\ny", "x y"),
])
def test_chat_inline_escapes_each_construct(text: str, said: str) -> None:
    assert chat_inline(text) == said


def test_chat_inline_cuts_long_text_at_a_character() -> None:
    assert chat_inline("🙂" * 50, 10) == "🙂" * 10 + "…"


def test_a_message_keeps_its_code_spans_and_is_never_cut_inside_one() -> None:
    assert chat_with_code("set `cadence` for *x*") == "set `cadence` for ＊x＊"
    assert chat_with_code("abc `defghij` k", 6) == "abc …"
    assert chat_code("a`b") == "a｀b" and chat_code("path/x.yaml:3") == "`path/x.yaml:3`"


def test_a_clean_org_says_so() -> None:
    text = _chat("examples/minimal", "--format", "chat", "--lang", "zh")
    assert text == ("**组织报告**\n\n❌ 0 个错误 · ⚠️ 0 个警告 · ℹ️ 0 个提示 · 1 个文件 · 9 个实体\n"
                    "\n未发现问题。\n")


def test_check_speaks_the_chat_format_with_the_same_message() -> None:
    check = run_cli("check", "examples/ecommerce", "--format", "chat", "--lang", "en")
    assert check.code == 1
    assert check.stdout == _chat("examples/ecommerce", "--format", "chat", "--lang", "en")


def test_the_cli_says_the_renderers_default_and_minimum() -> None:
    from orgspec.cli import check, report
    from orgspec.report.chat import CHAT_LIMIT, MIN_BYTES

    for command in (report, check):
        option = next(p for p in command.params if p.name == "max_bytes")
        assert option.type.min == MIN_BYTES  # type: ignore[attr-defined]
        assert f"[default: {CHAT_LIMIT}]" in (option.help or "")


def test_the_hostile_report_fixture_gives_an_inert_message(hostile_org: Path) -> None:
    text = _chat(str(hostile_org), "--format", "chat", "--lang", "en", "--max-bytes", "20000")
    assert "<script>" not in text and "<img" not in text and "](javascript" not in text
    assert "@everyone" not in text and "＠everyone" in text
    assert all(len(line.encode("utf-8")) < 1_000 for line in text.splitlines())
    assert FIXTURES.exists()


def test_the_readme_example_is_what_orgspec_writes() -> None:
    readme = (REPO / "README.md").read_text("utf-8")
    section = readme[readme.index("### Chat message (WeCom"):]
    shown = section[section.index("```markdown\n") + 12:]
    shown = shown[:shown.index("```\n")]
    assert shown == _chat("examples/ecommerce", "--format", "chat", "--lang", "zh",
                          "--max-bytes", "1500", "--link", "https://handbook.example.com/org/")


def test_the_readme_dingtalk_keywords_are_the_message_titles() -> None:
    readme = (REPO / "README.md").read_text("utf-8")
    note = readme[readme.index("A DingTalk custom robot refuses"):]
    note = " ".join(note[:note.index("```sh")].split())
    for lang, keyword in (("zh", "组织报告"), ("zh-Hant", "組織報告"), ("en", "Org report")):
        assert f"`{keyword}` (`{lang}`)" in note or f"`{keyword}` (`--lang {lang}`)" in note
        first = _chat("examples/minimal", "--format", "chat", "--lang", lang).splitlines()[0]
        assert keyword in first


def test_the_readme_dingtalk_signing_snippet_signs_as_dingtalk_documents(
        tmp_path: Path) -> None:
    import base64
    import hashlib
    import hmac
    import os
    import subprocess
    import time
    from urllib.parse import parse_qs, urlsplit

    readme = (REPO / "README.md").read_text("utf-8")
    block = readme[readme.index("DINGTALK_SIGNED=$("):]
    block = block[:block.index("\njq ")]
    script = tmp_path / "sign.sh"
    script.write_text(block + '\nprintf %s "$DINGTALK_SIGNED"\n', "utf-8")
    hook = "https://oapi.dingtalk.com/robot/send?access_token=abc"
    env = {**os.environ, "DINGTALK_SECRET": "SECtest", "DINGTALK_WEBHOOK": hook}
    before = time.time() * 1000
    url = subprocess.run(["bash", str(script)], env=env, capture_output=True, text=True,
                         check=True).stdout
    assert url.startswith(hook + "&timestamp=")
    query = parse_qs(urlsplit(url).query)
    stamp = query["timestamp"][0]
    assert before - 1000 <= int(stamp) <= time.time() * 1000 + 1000
    want = base64.b64encode(hmac.new(b"SECtest", f"{stamp}\nSECtest".encode(),
                                     hashlib.sha256).digest()).decode()
    assert query["sign"] == [want]  # parse_qs undoes the snippet's quote_plus


@pytest.mark.parametrize(("fmt", "lang", "said", "not_said"), [
    ("markdown", "en", "No new problems found.", "No problems found."),
    ("markdown", "zh", "未发现新问题。", "未发现问题。"),
    ("chat", "en", "No new problems found.", "No problems found."),
    ("html", "zh-Hant", "未發現新問題。", "未發現問題。"),
])
def test_a_diff_with_nothing_new_says_no_new_problems(tmp_path: Path, fmt: str, lang: str,
                                                      said: str, not_said: str) -> None:
    # trial 31b: `report --diff HEAD` said "no problems found" of an org whose check has 8:
    # the findings a diff shows are the new ones
    from conftest import EXAMPLES, committed_org

    top = committed_org(EXAMPLES / "ecommerce", tmp_path)
    teams = top / "org" / "teams" / "teams.yaml"
    teams.write_text(teams.read_text("utf-8").replace("name: 市场团队", "name: 市场部", 1),
                     "utf-8")
    run = run_cli("report", "org", "--diff", "HEAD", "--format", fmt, "--lang", lang,
                  "--isolated", "-o", f"out.{fmt}", cwd=top)
    assert run.code == 0, run.stderr
    text = (top / f"out.{fmt}").read_text("utf-8")
    assert said in text and not_said not in text
