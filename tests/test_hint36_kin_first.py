"""A misspelt person id close to someone beside the referring entity (fresh-user trial 36):
`lead: zhang-wie` on the team whose members are `[zhang-wei2, ...]` is zhang-wei2 (章伟),
not zhang-wei (张伟) of another team, which, followed, gave HI004 (a lead not a member)."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli

TEAMS = """\
- {kind: Team, id: ceo, name: 总经办, lead: wang-jianguo, members: [wang-jianguo]}
- {kind: Team, id: marketing, name: 市场部, parent: ceo, lead: zhang-wei, members: [zhang-wei]}
- kind: Team
  id: tech
  name: 技术部
  parent: ceo
  lead: zhang-wei2
  members: [zhang-wei2, wu-tao]
"""
PEOPLE = """\
- {kind: Person, id: wang-jianguo, name: 王建国}
- {kind: Person, id: zhang-wei, name: 张伟, manager: wang-jianguo}
- {kind: Person, id: zhang-wei2, name: 章伟, manager: wang-jianguo}
- {kind: Person, id: wu-tao, name: 吴涛, manager: zhang-wei2}
"""


def _check(org: Path) -> tuple[list[tuple[str, str, int]], str]:
    found = run_cli("check", str(org), "--isolated", "--no-cache", "--format", "json",
                    "--lang", "en").json()["findings"]
    text = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", "en").stdout
    return [(f["code"], Path(f["file"]).name, f["line"]) for f in found
            if f["code"].startswith(("RF", "HI"))], text


def test_the_org_is_clean(write_org) -> None:  # type: ignore[no-untyped-def]
    assert _check(write_org({"teams.yaml": TEAMS, "people.yaml": PEOPLE}))[0] == []


def test_a_lead_misspelt_is_the_member_close_to_it(write_org) -> None:  # type: ignore[no-untyped-def]
    """Before: hint `did you mean zhang-wei (张伟)?`, the marketing director."""
    org = write_org({"teams.yaml": TEAMS.replace("  lead: zhang-wei2", "  lead: zhang-wie"),
                     "people.yaml": PEOPLE})
    found, text = _check(org)
    assert found == [("RF001", "teams.yaml", 7)]
    assert "hint: did you mean zhang-wei2 (章伟)?\n" in text
    (org / "teams.yaml").write_text(TEAMS, "utf-8")  # the hint, followed: no HI004
    assert _check(org)[0] == []


def test_a_manager_misspelt_is_the_lead_of_the_persons_team(write_org) -> None:  # type: ignore[no-untyped-def]
    people = PEOPLE.replace("manager: zhang-wei2}", "manager: zhang-wie}")
    found, text = _check(write_org({"teams.yaml": TEAMS, "people.yaml": people}))
    assert found == [("RF001", "people.yaml", 4)]
    assert "hint: did you mean zhang-wei2 (章伟)?\n" in text


def test_a_typo_of_someone_elsewhere_is_still_that_one(write_org) -> None:  # type: ignore[no-untyped-def]
    """No one beside the team is close (zhang-wei2 is not a member): the nearest id of
    the org, as before."""
    teams = TEAMS.replace("  lead: zhang-wei2\n  members: [zhang-wei2, wu-tao]",
                          "  lead: zhang-wie\n  members: [wu-tao]")
    found, text = _check(write_org({"teams.yaml": teams, "people.yaml": PEOPLE}))
    assert ("RF001", "teams.yaml", 7) in found
    assert "did you mean zhang-wei (张伟)?" in text
