"""Break35: hostile input against `site`, `report`, `import` and `export`; each test failed
before its fix."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import REPO, run_cli
from conftest import site_of as _site

from orgspec.site.links import check_links

# Windows reserves these device names in every folder, whatever the extension (`con.html`,
# `nul.yaml` open the console and the null device), and Git for Windows refuses to check
# such a path out (core.protectNTFS).
RESERVED = ("con", "prn", "aux", "nul", "com1", "com9", "lpt1", "lpt9")


def _reserved_stem(path: Path) -> bool:
    return path.name.split(".")[0].lower() in {*RESERVED, *(f"com{i}" for i in range(10)),
                                               *(f"lpt{i}" for i in range(10))}


def test_site_pages_of_ids_windows_reserves_get_another_file_name(tmp_path: Path) -> None:
    site = _site(tmp_path, "- {kind: Team, id: con, name: Console, lead: aux, members: [aux]}\n"
                           "- {kind: Team, id: nul, name: Nothing, parent: con, lead: aux,"
                           " responsibilities: [prn]}\n"
                           "- {kind: Person, id: aux, name: Aux Person}\n"
                           "- {kind: Responsibility, id: prn, name: Printing, accountable: nul}\n"
                           "- {kind: Objective, id: com1, title: Ship it, owner: con,"
                           " period: 2026-Q1, key_results: [{id: k, title: 'Uptime from 99%"
                           " to 99.9%', due: 2026-03-31}]}\n"
                           "- {kind: Process, id: lpt9, name: Flow, owner: con,"
                           " steps: [{id: a, owner: nul}]}\n")
    written = [p for p in site.rglob("*") if p.is_file()]
    assert [str(p.relative_to(site)) for p in written if _reserved_stem(p)] == []
    for page in ("teams/_con.html", "teams/_nul.html", "people/_aux.html", "duties/_prn.html",
                 "okrs/_com1.html", "processes/_lpt9.html"):
        assert (site / page).is_file(), page
    assert '<a href="../teams/_con.html">Console</a>' in (
        site / "teams" / "_nul.html").read_text("utf-8")
    assert check_links(str(site)) == []


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node")
def test_go_links_find_the_page_of_an_id_windows_reserves() -> None:
    """go.html#team/con opens teams/_con.html: site.js names a page as page_name does."""
    from orgspec.site.model import page_name

    source = (REPO / "templates" / "site" / "site.js").read_text("utf-8")
    found = re.search(r"var own_page = (function \(id\) \{.*?\n  \});", source, re.DOTALL)
    assert found, "site.js names a page in own_page"
    ids = ["con", "prn", "aux", "nul", "com0", "com9", "lpt1", "index", "console", "con-1",
           "nul_", "a", "com10", "lpt", "auxiliary"]
    script = f"var own_page = {found.group(1)};\n" \
             f"console.log(JSON.stringify({ids!r}.map(own_page)));"
    done = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == str([page_name(i) for i in ids]).replace("'", '"') \
        .replace(", ", ",")



def test_import_writes_no_file_windows_reserves(tmp_path: Path) -> None:
    roster = tmp_path / "r.csv"
    roster.write_text("name,email,team,lead\nAda,ada@x.com,Con,yes\nBob,bob@x.com,NUL,yes\n"
                      "Cy,cy@x.com,aux,yes\n", "utf-8")
    out = tmp_path / "org"
    done = run_cli("import", "roster", str(roster), "-o", str(out))
    assert done.code == 0, done.stderr
    names = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert names == ["_aux.yaml", "_con.yaml", "_nul.yaml"], names
    assert "id: con\n" in (out / "_con.yaml").read_text("utf-8")
    again = run_cli("import", "roster", str(roster), "-o", str(out))  # a re-import keeps them
    assert again.code == 0, again.stderr
    assert "3 unchanged" in again.stdout + again.stderr
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == names
    checked = run_cli("check", str(out))
    assert "RF001" not in checked.stdout, checked.stdout


@pytest.mark.parametrize("name", ["report.md.j2", "report.css"])
def test_a_template_that_is_not_utf8_is_one_error_line(tmp_path: Path, name: str) -> None:
    """--templates is the user's folder: a file in it saved in another encoding (GBK) is a
    bad command line, exit 2 with the file named, not an internal error."""
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / name).write_bytes("{# 报告 #}\n".encode("gbk"))
    out = tmp_path / ("r.md" if name.endswith(".md.j2") else "r.html")
    done = run_cli("report", str(REPO / "examples" / "minimal"), "--templates", str(folder),
                   "-o", str(out))
    assert done.code == 2
    assert done.stderr == (f"orgspec: error: template {folder / name}: not UTF-8 text "
                           "(byte 0xb1 at offset 3)\n")
    assert not out.exists()


