"""orgspec never destroys what it did not write: outputs never overwrite the org being read,
user input never reaches git as an option, and nothing outside orgspec's own files is deleted."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES

from orgspec.cli import main


def cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def org(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLES / "ecommerce", tmp_path / "org")
    return tmp_path / "org"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


@pytest.mark.parametrize("args", [
    ("check", "{org}", "--format", "json", "-o", "{file}"),
    ("check", "{org}", "--format", "json", "-o", "{org}/teams/../teams/people.yaml"),
    ("check", "{org}", "--report", "html={file}"),
    ("report", "{org}", "-o", "{file}"),
    ("graph", "{org}", "--format", "dot", "-o", "{file}"),
    ("graph", "{org}", "--format", "dot", "-o", "{link}"),
    ("export", "{org}", "--format", "xlsx", "-o", "{file}"),
    ("export", "{org}", "--format", "csv", "-o", "{org}"),
    ("export", "{org}", "--format", "csv", "-o", "{org}/teams"),
    ("site", "{org}", "-o", "{org}/teams"),
    ("rules", "--config", "{config}", "-o", "{config}"),
])
def test_no_output_overwrites_an_input(org: Path, tmp_path: Path, args: tuple[str, ...]) -> None:
    (tmp_path / "link.yaml").symlink_to(org / "teams" / "people.yaml")
    # not above the org: a config there would be the org's (found from the target), and
    # its `lang: en` would say the error in English
    config = tmp_path / "elsewhere" / ".orgspec.yaml"
    config.parent.mkdir()
    config.write_text("lang: en\n", "utf-8")
    before, config_before = _snapshot(org), config.read_bytes()
    names = {"org": str(org), "file": str(org / "teams" / "people.yaml"),
             "link": str(tmp_path / "link.yaml"), "config": str(config)}
    code, _, err = cli(*(a.format(**names) for a in args))
    assert code == 2
    assert err.count("\n") == 1
    # said in the org's language (Chinese), as the findings are, once the org is read
    assert "这是正在读取的组织的文件" in err or "config" in args[1]
    assert _snapshot(org) == before and config.read_bytes() == config_before


def test_outputs_beside_the_org_are_still_written(org: Path, tmp_path: Path) -> None:
    code, _, _ = cli("check", str(org), "--format", "json", "-o", str(tmp_path / "r.json"))
    assert code in (0, 1) and (tmp_path / "r.json").is_file()
    code, _, _ = cli("export", str(org), "--format", "csv", "-o", str(tmp_path / "csv"))
    assert code == 0 and (tmp_path / "csv" / "people.csv").is_file()
    code, _, _ = cli("site", str(org), "-o", str(tmp_path / "public"))
    assert code == 0 and (tmp_path / "public" / "index.html").is_file()


def _git_repo(org: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess

    top = org.parent
    for args in (["init", "-q"], ["add", "-A"],
                 ["-c", "user.email=a@example.com", "-c", "user.name=a", "commit", "-qm", "a"]):
        subprocess.run(["git", *args], cwd=top, check=True, capture_output=True)
    monkeypatch.chdir(top)


@pytest.mark.parametrize("args", [
    ("check", "org", "--diff", "--output=org/teams/people.yaml"),
    ("check", "org", "--diff=--output=org/teams/people.yaml"),
    ("site", "org", "-o", "public", "--since", "--output=org/teams/people.yaml"),
])
def test_a_revision_is_never_an_option_to_git(org: Path, monkeypatch: pytest.MonkeyPatch,
                                              args: tuple[str, ...]) -> None:
    _git_repo(org, monkeypatch)
    before = _snapshot(org)
    code, _, err = cli(*args)
    assert code == 2
    assert err.count("\n") == 1 and "修订不能以 '-' 开头" in err  # the org is Chinese
    assert _snapshot(org) == before


def test_the_git_archive_call_ends_its_options(org: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the one-line check too: git itself reads the revision as a revision."""
    import subprocess

    from orgspec.ci import diff

    _git_repo(org, monkeypatch)
    calls: list[list[str]] = []
    real = subprocess.run

    def spy(args: list[str], **kw: object) -> subprocess.CompletedProcess[bytes]:
        calls.append(list(args))
        return real(args, **kw)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(diff.subprocess, "run", spy)
    tmp = org.parent / "x"
    tmp.mkdir()
    diff._extract("HEAD", str(org.parent), ["org"], str(tmp))
    archive = next(c for c in calls if "archive" in c)
    assert archive[archive.index("--end-of-options") + 1] == "HEAD"
    assert (tmp / "org" / "teams" / "people.yaml").read_bytes() == \
        (org / "teams" / "people.yaml").read_bytes()
    code, out, err = cli("check", "org", "--diff", "HEAD", "--lang", "en")
    assert code == 0 and "org diff against HEAD: 0 new findings, 0 fixed" in out + err


