"""Trial 21: a team's id changed (`ke-fu-bu`, the reading of 客服部, became
`customer-service`) while its references kept the old one gave one RF001 per reference; it is
one rename, so one RF007 at the definition says how an alias keeps the references working."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgspec.engine.lint import lint
from orgspec.load.config import Config

ORG = """\
- kind: Team
  id: customer-service
  name: 客服部
  lead: lin
  members: [lin, wu]
  mission: 处理客户咨询与投诉
  responsibilities:
    - complaints

- kind: Team
  id: ops
  name: 运营部
  lead: zhou
  members: [zhou]
  responsibilities:
    - ref: complaints
      role: consulted

- {kind: Person, id: lin, name: 林怡君, title: 客服主管}
- {kind: Person, id: wu, name: 吴佩珊, title: 客服专员}
- {kind: Person, id: zhou, name: 周明, title: 运营经理}

- kind: Responsibility
  id: complaints
  name: 客诉处理
  description: 处理客户投诉并在24小时内回复
  accountable: ke-fu-bu
  responsible: [ke-fu-bu]
  consulted: [ops]

- kind: Meeting
  id: standup
  name: 晨会
  cadence: 每个工作日 9:30
  owner: ke-fu-bu
  attendees: [lin, wu]
"""


def _found(tmp_path: Path, text: str) -> list[tuple[str, int, int]]:
    (tmp_path / "org.yaml").write_text(text, encoding="utf-8")
    return [(f.code, f.location.line, f.location.col)
            for f in lint([str(tmp_path)]).findings if f.code.startswith("RF")]


def test_renamed_team_is_one_finding_at_its_id(tmp_path: Path) -> None:
    (tmp_path / "org.yaml").write_text(ORG, encoding="utf-8")
    found = [f for f in lint([str(tmp_path)]).findings if f.code.startswith("RF")]
    assert [(f.code, f.location.line, f.location.col) for f in found] == [("RF007", 2, 7)]
    assert [(r.location.line, r.location.col) for r in found[0].related] == \
        [(27, 16), (28, 17), (35, 10)]
    assert "aliases: [ke-fu-bu]" in str(found[0].hint)


def test_the_alias_it_asks_for_resolves_the_references(tmp_path: Path) -> None:
    fixed = ORG.replace("  id: customer-service\n",
                        "  id: customer-service\n  aliases: [ke-fu-bu]\n")
    # the three references are one RF005 (trial 31), the others its related locations
    assert _found(tmp_path, fixed) == [("RF005", 28, 16)]
    found = [f for f in lint([str(tmp_path)]).findings if f.code == "RF005"]
    assert [(r.location.line, r.location.col) for r in found[0].related] == \
        [(29, 17), (36, 10)]


@pytest.mark.parametrize(("old", "new", "want"), [
    # one reference: either side may hold the mistake, RF001's did-you-mean says it
    ("  accountable: ke-fu-bu\n  responsible: [ke-fu-bu]\n",
     "  accountable: lin\n  responsible: [lin]\n", [("RF001", 35, 10)]),
    # the references naming it twice are enough to say it
    ("  responsible: [ke-fu-bu]\n", "  responsible: [lin]\n", [("RF007", 2, 7)]),
    # the team referenced by its id elsewhere: not renamed; the references to the unknown
    # id are one RF001 at the first, the others its related locations (trial 30)
    ("  consulted: [ops]\n", "  consulted: [ops, customer-service]\n",
     [("RF001", 27, 16)]),
])
def test_not_a_rename(tmp_path: Path, old: str, new: str,
                      want: list[tuple[str, int, int]]) -> None:
    assert old in ORG
    assert _found(tmp_path, ORG.replace(old, new)) == want


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "the references then still work, each with an RF005 warning until it names "
           "`customer-service`"),
    ("zh", "这些引用仍然有效，但每处在改成 `customer-service` 之前都会有一条 RF005 警告"),
    ("zh-Hant", "這些引用仍然有效，但每處在改成 `customer-service` 之前都會有一條 RF005 警告"),
])
def test_the_hint_warns_of_the_rf005_each_old_reference_keeps(tmp_path: Path, lang: str,
                                                               said: str) -> None:
    """Trial 23: the alias keeps the references working, but each still warns (RF005,
    exit 0) until renamed; the hint says so, so the warnings after the fix are no surprise."""
    (tmp_path / "org.yaml").write_text(ORG, encoding="utf-8")
    (found,) = [f for f in lint([str(tmp_path)], Config(lang=lang)).findings
                if f.code == "RF007"]
    assert said in str(found.hint)
