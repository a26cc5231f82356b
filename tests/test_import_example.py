"""`orgspec import` into a repository `orgspec init` just made (trial 16): init's example
org, untouched, is replaced by the import, never matched against it (its 客服部 is made up);
an example the user edited is theirs and is never changed. Run as the README has a user
work: from a folder outside the repository."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli

ROSTER = """\
工号,姓名,邮箱,职位,部门,上级部门,直属上级
E001,王建国,wjg@shop.cn,总经理,总经办,,
E002,李娜,lina@shop.cn,客服经理,客服部,总经办,E001
E003,张伟,zw@shop.cn,客服专员,客服部,总经办,E002
E004,刘洋,ly@shop.cn,运营经理,运营部,总经办,E001
"""
PEOPLE = ["e001", "e002", "e003", "e004"]


def _start(tmp_path: Path, lang: str = "zh") -> Path:
    assert run_cli("init", "my-org", "--lang", lang, cwd=tmp_path).code == 0
    (tmp_path / "花名册.csv").write_text(ROSTER, "utf-8")
    return tmp_path / "my-org"


def _import(tmp_path: Path, *extra: str) -> tuple[int, str, str]:
    run = run_cli("import", "roster", "花名册.csv", "-o", "my-org/org", *extra, cwd=tmp_path)
    return run.code, run.stdout, run.stderr


def _checked(tmp_path: Path) -> dict[str, object]:
    run = run_cli("check", "my-org/org", "--format", "json", "--isolated", cwd=tmp_path)
    assert run.code in (0, 1), run.stderr
    doc: dict[str, object] = json.loads(run.stdout)
    return doc


def _people_in_org(repo: Path) -> set[str]:
    from orgspec.adopt.importer import existing_org

    org = existing_org(str(repo / "org"))
    assert org is not None
    return set(org.people)


@pytest.mark.parametrize("lang", ["en", "zh", "zh-Hant"])
def test_an_untouched_example_is_replaced_by_the_import(tmp_path: Path, lang: str) -> None:
    repo = _start(tmp_path, lang)
    code, _, err = _import(tmp_path, "--lang", "en")
    assert code == 0, err
    org = repo / "org"
    assert sorted(p.name for p in org.iterdir()) == [
        ".orgspec-import.json", "ke-fu-bu.yaml", "yun-ying-bu.yaml", "zong-jing-ban.yaml"]
    assert ("note: removed my-org/org/org.yaml, the example org `orgspec init` wrote, "
            "unchanged: the imported org takes its place") in err.splitlines()
    assert _people_in_org(repo) == set(PEOPLE)  # no 陈静, and 李娜 and 张伟 are in
    text = (org / "ke-fu-bu.yaml").read_text("utf-8")
    assert "id: ke-fu-bu\n" in text and "customer-service" not in text
    findings = _checked(tmp_path)["findings"]
    assert isinstance(findings, list)
    assert not [f for f in findings if f["code"].startswith(("IN", "RF"))]


def test_the_summary_counts_the_example_as_removed(tmp_path: Path) -> None:
    _start(tmp_path)
    code, out, _ = _import(tmp_path, "--lang", "zh")
    assert code == 0
    assert out.splitlines() == ["已导入 3 个团队、4 位人员和 0 项职责到 my-org/org：写入 3 个，"
                                "未变 0 个，另存于已编辑文件旁 0 个，删除 1 个",
                                "已写入 my-org/org/.orgspec-import.json：请把它和组织文件一起"
                                "提交；重新导入时会读取它记下的已写文件和自动生成的编号"]


def test_a_re_import_after_the_example_was_replaced_changes_nothing(tmp_path: Path) -> None:
    repo = _start(tmp_path)
    assert _import(tmp_path, "--lang", "en")[0] == 0
    before = {p: p.read_bytes() for p in (repo / "org").iterdir()}
    code, _, err = _import(tmp_path, "--lang", "en")
    assert code == 0
    assert {p: p.read_bytes() for p in (repo / "org").iterdir()} == before
    assert "example" not in err


def test_an_edited_example_is_the_user_s_and_never_changed(tmp_path: Path) -> None:
    repo = _start(tmp_path)
    example = repo / "org" / "org.yaml"
    edited = example.read_text("utf-8").replace("一天之内答复每一位顾客", "两小时内答复")
    example.write_text(edited, "utf-8")
    code, _, err = _import(tmp_path, "--lang", "en")
    assert code == 0, err
    assert example.read_text("utf-8") == edited
    assert "removed" not in err
    # its 客服部 is the roster's now: 李娜 and 张伟 wait in org.yaml.new, and check fails
    assert "e003" in (repo / "org" / "org.yaml.new").read_text("utf-8")
    assert "e003" not in _people_in_org(repo)
    run = run_cli("check", "my-org", "--no-cache", cwd=tmp_path)
    assert run.code == 1
    assert run.stdout.startswith("my-org/org/org.yaml.new:1:1: IN018 [错误] ")


def test_the_example_beside_other_files_of_the_user_is_replaced_too(tmp_path: Path) -> None:
    repo = _start(tmp_path)
    mine = repo / "org" / "xin-ren.yaml"
    mine.write_text("- kind: Person\n  id: e003\n  name: 张伟\n", "utf-8")
    code, _, err = _import(tmp_path, "--lang", "en")
    assert code == 0, err
    assert not (repo / "org" / "org.yaml").exists()
    assert mine.read_text("utf-8") == "- kind: Person\n  id: e003\n  name: 张伟\n"
    assert _people_in_org(repo) == set(PEOPLE)