_OBJECTIVE = """kind: Objective
id: {oid}
owner: t
period: "{period}"
title: Grow revenue
key_results:
  - id: kr1
    title: Revenue reaches 10M CNY
    due: 9999-12-31
"""


@pytest.mark.parametrize(("period", "bad"), [
    ("9999-Q4", False), ("9999-H2", False), ("9999", False),
    ("0000", True), ("0000-Q1", True), ("0999-H1", True),
])
def test_a_period_at_the_calendars_edge_is_a_finding_not_a_crash(
        write_org, tmp_path: Path, period: str, bad: bool) -> None:
    folder = write_org({"t.yaml": "kind: Team\nid: t\nname: T\n",
                        "o.yaml": _OBJECTIVE.format(oid="o1", period=period)})
    code, out, err = cli("check", str(folder), "--lang", "en", "--format", "json",
                         "--no-cache")
    assert err == ""
    import json
    sc = [(f["code"], f["line"], f["column"])
          for f in json.loads(out)["findings"] if f["code"].startswith("SC")]
    assert sc == ([("SC003", 4, 9)] if bad else [])
    assert code == (1 if bad else 0)
    for args in (("report", str(folder)), ("site", str(folder), "-o", str(tmp_path / "s"))):
        code, _, err = cli(*args)
        assert code == 0 and "internal error" not in err


def test_period_range_ends_on_the_last_day_even_in_9999() -> None:
    import datetime as dt

    from orgspec.model.models import Objective
    from orgspec.model.okr import period_range

    def span(period: str) -> tuple[dt.date, dt.date] | None:
        obj = Objective(kind="Objective", id="o", owner="t", title="x", period=period)
        return period_range(obj)

    assert span("9999-Q4") == (dt.date(9999, 10, 1), dt.date(9999, 12, 31))
    assert span("9999-H2") == (dt.date(9999, 7, 1), dt.date(9999, 12, 31))
    assert span("2026-Q1") == (dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert span("2024-H1") == (dt.date(2024, 1, 1), dt.date(2024, 6, 30))


_HOSTILE_NAMES = {
    "a.yaml": 'kind: Team\nid: t\nname: "A\\uFFFEB\\u0007C"\nparent: w\n',
    "c.yaml": 'kind: Team\nid: v\nname: "A\ufdd0B"\nparent: w\n',
    "d.yaml": 'kind: Team\nid: w\nname: "A\\uFDD0B\\U0001FFFEC\\x1bD\\u202eE"\n',
}


def test_noncharacters_are_in003_at_their_place(write_org) -> None:
    import json

    folder = write_org(_HOSTILE_NAMES)
    code, out, _ = cli("check", str(folder), "--format", "json", "--lang", "en")
    found = [(f["code"], Path(f["file"]).name, f["line"], f["column"], f["message"])
             for f in json.loads(out)["findings"] if f["code"] == "IN003"]
    assert code == 1
    assert found == [
        ("IN003", "a.yaml", 3, 7, "value contains the control or invisible character U+FFFE"),
        ("IN003", "c.yaml", 3, 9, "file contains the control or invisible character U+FDD0"),
        ("IN003", "d.yaml", 3, 7, "value contains the control or invisible character U+FDD0"),
    ]


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "dot", "mermaid"])
def test_every_graph_export_of_hostile_names_parses_and_hides_nothing(
        write_org, tmp_path: Path, fmt: str) -> None:
    import json
    from xml.etree import ElementTree

    folder = write_org(_HOSTILE_NAMES)
    target = tmp_path / f"g.{fmt}"
    code, _, err = cli("graph", str(folder), "--format", fmt, "-o", str(target))
    assert code == 0, err
    text = target.read_text("utf-8")
    if fmt in ("graphml", "gexf"):
        ElementTree.parse(target)
    if fmt == "json":
        json.loads(text)
    hidden = [c for c in text if c not in "\n\t" and (ord(c) < 0x20 or 0x7f <= ord(c) < 0xa0
              or c in "\ufffe\ufdd0\U0001fffe\u202e")]
    assert hidden == []
    assert text.count("\ufffd") >= 4