@pytest.mark.parametrize("kind", ["file", "fifo", "absolute"])
def test_a_root_that_is_no_folder_is_not_said_to_be_missing(tmp_path: Path, kind: str) -> None:
    """`root:` naming a file or a FIFO that exists said 'which does not exist', and an
    absolute root was said to be relative to the config's folder."""
    import os

    (tmp_path / "team.yaml").write_text("- {kind: Team, id: core, name: Core}\n", "utf-8")
    target = {"file": "team.yaml", "fifo": "pipe", "absolute": "/dev/null"}[kind]
    if kind == "fifo":
        os.mkfifo(tmp_path / "pipe")
    (tmp_path / ".orgspec.yaml").write_text(f"lang: en\nroot: {target}\n", "utf-8")
    done = run_cli("check", cwd=tmp_path)
    assert done.code == 2
    named = target if kind == "absolute" else f"{tmp_path}/{target}"
    assert done.stderr == (f"orgspec: error: {tmp_path / '.orgspec.yaml'}:2:1: `root: {target}` "
                           f"names '{named}', which is not a folder; this config sits in the "
                           "org folder itself: write `root: .`\n")


def test_an_absolute_root_that_does_not_exist_is_not_said_to_be_relative(
        tmp_path: Path) -> None:
    (tmp_path / ".orgspec.yaml").write_text(f"lang: en\nroot: {tmp_path}/gone\n", "utf-8")
    done = run_cli("check", cwd=tmp_path)
    assert done.code == 2
    assert done.stderr == (f"orgspec: error: {tmp_path / '.orgspec.yaml'}:2:1: `root: "
                           f"{tmp_path}/gone` names '{tmp_path}/gone', which does not exist: "
                           f"write the org folder's path relative to '{tmp_path}'\n")


@pytest.mark.parametrize("url", ["https://x/\udcff", "https://x/a b", "https://x/a\nb", "https://"])
def test_a_repo_url_that_is_no_url_is_one_error_line(tmp_path: Path, url: str) -> None:
    """--repo-url with bytes that are not UTF-8 (a surrogate-escaped argv byte) was an
    internal error (UnicodeEncodeError); a blank, a line break or no host made links to
    nowhere."""
    done = run_cli("site", str(REPO / "examples" / "minimal"), "-o", str(tmp_path / "s"),
                   "--repo-url", url)
    assert done.code == 2
    assert done.stderr == f"orgspec: error: --repo-url must be an http(s) URL, not {url!r}\n"
    assert not (tmp_path / "s").exists()


def test_a_repo_url_in_the_config_that_is_no_url_is_one_error_line(tmp_path: Path) -> None:
    (tmp_path / "o.yaml").write_text("- {kind: Team, id: core, name: Core}\n", "utf-8")
    (tmp_path / ".orgspec.yaml").write_text('root: .\nrepo-url: "https://x y/"\n', "utf-8")
    done = run_cli("site", str(tmp_path), "-o", str(tmp_path / "s"))
    assert done.code == 2
    assert done.stderr == (f"orgspec: error: {tmp_path / '.orgspec.yaml'}:2:11: repo-url must be "
                           "an http(s) URL, not 'https://x y/'\n")


@pytest.mark.parametrize("url", ["https://x/\udcff", "https://x/a\tb", "https://"])
def test_a_chat_link_that_is_no_url_is_one_error_line(url: str) -> None:
    done = run_cli("report", str(REPO / "examples" / "minimal"), "--format", "chat",
                   "--link", url)
    assert done.code == 2
    assert done.stderr == ("orgspec: error: --link takes an http(s) URL of at most 2,000 "
                           f"characters, not {url!r}\n")


@pytest.mark.parametrize("branch", ["b\udcff", "b\n<x>", "a b", "x..y", "-p", "a:b"])
def test_a_repo_branch_that_is_no_branch_name_is_one_error_line(tmp_path: Path,
                                                                 branch: str) -> None:
    """--repo-branch with a byte of argv that is not UTF-8 was an internal error
    (UnicodeEncodeError quoting it into a link); a line break or blank made broken links."""
    done = run_cli("site", str(REPO / "examples" / "minimal"), "-o", str(tmp_path / "s"),
                   "--repo-url", "https://x.example/o/r", "--repo-branch", branch)
    assert done.code == 2
    assert done.stderr == ("orgspec: error: --repo-branch must be a git branch name, not "
                           f"{branch!r}\n")
    assert not (tmp_path / "s").exists()


def test_a_repo_branch_in_the_config_that_is_no_branch_name_is_one_error_line(
        tmp_path: Path) -> None:
    (tmp_path / "o.yaml").write_text("- {kind: Team, id: core, name: Core}\n", "utf-8")
    (tmp_path / ".orgspec.yaml").write_text('root: .\nrepo-branch: "main branch"\n', "utf-8")
    done = run_cli("site", str(tmp_path), "-o", str(tmp_path / "s"))
    assert done.code == 2
    assert done.stderr == (f"orgspec: error: {tmp_path / '.orgspec.yaml'}:2:14: repo-branch must "
                           "be a git branch name, not 'main branch'\n")


@pytest.mark.parametrize("branch", ["m\udcff", "m n"])
def test_a_default_branch_from_gitlab_that_is_no_branch_name_is_one_error_line(
        tmp_path: Path, branch: str) -> None:
    done = run_cli("site", str(REPO / "examples" / "minimal"), "-o", str(tmp_path / "s"),
                   "--repo-url", "https://x.example/o/r", env={"CI_DEFAULT_BRANCH": branch})
    assert done.code == 2
    assert done.stderr == (f"orgspec: error: $CI_DEFAULT_BRANCH is {branch!r}, not a git branch "
                           "name: set --repo-branch\n")
    assert not (tmp_path / "s").exists()


