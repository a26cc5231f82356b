"""Adopting orgspec: `init`, the importers (Backstage, roster, CODEOWNERS), the spreadsheet
export, and the round trip import -> check -> export -> re-import."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, FIXTURES

from orgspec.adopt.export import tables
from orgspec.adopt.slug import IdMap, slugify
from orgspec.cli import main
from orgspec.engine.lint import lint, load_org
from orgspec.load.config import Config

ADOPT = FIXTURES / "adopt"
BACKSTAGE = sorted(str(p) for p in (ADOPT / "backstage").glob("*.yaml"))
ROSTER = str(ADOPT / "roster" / "roster-200.csv")


def cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def errors(folder: Path) -> list[str]:
    result = lint([str(folder)], Config())
    return [f"{f.location.short()}: {f.code} {f.message}" for f in result.findings
            if f.severity.label == "error"]


# --- ids -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "slug"), [
    ("team-a", "team-a"),
    ("Team_B", "team_b"),
    ("breanna.davison", "breanna-davison"),
    ("Zoë Müller", "zoe-muller"),
    ("Customer Service", "customer-service"),
    ("客服部", "ke-fu-bu"),
    ("倉儲部", "cang-chu-bu"),  # Traditional reads as Simplified does
    ("客服部 CS", "ke-fu-bu-cs"),
    ("运营部-华东", "yun-ying-bu-hua-dong"),
    ("重庆分公司", "chong-qing-fen-gong-si"),  # phrase-aware: 重庆 is chóng
    ("绿色小组", "lv-se-xiao-zu"),  # ü as an IME types it
    ("張偉", "zhang-wei"),
    ("Отдел", "team-{hash}"),
    ("カスタマー", "team-{hash}"),
])
def test_slugs_are_deterministic_and_chinese_reads_as_pinyin(text: str, slug: str) -> None:
    import hashlib

    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    assert slugify(text, "team") == slug.format(hash=digest)


def test_two_names_of_one_reading_get_a_suffix_and_earlier_hashed_ids_stay() -> None:
    ids = IdMap()
    assert [ids.get("person", k) for k in ("张伟", "章伟", "張偉")] == \
        ["zhang-wei", "zhang-wei-2", "zhang-wei-3"]
    # an import made when Chinese names got a hash keeps its ids: never renamed silently
    again = IdMap({"team": {"客服部": "team-1ad87fa6"}})
    assert [again.get("team", k) for k in ("客服部", "运营部")] == ["team-1ad87fa6", "yun-ying-bu"]


def test_id_map_reuses_earlier_ids_and_resolves_clashes() -> None:
    first = IdMap()
    assert [first.get("team", k) for k in ("A", "a", "A!")] == ["a", "a-2", "a-3"]
    again = IdMap(first.mapped())
    # The same keys in another order keep their ids; a new key never takes a reserved one.
    assert [again.get("team", k) for k in ("A!", "a", "A", "a!")] == ["a-3", "a-2", "a", "a-4"]


# --- init ------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "zh", "zh-Hant"])
def test_init_writes_a_repository_that_passes_check(tmp_path: Path, lang: str) -> None:
    code, _out, _ = cli("init", str(tmp_path / "repo"), "--lang", lang)
    assert code == 0
    repo = tmp_path / "repo"
    assert sorted(snapshot(repo)) == [".github/workflows/orgspec.yml", ".gitignore",
                                      ".orgspec.yaml", ".pre-commit-config.yaml",
                                      "org/org.yaml"]
    assert "repo: https://github.com/orgspec/orgspec" in \
        (repo / ".pre-commit-config.yaml").read_text("utf-8")
    result = lint([str(repo / "org")], Config())
    assert [f.code for f in result.findings] == []
    kinds = {kind for kind, _ in load_org([str(repo / "org")]).org.entities()}
    assert kinds == {"Team", "Person", "Responsibility", "Objective", "Process"}
    text = (repo / "org" / "org.yaml").read_text("utf-8")
    assert ("客服部" in text) == lang.startswith("zh")
    assert text.count("\n# ") >= 5  # every example is explained
    # Traditional: comments in Taiwan-style prose, the example's own words by script only
    assert ("團隊" in text and "陳靜" in text and "小時" in text) == (lang == "zh-Hant")
    config = (repo / ".orgspec.yaml").read_text("utf-8")
    assert f"lang: {lang} " in config and "zh | zh-Hant | en" in config


def test_init_pins_what_exists_the_way_the_readme_does(tmp_path: Path) -> None:
    # There is no release tag: init must not write `rev: v0.1.0` / `@v0.1.0`, which fail.
    import re

    import yaml
    assert cli("init", str(tmp_path / "repo"))[0] == 0
    hook = yaml.safe_load((tmp_path / "repo" / ".pre-commit-config.yaml").read_text("utf-8"))
    workflow = (tmp_path / "repo" / ".github/workflows/orgspec.yml").read_text("utf-8")
    readme = (Path(__file__).parent.parent / "README.md").read_text("utf-8")
    assert hook["repos"][0]["rev"] == "main"
    assert re.findall(r"uses: orgspec/orgspec@(\S+)", workflow) == ["main"]
    assert "    rev: main" in readme and "uses: orgspec/orgspec@main" in readme
    assert "pre-commit autoupdate --bleeding-edge --freeze" in \
        (tmp_path / "repo" / ".pre-commit-config.yaml").read_text("utf-8")
    assert "autoupdate --bleeding-edge" in readme.replace("\n", " ")


@pytest.mark.parametrize("lang", ["en", "zh", "zh-Hant"])
def test_init_workflow_compares_a_pull_request_with_its_base_as_the_readme_does(
        tmp_path: Path, lang: str) -> None:
    # without the base branch and `diff:`, a renamed team fails a pull request with bare
    # RF001s and the comment has no org diff (trial 5)
    import re

    import yaml
    assert cli("init", str(tmp_path / "repo"), "--lang", lang)[0] == 0
    steps = yaml.safe_load((tmp_path / "repo" / ".github/workflows/orgspec.yml")
                           .read_text("utf-8"))["jobs"]["check"]["steps"]
    readme = (Path(__file__).parent.parent / "README.md").read_text("utf-8")
    assert steps[0] == {"uses": "actions/checkout@v4", "with": {"fetch-depth": 0}}
    said = re.search(r"\n +diff: (\$\{\{.*\}\})\n", readme)
    assert said is not None and steps[-1]["with"]["diff"] == said[1]


def test_init_refuses_to_overwrite(tmp_path: Path) -> None:
    (tmp_path / ".orgspec.yaml").write_text("root: mine\n", "utf-8")
    code, _, err = cli("init", str(tmp_path))
    assert code == 2
    assert f"orgspec: error: {tmp_path / '.orgspec.yaml'} exists" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == [".orgspec.yaml"]  # nothing written
    assert (tmp_path / ".orgspec.yaml").read_text("utf-8") == "root: mine\n"


# --- Backstage -------------------------------------------------------------------------------

def test_backstage_catalog_becomes_teams_people_and_duties(tmp_path: Path) -> None:
    out = tmp_path / "org"
    code, stdout, _ = cli("import", "backstage", *BACKSTAGE, "-o", str(out))
    assert code == 0
    assert "imported 8 teams, 6 people and 6 duties" in stdout
    assert errors(out) == []
    org = load_org([str(out)]).org
    assert org.teams["team-a"].parent == "backstage"
    assert org.teams["team-a"].members == ["breanna-davison", "janelle-dawe", "nigel-manning"]
    assert org.teams["team_b"].name == "Team B"
    assert org.teams["team_b"].members == ["nigel-manning"]  # from the user's memberOf
    assert org.teams["cs"].name == "客服部"
    assert org.teams["finance-payments"].parent == "acme-corp"  # group:default/acme-corp
    assert org.teams["finance-payments"].members == ["finance-li-wei"]  # namespace kept
    assert org.teams["boxoffice"].parent == "infrastructure"
    assert org.people["chen-jing"].name == "陈静"
    duties = {rid: (r.accountable, r.description) for rid, r in org.responsibilities.items()}
    assert duties == {
        "artist-lookup": (["team-a"], "Artist Lookup"),
        "playback-order": (["team_b"], "Build and run the component playback-order"),
        "searcher": (["guest"], "Build and run the component searcher"),
        "api-searcher": (["boxoffice"], "The search API"),
        "complaint-desk": (["cs"], "客诉工单系统"),
        "system-finance-ledger": (["finance-payments"],
                                  "Build and run the system finance/ledger"),
    }
    assert sorted(p.name for p in out.iterdir()) == [
        ".orgspec-import.json", "acme-corp.yaml", "backstage.yaml", "boxoffice.yaml", "cs.yaml",
        "finance-payments.yaml", "infrastructure.yaml", "team-a.yaml", "team_b.yaml"]


def test_backstage_bad_yaml_is_one_line_with_position(tmp_path: Path) -> None:
    bad = tmp_path / "catalog.yaml"
    bad.write_text("kind: Group\nmetadata: {name: [\n", "utf-8")
    code, _, err = cli("import", "backstage", str(bad), "-o", str(tmp_path / "org"))
    assert code == 2
    assert err.startswith(f"orgspec: error: {bad}:3:1: not valid YAML")
    assert not (tmp_path / "org").exists()


# --- roster ----------------------------------------------------------------------------------

def test_roster_with_chinese_headers_imports_teams_people_and_leads(tmp_path: Path) -> None:
    out = tmp_path / "org"
    code, stdout, _ = cli("import", "roster", ROSTER, "-o", str(out))
    assert code == 0, stdout
    assert "已导入 16 个团队、200 位人员和 0 项职责" in stdout  # the names are Chinese
    assert errors(out) == []
    org = load_org([str(out)]).org
    by_name = {t.name: t for t in org.teams.values()}
    tech, orders = by_name["技术中心"], by_name["订单平台组"]
    assert orders.parent == tech.id and tech.parent == by_name["总部"].id
    assert len(orders.members) == 18
    assert org.people[orders.lead or ""].title == "订单平台负责人"  # from 直属上级
    assert all(t.lead for t in org.teams.values())
    assert org.people["e0001"].email == "e0001@example.com"  # 工号 E0001, lowercased
    assert len(org.teams) == 16 and len(org.people) == 200


def test_roster_traditional_headers_column_mapping_and_lead_flag(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text("員工編號;姓名;Abteilung;上級部門;負責人\n"
                      "A1;陳大文;客服部;總部;是\nA2;李小明;客服部;總部;\nA3;王老五;總部;;是\n",
                      "utf-8")
    out = tmp_path / "org"
    code, _, _ = cli("import", "roster", str(roster), "-o", str(out),
                     "--column", "team=abteilung")
    assert code == 0
    org = load_org([str(out)]).org
    cs = next(t for t in org.teams.values() if t.name == "客服部")
    hq = next(t for t in org.teams.values() if t.name == "總部")
    assert (cs.lead, sorted(cs.members), cs.parent) == ("a1", ["a1", "a2"], hq.id)
    assert hq.lead == "a3"


def test_roster_without_team_column_is_a_usage_error(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text("Full Name,Division\nAda,Ops\n", "utf-8")
    code, _, err = cli("import", "roster", str(roster), "-o", str(tmp_path / "org"))
    assert code == 2
    assert err == (f"orgspec: error: {roster}: no team column in the header (Full Name, "
                   "Division); map yours with --column team=HEADER\n")
    code, _, err = cli("import", "roster", str(roster), "-o", str(tmp_path / "org"),
                       "--column", "bogus=Division")
    assert code == 2 and "--column takes FIELD=HEADER with FIELD one of person" in err


def test_roster_gbk_csv_from_a_chinese_excel(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_bytes("姓名,部门\n张伟,技术部\n".encode("gb18030"))
    code, _, _ = cli("import", "roster", str(roster), "-o", str(tmp_path / "org"))
    assert code == 0
    org = load_org([str(tmp_path / "org")]).org
    assert [p.name for p in org.people.values()] == ["张伟"]
    assert [t.name for t in org.teams.values()] == ["技术部"]



@pytest.mark.parametrize("encoding", ["cp950", "big5", "utf-16", "utf-16-le-bom"])
def test_roster_big5_and_utf16_csv_read_as_written(tmp_path: Path, encoding: str) -> None:
    """A Taiwanese Excel saves CSV in Big5 (cp950), its "Unicode text" in UTF-16 with a BOM
    and tabs; both were read as GB18030 mojibake and failed on the header."""
    text = "工號\t姓名\t部門\tE1\t陳大文\t客服部\n".replace("\tE1", "\nE1")
    roster = tmp_path / "roster.csv"
    if encoding == "utf-16-le-bom":
        roster.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    else:
        roster.write_bytes(text.encode(encoding))
    code, _, err = cli("import", "roster", str(roster), "-o", str(tmp_path / "org"))
    assert code == 0, err
    org = load_org([str(tmp_path / "org")]).org
    assert [p.name for p in org.people.values()] == ["陳大文"]
    assert [t.name for t in org.teams.values()] == ["客服部"]


def test_roster_utf8_with_a_broken_byte_stays_utf8(tmp_path: Path) -> None:
    """One bad byte in a UTF-8 roster (with its BOM) spoils that cell, not the whole file
    (it was decoded as GB18030, and the header became mojibake)."""
    roster = tmp_path / "roster.csv"
    roster.write_bytes("\ufeff工号,姓名,部门\nE1,张伟,技术部\nE2,".encode() + b"\xed\xa0\x80"
                       + ",技术部\n".encode())
    code, _, err = cli("import", "roster", str(roster), "-o", str(tmp_path / "org"))
    assert code == 0, err
    org = load_org([str(tmp_path / "org")]).org
    assert sorted(str(p.name) for p in org.people.values()) == ["张伟", "\ufffd\ufffd\ufffd"]
    assert [t.name for t in org.teams.values()] == ["技术部"]


def test_roster_cell_over_the_csv_limit_is_one_error_line(tmp_path: Path) -> None:
    """A 200,000-character cell went past the csv module's field limit: an internal error."""
    roster = tmp_path / "roster.csv"
    roster.write_text("姓名,部门\n张伟,技术部\n" + "x" * 200_000 + ",技术部\n", "utf-8")
    code, out, err = cli("import", "roster", str(roster), "-o", str(tmp_path / "org"))
    assert (code, out) == (2, "")
    assert err == (f"orgspec: error: {roster}:3: not a readable CSV file (field larger than "
                   "field limit (131072))\n")
    assert not (tmp_path / "org").exists()

