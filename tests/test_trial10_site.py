"""The handbook links a renamed entity (`aliases:`) by its current id (trial 10): a page that
refers to team `tech`, person `li-qiang`, duty `stability` or position `ops-engineer` by
the former id links to the entity's own page, never to the redirect stub the former id
keeps for old bookmarks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_aliases import NEW, OLD_REFS

from orgspec.engine.lint import lint_org
from orgspec.load.config import Config
from orgspec.site import SiteOptions, build_site
from orgspec.site.links import check_links

# test_aliases' org (team tech, person li-qiang, duty stability and position ops-engineer
# renamed; its second file still says the old ids), and more references by a former id:
# a team's lead, members, parent and charter, a duty's RACI, a step's owner
EXTRA = """\
- {kind: Team, id: infra, name: 基础设施, parent: tech, lead: li-qiang, members: [li-qiang],
   responsibilities: [{ref: stability, role: informed}]}
- {kind: Responsibility, id: on-call, name: 值班, accountable: tech,
   responsible: [ops-engineer], consulted: [li-qiang]}
- kind: Process
  id: patch
  owner: tech
  responsibility: on-call
  steps:
    - {id: apply, owner: ops-engineer}
"""
STUBS = {"teams/tech.html": "teams/technology.html", "people/li-qiang.html": "people/li.html",
         "duties/stability.html": "duties/uptime.html",
         "positions/ops-engineer.html": "positions/sre.html"}
HREF = re.compile(r'href="([^"#?]+)')


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp_path = tmp_path_factory.mktemp("renamed")
    org = tmp_path / "org"
    org.mkdir()
    for name, text in (("a-new.yaml", NEW), ("b-refs.yaml", OLD_REFS), ("c-more.yaml", EXTRA)):
        (org / name).write_text(text, "utf-8")
    result, loaded = lint_org([str(org)], Config())
    build_site(result, loaded, str(tmp_path / "site"), SiteOptions(git_dates=False))
    return tmp_path / "site"


def test_every_link_to_a_renamed_entity_lands_on_its_current_page(site: Path) -> None:
    assert check_links(str(site)) == []
    for stub, page in STUBS.items():  # the former ids keep a redirect for old bookmarks
        text = (site / stub).read_text("utf-8")
        assert f'content="0; url={Path(page).name}"' in text, stub
    root = site.resolve()
    to_stub, seen = [], set()
    for path in site.rglob("*.html"):
        rel = path.relative_to(site).as_posix()
        if rel in STUBS:
            continue
        for href in HREF.findall(path.read_text("utf-8")):
            target = (path.parent / href).resolve()
            if target.is_relative_to(root):
                seen.add(target.relative_to(root).as_posix())
                if target.relative_to(root).as_posix() in STUBS:
                    to_stub.append((rel, href))
    assert to_stub == []
    assert set(STUBS.values()) <= seen  # the pages link the renamed entities


def test_the_pages_that_name_a_former_id_link_the_entity_by_its_name(site: Path) -> None:
    def links(page: str) -> set[str]:
        text = (site / page).read_text("utf-8")
        return set(re.findall(r'<a href="(\.\./[a-z]+/[a-z0-9-]+\.html)">([^<]+)</a>', text))

    tech, li = ("../teams/technology.html", "技术部"), ("../people/li.html", "李强")
    sre, uptime = ("../positions/sre.html", "运维"), ("../duties/uptime.html", "稳定性")
    assert {tech} <= links("meetings/weekly.html")
    assert {tech, uptime} <= links("processes/release.html")
    assert {tech, li} <= links("okrs/o1.html")
    assert {sre} <= links("people/zhao.html")
    assert {tech, li, uptime} <= links("teams/infra.html")
    assert {tech, sre, li} <= links("duties/on-call.html")
    assert {tech, sre} <= links("processes/patch.html")
