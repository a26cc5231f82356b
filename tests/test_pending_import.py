"""A re-import waiting to be merged (`NAME.yaml.new`, IN018) holds the new hires until it is
moved over the file the user edited. A reference elsewhere to one of them (a position's
holder, a duty's `responsible`) is not a second mistake: its RF001 waits behind the IN018,
whose hint counts them. The cache answers as a fresh run does as the `.new` appears,
changes and goes: its bytes are part of what the result depends on."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from conftest import json_findings as check
from conftest import run_cli, where

from orgspec.engine.lint import check_cached, lint_org
from orgspec.findings import Finding
from orgspec.load.cache import Cache
from orgspec.load.config import Config

TEAM = """\
- kind: Team
  id: ops
  name: 运营部
  lead: chen
  members:
  - chen
  - he
- {kind: Person, id: chen, name: 陈静, title: 运营总监}
- {kind: Person, id: he, name: 何丽, title: 主播}
"""
# the import's version: he's title as the roster says, and a new hire, qian
NEW = TEAM.replace("title: 主播", "title: 直播运营").replace(
    "  - he\n", "  - he\n  - qian\n") + "- {kind: Person, id: qian, name: 钱宇, title: 直播运营}\n"
ELSEWHERE = """\
- kind: Position
  id: streamer
  name: 主播
  team: ops
  holders: [he, qian]
- kind: Responsibility
  id: live
  name: 直播
  accountable: ops
  responsible: [qian, zhao]
"""


def org(write_org, new: str | None = NEW) -> Path:
    folder: Path = write_org({"ops.yaml": TEAM, "work.yaml": ELSEWHERE})
    if new is not None:
        (folder / "ops.yaml.new").write_text(new, "utf-8")
    return folder


# `qian`, named twice, is one RF001 at the first (trial 30); `zhao` another
WITHOUT = [("RF001", "work.yaml", 5, 17), ("RF001", "work.yaml", 10, 23)]


def test_references_to_a_pending_hire_wait_behind_in018(write_org) -> None:
    """qian, defined only in `ops.yaml.new`, is named twice: one IN018, counting them;
    zhao, defined nowhere, is RF001 still."""
    found = check(org(write_org))
    assert where(found) == [("IN018", "ops.yaml.new", 1, 1), ("RF001", "work.yaml", 10, 23)]
    assert found[0]["hint"] == ("2 references elsewhere name ids only this file defines "
                                "(qian): their RF001 is held back until the file is merged")
    assert "'zhao'" in found[1]["message"]


def test_the_hint_in_chinese(write_org) -> None:
    folder = org(write_org)
    text = run_cli("check", "--isolated", "--no-cache", "--lang", "zh", ".", cwd=folder).stdout
    assert "建议: 其他地方有 2 处引用了只有这个文件定义的 id（qian）：" \
           "这些 RF001 暂不报告，直到合并这个文件\n" in text
    text = run_cli("check", "--isolated", "--no-cache", "--lang", "zh-Hant", ".",
                   cwd=folder).stdout
    assert "其他地方有 2 處引用了只有這個檔案定義的 id（qian）" in text


def test_without_the_pending_file_each_reference_is_reported(write_org) -> None:
    assert where(check(org(write_org, None))) == WITHOUT


def test_merged_the_references_resolve(write_org) -> None:
    folder = org(write_org)
    (folder / "ops.yaml.new").replace(folder / "ops.yaml")
    assert where(check(folder)) == [("RF001", "work.yaml", 10, 23)]


def test_with_in018_off_the_references_are_reported(write_org) -> None:
    assert where(check(org(write_org), "--ignore", "IN018")) == WITHOUT


def test_a_pending_file_that_does_not_define_the_id_holds_nothing(write_org) -> None:
    found = check(org(write_org, NEW.replace("qian", "sun")))
    assert where(found) == [("IN018", "ops.yaml.new", 1, 1), *WITHOUT]
    assert found[0]["hint"] == ""


def test_after_a_real_re_import(tmp_path: Path) -> None:
    """`orgspec import roster` re-run on a team file she edited (a title) writes the `.new`
    with the new hire; her position names the hire already."""
    roster = "姓名,部门,岗位,上级,邮箱\n王建国,总经办,总经理,,wang@x.cn\n" \
             "陈静,运营部,运营总监,王建国,chen@x.cn\n何丽,运营部,直播运营,陈静,heli@x.cn\n"
    (tmp_path / "r.csv").write_text(roster, "utf-8")
    assert run_cli("import", "roster", "r.csv", "-o", "org", cwd=tmp_path).code == 0
    team = tmp_path / "org" / "yun-ying-bu.yaml"
    team.write_text(team.read_text("utf-8").replace("title: 直播运营", "title: 主播"), "utf-8")
    (tmp_path / "r.csv").write_text(roster + "钱宇,运营部,直播运营,陈静,qianyu@x.cn\n", "utf-8")
    assert run_cli("import", "roster", "r.csv", "-o", "org", cwd=tmp_path).code == 0
    assert (tmp_path / "org" / "yun-ying-bu.yaml.new").is_file()
    (tmp_path / "org" / "work.yaml").write_text(
        "- {kind: Position, id: streamer, name: 主播, team: yun-ying-bu, "
        "holders: [heli, qianyu]}\n", "utf-8")
    run = run_cli("check", "org", "--isolated", "--no-cache", "--format", "json", "--lang",
                  "en", cwd=tmp_path)
    found = [f for f in json.loads(run.stdout)["findings"] if f["code"] in ("IN018", "RF001")]
    assert [(f["code"], Path(f["file"]).name) for f in found] == [
        ("IN018", "yun-ying-bu.yaml.new")]
    assert found[0]["hint"].startswith("1 reference elsewhere names an id only this file "
                                       "defines (qianyu)")


TODAY = dt.date(2026, 11, 30)


def _findings(findings: list[Finding]) -> list[tuple[object, ...]]:
    return [(f.code, f.location, f.message, f.entity, f.related, f.hint, f.fingerprint,
             f.severity) for f in findings]


@pytest.mark.parametrize("warm", ["1", "0"])
def test_the_cache_follows_the_pending_file(write_org, tmp_path: Path, warm: str,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The `.new` appears, loses the hire (its name and IN018 the same: only its bytes
    differ), gains it back, goes: each run through the cache equals a fresh one."""
    monkeypatch.setenv("ORGSPEC_WARM_PATCH", warm)
    folder = org(write_org, None)
    pending = folder / "ops.yaml.new"
    cache = Cache(str(tmp_path / "cache"))
    codes = []
    for text in (None, NEW, NEW.replace("qian", "sun"), NEW, None):
        if text is None:
            pending.unlink(missing_ok=True)
        else:
            pending.write_text(text, "utf-8")
        expected = _findings(lint_org([str(folder)], Config(), TODAY)[0].findings)
        got = check_cached([str(folder)], Config(), cache, TODAY)
        assert _findings(got.findings) == expected
        assert _findings(lint_org([str(folder)], Config(), TODAY, cache=cache)[0].findings) \
            == expected
        again = check_cached([str(folder)], Config(), cache, TODAY)  # a whole-result hit
        assert _findings(again.findings) == expected
        codes.append([f[0] for f in expected])
    assert codes == [["RF001"] * 2, ["IN018", "RF001"], ["IN018", *["RF001"] * 2],
                     ["IN018", "RF001"], ["RF001"] * 2]
