"""Rough edges of the command line found in earlier trials (trial 10): `export` and `graph`
wrote outputs the next run read as org files, `graph` had no `--isolated`, `config` left
settings out, an output's OS error was English under --lang zh, and the Backstage importer
ignored ORGSPEC_YAML_PARSER."""

from __future__ import annotations

import dataclasses
import errno
import json
from pathlib import Path

import pytest
import yaml
from conftest import run_cli

from orgspec.i18n import reason, say
from orgspec.load.config import _NOT_SETTINGS, KNOWN_KEYS, Config, _Reader

TEAMS = """\
- kind: Team
  id: company
  name: 公司
  lead: wang
  members: [wang]
- kind: Person
  id: wang
  name: 王芳
"""


@pytest.mark.parametrize("command", [
    ["graph", "-o", "org/graph.yaml"],
    ["graph", "--format", "json", "-o", "org/sub/graph.yml"],
    ["export", "--format", "xlsx", "-o", "org/export.yaml"],
])
def test_export_and_graph_refuse_an_output_the_next_run_would_read(write_org,
                                                                   command: list[str]) -> None:
    folder = write_org({"teams.yaml": TEAMS}).parent
    run = run_cli(*command, "--isolated", cwd=folder, env={"LANG": "C"})
    assert (run.code, run.stdout) == (2, ""), run.stderr
    path = command[-1]
    assert run.stderr == (f"orgspec: error: will not write {path!r}: it lies in the org "
                          "folder, so the next run would read it as an org file; write it "
                          "outside the org, or give it another extension (.json)\n")
    assert sorted(p.name for p in (folder / "org").rglob("*")) == ["teams.yaml"]


def test_export_and_graph_still_write_outside_the_org_and_beside_it(write_org) -> None:
    folder = write_org({"teams.yaml": TEAMS}).parent
    graph = run_cli("graph", "-o", "org/graph.json", "--isolated", cwd=folder)
    assert graph.code == 0, graph.stderr
    assert json.loads((folder / "org" / "graph.json").read_text("utf-8"))
    csv = run_cli("export", "--format", "csv", "-o", "org/tables", "--isolated", "--lang", "en",
                  cwd=folder)  # CSV files are never read as org files
    assert csv.code == 0, csv.stderr
    assert sorted(p.name for p in (folder / "org" / "tables").iterdir()) == [
        "key-results.csv", "people.csv", "raci.csv"]


def test_the_refusal_is_said_in_chinese(write_org) -> None:
    folder = write_org({"teams.yaml": TEAMS}).parent
    run = run_cli("graph", "-o", "org/g.yaml", "--isolated", cwd=folder,
                  env={"LANG": "zh_CN.UTF-8"})
    assert run.code == 2
    assert run.stderr.startswith("orgspec: 错误：不会写入 'org/g.yaml'：它在组织文件夹里")


def test_graph_takes_isolated_as_check_does(write_org) -> None:
    folder = write_org({"teams.yaml": TEAMS}).parent
    (folder / ".orgspec.yaml").write_text("root: elsewhere\n", "utf-8")
    configured = run_cli("graph", cwd=folder, env={"LANG": "C"})
    assert configured.code == 2  # the config's root does not exist
    isolated = run_cli("graph", "org", "--isolated", cwd=folder)
    assert isolated.code == 0, isolated.stderr
    assert {n["id"] for n in json.loads(isolated.stdout)["nodes"]} >= {"team:company"}
    both = run_cli("graph", "--isolated", "--config", ".orgspec.yaml", cwd=folder,
                   env={"LANG": "C"})
    assert both.code == 2
    assert both.stderr == ("orgspec: error: option '--config' cannot be used with "
                           "'--isolated' (see `orgspec graph --help`)\n")


def test_config_shows_every_setting_of_the_config_model(tmp_path: Path) -> None:
    (tmp_path / ".orgspec.yaml").write_text(
        "root: people\nrespect-gitignore: false\ncache-dir: .cache\nmax-files: 1234\n"
        "lang: zh\nrepo-url: https://example.com/org\nbaseline: base.json\n"
        "select: [OW]\nextend-select: [HI]\nignore: [OW005]\n", "utf-8")
    run = run_cli("config", cwd=tmp_path, env={"ORGSPEC_CACHE_DIR": ""})
    assert run.code == 0, run.stderr
    doc = json.loads(run.stdout)
    settings = {f.name.replace("_", "-") for f in dataclasses.fields(Config)
                if f.name not in _NOT_SETTINGS}
    assert settings == set(KNOWN_KEYS)  # the reader knows every setting the model has
    assert all(hasattr(_Reader, "_" + key.replace("-", "_")) for key in KNOWN_KEYS)
    assert settings <= set(doc), sorted(settings - set(doc))
    assert (doc["respect-gitignore"], doc["max-files"], doc["lang"]) == (False, 1234, "zh")
    assert doc["cache-dir"] == str(tmp_path / ".cache")
    assert doc["baseline"] == str(tmp_path / "base.json")
    assert doc["root"] == str(tmp_path / "people")
    assert (doc["select"], doc["extend-select"], doc["ignore"]) == (["OW"], ["HI"], ["OW005"])
    assert doc["repo-url"] == "https://example.com/org"
    assert set(doc["rules"]) and all(code.startswith(("OW", "HI")) for code in doc["rules"])


