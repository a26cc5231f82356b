"""Trial 22 (a Shenzhen operations lead writing Simplified Chinese; a Taipei customer-service
head writing Traditional Chinese): a config put inside the org folder with the README's
`root: org`, which names `org/org`, gave an English line; the person page listed the manager
but no direct reports; a phone-width site; workflow-command annotations quoting bare ids."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

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


REPORTS = """\
- {kind: Team, id: ops, name: 运营部, lead: wang, members: [wang, li, zz, zhao]}
- {kind: Person, id: wang, name: 王建国, title: 运营总监}
- {kind: Person, id: li, name: 李娜, title: 运营专员, manager: wang}
- {kind: Person, id: zz, name: 安然, manager: wang}
- {kind: Person, id: zhao, name: 赵强, manager: li}
"""


@pytest.mark.parametrize(("lang", "label"), [
    ("en", "direct reports"), ("zh", "直接下属"), ("zh-Hant", "直屬部屬")])
def test_show_person_lists_direct_reports_by_name(write_org: Any, lang: str,
                                                   label: str) -> None:
    org = write_org({"o.yaml": REPORTS})
    run = run_cli("--lang", lang, "show", "person", "wang", str(org), "--isolated")
    assert run.code == 0, run.stderr
    lines = run.stdout.splitlines()
    at = lines.index(f"  {label}:")
    # by name in pinyin, as the site sorts people: 安然 before 李娜, whatever their ids
    assert lines[at + 1:at + 3] == ["    - zz 安然", "    - li 李娜"]
    assert "    - zhao 赵强" not in lines  # li's report, not wang's
    said = run_cli("--lang", lang, "show", "person", "zz", str(org), "--isolated").stdout
    assert label not in said  # nobody reports to zz: no line


def test_show_person_json_lists_direct_report_ids(write_org: Any) -> None:
    org = write_org({"o.yaml": REPORTS})
    run = run_cli("show", "person", "wang", str(org), "--format", "json", "--isolated")
    assert json.loads(run.stdout)["direct_reports"] == ["zz", "li"]


@pytest.mark.parametrize(("lang", "label"), [
    ("en", "Direct reports"), ("zh", "直接下属"), ("zh-Hant", "直屬部屬")])
def test_site_person_page_links_direct_reports(write_org: Any, tmp_path: Path, lang: str,
                                               label: str) -> None:
    from orgspec.engine.lint import lint_org
    from orgspec.load.config import Config
    from orgspec.site import SiteOptions, build_site

    org = write_org({"o.yaml": REPORTS})
    result, loaded = lint_org([str(org)], Config(lang=lang))
    site = tmp_path / "site"
    build_site(result, loaded, str(site), SiteOptions(git_dates=False, lang=lang))

    def facts(pid: str) -> dict[str, str]:
        page = (site / "people" / f"{pid}.html").read_text("utf-8")
        return dict(re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", page))

    assert facts("wang")[label] == ('<a href="../people/zz.html">安然</a>, '
                                    '<a href="../people/li.html">李娜</a>')
    assert facts("li")[label] == '<a href="../people/zhao.html">赵强</a>'
    assert label not in facts("zz")


GH_ORG = """\
- {kind: Team, id: kefu, name: 客服%部, lead: chen, members: [chen], responsibilities: [refunds]}
- {kind: Team, id: ops, name: 运营部, lead: wang, members: [wang], responsibilities: [refunds]}
- {kind: Person, id: chen, name: 陈静}
- {kind: Person, id: wang, name: 王建国}
- {kind: Responsibility, id: refunds, name: 退款处理, accountable: ops}
"""


def test_github_annotations_say_names_as_the_text_report_does(write_org: Any) -> None:
    """Trial 23: the annotations quoted bare ids ('kefu') where the text report says
    客服%部 (kefu); the names are escaped for workflow commands (`%` as %25)."""
    org = write_org({"o.yaml": GH_ORG})
    text = run_cli("check", str(org), "--isolated", "--lang", "zh").stdout
    gh = run_cli("check", str(org), "--isolated", "--lang", "zh", "--format", "github").stdout
    first, *rest = text.splitlines()[:-1]  # the summary line left out
    said = [first.split(" [错误] ", 1)[1], *(line.strip() for line in rest)]
    (annotation,) = gh.splitlines()
    shown = annotation.split("::", 2)[2].removeprefix("OW001 ").split("%0A")
    assert said[0] == "职责 退款处理 (refunds) 有 2 个批准方 (A)：运营部 (ops)、客服%部 (kefu)"
    assert said[1].endswith(": 客服%部 (kefu) 在此被写为批准方 (A)")
    assert said[2].startswith("建议: 客服%部 (kefu) 的职责清单列出 退款处理 (refunds) 时")
    assert shown == [line.replace("%", "%25") for line in said]  # the same text, escaped


@pytest.mark.parametrize(("lang", "hint"), [
    ("zh", "如果 chen 负责执行，写成 `responsible: chen`；如果 chen 对结果负责，写成 "
           "`accountable: chen`"),
    ("zh-Hant", "如果 chen 負責執行，寫成 `responsible: chen`；如果 chen 對結果負責，寫成 "
                "`accountable: chen`"),
])
def test_the_r_or_a_hint_names_the_party_not_it(write_org: Any, lang: str, hint: str) -> None:
    """A RACI party may be a person (陈静): the hint names it, never 它."""
    org = write_org({"o.yaml": "- kind: Responsibility\n  id: refunds\n  负责： chen\n"})
    run = run_cli("check", str(org), "--isolated", "--lang", lang)
    assert hint in run.stdout
