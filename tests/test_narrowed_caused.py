"""A run narrowed to some files (`orgspec check org/teams.yaml`, an editor on save) reports
what those files broke elsewhere: renaming a team in teams.yaml leaves its old id in the
positions and duties, and that RF001 is listed, at the first reference (the others its
related locations, `engine.sameid`); the other files'
findings it did not cause are not listed but counted in the summary, so that a narrowed
run never says "no problems" while the org has some (trial 27: a Hong Kong ops director
renamed a team and was told all was well)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import git, run_cli

from orgspec.ci import before

TEAMS = """\
- kind: Team
  id: company
  name: 公司
  lead: chan
  members: [chan]
- kind: Team
  id: ops-hk
  name: 香港營運部
  parent: company
  lead: lee
  members: [lee]
"""
# `manager: nobody` at line 4 is unknown already: an RF001 that teams.yaml did not cause
PEOPLE = """\
- kind: Person
  id: chan
  name: 陳大文
  manager: nobody
- kind: Person
  id: lee
  name: 李小明
"""
POSITIONS = """\
- kind: Role
  id: store-manager
  name: 門市經理
  team: ops-hk
  holders: [lee]
"""
DUTIES = """\
- kind: Responsibility
  id: store-ops
  name: 門市營運
  accountable: ops-hk
