"""Trial 11 (周晓雯, a Hangzhou livestream shop): re-importing a roster into an org she edited
by hand. A team she renamed (`id: data`, `aliases: [old-id]`) is the roster's department still,
not a new duplicate team; a field the importer does not write (a charter) is kept, and a team
the roster did not change gets no `.new`."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli

ROSTER = """\
姓名,部门,岗位,上级,邮箱
王建国,总经办,总经理,,wangjianguo@xingchen.cn
陈静,运营部,运营总监,王建国,chenjing@xingchen.cn
何丽,运营部,直播运营,陈静,heli@xingchen.cn
董洁,数据分析组,数据分析师,王建国,dongjie@xingchen.cn
萧雨,数据分析组,数据专员,董洁,xiaoyu@xingchen.cn
"""
HIRE = "白露,数据分析组,数据专员,董洁,bailu@xingchen.cn\n"


def _import(folder: Path, text: str = ROSTER) -> tuple[Path, str]:
    (folder / "员工花名册.csv").write_text(text, "utf-8")
    run = run_cli("import", "roster", "员工花名册.csv", "-o", "org", "--lang", "en",
                  cwd=folder)
    assert run.code == 0, run.stderr
    return folder / "org", run.stdout + run.stderr


def _names(org: Path) -> list[str]:
    return sorted(p.name for p in org.iterdir() if not p.name.startswith("."))


def _check(folder: Path) -> list[str]:
    run = run_cli("check", "org", "--lang", "en", "--isolated", "--format", "json",
                  cwd=folder)
    import json

    return sorted(f"{f['code']} {f['file']}" for f in json.loads(run.stdout)["findings"])


def _rename(org: Path, move: bool = True) -> Path:
    """Her edit: the team's id renamed, the old one kept as an alias (as the README says)."""
    old = org / "shu-ju-fen-xi-zu.yaml"
    text = old.read_text("utf-8").replace("  id: shu-ju-fen-xi-zu\n",
                                          "  id: data\n  aliases: [shu-ju-fen-xi-zu]\n", 1)
    new = org / "data.yaml" if move else old
    old.unlink()
    new.write_text(text, "utf-8")
    return new


def test_a_re_import_follows_a_team_renamed_with_an_alias(tmp_path: Path) -> None:
    org, _ = _import(tmp_path)
    data = _rename(org)
    _, said = _import(tmp_path, ROSTER + HIRE)
    assert _names(org) == ["data.yaml", "yun-ying-bu.yaml", "zong-jing-ban.yaml"], said
    text = data.read_text("utf-8")
    assert "  id: data\n  aliases: [shu-ju-fen-xi-zu]\n" in text  # as she wrote it
    assert "- bailu\n" in text  # the new hire lands in her team, not a duplicate
    assert not [f for f in _check(tmp_path) if f.startswith(("RF", "IN018"))]


def test_a_renamed_team_left_in_its_old_file_is_updated_there(tmp_path: Path) -> None:
    org, _ = _import(tmp_path)
    kept = _rename(org, move=False)
    _import(tmp_path, ROSTER + HIRE)
    assert _names(org) == ["shu-ju-fen-xi-zu.yaml", "yun-ying-bu.yaml", "zong-jing-ban.yaml"]
    assert "- bailu\n" in kept.read_text("utf-8")
    assert not [f for f in _check(tmp_path) if f.startswith(("RF", "IN018"))]


def test_a_department_named_like_a_team_of_another_id_is_that_team(tmp_path: Path) -> None:
    """No manifest (the org written by hand): the roster's 数据分析组 is the team of that name."""
    org = tmp_path / "org"
    org.mkdir()
    (org / "data.yaml").write_text("- kind: Team\n  id: data\n  name: 数据分析组\n", "utf-8")
    _import(tmp_path)
    assert "shu-ju-fen-xi-zu.yaml" not in _names(org)
    assert "- xiaoyu\n" in (org / "data.yaml").read_text("utf-8")


CHARTER = "  responsibilities:\n  - id: system-stability\n    description: 直播推流稳定\n"


def _add_charter(org: Path) -> Path:
    ops = org / "yun-ying-bu.yaml"
    ops.write_text(ops.read_text("utf-8").replace("  members:", CHARTER + "  members:", 1),
                   "utf-8")
    return ops


def test_a_team_the_roster_did_not_change_keeps_her_charter_and_gets_no_new(
        tmp_path: Path) -> None:
    org, _ = _import(tmp_path)
    ops = _add_charter(org)
    mine = ops.read_bytes()
    run = run_cli("import", "roster", "员工花名册.csv", "-o", "org", "--lang", "en",
                  cwd=tmp_path)
    assert run.stdout == ("imported 3 teams, 5 people and 0 duties into org: 0 written, 3 "
                          "unchanged, 0 beside edited files, 0 removed\n")
    assert ops.read_bytes() == mine and not list(org.glob("*.new"))


def test_a_new_hire_updates_her_file_keeping_the_charter(tmp_path: Path) -> None:
    org, _ = _import(tmp_path)
    ops = _add_charter(org)
    _, said = _import(tmp_path, ROSTER + "夏雪,运营部,投放专员,陈静,xiaxue@xingchen.cn\n")
    assert "updated yun-ying-bu.yaml, which you edited" in said
    text = ops.read_text("utf-8")
    assert "- xiaxue\n" in text and "description: 直播推流稳定" in text
    assert not list(org.glob("*.new"))


def test_a_new_beside_a_commented_file_keeps_her_charter(tmp_path: Path) -> None:
    """What the note tells her to move over her file never drops a field she added."""
    org, _ = _import(tmp_path)
    ops = _add_charter(org)
    ops.write_text(ops.read_text("utf-8") + "# 何丽 12 月转岗\n", "utf-8")
    _import(tmp_path, ROSTER.replace("何丽,运营部,直播运营,陈静,heli@xingchen.cn\n", ""))
    beside = (org / "yun-ying-bu.yaml.new").read_text("utf-8")
    assert "description: 直播推流稳定" in beside and "heli" not in beside