# --- CODEOWNERS ------------------------------------------------------------------------------

def test_codeowners_patterns_become_duties(tmp_path: Path) -> None:
    owners = tmp_path / "CODEOWNERS"
    owners.write_text("# owners\n*  @acme/platform\n/docs/ @acme/docs @acme/platform @ada\n"
                      "*.js @grace dev@example.com\n/vendor/\n"
                      "/docs/ @acme/docs @ada  # later line wins\n", "utf-8")
    out = tmp_path / "org"
    code, stdout, _ = cli("import", "codeowners", str(owners), "-o", str(out))
    assert code == 0, stdout
    assert errors(out) == []
    org = load_org([str(out)]).org
    duties = {r.name: (r.accountable, r.responsible) for r in org.responsibilities.values()}
    assert duties == {
        "Code owners of *": (["platform"], []),
        "Code owners of *.js": (["grace"], ["dev"]),
        "Code owners of /docs/": (["docs"], ["ada"]),
    }
    assert org.teams["platform"].name == "@acme/platform"
    assert org.people["dev"].email == "dev@example.com"
    assert sorted(org.responsibilities) == ["all-files", "docs", "js"]


# --- re-import: idempotent, hand edits kept ------------------------------------------------------

def test_reimport_changes_nothing_and_never_overwrites_hand_edits(tmp_path: Path) -> None:
    out = tmp_path / "org"
    cli("import", "backstage", *BACKSTAGE, "-o", str(out))
    before = snapshot(out)
    code, stdout, _ = cli("import", "backstage", *BACKSTAGE, "-o", str(out))
    assert (code, snapshot(out)) == (0, before)
    assert "0 written, 8 unchanged" in stdout
    edited = (out / "cs.yaml").read_text("utf-8").replace("客服部", "客户服务部")
    (out / "cs.yaml").write_text(edited, "utf-8")
    catalog = tmp_path / "catalog"
    shutil.copytree(ADOPT / "backstage", catalog)
    org_yaml = catalog / "org.yaml"
    org_yaml.write_text(org_yaml.read_text("utf-8").replace("description: 客户服务",
                                                            "description: 客户服务中心"), "utf-8")
    code, _, err = cli("import", "backstage", *sorted(map(str, catalog.glob("*.yaml"))),
                       "-o", str(out))
    assert code == 0
    assert "kept your edits in cs.yaml; the new import is in cs.yaml.new" in err
    assert (out / "cs.yaml").read_text("utf-8") == edited
    assert "客户服务中心" in (out / "cs.yaml.new").read_text("utf-8")
    # the .new file is not an org file (no duplicate ids): only the pending merge is said
    assert [e.split(": ", 1)[1].split()[0] for e in errors(out)] == ["IN018"]


