"""A handbook for staff (trial 9): `orgspec site --no-findings` (or `site-findings: false`)
builds the site without what the rules found; by default it is shown as before."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli
from test_browser import browser  # noqa: F401 - the shared Chromium fixture
from test_livestream import ORG
from test_site_browser import Tab

# a vacant seat (RO001) on a position of 主播部, and the PR005 handoffs of ORG
POSITION = """\
- kind: Role
  id: host
  name: 主播
  team: hosts
  headcount: 3
  holders: [zhangwei]
"""

LINT_MARKS = ('id="findings"', 'href="health.html"', 'href="../health.html"',
              'class="badge ok"', 'class="badge warn"', 'class="badge bad" title=')


def _site(write_org, tmp_path: Path, *args: str, config: str = "") -> Path:
    folder = write_org({"org.yaml": ORG + POSITION})
    if config:
        (folder.parent / ".orgspec.yaml").write_text(config, "utf-8")
    out = tmp_path / "s"
    run = run_cli("site", "org", "-o", str(out), "--lang", "zh", *args, cwd=folder.parent)
    assert run.code == 0, run.stderr
    return out


def _marks(out: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for page in sorted(out.rglob("*.html")):
        html = page.read_text("utf-8")
        hits = [m for m in LINT_MARKS if m in html]
        if hits:
            found[page.relative_to(out).as_posix()] = hits
    return found


def test_by_default_the_site_shows_findings_and_health(write_org, tmp_path: Path) -> None:
    out = _site(write_org, tmp_path)
    marks = _marks(out)
    assert (out / "health.html").exists()
    assert 'id="findings"' in marks["positions/host.html"]
    assert 'href="health.html"' in marks["index.html"]


@pytest.mark.parametrize(("args", "config"), [(("--no-findings",), ""),
                                              ((), "site-findings: false\n")])
def test_no_findings_builds_a_handbook_without_them(write_org, tmp_path: Path,
                                                    args: tuple[str, ...], config: str) -> None:
    out = _site(write_org, tmp_path, *args, config=config)
    assert _marks(out) == {}
    assert not (out / "health.html").exists()
    host = (out / "positions" / "host.html").read_text("utf-8")
    assert '<span class="badge bad">空缺 2/3</span>' in host  # a fact of the org, kept
    assert "问题" not in (out / "index.html").read_text("utf-8")


def test_the_flag_overrides_the_config(write_org, tmp_path: Path) -> None:
    out = _site(write_org, tmp_path, "--findings", config="site-findings: false\n")
    assert (out / "health.html").exists()


@pytest.mark.parametrize(("config", "said"), [
    ("site-findings: 不要\n", "'site-findings' must be true or false"),
    ("site-title: ''\n", "'site-title' must be a non-empty string"),
])
def test_a_bad_config_value_is_one_error_line(write_org, tmp_path: Path, config: str,
                                              said: str) -> None:
    folder = write_org({"org.yaml": ORG})
    (folder.parent / ".orgspec.yaml").write_text(config, "utf-8")
    run = run_cli("site", "org", "-o", str(tmp_path / "s"), "--lang", "en", cwd=folder.parent)
    assert run.code == 2
    assert said in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_help_names_the_option_in_each_language() -> None:
    assert "--no-findings" in run_cli("site", "--help", "--lang", "en").stdout
    assert "给员工看的手册" in run_cli("site", "--help", "--lang", "zh").stdout
    assert "給員工看的手冊" in run_cli("site", "--help", "--lang", "zh-Hant").stdout


def test_in_chromium_a_staff_handbook_has_no_health_link_or_findings(
        browser: Any, write_org, tmp_path: Path) -> None:  # noqa: F811
    out = _site(write_org, tmp_path, "--no-findings")
    tab = Tab(browser)
    page = tab.page
    page.goto((out / "positions" / "host.html").as_uri())
    assert page.locator("h1").inner_text().startswith("主播")
    assert page.locator("#findings").count() == 0
    assert page.locator('nav a[href$="health.html"]').count() == 0
    page.goto((out / "index.html").as_uri())
    assert page.locator("#glance").is_visible()
    assert page.locator('a[href="health.html"]').count() == 0
    tab.clean()
    page.close()



def test_the_changes_a_staff_handbook_leaves_out_are_the_findings_introduced_or_fixed(
        write_org) -> None:
    from orgspec.ci.diff import OrgDiff, _finding_changes
    from orgspec.engine.lint import lint_org
    from orgspec.i18n import M
    from orgspec.load.config import Config
    from orgspec.report.changes import is_finding_change

    result, _ = lint_org([str(write_org({"org.yaml": ORG + POSITION}))], Config(lang="zh"))
    pr005 = next(f for f in result.findings if f.code == "PR005")
    ro001 = next(f for f in result.findings if f.code == "RO001")
    found = _finding_changes(OrgDiff(new=[ro001, pr005], fixed=[pr005, ro001]))
    assert len(found) == 3 and all(is_finding_change(c) for c in found)
    assert not is_finding_change(M("team added: {team}", team="技术部 (tech)"))


@pytest.mark.parametrize(("args", "config", "title"), [
    ((), "site-title: 星辰直播 员工手册\n", "星辰直播 员工手册"),  # trial 21: no --title each build
    (("--title", "值班手册"), "site-title: 星辰直播 员工手册\n", "值班手册"),  # the flag wins
    ((), "", "组织手册"),
])
def test_the_site_title_from_the_config(write_org, tmp_path: Path, args: tuple[str, ...],
                                        config: str, title: str) -> None:
    out = _site(write_org, tmp_path, *args, config=config)
    assert f"<title>首页 · {title}</title>" in (out / "index.html").read_text("utf-8")

