"""`orgspec site`: pages per entity, golden pages, links, escaping, determinism, CLI errors."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, FIXTURES, REPO, assert_golden, run_cli

from orgspec.engine.lint import lint_org
from orgspec.load.config import Config
from orgspec.output import OutputError, write_tree
from orgspec.report.lookup import show
from orgspec.site import SiteOptions, build_site
from orgspec.site.build import search_docs, site_files
from orgspec.site.links import check_links
from orgspec.site.model import repo_links
from orgspec.site.search import doc_tokens, fnv1a, tokens

FOLDERS = {"teams": "teams", "people": "people", "responsibilities": "duties",
           "objectives": "okrs", "processes": "processes", "positions": "positions",
           "meetings": "meetings"}


def build(paths: list[Path], out: Path, **options: object) -> Path:
    result, org = lint_org([str(p) for p in paths], Config())
    build_site(result, org, str(out), SiteOptions(git_dates=False, **options))  # type: ignore[arg-type]
    return out


@pytest.fixture(scope="module")
def ecommerce(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build([EXAMPLES / "ecommerce"], tmp_path_factory.mktemp("site") / "out")


def test_one_page_per_entity_and_nothing_else(ecommerce: Path) -> None:
    _, org = lint_org([str(EXAMPLES / "ecommerce")], Config())
    for table, folder in FOLDERS.items():
        ids = set(getattr(org, table))
        pages = {p.stem for p in (ecommerce / folder).glob("*.html")
                 if p.name != "index.html" and not p.name.startswith("_")}
        assert pages == ids, folder
    assert (ecommerce / "search.html").is_file() and (ecommerce / "404.html").is_file()
    assert (ecommerce / ".nojekyll").is_file()


def test_golden_minimal(tmp_path: Path) -> None:
    out = build([EXAMPLES / "minimal"], tmp_path / "out", lang="en")
    for page in ("index.html", "teams/platform.html", "duties/support-tickets.html",
                 "people/ada.html", "okrs/reliable-shop.html", "processes/ticket-flow.html"):
        text = (out / page).read_text("utf-8")
        # the file path in "Source:" depends on where the test runs from
        text = text.replace(str(EXAMPLES / "minimal"), "examples/minimal")
        assert_golden("site-minimal/" + page.replace("/", "--"), text)


def test_golden_positions_meetings_calendar_and_handoffs(ecommerce: Path) -> None:
    for page in ("positions/index.html", "positions/cs-specialist.html",
                 "positions/operations-specialist.html", "meetings/index.html",
                 "meetings/weekly-meeting.html", "calendar.html",
                 "processes/complaint-flow.html", "teams/tech.html"):
        text = (ecommerce / page).read_text("utf-8")
        text = text.replace(str(EXAMPLES / "ecommerce"), "examples/ecommerce")
        assert_golden("site-ecommerce/" + page.replace("/", "--"), text)


def test_no_broken_links_on_the_examples_and_a_synthetic_org(ecommerce: Path,
                                                              tmp_path: Path) -> None:
    assert check_links(str(ecommerce)) == []
    subprocess.run([sys.executable, str(REPO / "benchmarks" / "generate.py"), "--teams", "40",
                    "--out", str(tmp_path / "org")], check=True, capture_output=True)
    out = build([tmp_path / "org"], tmp_path / "site")
    assert check_links(str(out)) == []
    assert len(list((out / "teams").glob("*.html"))) == 41


def test_link_checker_finds_missing_pages_and_anchors(tmp_path: Path) -> None:
    site = tmp_path / "s"
    (site / "teams").mkdir(parents=True)
    (site / "index.html").write_text('<a href="teams/a.html#x">a</a> <a href="teams/b.html">b</a>'
                                     ' <a href="https://example.com/">e</a> <a href="#top">t</a>'
                                     ' <p id="top"></p>', "utf-8")
    (site / "teams" / "a.html").write_text('<img src="../missing.png"><p id="y">', "utf-8")
    assert check_links(str(site)) == [
        "index.html: href teams/a.html#x (no id 'x')", "index.html: href teams/b.html",
        "teams/a.html: src ../missing.png"]


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    a = build([EXAMPLES / "ecommerce"], tmp_path / "a")
    b = build([EXAMPLES / "ecommerce"], tmp_path / "b")
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files_a == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    assert all((a / f).read_bytes() == (b / f).read_bytes() for f in files_a)


def test_hostile_org_renders_inert(tmp_path: Path) -> None:
    out = build([FIXTURES / "hostile-report"], tmp_path / "out")
    for page in out.rglob("*.html"):
        text = page.read_text("utf-8")
        assert "<script>alert" not in text and "<img src=x" not in text, page
        assert "href=\"javascript:" not in text and "<b>Ada" not in text, page
        # the only scripts are the site's own files, and the 404 page's one inline script
        scripts = re.findall(r"<script[^>]*>", text)
        if page.name == "404.html":
            assert scripts == ["<script>"] and text.count("</script>") == 1
            continue
        assert set(scripts) <= {
            '<script src="assets/site.js" defer>', '<script src="../assets/site.js" defer>',
            '<script src="assets/search.js" defer>'}, page
    for shard in (out / "search").glob("*.js"):
        text = shard.read_text("utf-8")
        assert "<" not in text and ">" not in text and "\u2028" not in text, shard
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in (out / "teams" / "evil.html").read_text()
    # a position's English name (`names.en`) is its page's title, escaped, with its bidi
    # override made visible; the search finds it by that name and by its other ones
    spy = (out / "positions" / "spy.html").read_text("utf-8")
    assert "<h1>&lt;img src=x onerror=alert(7)&gt; [U+202E][x](javascript:alert(7))" in spy
    assert "\u202e" not in spy
    shards = "".join(p.read_text("utf-8") for p in (out / "search").glob("d*.js"))
    assert "alert(7)" in shards and "alert(8)" in shards and "间谍" in shards
    assert "\u202e" not in shards


def test_search_tokens_and_hash() -> None:
    # each character, each pair of neighbours, each pair one apart (退换货 -> 退_货)
    assert tokens("投诉处理") == {"投", "诉", "处", "理", "投诉", "诉处", "处理", "投_处", "诉_理"}
    assert tokens("退换货") == {"退", "换", "货", "退换", "换货", "退_货"}
    assert tokens("Refunds, SLA") == {"ref", "refu", "refun", "refund", "refunds", "sla"}
    assert tokens("abc退款") == {"abc", "退", "款", "退款"}
    assert tokens("退款 换货") == {"退", "款", "换", "货", "退款", "换货"}  # not across a space
    # a weekday written with 星期 or 礼拜 is also indexed as 周 writes it; 周天 is not read
    assert tokens("星期二") == {"星", "期", "二", "星期", "期二", "星_二", "周", "周二"}
    assert tokens("礼拜天") >= {"礼拜", "拜天", "周日"}
    assert "周日" not in tokens("一周天气")
    assert fnv1a("a") == 0xE40C292C  # the published FNV-1a test vector
    assert fnv1a("") == 0x811C9DC5


def test_a_meetings_weekdays_are_indexed_not_stored() -> None:
    """`Doc.also` (a meeting's weekdays, `held_on`) is in the postings, never in a document
    chunk: the 3+ character check never needs it (周二, tuesday)."""
    from orgspec.site.search import Doc, build_index, held_on

    assert held_on([1, 0, 1]) == "周一 monday 周二 tuesday"
    doc = Doc("meeting", "m", "晨会", "meetings/m.html", "每天", "每天 · 09:30",
              held_on(range(7)))
    files = dict(build_index([doc]))
    shards = "".join(v for k, v in files.items() if k.startswith("search/i"))
    assert '"周二":[0]' in shards and '"tuesday":[0]' in shards and '"tue":[0]' in shards
    assert "tuesday" not in files["search/d0.js"] and "周二" not in files["search/d0.js"]


def test_the_health_page_titles_each_rule_in_words(tmp_path: Path) -> None:
    """Trial 14: the English health page headed RO001 with its id (`position-vacancy`) where
    the Chinese one says 岗位空缺: a rule's title is in words in English too."""
    from orgspec.i18n import rule_heading

    assert rule_heading("position-vacancy", "en") == "Position vacancy"
    assert rule_heading("invalid-sla", "en") == "Invalid SLA"
    assert rule_heading("position-vacancy", "zh") == "岗位空缺"
    org = tmp_path / "org"
    org.mkdir()
    (org / "o.yaml").write_text("- {kind: Team, id: t, name: T}\n"
                                "- {kind: Role, id: r, name: R, team: t}\n", "utf-8")
    result, loaded = lint_org([str(org)], Config())
    for lang, heading in (("en", "<code>RO001</code> Position vacancy · warning · 1"),
                          ("zh", "<code>RO001</code> 岗位空缺 · 警告 · 1")):
        build_site(result, loaded, str(tmp_path / lang), SiteOptions(lang=lang,
                                                                     git_dates=False))
        assert heading in (tmp_path / lang / "health.html").read_text("utf-8")


def test_duty_documents_name_the_accountable_team_and_whom_to_ask() -> None:
    from orgspec.report.view import build_view
    from orgspec.site.labels import LABELS
    from orgspec.site.model import SiteModel

    result, org = lint_org([str(EXAMPLES / "ecommerce")], Config())
    model = SiteModel(org, result, build_view(result, org), labels=LABELS["zh"])
    doc = next(d for d in search_docs(model) if d.ident == "complaint-handling")
    assert (doc.title, doc.sub) == ("投诉处理", "A：客服团队 — 找谁：陈静")


@pytest.mark.parametrize(("lang", "sep"), [("zh", "、"), ("zh-Hant", "、"), ("en", ", ")])
def test_search_lists_are_joined_in_the_sites_language(write_org, lang: str, sep: str) -> None:
    """Two accountable teams, a person on two teams, a position with two holders: joined
    with 、 in Chinese, not `, `."""
    from orgspec.report.view import build_view
    from orgspec.site.labels import LABELS
    from orgspec.site.model import SiteModel

    org_dir = write_org({"org.yaml": """\
- {kind: Team, id: a, name: 客服部, lead: p, members: [p, q]}
- {kind: Team, id: b, name: 运营部, lead: p, members: [p, q]}
- {kind: Person, id: p, name: 陈静}
- {kind: Person, id: q, name: 林雪}
- {kind: Responsibility, id: d, name: 退款, accountable: [a, b]}
- {kind: Role, id: r, name: 专员, team: a, holders: [p, q]}
"""})
    result, org = lint_org([str(org_dir)], Config())
    model = SiteModel(org, result, build_view(result, org, lang), labels=LABELS[lang])
    subs = {d.ident: d.sub for d in search_docs(model)}
    # teams by name in the reader's order too: 运 (7 strokes) before 客 (9) in zh-Hant, kè
    # before yùn in pinyin (trial 33a)
    teams = f"运营部{sep}客服部" if lang == "zh-Hant" else f"客服部{sep}运营部"
    assert subs["d"].startswith(f"A{LABELS[lang]['colon']}{teams}")
    assert subs["p"] == teams
    # holders in the reader's order of names, as the members table (trial 10): by strokes
    # in zh-Hant (林 first), by pinyin (chén before lín) otherwise
    assert subs["r"] == (f"客服部 · 林雪{sep}陈静" if lang == "zh-Hant" else
                         f"客服部 · 陈静{sep}林雪")


def test_no_people_leaves_person_pages_out(tmp_path: Path) -> None:
    out = build([EXAMPLES / "ecommerce"], tmp_path / "out", people=False)
    assert not (out / "people").exists()
    assert "people/" not in (out / "teams" / "customer-service.html").read_text("utf-8")
    assert check_links(str(out)) == []


@pytest.mark.parametrize(("url", "view", "edit"), [
    ("https://github.com/acme/org", "https://github.com/acme/org/blob/main/o.yaml#L7",
     "https://github.com/acme/org/edit/main/o.yaml"),
    ("https://gitlab.com/acme/org/", "https://gitlab.com/acme/org/-/blob/main/o.yaml#L7",
     "https://gitlab.com/acme/org/-/edit/main/o.yaml"),
])
def test_repo_links(url: str, view: str, edit: str) -> None:
    assert repo_links(url, "main", "o.yaml", 7) == (view, edit)


def test_every_entity_page_links_to_its_id_line(tmp_path: Path) -> None:
    from orgspec.model.org import ENTITY_KINDS

    out = build([EXAMPLES / "ecommerce"], tmp_path / "out",
                repo_url="https://github.com/acme/org")
    _, org = lint_org([str(EXAMPLES / "ecommerce")], Config())
    tables = {"Team": "teams", "Person": "people", "Responsibility": "responsibilities",
              "Objective": "objectives", "Process": "processes", "Role": "positions",
              "Meeting": "meetings"}
    assert set(tables) == set(ENTITY_KINDS)  # a new kind must get pages (and this test)
    count = 0
    kinds = set()
    for kind, ident in org.entities():
        kinds.add(kind)
        text = (out / FOLDERS[tables[kind]] / f"{ident}.html").read_text("utf-8")
        line = org.origin(kind, ident).locate("id").line
        assert re.search(rf'href="https://github.com/acme/org/blob/main/[^"]+#L{line}"', text)
        assert 'href="https://github.com/acme/org/edit/main/' in text
        count += 1
    assert count == org.entity_count() > 40
    assert kinds == set(ENTITY_KINDS)


def test_health_matches_the_report(ecommerce: Path) -> None:
    result, org = lint_org([str(EXAMPLES / "ecommerce")], Config())
    from orgspec.report.view import build_view

    view = build_view(result, org)
    health = (ecommerce / "health.html").read_text("utf-8")
    for h in view.health:
        row = re.search(rf'<tr id="team-{h.team}">(.*?)</tr>', health).group(1)
        assert re.findall(r"<td>(\d+)</td>", row) == [str(h.errors), str(h.warnings),
                                                      str(h.infos)]
        assert f">{h.score}</span>" in row
        page = (ecommerce / "teams" / f"{h.team}.html").read_text("utf-8")
        assert f'title="得分">{h.score}</span>' in page


def test_writer_refuses_a_folder_it_did_not_write(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "keep.txt").write_text("mine")
    with pytest.raises(OutputError):
        write_tree(str(tmp_path / "docs"), [("a.html", "x")])
    assert (tmp_path / "docs" / "keep.txt").read_text() == "mine"
    with pytest.raises(ValueError, match="leaves"):
        write_tree(str(tmp_path / "new"), [("../x.html", "x")])
    assert not (tmp_path / "new").exists() and not (tmp_path / "x.html").exists()
    assert write_tree(str(tmp_path / "new"), [("a/b.html", "1")]) == 1
    assert write_tree(str(tmp_path / "new"), [("c.html", "2")]) == 1  # replaces a site whole
    assert sorted(os.listdir(tmp_path / "new")) == [".orgspec-site", "c.html"]
    assert [p for p in os.listdir(tmp_path) if p.startswith(".orgspec")] == []


def test_cli_site(tmp_path: Path) -> None:
    done = run_cli("site", "examples/ecommerce", "-o", str(tmp_path / "out"), "--isolated")
    assert done.code == 0, done.stderr
    # then, in a checkout without tags, how to list the changes (trial 19)
    assert re.fullmatch(r"已写入 \d+ 个页面、\d+ 个文件（[\d.]+ MB）到 .*\n"
                        r"(提示：.*--since REF.*\n)?", done.stderr)
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("x")
    done = run_cli("site", "examples/ecommerce", "-o", str(tmp_path / "mine"), "--isolated")
    assert done.code == 2 and done.stderr.count("\n") == 1
    assert "不是 `orgspec site` 写的" in done.stderr  # in the org's language, as the findings
    done = run_cli("site", "examples/ecommerce", "-o", str(tmp_path / "x"), "--repo-url",
                   "javascript:alert(1)", "--isolated")
    assert done.code == 2 and "--repo-url must be an http(s) URL" in done.stderr


def test_templates_reach_the_package_data() -> None:
    from orgspec.resources import data_dir

    site = data_dir("templates") / "site"
    assert {"site.css", "site.js", "search.js", "team.html.j2"} <= {p.name for p in
                                                                    site.iterdir()}
    assert shutil.which  # keeps the import used on every platform


def test_site_files_are_sorted_by_kind_and_id() -> None:
    result, org = lint_org([str(EXAMPLES / "minimal")], Config())
    paths = [p for p, _ in site_files(result, org, SiteOptions(git_dates=False))]
    teams = [p for p in paths if p.startswith("teams/") and p != "teams/index.html"]
    assert teams == sorted(teams) == ["teams/platform.html", "teams/support.html"]
    assert len(paths) == len(set(paths))


def _git(repo: Path, *args: str, date: str = "2026-01-05T10:00:00+00:00") -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


def test_git_facts_come_from_the_orgs_repository_not_the_working_directory(
        tmp_path: Path) -> None:
    """Found by the fuzzer (seed 20261210): the feed was dated by HEAD of the working
    directory's repository, so a site of an org outside it changed with every commit there
    (two builds of one org differed). An org outside git gets the epoch; an org in a
    repository gets that repository's HEAD date, wherever orgspec runs."""
    import xml.etree.ElementTree as ET

    updated = "{http://www.w3.org/2005/Atom}updated"
    cwd_repo = tmp_path / "cwd"
    cwd_repo.mkdir()
    (cwd_repo / "x.txt").write_text("x", "utf-8")
    _git(cwd_repo, "init", "-q", "-b", "main")
    _git(cwd_repo, "add", ".")
    _git(cwd_repo, "commit", "-qm", "one", date="2026-03-03T03:00:00+00:00")
    loose = tmp_path / "loose"
    loose.mkdir()
    shutil.copy(EXAMPLES / "minimal" / "org.yaml", loose / "org.yaml")
    done = run_cli("site", str(loose), "-o", str(tmp_path / "a"), "--isolated", cwd=cwd_repo)
    assert done.code == 0, done.stderr
    feed = ET.parse(tmp_path / "a" / "changes" / "feed.xml").getroot()
    assert feed.findtext(updated) == "1970-01-01T00:00:00Z"
    org_repo = tmp_path / "org-repo"
    shutil.copytree(loose, org_repo)
    _git(org_repo, "init", "-q", "-b", "main")
    _git(org_repo, "add", ".")
    _git(org_repo, "commit", "-qm", "one", date="2026-04-04T04:00:00+00:00")
    done = run_cli("site", str(org_repo), "-o", str(tmp_path / "b"), "--isolated",
                   cwd=cwd_repo)
    assert done.code == 0, done.stderr
    feed = ET.parse(tmp_path / "b" / "changes" / "feed.xml").getroot()
    assert feed.findtext(updated) == "2026-04-04T04:00:00+00:00"


def test_changes_feed_and_last_updated_from_git(tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    repo = tmp_path / "repo"
    (repo / "org").mkdir(parents=True)
    minimal = (EXAMPLES / "minimal" / "org.yaml").read_text("utf-8")
    (repo / "org" / "org.yaml").write_text(minimal, "utf-8")
    (repo / "org" / "extra.yaml").write_text(
        "- {kind: Responsibility, id: billing, name: Billing, accountable: support}\n", "utf-8")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "one")
    _git(repo, "tag", "v1")
    # add a team, re-own a duty, open a gap
    changed = minimal.replace("  accountable: platform\n", "  accountable: ops\n").replace(
        "    - uptime\n", "")
    changed += ("\n- {kind: Team, id: ops, name: Ops, parent: platform, lead: grace, "
                "members: [grace], responsibilities: [uptime]}\n"
                "- {kind: Responsibility, id: refunds, name: Refunds, accountable: TBD}\n"
                "- {kind: Objective, id: nps, title: Happier customers, owner: ops,\n"
                "   key_results: [{id: k1, title: NPS from 30 to 40}]}\n")
    (repo / "org" / "org.yaml").write_text(changed, "utf-8")
    _git(repo, "commit", "-qam", "two", date="2026-02-07T10:00:00+00:00")
    done = run_cli("site", "org", "-o", "public", "--isolated", "--lang", "en", cwd=repo)
    assert done.code == 0, done.stderr
    page = (repo / "public" / "changes" / "index.html").read_text("utf-8")
    assert "Changes since v1" in page
    assert '<a href="../teams/ops.html">team added: Ops (ops)</a>' in page
    assert ('<a href="../okrs/nps.html">objective added: Happier customers (nps)</a>'
            in page)
    assert ('<a href="../okrs/nps.html#kr-k1">key result added: NPS from 30 to 40 '
            "(nps/k1)</a>") in page
    assert ('<a href="../duties/uptime.html">accountable owner of duty Uptime (uptime) '
            "changed: Platform (platform) → Ops (ops)</a>") in page
    assert ('<a href="../duties/refunds.html">duty added: Refunds (refunds) (accountable: '
            "nobody)</a>") in page
    assert ('<a href="../duties/refunds.html">gap introduced: duty &#39;refunds&#39; has no '
            "accountable owner") in page
    feed = ET.parse(repo / "public" / "changes" / "feed.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    entries = feed.findall(f"{atom}entry")
    assert len(entries) == 1
    assert entries[0].findtext(f"{atom}title") == "Changes since v1"
    assert feed.findtext(f"{atom}updated") == "2026-02-07T10:00:00+00:00"
    assert "team added: Ops (ops)" in entries[0].findtext(f"{atom}content")
    team = (repo / "public" / "teams" / "platform.html").read_text("utf-8")
    assert '<time datetime="2026-02-07">' in team
    duty = (repo / "public" / "duties" / "billing.html").read_text("utf-8")
    assert '<time datetime="2026-01-05">' in duty
    assert check_links(str(repo / "public")) == []
    done = run_cli("site", "org", "-o", "public", "--isolated", "--since", "nope", cwd=repo)
    assert done.code == 2 and done.stderr == (
        "orgspec: error: git has no revision 'nope' (a branch, tag or commit)\n")


def test_readme_deploy_recipes_parse_and_name_real_options() -> None:
    import yaml

    from orgspec.load.config import KNOWN_KEYS

    readme = (REPO / "README.md").read_text("utf-8")
    section = readme.split("### Handbook site", 1)[1].split("\n### ", 1)[0]
    blocks = re.findall(r"```yaml\n(.*?)```", section, re.S)
    docs = [yaml.safe_load(b) for b in blocks]
    github = next(d for d in docs if "jobs" in d)
    gitlab = next(d for d in docs if "pages" in d)
    configs = [d for d in docs if d is not github and d is not gitlab]
    assert len(docs) == 3 and all(set(c) <= set(KNOWN_KEYS) for c in configs)  # site-title:
    steps = github["jobs"]["site"]["steps"]
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in steps)
    assert gitlab["pages"]["artifacts"]["paths"] == ["public"]
    help_text = run_cli("site", "--help").stdout
    for command in re.findall(r"orgspec site [^\n`]*", section):
        for flag in re.findall(r"(--[a-z-]+)", command):
            assert flag in help_text, flag


def test_repo_url_from_the_config(tmp_path: Path) -> None:
    (tmp_path / ".orgspec.yaml").write_text("repo-url: https://gitlab.example.com/a/b\n")
    shutil.copytree(EXAMPLES / "minimal", tmp_path / "org")
    done = run_cli("site", "org", "-o", "out", cwd=tmp_path)
    assert done.code == 0, done.stderr
    assert "https://gitlab.example.com/a/b/-/edit/main/" in (
        tmp_path / "out" / "teams" / "platform.html").read_text("utf-8")
    (tmp_path / ".orgspec.yaml").write_text("repo-url: ftp://x\n")
    done = run_cli("site", "org", "-o", "out", cwd=tmp_path)
    assert done.code == 2 and "repo-url must be an http(s) URL" in done.stderr


def test_an_id_named_index_does_not_shadow_the_list(write_org: Any, tmp_path: Path) -> None:
    root = write_org({"o.yaml": "- {kind: Team, id: index, name: Index team}\n"
                                "- {kind: Team, id: core, name: Core, parent: index}\n"})
    out = build([root], tmp_path / "out")
    assert "Index team" in (out / "teams" / "_index.html").read_text("utf-8")
    assert '<a href="../teams/_index.html">Index team</a>' in (
        out / "teams" / "core.html").read_text("utf-8")
    assert check_links(str(out)) == []
    assert not (out / "teams.html").exists()


def test_aliases_write_redirects(write_org: Any, tmp_path: Path) -> None:
    root = write_org({"o.yaml": "- {kind: Team, id: new, name: New, aliases: [old, core]}\n"
                                "- {kind: Team, id: core, name: Core}\n"
                                "- {kind: Responsibility, id: d2, aliases: d1, "
                                "accountable: new}\n"})
    out = build([root], tmp_path / "out")
    stub = (out / "teams" / "old.html").read_text("utf-8")
    assert '<meta http-equiv="refresh" content="0; url=new.html">' in stub
    assert '<link rel="canonical" href="new.html">' in stub
    assert '<a href="new.html">New</a>' in stub
    assert "Core" in (out / "teams" / "core.html").read_text("utf-8")  # a live id stays
    assert (out / "_redirects").read_text() == ("/duties/d1.html /duties/d2.html 301\n"
                                                "/teams/old.html /teams/new.html 301\n")
    assert check_links(str(out)) == []


def test_bidi_and_control_characters_are_shown_not_obeyed(tmp_path: Path) -> None:
    out = build([FIXTURES / "hostile" / "bidi-override"], tmp_path / "out")
    for path in out.rglob("*"):
        if path.is_file():
            text = path.read_text("utf-8")
            assert not re.search("[\u202a-\u202e\u2066-\u2069\x00-\x08]", text), path
    assert "<h1>[U+202E]gnp.exe" in (out / "teams" / "core.html").read_text("utf-8")


def test_a_key_result_owner_links_to_its_team_and_person(write_org: Any, tmp_path: Path) -> None:
    # Found by the fuzzer: the key-result table's owner cell named a helper that did not exist.
    root = write_org({"o.yaml": "- {kind: Team, id: ops, name: 运营部, lead: li, members: [li]}\n"
                                "- {kind: Person, id: li, name: 李雷}\n"
                                "- kind: Objective\n  id: grow\n  title: 增长\n  owner: ops\n"
                                "  key_results:\n"
                                "  - {id: k1, title: 月活跃用户数从120万增长到132万, owner: ops}\n"
                                "  - {id: k2, title: 复购率提升到30%, owner: li}\n"
                                "  - {id: k3, title: 客诉率降到1%, owner: nobody}\n"})
    out = build([root], tmp_path / "out")
    page = (out / "okrs" / "grow.html").read_text("utf-8")
    assert '· <a href="../teams/ops.html">运营部</a>' in page
    assert '· <a href="../people/li.html">李雷</a>' in page
    assert '· <span class="plain">nobody</span>' in page
    assert check_links(str(out)) == []


CALENDAR_ORG = """\
- {kind: Team, id: cs, name: Support, lead: ann, members: [ann, bo]}
- {kind: Person, id: ann, name: Ann}
- {kind: Person, id: bo, name: Bo}
- {kind: Responsibility, id: refunds, name: Refunds, accountable: [agent]}
- kind: Role
  id: agent
  name: Agent
  aliases: [support-agent]
  team: cs
  holders: [vacant]
  duties: [{responsibility: refunds, role: accountable}]
  kpis: [Reply within 2 minutes, Be friendlier]
- {kind: Meeting, id: standup, name: Standup, cadence: "Mon-Fri 9:30", owner: ann,
   attendees: [cs], aliases: [daily]}
- {kind: Meeting, id: review, name: Review, cadence: "every Monday 2pm", owner: agent,
   attendees: [agent, bo]}
- {kind: Meeting, id: retro, name: Retro, cadence: 双周, owner: ann, attendees: [cs]}
- {kind: Meeting, id: allhands, name: All hands, cadence: quarterly, owner: ann, attendees: [cs]}
- {kind: Meeting, id: odd, name: Odd, cadence: "<b>when the moon is full</b>", owner: ann,
   attendees: [cs]}
- {kind: Meeting, id: none, name: Unplanned, owner: ann, attendees: [cs]}
"""


def _cells(html: str) -> list[list[str]]:
    """The calendar table as rows of cell texts (links' text, `|`-joined)."""
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", body):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)
        rows.append(["|".join(re.findall(r">([^<>]+)</a>", c)) or c for c in cells])
    return rows


def test_calendar_places_what_it_can_and_lists_the_rest(write_org, tmp_path: Path) -> None:
    org = write_org({"org.yaml": CALENDAR_ORG})
    out = build([org], tmp_path / "out", lang="en")
    page = (out / "calendar.html").read_text("utf-8")
    assert _cells(page) == [
        ["09:30", "Standup", "Standup", "Standup", "Standup", "Standup", "", ""],
        ["14:00", "Review", "", "", "", "", "", ""]]
    sections = dict(re.findall(r'<section id="(\w+)"><h2>[^<]*</h2>\s*<ul>(.*?)</ul>', page))
    assert sections == {
        "nodays": '<li><a href="meetings/retro.html">Retro</a> <span class="muted">· biweekly'
                  '</span></li>',
        "rarely": '<li><a href="meetings/allhands.html">All hands</a> <span class="muted">· '
                  'quarterly</span></li>',
        "other": '<li><a href="meetings/odd.html">Odd</a> <span class="muted">· '
                 '&lt;b&gt;when the moon is full&lt;/b&gt;</span></li>'
                 '<li><a href="meetings/none.html">Unplanned</a> <span class="muted">· '
                 'no cadence</span></li>'}
    assert "<b>when" not in (out / "meetings" / "odd.html").read_text("utf-8")
    assert check_links(str(out)) == []


def test_vacant_position_page_aliases_and_search(write_org, tmp_path: Path) -> None:
    from orgspec.report.view import build_view
    from orgspec.site.labels import LABELS
    from orgspec.site.model import SiteModel

    org_dir = write_org({"org.yaml": CALENDAR_ORG})
    out = build([org_dir], tmp_path / "out", lang="en")
    page = (out / "positions" / "agent.html").read_text("utf-8")
    assert '<span class="badge bad">vacant</span>' in page
    assert ('<li><a href="positions/index.html"><strong>1</strong> position</a> · '
            '<span class="bad">1 vacant</span></li>') in (out / "index.html").read_text("utf-8")
    assert ('<p class="ask"><a href="../people/ann.html">Ann</a><span class="muted"> (lead of '
            'Support, as the position has no holder)</span></p>') in page
    assert re.findall(r"<tr><td>([^<]*)</td><td></td><td>([^<]*)</td><td>(.*?)</td></tr>",
                      page) == [
        ("Reply within 2 minutes", "2 minutes", '<span class="ok">✓ measurable</span>'),
        ("Be friendlier", "", '<span class="bad">✗ not measurable: no target value</span>')]
    # the duty's accountable is the position: whom to ask is its team's lead, said so
    duty = (out / "duties" / "refunds.html").read_text("utf-8")
    assert '<td><a href="../positions/agent.html">Agent</a></td>' in duty
    assert ('<p class="ask"><a href="../people/ann.html">Ann</a><span class="muted"> (lead of '
            'Support, as the position has no holder)</span></p>') in duty
    team = (out / "teams" / "cs.html").read_text("utf-8")
    assert ('<tr><td><a href="../positions/agent.html">Agent</a></td><td>'
            '<span class="bad">vacant</span></td><td>1/2</td></tr>') in team
    # by name, as the meetings index lists them (trial 33a: by id, `none` before `odd`)
    assert re.findall(r'<a href="../meetings/(\w+).html">', team.split('id="meetings"')[1]
                      .split("</section>")[0]) == ["allhands", "odd", "retro", "review",
                                                    "standup", "none"]
    person = (out / "people" / "bo.html").read_text("utf-8")
    assert '<li><a href="../meetings/review.html">Review</a> <span class="muted">· attends' \
           '</span></li>' in person
    assert 'url=agent.html"' in (out / "positions" / "support-agent.html").read_text("utf-8")
    assert 'url=standup.html"' in (out / "meetings" / "daily.html").read_text("utf-8")
    assert (out / "_redirects").read_text("utf-8").splitlines() == [
        "/meetings/daily.html /meetings/standup.html 301",
        "/positions/support-agent.html /positions/agent.html 301"]
    result, org = lint_org([str(org_dir)], Config())
    model = SiteModel(org, result, build_view(result, org, "en"), labels=LABELS["en"])
    found = search_docs(model)
    docs = {d.ident: (d.kind, d.title, d.url, d.sub) for d in found
            if d.kind in ("position", "meeting")}
    # a former id is searched as the id is: `support-agent` finds the position it redirects to
    former = {d.ident: d.former for d in found if d.former}
    assert former == {"agent": ("support-agent",), "standup": ("daily",)}
    agent = next(d for d in found if d.ident == "agent")
    assert doc_tokens(agent)[1] - doc_tokens(replace(agent, former=()))[1] == {
        "support", "sup", "supp", "suppo", "suppor"}
    assert docs["agent"] == ("position", "Agent", "positions/agent.html", "Support · vacant")
    assert docs["review"] == ("meeting", "Review", "meetings/review.html",
                              "weekly · Mon · 14:00 · Agent")
    assert check_links(str(out)) == []


def test_traditional_and_simplified_share_index_tokens() -> None:
    from orgspec.site.search import Doc, doc_tokens, fold_table

    trad = Doc("position", "tech", "技術開發", "positions/tech.html", "", "處理")
    simp = Doc("position", "tech", "技术开发", "positions/tech.html", "", "处理")
    assert doc_tokens(trad) == doc_tokens(simp)
    # the browser's table: only the Traditional forms of characters in the index
    assert fold_table(["术", "tech", "处理"]) == {"朮": "术", "術": "术"}


def test_meta_carries_a_small_folding_table(ecommerce: Path) -> None:
    import json

    text = (ecommerce / "search" / "meta.js").read_text("utf-8")
    meta = json.loads(text.removeprefix("orgspecIndex.meta(").removesuffix(");\n"))
    assert meta["fold"]["術"] == "术" and meta["fold"]["處"] == "处"
    assert all(len(t) == len(s) == 1 and t != s for t, s in meta["fold"].items())
    assert len(text.encode("utf-8")) < 20_000


HOSTILE_POSITIONS = """\
- {kind: Team, id: t, name: T, lead: p, members: [p]}
- {kind: Person, id: p, name: P}
- kind: Role
  id: r
  name: "<script>alert(1)</script>"
  team: t
  holders: [p]
  description: "<img src=x onerror=alert(2)>"
  kpis: ["<b>x</b> 95%"]
- kind: Meeting
  id: m
  name: "</script><script>alert(3)</script>"
  cadence: "<i>weekly</i>"
  owner: r
  attendees: [r, "<u>nobody</u>"]
  purpose: "\\u202eevil"
  inputs: ["<img src=y>"]
  outputs: ["javascript:alert(4)"]
  channel: "<a href=javascript:alert(5)>x</a>"
"""


def test_hostile_positions_and_meetings_render_inert(write_org, tmp_path: Path) -> None:
    out = build([write_org({"org.yaml": HOSTILE_POSITIONS})], tmp_path / "out", lang="en")
    for page in out.rglob("*.html"):
        text = page.read_text("utf-8")
        for bad in ("<script>alert", "<img src=", "<b>x", "<i>weekly", "<u>nobody",
                    'href="javascript:', "<a href=javascript", "\u202e"):
            assert bad not in text, (page, bad)
    for shard in (out / "search").glob("*.js"):
        text = shard.read_text("utf-8")
        assert "<" not in text and ">" not in text and "\u202e" not in text, shard
    meeting = (out / "meetings" / "m.html").read_text("utf-8")
    assert "<strong>Purpose: </strong>[U+202E]evil" in meeting
    assert "&lt;i&gt;weekly&lt;/i&gt;" in meeting and "&lt;u&gt;nobody&lt;/u&gt;" in meeting
    assert "&lt;i&gt;weekly&lt;/i&gt;" in (out / "calendar.html").read_text("utf-8")
    assert check_links(str(out)) == []


INVOLVED = """\
- {kind: Team, id: cs, name: 客服部, lead: he, members: [he, lin]}
- {kind: Team, id: product, name: 产品部, lead: zhang, members: [zhang, li]}
- {kind: Person, id: he, name: 何丽}
- {kind: Person, id: lin, name: 林雪, roles: [agent]}
- {kind: Person, id: zhang, name: 张伟}
- {kind: Person, id: li, name: 李娜, roles: [pm]}
- {kind: Role, id: agent, name: 客服专员, team: cs, duties: [refunds]}
- {kind: Role, id: pm, name: 产品经理, team: product, duties: [planning]}
- {kind: Responsibility, id: refunds, name: 退款处理, accountable: cs, informed: [li]}
- {kind: Responsibility, id: planning, name: 产品规划, accountable: product}
- {kind: Responsibility, id: complaints, name: 投诉处理, accountable: cs,
   consulted: [product]}
- {kind: Meeting, id: standup, name: 晨会, cadence: 每日, owner: he, attendees: [cs]}
- {kind: Meeting, id: weekly, name: 周例会, cadence: 每周, owner: zhang,
   attendees: [product, cs]}
- {kind: Meeting, id: review, name: 需求评审, cadence: 每周, owner: pm, attendees: [agent]}
"""


@pytest.mark.parametrize(("pid", "meetings", "duties", "team_duties", "counted"), [
    # Meetings by name (晨会 chén, 需求评审 xū, 周例会 zhōu). li: weekly as a member of
    # product; review as holder of pm (which chairs it); planning R via her position,
    # refunds I directly; planning A and complaints C are her team's, apart (trial 7:
    # never her own accountability), counted by team with a link to its charter (site34:
    # listed on every member's page they made 60 % of a 5,000-team site)
    ("li", ["需求评审 · 主持 (作为产品经理)", "周例会 · 参加 (作为产品部的成员)"],
     ["产品规划 执行 (R) 作为产品经理", "退款处理 知会 (I) 直接"],
     ["产品规划 批准 (A) 产品部", "投诉处理 咨询 (C) 产品部"],
     [("产品部：2 项职责（批准 (A) 1 · 咨询 (C) 1）", "../teams/product.html#charter")]),
    # he chairs standup (and attends it through cs: chairing wins), attends weekly via cs;
    # as cs's lead he answers for its duties himself.
    ("he", ["晨会 · 主持", "周例会 · 参加 (作为客服部的负责人)"],
     ["投诉处理 批准 (A) 作为客服部的负责人", "退款处理 批准 (A) 作为客服部的负责人"], [], []),
    ("lin", ["晨会 · 参加 (作为客服部的成员)", "需求评审 · 参加 (作为客服专员)",
             "周例会 · 参加 (作为客服部的成员)"],
     ["退款处理 执行 (R) 作为客服专员"], ["投诉处理 批准 (A) 客服部", "退款处理 批准 (A) 客服部"],
     [("客服部：2 项职责（批准 (A) 2）", "../teams/cs.html#charter")]),
])
def test_person_page_lists_what_show_lists(write_org: Any, tmp_path: Path, pid: str,
                                           meetings: list[str], duties: list[str],
                                           team_duties: list[str],
                                           counted: list[tuple[str, str]]) -> None:
    """A person's page and `orgspec show person` read one view: every meeting hosted or
    attended and every R/A/C/I duty, directly and through a team they lead or a position;
    the duties of a team they only belong to are counted apart, as the team's, linked to
    the team's page that lists them (`show` lists them: `team_duties`)."""
    folder = write_org({"org.yaml": INVOLVED})
    result, org = lint_org([str(folder)], Config(lang="zh"))
    out = tmp_path / "site"
    build_site(result, org, str(out), SiteOptions(git_dates=False))
    html = (out / "people" / f"{pid}.html").read_text(encoding="utf-8")
    items = re.findall(r"<li>(.*?)</li>", html.split('id="meetings"')[1].split("</section>")[0])
    assert [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", i)).strip() for i in items] == meetings

    def rows_of(section: str) -> list[str]:
        if f'id="{section}"' not in html:
            return []
        rows = re.findall(r"<tr>(.*?)</tr>", html.split(f'id="{section}"')[1].split(
            "</section>")[0])
        cells = [" ".join(re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(
            r"<td[^>]*>(.*?)</td>", row)) for row in rows]
        return [c for c in cells if c]

    assert rows_of("duties") == duties
    assert rows_of("team-duties") == []  # not listed: counted
    part = html.split('id="team-duties"')[1].split("</section>")[0] \
        if 'id="team-duties"' in html else ""
    assert [(re.sub(r"<[^>]+>", "", item), re.findall(r'href="([^"]*#[^"]*)"', item)[0])
            for item in re.findall(r"<li>(.*?)</li>", part)] == counted
    doc = show(org, "person", pid, "zh")
    assert [x["name"] for x in doc["meetings"]] == [i.split(" · ")[0] for i in meetings]
    roles = {"批准": "accountable", "执行": "responsible", "咨询": "consulted", "知会": "informed"}
    for key, want in (("raci", duties), ("team_raci", team_duties)):
        got = sorted((d["name"], role) for role, ds in doc[key].items() for d in ds)
        assert got == sorted((c.split(" ")[0], roles[c.split(" ")[1]]) for c in want)


def test_unknown_members_are_marked_and_not_counted(write_org, tmp_path: Path) -> None:
    """Trial 13: `members: [p2, 王小明, ...]` with only p2 a person counted 3 members; the
    unknown ids (RF001's) are listed last as written, marked, escaped, and counted nowhere,
    on the site as in `show`."""
    org_dir = write_org({"org.yaml": """\
- {kind: Team, id: root, name: 總部, lead: p1, members: [p1]}
- {kind: Team, id: cs, name: 客服部, parent: root, lead: ghost, members: [王小明, p2, "<b>x</b>"]}
- {kind: Person, id: p1, name: 王志明}
- {kind: Person, id: p2, name: 蔡美玲}
- {kind: Responsibility, id: refunds, name: 退款, accountable: p2}
"""})
    out = build([org_dir], tmp_path / "site", lang="zh-Hant")
    # the duties table's third column is headed (trial 13: it was empty)
    assert "<thead><tr><th>職責</th><th>角色</th><th>承擔方式</th></tr></thead>" in \
        (out / "people" / "p2.html").read_text("utf-8")
    team = (out / "teams" / "cs.html").read_text("utf-8")
    marked = '<span class="bad">（不存在的人員）</span>'  # full-width: the page is Chinese
    assert f'<dt>負責人</dt><dd><span class="plain">ghost</span>{marked}</dd>' in team
    rows = re.findall(r"<tr><td[^>]*>(.*?)</td>", team.split('<section id="members">')[1]
                      .split("</section>")[0])
    assert rows == ['<a href="../people/p2.html">蔡美玲</a>',
                    f'<span class="plain">王小明</span>{marked}',
                    f'<span class="plain">&lt;b&gt;x&lt;/b&gt;</span>{marked}']
    assert '<section id="members"><h2>成員 (1)</h2>' in team
    index = (out / "index.html").read_text("utf-8")
    assert '客服部</a> <span class="muted">· ghost</span> <span class="muted">· 成員 1 人</span>' \
        in index
    assert "· 成員 1 人 · 共 2 人</span>" in index  # 總部: 王志明 and 蔡美玲
    run = run_cli("show", "team", "cs", str(org_dir), "--lang", "en")
    assert run.stdout.splitlines()[2:7] == [
        "  lead: ghost (no such person)", "  members:", "    - p2 蔡美玲",
        "    - 王小明 (no such person)", "    - <b>x</b> (no such person)"]


def test_two_people_of_one_name_are_told_apart_wherever_linked(tmp_path: Path) -> None:
    """Two 陳志明 (trial 17 #9): a process step's owner, a team's members and the RACI
    cells say the id beside the name, as the report's RACI header does; a name no one
    else has stays bare."""
    org = tmp_path / "org"
    org.mkdir()
    (org / "org.yaml").write_text("""\
- kind: Team
  id: cs
  name: 客服部
  lead: zhiming-chen
  members: [zhiming-chen, chihming-chen, lin]
- kind: Person
  id: zhiming-chen
  name: 陳志明
- kind: Person
  id: chihming-chen
  name: 陳志明
- kind: Person
  id: lin
  name: 林怡君
- kind: Responsibility
  id: payments
  name: 金流
  accountable: cs
  responsible: [chihming-chen]
- kind: Process
  id: outage
  name: 支付故障
  owner: cs
  responsibility: payments
  steps:
    - {id: switch, name: 切換備援金流, owner: chihming-chen}
""", "utf-8")
    out = build([org], tmp_path / "site")
    step = (out / "processes" / "outage.html").read_text("utf-8")
    assert ">陳志明 (chihming-chen)</a>" in step
    team = (out / "teams" / "cs.html").read_text("utf-8")
    assert ">陳志明 (zhiming-chen)</a>" in team and ">陳志明 (chihming-chen)</a>" in team
    assert ">林怡君</a>" in team


def test_the_search_box_is_made_by_site_js_not_written_into_each_page(ecommerce: Path) -> None:
    """Searching needs JavaScript (search.html says so without it), so site.js makes the
    header's search box: the same form in each page was 184 bytes a page, 27 MB of a
    5,000-team site. site.js carries the box's words in the site's language."""
    from orgspec.site.build import site_js
    from orgspec.site.labels import LABELS

    pages = list(ecommerce.rglob("*.html"))
    assert len(pages) > 50 and not [p for p in pages if "<form" in p.read_text("utf-8")]
    script = (ecommerce / "assets" / "site.js").read_text("utf-8")
    assert "__SEARCH_BOX__" not in script
    assert 'var words = {"button": "搜索", "label": "搜索", "placeholder": "谁负责……？"};' \
        in script
    for lang, words in (("en", '{"button": "Search", "label": "Search", '
                               '"placeholder": "Who owns …?"}'),
                        ("zh-Hant", '{"button": "搜尋", "label": "搜尋", '
                                    '"placeholder": "誰負責……？"}')):
        assert site_js("__SEARCH_BOX__", LABELS[lang]) == words, lang
    hostile = {"search_ph": "</script><b>&\u2028", "search": "a", "search_go": "b"}
    assert site_js("__SEARCH_BOX__", hostile) == (
        '{"button": "b", "label": "a", "placeholder": "\\u003c/script\\u003e\\u003cb\\u003e'
        '\\u0026\\u2028"}')