@pytest.mark.parametrize("fmt", ["junit", "junit-suite", "github", "text", "gitlab", "sarif",
                                 "json", "markdown"])
def test_control_characters_in_file_names_are_escaped(write_org, fmt: str) -> None:
    from xml.etree import ElementTree

    folder = write_org({"t\x1b[31mred\x07\u202eevil.yaml": "kind: Team\nid: t\nname: [\n"})
    code, out, err = cli("check", str(folder), "--format", fmt, "--lang", "en")
    assert code == 1, err
    if fmt in ("json", "gitlab"):  # data: the exact name, which JSON's escapes carry
        assert "\x1b" not in out and "\x07" not in out
        assert "t\\u001b[31mred\\u0007\u202eevil.yaml" in out
        return
    assert not any(c in out for c in "\x1b\x07\u202e")
    if fmt.startswith("junit"):
        suites = ElementTree.fromstring(out).findall("testsuite")
        assert [s.get("name") for s in suites] == [f"{folder}/t\\x1b[31mred\\x07\\u202eevil.yaml"]
    if fmt == "github":
        assert "file=" in out and "\\x1b[31mred\\x07\\u202eevil.yaml" in out


def test_every_csv_cell_is_guarded_against_formulas_headers_included(write_org,
                                                                     tmp_path: Path) -> None:
    import csv

    folder = write_org({"org.yaml": (
        "- {kind: Team, id: t, name: '=HYPERLINK(\"http://x\",\"y\")', lead: eve, "
        "members: [eve]}\n"
        "- {kind: Team, id: u, name: '＝1+1', parent: t}\n"
        "- {kind: Person, id: eve, name: \"\\tEve\"}\n"
        "- {kind: Responsibility, id: d, name: '@SUM(A1)', accountable: [t], "
        "responsible: [u]}\n")})
    code, _, err = cli("export", str(folder), "--format", "csv", "-o", str(tmp_path / "c"),
                       "--isolated", "--lang", "en")
    assert code == 0, err
    for name in ("raci", "people"):
        with open(tmp_path / "c" / f"{name}.csv", encoding="utf-8-sig", newline="") as handle:
            cells = [c for row in csv.reader(handle) for c in row]
        assert cells, name
        assert [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "＝", "＠")
                and len(c) > 1] == [], name
    with open(tmp_path / "c" / "raci.csv", encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle))
    assert "'=HYPERLINK(\"http://x\",\"y\")" in header and "'＝1+1" in header


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_an_output_onto_a_fifo_is_written_through(org: Path, tmp_path: Path) -> None:
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    code, _, err = cli("check", str(org), "--format", "json", "-o", str(fifo))
    reader.join(timeout=60)
    assert code in (0, 1), err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # still a FIFO, not a regular file
    assert b'"findings"' in got[0]