def _pending_cs(tmp_path: Path) -> tuple[Path, list[str]]:
    """An import whose cs.yaml the user edited and a re-import left cs.yaml.new beside;
    the second catalog's files."""
    out = tmp_path / "org"
    cli("import", "backstage", *BACKSTAGE, "-o", str(out))
    cs = out / "cs.yaml"
    cs.write_text(cs.read_text("utf-8").replace("客服部", "客户服务部"), "utf-8")
    catalog = tmp_path / "catalog"
    shutil.copytree(ADOPT / "backstage", catalog)
    org_yaml = catalog / "org.yaml"
    org_yaml.write_text(org_yaml.read_text("utf-8").replace("description: 客户服务",
                                                            "description: 客户服务中心"), "utf-8")
    changed = sorted(map(str, catalog.glob("*.yaml")))
    cli("import", "backstage", *changed, "-o", str(out))
    assert (out / "cs.yaml.new").is_file()
    return out, changed


def test_a_pending_file_the_user_merged_by_copying_is_removed_and_said(tmp_path: Path) -> None:
    out, changed = _pending_cs(tmp_path)
    shutil.copyfile(out / "cs.yaml.new", out / "cs.yaml")  # merged: copied, not moved
    code, _, err = cli("import", "backstage", *changed, "-o", str(out))
    assert code == 0
    assert not (out / "cs.yaml.new").exists()
    assert "removed cs.yaml.new, which an earlier import left: cs.yaml now holds the same" in err
    assert "waiting for you to merge" not in err
    assert "IN018" not in [f.code for f in lint([str(out)], Config()).findings]


