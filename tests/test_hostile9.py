"""Hostile and unusual input against the newest features (hostile9): each test pins one bug
found by attacking them, with the exact finding or error line."""

from __future__ import annotations

import urllib.request
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli

from orgspec.ci import mrnote, prcomment
from orgspec.ci.restapi import CommentError, call

SECRET = "glpat-SECRET-token"


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every URL a request was sent to (none is)."""
    sent: list[str] = []

    def urlopen(opener: Any, request: Any, data: Any = None, timeout: float = 0) -> Any:
        sent.append(request.full_url)
        sent.extend(f"{k}={v}" for k, v in request.header_items() if k == "Private-token")
        raise OSError("no network in this test")

    # restapi opens through its own opener (hostile10: redirects, proxies)
    monkeypatch.setattr(urllib.request.OpenerDirector, "open", urlopen)
    return sent


@pytest.mark.parametrize(("url", "host"), [
    ("http://localhost.example.com/api/v4/x", "localhost.example.com"),  # starts like ours
    ("http://127.0.0.1.example.com/api/v4/x", "127.0.0.1.example.com"),
    ("http://localhost@example.com/api/v4/x", "example.com"),  # `localhost` as the user name
    ("http://127.0.0.1:80@example.com/x", "example.com"),
])
def test_the_token_goes_over_http_only_to_this_machine(url: str, host: str,
                                                       no_network: list[str]) -> None:
    with pytest.raises(CommentError) as caught:
        call("GET", url, {"PRIVATE-TOKEN": SECRET}, api="GitLab")
    assert str(caught.value) == f"refusing to send the token to {host!r} over http"
    assert no_network == []


@pytest.mark.parametrize(("url", "said"), [
    ("gitlab.example.com/api/v4/projects/1", "'gitlab.example.com/api/v4/projects/1' is not "
                                             "an http(s) URL of the GitLab API"),
    ("x/projects/1/merge_requests/1/notes", "'x/projects/1/merge_requests/1/notes' is not an "
                                            "http(s) URL of the GitLab API"),
    ("https://[::1/api/v4", "'https://[::1/api/v4' is not an http(s) URL of the GitLab API"),
    ("https://exa mple.com/api/v4", "'https://exa mple.com/api/v4' is not an http(s) URL of "
                                    "the GitLab API"),
])
def test_a_url_that_is_none_is_one_error_line(url: str, said: str,
                                              no_network: list[str]) -> None:
    with pytest.raises(CommentError) as caught:
        call("GET", url, {"PRIVATE-TOKEN": SECRET}, api="GitLab")
    assert str(caught.value) == said
    assert no_network == []


@pytest.mark.parametrize("token", [f"{SECRET}\n", f"{SECRET}\r\nX-Evil: 1", f"令牌{SECRET}"])
def test_a_token_http_cannot_carry_is_one_line_that_does_not_quote_it(
        token: str, no_network: list[str]) -> None:
    with pytest.raises(CommentError) as caught:
        call("GET", "https://gitlab.example.com/api/v4/x", {"PRIVATE-TOKEN": token},
             api="GitLab")
    assert str(caught.value) == ("the token holds a line break or a character outside ASCII, "
                                 "which HTTP cannot carry: check the CI/CD variable that holds "
                                 "it")
    assert no_network == []


def test_a_token_with_blanks_around_it_is_sent_without_them(no_network: list[str]) -> None:
    env = {"CI_API_V4_URL": "https://gitlab.example.com/api/v4", "CI_PROJECT_ID": "1",
           "CI_MERGE_REQUEST_IID": "7", "GITLAB_TOKEN": f" {SECRET}\n"}
    with pytest.raises(CommentError, match="cannot reach the GitLab API"):
        mrnote.from_env("report", env)
    assert no_network == ["https://gitlab.example.com/api/v4/projects/1/merge_requests/7/notes"
                          "?sort=asc&order_by=created_at&per_page=100&page=1",
                          f"Private-token={SECRET}"]


@pytest.mark.parametrize("iid", ["²", "١٢"])
def test_a_merge_request_number_that_is_no_number_is_not_a_merge_request(
        iid: str, no_network: list[str]) -> None:
    env = {"CI_API_V4_URL": "https://gitlab.example.com/api/v4", "CI_PROJECT_ID": "1",
           "CI_MERGE_REQUEST_IID": iid, "GITLAB_TOKEN": SECRET}
    with pytest.raises(CommentError, match=r"^CI_MERGE_REQUEST_IID is not set"):
        mrnote.from_env("report", env)
    assert no_network == []


@pytest.mark.parametrize("number", ["²", "١٢"])
def test_a_pull_request_number_that_is_no_number_is_none(number: str,
                                                         no_network: list[str]) -> None:
    env = {"GITHUB_TOKEN": SECRET, "GITHUB_REPOSITORY": "o/r", "ORGSPEC_PR_NUMBER": number}
    assert prcomment.from_env("report", env) == "not a pull request: no comment"
    assert no_network == []


# --- init ----------------------------------------------------------------------------------

def test_init_writes_nothing_when_a_file_stands_where_a_folder_goes(tmp_path: Path) -> None:
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "org").write_text("notes\n", "utf-8")

    run = run_cli("init", "new", "--ci", "none", cwd=tmp_path)

    assert (run.code, run.stdout) == (2, "")
    assert run.stderr == ("orgspec: error: new/org is a file, not a folder: init would write "
                          "new/org/org.yaml into it\n")
    assert sorted(p.name for p in (tmp_path / "new").iterdir()) == ["org"]  # nothing written


def test_init_refuses_a_folder_whose_org_writes_its_kinds_in_chinese(tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "teams.yaml").write_text("- kind: 团队\n  id: kefu\n", "utf-8")

    run = run_cli("init", "mine", "--ci", "none", cwd=tmp_path)

    assert (run.code, run.stdout) == (2, "")
    assert run.stderr == ("orgspec: error: mine already holds YAML (mine/teams.yaml): init "
                          "adds its example org only to a new folder; check yours with "
                          "`orgspec check mine`\n")
    assert sorted(p.name for p in (tmp_path / "mine").iterdir()) == ["teams.yaml"]


# --- hidden characters in what is matched ---------------------------------------------------

MANILA = ("- kind: Team\n  id: kefu\n  name: 客服部\n  lead: wang-wei\n  members: [wang-wei]\n"
          "- kind: Team\n  id: kefu-manila\n  name: 马尼拉客服组\n  parent: kefu\n"
          "  lead: wang-wei\n  members: [wang-wei]\n"
          "- {kind: Person, id: wang-wei, name: 王伟}\n"
          "- kind: Meeting\n  id: weekly\n  name: 周会\n  cadence: 每周一 10:00\n"
          "  owner: wang-wei\n  attendees: [kefu, kefu-manila]\n  timezone: Asia/Shanghai\n")


def _findings(root: Path, *args: str) -> list[tuple[str, str, int, int]]:
    run = run_cli("check", str(root), "--format", "json", "--isolated", "--select",
                  "IN,SC,RF,MT,HI", *args)
    assert "Traceback" not in run.stderr
    return [(f["code"], f["file"].rsplit("/", 1)[-1], f["line"], f["column"])
            for f in run.json()["findings"]]


@pytest.mark.parametrize(("old", "new", "line", "col"), [
    ("id: kefu-manila", 'id: "kefu\\u200b-manila"', 7, 7),  # an id
    ("id: kefu-manila", "id: kefu\u200b-manila", 7, 11),  # the same, pasted from a chat app
    ("members: [wang-wei]", 'members: ["\\u202ewang-wei"]', 5, 13),  # a reference
    ("kind: Team\n  id: kefu-manila", 'kind: "\\u202eTeam"\n  id: kefu-manila', 6, 9),  # a kind
    ("timezone: Asia/Shanghai", 'timezone: "Asia/Shang\\u200bhai"', 19, 13),  # a zone
    ("cadence: 每周一 10:00", 'cadence: "每周\\u2060一 10:00"', 16, 12),  # a cadence
])
def test_a_hidden_character_in_what_is_matched_is_one_finding(
        write_org, old: str, new: str, line: int, col: int) -> None:
    root = write_org({"org.yaml": MANILA.replace(old, new, 1)})
    assert _findings(root) == [("IN003", "org.yaml", line, col)]


# --- a kind that cannot be read ------------------------------------------------------------

@pytest.mark.parametrize("kind", ["Ｔｅａｍ", '""', "123", "Teem", "员工"])
def test_a_kind_not_read_is_one_finding_that_names_the_kind_its_fields_fit(
        write_org, kind: str) -> None:
    root = write_org({"org.yaml": MANILA.replace("kind: Team\n  id: kefu-manila",
                                                 f"kind: {kind}\n  id: kefu-manila", 1)})
    run = run_cli("check", str(root), "--format", "json", "--isolated", "--lang", "en",
                  "--select", "IN,SC,RF,MT,HI")
    assert [(f["code"], f["line"], f["column"], f["hint"]) for f in run.json()["findings"]] \
        == [("IN010", 6, 3, "did you mean `Team`?")]


def test_a_kind_word_and_a_misspelt_id_key_are_held_as_the_kind_and_the_id_meant(
        write_org) -> None:
    root = write_org({"org.yaml": MANILA.replace("kind: Team\n  id: kefu-manila",
                                                 "kind: 部门\n  idd: kefu-manila", 1)})
    assert _findings(root) == [("IN010", "org.yaml", 6, 3)]


# --- time zones ----------------------------------------------------------------------------

def test_one_ambiguous_zone_in_both_the_cadence_and_the_field_is_one_finding(write_org) -> None:
    root = write_org({"org.yaml": MANILA.replace("每周一 10:00", "每周一 10:00 CST")
                      .replace("timezone: Asia/Shanghai", "timezone: CST")})
    run = run_cli("check", str(root), "--format", "json", "--isolated", "--lang", "en",
                  "--select", "MT006")
    assert [(f["code"], f["line"], f["column"], f["message"], f["hint"])
            for f in run.json()["findings"]] == [
        ("MT006", 19, 3, "meeting 'weekly' gives time zone 'CST', which names more than one "
                         "zone (Asia/Shanghai, America/Chicago)",
         "write the one meant as `timezone:` (Asia/Shanghai / America/Chicago) and leave the "
         "abbreviation out of the cadence")]


# --- full-width digits ---------------------------------------------------------------------

def test_a_period_in_full_width_characters_is_told_in_ascii(write_org) -> None:
    root = write_org({"org.yaml": MANILA + "- kind: Objective\n  id: o1\n  title: 提升满意度\n"
                                           "  owner: kefu\n  period: ２０２６-Ｑ１\n"})
    run = run_cli("check", str(root), "--format", "json", "--isolated", "--lang", "en",
                  "--select", "SC003")
    assert [(f["code"], f["line"], f["column"], f["message"], f["hint"])
            for f in run.json()["findings"]] == [
        ("SC003", 24, 11, "objective 'o1': `period` '２０２６-Ｑ１' is not a period: write "
         "`2026-Q1`",
         "periods are written 2026, 2026-H1 or 2026-Q1")]


# --- the cache -----------------------------------------------------------------------------

def test_a_folder_planted_as_the_caches_secret_neither_fails_nor_trusts(
        write_org, tmp_path: Path) -> None:
    root = write_org({"org.yaml": MANILA})
    cache = tmp_path / "cache"
    first = run_cli("check", str(root), "--isolated", "--format", "json",
                    env={"ORGSPEC_CACHE_DIR": str(cache)})
    (cache / "secret.key").unlink()
    (cache / "secret.key").mkdir()

    again = run_cli("check", str(root), "--isolated", "--format", "json",
                    env={"ORGSPEC_CACHE_DIR": str(cache)})

    assert (again.code, again.stderr) == (first.code, "")
    assert again.json()["findings"] == first.json()["findings"]


def test_cache_clean_refuses_a_folder_whose_tag_is_not_text(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "CACHEDIR.TAG").write_bytes(b"\xff\xfe\x00orgspec")

    run = run_cli("cache", "clean", "--isolated", env={"ORGSPEC_CACHE_DIR": str(cache)})

    assert (run.code, run.stdout) == (2, "")
    assert run.stderr == (f"orgspec: error: {cache} does not look like an orgspec cache; not "
                          "removed\n")
    assert cache.is_dir()


@pytest.mark.parametrize("written", ["localtime", "Factory"])
def test_a_zone_file_that_names_no_place_is_no_zone(write_org, written: str) -> None:
    root = write_org({"org.yaml": MANILA.replace("timezone: Asia/Shanghai",
                                                 f"timezone: {written}")})
    run = run_cli("check", str(root), "--format", "json", "--isolated", "--lang", "en",
                  "--select", "MT006")
    assert [(f["code"], f["line"], f["column"], f["message"])
            for f in run.json()["findings"]] == [
        ("MT006", 19, 3, f"meeting 'weekly' gives time zone {written!r}, which is not a known "
                         "time zone")]