def test_an_output_onto_a_symlink_replaces_the_file_it_points_to(tmp_path: Path) -> None:
    from orgspec import output

    target = tmp_path / "real.json"
    target.write_text("old", "utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    output.write_text(str(link), "new")
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text("utf-8") == "new"


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc")
def test_an_output_through_proc_fd_appends_to_the_open_file(tmp_path: Path) -> None:
    """`-o /dev/stdout` with stdout redirected: the file the shell opened stays that file."""
    from orgspec import output

    target = tmp_path / "redirected.txt"
    with open(target, "ab") as handle:
        handle.write(b"before\n")
        handle.flush()
        inode = os.fstat(handle.fileno()).st_ino
        link = tmp_path / "stdout"
        link.symlink_to(f"/proc/self/fd/{handle.fileno()}")
        output.write_text(str(link), "report\n")
    assert os.stat(target).st_ino == inode
    assert target.read_text("utf-8") == "before\nreport\n"


def test_a_site_build_clears_what_an_interrupted_one_left(org: Path, tmp_path: Path) -> None:
    old = tmp_path / ".orgspec-old-abc123" / "site"
    old.mkdir(parents=True)
    (old / ".orgspec-site").write_text("orgspec site\n", "utf-8")
    half = tmp_path / ".orgspec-site-def456"
    half.mkdir()
    (half / ".orgspec-site").write_text("orgspec site\n", "utf-8")
    os.utime(half, (1000, 1000))
    fresh = tmp_path / ".orgspec-site-fresh1"  # another run may be writing this one now
    fresh.mkdir()
    (fresh / ".orgspec-site").write_text("orgspec site\n", "utf-8")
    foreign = tmp_path / ".orgspec-old-mine" / "site"
    foreign.mkdir(parents=True)
    (foreign / "notes.txt").write_text("mine", "utf-8")
    code, _, err = cli("site", str(org), "-o", str(tmp_path / "public"))
    assert code == 0, err
    assert not old.parent.exists() and not half.exists()
    assert fresh.exists() and (foreign / "notes.txt").is_file()


def test_a_site_folder_that_cannot_be_made_is_one_line(org: Path, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", "utf-8")
    code, _, err = cli("site", str(org), "-o", str(tmp_path / "file" / "public"))
    assert code == 2 and err.count("\n") == 1 and "internal error" not in err


@pytest.mark.parametrize(("config", "said"), [
    ("[]\n", "config must be a mapping"),
    ("rule-packs: [/etc/passwd]\n", "not a rule pack: expected a mapping with a `rules:` list"),
    ("rules: {span-of-control: {options: {max: -1}}}\n", "option 'max' must be 0 or more"),
    ("rules: {near-duplicate-duties: {options: {threshold: 5}}}\n",
     "option 'threshold' must be at most 1"),
    ("rules: {near-duplicate-duties: {options: {threshold: nan}}}\n",
     "option 'threshold' must be 0 or more"),
])
def test_a_bad_config_is_one_clear_line(org: Path, tmp_path: Path, config: str,
                                        said: str) -> None:
    (tmp_path / "cfg.yaml").write_text(config, "utf-8")
    code, _, err = cli("check", str(org), "--config", str(tmp_path / "cfg.yaml"),
                       "--lang", "en")
    assert code == 2
    assert err.count("\n") == 1 and said in err and "object has no attribute" not in err


def test_the_site_breadcrumb_is_bounded_in_a_deep_tree(write_org) -> None:
    """A chain of teams: each page names the root, an ellipsis and the 3 nearest levels,
    so the work and size per page do not grow with the depth (it was quadratic)."""
    from orgspec.engine.lint import load_org
    from orgspec.site.model import SiteModel

    depth = 60
    teams = "".join(f"- {{kind: Team, id: t{i}, name: T{i}"
                    + (f", parent: t{i - 1}" if i else "") + "}\n" for i in range(depth))
    folder = write_org({"org.yaml": teams})
    model = SiteModel.__new__(SiteModel)  # only the tree is needed
    model.org = load_org([str(folder)]).org
    model.team = lambda tid: tid  # type: ignore[method-assign, assignment, return-value]
    assert model.crumbs("t0") == []
    assert model.crumbs("t4") == ["t0", "t1", "t2", "t3"]
    assert model.crumbs("t5") == ["t0", None, "t2", "t3", "t4"]
    assert model.crumbs(f"t{depth - 1}") == ["t0", None, f"t{depth - 4}", f"t{depth - 3}",
                                              f"t{depth - 2}"]
    parents = 0
    real = type(model.org.teams["t1"])

    class Counting(dict):  # type: ignore[type-arg]
        def __getitem__(self, key: str) -> object:
            nonlocal parents
            parents += 1
            return super().__getitem__(key)

    model.org.teams = Counting(model.org.teams)  # type: ignore[assignment]
    model.__dict__.pop("_roots", None)
    for i in range(depth):
        model.crumbs(f"t{i}")
    assert real is not None and parents <= 8 * depth  # linear: it was ~depth²/2 (1,770 here)