def test_config_defaults_show_every_setting_too(tmp_path: Path) -> None:
    run = run_cli("config", "--isolated", cwd=tmp_path)
    doc = json.loads(run.stdout)
    assert (doc["source"], doc["respect-gitignore"], doc["baseline"], doc["select"]) == \
        (None, True, None, None)
    assert isinstance(doc["max-files"], int) and doc["cache-dir"]


@pytest.mark.parametrize(("code", "zh"), [
    (errno.EACCES, "没有权限（EACCES）"),
    (errno.ENOENT, "文件或文件夹不存在（ENOENT）"),
    (errno.EISDIR, "这是文件夹，不是文件（EISDIR）"),
    (errno.ENOSPC, "磁盘空间不足（ENOSPC）"),
    (errno.EROFS, "文件系统是只读的（EROFS）"),
    (errno.ENOTDIR, "路径中有一部分不是文件夹（ENOTDIR）"),
])
def test_an_os_reason_is_said_in_chinese_with_its_errno_name(code: int, zh: str) -> None:
    assert say(reason(OSError(code, "Some OS text")), "zh") == zh
    assert say(reason(OSError(code, "Some OS text")), "en").endswith(
        f" ({errno.errorcode[code]})")


def test_an_uncommon_os_reason_keeps_the_os_text_and_its_errno_name() -> None:
    said = say(reason(OSError(errno.EXDEV, "Invalid cross-device link")), "zh")
    assert said == "Invalid cross-device link（EXDEV）"


def test_an_output_that_cannot_be_written_says_why_in_chinese(write_org, monkeypatch) -> None:
    folder = write_org({"teams.yaml": TEAMS}).parent

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", denied)  # `orgspec.output` imports it when writing
    for command in (["check", "-o", "out.txt", "--lang", "zh"], ["graph", "-o", "g.json"],
                    ["report", "-o", "r.md", "--lang", "zh"],
                    ["export", "-o", "x.xlsx", "--lang", "zh"]):
        run = run_cli(*command, "--isolated", cwd=folder)
        assert run.code == 2, command
        assert run.stderr.endswith("：没有权限（EACCES）\n"), (command, run.stderr)
        assert "Permission" not in run.stderr


def test_a_file_in_the_way_of_an_output_folder_is_not_a_folder(write_org) -> None:
    folder = write_org({"teams.yaml": TEAMS}).parent
    (folder / "plain").write_text("x", "utf-8")
    run = run_cli("graph", "-o", "plain/g.json", "--isolated", cwd=folder)
    assert run.code == 2  # said in the org's language, as graph's errors after reading it
    assert run.stderr == ("orgspec: 错误：无法写入 'plain/g.json'：路径中有一部分不是文件夹"
                          "（ENOTDIR）\n")
    english = run_cli("export", "-o", "plain/x.xlsx", "--isolated", "--lang", "en", cwd=folder)
    assert english.stderr == ("orgspec: error: cannot write 'plain/x.xlsx': a part of the path "
                              "is not a folder (ENOTDIR)\n")


BACKSTAGE = """\
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: {name: platform}
spec: {type: team, children: []}
"""


def test_the_backstage_importer_uses_the_parser_the_loader_uses(tmp_path: Path,
                                                                monkeypatch) -> None:
    from orgspec.adopt.backstage import read_catalog

    catalog = tmp_path / "catalog-info.yaml"
    catalog.write_text(BACKSTAGE, "utf-8")

    class Refused(yaml.SafeLoader):
        def __init__(self, stream: object) -> None:
            raise AssertionError("the C parser was used")

    monkeypatch.setattr(yaml, "CSafeLoader", Refused, raising=False)
    monkeypatch.setenv("ORGSPEC_YAML_PARSER", "pure")
    assert [e.ref.name for e in read_catalog([str(catalog)])] == ["platform"]


def test_the_backstage_importer_refuses_an_unknown_parser(tmp_path: Path) -> None:
    catalog = tmp_path / "catalog-info.yaml"
    catalog.write_text(BACKSTAGE, "utf-8")
    run = run_cli("import", "backstage", str(catalog), "-o", str(tmp_path / "out"),
                  "--lang", "en", env={"ORGSPEC_YAML_PARSER": "PURE"})
    assert run.code == 2
    assert run.stderr == ("orgspec: error: ORGSPEC_YAML_PARSER must be `c` or `pure`, not "
                          "'PURE'\n")
    assert not (tmp_path / "out").exists()
