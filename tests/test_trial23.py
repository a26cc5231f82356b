"""Trial 23 (a Shenzhen operations lead writing Simplified Chinese; a Taipei customer-service
head writing Traditional Chinese): a config put inside the org folder with the README's
`root: org`, which names `org/org`, gave an English line; the person page listed the manager
but no direct reports; a phone-width site; workflow-command annotations quoting bare ids."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

# the locale says nothing of Chinese: the language comes from the org beside the config
C_LOCALE = {"LANGUAGE": "", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "ORGSPEC_LANG": ""}

TEAM_HANS = """\
- kind: Team
  id: yunying
  name: 运营部
  lead: chen
  members: [chen]
- {kind: Person, id: chen, name: 陈静, title: 运营经理}
"""
TEAM_HANT = TEAM_HANS.replace("运营部", "營運部").replace("陈静", "陳靜") \
    .replace("运营经理", "營運經理")


def _org_with_config(tmp_path: Path, config: str, team: str = TEAM_HANS) -> Path:
    org = tmp_path / "org"
    org.mkdir()
    (org / "team.yaml").write_text(team, encoding="utf-8")
    (org / ".orgspec.yaml").write_text(config, encoding="utf-8")
    return org


@pytest.mark.parametrize(("team", "said"), [
    (TEAM_HANS, "orgspec: 错误：{cfg}:1:1：`root: org` 是相对于配置文件所在文件夹的路径，所以指向 "
                "'{org}/org'，而那里并不存在；这个配置文件就放在组织文件夹里：请写 `root: .`"),
    (TEAM_HANT, "orgspec: 錯誤：{cfg}:1:1：`root: org` 是相對於設定檔所在資料夾的路徑，所以指向 "
                "'{org}/org'，而那裡並不存在；這個設定檔就放在組織資料夾裡：請寫 `root: .`"),
])
def test_root_org_in_a_config_inside_the_org_folder(tmp_path: Path, team: str,
                                                    said: str) -> None:
    org = _org_with_config(tmp_path, "root: org\n", team)
    run = run_cli("check", cwd=org, env=C_LOCALE)
    assert run.code == 2
    cfg = org / ".orgspec.yaml"
    assert run.stderr.strip() == said.format(cfg=cfg, org=org)


def test_the_fix_it_names_checks_the_org(tmp_path: Path) -> None:
    org = _org_with_config(tmp_path, "root: .\n")
    run = run_cli("check", "--format", "json", cwd=org, env=C_LOCALE)
    assert run.code == 0, run.stderr
    assert '"team.yaml"' in run.stdout


def test_an_unset_root_in_there_says_it_is_the_default(tmp_path: Path) -> None:
    org = _org_with_config(tmp_path, "lang: en\n")
    run = run_cli("check", cwd=org, env=C_LOCALE)
    assert run.code == 2
    assert run.stderr.strip() == (
        f"orgspec: error: {org / '.orgspec.yaml'}: `root: org` (the default) is relative to "
        f"the config's folder, so it names '{org}/org', which does not exist; this config sits "
        "in the org folder itself: write `root: .`")


def test_a_root_beside_no_org_files_says_what_to_write(tmp_path: Path) -> None:
    (tmp_path / ".orgspec.yaml").write_text("lang: zh\nroot: teams\n", encoding="utf-8")
    run = run_cli("check", cwd=tmp_path, env=C_LOCALE)
    assert run.code == 2
    assert run.stderr.strip() == (
        f"orgspec: 错误：{tmp_path / '.orgspec.yaml'}:2:1：`root: teams` 是相对于配置文件所在"
        f"文件夹的路径，所以指向 '{tmp_path}/teams'，而那里并不存在：请写出组织文件夹相对于 "
        f"'{tmp_path}' 的路径")


def test_lang_on_the_command_line_wins_over_the_org_beside(tmp_path: Path) -> None:
    org = _org_with_config(tmp_path, "root: org\n")
    run = run_cli("check", "--lang", "en", cwd=org, env=C_LOCALE)
    assert run.code == 2
    assert run.stderr.startswith(f"orgspec: error: {org / '.orgspec.yaml'}:1:1: `root: org` is")


def test_export_lang_wins_over_the_org_beside_too(tmp_path: Path) -> None:
    org = _org_with_config(tmp_path, "root: org\n")
    run = run_cli("export", "--lang", "en", "-o", str(tmp_path / "o.xlsx"), cwd=org,
                  env=C_LOCALE)
    assert run.code == 2
    assert run.stderr.startswith(f"orgspec: error: {org / '.orgspec.yaml'}:1:1: `root: org` is")