def test_a_column_option_that_names_no_column_is_said(tmp_path: Path) -> None:
    """`--column manager=Bos` (the header is Boss) was dropped without a word: the manager
    column went unread and the notes only listed Boss among the columns not read."""
    roster = tmp_path / "r.csv"
    roster.write_text("Nm,Dept,Boss\nAda,Core,\nBob,Core,Ada\n", "utf-8")
    done = run_cli("import", "roster", str(roster), "-o", str(tmp_path / "org"), "--lang", "en",
                   "--column", "name=Nm", "--column", "team=Dept", "--column", "manager=Bos")
    assert done.code == 0, done.stderr
    assert "note: --column manager=Bos: the roster has no column 'Bos'\n" in done.stderr
    assert "--column name=" not in done.stderr and "--column team=" not in done.stderr


@pytest.mark.parametrize(("ref", "why"), [
    ("", "it is empty"),
    ("HEAD\nx", "a revision holds no line break or control character"),
    ("HEAD\udcff", "a revision holds no line break or control character"),
])
def test_a_revision_git_cannot_have_says_why(tmp_path: Path, ref: str, why: str) -> None:
    """--since '' said 'a revision cannot start with -'; a line break in it reached git and
    came back as 'git archive HEAD⏎x failed: x' (the last line of git's message)."""
    repo = tmp_path / "repo"
    shutil.copytree(REPO / "examples" / "minimal", repo / "org")
    for args in (["init", "-q"], ["add", "."], ["-c", "user.email=a@b", "-c", "user.name=n",
                                               "commit", "-qm", "one"]):
        subprocess.run(["git", *args], cwd=repo, check=True)
    done = run_cli("site", "org", "-o", str(tmp_path / "s"), "--since", ref, cwd=repo)
    assert done.code == 2
    assert done.stderr == f"orgspec: error: not a git revision: {ref!r} ({why})\n"
    if ref:
        diffed = run_cli("check", "org", "--diff", ref, cwd=repo)
        assert diffed.code == 2
        assert diffed.stderr == f"orgspec: error: not a git revision: {ref!r} ({why})\n"


def test_a_hidden_character_in_a_mermaid_label_is_shown_as_its_escape(tmp_path: Path) -> None:
    """The Markdown report shows a hidden character as its escape (\\u202e) everywhere but in
    its Mermaid flowcharts, which showed U+FFFD: the reader could not tell which it was."""
    org = tmp_path / "org"
    org.mkdir()
    (org / "o.yaml").write_text(
        '- {kind: Team, id: core, name: "Co\\u202ere", lead: ada, members: [ada],'
        " responsibilities: [d]}\n- {kind: Person, id: ada, name: Ada}\n"
        "- {kind: Responsibility, id: d, name: D, accountable: core}\n"
        "- {kind: Process, id: p, name: P, owner: core, responsibility: d,"
        ' steps: [{id: a, name: "St\\u200bep", owner: core}]}\n', "utf-8")
    done = run_cli("report", str(org), "-o", str(tmp_path / "r.md"), "--lang", "en")
    assert done.code == 0, done.stderr
    chart = (tmp_path / "r.md").read_text("utf-8").split("```mermaid\n")[1].split("```")[0]
    assert chart == ('flowchart TD\n  s0["St#92;u200bep<br/>Co#92;u202ere"]\n')


def test_a_site_folder_given_as_a_symlink_stays_a_link(tmp_path: Path) -> None:
    """`-o public` with public -> /srv/www/org (a web server's folder): the site replaced the
    link with a folder of its own, and the served folder kept the old pages."""
    served = tmp_path / "srv" / "org"
    served.mkdir(parents=True)
    link = tmp_path / "public"
    link.symlink_to(served)
    for _ in range(2):  # a first build into the empty folder, then one over it
        done = run_cli("site", str(REPO / "examples" / "minimal"), "-o", str(link))
        assert done.code == 0, done.stderr
        assert link.is_symlink() and link.resolve() == served.resolve()
        assert (served / "teams" / "platform.html").is_file()
    assert sorted(p.name for p in (tmp_path / "srv").iterdir()) == ["org"]


def test_templates_given_as_a_fifo_is_one_error_line(tmp_path: Path) -> None:
    """--templates naming a FIFO was taken and ignored: the report came out of the built-in
    templates, with no word that the user's were not read."""
    import os

    os.mkfifo(tmp_path / "tpl")
    done = run_cli("report", str(REPO / "examples" / "minimal"), "--templates",
                   str(tmp_path / "tpl"), "-o", str(tmp_path / "r.md"))
    assert done.code == 2
    assert done.stderr == (f"orgspec: error: invalid value for '--templates': "
                           f"'{tmp_path / 'tpl'}' is a file, not a folder (see `orgspec report "
                           "--help`)\n")
    assert not (tmp_path / "r.md").exists()
