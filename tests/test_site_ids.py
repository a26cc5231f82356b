"""Every page of a site has unique ids, and every link to a fragment has its target.

Parsed with html.parser (not searched with a pattern) on every page of the examples'
sites and of an org whose two objectives of one team both have a key result `kr0` (the
team page showed `id="kr-kr0"` twice: a link to the second landed on the first). A link
`#x` must name an id of its own page; a link `page.html#x` one of that page.
"""

from __future__ import annotations

import posixpath
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import EXAMPLES, REPO, run_cli

TWO_KR0 = """\
- {kind: Team, id: platform, name: Platform, lead: ada, members: [ada]}
- {kind: Person, id: ada, name: Ada Lovelace}
- kind: Objective
  id: fast
  title: Fast shop
  owner: platform
  period: 2026-Q1
  key_results:
    - {id: kr0, title: Latency from 300 ms to 200 ms, metric: latency, baseline: 300ms,
       target: 200ms, direction: decrease, due: 2026-03-31}
- kind: Objective
  id: cheap
  title: Cheap shop
  owner: platform
  period: 2026-Q1
  key_results:
    - {id: kr0, title: Cost from 12k to 10k, metric: cost, baseline: 12k, target: 10k,
       direction: decrease, due: 2026-03-31}
"""


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value is not None:
                self.ids.append(value)
            if name == "href" and value is not None and tag in ("a", "area"):
                self.hrefs.append(value)


def _parsed(site: Path) -> dict[str, _Page]:
    pages = {}
    for path in sorted(site.rglob("*.html")):
        page = _Page()
        page.feed(path.read_text("utf-8"))
        page.close()
        pages[path.relative_to(site).as_posix()] = page
    return pages


def id_problems(site: Path) -> list[str]:
    """Each duplicate id and each fragment link without its target, as `page: problem`."""
    pages = _parsed(site)
    said = []
    for name, page in pages.items():
        said += [f"{name}: id {i!r} {n} times" for i, n in Counter(page.ids).items() if n > 1]
        for href in page.hrefs:
            parts = urlsplit(href)
            if not parts.fragment or parts.scheme or parts.netloc:
                continue
            target = name if not parts.path else posixpath.normpath(
                posixpath.join(posixpath.dirname(name), unquote(parts.path)))
            if target in pages and unquote(parts.fragment) not in pages[target].ids:
                said.append(f"{name}: {href!r} has no target")
    return said


def _site(org: Path, out: Path) -> Path:
    run = run_cli("site", str(org), "--isolated", "-o", str(out), "--lang", "en")
    assert run.code in (0, 1), run.stderr
    return out


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.iterdir() if p.is_dir()))
def test_every_page_of_the_examples_sites_has_unique_ids_and_link_targets(
        example: str, tmp_path: Path) -> None:
    site = _site(EXAMPLES / example, tmp_path / "site")
    assert len(list(site.rglob("*.html"))) > 10
    assert id_problems(site) == []


def test_two_objectives_with_a_key_result_of_the_same_id_on_one_team_page(
        write_org: object, tmp_path: Path) -> None:
    org = write_org({"org.yaml": TWO_KR0})  # type: ignore[operator]
    site = _site(org, tmp_path / "site")
    assert id_problems(site) == []
    team = (site / "teams" / "platform.html").read_text("utf-8")
    assert 'id="kr-fast/kr0"' in team and 'id="kr-cheap/kr0"' in team
    # each objective's own page keeps its short anchor, which changes link to
    for okr in ("fast", "cheap"):
        assert 'id="kr-kr0"' in (site / "okrs" / f"{okr}.html").read_text("utf-8")


def _footers(site: Path) -> dict[str, list[str]]:
    import re

    return {p.relative_to(site).as_posix(): re.findall(
        r'<footer class="source"><span>[^<]*<code>([^<]*)</code>', p.read_text("utf-8"))
        for p in sorted(site.rglob("*.html"))}


def test_the_footers_source_path_is_relative_to_the_org_root_from_any_folder(
        tmp_path: Path) -> None:
    """`orgspec site examples/ecommerce` from the repository and `orgspec site ecommerce`
    from inside examples/ (or with an absolute path) name each page's file the same way:
    relative to the org's folder (`teams/teams.yaml:3`), not to where it was run."""
    runs = {"repo": (REPO, str(EXAMPLES / "ecommerce").removeprefix(f"{REPO}/")),
            "inside": (EXAMPLES, "ecommerce"), "absolute": (tmp_path, str(EXAMPLES / "ecommerce"))}
    said = {}
    for name, (cwd, org) in runs.items():
        run = run_cli("site", org, "--isolated", "-o", str(tmp_path / name), cwd=cwd)
        assert run.code in (0, 1), run.stderr
        said[name] = _footers(tmp_path / name)
    assert said["repo"] == said["inside"] == said["absolute"]
    assert said["repo"]["teams/tech.html"] == ["teams/teams.yaml:66"]
