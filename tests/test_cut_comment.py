"""`name: 华东 #1仓`: YAML ends a plain value at ` #`, so what was typed after it is lost
silently. One IN016 (a warning) at the `#`, with the value quoted in the hint."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import run_cli

from orgspec.load.yamlevents import parse


def _problems(text: str) -> list[tuple[str, int, int, str, str]]:
    return [(p.code, p.line, p.col, str(p.message), str(p.hint)) for p in parse(text).problems]


@pytest.mark.parametrize("loader", ["c", "pure"])
def test_a_value_cut_by_a_comment_is_one_warning_at_the_hash(
        monkeypatch: pytest.MonkeyPatch, loader: str) -> None:
    monkeypatch.setenv("ORGSPEC_YAML_PARSER", loader)
    monkeypatch.setenv("ORGSPEC_LANG", "en")
    text = "- kind: Team\n  id: east\n  name: 📦 华东 #1仓  # 备注\n"
    parsed = parse(text)
    assert parsed.docs[0][0]["name"] == "📦 华东"  # read as YAML reads it, never changed
    assert _problems(text) == [(
        "IN016", 3, 14,
        "YAML reads '#1仓' as a comment (a `#` after a space starts one), so the value is "
        "'📦 华东'",
        "quote the whole value: `name: \"📦 华东 #1仓\"`; a comment has a space after its "
        "`#`")]


@pytest.mark.parametrize(("text", "where"), [
    ("mission: #1仓负责华东\n", (1, 10)),  # nothing left: the value is empty
    ("channels:\n  - 钉钉群 #3\n", (2, 9)),  # a list item
    ("name: 华东 #2\n", (1, 10)),
    ("name: 华东 #注册中心\n", (1, 10)),  # 注 begins a word here, not a note
    ("name: 华东 #notes仓\n", (1, 10)),
    ("{name: a #b}\n", None),  # inside `{...}`: the file fails to parse (IN001), its finding
])
def test_every_plain_value_is_looked_at(text: str, where: tuple[int, int] | None) -> None:
    got = [(p[1], p[2]) for p in _problems(text) if p[0] == "IN016"]
    assert got == ([where] if where else [])


@pytest.mark.parametrize("text", [
    "name: 华东#1仓\n",  # no space before `#`: part of the value
    "name: 华东  # 一号仓\n",  # a comment as meant
    "name: '华东 #1仓'\n",  # quoted
    'name: "华东 #1仓"\n',
    "name: 华东 ##\n",
    "name: 华东 #\n",
    "name: x #orgspec: ignore[HI005] 先这样\n",  # a suppression
    "# 说明 #1\nname: x\n",  # a comment line
    "name: x\n# a #1 comment\n",
    "description: 处理用户退款申请  #待补充\n",  # two spaces set a comment apart
    "description: 处理用户退款申请\t#待补充\n",
    "name: 马超 #备注: 新人\n",  # a note word starts the comment
    "name: 馬超 #備註：新人\n",
    "name: 马超 #注 新人\n",
    "name: 马超 #待补充\n",
    "name: 马超 #TODO ask hr\n",
    "name: Ma Chao #note: new\n",
    "- 钉钉群 #说明: 主群\n",
])
def test_a_comment_meant_as_one_is_no_finding(text: str) -> None:
    assert _problems(text) == []


@pytest.mark.parametrize(("lang", "said"), [
    ("zh", "IN016 [警告] YAML 把 '#1仓' 当作注释（空格后的 `#` 开始一段注释），"
           "所以值只是 '华东'"),
    ("zh-Hant", "IN016 [警告] YAML 把 '#1仓' 當作註解（空格後的 `#` 開始一段註解），"
                "所以值只是 '华东'"),
    ("en", "IN016 [warning] YAML reads '#1仓' as a comment (a `#` after a space starts one), so "
           "the value is '华东'"),
])
def test_the_check_says_it_with_file_line_and_column(write_org: Any, lang: str,
                                                      said: str) -> None:
    org = write_org({"o.yaml": "- kind: Team\n  id: east\n  name: 华东 #1仓\n"})
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--select", "IN016",
                  "--lang", lang)
    assert run.code == 0
    assert run.stdout.splitlines()[0] == f"{org / 'o.yaml'}:3:12: {said}"