def test_a_pending_file_a_later_import_superseded_is_kept_and_said(tmp_path: Path) -> None:
    out, _ = _pending_cs(tmp_path)
    pending = (out / "cs.yaml.new").read_bytes()
    code, _, err = cli("import", "backstage", *BACKSTAGE, "-o", str(out), "--force")
    assert code == 0
    assert (out / "cs.yaml.new").read_bytes() == pending  # not identical to cs.yaml: kept
    assert "cs.yaml.new is from an earlier import, and cs.yaml now holds this one's: compare " \
        "them, then delete cs.yaml.new" in err
    assert "waiting for you to merge" not in err


def test_a_pending_file_the_user_edited_is_never_removed(tmp_path: Path) -> None:
    out, changed = _pending_cs(tmp_path)
    mine = (out / "cs.yaml.new").read_text("utf-8") + "# reviewed\n"
    (out / "cs.yaml.new").write_text(mine, "utf-8")
    (out / "cs.yaml").write_text(mine, "utf-8")
    code, _, err = cli("import", "backstage", *changed, "-o", str(out))
    assert code == 0
    assert (out / "cs.yaml.new").read_text("utf-8") == mine
    assert "cs.yaml.new is from an earlier import" in err


def test_reimport_removes_a_team_gone_from_the_source_unless_edited(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text("name,team\nAda,ops\nGrace,dev\nLinus,qa\n", "utf-8")
    out = tmp_path / "org"
    cli("import", "roster", str(roster), "-o", str(out))
    (out / "qa.yaml").write_text((out / "qa.yaml").read_text("utf-8") + "# mine\n", "utf-8")
    roster.write_text("name,team\nAda,ops\n", "utf-8")
    code, stdout, err = cli("import", "roster", str(roster), "-o", str(out))
    assert code == 0
    assert sorted(p.name for p in out.glob("*.yaml")) == ["ops.yaml", "qa.yaml"]
    assert "qa.yaml is no longer in the source but was edited; kept" in err
    assert "1 removed" in stdout


@pytest.mark.parametrize("name", ["{victim}", "../victim.txt", "sub/../../victim.txt", ".."])
@pytest.mark.parametrize("force", [True, False])
def test_a_hostile_manifest_never_deletes_outside_the_folder(tmp_path: Path, name: str,
                                                               force: bool) -> None:
    import hashlib
    import json
    victim = tmp_path / "victim.txt"
    victim.write_text("x", "utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "sub").mkdir()
    name = name.replace("{victim}", str(victim))
    sha = hashlib.sha256(b"x").hexdigest()
    (out / ".orgspec-import.json").write_text(json.dumps(
        {"source": "backstage", "files": {name: sha}, "ids": {}}), "utf-8")
    code, _, err = cli("import", "backstage", *BACKSTAGE, "-o", str(out),
                       *(["--force"] if force else []))
    assert victim.read_text("utf-8") == "x"
    assert code == 2
    assert err.count("\n") == 1 and "not a file name in this folder" in err


def test_reimport_never_deletes_through_a_symlink(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text("name,team\nAda,ops\nGrace,dev\n", "utf-8")
    out = tmp_path / "org"
    cli("import", "roster", str(roster), "-o", str(out))
    victim = tmp_path / "victim.yaml"
    victim.write_bytes((out / "dev.yaml").read_bytes())  # same bytes: the digest matches
    (out / "dev.yaml").unlink()
    (out / "dev.yaml").symlink_to(victim)
    roster.write_text("name,team\nAda,ops\n", "utf-8")
    code, _, _ = cli("import", "roster", str(roster), "-o", str(out), "--force")
    assert code == 0
    assert victim.exists() and (out / "dev.yaml").is_symlink()


# --- export ----------------------------------------------------------------------------------

def test_xlsx_export_opened_with_openpyxl(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book_path = tmp_path / "org.xlsx"
    code, _, _ = cli("export", str(EXAMPLES / "ecommerce"),
                     "--format", "xlsx", "-o", str(book_path), "--isolated")
    assert code == 0
    book = openpyxl.load_workbook(book_path)
    assert book.sheetnames == ["RACI 矩阵", "人员名录", "关键结果"]
    people = book["人员名录"]
    assert [c.value for c in people[1]] == ["姓名", "部门", "职位", "直属上级", "邮箱", "上级部门",
                                            "负责人", "orgspec 人员编号", "orgspec 部门编号",
                                            "orgspec 上级部门编号"]
    assert people.freeze_panes == "A2"
    assert people.auto_filter.ref == people.dimensions
    assert people[1][0].font.b
    rows = {r[7]: r for r in people.iter_rows(min_row=2, values_only=True)}
    # no `manager:` in the example: none written, not the parent team's lead in its place
    assert rows["li-na"] == ("李娜", "订单平台团队", "订单平台负责人", None, None, "技术团队",
                             "是", "li-na", "order-platform", "tech")
    assert people.column_dimensions["B"].width >= 8
    raci = book["RACI 矩阵"]
    header = [c.value for c in raci[1]]
    assert header[:2] == ["职责编号", "职责"]
    feedback = next(r for r in raci.iter_rows(min_row=2, values_only=True)
                    if r[0] == "user-feedback")
    assert feedback[header.index("客服团队")] == "A"
    krs = book["关键结果"]
    assert krs.max_row > 1 and krs[1][0].value == "目标编号"


def test_xlsx_is_dated_by_source_date_epoch(tmp_path: Path, monkeypatch) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    import zipfile

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01 00:00 UTC
    paths = [tmp_path / "a.xlsx", tmp_path / "b.xlsx"]
    for path in paths:
        assert cli("export", str(EXAMPLES / "ecommerce"), "--format", "xlsx", "-o", str(path),
                   "--isolated")[0] == 0
    with zipfile.ZipFile(paths[0]) as archive:
        assert {i.date_time for i in archive.infolist()} == {(2026, 1, 1, 0, 0, 0)}
    props = openpyxl.load_workbook(paths[0]).properties
    assert props.created == props.modified == dt.datetime(2026, 1, 1)
    assert paths[0].read_bytes() == paths[1].read_bytes()



@pytest.mark.parametrize("epoch", ["253402300799", "253402300800", "99999999999999999999"])
def test_source_date_epoch_past_what_a_date_holds(tmp_path: Path, monkeypatch,
                                                  epoch: str) -> None:
    """SOURCE_DATE_EPOCH in year 9999 overflowed the zip's 7-bit year (struct.error); past
    it, datetime raised (ValueError, OverflowError): internal errors of `export` and of
    the HTML report. A date zip cannot hold is its last one; one no date holds is ignored,
    as a malformed one is."""
    openpyxl = pytest.importorskip("openpyxl")
    import zipfile

    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    book = tmp_path / "a.xlsx"
    assert cli("export", str(EXAMPLES / "minimal"), "--format", "xlsx", "-o", str(book),
               "--isolated")[0] == 0
    with zipfile.ZipFile(book) as archive:
        assert {i.date_time[0] for i in archive.infolist()} <= {2107, dt.date.today().year}
    assert openpyxl.load_workbook(book).sheetnames == ["RACI", "People", "Key results"]
    code, _, err = cli("report", str(EXAMPLES / "minimal"), "--format", "html", "-o",
                       str(tmp_path / "r.html"), "--isolated")
    assert (code, err) == (0, f"wrote {tmp_path / 'r.html'}\n")  # and no warning

def test_xlsx_cells_are_text_never_formulas(tmp_path: Path, write_org) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    folder = write_org({"org.yaml": "- {kind: Person, id: eve, name: '=HYPERLINK(\"x\")'}\n"})
    cli("export", str(folder), "--format", "xlsx", "-o", str(tmp_path / "o.xlsx"), "--isolated")
    cell = openpyxl.load_workbook(tmp_path / "o.xlsx")["People"]["A2"]  # the name
    assert (cell.value, cell.data_type) == ('=HYPERLINK("x")', "s")
    code, _, _ = cli("export", str(folder), "--format", "csv", "-o", str(tmp_path / "c"),
                     "--isolated")
    assert code == 0
    text = (tmp_path / "c" / "people.csv").read_text("utf-8-sig")
    assert "'=HYPERLINK" in text



def test_xlsx_cells_hold_no_character_xml_cannot(tmp_path: Path, write_org) -> None:
    """A name with an escaped "\\uFFFE" (a finding, IN003, but still read) made openpyxl
    raise ValueError at save: an internal error. It is U+FFFD in the workbook."""
    openpyxl = pytest.importorskip("openpyxl")
    folder = write_org({"org.yaml": '- {kind: Person, id: eve, name: "a\\uFFFEb\\uFFFF\\x01"}\n'})
    code, _, err = cli("export", str(folder), "--format", "xlsx", "-o", str(tmp_path / "o.xlsx"),
                       "--isolated")
    assert code == 0 and "internal error" not in err, err
    cell = openpyxl.load_workbook(tmp_path / "o.xlsx")["People"]["A2"]  # the name
    assert cell.value == "a\ufffdb\ufffd\ufffd"

def test_csv_export_opened_with_the_csv_module(tmp_path: Path) -> None:
    out = tmp_path / "csv"
    code, _stdout, _ = cli("export", str(EXAMPLES / "ecommerce"),
                          "--format", "csv", "-o", str(out), "--lang", "en", "--isolated")
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == ["key-results.csv", "people.csv", "raci.csv"]
    raw = (out / "people.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for UTF-8
    with open(out / "people.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    li = next(r for r in rows if r["orgspec person id"] == "li-na")
    assert (li["name"], li["orgspec team id"], li["lead"]) == ("李娜", "order-platform", "yes")
    with open(out / "raci.csv", encoding="utf-8-sig", newline="") as handle:
        raci = list(csv.reader(handle))
    assert raci[0][:2] == ["duty_id", "duty"]
    assert len(raci) == 1 + len(load_org([str(EXAMPLES /
                                             "ecommerce")]).org.responsibilities)


# --- round trips -----------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_roster_round_trip_import_check_export_reimport(tmp_path: Path, fmt: str) -> None:
    if fmt == "xlsx":
        pytest.importorskip("openpyxl")
    out = tmp_path / "org"
    cli("import", "roster", ROSTER, "-o", str(out))
    assert errors(out) == []
    before = snapshot(out)
    dest = tmp_path / ("export.xlsx" if fmt == "xlsx" else "export")
    code, _, _ = cli("export", str(out), "--format", fmt, "-o", str(dest), "--isolated")
    assert code == 0
    source = dest if fmt == "xlsx" else dest / "people.csv"
    code, stdout, _ = cli("import", "roster", str(source), "-o", str(out))
    assert code == 0
    assert "写入 0 个，未变 16 个" in stdout  # Chinese names: the summary is said in Chinese
    assert snapshot(out) == before


def test_backstage_round_trip_import_check_export_reimport(tmp_path: Path) -> None:
    out = tmp_path / "org"
    cli("import", "backstage", *BACKSTAGE, "-o", str(out))
    assert errors(out) == []
    before = snapshot(out)
    org = load_org([str(out)]).org
    raci = {t.name: t for t in tables(org)}["raci"]
    assert len(raci.rows) == 6
    code, _, _ = cli("export", str(out), "--format", "csv", "-o", str(tmp_path / "x"),
                     "--isolated")
    assert code == 0
    code, _, _ = cli("import", "backstage", *BACKSTAGE, "-o", str(out))
    assert code == 0
    assert snapshot(out) == before


def test_roster_values_that_look_like_yaml_stay_text(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    names = ["null", "yes", "0123", "- x", "a: b", "#x", "'quoted'", "多行\n姓名", "*ref"]
    with open(roster, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["person", "name", "team"])
        writer.writerows([[f"p{i}", name, "ops"] for i, name in enumerate(names)])
    out = tmp_path / "org"
    assert cli("import", "roster", str(roster), "-o", str(out))[0] == 0
    assert errors(out) == []
    org = load_org([str(out)]).org
    assert [org.people[f"p{i}"].name for i in range(len(names))] == names


def test_roster_xlsx_reads_like_the_csv(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    with open(ROSTER, encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    book = openpyxl.Workbook()
    book.active.title = "说明"  # a first sheet that is not the roster
    book.active.append(["本表由人力资源部维护"])
    sheet = book.create_sheet("花名册")
    sheet.append(["", ""])  # a blank row above the header
    for row in table:
        sheet.append(row)
    book.save(tmp_path / "roster.xlsx")
    cli("import", "roster", ROSTER, "-o", str(tmp_path / "from-csv"))
    code, _, _ = cli("import", "roster", str(tmp_path / "roster.xlsx"), "-o",
                     str(tmp_path / "from-xlsx"))
    assert code == 0
    assert snapshot(tmp_path / "from-xlsx") == snapshot(tmp_path / "from-csv")
    code, _, err = cli("import", "roster", str(tmp_path / "roster.xlsx"), "-o",
                       str(tmp_path / "x"), "--sheet", "Sheet9")
    assert code == 2 and "no sheet 'Sheet9' (sheets: 说明, 花名册)" in err



def test_roster_xlsx_is_read_to_its_values_not_its_declared_size(tmp_path: Path) -> None:
    """A sheet declaring A1:XFD1048576 (a stray cell in the far corner, as a formatted
    whole column leaves) was padded by openpyxl to 16,384 columns a row: an 8 KB workbook
    took minutes and gigabytes. Rows are read to their last value; a row's row number
    stays its line."""
    import re
    import zipfile

    openpyxl = pytest.importorskip("openpyxl")
    from orgspec.adopt.roster import _xlsx

    book = openpyxl.Workbook()
    book.active.append(["工号", "姓名", "部门"])
    book.active.append(["E1", "张三", "客服部"])
    book.active["A5"] = "E2"
    book.active["B5"] = "李四"
    book.active["C5"] = "客服部"
    book.save(tmp_path / "plain.xlsx")
    with zipfile.ZipFile(tmp_path / "plain.xlsx") as src, \
            zipfile.ZipFile(tmp_path / "roster.xlsx", "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD9"/>', data)
            dst.writestr(item, data)

    assert _xlsx(str(tmp_path / "roster.xlsx"), None) == [("Sheet", [
        ["工号", "姓名", "部门"], ["E1", "张三", "客服部"], [], [], ["E2", "李四", "客服部"]])]
    code, out, err = cli("import", "roster", str(tmp_path / "roster.xlsx"), "-o",
                         str(tmp_path / "org"), "--lang", "en")
    assert (code, err) == (0, "note: no row flags a lead or names a manager, so no team has a "
                           "lead (teams: 1): flag each team's lead in a lead column (Lead: yes) "
                           "or set `lead:` in the team's file\n"), err
    assert out.startswith("imported 1 teams, 2 people")

def test_export_of_a_broken_org_says_what_is_missing(tmp_path: Path, write_org) -> None:
    folder = write_org({"org.yaml": "- {kind: Person, id: ada, name: Ada}\n"
                                    "- {kind: Person, id: Bad Id}\n"})
    code, _, err = cli("export", str(folder), "--format", "csv", "-o", str(tmp_path / "c"),
                       "--isolated", "--lang", "en")
    assert code == 0
    assert err == ("note: 1 input or schema problems; what failed to load is not in the export "
                   "(`orgspec check` shows them)\n")
    with open(tmp_path / "c" / "people.csv", encoding="utf-8-sig", newline="") as handle:
        assert [r["orgspec person id"] for r in csv.DictReader(handle)] == ["ada"]


def test_backstage_odd_documents_are_skipped_or_noted(tmp_path: Path) -> None:
    catalog = tmp_path / "catalog.yaml"
    catalog.write_text("just a string\n---\n[1, 2]\n---\nkind: Group\nmetadata: {}\n---\n"
                       "kind: Template\nmetadata: {name: scaffold}\n---\n"
                       "kind: Component\nmetadata: {name: orphan}\nspec: {}\n---\n"
                       "kind: Component\nmetadata: {name: ghost-owned}\n"
                       "spec: {owner: group:ghosts}\n", "utf-8")
    out = tmp_path / "org"
    code, _, err = cli("import", "backstage", str(catalog), "-o", str(out))
    assert code == 0
    assert err.splitlines() == [
        "note: catalog.yaml document 4: kind template is not imported",
        "note: catalog.yaml document 5: component orphan has no spec.owner",
        "note: group ghosts is not in the catalog; added as a team",
    ]
    assert errors(out) == []
    org = load_org([str(out)]).org
    assert org.responsibilities["ghost-owned"].accountable == ["ghosts"]
    assert org.responsibilities["orphan"].accountable == []


def test_roster_values_the_format_rejects_are_fitted_with_a_note(tmp_path: Path) -> None:
    """Found by the importer fuzzer's first try: an import wrote a 300-character name
    that `check` then rejected (SC003). Names are cut to 200 characters, descriptions to
    10,000, control and invisible characters removed, a bad email left out; each a note."""
    roster = tmp_path / "roster.csv"
    roster.write_text("person,name,team,email,title\n"
                      f"p1,{'x' * 300},ops,bad@@x,{'经理' * 101}\n"
                      "p2,\u202eevil,ops,a@b.c,x\np3,ok\x07bell,ops,,\n", "utf-8")
    out = tmp_path / "org"
    code, _, err = cli("import", "roster", str(roster), "-o", str(out))
    assert code == 0
    assert err.splitlines() == [
        "note: no row flags a lead or names a manager, so no team has a lead (teams: 1): flag "
        "each team's lead in a lead column (Lead: yes) or set `lead:` in the team's file",
        "note: person p1: name longer than 200 characters (cut)",
        "note: person p1: title longer than 200 characters (cut)",
        "note: person p1: email 'bad@@x' is not an email address (left out)",
        "note: person p2: name had control or invisible characters (removed)",
        "note: person p3: name had control or invisible characters (removed)",
    ]
    assert errors(out) == []
    org = load_org([str(out)]).org
    p1 = org.people["p1"]
    assert (p1.name, p1.title, p1.email) == ("x" * 200, "经理" * 100, None)
    assert [org.people[p].name for p in ("p2", "p3")] == ["evil", "okbell"]


def test_codeowners_repeats_are_dropped_and_long_owner_lists_cut(tmp_path: Path) -> None:
    """Found by probing the importers' fuzz harness: `* @a @a ...` wrote `responsible` with
    1,999 repeats of one person, which `check` rejected (SC003, over 1,000 items)."""
    owners = tmp_path / "CODEOWNERS"
    many = " ".join(f"@p{i}" for i in range(1200))
    owners.write_text("*.js " + "@a " * 2000 + "\n/docs/ @acme/docs " + many + "\n", "utf-8")
    out = tmp_path / "org"
    code, _, err = cli("import", "codeowners", str(owners), "-o", str(out))
    assert code == 0
    assert err.splitlines() == [
        "note: duty docs: responsible has 1200 ids; the first 1000 kept (the format's limit)"]
    assert errors(out) == []
    org = load_org([str(out)]).org
    assert (org.responsibilities["js"].accountable, org.responsibilities["js"].responsible) \
        == (["a"], [])
    assert org.responsibilities["docs"].responsible == [f"p{i}" for i in range(1000)]


def test_an_error_quoting_a_header_with_a_newline_stays_one_line(tmp_path: Path) -> None:
    """Found by the fuzzer (import --seed 20261212 --index 97): a header cell `多行⏎姓名`
    split the usage error over two lines."""
    roster = tmp_path / "roster.csv"
    roster.write_text('A4,"多行\n姓名",\u202eX\n1,2,3\n', "utf-8")
    code, _, err = cli("import", "roster", str(roster), "-o", str(tmp_path / "org"))
    assert code == 2
    # said in the header's language (Chinese)
    assert err == (f"orgspec: 错误：{roster}：表头中没有团队列和姓名列（A4、多行⏎姓名、"
                   "\\u202eX）；请用 --column team=表头 --column name=表头 指明\n")


def test_a_roster_without_team_ids_gives_pinyin_team_ids(tmp_path: Path) -> None:
    """Findings and pages name teams by id: `ke-fu-bu`, not `team-1b7c05bf`."""
    roster = tmp_path / "roster.csv"
    roster.write_text("姓名,部门,上级部门,负责人\n王芳,总部,,是\n陈静,客服部,总部,是\n"
                      "林雪,客服部,总部,\n周明,倉儲部,总部,是\n", "utf-8")
    out = tmp_path / "org"
    code, _, err = cli("import", "roster", str(roster), "-o", str(out))
    assert code == 0, err
    org = load_org([str(out)]).org
    assert {t.name: t.id for t in org.teams.values()} == \
        {"总部": "zong-bu", "客服部": "ke-fu-bu", "倉儲部": "cang-chu-bu"}
    assert sorted(org.people) == ["chen-jing", "lin-xue", "wang-fang", "zhou-ming"]
    assert org.teams["ke-fu-bu"].parent == "zong-bu"


def test_a_roster_team_id_close_to_one_of_the_org_in_the_folder_gets_a_did_you_mean(
        tmp_path: Path) -> None:
    """The did-you-mean reads the org already in the output folder (an earlier import's
    teams), not only the roster being imported: `warehose` is new here, `warehouse` is
    there; `wh2` is new, called 仓储部 as `warehouse` is."""
    first, second = tmp_path / "r1.csv", tmp_path / "r2.csv"
    first.write_text("姓名,部门编号,部门,上级部门编号,负责人\n王芳,hq,总部,,是\n"
                     "周明,warehouse,仓储部,hq,是\n", "utf-8")
    second.write_text("姓名,部门编号,部门,上级部门编号,负责人\n王芳,hq,总部,,是\n"
                      "李强,warehose,仓储物流部,hq,\n赵六,wh2,仓储部,hq,\n", "utf-8")
    out = tmp_path / "org"
    assert cli("import", "roster", str(first), "-o", str(out), "--lang", "en")[0] == 0
    code, _, err = cli("import", "roster", str(second), "-o", str(out), "--lang", "en")
    assert code == 0
    notes = [line for line in err.splitlines() if line.startswith("note: ")]
    assert notes == [
        "note: r2.csv:3: team id 'warehose' is not in the org in the output folder: did you "
        "mean 'warehouse'? (a new team 'warehose' is made)",
        "note: r2.csv:4: team id 'wh2' is new, but the org in the output folder has 仓储部 as "
        "'warehouse': did you mean 'warehouse'? (a second team called 仓储部 is made)",
        "note: r2.csv:3: team 仓储物流部 has no lead: no row of it is flagged as lead and no one "
        "in it is named as the others' manager; set `lead:` in warehose.yaml",
        "note: r2.csv:4: team 仓储部 has no lead: no row of it is flagged as lead and no one in "
        "it is named as the others' manager; set `lead:` in wh2.yaml"]
    code, _, err = cli("import", "roster", str(second), "-o", str(tmp_path / "fresh"),
                       "--lang", "zh")
    assert code == 0 and "warehouse" not in err  # an empty folder: nothing to mean


def test_the_did_you_mean_of_an_import_is_said_in_chinese(tmp_path: Path) -> None:
    roster = tmp_path / "r.csv"
    roster.write_text("姓名,部门编号,部门\n王芳,hq,总部\n", "utf-8")
    out = tmp_path / "org"
    assert cli("import", "roster", str(roster), "-o", str(out))[0] == 0
    roster.write_text("姓名,部门编号,部门\n王芳,hqq,总部部\n", "utf-8")
    code, _, err = cli("import", "roster", str(roster), "-o", str(out), "--lang", "zh")
    assert code == 0
    assert ("r.csv:2：输出文件夹里的组织没有团队 id 'hqq'：是不是要写 'hq'？"
            "（会生成新团队 'hqq'）") in err


@pytest.mark.parametrize(("args", "said"), [
    ((), "起始檔案是英文的（init 的預設）：在一個新的空資料夾裡執行 `orgspec init --lang zh-Hant`，"
         "就會用你的語言寫出它們"),
    (("--lang", "zh-Hant"), None), (("--lang", "en"), None)])
def test_init_tells_a_chinese_reader_how_to_get_chinese_starter_files(
        tmp_path: Path, args: tuple[str, ...], said: str | None) -> None:
    # (trial 5: LANG=zh_TW.UTF-8 wrote English files, said in Chinese, with no word why)
    from conftest import run_cli

    env = {"LANG": "zh_TW.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "",
           "ORGSPEC_LANG": ""}
    run = run_cli("init", str(tmp_path / "repo"), *args, env=env)
    assert run.code == 0
    last = run.stderr.splitlines()[-1]
    assert last == said if said else "orgspec check" in last


def test_init_in_a_repository_with_a_config_follows_its_language_and_says_repo_kind(
        tmp_path: Path) -> None:
    """`init . --ci gitlab` beside an org and a `.orgspec.yaml` that says `lang: zh-Hant`
    (trial 17 #7): the GitLab file is written in Traditional Chinese, no note says the
    starter files are in English, and, the config being kept, it is told to add
    `repo-kind: gitlab` (which a config init writes has)."""
    from conftest import run_cli

    (tmp_path / ".orgspec.yaml").write_text("lang: zh-Hant\n", "utf-8")
    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "p.yaml").write_text("- kind: Person\n  id: a\n  name: 甲\n", "utf-8")
    env = {"LANG": "zh_TW.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "",
           "ORGSPEC_LANG": ""}
    run = run_cli("init", ".", "--ci", "gitlab", cwd=tmp_path, env=env)
    assert run.code == 0
    assert "合併請求" in (tmp_path / ".gitlab-ci.yml").read_text("utf-8").splitlines()[0]
    assert (tmp_path / ".orgspec.yaml").read_text("utf-8") == "lang: zh-Hant\n"
    err = run.stderr.splitlines()
    assert ("保留了 ./.orgspec.yaml：請在其中加上 `repo-kind: gitlab`，"
            "手冊網站才會按 GitLab 的方式連結到檔案") in err
    assert err[-1] == "下一步：orgspec check（組織的 YAML 檔案在 org/ 下）"
