"""`orgspec show NAME_OR_ID`: the kind may be left out, and a name or id that names nothing
says so in one line (exit 2) with the closest ids and names, in the org's language (trial 27:
a Hong Kong ops director's `show 林志毫` for 林志豪, `show ops-hkk` for ops-hk)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

C_LOCALE = {"LANGUAGE": "", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "ORGSPEC_LANG": ""}

ORG = """\
- kind: Team
  id: ops-hk
  name: 香港營運部
  lead: lin-zhihao
  members: [lin-zhihao, chan-wing]
- kind: Team
  id: ops-tw
  name: 台北營運部
  lead: chan-wing
  members: [chan-wing]
- {kind: Person, id: lin-zhihao, name: 林志豪, title: 營運總監}
- {kind: Person, id: chan-wing, name: 陳永, title: 營運經理}
- {kind: Person, id: zhang-wei, name: 張偉, title: 客服主管}
"""


@pytest.fixture
def org(tmp_path: Path) -> Path:
    folder = tmp_path / "org"
    folder.mkdir()
    (folder / "org.yaml").write_text(ORG, encoding="utf-8")
    return folder


def _show(org: Path, *words: str, lang: str | None = None) -> tuple[int, str, str]:
    args = ["show", *words, str(org), "--isolated", *(["--lang", lang] if lang else [])]
    run = run_cli(*args, env=C_LOCALE)
    assert "Traceback" not in run.stderr
    return run.code, run.stdout, run.stderr


@pytest.mark.parametrize(("word", "lang", "said"), [
    ("林志毫", None, "orgspec: 錯誤：沒有找到 '林志毫'；是不是指 林志豪 (lin-zhihao)？\n"),
    ("林志毫", "zh", "orgspec: 错误：没有找到 '林志毫'；是不是指 林志豪 (lin-zhihao)？\n"),
    ("林志毫", "en", "orgspec: error: nothing named '林志毫'; did you mean 林志豪 "
                     "(lin-zhihao)?\n"),
    ("ops-hkk", None, "orgspec: 錯誤：沒有找到 'ops-hkk'；是不是指 香港營運部 (ops-hk)？\n"),
    ("张玮", None, "orgspec: 錯誤：沒有找到 '张玮'；是不是指 張偉 (zhang-wei)？\n"),  # sounds alike
    ("ops-tk", None, "orgspec: 錯誤：沒有找到 'ops-tk'；是不是指其中之一："
                     "香港營運部 (ops-hk), 台北營運部 (ops-tw)？\n"),
    ("財務部", None, "orgspec: 錯誤：沒有找到 '財務部'\n"),
])
def test_a_name_or_id_that_names_nothing_says_the_closest(org: Path, word: str,
                                                         lang: str | None, said: str) -> None:
    code, out, err = _show(org, word, lang=lang)
    assert (code, out, err) == (2, "", said)


def test_without_a_kind_a_name_shows_its_entity_as_with_it(org: Path) -> None:
    for word in ("林志豪", "lin-zhihao", "LIN-ZHIHAO", "林志"):
        assert _show(org, word) == _show(org, "person", "lin-zhihao"), word
    assert _show(org, "香港營運部") == _show(org, "香港营运部") == _show(org, "team", "ops-hk")
    code, out, _ = _show(org, "ops-hk")
    assert code == 0 and out.startswith("團隊 ops-hk 香港營運部\n")


def test_a_part_several_share_names_them(org: Path) -> None:
    code, out, err = _show(org, "營運")
    assert code == 2 and out == ""
    assert err.startswith("orgspec: 錯誤：'營運' 對應不止一個條目：")
    assert "香港營運部 (ops-hk)" in err and "營運總監" not in err  # names, not titles


def test_with_a_kind_a_mistyped_name_is_suggested_too(org: Path) -> None:
    code, _, err = _show(org, "person", "林志毫")
    assert (code, err) == (2, "orgspec: 錯誤：沒有人員 '林志毫'；是不是指 林志豪 (lin-zhihao)？\n")


def test_a_mistyped_kind_is_still_said_as_the_kind(org: Path) -> None:
    code, _, err = _show(org, "persn", "林志豪")
    assert code == 2
    assert "'persn'" in err and "'person'" in err and "KIND" in err


def test_a_kind_alone_asks_for_the_name(org: Path) -> None:
    run = run_cli("show", "person", env=C_LOCALE)
    assert run.code == 2
    assert run.stderr == "orgspec: error: missing argument NAME_OR_ID (see `orgspec show --help`)\n"