"""


@pytest.fixture
def repo(write_org) -> Path:
    """An org committed to git, then team `ops-hk` renamed `hk-ops` in teams.yaml only."""
    root = write_org({"teams.yaml": TEAMS, "people.yaml": PEOPLE,
                      "positions.yaml": POSITIONS, "duties.yaml": DUTIES})
    git(root.parent, "init", "-q")
    git(root.parent, "add", ".")
    git(root.parent, "commit", "-qm", "org")
    (root / "teams.yaml").write_text(TEAMS.replace("id: ops-hk", "id: hk-ops"),
                                     encoding="utf-8")
    return root


def _more(n: int) -> str:
    return "… and 1 finding in other files: run `orgspec check org` to see it." if n == 1 \
        else f"… and {n} findings in other files: run `orgspec check org` to see them."


def check(root: Path, *args: str, lang: str = "en") -> tuple[list[tuple[str, str, int]], str]:
    """(code, file, line) of each finding of the JSON output, and the text summary line."""
    run = run_cli("check", *args, "--no-cache", "--format", "json", "--lang", lang,
                  cwd=root.parent)
    text = run_cli("check", *args, "--no-cache", "--lang", lang, cwd=root.parent)
    found = [(f["code"], Path(f["file"]).name, f["line"]) for f in run.json()["findings"]]
    return found, text.stdout.splitlines()[-1]


def _related(root: Path, target: str, at: str) -> list[tuple[str, int]]:
    """(file name, line) of each related location of the RF001 in file `at` that a check
    of `target` reports."""
    run = run_cli("check", target, "--no-cache", "--format", "json", "--lang", "en",
                  cwd=root.parent)
    return [(Path(r["file"]).name, r["line"]) for f in run.json()["findings"]
            if f["code"] == "RF001" and Path(f["file"]).name == at for r in f["related"]]


def test_the_whole_org_has_the_renamed_ids_rf001s_and_the_unrelated_one(repo: Path) -> None:
    found, _ = check(repo, "org")
    # the old id's two references are one finding, the other its related location, after
    # the renamed team's `id` (trial 31)
    assert [f for f in found if f[0] == "RF001"] == [
        ("RF001", "duties.yaml", 4), ("RF001", "people.yaml", 4)]
    assert _related(repo, "org", "duties.yaml") == [("teams.yaml", 7), ("positions.yaml", 4)]


def test_checking_the_renaming_file_lists_what_it_broke_in_other_files(repo: Path) -> None:
    found, summary = check(repo, "org/teams.yaml")
    # the old id, still named in duties.yaml and positions.yaml: one finding, the other
    # reference its related location; not people.yaml:4's `nobody`, which no team file
    # defined
    assert [f for f in found if f[0] == "RF001"] == [("RF001", "duties.yaml", 4)]
    assert _related(repo, "org/teams.yaml", "duties.yaml") == [("teams.yaml", 7),
                                                                ("positions.yaml", 4)]
    assert all(f[1] in {"teams.yaml", "duties.yaml", "positions.yaml"} for f in found)
    whole, _ = check(repo, "org")
    assert sorted(set(whole) - set(found)) == [("RF001", "people.yaml", 4)]  # `nobody`
    assert summary == "Found 1 error, 2 warnings, 0 info in 4 files (6 entities). " + _more(1)


def test_a_file_that_caused_nothing_lists_only_its_own_and_counts_the_rest(
        repo: Path) -> None:
    git(repo.parent, "checkout", "--", "org/teams.yaml")
    run = run_cli("check", "org/positions.yaml", "--no-cache", "--format", "json",
                  cwd=repo.parent)
    assert run.json()["summary"]["elsewhere"] == 1
    assert "elsewhere" not in run_cli("check", "org", "--no-cache", "--format", "json",
                                      cwd=repo.parent).json()["summary"]
    found, summary = check(repo, "org/positions.yaml")
    assert found == []
    whole, _ = check(repo, "org")
    assert whole == [("RF001", "people.yaml", 4)]
    assert summary == f"No problems found in the files named. {_more(1)}"


@pytest.mark.parametrize(("lang", "said"), [
    ("zh", "另有 {n} 条问题在其他文件中：运行 `orgspec check org` 查看。"),
    ("zh-Hant", "另有 {n} 條問題在其他檔案中：執行 `orgspec check org` 檢視。"),
])
def test_the_count_elsewhere_is_said_in_chinese(repo: Path, lang: str, said: str) -> None:
    git(repo.parent, "checkout", "--", "org/teams.yaml")
    found, summary = check(repo, "org/positions.yaml", lang=lang)
    whole, _ = check(repo, "org", lang=lang)
    assert found == []
    assert summary.endswith(said.format(n=len(whole)))
    assert summary.startswith("给出的文件中未发现问题。" if lang == "zh" else
                              "給出的檔案中未發現問題。")


def test_a_removed_person_is_found_at_the_references_in_other_files(repo: Path) -> None:
    """Removing `lee` from people.yaml: lee is lead and member of ops-hk in teams.yaml and
    holds the position: each reference is listed by a check of people.yaml alone."""
    git(repo.parent, "checkout", "--", "org/teams.yaml")
    (repo / "people.yaml").write_text(PEOPLE.split("- kind: Person\n  id: lee")[0].replace(
        "  manager: nobody\n", ""), encoding="utf-8")
    found, _ = check(repo, "org/people.yaml")
    assert [f for f in found if f[0] == "RF001"] == [("RF001", "positions.yaml", 5)]
    assert _related(repo, "org/people.yaml", "positions.yaml") == [
        ("teams.yaml", 10), ("teams.yaml", 11)]


def test_outside_git_the_ids_defined_now_still_count(write_org) -> None:
    """No repository: nothing is known of before; a reference elsewhere to an id the named
    file defines as another kind (a team where a person is wanted) is still its doing."""
    root = write_org({"teams.yaml": TEAMS, "people.yaml": PEOPLE,
                      "positions.yaml": POSITIONS.replace("holders: [lee]",
                                                          "holders: [ops-hk]")})
    found, _ = check(root, "org/teams.yaml")
    assert ("RF001", "positions.yaml", 5) in found
    assert before.defined_by([str(root / "teams.yaml")]) == {"company", "ops-hk"}


def test_git_is_not_asked_when_no_other_file_has_a_reference_finding(
        repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    git(repo.parent, "checkout", "--", "org/teams.yaml")
    (repo / "people.yaml").write_text(PEOPLE.replace("  manager: nobody\n", ""),
                                      encoding="utf-8")
    asked: list[object] = []
    monkeypatch.setattr(before, "_git", lambda *a, **k: asked.append(a))
    found, _ = check(repo, "org/teams.yaml")
    assert not asked
    assert not [f for f in found if f[0] == "RF001"]


def test_the_ids_committed_are_read_from_git_head(repo: Path) -> None:
    assert before.defined_by([str(repo / "teams.yaml")]) == {"company", "ops-hk", "hk-ops"}
    assert before.defined_by([str(repo)]) >= {"company", "ops-hk", "hk-ops", "chan", "lee",
                                              "store-manager", "store-ops"}


def test_findings_a_baseline_knows_are_not_counted_elsewhere(repo: Path) -> None:
    """The count is of what `check org` would list: with the baseline, not what it hides."""
    git(repo.parent, "stash", "-q")
    base = repo.parent / "baseline.json"
    run_cli("check", "org", "--no-cache", "--write-baseline", str(base), cwd=repo.parent)
    git(repo.parent, "stash", "pop", "-q")
    found, summary = check(repo, "org/teams.yaml", "--baseline", str(base))
    whole, _ = check(repo, "org", "--baseline", str(base))
    # the renamed id's RF001 is new: listed; `nobody` is known: neither listed nor counted
    assert [f for f in found if f[0] == "RF001"] == [("RF001", "duties.yaml", 4)]
    assert sorted(whole) == sorted(found)
    assert "in other files" not in summary


def test_a_rename_with_an_alias_lists_the_former_id_warnings_elsewhere(repo: Path) -> None:
    """`aliases: [ops-hk]` keeps the old references working: one RF005 warning for them
    (trial 31), in the other files, that the named file's rename caused."""
    (repo / "teams.yaml").write_text(TEAMS.replace("id: ops-hk", "id: hk-ops\n  aliases: "
                                                   "[ops-hk]"), encoding="utf-8")
    found, summary = check(repo, "org/teams.yaml")
    assert [f for f in found if f[0].startswith("RF")] == [("RF005", "duties.yaml", 4)]
    assert summary.endswith(_more(1))  # `nobody`
