"""The hold-backs of trial 7 (a copied id, a file that fails to load) cover what the mistake
can make false, and no more: an unknown person on the team a copied duty names is still
reported, and an unused suppression of a rule that reads no kind the failed file holds is
still called unused. The cascades trial 7 fixed stay fixed (tests/test_trial7.py)."""

from __future__ import annotations

from test_trial7 import DUTIES, DUTIES_BROKEN, TEAMS, check, where

COPIED = DUTIES.replace("id: complaints", "id: promo").replace(
    "# orgspec: ignore[near-duplicate-duties] 运营部只管大促期间的客诉\n", "").replace(
    "accountable: ops\n- kind", "accountable: company\n- kind")


def test_a_copied_duty_id_holds_back_unknown_duties_only(write_org) -> None:
    """The copy of `promo` was meant to be `complaints` (ops's charter names it): that
    RF001 is held; `zhao`, an unknown person in ops, has nothing to do with the copy."""
    teams = TEAMS.replace("  members: [li]\n",
                          "  members: [li, zhao]\n  responsibilities: [complaints]\n")
    found = check(write_org({"teams.yaml": teams, "duties.yaml": COPIED}), "en")
    assert where(found) == [("RF002", "duties.yaml", 7, 3), ("RF001", "teams.yaml", 11, 17)]
    assert found[1]["message"] == "unknown Person 'zhao' in `members` of team 'ops'"


def test_a_copied_team_id_does_not_hold_back_an_unknown_duty(write_org) -> None:
    """The copy of team `company` names ops (as its parent): it may have been meant to be
    a team ops names, not the duty ops's charter names."""
    teams = TEAMS.replace("  members: [li]\n",
                          "  members: [li]\n  responsibilities: [complaints]\n") + \
        "- kind: Team\n  id: company\n  name: 总部\n  parent: ops\n"
    duties = DUTIES.replace("# orgspec: ignore[near-duplicate-duties] 运营部只管大促期间的客诉\n",
                            "").replace("id: complaints", "id: refunds")
    found = [f for f in check(write_org({"teams.yaml": teams, "duties.yaml": duties}), "en")
             if f["code"].startswith("RF")]
    assert where(found) == [("RF001", "teams.yaml", 12, 22), ("RF002", "teams.yaml", 20, 3)]
    assert found[0]["message"] == ("unknown Responsibility 'complaints' in `responsibilities` "
                                   "of team 'ops'")


HIER = """\
- kind: Team
  id: company
  name: 公司
  lead: wang
  members: [wang]
# orgspec: ignore[team-without-members] 新部门，下周到人
- kind: Team
  id: ops
  name: 运营部
  parent: company
  lead: wang
- kind: Person
  id: wang
  name: 王芳
"""


def test_a_suppression_of_a_rule_that_reads_no_kind_of_the_failed_file_is_unused(
        write_org) -> None:
    """HI006 (team without members) reads teams only; the file that failed holds duties:
    the suppression is known to be unused, and said so."""
    teams = HIER.replace("  lead: wang\n- kind: Person", "  lead: wang\n  members: [wang]\n"
                         "- kind: Person")
    found = check(write_org({"teams.yaml": teams, "duties.yaml": DUTIES_BROKEN}), "en")
    assert ("SU001", "teams.yaml", 6, 1) in where(found)


def test_a_suppression_of_a_rule_that_reads_the_failed_files_kind_is_not_called_unused(
        write_org) -> None:
    teams = HIER.replace("  lead: wang\n- kind: Person", "  lead: wang\n  members: [wang]\n"
                         "- kind: Person")
    broken = teams.replace("- kind: Team\n  id: company", "- kind: Team\n  id: spare").replace(
        "  name: 公司\n", "  name: 公司: 备用\n").split("- kind: Team\n  id: ops")[0]
    found = check(write_org({"teams.yaml": teams, "more.yaml": broken}), "en")
    assert ("IN001", "more.yaml", 3, 11) in where(found)  # it failed to load (at its error)
    assert not [f for f in found if f["code"] == "SU001"]
