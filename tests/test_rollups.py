"""Issue 15, roll-ups and RACI edge cases: groupings, the README's charter/duty split, and
placeholders in any RACI field. Each kind with its exact finding (code, file, line)."""

from __future__ import annotations

import datetime as dt

from orgspec.engine.lint import lint
from orgspec.load.config import Config, Selector

RULES = Config(select=[Selector(s, "t") for s in ("HI006", "OW002", "OW003", "OW004", "OW006")])

ORG = """\
- {kind: Team, id: company}
- {kind: Team, id: commerce, parent: company}
- {kind: Team, id: checkout, parent: commerce, members: [ada], responsibilities: [payments]}
- {kind: Team, id: labs, parent: company}
- {kind: Team, id: ideas, parent: labs}
- {kind: Team, id: platform, members: [bo], responsibilities: [on-call]}
- {kind: Team, id: sre, members: [bo]}
- kind: Team
  id: ops
  members: [bo]
  responsibilities:
    - {ref: pricing, role: consulted}
- {kind: Person, id: ada}
- {kind: Person, id: bo}
- {kind: Responsibility, id: payments, description: Keep payments working}
- {kind: Responsibility, id: on-call, description: Answer pages, responsible: [sre]}
- {kind: Responsibility, id: pricing, description: Prices, accountable: platform, informed: [ops]}
- kind: Responsibility
  id: refunds
  description: Pay refunds
  accountable: platform
  responsible: TBD
  consulted: [sre, 待定]
- kind: Responsibility
  id: returns
  description: Take returns back
  accountable: TBD
  responsible: [sre]
"""


def findings(write_org, rules: Config = RULES) -> list[tuple[str, str, int, str]]:
    org = write_org({"org.yaml": ORG})
    result = lint([str(org)], rules, today=dt.date(2026, 5, 1))
    return [(f.code, f.location.file.rsplit("/", 1)[-1], f.location.line, f.message)
            for f in result.findings]


def test_groupings_count_their_subtree(write_org) -> None:
    got = [f for f in findings(write_org) if f[0] in ("HI006", "OW006")]
    # company and commerce are groupings (people and duties sit in checkout); labs and
    # ideas hold nobody and nothing anywhere below: one finding each, HI006's, which says
    # both (OW006 waits behind it: `engine.emptyteam`)
    assert got == [
        ("HI006", "org.yaml", 4, "team 'labs' has no members and holds no duty"),
        ("HI006", "org.yaml", 5, "team 'ideas' has no members and holds no duty"),
    ]
    alone = findings(write_org, Config(select=[Selector("OW006", "t")]))
    assert alone == [
        ("OW006", "org.yaml", 4, "team 'labs' has an empty charter: it holds no duty"),
        ("OW006", "org.yaml", 5, "team 'ideas' has an empty charter: it holds no duty")]


def test_charter_and_duty_split_is_merged_not_a_disagreement(write_org) -> None:
    # platform's charter says accountable for on-call, the duty lists only sre: silent;
    # ops claims consulted on pricing, which lists ops as informed: a real disagreement
    assert [f for f in findings(write_org) if f[0] == "OW004"] == [
        ("OW004", "org.yaml", 12, "team 'ops' claims to be consulted for 'pricing', but the "
         "duty lists it as informed")]


def test_placeholder_in_any_raci_field_is_a_gap(write_org) -> None:
    assert [f for f in findings(write_org) if f[0] in ("OW002", "OW003")] == [
        ("OW002", "org.yaml", 22, "duty 'refunds' has no responsible owner (written as 'TBD')"),
        ("OW002", "org.yaml", 23, "duty 'refunds' names '待定' among its consulted owners"),
        ("OW003", "org.yaml", 25, "duty 'returns' has responsible sre but no accountable "
         "owner (written as 'TBD')"),
    ]
