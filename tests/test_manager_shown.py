"""A person's `manager` (直属上级) on `orgspec show person` (id and name, in every language)
and on the site's person page (by name, linked; marked when it is no person)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import run_cli

ORG = """\
- {kind: Team, id: ops, name: 运营部, lead: wang, members: [wang, li, zhao]}
- {kind: Person, id: wang, name: 王建国, title: 运营总监}
- {kind: Person, id: li, name: 李娜, title: 运营专员, manager: wang}
- {kind: Person, id: zhao, name: 赵强, manager: nobody}
"""


@pytest.fixture
def org(write_org) -> Path:  # type: ignore[no-untyped-def]
    return write_org({"o.yaml": ORG})  # type: ignore[no-any-return]


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "  manager: wang 王建国"), ("zh", "  直属上级: wang 王建国"),
    ("zh-Hant", "  直屬主管: wang 王建国")])
def test_show_person_names_their_manager(org: Path, lang: str, line: str) -> None:
    run = run_cli("--lang", lang, "show", "person", "li", str(org), "--isolated")
    assert run.code == 0, run.stderr
    lines = run.stdout.splitlines()
    assert line in lines
    assert lines.index(line) == 2  # after the title, before the teams


def test_show_person_marks_a_manager_who_is_no_person(org: Path) -> None:
    run = run_cli("--lang", "en", "show", "person", "zhao", str(org), "--isolated")
    assert "  manager: nobody (no such person)" in run.stdout.splitlines()
    said = run_cli("--lang", "en", "show", "person", "wang", str(org), "--isolated").stdout
    assert "manager" not in said  # none written: no line


def test_show_person_json_has_the_manager_id(org: Path) -> None:
    run = run_cli("show", "person", "li", str(org), "--format", "json", "--isolated")
    assert json.loads(run.stdout)["manager"] == "wang"


def _pair(lang: str, note: str) -> str:
    """`note` in brackets as the site puts it after a name: full-width in Chinese."""
    return f" ({note})" if lang == "en" else f"（{note}）"


def _facts(page: str) -> dict[str, str]:
    return dict(re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", page))


@pytest.mark.parametrize(("lang", "manager", "unknown"), [
    ("en", "Manager", "no such person"), ("zh", "直属上级", "不存在的人员"),
    ("zh-Hant", "直屬主管", "不存在的人員")])
def test_site_person_page_links_their_manager(org: Path, tmp_path: Path, lang: str,
                                              manager: str, unknown: str) -> None:
    from orgspec.engine.lint import lint_org
    from orgspec.load.config import Config
    from orgspec.site import SiteOptions, build_site

    result, loaded = lint_org([str(org)], Config(lang=lang))
    site = tmp_path / "site"
    build_site(result, loaded, str(site), SiteOptions(git_dates=False, lang=lang))
    li = _facts((site / "people" / "li.html").read_text("utf-8"))
    assert li[manager] == '<a href="../people/wang.html">王建国</a>'
    zhao = _facts((site / "people" / "zhao.html").read_text("utf-8"))
    assert zhao[manager] == \
        f'<span class="plain">nobody</span><span class="bad">{_pair(lang, unknown)}</span>'
    assert manager not in _facts((site / "people" / "wang.html").read_text("utf-8"))
