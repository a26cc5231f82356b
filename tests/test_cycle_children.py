"""One mistake, one finding: a `parent` that closes a loop in a tree that also lists
`children` gave HI001 and, for the same `parent` line, HI002 (the parent's `children` does not
list the team; the old parent's `children` lists it, but its parent is another). Each HI002
about a `parent` of the loop is held back behind the HI001; one about another team is not."""

from __future__ import annotations

from orgspec.engine.lint import lint
from orgspec.load.config import Config, Selector

ORG = """\
- {kind: Person, id: amy, name: Amy}
- {kind: Person, id: bob, name: Bob}
- {kind: Person, id: cat, name: Cat}
- {kind: Person, id: dan, name: Dan}
- {kind: Person, id: eve, name: Eve}
- {kind: Responsibility, id: d1, name: D1, accountable: [hq]}
- {kind: Responsibility, id: d2, name: D2, accountable: [ops]}
- {kind: Responsibility, id: d3, name: D3, accountable: [sales]}
- {kind: Responsibility, id: d4, name: D4, accountable: [desk]}
- {kind: Responsibility, id: d5, name: D5, accountable: [hr]}
- kind: Team
  id: hq
  name: HQ@HQ@
  lead: amy
  members: [amy]
  responsibilities: [d1]
  children: [ops]
- kind: Team
  id: ops
  name: Ops
  parent: @OPS@
  lead: bob
  members: [bob]
  responsibilities: [d2]
  children: [sales]
- kind: Team
  id: sales
  name: Sales
  parent: ops
  lead: cat
  members: [cat]
  responsibilities: [d3]
  children: [desk]
- kind: Team
  id: desk
  name: Desk
  parent: sales
  lead: dan
  members: [dan]
  responsibilities: [d4]
- kind: Team
  id: hr
  name: HR
  parent: hq
  lead: eve
  members: [eve]
  responsibilities: [d5]
"""
QUIET = ("OK015", "MT005")  # no objective, no meeting: not what this is about
HR = ("HI002", "org.yaml", 44, "team 'hr' has parent 'hq', which does not list it in "
      "`children`")  # hq's `children` lacks hr: a mistake of its own, kept in every case


def _found(write_org, hq: str = "", ops: str = "hq", **config) -> list[tuple[str, ...]]:
    folder = write_org({"org.yaml": ORG.replace("@HQ@", hq).replace("@OPS@", ops)})
    result = lint([str(folder)], Config(lang="en", **config))
    return [(f.code, f.location.file.rsplit("/", 1)[-1], f.location.line, f.message, f.hint)
            for f in result.findings if f.code not in QUIET]


def test_without_the_loop_only_hr_is_said(write_org) -> None:
    assert [f[:4] for f in _found(write_org)] == [HR]


def test_a_team_moved_below_its_own_child_is_one_finding(write_org) -> None:
    """`parent: hq` of ops became `parent: sales`: HI001, plus HI002 at hq's `children`
    (it lists ops, whose parent is sales) and HI002 at ops (sales does not list it)."""
    assert _found(write_org, ops="sales") == [
        ("HI001", "org.yaml", 21, "teams form a parent cycle: Ops (ops) -> Sales (sales) -> "
         "Ops (ops)", "every chain of `parent` must end at a root team (2 findings that "
         "follow from this mistake are held back until it is fixed: HI002 on team 'hq', "
         "HI002 on team 'ops')"),
        (*HR, "add 'hr' to the `children` of 'hq', or leave `children` out there: the "
         "`parent` fields say it")]


def test_a_root_given_a_parent_below_it_is_one_finding(write_org) -> None:
    """The root hq got `parent: sales`: HI001, plus HI002 at hq (sales does not list it)."""
    assert [f[:3] for f in _found(write_org, hq="\n  parent: sales")] == [
        ("HI001", "org.yaml", 14), ("HI002", "org.yaml", 45)]  # hr's, a line lower
    [cycle] = [f for f in _found(write_org, hq="\n  parent: sales") if f[0] == "HI001"]
    assert cycle[4].endswith("(1 finding that follows from this mistake is held back until "
                             "it is fixed: HI002 on team 'hq')")


def test_with_hi001_turned_off_the_hi002s_are_said(write_org) -> None:
    assert [f[:3] for f in _found(write_org, ops="sales",
                                  ignore=[Selector("HI001", "HI001")])] == [
        ("HI002", "org.yaml", 17), ("HI002", "org.yaml", 21), HR[:3]]
